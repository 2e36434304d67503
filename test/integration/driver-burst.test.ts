import { describe, expect, it } from 'vitest';
import { forkDriverChild, type SpawnDriverChild } from '../../src-main/driver-process/driver-child-handle';
import type { ConnectionTestResult } from '../../src-shared/contract/connection-test';
import { useAppContexts } from '../support/app-contexts';
import { CANARY_PASSWORD } from '../support/databases';
import { useTempDirs } from '../support/temp-dir';
import { useWriterDatabases } from '../support/writer-databases';
import { writerTargets } from '../support/writer-targets';

// A burst of Test connection calls against a healthy server: slower, never wrong. A hundred at once
// used to start a hundred driver processes, and most answered TIMEOUT.
useWriterDatabases();
const tempDir = useTempDirs('acd-burst-');
const openContext = useAppContexts();
const LIMIT = 3;

/** Real forked driver processes, counting how many are alive at once. */
function countingSpawner(): { spawn: SpawnDriverChild; stats: { alive: number; most: number; started: number } } {
  const stats = { alive: 0, most: 0, started: 0 };
  const spawn: SpawnDriverChild = (script, options) => {
    const child = forkDriverChild(script, options);
    stats.started += 1;
    stats.alive += 1;
    stats.most = Math.max(stats.most, stats.alive);
    child.onExit(() => (stats.alive -= 1));
    return child;
  };
  return { spawn, stats };
}

describe('a burst of 15 Test connection calls', () => {
  it('runs at most the limit of driver processes at once, says who waits, and every answer is OK', async () => {
    const { spawn, stats } = countingSpawner();
    const context = openContext({
      dataDir: tempDir().path,
      seedDemo: false,
      spawnDriver: spawn,
      maxDriverProcesses: LIMIT,
    });
    const loads: { running: number; waiting: number }[] = [];
    context.hub.subscribe((name, payload) => {
      if (name === 'drivers.load') loads.push(payload as { running: number; waiting: number });
    });
    const input = { connection: writerTargets('').pg.connection, password: CANARY_PASSWORD };
    const results = await Promise.all(Array.from({ length: 15 }, () => context.dispatch('connections.test', input)));
    const categories = results.map((result) =>
      result.ok ? (result.value as ConnectionTestResult).category : 'FAILED',
    );
    expect(new Set(categories)).toEqual(new Set(['OK']));
    expect(stats.started).toBe(15);
    expect(stats.most).toBeLessThanOrEqual(LIMIT);
    expect(Math.max(...loads.map((load) => load.waiting))).toBe(15 - LIMIT);
    // The last slot is freed when its process has exited, just after the last answer.
    await expect.poll(() => loads.at(-1)).toEqual({ running: 0, waiting: 0, limit: LIMIT });
  });

  it('a call whose caller is gone while it waits never starts a driver process', async () => {
    const { spawn, stats } = countingSpawner();
    const context = openContext({
      dataDir: tempDir().path,
      seedDemo: false,
      spawnDriver: spawn,
      maxDriverProcesses: 1,
    });
    const input = { connection: writerTargets('').pg.connection, password: CANARY_PASSWORD };
    const first = context.dispatch('connections.test', input);
    const caller = new AbortController();
    const waiting = context.dispatch('connections.test', input, { signal: caller.signal });
    caller.abort();
    expect(await waiting).toMatchObject({ ok: true, value: { ok: false, category: 'CANCELLED' } });
    expect(await first).toMatchObject({ ok: true, value: { category: 'OK' } });
    expect(stats.started).toBe(1);
  });
});
