import type { ChildProcess } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../support/clock';
import { generateDemoDatabase } from '../../src-main/demo/generate-demo-database';
import { DEMO_QUERIES } from '../../src-main/demo/demo-queries';
import {
  forkDriverChild,
  type DriverChild,
  type SpawnDriverChild,
} from '../../src-main/driver-process/driver-child-handle';
import { createDriverProcesses, type DriverProcesses } from '../../src-main/driver-process/driver-processes';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import type { ChildMessage, DriverRequest, ParentMessage } from '../../src-main/driver-process/protocol';
import type { PreviewRows } from '../../src-main/drivers/db-session';
import { useAppContexts } from '../support/app-contexts';
import { EXPECTED_ROWS, SEED_SAMPLE, useXlinkDataSources } from '../support/cli-transfer-acd';
import { cliHome } from '../support/cli-transfer-workspace';
import { finished, REPO_ROOT, useChildProcesses } from '../support/child-process';
import { makeTempDir, useTempDirs, type TempDir } from '../support/temp-dir';

// The warm driver process (issue 6) with real child processes: one started ahead of need is used
// by the next operation and replaced, and everything that made a driver process safe still holds.
let dir: TempDir;
let demoFile: string;
const tempDir = useTempDirs('acd-warm-');
const openContext = useAppContexts();
const spawnProcess = useChildProcesses();
useXlinkDataSources();

beforeAll(() => {
  dir = makeTempDir('acd-warm-demo-');
  demoFile = path.join(dir.path, 'demo.sqlite');
  generateDemoDatabase(demoFile, { days: 2, now: TEST_NOW });
});
afterAll(() => dir.remove());

const opened: DriverProcesses[] = [];
afterEach(() => {
  for (const drivers of opened.splice(0)) drivers.close();
});

const preview = (sql: string = DEMO_QUERIES.interval): DriverRequest => ({
  connection: { kind: 'sqlite', file: demoFile },
  timeoutMs: 5000,
  operation: { op: 'preview', sql, limit: 200, statementTimeoutMs: 30_000 },
});
/** Never yields a row: SQLite counts an endless recursion inside one native call, like a hung driver. */
const ENDLESS_SQL = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n';

interface Recorded {
  child: DriverChild;
  sent: ParentMessage[];
  ready: boolean;
}

/** Real forked driver processes, with what each was sent and whether it said it was ready. */
function recordingSpawner(): { spawn: SpawnDriverChild; started: Recorded[] } {
  const started: Recorded[] = [];
  const spawn: SpawnDriverChild = (script, options) => {
    const forked = forkDriverChild(script, options);
    const sent: ParentMessage[] = [];
    const child: DriverChild = Object.assign(Object.create(forked) as DriverChild, {
      send: (message: unknown) => {
        sent.push(message as ParentMessage);
        forked.send(message);
      },
    });
    const recorded: Recorded = { child, sent, ready: false };
    started.push(recorded);
    child.onMessage((message) => {
      if ((message as ChildMessage).type === 'ready') recorded.ready = true;
    });
    return child;
  };
  return { spawn, started };
}

function warmDrivers(spawn: SpawnDriverChild): DriverProcesses {
  const drivers = createDriverProcesses({ warm: true, spawn, preloadKinds: () => ['sqlite'] });
  opened.push(drivers);
  return drivers;
}

const whenReady = (drivers: DriverProcesses) =>
  expect.poll(() => drivers.pool?.state, { timeout: 30_000, interval: 20 }).toBe('ready');

/** Driver processes forked by this (the test) process, seen through Node's child_process channel. */
function watchDriverForks(): { forks: ChildProcess[]; stop(): void } {
  const all: ChildProcess[] = [];
  const onChild = (message: unknown) => all.push((message as { process: ChildProcess }).process);
  diagnostics.subscribe('child_process', onChild);
  return {
    get forks() {
      return all.filter((child) => child.spawnargs.some((arg) => /driver-child\.ts|driver-process\.cjs/.test(arg)));
    },
    stop: () => diagnostics.unsubscribe('child_process', onChild),
  };
}

/** Pids of live driver processes whose parent is this process, read from /proc. */
function liveDriverChildren(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        if (!new RegExp(`^PPid:\\s+${process.pid}$`, 'm').test(status) || /^State:\s+Z/m.test(status)) return false;
        return /driver-child\.ts|driver-process\.cjs/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      } catch {
        return false; // it ended while we looked
      }
    })
    .map(Number);
}

/**
 * The longest time this (the main) process's event loop was blocked while `work` ran. A tick
 * that comes late while the process used about as much CPU as the delay was a block of our own;
 * a late tick while it used little CPU means the OS ran others (the test machines have 2 cores
 * and run several suites at once), which a wall-clock histogram alone would count too.
 */
async function longestBlockOf<T>(work: () => Promise<T>): Promise<{ result: T; blockedMs: number; lateMs: number }> {
  let blockedMs = 0;
  let lateMs = 0;
  let lastTick = performance.now();
  let lastCpu = process.cpuUsage();
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const gap = now - lastTick;
    lateMs = Math.max(lateMs, gap);
    if ((cpu.user + cpu.system) / 1000 >= 0.8 * gap) blockedMs = Math.max(blockedMs, gap);
    lastTick = now;
    lastCpu = process.cpuUsage();
  }, 5);
  try {
    return { result: await work(), blockedMs, lateMs };
  } finally {
    clearInterval(ticker);
  }
}

describe('a warm driver process', () => {
  it('is used by the next operation, and replaced once that operation has ended', async () => {
    const { spawn, started } = recordingSpawner();
    const drivers = warmDrivers(spawn);
    await whenReady(drivers);
    expect(started).toHaveLength(1);
    const [warm] = started as [Recorded];
    expect(warm.sent).toEqual([{ preload: ['sqlite'] }]);

    const used: DriverChild[] = [];
    const response = await drivers.run<PreviewRows>(preview(), 15_000, { onSpawn: (child) => used.push(child) });
    expect(response.ok && response.value.rows).toHaveLength(200);
    // The answer came from the warm child; the replacement starts only now.
    expect(started).toHaveLength(1);
    expect(used[0]).toBe(warm.child);
    await expect.poll(() => warm.child.running).toBe(false);

    await whenReady(drivers);
    expect(started).toHaveLength(2);
    expect(started[1]?.sent).toEqual([{ preload: ['sqlite'] }]);
    const second = await drivers.run<PreviewRows>(preview(), 15_000);
    expect(second.ok).toBe(true);
    expect(started[1]?.sent.at(-1)).toMatchObject({ request: preview() });
    // How much faster the warm child answers is a benchmark figure (docs/benchmarks.md), not a test.
    expect((await runInDriverProcess<PreviewRows>(preview(), 15_000)).ok).toBe(true);
  });

  it('that died is not used: the operation starts a fresh process and answers', async () => {
    const { spawn, started } = recordingSpawner();
    const drivers = warmDrivers(spawn);
    await whenReady(drivers);
    const [dead] = started as [Recorded];
    dead.child.kill('SIGKILL');
    await expect.poll(() => drivers.pool?.state).toBe('none');

    const response = await drivers.run<PreviewRows>(preview(), 15_000);
    expect(response.ok && response.value.rows).toHaveLength(200);
    expect(dead.sent.some((message) => 'request' in message)).toBe(false);
    expect(started).toHaveLength(2);
    expect(started[1]?.sent).toEqual([{ request: preview(), fault: undefined }]);
  });

  it('that hangs is killed by the watchdog at the deadline, without stalling the main process; the next one works', async () => {
    const { spawn, started } = recordingSpawner();
    const drivers = warmDrivers(spawn);
    const deadline = 2500;
    await whenReady(drivers);
    const warm = started.at(-1)!;
    const { result, blockedMs } = await longestBlockOf(async () => {
      const began = performance.now();
      const response = await drivers.run(preview(ENDLESS_SQL), deadline);
      return { response, elapsed: performance.now() - began, warm };
    });
    expect(result.response).toMatchObject({ ok: false, category: 'TIMEOUT' });
    expect(result.elapsed).toBeLessThan(deadline + 5000);
    expect(result.warm.sent.at(-1)).toMatchObject({ request: preview(ENDLESS_SQL) });
    await expect.poll(() => result.warm.child.running).toBe(false);
    expect(blockedMs).toBeLessThan(50);

    await whenReady(drivers);
    expect((await drivers.run(preview(), 15_000)).ok).toBe(true);
  });

  it('and every other driver process of an app context end when the context closes', async () => {
    const { spawn, started } = recordingSpawner();
    const context = openContext({ dataDir: tempDir().path, warmDriverProcess: true, spawnDriver: spawn });
    const [demo] = context.workspace.systems.list();
    await expect.poll(() => started[0]?.ready, { timeout: 30_000, interval: 20 }).toBe(true);
    // The warm child runs a preview that never ends; the context closes under it.
    const pending = context.dispatch('query.preview', { systemId: demo?.id, sql: ENDLESS_SQL, previewId: 'endless' });
    await expect.poll(() => started[0]?.sent.length).toBe(2);
    expect(liveDriverChildren()).toHaveLength(1);
    context.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'QUERY_FAILED' } });
    await expect.poll(() => started.every((recorded) => !recorded.child.running)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toHaveLength(1);
    await expect.poll(liveDriverChildren).toEqual([]);
  });

  it('works through process.parentPort, as in an Electron utility process', async () => {
    const shim = path.join(REPO_ROOT, 'test', 'support', 'parent-port-shim.cjs');
    const drivers = warmDrivers((script, options) =>
      forkDriverChild(script, { ...options, execArgv: ['--require', shim, ...options.execArgv] }),
    );
    await whenReady(drivers);
    const response = await drivers.run<PreviewRows>(preview(), 15_000);
    expect(response.ok && response.value.rows).toHaveLength(200);
  });

  it('does not keep the app alive: a process that leaves one waiting exits on its own', async () => {
    const script = `
      const { createDriverProcesses } = require(${JSON.stringify(path.join(REPO_ROOT, 'src-main/driver-process/driver-processes.ts'))});
      const drivers = createDriverProcesses({ warm: true, preloadKinds: () => ['sqlite', 'postgres'] });
      const waiting = setInterval(() => {
        if (drivers.pool?.state !== 'ready') return;
        clearInterval(waiting);
        console.log('warm child ready');
      }, 20);`;
    const child = spawnProcess(process.execPath, ['--import', 'tsx', '-e', script]);
    const outcome = await finished(child);
    expect(outcome, outcome.stderr).toMatchObject({ code: 0, signal: null, stdout: 'warm child ready\n' });
  });
});

describe('the CLI', () => {
  it('starts no warm driver process: its context starts none while a warm one does', async () => {
    const watch = watchDriverForks();
    try {
      // The options the CLI gives (src-main/cli/run-cli.ts), beside a warm context as the control.
      const cliLike = openContext({ dataDir: tempDir().path, workspaceFile: tempDir().join('cli.sqlite') });
      const { spawn, started } = recordingSpawner();
      openContext({ dataDir: tempDir().path, warmDriverProcess: true, spawnDriver: spawn });
      await expect.poll(() => started[0]?.ready, { timeout: 30_000, interval: 20 }).toBe(true);
      expect(watch.forks).toHaveLength(1);
      expect(cliLike.seededDemo).toBe(true);
    } finally {
      watch.stop();
    }
  });

  it('starts exactly one driver process per preview of an import check, and leaves none running', async () => {
    const home = await cliHome(tempDir(), { demo: false });
    const watch = watchDriverForks();
    try {
      const run = await home.run(['import', '--from', SEED_SAMPLE.ini]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/row\(s\) previewed/);
      expect(watch.forks).toHaveLength(Object.keys(EXPECTED_ROWS).length);
      await expect
        .poll(() => watch.forks.every((child) => child.exitCode !== null || child.signalCode !== null))
        .toBe(true);
      expect(liveDriverChildren()).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
