import type { Connection } from 'odbc';
import type { RowStream, StreamOptions } from '../db-session';

/**
 * Autocommit off, a cursor fetched batch by batch, rolled back at the end. psqlODBC streams only
 * with UseDeclareFetch=1 in the connection string; without it the driver reads the whole result
 * into its own memory first (the driver process's memory limit then bounds the damage).
 */
export async function streamOdbc(
  conn: Connection,
  sql: string,
  { batchSize, timeoutMs }: StreamOptions,
): Promise<RowStream> {
  await conn.beginTransaction();
  const cursor = await conn.query(sql, {
    cursor: true,
    fetchSize: batchSize,
    timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
  });
  const first = await cursor.fetch();
  const columns = (first.columns ?? []).map((column) => column.name);
  const toRows = (batch: readonly unknown[]) =>
    batch.map((row) => columns.map((name) => (row as Record<string, unknown>)[name]));
  async function* batches(): AsyncGenerator<unknown[][]> {
    try {
      let batch: readonly unknown[] = first;
      while (batch.length > 0) {
        yield toRows(batch);
        if (cursor.noData) break;
        batch = await cursor.fetch();
      }
    } finally {
      await cursor.close().catch(() => undefined);
      await conn.rollback().catch(() => undefined);
    }
  }
  return { columns, batches: batches() };
}
