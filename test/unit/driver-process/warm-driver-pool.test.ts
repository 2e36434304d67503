import { describe, expect, it } from 'vitest';
import { runInDriverProcess } from '../../../src-main/driver-process/driver-runner';
import type { DriverRequest } from '../../../src-main/driver-process/protocol';
import { WarmDriverPool } from '../../../src-main/driver-process/warm-driver-pool';
import { afterImmediates, scriptedSpawner, type ScriptedChild } from './scripted-child';

const request: DriverRequest = {
  connection: { kind: 'sqlite', file: '/nowhere/demo.sqlite' },
  timeoutMs: 1000,
  operation: { op: 'test' },
};

function warmPool(spawner = scriptedSpawner(), kinds: string[] = ['postgres', 'sqlite']) {
  const pool = new WarmDriverPool({
    spawn: spawner.spawn,
    preloadKinds: () => kinds as ('postgres' | 'sqlite')[],
  });
  return { pool, ...spawner };
}

describe('warm driver pool', () => {
  it('starts one child that preloads the drivers, does not hold the app, and is ready when it says so', async () => {
    const { pool, children } = warmPool(scriptedSpawner(), ['postgres', 'sqlite', 'postgres']);
    expect(pool.state).toBe('none');
    pool.refillSoon();
    pool.refillSoon();
    await afterImmediates();
    expect(children).toHaveLength(1);
    const [child] = children as [ScriptedChild];
    expect(child.received).toEqual([{ preload: ['postgres', 'sqlite'] }]);
    expect(child.referenced).toBe(false);
    expect(pool.state).toBe('starting');
    child.say({ type: 'ready' });
    expect(pool.state).toBe('ready');
    pool.close();
  });

  it('hands the waiting child to one operation, answers from it, then starts a replacement', async () => {
    const { pool, children } = warmPool();
    pool.refill();
    children[0]?.say({ type: 'ready' });
    const response = await runInDriverProcess(request, 5000, { pool, spawn: () => expect.fail('no fresh start') });
    expect(response).toEqual({ ok: true, value: 'answered' });
    const [used] = children as [ScriptedChild];
    expect(used.received.at(-1)).toEqual({ request, fault: undefined });
    expect(used.running).toBe(false);
    await afterImmediates();
    expect(children).toHaveLength(2);
    expect(children[1]?.requested).toBe(false);
    expect(pool.state).toBe('starting');
    pool.close();
  });

  it('uses a child that is still loading rather than starting a second one, and its late "ready" is not an answer', async () => {
    const spawner = scriptedSpawner((child) => {
      child.say({ type: 'ready' });
      queueMicrotask(() => child.say({ type: 'result', response: { ok: true, value: 'after ready' } }));
    });
    const { pool, children } = warmPool(spawner);
    pool.refill();
    expect(await runInDriverProcess(request, 5000, { pool })).toEqual({ ok: true, value: 'after ready' });
    expect(children).toHaveLength(1);
    pool.close();
  });

  it('does not use a warm child that died: the operation starts its own, and the pool does not restart it on its own', async () => {
    const { pool, children } = warmPool();
    pool.refill();
    const dead = children[0] as ScriptedChild;
    dead.die('SIGKILL');
    expect(pool.state).toBe('none');
    await afterImmediates();
    expect(children).toHaveLength(1);
    const fresh = scriptedSpawner();
    expect(await runInDriverProcess(request, 5000, { pool, spawn: fresh.spawn })).toEqual({
      ok: true,
      value: 'answered',
    });
    expect(dead.requested).toBe(false);
    expect(fresh.children).toHaveLength(1);
    pool.close();
  });

  it('starts no second child while an operation that found none starts its own', async () => {
    const { pool, children } = warmPool();
    pool.refillSoon();
    // The operation comes before the pool's refill could run: one start, not two at once.
    expect(pool.take()).toBeUndefined();
    await afterImmediates();
    expect(children).toHaveLength(0);
    pool.close();
  });

  it('leaves the pool alone for a fault injection or another heap limit', async () => {
    const { pool, children } = warmPool();
    pool.refill();
    const fresh = scriptedSpawner();
    await runInDriverProcess(request, 5000, { pool, spawn: fresh.spawn, maxMemoryMb: 96 });
    await runInDriverProcess(request, 5000, { pool, spawn: fresh.spawn, fault: 'crash' });
    expect(fresh.children).toHaveLength(2);
    expect(children[0]?.requested).toBe(false);
    expect(children[0]?.running).toBe(true);
    pool.close();
  });

  it('on close, ends the waiting child and starts no other', async () => {
    const { pool, children } = warmPool();
    pool.refill();
    pool.refillSoon();
    pool.close();
    await afterImmediates();
    pool.refill();
    expect(children).toHaveLength(1);
    expect(children[0]?.running).toBe(false);
    expect(pool.take()).toBeUndefined();
  });

  it('keeps working when a warm child cannot be started or the drivers cannot be listed', async () => {
    const errors: unknown[] = [];
    const failing = new WarmDriverPool({
      spawn: () => {
        throw new Error('spawn EAGAIN');
      },
      onError: (error) => errors.push(error),
    });
    failing.refill();
    expect(failing.state).toBe('none');
    expect(failing.take()).toBeUndefined();
    const spawner = scriptedSpawner();
    const unlisted = new WarmDriverPool({
      spawn: spawner.spawn,
      preloadKinds: () => {
        throw new Error('The database connection is not open');
      },
      onError: (error) => errors.push(error),
    });
    unlisted.refill();
    expect(spawner.children[0]?.received).toEqual([{ preload: [] }]);
    expect(errors.map((error) => (error as Error).message)).toEqual([
      'spawn EAGAIN',
      'The database connection is not open',
    ]);
    unlisted.close();
  });

  it('gives the cancel of a stopped operation to the next warm child', async () => {
    const spawner = scriptedSpawner((child) => {
      const message = child.received.at(-1);
      if (message && 'request' in message && message.request.operation.op === 'cancel') {
        queueMicrotask(() => child.say({ type: 'result', response: { ok: true, value: null } }));
      } else child.say({ type: 'started', cancelTarget: { kind: 'postgres', pid: 77 } });
    });
    const { pool, children } = warmPool(spawner);
    pool.refill();
    const abort = new AbortController();
    const pending = runInDriverProcess(request, 30_000, { pool, signal: abort.signal });
    // The replacement is ready before the user cancels.
    pool.refill();
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, category: 'CANCELLED' });
    expect(children).toHaveLength(2);
    const cancel = children[1]?.received.at(-1);
    expect(cancel && 'request' in cancel && cancel.request.operation).toEqual({
      op: 'cancel',
      target: { kind: 'postgres', pid: 77 },
    });
    expect(children.every((child) => !child.running)).toBe(true);
    pool.close();
  });
});
