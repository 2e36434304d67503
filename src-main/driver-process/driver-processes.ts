import type { ConnectionKind } from '../../src-shared/contract/model';
import { forkDriverChild, type DriverChild, type SpawnDriverChild } from './driver-child-handle';
import { runInDriverProcess, type DriverRunnerOptions } from './driver-runner';
import type { DriverRequest } from './protocol';
import { WarmDriverPool } from './warm-driver-pool';

export interface DriverProcessesOptions {
  /**
   * Keep one driver process started ahead of need, so an operation pays only for connecting and
   * running (web mode, the desktop). Off where one operation runs and the process exits (the CLI):
   * there it would only cost a process start nobody uses.
   */
  warm: boolean;
  /** How processes start: Node's fork by default, Electron's utilityProcess on the desktop. */
  spawn?: SpawnDriverChild;
  /** The drivers a warm child loads ahead, such as the kinds of the workspace's connections. */
  preloadKinds?: () => readonly ConnectionKind[];
  onError?: (error: unknown) => void;
}

export interface DriverProcesses {
  /** Runs one operation in a driver process of its own, as `runInDriverProcess` does. */
  readonly run: typeof runInDriverProcess;
  /** The warm pool, when there is one (for diagnostics and tests). */
  readonly pool: WarmDriverPool | undefined;
  /** Ends the warm child and every driver process still running; their runs answer ERROR. */
  close(): void;
}

/** The driver processes of one app context: started through one spawner and all ended with it. */
export function createDriverProcesses(options: DriverProcessesOptions): DriverProcesses {
  const live = new Set<DriverChild>();
  const baseSpawn = options.spawn ?? forkDriverChild;
  const spawn: SpawnDriverChild = (script, spawnOptions) => {
    const child = baseSpawn(script, spawnOptions);
    live.add(child);
    child.onExit(() => live.delete(child));
    return child;
  };
  const pool = options.warm
    ? new WarmDriverPool({
        spawn,
        ...(options.preloadKinds ? { preloadKinds: options.preloadKinds } : {}),
        ...(options.onError ? { onError: options.onError } : {}),
      })
    : undefined;
  // Not during start-up itself: the app's first answers come before the warm child's fork.
  pool?.refillSoon();
  return {
    pool,
    // A caller that brings its own spawner (a test fault, a shim) gets a child started by it.
    run: <T>(request: DriverRequest, deadlineMs: number, runOptions: DriverRunnerOptions = {}) =>
      runInDriverProcess<T>(request, deadlineMs, {
        ...runOptions,
        spawn: runOptions.spawn ?? spawn,
        ...(pool && !runOptions.spawn ? { pool } : {}),
      }),
    close: () => {
      pool?.close();
      for (const child of live) if (child.running) child.kill('SIGKILL');
    },
  };
}
