import crypto from 'node:crypto';
import fs from 'node:fs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../src-main/app-context';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import type { PreviewResult } from '../../src-shared/contract/api';
import type { Connection } from '../../src-shared/contract/model';
import type { Dialect } from '../../src-shared/sql/dialect';
import { WRITE_STATEMENT_CORPUS } from '../../src-shared/sql/statement-corpus';
import { CANARY_PASSWORD, PG_ENDPOINT, TEST_DATABASE, TEST_TABLE, WRITER_LOGIN } from '../support/databases';
import { writerTargets } from '../support/writer-targets';
import { useWriterDatabases } from '../support/writer-databases';
import {
  PROBE_BRIN,
  PROBE_GIN,
  PROBE_SEQUENCE,
  PROBE_TABLE,
  addProbeRows,
  connectProbeAdmin,
  ensureProbeDatabase,
  eventually,
  previewWithoutGuard,
  probeConnection,
  probeSeqScans,
  recordingDriverRun,
  scanProbeTable,
} from '../support/writer-rollback-probe';

// Every statement of the write corpus, sent through query.preview as a user would, with a
// login that CAN write: each is refused before it reaches a driver, and the database is exactly
// as before.
const db = useWriterDatabases();
const driver = recordingDriverRun();
let context: AppContext;
beforeAll(() => {
  context = createAppContext({ dataDir: db.dir.path, seedDemo: false, runDriver: driver.run });
});
afterAll(() => context?.close());

// Other test files create and drop tables of their own in the test database meanwhile: only
// objects whose name a corpus statement holds (one it could create, rename or drop) count.
const corpusNames = [
  ...new Set(WRITE_STATEMENT_CORPUS.flatMap((entry) => entry.sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? [])),
];
const pgChecksum = async () =>
  JSON.stringify(
    (
      await db.pgAdmin.query(
        `SELECT
        (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${TEST_TABLE} t) AS data,
        (SELECT string_agg(relname || ':' || relkind::text, ',' ORDER BY relname) FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND relname = ANY ($1::text[])) AS objects,
        (SELECT count(*) FROM pg_sequences WHERE sequencename = ANY ($1::text[])) AS sequences`,
        [corpusNames],
      )
    ).rows,
  );
const mysqlChecksum = async () => {
  const [sum] = await db.mysqlAdmin.query(`CHECKSUM TABLE ${TEST_DATABASE}.${TEST_TABLE}`);
  const [objects] = await db.mysqlAdmin.query(
    'SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ? AND table_name IN (?) ' +
      'ORDER BY table_name',
    [TEST_DATABASE, corpusNames],
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
    driver.sentSql.length = 0;
    for (const entry of statements) {
      const result = await context.dispatch('query.preview', { systemId, sql: entry.sql });
      expect(result.ok, `${entry.sql} (${entry.why})`).toBe(false);
      if (!result.ok) expect(result.error.code, entry.sql).toBe('QUERY_REFUSED');
    }
    // Refused by the guard in the main process: not one of them went to a driver process.
    expect(driver.sentSql).toEqual([]);
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
    // watchdog then answers (15 s); the guard refuses it, as the test above shows. The calls only
    // the guard stops are left out: the tests below show them getting past this layer.
    const corpus = WRITE_STATEMENT_CORPUS.filter(
      (item) =>
        item.dialects.includes('postgres') && !item.sql.includes('pg_terminate_backend') && item.guardOnly !== true,
    );
    // Straight to the driver process: no statement guard in front. A few at a time: each is its
    // own process and session, so they cannot see each other's (rolled-back) changes.
    const pending = [...corpus];
    const runNext = async (): Promise<void> => {
      const entry = pending.shift();
      if (!entry) return;
      await runInDriverProcess(
        {
          connection,
          password: CANARY_PASSWORD,
          timeoutMs: 5000,
          operation: { op: 'preview', sql: entry.sql, limit: 10, statementTimeoutMs: 5000 },
        },
        15_000,
      );
      await runNext();
    };
    await Promise.all(Array.from({ length: 4 }, runNext));
    expect(await pgChecksum()).toBe(before);
  }, 180_000);
});

// What the read-only, rolled-back transaction does NOT stop, on the real PostgreSQL: each test
// first shows the guard refusing the call before any driver process starts, then sends the same
// statement past the guard, as a real preview (BEGIN READ ONLY … ROLLBACK), and finds its effect
// still there afterwards. Without the guard the first step would fail.
describe('only the guard stops them: effects that outlive the preview’s rollback (PostgreSQL)', () => {
  let admin: pg.Client;
  let systemId: number;
  beforeAll(async () => {
    await ensureProbeDatabase();
    admin = await connectProbeAdmin();
    const created = await context.dispatch('systems.create', {
      name: 'rollback probe',
      connection: probeConnection(),
      password: CANARY_PASSWORD,
    });
    if (!created.ok) throw new Error(created.error.message);
    systemId = (created.value as { id: number }).id;
  });
  afterAll(() => admin?.end());

  /** The guarded preview, as a user runs it: refused, and nothing sent to a driver process. */
  async function expectRefusedUnsent(sql: string, calls: string): Promise<void> {
    driver.sentSql.length = 0;
    const result = await context.dispatch('query.preview', { systemId, sql });
    expect(result).toMatchObject({ ok: false, error: { code: 'QUERY_REFUSED' } });
    expect(result.ok ? '' : result.error.message).toContain(`calls ${calls}(), which would`);
    expect(driver.sentSql).toEqual([]);
  }

  async function firstCellWithoutGuard(sql: string): Promise<string> {
    const response = await previewWithoutGuard(sql);
    if (!response.ok) throw new Error(`${sql}: ${response.message}`);
    return String(response.value.rows[0]?.[0]);
  }

  // First in this block: a session that touched the table reports its counts up to 10 s later,
  // which after the reset would look like counts that came back.
  it('pg_stat_reset_single_table_counters: the table’s scan counts stay reset', async () => {
    // Counts of earlier runs may be there already: wait for this scan's own to arrive.
    const earlier = await probeSeqScans(admin);
    await scanProbeTable();
    const counted = await eventually(
      () => probeSeqScans(admin),
      (n) => n > earlier,
    );
    expect(counted).toBeGreaterThan(earlier);
    const sql = `SELECT pg_stat_reset_single_table_counters('${PROBE_TABLE}'::regclass)`;
    await expectRefusedUnsent(sql, 'pg_stat_reset_single_table_counters');
    expect(await probeSeqScans(admin)).toBeGreaterThan(0);
    await firstCellWithoutGuard(sql);
    expect(await probeSeqScans(admin)).toBe(0);
  });

  it('brin_summarize_new_values: the summarised ranges stay summarised', async () => {
    await addProbeRows(admin);
    const sql = `SELECT brin_summarize_new_values('${PROBE_BRIN}')`;
    await expectRefusedUnsent(sql, 'brin_summarize_new_values');
    expect(Number(await firstCellWithoutGuard(sql))).toBeGreaterThan(0);
    // Had the rollback undone it, the ranges would still wait to be summarised.
    const again = await admin.query<{ n: number }>(`SELECT brin_summarize_new_values($1)::int AS n`, [PROBE_BRIN]);
    expect(again.rows[0]?.n).toBe(0);
  });

  it('gin_clean_pending_list: the pending list stays merged into the index', async () => {
    await addProbeRows(admin);
    const sql = `SELECT gin_clean_pending_list('${PROBE_GIN}')`;
    await expectRefusedUnsent(sql, 'gin_clean_pending_list');
    expect(Number(await firstCellWithoutGuard(sql))).toBeGreaterThan(0);
    const again = await admin.query<{ n: number }>(`SELECT gin_clean_pending_list($1)::int AS n`, [PROBE_GIN]);
    expect(again.rows[0]?.n).toBe(0);
  });

  it('txid_current: the transaction ID stays used up, recorded as aborted', async () => {
    const sql = 'SELECT txid_current()';
    await expectRefusedUnsent(sql, 'txid_current');
    const xid = await firstCellWithoutGuard(sql);
    const status = await admin.query<{ status: string }>('SELECT pg_xact_status($1::xid8) AS status', [xid]);
    expect(status.rows[0]?.status).toBe('aborted');
  });

  it('nextval: refused by the guard, and by PostgreSQL itself in a read-only transaction', async () => {
    const sql = `SELECT nextval('${PROBE_SEQUENCE}')`;
    await expectRefusedUnsent(sql, 'nextval');
    const response = await previewWithoutGuard(sql);
    expect(response).toMatchObject({ ok: false, message: expect.stringContaining('read-only transaction') });
  });

  it('pg_notify is allowed: a notification is delivered only at commit, which a preview never does', async () => {
    const listener = await connectProbeAdmin();
    try {
      const received: string[] = [];
      const control = new Promise<void>((resolve) =>
        listener.on('notification', (message) => {
          received.push(message.payload ?? '');
          if (message.payload === 'committed') resolve();
        }),
      );
      await listener.query('LISTEN acd_probe_channel');
      const result = await context.dispatch('query.preview', {
        systemId,
        sql: "SELECT pg_notify('acd_probe_channel', 'from a preview') AS sent",
      });
      expect(result).toMatchObject({ ok: true, value: { columns: ['sent'] } });
      // Notifications arrive in commit order: once the committed one is in, the preview's would be.
      await admin.query("SELECT pg_notify('acd_probe_channel', 'committed')");
      await control;
      expect(received).toEqual(['committed']);
    } finally {
      await listener.end();
    }
  });
});

describe('look-alikes of writes that the guard lets through, on the real servers', () => {
  it('runs MariaDB’s string function INSERT() and numeric TRUNCATE() in a preview', async () => {
    const created = await context.dispatch('systems.create', {
      name: 'mariadb look-alikes',
      connection: writerTargets('').mysql.connection,
      password: CANARY_PASSWORD,
    });
    if (!created.ok) throw new Error(created.error.message);
    const result = await context.dispatch('query.preview', {
      systemId: (created.value as { id: number }).id,
      sql: "SELECT INSERT('Quadratic', 3, 4, 'What') AS s, TRUNCATE(1.25, 1) AS t",
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const rows = result.ok ? (result.value as PreviewResult).rows : [];
    expect(rows.map((row) => row.map(String))).toEqual([['QuWhattic', '1.2']]);
  });
});
