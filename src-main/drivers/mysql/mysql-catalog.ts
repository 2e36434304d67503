import type mysql from 'mysql2/promise';
import type { ColumnInfo, TableRef } from '../../../src-shared/contract/connection-test';
import type { WriteAccess } from '../db-session';
import { writeAccessFromGrants } from './mysql-grants';

/** The server's own schemas; an ACD's data never lives there. */
export const SYSTEM_SCHEMAS = ['information_schema', 'mysql', 'performance_schema', 'sys'];

export type QueryRows = (sql: string, values?: unknown[]) => Promise<mysql.RowDataPacket[]>;

/** `10.11.19-MariaDB-0+deb12u1` → `MariaDB 10.11.19-0+deb12u1`; MySQL says only its number. */
export function describeVersion(version: string): string {
  if (/mariadb/i.test(version)) return `MariaDB ${version.replace(/-MariaDB/i, '')}`;
  return `MySQL ${version}`;
}

export async function writeAccess(query: QueryRows): Promise<WriteAccess> {
  const rows = await query('SHOW GRANTS');
  // The single column is named after the user ("Grants for u@%"), so read it by position.
  const lines = rows.map((row) => Object.values(row)[0]).filter((value): value is string => typeof value === 'string');
  return writeAccessFromGrants(lines);
}

export async function listSchemas(query: QueryRows): Promise<string[]> {
  const rows = await query(
    'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN (?) ORDER BY SCHEMA_NAME',
    [SYSTEM_SCHEMAS],
  );
  return rows.map((row) => String(row.name));
}

export async function listTables(query: QueryRows, schema: string | null): Promise<TableRef[]> {
  const rows = await query(
    `SELECT TABLE_SCHEMA AS \`schema\`, TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES
     WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE <> 'SEQUENCE' ORDER BY TABLE_NAME`,
    [schema],
  );
  return rows.map((row) => ({
    schema: String(row.schema),
    name: String(row.name),
    type: /VIEW/.test(String(row.type)) ? 'view' : 'table',
  }));
}

export async function listColumns(query: QueryRows, schema: string | null, table: string): Promise<ColumnInfo[]> {
  const rows = await query(
    `SELECT COLUMN_NAME AS name, DATA_TYPE AS type, IS_NULLABLE AS nullable FROM information_schema.COLUMNS
     WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    [schema, table],
  );
  return rows.map((row) => ({ name: String(row.name), type: String(row.type), nullable: row.nullable === 'YES' }));
}
