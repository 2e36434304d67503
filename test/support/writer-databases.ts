import type mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import {
  PG_ADMIN_URL,
  TEST_DATABASE,
  connectMysqlAdmin,
  createSqliteTestFile,
  ensureMysqlTestDatabase,
  ensurePostgresTestDatabase,
} from './databases';
import { makeTempDir, type TempDir } from './temp-dir';

export interface WriterDatabases {
  dir: TempDir;
  /** An SQLite copy of the test table, in `dir`. */
  sqliteFile: string;
  /** Superuser connections to the test databases, for checksums and server-side activity. */
  pgAdmin: pg.Client;
  mysqlAdmin: mysql.Connection;
}

/**
 * The test databases of one test file, ready in beforeAll and closed in afterAll. The object is
 * filled in by beforeAll, so read its fields inside tests, not at module level.
 */
export function useWriterDatabases(): WriterDatabases {
  const fixtures = {} as WriterDatabases;
  beforeAll(async () => {
    await ensurePostgresTestDatabase();
    await ensureMysqlTestDatabase();
    fixtures.dir = makeTempDir();
    fixtures.sqliteFile = createSqliteTestFile(fixtures.dir.path);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${TEST_DATABASE}`;
    fixtures.pgAdmin = new pg.Client({ connectionString: url.toString() });
    await fixtures.pgAdmin.connect();
    fixtures.mysqlAdmin = await connectMysqlAdmin();
  });
  afterAll(async () => {
    await fixtures.pgAdmin?.end();
    await fixtures.mysqlAdmin?.end();
    fixtures.dir?.remove();
  });
  return fixtures;
}
