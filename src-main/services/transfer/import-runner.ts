import type { EventPayload } from '../../../src-shared/contract/api';
import type { ImportJob } from '../../transfer/import-worker/protocol';
import { runInImportWorker } from '../../transfer/import-worker/run-import-worker';
import type { Workspace } from '../workspace';
import type { WriteGate } from '../write-gate';

/** Runs an import job off the main thread, announcing its progress under the caller's runId. */
export type RunImport = (job: ImportJob, runId: string | undefined) => Promise<unknown>;

export function createImportRunner(
  workspace: Workspace,
  gate: WriteGate,
  emit: (name: 'transfer.progressed', payload: EventPayload<'transfer.progressed'>) => void,
  onFallback?: (error: unknown) => void,
): RunImport {
  return (job, runId) =>
    runInImportWorker(job, {
      workspace,
      gate,
      onProgress: (phase, done, total) =>
        emit('transfer.progressed', { ...(runId === undefined ? {} : { runId }), phase, done, total }),
      ...(onFallback ? { onFallback } : {}),
    });
}
