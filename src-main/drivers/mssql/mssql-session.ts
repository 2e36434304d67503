import { Request, TYPES, type Connection } from 'tedious';
import type { DbSession } from '../db-session';
import { MssqlQueryError } from './mssql-errors';
import { previewMssql } from './mssql-preview';
import { streamMssql } from './mssql-stream';
import {
  LIST_COLUMNS_SQL,
  LIST_SCHEMAS_SQL,
  LIST_TABLES_SQL,
  readColumn,
  readServerVersion,
  readTable,
  readWriteAccess,
  SERVER_VERSION_SQL,
  WRITE_ACCESS_SQL,
} from './mssql-metadata';

type Row = unknown[];
type Params = Record<string, string | null>;

/**
 * A DbSession over one logged-in tedious connection. Tedious runs one request at a time per
 * connection and throws if a second one starts, so requests are queued here.
 */
export function sessionFor(connection: Connection, password: string | undefined): DbSession {
  let queue: Promise<unknown> = Promise.resolve();
  let ended = false;
  connection.on('end', () => {
    ended = true;
  });
  // Without a listener a lost socket would crash the process; the next request reports it instead.
  connection.on('error', () => undefined);

  const query = (sql: string, params: Params = {}): Promise<Row[]> => {
    const run = queue.then(() => execute(connection, sql, params, password));
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    serverVersion: async () => readServerVersion((await query(SERVER_VERSION_SQL))[0]),
    writeAccess: async () => readWriteAccess((await query(WRITE_ACCESS_SQL))[0]),
    listSchemas: async () => (await query(LIST_SCHEMAS_SQL)).map((row) => String(row[0])),
    listTables: async (schema) => (await query(LIST_TABLES_SQL, { schema })).map(readTable),
    listColumns: async (schema, table) => (await query(LIST_COLUMNS_SQL, { schema, table })).map(readColumn),
    preview: (sql, options) => {
      const run = queue.then(() =>
        previewMssql(connection, (text) => execute(connection, text, {}, password), sql, options, password),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    stream: (sql, options) => {
      const run = queue.then(() =>
        streamMssql(connection, (text) => execute(connection, text, {}, password), sql, options, password),
      );
      // Later requests wait until the stream was read to its end (or abandoned with the process).
      queue = run.catch(() => undefined);
      return run;
    },
    // The TDS attention (tedious cancel) runs in this process; killing it drops the connection too.
    cancelTarget: () => null,
    cancelOther: async () => undefined,
    close: async () => {
      await queue;
      if (ended) return;
      await new Promise<void>((resolve) => {
        connection.once('end', () => resolve());
        connection.close();
      });
    },
  };
}

function execute(connection: Connection, sql: string, params: Params, password: string | undefined): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const rows: Row[] = [];
    const request = new Request(sql, (error) => {
      if (error) reject(new MssqlQueryError(error, password));
      else resolve(rows);
    });
    for (const [name, value] of Object.entries(params)) request.addParameter(name, TYPES.NVarChar, value);
    request.on('row', (columns: Array<{ value: unknown }>) => {
      rows.push(columns.map((column) => column.value));
    });
    connection.execSql(request);
  });
}
