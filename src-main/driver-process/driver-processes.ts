import os from 'node:os';
import type { ConnectionKind } from '../../src-shared/contract/model';
import { forkDriverChild, type DriverChild, type SpawnDriverChild } from './driver-child-handle';
import { DriverGate, defaultDriverLimit, type DriverLoad } from './driver-gate';
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
  /** Driver processes running at once; more operations wait (default: by the machine's cores, 2–8). */
  maxProcesses?: number;
  /** Each change of the running and waiting counts, for the UI's "waiting for a driver process". */
  onLoad?: (load: DriverLoad) => void;
}

export interface DriverProcesses {
  /** Runs one operation in a driver process of its own, as `runInDriverProcess` does. */
  readonly run: typeof runInDriverProcess;
  /** The warm pool, when there is one (for diagnostics and tests). */
  readonly pool: WarmDriverPool | undefined;
  /** How many operations run and wait now. */
  readonly load: DriverLoad;
  /** Ends the warm child and every driver process still running; their runs answer ERROR. */
  close(): void;
}

const CANCELLED_WHILE_WAITING =
  'Cancelled while it waited for a free driver process; nothing was sent to the database.';

function exited(child: DriverChild | undefined): Promise<void> {
  if (!child?.running) return Promise.resolve();
  return new Promise((resolve) => child.onExit(() => resolve()));
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
  const gate = new DriverGate(options.maxProcesses ?? defaultDriverLimit(os.availableParallelism()), options.onLoad);
  return {
    pool,
    get load() {
      return gate.load;
    },
    // A caller that brings its own spawner (a test fault, a shim) gets a child started by it. The
    // server-side cancel of a running operation does not pass the gate: it must never wait.
    run: async <T>(request: DriverRequest, deadlineMs: number, runOptions: DriverRunnerOptions = {}) => {
      const release = await gate.acquire(runOptions.signal);
      if (!release) return { ok: false, category: 'CANCELLED', message: CANCELLED_WHILE_WAITING } as const;
      let child: DriverChild | undefined;
      try {
        return await runInDriverProcess<T>(request, deadlineMs, {
          ...runOptions,
          spawn: runOptions.spawn ?? spawn,
          ...(pool && !runOptions.spawn ? { pool } : {}),
          onSpawn: (started) => {
            child = started;
            runOptions.onSpawn?.(started);
          },
        });
      } finally {
        // The slot is free once the process is gone, not when its answer came (it is being killed
        // then): otherwise a burst would have more processes alive than the limit.
        void exited(child).then(release);
      }
    },
    close: () => {
      pool?.close();
      for (const child of live) if (child.running) child.kill('SIGKILL');
    },
  };
}
