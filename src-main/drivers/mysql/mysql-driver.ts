import mysql from 'mysql2/promise';
import type { DbSession, DriverModule } from '../db-session';
import { numberField } from '../shared/error-fields';
import { withScrubbedErrors } from '../shared/scrub-secret';
import { describeVersion, listColumns, listSchemas, listTables, writeAccess, type QueryRows } from './mysql-catalog';
import { classifyMysqlError } from './mysql-classify';
import { previewMysql } from './mysql-preview';
import { isMariadb, refuseStoredCode, type SqlRunner } from './mysql-stored-code';
import { streamMysql } from './mysql-stream';
import { mysqlConnectionOptions, type MysqlConnection } from './mysql-config';

export type { MysqlConnection } from './mysql-config';

export const mysqlDriver: DriverModule<MysqlConnection> = {
  async connect(connection, password, { timeoutMs }): Promise<DbSession> {
    const guard = <T>(work: () => Promise<T>) => withScrubbedErrors(password, work);
    const conn = await guard(() => mysql.createConnection(mysqlConnectionOptions(connection, password, timeoutMs)));
    // A connection that dies while idle emits 'error'; unheard, Node would end the whole process.
    conn.on('error', () => undefined);
    // mysql2's per-query timeout is the client's backstop; the server-side limit below stops the work.
    const query: QueryRows = async (sql, values) => {
      const [rows] = await conn.query<mysql.RowDataPacket[]>({ sql, values, timeout: timeoutMs + 1_000 });
      return rows;
    };
    let version: string;
    try {
      version = await guard(async () => String((await query('SELECT VERSION() AS v'))[0]?.v ?? 'unknown'));
      await limitStatementTime(query, version, timeoutMs);
    } catch (error) {
      conn.destroy();
      throw error;
    }
    const run: SqlRunner = {
      // SET and PREPARE answer with a status packet, not rows.
      rows: async (sql, values) => {
        const rows: unknown = await query(sql, values);
        return Array.isArray(rows) ? (rows as mysql.RowDataPacket[]) : [];
      },
      errorNumber: (error) => numberField(error, 'errno'),
    };
    // Asked at the first preview or full read only; Test connection and the browser never need it.
    let mariadb: Promise<boolean> | undefined;
    const refuse = async (sql: string) => refuseStoredCode(run, sql, await (mariadb ??= isMariadb(run, version)));
    return {
      serverVersion: async () => describeVersion(version),
      writeAccess: () => guard(() => writeAccess(query)),
      listSchemas: () => guard(() => listSchemas(query)),
      listTables: (schema) => guard(() => listTables(query, schema)),
      listColumns: (schema, table) => guard(() => listColumns(query, schema, table)),
      preview: (sql, options) =>
        guard(async () => {
          // The preview's own limit replaces the connect-time one for this statement.
          await limitStatementTime(query, version, options.timeoutMs);
          // A read-only transaction does not stop what a stored function does (files, settings).
          await refuse(sql);
          return previewMysql(conn, sql, options);
        }),
      stream: (sql, options) =>
        guard(async () => {
          await limitStatementTime(query, version, options.timeoutMs);
          await refuse(sql);
          return streamMysql(conn, sql, options);
        }),
      cancelTarget: () => ({ kind: 'mysql', threadId: conn.threadId }),
      cancelOther: async (target) => {
        // KILL QUERY stops the statement and keeps that connection; the id is a number we got from the server.
        if (target.kind === 'mysql') await guard(() => query(`KILL QUERY ${Math.trunc(target.threadId)}`));
      },
      close: async () => {
        await conn.end().catch(() => conn.destroy());
      },
    };
  },
  classify: classifyMysqlError,
};

/**
 * A server-side limit, so a slow catalogue query stops on the server too: MariaDB's
 * max_statement_time (seconds, every statement), MySQL's MAX_EXECUTION_TIME (ms, SELECT only).
 * Older servers lack both; the client backstop then is the only limit, so failure is ignored.
 */
async function limitStatementTime(query: QueryRows, version: string, timeoutMs: number): Promise<void> {
  const sql = /mariadb/i.test(version)
    ? `SET SESSION max_statement_time = ${timeoutMs / 1000}`
    : `SET SESSION MAX_EXECUTION_TIME = ${Math.round(timeoutMs)}`;
  await query(sql).catch(() => undefined);
}
