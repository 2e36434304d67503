import type { ConnectionTestResult } from '../../src-shared/contract/connection-test';
import type { Connection } from '../../src-shared/contract/model';
import type { DriverRunnerOptions } from '../driver-process/driver-runner';
import type { DriverOperation, DriverResponse } from '../driver-process/protocol';
import type { TestValue } from '../driver-process/run-operation';
import { connectionWarnings } from './connection-warnings';

/** Runs one driver operation out of process; injectable so tests can observe or fault it. */
export type DriverRun = <T>(
  request: { connection: Connection; password?: string; timeoutMs: number; operation: DriverOperation },
  deadlineMs: number,
  options?: DriverRunnerOptions,
) => Promise<DriverResponse<T>>;

/** The watchdog's margin over the driver's own timeout, so a driver that honours it reports first. */
export const WATCHDOG_MARGIN_MS = 500;

/**
 * Test connection: connect, read the server version, check whether the login can write. The
 * answer is data and arrives by `timeoutMs` + margin whatever the driver does.
 */
export async function testConnection(
  run: DriverRun,
  connection: Connection,
  password: string | undefined,
  timeoutMs: number,
  earlierWarnings: string[] = [],
  signal?: AbortSignal,
): Promise<ConnectionTestResult> {
  const started = performance.now();
  const warnings = [...earlierWarnings, ...connectionWarnings(connection)];
  const response = await run<TestValue>(
    { connection, password, timeoutMs, operation: { op: 'test' } },
    timeoutMs + WATCHDOG_MARGIN_MS,
    { signal },
  );
  const elapsedMs = Math.round(performance.now() - started);
  if (!response.ok) {
    return {
      ok: false,
      category: response.category,
      message: response.message,
      serverVersion: null,
      elapsedMs,
      warnings,
    };
  }
  const { serverVersion, writeAccess } = response.value;
  if (writeAccess.state === 'can-write') {
    warnings.push(
      `This login can change data (${writeAccess.detail}). The WFM import only reads: a SELECT-only login is safer.`,
    );
  } else if (writeAccess.state === 'unknown') {
    warnings.push(
      `Whether this login can change data could not be checked (${writeAccess.detail}); a SELECT-only login is recommended.`,
    );
  }
  return { ok: true, category: 'OK', message: `Connected to ${serverVersion}.`, serverVersion, elapsedMs, warnings };
}
