import type { CancelTarget } from '../drivers/db-session';
import type { DriverChild, SpawnDriverChild } from './driver-child-handle';
import type { ChildMessage, DriverFault, DriverRequest, DriverResponse } from './protocol';
import { DEFAULT_DRIVER_MEMORY_MB, startDriverChild } from './start-driver-child';
import type { WarmDriverPool } from './warm-driver-pool';

export { DEFAULT_DRIVER_MEMORY_MB };

export interface DriverRunnerOptions {
  /** Heap limit of the driver process; a flood beyond it ends that process only. */
  maxMemoryMb?: number;
  /** How the process is started: Node's fork by default, Electron's utilityProcess on the desktop. */
  spawn?: SpawnDriverChild;
  /**
   * A process started ahead of need, used instead of starting one when it is alive (and started
   * with the same heap limit); a replacement is started once this operation has ended.
   */
  pool?: WarmDriverPool;
  /** Test hooks: see the child that runs the operation, inject a fault. */
  onSpawn?: (child: DriverChild) => void;
  fault?: DriverFault;
  /** Progress of a long operation (a full validation), at most a few times a second. */
  onProgress?: (rowsRead: number, rowsChecked: number) => void;
  /** Aborting stops the operation: on the server first (where the kind allows), then the process. */
  signal?: AbortSignal;
}

/** How long a server-side cancel may take before the driver process is killed regardless. */
const CANCEL_GRACE_MS = 3000;

/**
 * Runs one driver operation in a child process of its own, with a watchdog. The answer always comes
 * by `deadlineMs`: a hung child is killed and reported as TIMEOUT, a crashed one as ERROR. The
 * main process only waits on IPC, so its event loop never stalls because of a driver.
 */
export function runInDriverProcess<T>(
  request: DriverRequest,
  deadlineMs: number,
  options: DriverRunnerOptions = {},
): Promise<DriverResponse<T>> {
  const memory = options.maxMemoryMb ?? DEFAULT_DRIVER_MEMORY_MB;
  const { pool } = options;
  // A fault needs a child started with faults enabled, another heap limit a child started with it.
  const warm = pool && !options.fault && memory === pool.maxMemoryMb ? pool.take() : undefined;
  const child =
    warm ??
    startDriverChild({
      maxMemoryMb: memory,
      faults: options.fault !== undefined,
      ...(options.spawn ? { spawn: options.spawn } : {}),
    });
  return new Promise((resolve) => {
    let settled = false;
    let stderrTail = '';
    child.onStderr((text) => {
      stderrTail = (stderrTail + text).slice(-2000);
    });
    let cancelTarget: CancelTarget | null = null;
    const finish = (response: DriverResponse<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (child.running) child.kill('SIGKILL');
      resolve(response);
      // The next operation finds a child waiting.
      pool?.refillSoon();
    };
    /** Stop the statement on the server (a second connection), then end the process either way. */
    // Once a stop has begun, its outcome wins: the child's own answer to the server-side cancel
    // ("canceling statement due to user request") may arrive first, and must not replace it.
    let stopping: DriverResponse<T> | undefined;
    const stop = async (response: DriverResponse<T>) => {
      if (settled || stopping) return;
      stopping = response;
      if (cancelTarget && request.operation.op !== 'cancel') {
        await runInDriverProcess({ ...request, operation: { op: 'cancel', target: cancelTarget } }, CANCEL_GRACE_MS, {
          ...(options.spawn ? { spawn: options.spawn } : {}),
          ...(pool ? { pool } : {}),
        });
      }
      finish(response);
    };
    const onAbort = () => void stop({ ok: false, category: 'CANCELLED', message: 'Cancelled: the query was stopped.' });
    if (options.signal?.aborted) queueMicrotask(onAbort);
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      void stop({
        ok: false,
        category: 'TIMEOUT',
        message:
          `No answer within ${formatSeconds(deadlineMs)}. The server or the network did not respond in time ` +
          '(a firewall that drops packets behaves like this); check host and port, or raise the timeout.',
      });
    }, deadlineMs);
    child.onMessage((raw) => {
      const message = raw as ChildMessage;
      if (message.type === 'started') cancelTarget = message.cancelTarget;
      else if (message.type === 'progress') options.onProgress?.(message.rowsRead, message.rowsChecked);
      else if (message.type === 'result') finish(stopping ?? (message.response as DriverResponse<T>));
    });
    child.onError((error) =>
      finish({ ok: false, category: 'ERROR', message: `The driver process could not start: ${error.message}` }),
    );
    child.onExit((code, signal) =>
      finish(stopping ?? { ok: false, category: 'ERROR', message: describeExit(code, signal, stderrTail, memory) }),
    );
    options.onSpawn?.(child);
    child.send({ request, fault: options.fault });
  });
}

function describeExit(code: number | null, signal: string | null, stderr: string, memoryMb: number): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) {
    return `The database driver used more than ${memoryMb} MB and was stopped. Nothing else was affected; try again, or narrow the query.`;
  }
  const how = signal ? `was stopped by signal ${signal}` : `exited with code ${code}`;
  return `The database driver process ${how} before it answered. Nothing else was affected; try again.`;
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
