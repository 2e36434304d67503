import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../src-main/app-context';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import type { Connection } from '../../src-shared/contract/model';
import type { Dialect } from '../../src-shared/sql/dialect';
import { WRITE_STATEMENT_CORPUS } from '../../src-shared/sql/statement-corpus';
import { CANARY_PASSWORD, PG_ENDPOINT, TEST_DATABASE, TEST_TABLE, WRITER_LOGIN } from '../support/databases';
import { writerTargets } from '../support/writer-targets';
import { useWriterDatabases } from '../support/writer-databases';

// Every statement of the write corpus, sent through query.preview as a user would, with a
// login that CAN write: each is refused and the database is exactly as before.
const db = useWriterDatabases();
let context: AppContext;
beforeAll(() => {
  context = createAppContext({ dataDir: db.dir.path, seedDemo: false });
});
afterAll(() => context?.close());

const pgChecksum = async () =>
  JSON.stringify(
    (
      await db.pgAdmin.query(`SELECT
        (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${TEST_TABLE} t) AS data,
        (SELECT string_agg(relname || ':' || relkind::text, ',' ORDER BY relname) FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public') AS objects,
        (SELECT count(*) FROM pg_sequences) AS sequences`)
    ).rows,
  );
const mysqlChecksum = async () => {
  const [sum] = await db.mysqlAdmin.query(`CHECKSUM TABLE ${TEST_DATABASE}.${TEST_TABLE}`);
  const [objects] = await db.mysqlAdmin.query(
    'SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name',
    [TEST_DATABASE],
  );
  return JSON.stringify([sum, objects]);
};
const fileChecksum = () => crypto.createHash('sha256').update(fs.readFileSync(db.sqliteFile)).digest('hex');

const targets: [string, Dialect, () => Connection, () => Promise<string> | string][] = (
  [
    ['pg', 'postgres', pgChecksum],
    ['mysql', 'mysql', mysqlChecksum],
    ['sqlite', 'sqlite', fileChecksum],
    ['psqlodbc', 'postgres', pgChecksum],
    ['mariadbodbc', 'mysql', mysqlChecksum],
  ] as const
).map(([name, dialect, checksum]) => [
  writerTargets('')[name].label,
  dialect,
  () => writerTargets(db.sqliteFile)[name].connection,
  checksum,
]);

describe.each(targets)('write corpus through %s', (name, dialect, connectionFor, checksum) => {
  it(`refuses every write statement for ${dialect} and leaves the database unchanged`, async () => {
    const connection = connectionFor();
    const created = await context.dispatch('systems.create', {
      name: `corpus ${name}`,
      connection,
      ...(connection.kind === 'sqlite' ? {} : { password: CANARY_PASSWORD }),
    });
    if (!created.ok) throw new Error(created.error.message);
    const systemId = (created.value as { id: number }).id;
    const before = await checksum();
    const statements = WRITE_STATEMENT_CORPUS.filter((entry) => entry.dialects.includes(dialect));
    expect(statements.length).toBeGreaterThan(20);
    for (const entry of statements) {
      const result = await context.dispatch('query.preview', { systemId, sql: entry.sql });
      expect(result.ok, `${entry.sql} (${entry.why})`).toBe(false);
      if (!result.ok) expect(['QUERY_REFUSED', 'QUERY_FAILED'], entry.sql).toContain(result.error.code);
    }
    expect(await checksum()).toBe(before);
  });
});

describe('layer 3 alone: PostgreSQL read-only transaction', () => {
  it('keeps the database unchanged even when the guard is bypassed', async () => {
    const connection: Connection = {
      kind: 'postgres',
      ...PG_ENDPOINT,
      database: TEST_DATABASE,
      user: WRITER_LOGIN,
      tls: 'disable',
    };
    const before = await pgChecksum();
    // pg_terminate_backend changes no data but ends this login's own connection, which only the
    // watchdog then answers (15 s); the guard refuses it, as the test above shows.
    const corpus = WRITE_STATEMENT_CORPUS.filter(
      (item) => item.dialects.includes('postgres') && !item.sql.includes('pg_terminate_backend'),
    );
    for (const entry of corpus) {
      // Straight to the driver process: no statement guard in front.
      await runInDriverProcess(
        {
          connection,
          password: CANARY_PASSWORD,
          timeoutMs: 5000,
          operation: { op: 'preview', sql: entry.sql, limit: 10, statementTimeoutMs: 5000 },
        },
        15_000,
      );
    }
    expect(await pgChecksum()).toBe(before);
  }, 180_000);
});
