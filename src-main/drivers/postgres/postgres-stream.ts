import type pg from 'pg';
import type { RowStream, StreamOptions } from '../db-session';
import { copyOutRows } from './copy-out-rows';
import { describeStatement } from './pg-describe';
import { textDateTypes } from './pg-text-types';
import { readCursor } from './read-cursor';

/** Statements that parse but cannot stand inside COPY ( … ) (SHOW, EXPLAIN): read through a cursor. */
const NOT_COPYABLE = new Set(['42601', '0A000']);

/**
 * Every row in a read-only transaction that ends with the stream. Rows come through
 * COPY (…) TO STDOUT, which streams the result without round trips and several times faster
 * than a cursor; values are parsed with the same type parsers as a cursor's, so they are the
 * same. A statement that COPY does not accept is read through a cursor instead.
 */
export async function streamPostgres(client: pg.Client, sql: string, options: StreamOptions): Promise<RowStream> {
  await client.query('BEGIN READ ONLY');
  await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(options.timeoutMs))}`);
  // Describing first names the columns and reports SQL errors before anything runs.
  const described = await describeStatement(client, sql, options.timeoutMs);
  if (described === null) return streamPostgresWithCursor(client, sql, options);
  const copied = await streamWithCopy(client, sql, described, options);
  return copied ?? streamPostgresWithCursor(client, sql, options);
}

async function streamWithCopy(
  client: pg.Client,
  sql: string,
  described: { name: string; dataTypeID: number }[],
  options: StreamOptions,
): Promise<RowStream | undefined> {
  const getParser = textDateTypes.getTypeParser as (oid: number, format: 'text') => (text: string) => unknown;
  const parsers = described.map((column) => getParser(column.dataTypeID, 'text'));
  // The savepoint lets a statement that COPY refuses fall back without losing the transaction.
  await client.query('SAVEPOINT acd_link_copy');
  const rows = copyOutRows(client, sql, parsers, options);
  let first: unknown[][] | null;
  try {
    // The first batch is read now, so errors at the start surface here, as with a cursor.
    first = await rows.next();
  } catch (error) {
    if (rows.rowsRead > 0 || !NOT_COPYABLE.has((error as { code?: string }).code ?? '')) throw error;
    await client.query('ROLLBACK TO SAVEPOINT acd_link_copy');
    return undefined;
  }
  async function* batches(): AsyncGenerator<unknown[][]> {
    let completed = false;
    try {
      for (let batch = first; batch !== null; batch = await rows.next()) yield batch;
      completed = true;
    } finally {
      if (!completed) rows.abandon();
      await client.query('ROLLBACK').catch(() => undefined);
    }
  }
  return { columns: described.map((column) => column.name), batches: batches() };
}

/**
 * A cursor read batch by batch, inside the caller's read-only transaction: for statements COPY
 * cannot wrap (and the reference the COPY path is tested against).
 */
export async function streamPostgresWithCursor(
  client: pg.Client,
  sql: string,
  { batchSize, timeoutMs }: StreamOptions,
): Promise<RowStream> {
  const cursor = client.query(readCursor(sql, timeoutMs));
  // The first batch is read now, so the columns (and any SQL error) are known before streaming.
  const first = (await cursor.read(batchSize)) as unknown[][];
  const fields = (cursor as unknown as { _result?: { fields?: { name: string }[] } })._result?.fields ?? [];
  async function* batches(): AsyncGenerator<unknown[][]> {
    try {
      let batch = first;
      while (batch.length > 0) {
        yield batch;
        if (batch.length < batchSize) break;
        batch = (await cursor.read(batchSize)) as unknown[][];
      }
    } finally {
      await cursor.close().catch(() => undefined);
      await client.query('ROLLBACK').catch(() => undefined);
    }
  }
  return { columns: fields.map((field) => field.name), batches: batches() };
}
