import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbSession, RowStream } from '../../src-main/drivers/db-session';
import { postgresDriver } from '../../src-main/drivers/postgres/postgres-driver';
import { postgresClientConfig, type PostgresConnection } from '../../src-main/drivers/postgres/pg-config';
import { streamPostgresWithCursor } from '../../src-main/drivers/postgres/postgres-stream';
import {
  CANARY_PASSWORD,
  ensurePostgresTestDatabase,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
} from '../support/databases';

// Full validations stream PostgreSQL rows through COPY (…) TO STDOUT; the values must be exactly
// those a cursor over the same query returns, since the validator's findings depend on them.
const connection: PostgresConnection = {
  kind: 'postgres',
  ...PG_ENDPOINT,
  database: TEST_DATABASE,
  user: READER_LOGIN,
  tls: 'disable',
};
const OPTIONS = { batchSize: 500, timeoutMs: 30_000 };

/** Every type a driver may hand the validator, with the characters COPY has to escape. */
const ALL_TYPES = `
  SELECT i AS n, i::bigint * 10000000000 AS big, (i / 7.0)::numeric(10, 3) AS dec, i / 4.0::float8 AS fl,
         i % 3 = 0 AS flag, CASE WHEN i % 5 = 0 THEN NULL ELSE 'Q' || i END AS maybe,
         E'tab\\there\\nline\\\\back ' || i || ' é ✓' AS text_escapes, '' AS empty, '\\N' AS backslash_n,
         timestamp '2024-03-31 01:45:00' + i * interval '15 minutes' AS naive,
         timestamptz '2024-10-27 00:30:00+00' + i * interval '20 minutes' AS zoned,
         date '2024-01-01' + i AS day, ARRAY['a' || i, NULL, 'b\tc'] AS list, E'\\\\x00ff'::bytea AS bin,
         json_build_object('i', i, 's', E'x\\ty') AS doc, i * interval '1 minute' AS span
  FROM generate_series(1, 1234) AS i ORDER BY i`;

async function drain(stream: RowStream): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const batch of stream.batches) {
    expect(batch.length).toBeLessThanOrEqual(OPTIONS.batchSize);
    rows.push(...batch);
  }
  return rows;
}

async function throughCursor(sql: string): Promise<{ columns: string[]; rows: unknown[][] }> {
  const client = new pg.Client(postgresClientConfig(connection, CANARY_PASSWORD, 10_000));
  await client.connect();
  try {
    await client.query('BEGIN READ ONLY');
    const stream = await streamPostgresWithCursor(client, sql, OPTIONS);
    return { columns: stream.columns, rows: await drain(stream) };
  } finally {
    await client.end();
  }
}

let session: DbSession;
beforeAll(async () => {
  await ensurePostgresTestDatabase();
});
const open = async () => {
  session = await postgresDriver.connect(connection, CANARY_PASSWORD, { timeoutMs: 10_000 });
  return session;
};
afterAll(async () => {
  await session?.close();
});

describe('PostgreSQL stream', () => {
  it('returns through COPY exactly the columns and values a cursor returns, for every type', async () => {
    const reference = await throughCursor(ALL_TYPES);
    const stream = await (await open()).stream(ALL_TYPES, OPTIONS);
    expect(stream.columns).toEqual(reference.columns);
    const rows = await drain(stream);
    expect(rows).toHaveLength(1234);
    expect(rows).toEqual(reference.rows);
    // Spot checks that the reference itself is what the validator expects.
    expect(rows[0]?.slice(0, 6)).toEqual([1, '10000000000', '0.143', 0.25, false, 'Q1']);
    expect(rows[0]?.[6]).toBe('tab\there\nline\\back 1 é ✓');
    expect(rows[0]?.[8]).toBe('\\N');
    expect(rows[0]?.[9]).toBe('2024-03-31 02:00:00');
    expect(rows[4]?.[5]).toBeNull();
    await session.close();
  });

  it('reads a statement with a trailing comment, and one COPY cannot wrap (SHOW) through a cursor', async () => {
    const commented = await (await open()).stream('SELECT 1 AS one -- the last line is a comment', OPTIONS);
    expect(commented.columns).toEqual(['one']);
    expect(await drain(commented)).toEqual([[1]]);
    const shown = await session.stream('SHOW DateStyle', OPTIONS);
    expect(shown.columns).toEqual(['DateStyle']);
    expect(await drain(shown)).toEqual([['ISO, MDY']]);
    await session.close();
  });

  it('reports an SQL error before streaming, with the server message', async () => {
    await expect((await open()).stream('SELECT * FROM no_such_table_here', OPTIONS)).rejects.toThrow(
      /relation "no_such_table_here" does not exist/,
    );
    await session.close();
  });

  it('delivers the rows before a run-time error, then the error', async () => {
    const stream = await (
      await open()
    ).stream('SELECT 10 / (2000 - i) AS q FROM generate_series(1, 5000) AS i', {
      batchSize: 100,
      timeoutMs: 30_000,
    });
    let seen = 0;
    const failure = await (async () => {
      for await (const batch of stream.batches) seen += batch.length;
    })().catch((error: unknown) => error);
    expect(String(failure)).toMatch(/division by zero/);
    expect(seen).toBeLessThan(2000);
    await session.close();
  });

  it('can be left after the first batch without hanging, and the session still closes', async () => {
    const stream = await (await open()).stream('SELECT i FROM generate_series(1, 200000) AS i', OPTIONS);
    for await (const batch of stream.batches) {
      expect(batch[0]).toEqual([1]);
      break;
    }
    await session.close();
  });

  it('keeps memory flat: the socket is paused while batches wait', async () => {
    // 100,000 rows of 1 kB: about 100 MB of text if it all piled up while the consumer is busy.
    const stream = await (
      await open()
    ).stream("SELECT i, repeat('x', 1000) FROM generate_series(1, 100000) AS i", {
      batchSize: 1000,
      timeoutMs: 60_000,
    });
    const heapAtStart = process.memoryUsage().heapUsed;
    let rows = 0;
    let peakGrowth = 0;
    for await (const batch of stream.batches) {
      rows += batch.length;
      // A slow consumer: the server could send the whole result meanwhile.
      if (rows === 1000) await new Promise((resolve) => setTimeout(resolve, 700));
      peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - heapAtStart);
    }
    expect(rows).toBe(100_000);
    expect(peakGrowth / 1e6).toBeLessThan(40);
    await session.close();
  });
});
