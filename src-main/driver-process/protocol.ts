import type { FailureCategory } from '../../src-shared/contract/connection-test';
import type { Connection, ConnectionKind } from '../../src-shared/contract/model';
import type { CancelTarget } from '../drivers/db-session';
import type { RowsExportJob } from './run-export';
import type { FullValidationOptions } from './run-validation';

export type DriverOperation =
  | { op: 'test' }
  | { op: 'schemas' }
  | { op: 'tables'; schema: string | null }
  | { op: 'columns'; schema: string | null; table: string }
  | { op: 'preview'; sql: string; limit: number; statementTimeoutMs: number }
  | { op: 'cancel'; target: CancelTarget }
  | { op: 'validate'; sql: string; statementTimeoutMs: number; options: FullValidationOptions }
  | { op: 'export'; sql: string; statementTimeoutMs: number; job: RowsExportJob };

export interface DriverRequest {
  connection: Connection;
  /** Resolved by the main process from the SecretStore or the environment; never logged. */
  password?: string;
  /** The driver's own connect/login timeout. */
  timeoutMs: number;
  operation: DriverOperation;
}

export type DriverResponse<T = unknown> =
  { ok: true; value: T } | { ok: false; category: FailureCategory; message: string };

/**
 * Fault injection for the watchdog tests: honoured by the child only when the parent sets
 * ACD_LINK_DRIVER_FAULTS=1 in its environment, which the product itself never does.
 */
export type DriverFault = 'hang' | 'crash' | 'flood';
export const FAULTS_ENV = 'ACD_LINK_DRIVER_FAULTS';

/** What the child sends: at most one `started` (as soon as connected), then exactly one `result`. */
export type ChildMessage =
  | { type: 'started'; cancelTarget: CancelTarget | null }
  /** For an export, rowsChecked counts the rows written so far. */
  | { type: 'progress'; rowsRead: number; rowsChecked: number }
  | { type: 'result'; response: DriverResponse }
  /** Only after a `preload` message: the drivers are loaded and the child waits for its request. */
  | { type: 'ready' };

/**
 * What the parent sends: exactly one request per child, optionally preceded by a `preload`
 * when the child was started ahead of need (a warm child), so that it loads the drivers while
 * nobody waits for it.
 */
export type ParentMessage = { request: DriverRequest; fault?: DriverFault } | { preload: ConnectionKind[] };
