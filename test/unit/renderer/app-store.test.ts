import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src-shared/rpc/client';
import { createMemoryTransport } from '../../../src-shared/rpc/memory-transport';
import { createAppStore } from '../../../src-renderer/stores/app-store';
import { toFormErrors } from '../../../src-renderer/components/form-errors';
import { visibleItems } from '../../../src-renderer/features/tree/tree-model';
import { useAppContexts } from '../../support/app-contexts';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const openContext = useAppContexts();

/** The renderer's store against the real services, through the in-memory transport. */
function storeOnRealServices(seedDemo = true) {
  const context = openContext({ dataDir: tempDir().path, seedDemo });
  return createAppStore(createApiClient(createMemoryTransport(context.dispatch, context.hub)));
}

describe('renderer store', () => {
  it('loads the demo tree and expands the first system', async () => {
    const store = storeOnRealServices();
    await store.getState().load();
    const { tree, treeStatus, expanded } = store.getState();
    expect(treeStatus).toBe('ready');
    expect(tree[0]?.integrations.map((integration) => integration.importType).sort()).toEqual([
      'agent-states',
      'contact',
      'interval',
    ]);
    expect(expanded[`s:${tree[0]!.id}`]).toBe(true);
    // three integrations and the database-objects node under the expanded demo system
    expect(visibleItems(tree, expanded, store.getState())).toHaveLength(5);
  });

  it('selects what it created, says so, and keeps field errors on the field', async () => {
    const store = storeOnRealServices(false);
    await store.getState().load();
    const created = await store.getState().createSystem({
      name: 'Genesys',
      connection: { kind: 'odbc', connectionString: 'DSN=g;' },
    });
    expect(created.ok).toBe(true);
    expect(store.getState().selection).toEqual({ kind: 'system', id: created.ok ? created.value.id : -1 });
    expect(store.getState().notice).toBe('created');
    expect(store.getState().tree.map((system) => system.name)).toEqual(['Genesys']);

    const duplicate = await store.getState().createSystem({
      name: 'genesys',
      connection: { kind: 'odbc', connectionString: 'DSN=g;' },
    });
    expect(duplicate.ok).toBe(false);
    const errors = toFormErrors(duplicate.ok ? { code: 'INTERNAL', message: '' } : duplicate.error);
    expect(errors.fields.name).toContain('already exists');
    expect(errors.summary).toBeUndefined();
  });

  it('deletes only after confirmation and clears the selection', async () => {
    const store = storeOnRealServices();
    await store.getState().load();
    const demo = store.getState().tree[0]!;
    store.getState().select({ kind: 'system', id: demo.id });
    store.getState().askDelete('system', demo.id);
    expect(store.getState().confirmDelete).toMatchObject({ name: demo.name, integrationCount: 3 });
    store.getState().cancelDelete();
    expect(store.getState().tree).toHaveLength(1);
    store.getState().askDelete('system', demo.id);
    await store.getState().confirmDeletion();
    expect(store.getState().tree).toEqual([]);
    expect(store.getState().selection).toEqual({ kind: 'none' });
  });

  it('drops a preview answer that arrives after another preview started', async () => {
    const store = storeOnRealServices();
    await store.getState().load();
    const demo = store.getState().tree[0]!;
    const [first, second] = demo.integrations;
    const stale = store.getState().runPreview(first!.id, demo.id, first!.sql);
    const fresh = store.getState().runPreview(second!.id, demo.id, second!.sql);
    await Promise.all([stale, fresh]);
    const preview = store.getState().preview;
    expect(preview.status).toBe('ready');
    expect(preview.status === 'ready' && preview.integrationId).toBe(second!.id);
  });
});

describe('form errors', () => {
  it('drops the error of an edited field and keeps the others', async () => {
    const { withoutFieldError } = await import('../../../src-renderer/components/form-errors');
    const errors = { fields: { name: 'must not be empty', 'connection.host': 'is required' } };
    expect(withoutFieldError(errors, 'connection.host')).toEqual({ fields: { name: 'must not be empty' } });
    expect(withoutFieldError(errors, 'timeZone')).toBe(errors);
  });
});
