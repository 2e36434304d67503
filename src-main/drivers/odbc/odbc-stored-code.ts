import type odbc from 'odbc';
import { isMariadb, refuseStoredCode, type SqlRow, type SqlRunner } from '../mysql/mysql-stored-code';
import { field, numberField } from '../shared/error-fields';
import type { ServerIdentity } from './odbc-server';

/**
 * A generic ODBC connection to MySQL or MariaDB gets the same refusal of stored functions as the
 * native connection (mysql-stored-code.ts): a read-only transaction does not stop a function that
 * writes a server file or changes a setting, and through MariaDB Connector/ODBC a preview of
 * `SELECT f()` did write its file. The check, its way of finding functions (preparing the
 * statement, on MariaDB) and its messages are the native driver's own; only the runner differs.
 *
 * Which servers: the server's own answer decides first (identifyServer: VERSION() says MariaDB,
 * or @@version_comment says MySQL), because it holds whatever the connection string or DSN is
 * called and whichever driver reaches the server. A server that answered neither way (a
 * made-up version string, or a MySQL fork whose comment does not say MySQL) is still checked when
 * the ODBC driver is MariaDB's or MySQL's (DRIVER={…}, or the DSN's driver and library as unixODBC
 * lists them): then the server speaks MySQL's protocol, whatever it calls itself. PostgreSQL and
 * SQLite say what they are, so they are never checked.
 */
const MYSQL_FAMILY_DRIVER = /maria|mysql|maodbc|myodbc/i;

export async function reachesMysqlFamily(
  identity: ServerIdentity,
  driverNames: () => Promise<string[]>,
): Promise<boolean> {
  if (identity.flavor === 'mariadb' || identity.flavor === 'mysql') return true;
  if (identity.flavor !== 'other') return false;
  return (await driverNames()).some((name) => MYSQL_FAMILY_DRIVER.test(name));
}

/** node-odbc as the check's runner: rows as objects, and the server's error number of a diagnostic. */
export function odbcSqlRunner(conn: odbc.Connection): SqlRunner {
  return {
    rows: async (sql, values) => {
      const result = values === undefined ? await conn.query<SqlRow>(sql) : await conn.query<SqlRow>(sql, values);
      // A result array also carries statement, columns and count; only its rows are wanted.
      return [...result];
    },
    errorNumber: (error) => {
      const records = field(error, 'odbcErrors');
      if (!Array.isArray(records)) return undefined;
      // MariaDB Connector/ODBC puts the server's error number in each record's native code.
      return records.map((record: unknown) => numberField(record, 'code')).find((code) => code !== undefined);
    },
  };
}

/**
 * The check to run before a preview or full read on this connection: nothing for servers outside
 * the MySQL family. Decided once per session, when first needed.
 */
export function odbcStoredCodeCheck(
  conn: odbc.Connection,
  identity: () => Promise<ServerIdentity>,
  driverNames: () => Promise<string[]>,
): (sql: string) => Promise<void> {
  const run = odbcSqlRunner(conn);
  // undefined: not MySQL or MariaDB; otherwise whether it is MariaDB.
  let decided: Promise<boolean | undefined> | undefined;
  const decide = async (): Promise<boolean | undefined> => {
    const server = await identity();
    if (!(await reachesMysqlFamily(server, driverNames))) return undefined;
    return isMariadb(run, server.version);
  };
  return async (sql) => {
    const mariadb = await (decided ??= decide());
    if (mariadb !== undefined) await refuseStoredCode(run, sql, mariadb);
  };
}
