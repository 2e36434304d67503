import { Request, type Connection } from 'tedious';
import type { RowStream, StreamOptions } from '../db-session';
import { MssqlQueryError } from './mssql-errors';

type Execute = (sql: string) => Promise<unknown[][]>;

/**
 * BEGIN TRANSACTION, the request paused whenever a batch is full (tedious stops reading the
 * socket), resumed when the batch was taken, ROLLBACK at the end.
 */
export async function streamMssql(
  connection: Connection,
  execute: Execute,
  sql: string,
  { batchSize }: StreamOptions,
  password: string | undefined,
): Promise<RowStream> {
  await execute('BEGIN TRANSACTION');
  let columns: string[] = [];
  let buffer: unknown[][] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  let columnsKnown: () => void = () => undefined;
  const columnsReady = new Promise<void>((resolve) => (columnsKnown = resolve));
  const request = new Request(sql, (error) => {
    if (error) failure = new MssqlQueryError(error, password);
    done = true;
    columnsKnown();
    signal();
  });
  request.on('columnMetadata', (metadata: Array<{ colName: string }> | Record<string, { colName: string }>) => {
    columns = (Array.isArray(metadata) ? metadata : Object.values(metadata)).map((column) => column.colName);
    columnsKnown();
  });
  request.on('row', (values: Array<{ value: unknown }>) => {
    buffer.push(values.map((column) => column.value));
    if (buffer.length >= batchSize) {
      request.pause();
      signal();
    }
  });
  connection.execSql(request);
  await columnsReady;
  if (failure) throw failure;
  async function* batches(): AsyncGenerator<unknown[][]> {
    try {
      for (;;) {
        if (buffer.length >= batchSize || (done && buffer.length > 0)) {
          const batch = buffer;
          buffer = [];
          yield batch;
          if (!done) request.resume();
          continue;
        }
        if (done) break;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      if (failure) throw failure;
    } finally {
      if (!done) connection.cancel();
      await execute('IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION').catch(() => undefined);
    }
  }
  return { columns, batches: batches() };
}
