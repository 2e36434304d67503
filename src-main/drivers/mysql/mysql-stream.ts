import type mysql from 'mysql2/promise';
import type { RowStream, StreamOptions } from '../db-session';
import { BatchQueue } from '../shared/batch-queue';

/**
 * START TRANSACTION READ ONLY and the rows as mysql2 parses them, gathered into batches straight
 * from its row events (an async iterator over a Readable costs more per row than the parsing).
 * The socket is paused while two batches wait, so the server waits instead of memory growing.
 */
export async function streamMysql(
  conn: mysql.Connection,
  sql: string,
  { batchSize }: StreamOptions,
): Promise<RowStream> {
  await conn.query('START TRANSACTION READ ONLY');
  const raw = (conn as unknown as { connection: RawConnection }).connection;
  const queue = new BatchQueue(batchSize, { pause: () => raw.pause(), resume: () => raw.resume() });
  const query = raw.query({ sql, rowsAsArray: true });
  query.on('result', (row: unknown[]) => queue.push(row));
  query.once('end', () => queue.end());
  query.once('error', (error: Error) => queue.end(error));
  const columns = await new Promise<string[]>((resolve, reject) => {
    query.once('fields', (fields: { name: string }[]) => resolve(fields.map((field) => field.name)));
    query.once('error', reject);
    // A statement without a result set ends without fields.
    query.once('end', () => resolve([]));
  });
  async function* batches(): AsyncGenerator<unknown[][]> {
    let completed = false;
    try {
      for (let batch = await queue.next(); batch !== null; batch = await queue.next()) yield batch;
      completed = true;
    } finally {
      if (!completed && !queue.finished) {
        // The rest of the result must be read before the connection takes another statement.
        queue.clear();
        query.removeAllListeners('result');
        raw.resume();
        await new Promise<void>((resolve) => {
          query.once('end', resolve);
          query.once('error', () => resolve());
        });
      }
      await conn.query('ROLLBACK').catch(() => undefined);
    }
  }
  return { columns, batches: batches() };
}

interface RawConnection {
  query(options: { sql: string; rowsAsArray: boolean }): NodeJS.EventEmitter;
  pause(): void;
  resume(): void;
}
