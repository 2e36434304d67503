import type mysql from 'mysql2/promise';
import type { PreviewOptions, PreviewRows } from '../db-session';
import { capRows } from '../shared/to-cell';

/**
 * START TRANSACTION READ ONLY, then the rows streamed until limit + 1 have come. The session's
 * statement time limit was set at connect. A result with more rows is not read to its end: the
 * connection is dropped instead (the driver process ends right after), which the server answers
 * by stopping the query and rolling the transaction back.
 */
export async function previewMysql(
  conn: mysql.Connection,
  sql: string,
  { limit }: PreviewOptions,
): Promise<PreviewRows> {
  await conn.query('START TRANSACTION READ ONLY');
  const raw = (conn as unknown as { connection: RawConnection }).connection;
  const { columns, rows, complete } = await new Promise<{ columns: string[]; rows: unknown[][]; complete: boolean }>(
    (resolve, reject) => {
      const rows: unknown[][] = [];
      let columns: string[] = [];
      let settled = false;
      const query = raw.query({ sql, rowsAsArray: true });
      query.on('fields', (fields: { name: string }[]) => {
        columns = fields.map((field) => field.name);
      });
      query.on('result', (row: unknown[]) => {
        if (settled) return;
        rows.push(row);
        if (rows.length > limit) {
          settled = true;
          resolve({ columns, rows, complete: false });
        }
      });
      query.on('error', (error: Error) => {
        if (!settled) reject(error);
        settled = true;
      });
      query.on('end', () => {
        if (!settled) resolve({ columns, rows, complete: true });
        settled = true;
      });
    },
  );
  if (complete) await conn.query('ROLLBACK').catch(() => undefined);
  else conn.destroy();
  return { columns, ...capRows(rows, limit) };
}

interface RawConnection {
  query(options: { sql: string; rowsAsArray: boolean }): NodeJS.EventEmitter;
}
