import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src-shared/rpc/client';
import { createMemoryTransport } from '../../../src-shared/rpc/memory-transport';
import { createAppStore } from '../../../src-renderer/stores/app-store';
import type { ImportProgress } from '../../../src-renderer/stores/transfer-slice';
import { largeBundleText } from '../../../scripts/bench/large-bundle';
import { useAppContexts } from '../../support/app-contexts';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const openContext = useAppContexts();

describe('import progress in the renderer store', () => {
  it("follows its own run's steps while it reads and imports, and is cleared after", async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    const store = createAppStore(createApiClient(createMemoryTransport(context.dispatch, context.hub)));
    await store.getState().load();
    const seen: ImportProgress[] = [];
    store.subscribe((state) => {
      if (state.importProgress && state.importProgress !== seen.at(-1)) seen.push(state.importProgress);
    });
    // Another window's import: its events carry another runId and must not move this bar.
    context.hub.emit('transfer.progressed', { runId: 'someone-else', phase: 'writing', done: 1, total: 9 });

    const content = largeBundleText({ systems: 1500 });
    const plan = await store.getState().planBundle(content);
    expect(plan.ok).toBe(true);
    const planSteps = seen.splice(0);
    expect(store.getState().importProgress).toBeUndefined();
    expect(new Set(planSteps.map((step) => step.phase))).toEqual(new Set(['reading', 'checking']));

    const imported = await store.getState().importBundle({ content });
    expect(imported.ok && imported.value.systems).toHaveLength(1500);
    expect(store.getState().importProgress).toBeUndefined();
    expect(new Set(seen.map((step) => step.runId)).size).toBe(1);
    expect(seen[0]?.runId).not.toBe(planSteps[0]?.runId);
    expect(seen.map((step) => step.phase).filter((phase, index, all) => phase !== all[index - 1])).toEqual([
      'reading',
      'checking',
      'writing',
    ]);
    expect(seen.at(-1)).toMatchObject({ phase: 'writing', done: 1500, total: 1500 });
    expect(store.getState().tree).toHaveLength(1500);
  });
});
