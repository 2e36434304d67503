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
  close(): Promise<void>;
}

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
