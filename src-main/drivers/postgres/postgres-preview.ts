import type pg from 'pg';
import type { PreviewOptions, PreviewRows } from '../db-session';
import { capRows } from '../shared/to-cell';
import { readCursor } from './read-cursor';

/**
 * BEGIN READ ONLY, a statement_timeout for this transaction, a cursor that reads limit + 1
 * rows, then ROLLBACK. The extended protocol also refuses a second statement on its own.
 */
export async function previewPostgres(
  client: pg.Client,
  sql: string,
  { limit, timeoutMs }: PreviewOptions,
): Promise<PreviewRows> {
  await client.query('BEGIN READ ONLY');
  try {
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
    const cursor = client.query(readCursor(sql, timeoutMs));
    try {
      const rows = (await cursor.read(limit + 1)) as unknown[][];
      const fields = (cursor as unknown as { _result?: { fields?: { name: string }[] } })._result?.fields ?? [];
      return { columns: fields.map((field) => field.name), ...capRows(rows, limit) };
    } finally {
      await cursor.close().catch(() => undefined);
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}
