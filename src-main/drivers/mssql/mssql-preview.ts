import { Request, type Connection } from 'tedious';
import type { PreviewOptions, PreviewRows } from '../db-session';
import { capRows } from '../shared/to-cell';
import { MssqlQueryError } from './mssql-errors';

type Execute = (sql: string) => Promise<unknown[][]>;

/**
 * SQL Server has no read-only transaction: BEGIN TRANSACTION and ROLLBACK around the statement
 * (layers 1 and 2 refuse what writes). The request is cancelled with a TDS attention once
 * limit + 1 rows came, which stops the query on the server; requestTimeout bounds the rest.
 */
export async function previewMssql(
  connection: Connection,
  execute: Execute,
  sql: string,
  { limit }: PreviewOptions,
  password: string | undefined,
): Promise<PreviewRows> {
  await execute('BEGIN TRANSACTION');
  try {
    return await new Promise<PreviewRows>((resolve, reject) => {
      const rows: unknown[][] = [];
      let columns: string[] = [];
      let cancelled = false;
      const request = new Request(sql, (error) => {
        // Cancelling answers with an error of its own; for us it means "enough rows".
        if (error && !cancelled) reject(new MssqlQueryError(error, password));
        else resolve({ columns, ...capRows(rows, limit) });
      });
      request.on('columnMetadata', (metadata: Array<{ colName: string }> | Record<string, { colName: string }>) => {
        columns = (Array.isArray(metadata) ? metadata : Object.values(metadata)).map((column) => column.colName);
      });
      request.on('row', (values: Array<{ value: unknown }>) => {
        if (cancelled) return;
        rows.push(values.map((column) => column.value));
        if (rows.length > limit) {
          cancelled = true;
          connection.cancel();
        }
      });
      connection.execSql(request);
    });
  } finally {
    await execute('IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION').catch(() => undefined);
  }
}
