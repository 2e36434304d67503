import type { PreviewResult } from '../../src-shared/contract/api';
import type { Connection, ImportType } from '../../src-shared/contract/model';
import { ServiceError } from '../../src-shared/rpc/result';
import { checkPreviewable } from '../../src-shared/sql/classify-statement';
import { connectionDialect } from '../../src-shared/sql/connection-dialect';
import type { RuleSetId } from '../../src-shared/validation';
import type { FullValidationResult } from '../driver-process/run-validation';
import type { PreviewRows } from '../drivers/db-session';
import type { DriverRun } from './test-connection';
import { validatePreview } from './validate-preview';

/** Time to connect before the statement starts; its own limit comes on top. */
export const CONNECT_TIMEOUT_MS = 10_000;
export const WATCHDOG_MARGIN_MS = 2_000;

export interface ContractChoice {
  importType: ImportType;
  intervalMinutes: 15 | 30;
  ruleSet: RuleSetId;
  timeZone: string;
}

export interface QueryTarget {
  run: DriverRun;
  connection: Connection;
  password?: string;
  sql: string;
  signal?: AbortSignal;
}

/** The statement guard: exactly one statement that only reads, or a refusal naming why. */
export function guardedStatement(connection: Connection, sql: string): string {
  const check = checkPreviewable(sql, connectionDialect(connection));
  if (!check.ok) throw new ServiceError('QUERY_REFUSED', check.message, [{ path: 'sql', message: check.message }]);
  // Without a trailing `;`, `GO` or comment (SQL Server reads a trailing GO as an alias); the
  // statement is otherwise exactly what the admin wrote.
  return check.statement.text;
}

export function failure(response: { category: string; message: string }): never {
  if (response.category === 'CANCELLED') throw new ServiceError('CANCELLED', response.message);
  throw new ServiceError('QUERY_FAILED', response.message);
}

/** The first rows, read-only and rolled back, with every finding on them when a contract is given. */
export async function previewQuery(
  target: QueryTarget,
  options: { limit: number; timeoutMs: number; contract?: ContractChoice; timeZone?: string },
): Promise<PreviewResult> {
  const started = performance.now();
  const sql = guardedStatement(target.connection, target.sql);
  const { columns, rows, truncated } = await readFirstRows(target, sql, options);
  const timeZone = options.contract?.timeZone ?? options.timeZone;
  return {
    columns,
    rows,
    truncated,
    elapsedMs: Math.round(performance.now() - started),
    ...(timeZone ? { timeZone } : {}),
    ...(options.contract ? { validation: validatePreview(columns, rows, options.contract) } : {}),
  };
}

/** The first `limit` rows of a guarded statement, read-only, in the driver process. */
export async function readFirstRows(
  target: QueryTarget,
  sql: string,
  options: { limit: number; timeoutMs: number },
): Promise<PreviewRows> {
  const response = await target.run<PreviewRows>(
    {
      connection: target.connection,
      password: target.password,
      timeoutMs: CONNECT_TIMEOUT_MS,
      operation: { op: 'preview', sql, limit: options.limit, statementTimeoutMs: options.timeoutMs },
    },
    CONNECT_TIMEOUT_MS + options.timeoutMs + WATCHDOG_MARGIN_MS,
    { signal: target.signal },
  );
  if (!response.ok) failure(response);
  return response.value;
}

/** Every row through the validator in the driver process, with progress; memory stays flat. */
export async function validateQuery(
  target: QueryTarget,
  options: {
    contract: ContractChoice;
    timeoutMs: number;
    from?: string;
    to?: string;
    maxFindings?: number;
    onProgress?: (rowsRead: number, rowsChecked: number) => void;
  },
): Promise<FullValidationResult> {
  const sql = guardedStatement(target.connection, target.sql);
  const response = await target.run<FullValidationResult>(
    {
      connection: target.connection,
      password: target.password,
      timeoutMs: CONNECT_TIMEOUT_MS,
      operation: {
        op: 'validate',
        sql,
        statementTimeoutMs: options.timeoutMs,
        options: {
          ...options.contract,
          now: new Date().toISOString(),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          maxFindings: options.maxFindings ?? 1000,
        },
      },
    },
    CONNECT_TIMEOUT_MS + options.timeoutMs + WATCHDOG_MARGIN_MS,
    { signal: target.signal, onProgress: options.onProgress },
  );
  if (!response.ok) failure(response);
  return response.value;
}
