import type pg from 'pg';
import type { ColumnInfo, TableRef } from '../../../src-shared/contract/connection-test';
import type { WriteAccess } from '../db-session';

// Schemas that belong to PostgreSQL itself (pg_catalog, pg_toast, pg_temp_N, information_schema).
const USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

export async function serverVersion(client: pg.Client): Promise<string> {
  const result = await client.query<{ server_version: string }>('SHOW server_version');
  const short = result.rows[0]?.server_version ?? 'unknown';
  return `PostgreSQL ${short}`;
}

/** Schemas the login may use; listing ones it cannot enter only invites "permission denied". */
export async function listSchemas(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT n.nspname AS name FROM pg_namespace n
     WHERE ${USER_SCHEMA} AND has_schema_privilege(n.oid, 'USAGE') ORDER BY 1`,
  );
  return result.rows.map((row) => row.name);
}

/** Tables, views, materialized views and foreign tables the login can read (in any column). */
export async function listTables(client: pg.Client, schema: string | null): Promise<TableRef[]> {
  const result = await client.query<{ schema: string; name: string; kind: string }>(
    `SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = coalesce($1, current_schema()) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       AND has_any_column_privilege(c.oid, 'SELECT')
     ORDER BY c.relname`,
    [schema],
  );
  return result.rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    type: row.kind === 'v' || row.kind === 'm' ? 'view' : 'table',
  }));
}

export async function listColumns(client: pg.Client, schema: string | null, table: string): Promise<ColumnInfo[]> {
  const result = await client.query<{ name: string; data_type: string; udt_name: string; is_nullable: string }>(
    `SELECT column_name AS name, data_type, udt_name, is_nullable FROM information_schema.columns
     WHERE table_schema = coalesce($1, current_schema()) AND table_name = $2
     ORDER BY ordinal_position`,
    [schema, table],
  );
  return result.rows.map((row) => ({
    name: row.name,
    // information_schema says USER-DEFINED / ARRAY; the udt name (citext, _int4) is what users know.
    type: row.data_type === 'USER-DEFINED' || row.data_type === 'ARRAY' ? row.udt_name : row.data_type,
    nullable: row.is_nullable === 'YES',
  }));
}

/**
 * Whether the login could change anything: a superuser; INSERT/UPDATE/DELETE/TRUNCATE on any
 * table of a user schema (column-level grants and pg_write_all_data included, as the has_*
 * functions see them); or CREATE in the database or a user schema. The first finding is named;
 * the table search stops at its first hit (no ORDER BY) so a database with many tables stays fast.
 */
export const POSTGRES_WRITE_ACCESS_SQL = `SELECT coalesce(
       (SELECT 'the login ' || quote_ident(current_user) || ' is a superuser'
          FROM pg_roles WHERE rolname = current_user AND rolsuper),
       (SELECT 'the login can ' || p.priv || ' ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          CROSS JOIN (VALUES ('INSERT into'), ('UPDATE'), ('DELETE from'), ('TRUNCATE')) AS p(priv)
          WHERE ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'f')
            AND CASE p.priv
                  WHEN 'INSERT into' THEN has_any_column_privilege(c.oid, 'INSERT')
                  WHEN 'UPDATE' THEN has_any_column_privilege(c.oid, 'UPDATE')
                  WHEN 'DELETE from' THEN has_table_privilege(c.oid, 'DELETE')
                  ELSE has_table_privilege(c.oid, 'TRUNCATE') END
          LIMIT 1),
       (SELECT 'the login can CREATE schemas in database ' || quote_ident(current_database())
          WHERE has_database_privilege(current_database(), 'CREATE')),
       (SELECT 'the login can CREATE tables in schema ' || quote_ident(n.nspname)
          FROM pg_namespace n WHERE ${USER_SCHEMA} AND has_schema_privilege(n.oid, 'CREATE')
          ORDER BY n.nspname LIMIT 1)
     ) AS reason`;

export async function writeAccess(client: pg.Client): Promise<WriteAccess> {
  const result = await client.query<{ reason: string | null }>(POSTGRES_WRITE_ACCESS_SQL);
  const reason = result.rows[0]?.reason ?? null;
  return reason === null ? { state: 'read-only' } : { state: 'can-write', detail: reason };
}
