import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Connection } from '../../../src-shared/contract/model';
import type { ClassifiedError, DbSession, DriverModule } from '../db-session';
import { capRows } from '../shared/to-cell';

type SqliteConnection = Extract<Connection, { kind: 'sqlite' }>;

/** SQLite files (the embedded demo), always opened read-only. */
export const sqliteDriver: DriverModule<SqliteConnection> = {
  async connect(connection) {
    if (!fs.existsSync(connection.file)) throw new SqliteFileMissing(connection.file);
    const db = new Database(connection.file, { readonly: true, fileMustExist: true });
    // Reading the schema proves the file is a database, not just any file.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return sessionFor(db);
  },

  classify(error, connection): ClassifiedError {
    if (error instanceof SqliteFileMissing) {
      return {
        category: 'DATABASE_NOT_FOUND',
        message: `The SQLite file ${connection.file} does not exist. Check the path.`,
      };
    }
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      return { category: 'BAD_CONFIG', message: `${connection.file} is not an SQLite database, or it is damaged.` };
    }
    if (code === 'SQLITE_CANTOPEN') {
      return {
        category: 'BAD_CONFIG',
        message: `${connection.file} cannot be opened: check that your user may read it.`,
      };
    }
    return { category: 'ERROR', message: `SQLite: ${(error as Error).message ?? String(error)}` };
  },
};

class SqliteFileMissing extends Error {
  constructor(readonly file: string) {
    super(`missing ${file}`);
  }
}

function sessionFor(db: Database.Database): DbSession {
  return {
    serverVersion: async () => `SQLite ${(db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}`,
    // The product opens SQLite read-only, whatever the file's permissions.
    writeAccess: async () => ({ state: 'read-only' }),
    listSchemas: async () => (db.prepare('PRAGMA database_list').all() as { name: string }[]).map((row) => row.name),
    listTables: async (schema) => {
      const rows = db
        .prepare(
          `SELECT name, type FROM "${(schema ?? 'main').replace(/"/g, '""')}".sqlite_master
           WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string; type: 'table' | 'view' }[];
      return rows.map((row) => ({ schema: schema ?? 'main', name: row.name, type: row.type }));
    },
    listColumns: async (schema, table) => {
      const rows = db
        .prepare('SELECT name, type, "notnull" AS not_null FROM pragma_table_info(?, ?)')
        .all(table, schema ?? 'main') as {
        name: string;
        type: string;
        not_null: number;
      }[];
      return rows.map((row) => ({ name: row.name, type: row.type || 'ANY', nullable: row.not_null === 0 }));
    },
    preview: async (sql, { limit }) => {
      const statement = db.prepare(sql);
      const rows: unknown[][] = [];
      // The file is open read-only, so even a statement that writes fails; reading stops at limit + 1.
      for (const row of statement.raw(true).iterate() as IterableIterator<unknown[]>) {
        rows.push(row);
        if (rows.length > limit) break;
      }
      return { columns: statement.columns().map((column) => column.name), ...capRows(rows, limit) };
    },
    stream: async (sql, { batchSize }) => {
      const statement = db.prepare(sql);
      const rows = statement.raw(true).iterate() as IterableIterator<unknown[]>;
      async function* batches(): AsyncGenerator<unknown[][]> {
        let batch: unknown[][] = [];
        for (const row of rows) {
          batch.push(row);
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      }
      return { columns: statement.columns().map((column) => column.name), batches: batches() };
    },
    // A local file: killing the driver process stops the statement.
    cancelTarget: () => null,
    cancelOther: async () => undefined,
    close: async () => {
      db.close();
    },
  };
}
