import type { StoreApi } from 'zustand/vanilla';
import type { EventPayload, InputOf, OutputOf, PreviewResult } from '../../src-shared/contract/api';
import type { ExportedFile } from '../../src-shared/contract/transfer';
import type { ApiClient } from '../../src-shared/rpc/client';
import type { Result } from '../../src-shared/rpc/result';
import type { AppState } from './app-store';

export type WorkspaceExportKind = 'bundle' | 'xlink';

/** The import or export dialog that is open, if any; only one at a time. */
export type TransferDialog =
  { kind: 'xlink-import' } | { kind: 'bundle-import' } | { kind: 'export'; format: WorkspaceExportKind };

export interface TransferSlice {
  transferDialog?: TransferDialog;
  /** Live progress of the running full row export (from `query.progressed` with its runId). */
  rowsExportProgress?: { runId: string; rowsRead: number };
  /** Live progress of the bundle read or import this window runs (from `transfer.progressed` with its runId). */
  importProgress?: ImportProgress;

  openTransferDialog(dialog: TransferDialog): void;
  closeTransferDialog(): void;
  planXlink(input: InputOf<'xlink.plan'>): Promise<Result<OutputOf<'xlink.plan'>>>;
  importXlink(input: InputOf<'xlink.import'>): Promise<Result<OutputOf<'xlink.import'>>>;
  planBundle(content: string): Promise<Result<OutputOf<'bundle.plan'>>>;
  importBundle(input: InputOf<'bundle.import'>): Promise<Result<OutputOf<'bundle.import'>>>;
  exportWorkspace(
    kind: WorkspaceExportKind,
    options: { systemIds?: number[]; passphrase?: string },
  ): Promise<Result<ExportedFile>>;
  exportHandoff(integrationId: number, format: 'html' | 'markdown'): Promise<Result<ExportedFile>>;
  exportRows(input: InputOf<'rows.export'>): Promise<Result<ExportedFile>>;
  /** Stops a preview, validation or full row export on the server by its id. */
  cancelRun(runId: string): Promise<void>;
  /** The first preview of an imported integration: its own query and contract, as the form would run it. */
  previewImported(integrationId: number, previewId: string): Promise<Result<PreviewResult>>;
  /** Closes the dialog and opens a system or integration in the tree, with its preview when there is one. */
  openImported(target: { kind: 'system' | 'integration'; id: number }, preview?: PreviewResult): void;
}

export type ImportProgress = EventPayload<'transfer.progressed'> & { runId: string };

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

/** Random enough to tell concurrent runs apart; the server only uses it to cancel. */
export const newRunId = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * Import and export: thin calls to the transfer services. Imports reload the tree afterwards, so
 * the tree shows what was stored; exports stay in the staging folder until they are delivered.
 */
export function createTransferSlice(
  api: ApiClient,
  set: Set,
  get: Get,
  refreshTree: () => Promise<void>,
): TransferSlice {
  api.on('query.progressed', (progress) => {
    const current = get().rowsExportProgress;
    if (current?.runId === progress.runId) set({ rowsExportProgress: { ...current, rowsRead: progress.rowsRead } });
  });
  api.on('transfer.progressed', (progress) => {
    const current = get().importProgress;
    if (current && current.runId === progress.runId) set({ importProgress: { ...progress, runId: current.runId } });
  });
  /** Runs a read or import under a new runId, so the dialog can show its progress meanwhile. */
  const withProgress = async <T>(call: (runId: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const runId = newRunId('import-');
    set({ importProgress: { runId, phase: 'reading', done: 0, total: 1 } });
    try {
      return await call(runId);
    } finally {
      if (get().importProgress?.runId === runId) set({ importProgress: undefined });
    }
  };
  const afterImport = async <T>(result: Result<T>): Promise<Result<T>> => {
    if (result.ok) await refreshTree();
    return result;
  };
  const findIntegration = (integrationId: number) => {
    for (const system of get().tree) {
      const integration = system.integrations.find((node) => node.id === integrationId);
      if (integration) return { system, integration };
    }
    return undefined;
  };

  return {
    openTransferDialog: (dialog) => set({ transferDialog: dialog }),
    closeTransferDialog: () => set({ transferDialog: undefined }),
    planXlink: (input) => withProgress((runId) => api.call('xlink.plan', { ...input, runId })),
    importXlink: async (input) =>
      afterImport(await withProgress((runId) => api.call('xlink.import', { ...input, runId }))),
    planBundle: (content) => withProgress((runId) => api.call('bundle.plan', { content, runId })),
    importBundle: async (input) =>
      afterImport(await withProgress((runId) => api.call('bundle.import', { ...input, runId }))),
    exportWorkspace: (kind, options) =>
      kind === 'bundle'
        ? api.call('bundle.export', options)
        : api.call('xlink.export', { systemIds: options.systemIds }),
    exportHandoff: (integrationId, format) => api.call('handoff.export', { integrationId, format }),
    exportRows: async (input) => {
      if (input.runId) set({ rowsExportProgress: { runId: input.runId, rowsRead: 0 } });
      const result = await api.call('rows.export', input);
      if (input.runId && get().rowsExportProgress?.runId === input.runId) set({ rowsExportProgress: undefined });
      return result;
    },
    cancelRun: async (runId) => {
      await api.call('query.cancel', { previewId: runId });
    },
    previewImported: async (integrationId, previewId) => {
      const found = findIntegration(integrationId);
      if (!found) {
        return {
          ok: false,
          error: { code: 'NOT_FOUND', message: 'This integration is no longer in the workspace.' },
        };
      }
      const { system, integration } = found;
      const validation = {
        importType: integration.importType,
        intervalMinutes: integration.intervalMinutes,
        ruleSet: integration.ruleSet,
      };
      return api.call('query.preview', {
        systemId: system.id,
        integrationId,
        sql: integration.sql,
        limit: 200,
        previewId,
        validation,
      });
    },
    openImported: (target, preview) => {
      if (target.kind === 'system') {
        set({
          transferDialog: undefined,
          selection: { kind: 'system', id: target.id },
          notice: undefined,
          expanded: { ...get().expanded, [`s:${target.id}`]: true },
        });
        return;
      }
      const found = findIntegration(target.id);
      set({
        transferDialog: undefined,
        selection: { kind: 'integration', id: target.id },
        notice: undefined,
        ...(found ? { expanded: { ...get().expanded, [`s:${found.system.id}`]: true } } : {}),
        ...(found && preview
          ? {
              preview: {
                status: 'ready',
                integrationId: target.id,
                result: preview,
                request: {
                  systemId: found.system.id,
                  sql: found.integration.sql,
                  validation: {
                    importType: found.integration.importType,
                    intervalMinutes: found.integration.intervalMinutes,
                    ruleSet: found.integration.ruleSet,
                  },
                },
              },
            }
          : {}),
      });
    },
  };
}
