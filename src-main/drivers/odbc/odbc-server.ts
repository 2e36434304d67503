import type odbc from 'odbc';
import type { WriteAccess } from '../db-session';
import { describeVersion } from '../mysql/mysql-catalog';
import { writeAccessFromGrants } from '../mysql/mysql-grants';
import { POSTGRES_WRITE_ACCESS_SQL } from '../postgres/postgres-catalog';

/** What the server behind a generic ODBC connection turned out to be, as far as it matters here. */
export type ServerFlavor = 'postgres' | 'mariadb' | 'mysql' | 'sqlite' | 'other';

export interface ServerIdentity {
  version: string;
  flavor: ServerFlavor;
}

type Row = Record<string, unknown>;

/**
 * Version queries in the dialects our users meet, cheapest guess first. Informix comes from
 * Avaya CMS, the most common ODBC source. A failed probe is an ordinary SQL error, in
 * autocommit mode, so it leaves nothing behind for the next one.
 */
const PROBES: { sql: string; flavor: (version: string) => ServerFlavor; label?: string }[] = [
  {
    sql: 'SELECT version()',
    flavor: (version) => (/^PostgreSQL/i.test(version) ? 'postgres' : /mariadb/i.test(version) ? 'mariadb' : 'other'),
  },
  { sql: 'SELECT @@version', flavor: () => 'other' },
  { sql: 'SELECT sqlite_version()', flavor: () => 'sqlite', label: 'SQLite' },
  { sql: "SELECT DBINFO('version', 'full') FROM systables WHERE tabid = 1", flavor: () => 'other' },
];

export async function identifyServer(connection: odbc.Connection): Promise<ServerIdentity> {
  for (const probe of PROBES) {
    const value = await firstValue(connection, probe.sql).catch(() => undefined);
    if (value === undefined) continue;
    let flavor = probe.flavor(value);
    if (flavor === 'other' && /^\d+\.\d+\.\d+/.test(value) && (await isMysql(connection))) flavor = 'mysql';
    return { version: describe(flavor, value, probe.label), flavor };
  }
  // node-odbc does not expose SQLGetInfo(SQL_DBMS_NAME), the one portable source left.
  return { version: 'unknown', flavor: 'other' };
}

/** The same wording as the native drivers, so a user comparing the two sees the same server. */
function describe(flavor: ServerFlavor, value: string, label: string | undefined): string {
  if (flavor === 'postgres') return value.replace(/ on \S+, compiled by .*$/s, '');
  if (flavor === 'mariadb' || flavor === 'mysql') return describeVersion(value);
  return label === undefined ? value : `${label} ${value}`;
}

/** MySQL answers version() with a bare number, like several other servers; its comment tells. */
async function isMysql(connection: odbc.Connection): Promise<boolean> {
  const comment = await firstValue(connection, 'SELECT @@version_comment').catch(() => undefined);
  return comment !== undefined && /mysql/i.test(comment);
}

/**
 * The same checks the native drivers make, where the server is one we know; a generic ODBC
 * source cannot say in general, so anything else (or a failing check) is "unknown".
 */
export async function odbcWriteAccess(connection: odbc.Connection, flavor: ServerFlavor): Promise<WriteAccess> {
  try {
    if (flavor === 'postgres') {
      const reason = await firstValue(connection, POSTGRES_WRITE_ACCESS_SQL);
      return reason === undefined || reason === '' ? { state: 'read-only' } : { state: 'can-write', detail: reason };
    }
    if (flavor === 'mariadb' || flavor === 'mysql') {
      const rows = await connection.query<Row>('SHOW GRANTS');
      const lines = rows
        .map((row) => Object.values(row)[0])
        .filter((value): value is string => typeof value === 'string');
      return writeAccessFromGrants(lines);
    }
  } catch {
    // Fall through: a check that fails proves nothing either way.
  }
  const detail =
    flavor === 'sqlite'
      ? 'SQLite has no logins: whoever may write the file may change the data'
      : 'a generic ODBC connection cannot tell what the login may change; use a login that may only SELECT';
  return { state: 'unknown', detail };
}

/** The first column of the first row, as text; undefined when there is no row or it is NULL. */
async function firstValue(connection: odbc.Connection, sql: string): Promise<string | undefined> {
  const rows = await connection.query<Row>(sql);
  const value = rows[0] === undefined ? undefined : Object.values(rows[0])[0];
  return value === undefined || value === null ? undefined : String(value);
}
