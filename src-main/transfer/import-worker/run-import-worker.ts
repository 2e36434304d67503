import { Worker } from 'node:worker_threads';
import { ServiceError } from '../../../src-shared/rpc/result';
import type { SealedSecret } from '../../secrets/secret-store';
import type { WriteGate } from '../../services/write-gate';
import type { Workspace } from '../../services/workspace';
import { LATEST_STORE_VERSION } from '../../store/open-store';
import { NO_PROGRESS, throttleProgress, type ImportProgress } from '../import-progress';
import { AnswerAssembler } from './answer-parts';
import { runImportJob } from './import-jobs';
import { locateImportWorker, type ImportWorkerScript } from './locate-import-worker';
import type { ImportJob, MainMessage, WorkerMessage, WorkerStart } from './protocol';

export interface ImportWorkerOptions {
  workspace: Workspace;
  gate: WriteGate;
  onProgress?: ImportProgress;
  /** The worker could not start (a missing bundle), so the job ran on the main thread. */
  onFallback?: (error: unknown) => void;
  /** Where the worker's script is; tests pass broken ones. */
  locate?: () => ImportWorkerScript;
}

/** A 3 MB file needs about 150 MB to check; far more means a hostile file, which ends only the worker. */
const WORKER_MEMORY_MB = 512;

/**
 * Runs an import job on a worker thread and answers its value; a ServiceError from the job is
 * thrown here as it was there. The passwords are sealed on this thread (Electron's safeStorage
 * works only here), in slices, while the worker waits, and the worker writes holding the gate.
 */
export async function runInImportWorker(job: ImportJob, options: ImportWorkerOptions): Promise<unknown> {
  const onProgress = options.onProgress ?? NO_PROGRESS;
  let worker: Worker;
  try {
    const { script, execArgv } = (options.locate ?? locateImportWorker)();
    const workerData: WorkerStart = { job, workspaceFile: options.workspace.file, storeVersion: LATEST_STORE_VERSION };
    worker = new Worker(script, { execArgv, workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB } });
  } catch (error) {
    return fallBack(job, options, onProgress, error);
  }
  let started = false;
  let settled = false;
  const answer = new AnswerAssembler();
  let release: (() => void) | undefined;
  const outcome = new Promise<unknown>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'started') started = true;
      else if (message.type === 'progress') onProgress(message.phase, message.done, message.total);
      else if (message.type === 'seal') {
        void sealForWorker(message.passwords, options).then(({ sealed, releaseGate }) => {
          release = releaseGate;
          // The worker may have failed while this waited for the gate: then nobody writes.
          if (settled) releaseGate();
          else worker.postMessage({ type: 'sealed', sealed } satisfies MainMessage);
        }, reject);
      } else if (message.type === 'part') {
        answer.add(message.part);
        // After whatever else waits on this loop (other windows' calls), not before.
        setImmediate(() => worker.postMessage({ type: 'next-part' } satisfies MainMessage));
      } else if (message.type === 'done') resolve(answer.finish(message.value));
      else if (message.type === 'refused') {
        reject(new ServiceError(message.error.code, message.error.message, message.error.issues));
      } else reject(new Error(`the import worker failed: ${message.message}`));
    });
    // Decided at 'exit', not at 'error': Node delivers the worker's pending messages before
    // 'exit', but not before 'error', so only then is it known whether the job had started. A
    // worker that failed before starting its job (it could not load) lets the job run here; one
    // that failed after may have been killed by a hostile file, which must not reach this thread.
    let failure: (Error & { code?: string }) | undefined;
    worker.on('error', (error: Error & { code?: string }) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (!failure) reject(new Error(`the import worker stopped (exit code ${code}) before answering`));
      else if (!started) resolve(fallBack(job, options, onProgress, failure));
      else if (failure.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(
          new ServiceError(
            'INVALID_INPUT',
            `Checking this file needed more than ${WORKER_MEMORY_MB} MB of memory, which no genuine file does. Nothing was imported.`,
          ),
        );
      } else reject(failure);
    });
  });
  try {
    return await outcome;
  } finally {
    settled = true;
    release?.();
    void worker.terminate();
  }
}

/** Holds the gate (in turn after other imports), then encrypts a few milliseconds at a time. */
async function sealForWorker(
  passwords: Array<string | undefined>,
  options: ImportWorkerOptions,
): Promise<{ sealed: Array<SealedSecret | undefined>; releaseGate: () => void }> {
  const releaseGate = await options.gate.acquire();
  try {
    return {
      sealed: await sealInSlices(passwords, (password) => options.workspace.secrets.seal(password)),
      releaseGate,
    };
  } catch (error) {
    releaseGate();
    throw error;
  }
}

const SLICE_MS = 8;

async function sealInSlices(
  passwords: Array<string | undefined>,
  seal: (password: string) => SealedSecret,
): Promise<Array<SealedSecret | undefined>> {
  const sealed: Array<SealedSecret | undefined> = [];
  let sliceStarted = performance.now();
  for (const password of passwords) {
    sealed.push(password ? seal(password) : undefined);
    if (performance.now() - sliceStarted > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
  return sealed;
}

/**
 * Without a worker (its bundle missing, or a runtime that cannot start one), the job runs here
 * as before: the same code and the same result, only without a responsive main loop meanwhile.
 */
async function fallBack(job: ImportJob, options: ImportWorkerOptions, onProgress: ImportProgress, error: unknown) {
  options.onFallback?.(error);
  const { workspace } = options;
  // Here the job blocks the loop anyway; the gate only keeps it after an import still writing.
  const release = job.kind === 'bundle.plan' ? () => undefined : await options.gate.acquire();
  try {
    return await runImportJob(job, {
      seal: async (passwords) => passwords.map((password) => (password ? workspace.secrets.seal(password) : undefined)),
      withTables: (use) => use(workspace),
      progress: throttleProgress(onProgress),
    });
  } finally {
    release();
  }
}
