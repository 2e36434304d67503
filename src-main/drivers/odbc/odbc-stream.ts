import type { Connection, Cursor, Result } from 'odbc';
import type { RowStream, StreamOptions } from '../db-session';

/**
 * Autocommit off, a cursor fetched batch by batch, rolled back at the end. The next batch is
 * fetched while the caller works on the current one: the driver's fetch runs on a worker thread,
 * so reading and validating overlap instead of taking turns. psqlODBC streams only with
 * UseDeclareFetch=1 and MariaDB's one row per fetch (see odbcStreamPlan); other drivers read from the server as rows are fetched.
 * `onEnd` runs once the stream is over or failed to start (to close a connection of its own).
 */
export async function streamOdbc(
  conn: Connection,
  sql: string,
  { batchSize, timeoutMs, maxRowsPerFetch = MAX_FETCH_ROWS }: StreamOptions & { maxRowsPerFetch?: number },
  onEnd: () => Promise<void> = async () => undefined,
): Promise<RowStream> {
  let cursor: Cursor;
  let first: Result<unknown>;
  try {
    await conn.beginTransaction();
    cursor = await openCursor(conn, sql, Math.min(batchSize, maxRowsPerFetch), timeoutMs);
    first = await cursor.fetch();
  } catch (error) {
    await conn.rollback().catch(() => undefined);
    await onEnd();
    throw error;
  }
  const columns = (first.columns ?? []).map((column) => column.name);
  const toRows = (batch: readonly unknown[]) =>
    batch.map((row) => columns.map((name) => (row as Record<string, unknown>)[name]));
  async function* batches(): AsyncGenerator<unknown[][]> {
    let ahead: Promise<Result<unknown>> | undefined;
    try {
      let batch: readonly unknown[] = first;
      while (batch.length > 0) {
        ahead = cursor.noData ? undefined : cursor.fetch();
        // Rejections are awaited below; this keeps one the caller never reaches from going unhandled.
        ahead?.catch(() => undefined);
        yield toRows(batch);
        if (ahead === undefined) break;
        batch = await ahead;
        ahead = undefined;
      }
    } finally {
      // A fetch still running must end before the cursor may be closed.
      await ahead?.catch(() => undefined);
      await cursor.close().catch(() => undefined);
      await conn.rollback().catch(() => undefined);
      await onEnd();
    }
  }
  return { columns, batches: batches() };
}

/**
 * node-odbc binds a buffer of each column's declared size for every row of a fetch: psqlODBC
 * declares a text column as 8190 bytes, so 2000 rows of 7 columns took ~110 MB. 500 rows keep a
 * million-row validation near 130 MB, and were faster than larger fetches when measured.
 */
const MAX_FETCH_ROWS = 500;

function openCursor(conn: Connection, sql: string, batchSize: number, timeoutMs: number): Promise<Cursor> {
  return conn.query(sql, {
    cursor: true,
    fetchSize: batchSize,
    timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
  });
}
