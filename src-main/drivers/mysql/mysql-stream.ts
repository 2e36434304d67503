import type mysql from 'mysql2/promise';
import type { Readable } from 'node:stream';
import type { RowStream, StreamOptions } from '../db-session';

/**
 * START TRANSACTION READ ONLY and the rows as a paused-and-resumed stream: mysql2 stops reading
 * the socket while a batch is being validated, so the server waits instead of memory growing.
 */
export async function streamMysql(
  conn: mysql.Connection,
  sql: string,
  { batchSize }: StreamOptions,
): Promise<RowStream> {
  await conn.query('START TRANSACTION READ ONLY');
  const raw = (
    conn as unknown as { connection: { query(options: { sql: string; rowsAsArray: boolean }): QueryEmitter } }
  ).connection;
  const query = raw.query({ sql, rowsAsArray: true });
  // The stream is attached at once: rows that arrive before anyone reads are buffered by it
  // (up to highWaterMark, then mysql2 pauses the socket), never dropped.
  const rows = query.stream({ highWaterMark: batchSize }) as Readable;
  const columns = await new Promise<string[]>((resolve, reject) => {
    query.once('fields', (fields: { name: string }[]) => resolve(fields.map((field) => field.name)));
    query.once('error', reject);
    // A statement without a result set ends without fields.
    query.once('end', () => resolve([]));
  });
  async function* batches(): AsyncGenerator<unknown[][]> {
    let batch: unknown[][] = [];
    try {
      for await (const row of rows) {
        batch.push(row as unknown[]);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await conn.query('ROLLBACK').catch(() => undefined);
    }
  }
  return { columns, batches: batches() };
}

interface QueryEmitter extends NodeJS.EventEmitter {
  stream(options: { highWaterMark: number }): Readable;
}
