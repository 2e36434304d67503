import { describe, expect, it } from 'vitest';
import { DriverGate, defaultDriverLimit, type DriverLoad } from '../../../src-main/driver-process/driver-gate';

describe('DriverGate', () => {
  it('lets `limit` operations run, queues the rest in order, and reports every change', async () => {
    const loads: DriverLoad[] = [];
    const gate = new DriverGate(2, (load) => loads.push(load));
    const first = await gate.acquire();
    const second = await gate.acquire();
    const started: string[] = [];
    const third = gate.acquire().then((release) => (started.push('third'), release));
    const fourth = gate.acquire().then((release) => (started.push('fourth'), release));
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 2, waiting: 2, limit: 2 });
    expect(started).toEqual([]);
    first?.();
    const releaseThird = await third;
    expect(started).toEqual(['third']);
    expect(gate.load).toEqual({ running: 2, waiting: 1, limit: 2 });
    // A second release of the same slot changes nothing.
    first?.();
    expect(gate.load).toEqual({ running: 2, waiting: 1, limit: 2 });
    second?.();
    (await fourth)?.();
    releaseThird?.();
    expect(gate.load).toEqual({ running: 0, waiting: 0, limit: 2 });
    expect(Math.max(...loads.map((load) => load.waiting))).toBe(2);
    expect(loads.every((load) => load.running <= 2)).toBe(true);
  });

  it('drops a waiting operation whose caller gave up: it never starts, and the next one takes its turn', async () => {
    const gate = new DriverGate(1);
    const running = await gate.acquire();
    const gaveUp = new AbortController();
    const abandoned = gate.acquire(gaveUp.signal);
    const next = gate.acquire();
    gaveUp.abort();
    expect(await abandoned).toBeUndefined();
    expect(gate.load).toEqual({ running: 1, waiting: 1, limit: 1 });
    running?.();
    expect(await next).toBeTypeOf('function');
    expect(await gate.acquire(AbortSignal.abort())).toBeUndefined();
  });

  it('refuses a limit below 1, and sizes the default by the cores within 2 to 8', () => {
    expect(() => new DriverGate(0)).toThrow(/at least 1/);
    expect([1, 2, 4, 16].map(defaultDriverLimit)).toEqual([2, 2, 4, 8]);
  });
});
