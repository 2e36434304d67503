import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Integration } from '../../../src-shared/contract/model';
import { createApiClient } from '../../../src-shared/rpc/client';
import { createMemoryTransport } from '../../../src-shared/rpc/memory-transport';
import { createAppStore } from '../../../src-renderer/stores/app-store';
import { useAppContexts } from '../../support/app-contexts';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const openContext = useAppContexts();

/** The renderer's store on the real services (demo workspace), through the in-memory transport. */
async function demoStore() {
  const context = openContext({ dataDir: tempDir().path, seedDemo: true });
  const store = createAppStore(createApiClient(createMemoryTransport(context.dispatch, context.hub)));
  await store.getState().load();
  const demo = store.getState().tree[0]!;
  const integration = (type: string) => demo.integrations.find((item) => item.importType === type)!;
  return { context, store, demo, integration };
}

const validationOf = (integration: Pick<Integration, 'importType' | 'intervalMinutes' | 'ruleSet'>) => ({
  importType: integration.importType,
  intervalMinutes: integration.intervalMinutes,
  ruleSet: integration.ruleSet,
});

describe('transfer slice of the renderer store', () => {
  it('names the integration in previews and full validations, so its hand-off sheet has a last validation', async () => {
    const { context, store, demo, integration } = await demoStore();
    const interval = integration('interval');
    expect(context.workspace.validationHistory.get(interval.id)).toBeUndefined();

    await store.getState().runPreview(interval.id, demo.id, interval.sql, validationOf(interval));
    const preview = store.getState().preview;
    expect(preview.status).toBe('ready');
    // The rows export repeats exactly what the preview ran.
    expect(preview.status === 'ready' && preview.request).toEqual({
      systemId: demo.id,
      sql: interval.sql,
      validation: validationOf(interval),
    });
    expect(context.workspace.validationHistory.get(interval.id)?.kind).toBe('preview');

    await store.getState().runFullValidation(interval.id, demo.id, interval.sql, validationOf(interval), 'all');
    expect(store.getState().validationRun.status).toBe('done');
    expect(context.workspace.validationHistory.get(interval.id)?.kind).toBe('full');
  });

  it('exports a bundle and imports it back under a new name, reloading the tree', async () => {
    const { context, store, demo } = await demoStore();
    const exported = await store.getState().exportWorkspace('bundle', { systemIds: [demo.id] });
    if (!exported.ok) throw new Error(exported.error.message);
    const content = fs.readFileSync(context.staging.resolve(exported.value.downloadId).path, 'utf8');

    const plan = await store.getState().planBundle(content);
    expect(plan.ok && plan.value.systems.map((system) => [system.name, system.conflict])).toEqual([[demo.name, true]]);
    const imported = await store.getState().importBundle({ content, resolutions: { [demo.name]: 'rename' } });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(store.getState().tree.map((system) => system.name)).toEqual([demo.name, `${demo.name} (2)`]);
  });

  it('previews an imported integration with its own contract, and opens it with that preview', async () => {
    const { store, demo, integration } = await demoStore();
    const agentStates = integration('agent-states');
    store.getState().openTransferDialog({ kind: 'bundle-import' });

    const result = await store.getState().previewImported(agentStates.id, 'import-preview-1');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows.length).toBeGreaterThan(0);
    expect(result.value.columns).toEqual(expect.arrayContaining(['agentidentifier', 'starttime', 'activity']));
    expect(result.value.validation?.rowsChecked).toBe(result.value.rows.length);

    store.getState().setExpanded(`s:${demo.id}`, false);
    store.getState().openImported({ kind: 'integration', id: agentStates.id }, result.value);
    const state = store.getState();
    expect(state.transferDialog).toBeUndefined();
    expect(state.selection).toEqual({ kind: 'integration', id: agentStates.id });
    expect(state.expanded[`s:${demo.id}`]).toBe(true);
    expect(state.preview).toMatchObject({ status: 'ready', integrationId: agentStates.id, result: result.value });

    const missing = await store.getState().previewImported(987_654, 'import-preview-2');
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND');
  });

  it('exports every row with progress for its run, and a cancelled run writes no file', async () => {
    const { context, store, demo, integration } = await demoStore();
    const interval = integration('interval');
    const progress: number[] = [];
    const unsubscribe = context.hub.subscribe((name, payload) => {
      if (name === 'query.progressed' && (payload as { runId: string }).runId === 'rows-full-1')
        progress.push((payload as { rowsRead: number }).rowsRead);
    });
    const full = await store.getState().exportRows({
      systemId: demo.id,
      integrationId: interval.id,
      sql: interval.sql,
      validation: validationOf(interval),
      format: 'csv',
      scope: 'full',
      runId: 'rows-full-1',
    });
    unsubscribe();
    if (!full.ok) throw new Error(full.error.message);
    expect(full.value.rowsWritten).toBeGreaterThan(200);
    expect(progress.length).toBeGreaterThan(0);
    expect(store.getState().rowsExportProgress).toBeUndefined();

    const slow =
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT max(i) AS queuename FROM n';
    const running = store.getState().exportRows({
      systemId: demo.id,
      sql: slow,
      validation: validationOf(interval),
      format: 'jsonl',
      scope: 'full',
      runId: 'rows-full-2',
    });
    expect(store.getState().rowsExportProgress).toEqual({ runId: 'rows-full-2', rowsRead: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await store.getState().cancelRun('rows-full-2');
    const cancelled = await running;
    expect(cancelled.ok || cancelled.error.code).toBe('CANCELLED');
    expect(fs.readdirSync(context.staging.dir)).toHaveLength(1);
  });
});
