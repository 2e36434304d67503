import type { CellValue } from '../../src-shared/contract/api';
import type { ColumnInfo, FailureCategory, TableRef } from '../../src-shared/contract/connection-test';
import type { Connection } from '../../src-shared/contract/model';

/** Whether the login can change data; the product recommends a SELECT-only login. */
export type WriteAccess =
  { state: 'read-only' } | { state: 'can-write'; detail: string } | { state: 'unknown'; detail: string };

/**
 * The few things the product asks of a database. One implementation per connection kind; every
 * method runs inside the driver process, never in the main process.
 */
export interface DbSession {
  serverVersion(): Promise<string>;
  writeAccess(): Promise<WriteAccess>;
  listSchemas(): Promise<string[]>;
  /** Tables and views of one schema (or of the default schema when null). */
  listTables(schema: string | null): Promise<TableRef[]>;
  listColumns(schema: string | null, table: string): Promise<ColumnInfo[]>;
  /**
   * One statement that only reads, inside a read-only transaction (where the database has one)
   * that is always rolled back; the row cap is applied by a cursor or fetch size, never by
   * rewriting the SQL.
   */
  preview(sql: string, options: PreviewOptions): Promise<PreviewRows>;
  /**
   * Every row, for a full validation: the same read-only transaction and time limit as a preview,
   * streamed in batches so memory stays flat however many rows there are.
   */
  stream(sql: string, options: StreamOptions): Promise<RowStream>;
  /** Set once connected, for kinds that can be cancelled from another connection. */
  cancelTarget(): CancelTarget | null;
  /** Runs, on this (second) connection, the statement that stops `target`'s running query. */
  cancelOther(target: CancelTarget): Promise<void>;
  close(): Promise<void>;
}

/** What a preview reads: the first rows only, and whether the result had more. */
export interface PreviewRows {
  columns: string[];
  rows: CellValue[][];
  truncated: boolean;
}

export interface PreviewOptions {
  /** Rows to return; one more is read to know whether there were more. */
  limit: number;
  /** Server-side statement time limit, where the database has one. */
  timeoutMs: number;
}

/** Every row of a statement, in batches, read through a cursor at constant memory. */
export interface RowStream {
  columns: string[];
  batches: AsyncIterable<unknown[][]>;
}

export interface StreamOptions {
  batchSize: number;
  timeoutMs: number;
}

/**
 * How another connection stops this session's running statement on the server (PostgreSQL
 * pg_cancel_backend, MySQL/MariaDB KILL QUERY). Kinds without it are stopped by killing the
 * driver process, which drops the connection.
 */
export type CancelTarget = { kind: 'postgres'; pid: number } | { kind: 'mysql'; threadId: number };

export interface ConnectOptions {
  /** The driver's own login/connect timeout; the process watchdog is the hard limit above it. */
  timeoutMs: number;
}

export interface ClassifiedError {
  category: FailureCategory;
  /** Plain words with the next step ("check the password", "open UDP 1434"); no secrets. */
  message: string;
}

export interface DriverModule<C extends Connection = Connection> {
  connect(connection: C, password: string | undefined, options: ConnectOptions): Promise<DbSession>;
  /** Maps whatever the driver threw to a category and an actionable message. */
  classify(error: unknown, connection: C): ClassifiedError;
}
