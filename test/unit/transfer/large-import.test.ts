import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract/api';
import type { CreatedItems } from '../../../src-shared/contract/transfer';
import type { Result } from '../../../src-shared/rpc/result';
import type { AppContext } from '../../../src-main/app-context';
import { importBundle } from '../../../src-main/transfer/bundle';
import { largeBundleText, largePassword, largeSystemName } from '../../../scripts/bench/large-bundle';
import { useAppContexts } from '../../support/app-contexts';
import { useTempDirs } from '../../support/temp-dir';
import { describeWorkspace, snapshotWorkspace } from '../bundle/bundle-workspaces';

const tempDir = useTempDirs('acd-large-import-');
const openContext = useAppContexts();

// Big enough that the old in-thread import blocked the loop for seconds; small enough to run here.
const SYSTEMS = 5000;
const PASSPHRASE = 'large import passphrase';
const bundle = largeBundleText({ systems: SYSTEMS, passphrase: PASSPHRASE, passwordEvery: 10 });

const emptyContext = () => openContext({ dataDir: tempDir().path, seedDemo: false });

function progressOf(context: AppContext, runId: string): Array<EventPayload<'transfer.progressed'>> {
  const seen: Array<EventPayload<'transfer.progressed'>> = [];
  context.hub.subscribe((name, payload) => {
    const progress = payload as EventPayload<'transfer.progressed'>;
    if (name === 'transfer.progressed' && progress.runId === runId) seen.push(progress);
  });
  return seen;
}

/** Resolves at the first progress event of `phase` for `runId`. */
function reaching(context: AppContext, runId: string, phase: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = context.hub.subscribe((name, payload) => {
      const progress = payload as EventPayload<'transfer.progressed'>;
      if (name !== 'transfer.progressed' || progress.runId !== runId || progress.phase !== phase) return;
      stop();
      resolve();
    });
  });
}

const importInput = (runId: string, extra: Record<string, unknown> = {}) => ({
  content: bundle,
  passphrase: PASSPHRASE,
  runId,
  ...extra,
});

describe('a large bundle import', () => {
  it('lets other windows be answered while it runs, and reports its progress step by step', async () => {
    const context = emptyContext();
    const progress = progressOf(context, 'big-1');
    const order: string[] = [];
    const checking = reaching(context, 'big-1', 'checking');
    const writing = reaching(context, 'big-1', 'writing');
    const importing = context.dispatch('bundle.import', importInput('big-1')).then((result) => {
      order.push('import answered');
      return result as Result<CreatedItems>;
    });

    // Another window asks while the worker is still checking: it is answered at once, from the
    // store as it was, because nothing is written until everything has been checked. The turn of
    // the event loop in between is the point: an import on this thread would finish first.
    await checking;
    await new Promise((resolve) => setImmediate(resolve));
    const [info, tree] = await Promise.all([context.dispatch('app.info', {}), context.dispatch('workspace.tree', {})]);
    order.push('other window answered');
    expect(info.ok).toBe(true);
    expect(tree.ok && tree.value).toEqual([]);
    // A write from another window while the import writes waits for it, instead of blocking the
    // loop on SQLite's lock (which would answer it before the next turn), and then succeeds.
    await writing;
    let createAnswered = false;
    const created = context
      .dispatch('systems.create', {
        name: 'Made meanwhile',
        timeZone: 'UTC',
        connection: { kind: 'sqlite', file: '/m' },
      })
      .finally(() => (createAnswered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(createAnswered).toBe(false);

    const result = await importing;
    expect(order).toEqual(['other window answered', 'import answered']);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.systems).toHaveLength(SYSTEMS);
    expect(result.value.integrations).toHaveLength(SYSTEMS);
    expect((await created).ok).toBe(true);
    expect(describeWorkspace(context.workspace)).toHaveLength(SYSTEMS + 1);

    // Reading, then checking, then writing; each counts up to its total.
    expect([...new Set(progress.map((step) => step.phase))]).toEqual(['reading', 'checking', 'writing']);
    for (const phase of ['checking', 'writing'] as const) {
      const steps = progress.filter((step) => step.phase === phase);
      expect(steps.every((step) => step.total === SYSTEMS)).toBe(true);
      expect(steps.map((step) => step.done)).toEqual([...steps.map((step) => step.done)].sort((a, b) => a - b));
      expect(steps.at(-1)?.done).toBe(SYSTEMS);
      // Throttled: a bar's worth of steps, not one event per system.
      expect(steps.length).toBeLessThanOrEqual(102);
    }
  });

  it('stores exactly what the in-thread import stores, passwords included, whatever the resolutions', async () => {
    const resolutions = {
      [largeSystemName(0)]: 'skip',
      [largeSystemName(10)]: 'replace',
      [largeSystemName(20)]: 'rename',
    } as const;
    const typed = { [largeSystemName(30)]: 'typed-in' };
    /** A workspace where three of the bundle's names are taken, so each resolution is exercised. */
    const prepared = async () => {
      const context = emptyContext();
      for (const index of [0, 10, 20]) {
        const draft = { name: largeSystemName(index), timeZone: 'UTC', connection: { kind: 'sqlite', file: '/old' } };
        expect((await context.dispatch('systems.create', draft)).ok).toBe(true);
      }
      return context;
    };
    const viaWorker = await prepared();
    const inThread = await prepared();

    const answer = await viaWorker.dispatch('bundle.import', importInput('big-2', { resolutions, passwords: typed }));
    if (!answer.ok) throw new Error(answer.error.message);
    const expected = importBundle(inThread.workspace, bundle, {
      passphrase: PASSPHRASE,
      resolutions,
      passwords: typed,
    });

    expect(answer.value).toEqual(expected);
    const stored = describeWorkspace(viaWorker.workspace);
    expect(stored).toEqual(describeWorkspace(inThread.workspace));
    // The carried passwords were sealed with this workspace's cipher and decrypt again.
    const byName = new Map(stored.map((system) => [system.name, system]));
    expect(byName.get(largeSystemName(40))?.password).toBe(largePassword(40));
    expect(byName.get(largeSystemName(30))?.password).toBe('typed-in');
    expect(byName.get(largeSystemName(10))?.password).toBe(largePassword(10));
    expect(byName.get(`${largeSystemName(20)} (2)`)?.password).toBe(largePassword(20));
    expect(byName.get(largeSystemName(41))?.password).toBe('absent');
    expect(answer.value).toMatchObject({ skipped: [largeSystemName(0)] });
  });

  it('writes nothing when one system, the last, is invalid', async () => {
    const context = emptyContext();
    const before = snapshotWorkspace(context.workspace);
    const broken = largeBundleText({ systems: SYSTEMS, breakLast: true });
    const answer = await context.dispatch('bundle.import', { content: broken, runId: 'big-3' });

    expect(answer.ok || answer.error.code).toBe('INVALID_INPUT');
    expect(answer.ok || answer.error.issues?.map((issue) => issue.path)).toEqual([
      `systems[${SYSTEMS - 1}].connection.file`,
    ]);
    expect(snapshotWorkspace(context.workspace)).toEqual(before);
  });

  it('plans off the main thread too, marking the names this workspace already has', async () => {
    const context = emptyContext();
    await context.dispatch('systems.create', {
      name: largeSystemName(7).toLowerCase(),
      timeZone: 'UTC',
      connection: { kind: 'sqlite', file: '/x' },
    });
    const progress = progressOf(context, 'plan-1');
    const plan = await context.dispatch('bundle.plan', { content: bundle, runId: 'plan-1' });
    if (!plan.ok) throw new Error(plan.error.message);
    const systems = (plan.value as { systems: Array<{ name: string; conflict: boolean; needsPassword: boolean }> })
      .systems;
    expect(systems).toHaveLength(SYSTEMS);
    expect(systems.filter((system) => system.conflict).map((system) => system.name)).toEqual([largeSystemName(7)]);
    // Every tenth system carries its password, so none asks for one.
    expect(systems.some((system) => system.needsPassword)).toBe(false);
    expect(progress.at(-1)).toEqual({ runId: 'plan-1', phase: 'checking', done: SYSTEMS, total: SYSTEMS });
  });
});
