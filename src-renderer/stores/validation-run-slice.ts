import type { StoreApi } from 'zustand/vanilla';
import type { InputOf, OutputOf } from '../../src-shared/contract/api';
import type { ApiClient } from '../../src-shared/rpc/client';
import type { RpcError } from '../../src-shared/rpc/result';

export type ValidationRange = 'all' | 'last-24-hours' | 'last-3-years';

export type ValidationRunState =
  | { status: 'idle' }
  | { status: 'running'; integrationId: number; runId: string; rowsRead: number; elapsedMs: number }
  | { status: 'done'; integrationId: number; result: OutputOf<'query.validate'> }
  | { status: 'error'; integrationId: number; error: RpcError };

export interface ValidationRunSlice {
  validationRun: ValidationRunState;
  runFullValidation(
    integrationId: number,
    systemId: number,
    sql: string,
    validation: InputOf<'query.validate'>['validation'],
    range: ValidationRange,
  ): Promise<void>;
  cancelFullValidation(): Promise<void>;
}

type Set = StoreApi<ValidationRunSlice>['setState'];
type Get = StoreApi<ValidationRunSlice>['getState'];

const DAY_MS = 24 * 3600_000;

/** What the WFM system itself will read: the reconciliation's last 24 hours, or a first import's 3 years. */
export function rangeBounds(range: ValidationRange, now = new Date()): { from?: string; to?: string } {
  if (range === 'last-24-hours') return { from: new Date(now.getTime() - DAY_MS).toISOString(), to: now.toISOString() };
  if (range === 'last-3-years') {
    const from = new Date(now);
    from.setUTCFullYear(from.getUTCFullYear() - 3);
    return { from: from.toISOString(), to: now.toISOString() };
  }
  return {};
}

/** A full validation run: every row, with live progress from the driver process, cancellable. */
export function createValidationRunSlice(api: ApiClient, set: Set, get: Get): ValidationRunSlice {
  api.on('query.progressed', (progress) => {
    const current = get().validationRun;
    if (current.status === 'running' && current.runId === progress.runId) {
      set({ validationRun: { ...current, rowsRead: progress.rowsRead, elapsedMs: progress.elapsedMs } });
    }
  });
  return {
    validationRun: { status: 'idle' },
    runFullValidation: async (integrationId, systemId, sql, validation, range) => {
      const runId = `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      set({ validationRun: { status: 'running', integrationId, runId, rowsRead: 0, elapsedMs: 0 } });
      const result = await api.call('query.validate', {
        systemId,
        integrationId,
        sql,
        runId,
        validation,
        ...rangeBounds(range),
      });
      const current = get().validationRun;
      if (current.status !== 'running' || current.runId !== runId) return;
      set({
        validationRun: result.ok
          ? { status: 'done', integrationId, result: result.value }
          : { status: 'error', integrationId, error: result.error },
      });
    },
    cancelFullValidation: async () => {
      const current = get().validationRun;
      if (current.status === 'running') await api.call('query.cancel', { previewId: current.runId });
    },
  };
}
