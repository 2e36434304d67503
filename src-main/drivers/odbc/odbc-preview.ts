import type { Connection } from 'odbc';
import type { PreviewOptions, PreviewRows } from '../db-session';
import { capRows } from '../shared/to-cell';

/**
 * Autocommit off and a rollback at the end, a cursor with fetch size limit + 1 (one fetch), and
 * the query timeout (honoured by psqlODBC; the process watchdog covers the other drivers).
 * MariaDB ODBC's cursor stops at the fetch size, which is all a preview wants.
 */
export async function previewOdbc(
  conn: Connection,
  sql: string,
  { limit, timeoutMs }: PreviewOptions,
): Promise<PreviewRows> {
  await conn.beginTransaction();
  try {
    const cursor = await conn.query(sql, {
      cursor: true,
      fetchSize: limit + 1,
      timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
    });
    try {
      const batch = await cursor.fetch();
      const columns = (batch.columns ?? []).map((column) => column.name);
      const rows = batch.map((row) => columns.map((name) => (row as Record<string, unknown>)[name]));
      return { columns, ...capRows(rows, limit) };
    } finally {
      await cursor.close().catch(() => undefined);
    }
  } finally {
    await conn.rollback().catch(() => undefined);
  }
}
