import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbSession } from '../../src-main/drivers/db-session';
import { odbcDriver, type OdbcConnection } from '../../src-main/drivers/odbc/odbc-driver';
import {
  CANARY_PASSWORD,
  ensureMysqlTestDatabase,
  ensurePostgresTestDatabase,
  MYSQL_ENDPOINT,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
} from '../support/databases';

// Full validations over psqlODBC: a server-side cursor (UseDeclareFetch) and a prefetched next batch.
const connection: OdbcConnection = {
  kind: 'odbc',
  connectionString:
    `DRIVER={PostgreSQL Unicode};SERVER=${PG_ENDPOINT.host};PORT=${PG_ENDPOINT.port};` +
    `DATABASE=${TEST_DATABASE};UID=${READER_LOGIN};`,
};

let session: DbSession | undefined;
beforeAll(async () => {
  await ensurePostgresTestDatabase();
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});
const open = async (): Promise<DbSession> => {
  session = await odbcDriver.connect(connection, CANARY_PASSWORD, { timeoutMs: 10_000 });
  return session;
};

describe('ODBC stream through psqlODBC', () => {
  it('hands out every row once, in order, in batches no larger than asked', async () => {
    const stream = await (
      await open()
    ).stream("SELECT i AS n, 'Q' || i AS q FROM generate_series(1, 4321) AS i ORDER BY i", {
      batchSize: 2000,
      timeoutMs: 30_000,
    });
    expect(stream.columns).toEqual(['n', 'q']);
    const rows: unknown[][] = [];
    for await (const batch of stream.batches) {
      expect(batch.length).toBeLessThanOrEqual(2000);
      rows.push(...batch);
    }
    expect(rows).toHaveLength(4321);
    expect(rows[0]).toEqual([1, 'Q1']);
    expect(rows.map((row) => row[0])).toEqual(Array.from({ length: 4321 }, (_, i) => i + 1));
  });

  it('streams from a server-side cursor: a 200 MB result does not land in the driver memory', async () => {
    const odbcSession = await open();
    // Measured before the statement runs: psqlODBC would read everything before its first row.
    const rssAtStart = process.memoryUsage().rss;
    const stream = await odbcSession.stream(
      "SELECT i, repeat('x', 1000) AS filler FROM generate_series(1, 200000) AS i",
      { batchSize: 2000, timeoutMs: 120_000 },
    );
    let rows = 0;
    let peakGrowth = 0;
    for await (const batch of stream.batches) {
      rows += batch.length;
      peakGrowth = Math.max(peakGrowth, process.memoryUsage().rss - rssAtStart);
    }
    expect(rows).toBe(200_000);
    // Without UseDeclareFetch psqlODBC holds the whole result (about 200 MB) before the first row.
    expect(peakGrowth / 1e6).toBeLessThan(100);
  });

  it('reports an SQL error before streaming and leaves the session usable', async () => {
    await expect(
      (await open()).stream('SELECT * FROM no_such_table_here', { batchSize: 100, timeoutMs: 30_000 }),
    ).rejects.toThrow();
    const stream = await session!.stream('SELECT 1 AS one', { batchSize: 100, timeoutMs: 30_000 });
    const rows: unknown[][] = [];
    for await (const batch of stream.batches) rows.push(...batch);
    expect(rows).toEqual([[1]]);
  });

  it('can be left after the first batch while the next one is being fetched', async () => {
    const stream = await (
      await open()
    ).stream('SELECT i FROM generate_series(1, 100000) AS i', {
      batchSize: 500,
      timeoutMs: 30_000,
    });
    for await (const batch of stream.batches) {
      expect(batch[0]).toEqual([1]);
      break;
    }
    const again = await session!.stream('SELECT 2 AS two', { batchSize: 100, timeoutMs: 30_000 });
    for await (const batch of again.batches) expect(batch).toEqual([[2]]);
  });
});

describe('ODBC stream through MariaDB Connector/ODBC', () => {
  // The connector returns only the first block when more than one row is fetched at a time: a
  // full validation once reported 500 rows checked, exit 0, over a 10,000-row table.
  it('hands out every row of a result larger than one fetch', async () => {
    await ensureMysqlTestDatabase();
    const maria: OdbcConnection = {
      kind: 'odbc',
      connectionString:
        `DRIVER={MariaDB Unicode};SERVER=${MYSQL_ENDPOINT.host};PORT=${MYSQL_ENDPOINT.port};` +
        `DATABASE=${TEST_DATABASE};UID=${READER_LOGIN};`,
    };
    session = await odbcDriver.connect(maria, CANARY_PASSWORD, { timeoutMs: 10_000 });
    const stream = await session.stream(
      // MariaDB's Sequence engine; a recursive CTE stops at max_recursive_iterations (1000 here).
      'SELECT seq AS i FROM seq_1_to_2345 ORDER BY seq',
      { batchSize: 1000, timeoutMs: 30_000 },
    );
    const seen: number[] = [];
    for await (const batch of stream.batches) seen.push(...batch.map((row) => Number(row[0])));
    expect(seen).toEqual(Array.from({ length: 2345 }, (_, i) => i + 1));
  });
});
