import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbSession } from '../../src-main/drivers/db-session';
import { mysqlDriver } from '../../src-main/drivers/mysql/mysql-driver';
import type { MysqlConnection } from '../../src-main/drivers/mysql/mysql-config';
import {
  CANARY_PASSWORD,
  ensureMysqlTestDatabase,
  MYSQL_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
} from '../support/databases';

// Full validations read MySQL/MariaDB rows in batches gathered from mysql2's row events.
const connection: MysqlConnection = {
  kind: 'mysql',
  ...MYSQL_ENDPOINT,
  database: TEST_DATABASE,
  user: READER_LOGIN,
  tls: 'disable',
};
// MariaDB's sequence engine: rows without a table (seq is BIGINT UNSIGNED, which mysql2 returns as text).
const numbers = (n: number, extra = '') => `SELECT seq AS n${extra} FROM seq_1_to_${n} ORDER BY seq`;

let session: DbSession | undefined;
beforeAll(async () => {
  await ensureMysqlTestDatabase();
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});
const open = async (): Promise<DbSession> => {
  session = await mysqlDriver.connect(connection, CANARY_PASSWORD, { timeoutMs: 10_000 });
  return session;
};

describe('MySQL/MariaDB stream', () => {
  it('hands out every row once, in order, in batches of at most the batch size', async () => {
    const stream = await (
      await open()
    ).stream(numbers(12_345, ", CONCAT('Q', seq) AS q"), {
      batchSize: 1000,
      timeoutMs: 30_000,
    });
    expect(stream.columns).toEqual(['n', 'q']);
    const seen: unknown[][] = [];
    for await (const batch of stream.batches) {
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.length).toBeLessThanOrEqual(1000);
      seen.push(...batch);
    }
    expect(seen).toHaveLength(12_345);
    expect(seen[0]).toEqual(['1', 'Q1']);
    expect(seen.map((row) => Number(row[0]))).toEqual(Array.from({ length: 12_345 }, (_, i) => i + 1));
  });

  it('reports an SQL error before streaming', async () => {
    await expect(
      (await open()).stream('SELECT * FROM no_such_table_here', { batchSize: 10, timeoutMs: 30_000 }),
    ).rejects.toThrow(/no_such_table_here/);
  });

  it('can be left after the first batch; the session then runs the next statement', async () => {
    const first = await (await open()).stream(numbers(200_000), { batchSize: 500, timeoutMs: 30_000 });
    for await (const batch of first.batches) {
      expect(batch[0]).toEqual(['1']);
      break;
    }
    const second = await session!.stream(numbers(3), { batchSize: 500, timeoutMs: 30_000 });
    const rows: unknown[][] = [];
    for await (const batch of second.batches) rows.push(...batch);
    expect(rows).toEqual([['1'], ['2'], ['3']]);
  });

  it('keeps memory flat: the socket is paused while batches wait', async () => {
    const stream = await (
      await open()
    ).stream(numbers(100_000, ", REPEAT('x', 1000) AS filler"), {
      batchSize: 1000,
      timeoutMs: 60_000,
    });
    const heapAtStart = process.memoryUsage().heapUsed;
    let rows = 0;
    let peakGrowth = 0;
    for await (const batch of stream.batches) {
      rows += batch.length;
      // A slow consumer: the server could send the whole result (about 100 MB) meanwhile.
      if (rows === 1000) await new Promise((resolve) => setTimeout(resolve, 700));
      peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - heapAtStart);
    }
    expect(rows).toBe(100_000);
    expect(peakGrowth / 1e6).toBeLessThan(40);
  });
});
