import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WriteGate } from '../../../src-main/services/write-gate';
import { throttleProgress, type ImportPhase } from '../../../src-main/transfer/import-progress';
import { runInImportWorker } from '../../../src-main/transfer/import-worker/run-import-worker';
import type { ImportJob } from '../../../src-main/transfer/import-worker/protocol';
import { largeBundleText, largeSystemName } from '../../../scripts/bench/large-bundle';
import { useTempDirs } from '../../support/temp-dir';
import { snapshotWorkspace, useTestWorkspaces } from '../bundle/bundle-workspaces';

const tempDir = useTempDirs('acd-import-worker-');
const openTestWorkspace = useTestWorkspaces();

const job: ImportJob = {
  kind: 'bundle.import',
  content: largeBundleText({ systems: 3 }),
  options: { resolutions: {}, passwords: {} },
};

/** A worker script written for the test: `code` runs in place of the real worker. */
function brokenWorker(code: string) {
  const dir = tempDir();
  const script = dir.join('broken-worker.cjs');
  fs.writeFileSync(script, code);
  return () => ({ script, execArgv: [] });
}

describe('WriteGate', () => {
  it('lets writes run at once when idle, and after the holder (in order) when held', async () => {
    const gate = new WriteGate();
    const order: string[] = [];
    expect(gate.write(() => order.push('idle write'))).toBe(1);

    const release = await gate.acquire();
    const first = gate.write(() => order.push('first'));
    const second = gate.write(() => order.push('second'));
    const nextHolder = gate.acquire().then((releaseNext) => {
      order.push('next holder');
      return releaseNext;
    });
    const third = gate.write(() => order.push('third'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['idle write']);

    release();
    release(); // a second release changes nothing
    (await nextHolder)();
    await Promise.all([first, second, third]);
    expect(order).toEqual(['idle write', 'first', 'second', 'next holder', 'third']);
    expect(gate.write(() => 'idle again')).toBe('idle again');
  });
});

describe('throttleProgress', () => {
  it('passes the first and last step of each phase and round hundredths between', () => {
    const seen: Array<[ImportPhase, number]> = [];
    const report = throttleProgress((phase, done) => seen.push([phase, done]));
    report('reading', 0, 1);
    report('reading', 1, 1);
    for (let done = 1; done <= 1000; done += 1) report('checking', done, 1000);
    for (let done = 1; done <= 50; done += 1) report('writing', done, 50);
    const checking = seen.filter(([phase]) => phase === 'checking').map(([, done]) => done);
    expect(seen.slice(0, 2)).toEqual([
      ['reading', 0],
      ['reading', 1],
    ]);
    expect(checking).toEqual([1, ...Array.from({ length: 100 }, (_, index) => (index + 1) * 10)]);
    expect(seen.filter(([phase]) => phase === 'writing')).toHaveLength(50);
  });
});

describe('runInImportWorker when the worker fails', () => {
  it('runs the job on the main thread when the worker cannot start, and says so', async () => {
    const { ws } = openTestWorkspace(tempDir());
    const reasons: unknown[] = [];
    const created = await runInImportWorker(job, {
      workspace: ws,
      gate: new WriteGate(),
      locate: brokenWorker("throw new Error('cannot load');"),
      onFallback: (error) => reasons.push(error),
    });
    expect(created).toMatchObject({ systems: [0, 1, 2].map((index) => ({ name: largeSystemName(index) })) });
    expect(reasons).toHaveLength(1);
  });

  it('fails without writing or keeping the gate when the worker dies after starting', async () => {
    const { ws } = openTestWorkspace(tempDir());
    const before = snapshotWorkspace(ws);
    const gate = new WriteGate();
    const crash = brokenWorker(
      "const { parentPort } = require('node:worker_threads');" +
        "parentPort.postMessage({ type: 'started' });" +
        "parentPort.postMessage({ type: 'seal', passwords: [] });" +
        "setImmediate(() => { throw new Error('worker crashed'); });",
    );
    await expect(runInImportWorker(job, { workspace: ws, gate, locate: crash })).rejects.toThrow('worker crashed');
    expect(snapshotWorkspace(ws)).toEqual(before);
    // The gate it held while sealing is free again: a write runs at once.
    expect(gate.write(() => 'written')).toBe('written');
  });

  it('passes a refusal through as the same ServiceError', async () => {
    const { ws } = openTestWorkspace(tempDir());
    const refusal = runInImportWorker(
      { kind: 'bundle.plan', content: '{"format":"something else"}' },
      { workspace: ws, gate: new WriteGate() },
    );
    await expect(refusal).rejects.toMatchObject({
      name: 'ServiceError',
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/not an ACD Link Studio workspace bundle/),
    });
  });
});
