import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InputOf, OutputOf, PreviewResult } from '../../src-shared/contract/api';
import type { SystemTreeNode } from '../../src-shared/contract/model';
import type { ApiClient } from '../../src-shared/rpc/client';
import type { Result, RpcError } from '../../src-shared/rpc/result';
import { createCatalogueSlice, type CatalogueState } from './catalogue-slice';
import { createLinkSlice, type LinkSlice } from './link-slice';
import { createTransferSlice, newRunId, type TransferSlice } from './transfer-slice';
import { createValidationRunSlice, type ValidationRunSlice } from './validation-run-slice';

export type Selection =
  | { kind: 'none' }
  | { kind: 'system'; id: number }
  | { kind: 'integration'; id: number }
  /** `form` numbers each "New …" click, so every click opens a fresh, empty form. */
  | { kind: 'new-system'; form: number }
  | { kind: 'new-integration'; systemId: number; form: number };

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What a preview ran: the rows export repeats exactly this, not what the form holds by then. */
export interface PreviewRequest {
  systemId: number;
  sql: string;
  validation?: InputOf<'query.preview'>['validation'];
}

export type PreviewState =
  | { status: 'idle' }
  | { status: 'running'; integrationId: number; previewId: string }
  | { status: 'ready'; integrationId: number; result: PreviewResult; request: PreviewRequest }
  | { status: 'error'; integrationId: number; error: RpcError };

export interface AppState extends CatalogueState, ValidationRunSlice, TransferSlice, LinkSlice {
  info?: OutputOf<'app.info'>;
  tree: SystemTreeNode[];
  treeStatus: LoadStatus;
  treeError?: RpcError;
  selection: Selection;
  /** Expanded tree nodes by key (see features/tree/tree-model.ts). */
  expanded: Record<string, boolean>;
  preview: PreviewState;
  /** A one-off confirmation shown above the detail form (it survives the form's remount after a create). */
  notice?: 'created';
  /** Pending confirmation for a destructive action, shown as a dialog. */
  confirmDelete?: { kind: 'system' | 'integration'; id: number; name: string; integrationCount: number };

  load(): Promise<void>;
  select(selection: Selection): void;
  setExpanded(key: string, expanded: boolean): void;
  createSystem(input: InputOf<'systems.create'>): Promise<Result<OutputOf<'systems.create'>>>;
  updateSystem(id: number, patch: InputOf<'systems.update'>['patch']): Promise<Result<OutputOf<'systems.update'>>>;
  createIntegration(input: InputOf<'integrations.create'>): Promise<Result<OutputOf<'integrations.create'>>>;
  updateIntegration(
    id: number,
    patch: InputOf<'integrations.update'>['patch'],
  ): Promise<Result<OutputOf<'integrations.update'>>>;
  askDelete(kind: 'system' | 'integration', id: number): void;
  cancelDelete(): void;
  confirmDeletion(): Promise<Result<unknown>>;
  runPreview(
    integrationId: number,
    systemId: number,
    sql: string,
    validation?: InputOf<'query.preview'>['validation'],
  ): Promise<void>;
  cancelPreview(): Promise<void>;
}

export type AppStore = StoreApi<AppState>;

/** One store per app (and per test), built around the API so tests can pass their own. */
export function createAppStore(api: ApiClient): AppStore {
  const store = createStore<AppState>()((set, get) => {
    const catalogue = createCatalogueSlice(api, set, get);
    const validationRun = createValidationRunSlice(api, set, get);
    const transfer = createTransferSlice(api, set, get, () => refreshTree());
    const link = createLinkSlice(api, set, get, () => void get().load());
    /** Every write reloads the tree, so what is shown is what was stored. */
    const afterWrite = async <T>(result: Result<T>): Promise<Result<T>> => {
      if (result.ok) await refreshTree();
      return result;
    };
    const refreshTree = async () => {
      const tree = await api.call('workspace.tree', {});
      if (tree.ok) set({ tree: tree.value, treeStatus: 'ready', treeError: undefined });
      else set({ treeStatus: 'error', treeError: tree.error });
    };

    return {
      ...catalogue,
      ...validationRun,
      ...transfer,
      ...link,
      tree: [],
      treeStatus: 'idle',
      selection: { kind: 'none' },
      expanded: {},
      preview: { status: 'idle' },

      load: async () => {
        set({ treeStatus: 'loading' });
        const info = await api.call('app.info', {});
        if (info.ok) set({ info: info.value });
        await refreshTree();
        const first = get().tree[0];
        if (first && get().selection.kind === 'none') set({ expanded: { [`s:${first.id}`]: true } });
      },
      select: (selection) => set({ selection, notice: undefined }),
      setExpanded: (key, expanded) => set({ expanded: { ...get().expanded, [key]: expanded } }),

      createSystem: async (input) => {
        const result = await afterWrite(await api.call('systems.create', input));
        if (result.ok) set({ selection: { kind: 'system', id: result.value.id }, notice: 'created' });
        return result;
      },
      updateSystem: async (id, patch) => {
        const result = await afterWrite(await api.call('systems.update', { id, patch }));
        if (result.ok && (patch.connection !== undefined || patch.password !== undefined)) get().forgetCatalogue(id);
        return result;
      },
      createIntegration: async (input) => {
        const result = await afterWrite(await api.call('integrations.create', input));
        if (result.ok) {
          set({
            selection: { kind: 'integration', id: result.value.id },
            notice: 'created',
            expanded: { ...get().expanded, [`s:${result.value.systemId}`]: true },
          });
        }
        return result;
      },
      updateIntegration: async (id, patch) => afterWrite(await api.call('integrations.update', { id, patch })),

      askDelete: (kind, id) => {
        const { tree } = get();
        if (kind === 'system') {
          const system = tree.find((node) => node.id === id);
          if (system)
            set({ confirmDelete: { kind, id, name: system.name, integrationCount: system.integrations.length } });
        } else {
          const integration = tree.flatMap((node) => node.integrations).find((node) => node.id === id);
          if (integration) set({ confirmDelete: { kind, id, name: integration.name, integrationCount: 0 } });
        }
      },
      cancelDelete: () => set({ confirmDelete: undefined }),
      confirmDeletion: async () => {
        const pending = get().confirmDelete;
        if (!pending) return { ok: true, value: undefined };
        const result: Result<unknown> =
          pending.kind === 'system'
            ? await api.call('systems.delete', { id: pending.id })
            : await api.call('integrations.delete', { id: pending.id });
        set({ confirmDelete: undefined });
        if (result.ok) set({ selection: { kind: 'none' } });
        return afterWrite(result);
      },

      runPreview: async (integrationId, systemId, sql, validation) => {
        const previous = get().preview;
        // A new preview replaces a running one, which is stopped on the server.
        if (previous.status === 'running') void api.call('query.cancel', { previewId: previous.previewId });
        const previewId = newRunId('p');
        set({ preview: { status: 'running', integrationId, previewId } });
        const result = await api.call('query.preview', {
          systemId,
          integrationId,
          sql,
          limit: 200,
          previewId,
          ...(validation ? { validation } : {}),
        });
        // A later preview (or another integration) may have started meanwhile: drop stale answers.
        const current = get().preview;
        if (current.status !== 'running' || current.previewId !== previewId) return;
        set({
          preview: result.ok
            ? { status: 'ready', integrationId, result: result.value, request: { systemId, sql, validation } }
            : { status: 'error', integrationId, error: result.error },
        });
      },
      cancelPreview: async () => {
        const current = get().preview;
        if (current.status === 'running') await api.call('query.cancel', { previewId: current.previewId });
      },
    };
  });
  api.on('workspace.changed', () => {
    void store.getState().load();
  });
  return store;
}
