import Database from 'better-sqlite3';
import type { CellValue, PreviewResult } from '../../src-shared/contract/api';
import { ServiceError } from '../../src-shared/rpc/result';

/**
 * First rows of a query against an SQLite file, opened read-only. The row cap is applied while
 * iterating, never by rewriting the user's SQL; a statement that writes is refused before it runs.
 */
export function previewSqlite(file: string, sql: string, limit: number): PreviewResult {
  const started = performance.now();
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ServiceError('QUERY_FAILED', `Cannot open the SQLite file ${file}: ${(error as Error).message}`);
  }
  try {
    let statement: Database.Statement;
    try {
      statement = db.prepare(sql);
    } catch (error) {
      throw new ServiceError('QUERY_FAILED', friendlyPrepareError((error as Error).message));
    }
    if (!statement.reader) {
      throw new ServiceError(
        'QUERY_FAILED',
        'A preview runs only queries that read (SELECT or WITH … SELECT); this statement would change data.',
      );
    }
    const columns = statement.columns().map((column) => column.name);
    const rows: CellValue[][] = [];
    let truncated = false;
    for (const row of statement.raw(true).iterate() as IterableIterator<unknown[]>) {
      if (rows.length === limit) {
        truncated = true;
        break;
      }
      rows.push(row.map(toCell));
    }
    return { columns, rows, truncated, elapsedMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('QUERY_FAILED', `The query failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function friendlyPrepareError(message: string): string {
  if (/more than one statement/i.test(message)) {
    return 'The text holds more than one statement. The WFM system runs exactly one query: remove the others.';
  }
  return `The query is not valid SQL for SQLite: ${message}`;
}

function toCell(value: unknown): CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (Buffer.isBuffer(value)) return { $bytes: value.toString('base64') };
  return String(value);
}
