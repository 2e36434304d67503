import type mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import type { DriverRequest } from '../../src-main/driver-process/protocol';
import type { PreviewRows } from '../../src-main/drivers/db-session';
import type { Connection } from '../../src-shared/contract/model';
import { CANARY_PASSWORD, TEST_TABLE } from '../support/databases';
import { writerTargets } from '../support/writer-targets';
import { useWriterDatabases } from '../support/writer-databases';

// Previews through every real driver, in the driver process. The login used can write, on
// purpose: the read-only transaction must stop writes even when the login could make them.
const db = useWriterDatabases();

const pgConnection = writerTargets('').pg.connection;
const mysqlConnection = writerTargets('').mysql.connection;
const targets: [string, () => Connection][] = (
  ['pg', 'mysql', 'sqlite', 'psqlodbc', 'mariadbodbc', 'sqliteodbc'] as const
).map((name) => [writerTargets('')[name].label, () => writerTargets(db.sqliteFile)[name].connection]);

function preview(
  connection: Connection,
  sql: string,
  limit = 200,
  statementTimeoutMs = 10_000,
  signal?: AbortSignal,
  connectTimeoutMs = 5000,
) {
  const request: DriverRequest = {
    connection,
    password: connection.kind === 'sqlite' ? undefined : CANARY_PASSWORD,
    timeoutMs: connectTimeoutMs,
    operation: { op: 'preview', sql, limit, statementTimeoutMs },
  };
  return runInDriverProcess<PreviewRows>(request, statementTimeoutMs + 5000, { signal });
}

describe.each(targets)('preview through %s', (_name, connectionFor) => {
  it('returns the columns and rows of the test table, timestamps as naive text', async () => {
    const response = await preview(
      connectionFor(),
      `SELECT queue_id, interval_start, offered FROM ${TEST_TABLE} ORDER BY interval_start, queue_id`,
    );
    expect(response.ok, JSON.stringify(response)).toBe(true);
    if (!response.ok) return;
    expect(response.value.columns).toEqual(['queue_id', 'interval_start', 'offered']);
    expect(response.value.rows.length).toBeGreaterThanOrEqual(3);
    expect(String(response.value.rows[0]?.[1])).toMatch(/^2024-03-31[ T]01:45:00/);
    expect(response.value.truncated).toBe(false);
  });

  it('caps the rows at the limit and says the result had more', async () => {
    const response = await preview(
      connectionFor(),
      `SELECT a.queue_id FROM ${TEST_TABLE} a, ${TEST_TABLE} b, ${TEST_TABLE} c`,
      5,
    );
    expect(response).toMatchObject({ ok: true, value: { truncated: true } });
    expect(response.ok && response.value.rows).toHaveLength(5);
  });

  it('leaves the data unchanged when a write reaches the database', async () => {
    const count = async () => {
      const response = await preview(connectionFor(), `SELECT count(*) FROM ${TEST_TABLE}`);
      return response.ok ? Number(response.value.rows[0]?.[0]) : NaN;
    };
    const before = await count();
    await preview(
      connectionFor(),
      `INSERT INTO ${TEST_TABLE} (queue_id, queue_name, interval_start, offered, answered) VALUES ('QX', 'x', '2024-01-01 00:00:00', 1, 1)`,
    );
    expect(await count()).toBe(before);
  });
});

describe('server-side time limit and cancel', () => {
  const pgRunning = async () =>
    (
      await db.pgAdmin.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'",
      )
    ).rows[0].n as number;
  const mysqlRunning = async () => {
    const [rows] = await db.mysqlAdmin.query<mysql.RowDataPacket[]>(
      "SELECT count(*) AS n FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(30)%'",
    );
    return Number(rows[0]?.n);
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

  it('PostgreSQL: pg_sleep ends at the statement time limit and nothing is left running', async () => {
    const response = await preview(pgConnection, 'SELECT pg_sleep(30)', 200, 1000);
    expect(response.ok).toBe(false);
    await settle();
    expect(await pgRunning()).toBe(0);
  });

  it('PostgreSQL: Cancel stops the query on the server', async () => {
    const abort = new AbortController();
    const pending = preview(pgConnection, 'SELECT pg_sleep(30)', 200, 60_000, abort.signal);
    await expect.poll(pgRunning, { timeout: 5000 }).toBe(1);
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, category: 'CANCELLED' });
    await settle();
    expect(await pgRunning()).toBe(0);
  });

  it('MariaDB: SLEEP ends at the statement time limit and nothing is left running', async () => {
    const started = performance.now();
    // The session limit set at connect is 20 s here: only the preview's own 1 s limit can end the
    // sleep well before 15 s (a decisive margin, not a speed requirement).
    const response = await preview(mysqlConnection, 'SELECT SLEEP(30)', 200, 1000, undefined, 20_000);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(response.ok && Number(response.value.rows[0]?.[0])).not.toBe(0);
    await settle();
    expect(await mysqlRunning()).toBe(0);
  });

  it('MariaDB: Cancel stops the query on the server', async () => {
    const abort = new AbortController();
    const pending = preview(mysqlConnection, 'SELECT SLEEP(30)', 200, 60_000, abort.signal);
    await expect.poll(mysqlRunning, { timeout: 5000 }).toBe(1);
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, category: 'CANCELLED' });
    await settle();
    expect(await mysqlRunning()).toBe(0);
  });
});
