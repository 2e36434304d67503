import type pg from 'pg';
import type { RowStream, StreamOptions } from '../db-session';
import { readCursor } from './read-cursor';

/** A read-only transaction and a cursor read batch by batch; the transaction ends with the stream. */
export async function streamPostgres(
  client: pg.Client,
  sql: string,
  { batchSize, timeoutMs }: StreamOptions,
): Promise<RowStream> {
  await client.query('BEGIN READ ONLY');
  await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
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
