import net from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkDriverChild } from '../../src-main/driver-process/driver-child-handle';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import type { DriverRequest } from '../../src-main/driver-process/protocol';
import type { Connection } from '../../src-shared/contract/model';
import type { TestValue } from '../../src-main/driver-process/run-operation';
import { TEST_NOW } from '../support/clock';
import { generateDemoDatabase } from '../../src-main/demo/generate-demo-database';
import { makeTempDir, type TempDir } from '../support/temp-dir';

// The driver process as the main process uses it: real child processes, real faults.
let dir: TempDir;
let demoFile: string;

beforeAll(() => {
  dir = makeTempDir();
  demoFile = path.join(dir.path, 'demo.sqlite');
  generateDemoDatabase(demoFile, { days: 2, now: TEST_NOW });
});
afterAll(() => dir.remove());

const sqliteTest = (): DriverRequest => ({
  connection: { kind: 'sqlite', file: demoFile },
  timeoutMs: 5000,
  operation: { op: 'test' },
});

/**
 * The smallest of up to three measurements of the longest stall: a driver that blocked the main
 * process would stall it in every attempt (for the whole hang), while a stall from the OS
 * scheduling this process out on a busy 2-core machine is random and does not repeat.
 */
async function leastStallOf<T>(work: () => Promise<T>, limitMs: number): Promise<{ result: T; maxStallMs: number }> {
  let best: { result: T; maxStallMs: number } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const measured = await withStallMonitor(work);
    if (!best || measured.maxStallMs < best.maxStallMs) best = measured;
    if (best.maxStallMs < limitMs) break;
  }
  return best!;
}

/** Runs `work` while measuring the longest event-loop stall of this (the main) process. */
async function withStallMonitor<T>(work: () => Promise<T>): Promise<{ result: T; maxStallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  try {
    const result = await work();
    return { result, maxStallMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

describe('driver process', () => {
  it('tests an SQLite connection in a child and reports its version as read-only', async () => {
    const response = await runInDriverProcess<TestValue>(sqliteTest(), 15_000);
    expect(response).toMatchObject({ ok: true, value: { writeAccess: { state: 'read-only' } } });
    expect(response.ok && response.value.serverVersion).toMatch(/^SQLite 3\.\d+/);
  });

  it('lists tables and columns of the demo database', async () => {
    const tables = await runInDriverProcess<{ name: string }[]>(
      { ...sqliteTest(), operation: { op: 'tables', schema: null } },
      15_000,
    );
    expect(tables.ok && tables.value.map((table) => table.name)).toEqual(
      expect.arrayContaining(['queues', 'interval_stats', 'agent_state_log']),
    );
    const columns = await runInDriverProcess<{ name: string }[]>(
      { ...sqliteTest(), operation: { op: 'columns', schema: null, table: 'agent_state_log' } },
      15_000,
    );
    expect(columns.ok && columns.value.map((column) => column.name)).toEqual(
      expect.arrayContaining(['agent_login', 'state_code', 'state_start', 'state_end']),
    );
  });

  it('classifies a missing SQLite file as DATABASE_NOT_FOUND', async () => {
    const response = await runInDriverProcess(
      { ...sqliteTest(), connection: { kind: 'sqlite', file: dir.join('nope.sqlite') } },
      15_000,
    );
    expect(response).toMatchObject({ ok: false, category: 'DATABASE_NOT_FOUND' });
  });

  it('answers TIMEOUT by the deadline when the driver hangs, without stalling the main process', async () => {
    const deadline = 2500;
    const { result, maxStallMs } = await leastStallOf(async () => {
      const started = performance.now();
      const response = await runInDriverProcess(sqliteTest(), deadline, { fault: 'hang' });
      return { response, elapsed: performance.now() - started };
    }, 50);
    expect(result.response).toMatchObject({ ok: false, category: 'TIMEOUT' });
    // The watchdog answered at its deadline, not after the (endless) hang; the margin allows a busy machine.
    expect(result.elapsed).toBeLessThan(deadline + 5000);
    expect(maxStallMs).toBeLessThan(50);
  });

  it('reports a crashed driver as one error message', async () => {
    const response = await runInDriverProcess(sqliteTest(), 15_000, { fault: 'crash' });
    expect(response).toMatchObject({ ok: false, category: 'ERROR' });
    expect(!response.ok && response.message).toContain('SIGSEGV');
  });

  it('stops a driver that floods memory at its limit, without stalling the main process', async () => {
    const { result, maxStallMs } = await leastStallOf(
      () => runInDriverProcess(sqliteTest(), 60_000, { fault: 'flood', maxMemoryMb: 96 }),
      50,
    );
    expect(result).toMatchObject({ ok: false, category: 'ERROR' });
    expect(!result.ok && result.message).toContain('96 MB');
    expect(maxStallMs).toBeLessThan(50);
  });

  it('gives a clear error when the driver process is killed mid-call, and the next call works', async () => {
    const killed = await runInDriverProcess(sqliteTest(), 15_000, {
      fault: 'hang',
      onSpawn: (child) => setTimeout(() => child.kill('SIGKILL'), 300),
    });
    expect(killed).toMatchObject({ ok: false, category: 'ERROR' });
    expect(!killed.ok && killed.message).toContain('SIGKILL');
    expect(await runInDriverProcess(sqliteTest(), 15_000)).toMatchObject({ ok: true });
  });
});

describe('a server that accepts TCP and never answers', () => {
  let silent: net.Server;
  let port: number;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    silent = net.createServer((socket) => {
      // Accepts, then says nothing; kept so the server can be closed afterwards.
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  const targets: [string, (port: number) => Connection][] = [
    [
      'postgres (pg)',
      (port) => ({ kind: 'postgres', host: '127.0.0.1', port, database: 'acd', user: 'reader', tls: 'disable' }),
    ],
    [
      'mysql (mysql2)',
      (port) => ({ kind: 'mysql', host: '127.0.0.1', port, database: 'acd', user: 'reader', tls: 'disable' }),
    ],
    [
      'mssql (tedious)',
      (port) => ({
        kind: 'mssql',
        host: '127.0.0.1',
        port,
        database: 'cms',
        user: 'reader',
        encrypt: true,
        trustServerCertificate: false,
      }),
    ],
    [
      'odbc (psqlODBC)',
      (port) => ({
        kind: 'odbc',
        connectionString: `DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=${port};DATABASE=acd;UID=reader;`,
      }),
    ],
    [
      'odbc (MariaDB ODBC)',
      (port) => ({
        kind: 'odbc',
        connectionString: `DRIVER={MariaDB Unicode};SERVER=127.0.0.1;PORT=${port};DATABASE=acd;UID=reader;`,
      }),
    ],
  ];
  for (const [name, connectionFor] of targets) {
    it(`${name}: TIMEOUT within the deadline + 1 s`, async () => {
      const timeoutMs = 2000;
      const started = performance.now();
      const response = await runInDriverProcess(
        { connection: connectionFor(port), password: 'Canary-Pw-7f3a9', timeoutMs, operation: { op: 'test' } },
        timeoutMs + 500,
      );
      expect(response).toMatchObject({ ok: false, category: 'TIMEOUT' });
      expect(performance.now() - started).toBeLessThan(timeoutMs + 1000);
      expect(JSON.stringify(response)).not.toContain('Canary-Pw-7f3a9');
    });
  }
});

describe('driver child in an Electron utility process', () => {
  it('answers through process.parentPort', async () => {
    const shim = path.join(__dirname, '..', 'support', 'parent-port-shim.cjs');
    const response = await runInDriverProcess<TestValue>(sqliteTest(), 15_000, {
      spawn: (script, options) =>
        forkDriverChild(script, { ...options, execArgv: ['--require', shim, ...options.execArgv] }),
    });
    expect(response).toMatchObject({ ok: true, value: { writeAccess: { state: 'read-only' } } });
  });
});
