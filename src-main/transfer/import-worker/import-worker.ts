// Entry point of the import worker thread: runs one import job (see protocol.ts) and ends. Parsing
// and checking a large file and writing thousands of rows happen here, so the main thread's event
// loop keeps answering every other window meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { ServiceError } from '../../../src-shared/rpc/result';
import { throttleProgress } from '../import-progress';
import { sendInParts } from './answer-parts';
import { runImportJob } from './import-jobs';
import type { MainMessage, WorkerMessage, WorkerStart } from './protocol';
import { openWorkerStore } from './worker-store';

if (!parentPort) throw new Error('import-worker runs as a worker thread only');
const port = parentPort;
const start = workerData as WorkerStart;
const send = (message: WorkerMessage) => port.postMessage(message);

/** Sends a message that the main thread answers, and waits for that answer. */
function ask<T extends MainMessage['type']>(
  message: WorkerMessage,
  answer: T,
): Promise<Extract<MainMessage, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (reply: MainMessage) => {
      if (reply.type !== answer) return;
      port.off('message', listener);
      resolve(reply as Extract<MainMessage, { type: T }>);
    };
    port.on('message', listener);
    send(message);
  });
}

async function main(): Promise<void> {
  send({ type: 'started' });
  let value: unknown;
  try {
    value = await runImportJob(start.job, {
      seal: async (passwords) => (await ask({ type: 'seal', passwords }, 'sealed')).sealed,
      withTables: (use) => {
        // Open only while used, and closed before answering: the main thread's connection is
        // then the last one, which folds the write-ahead log into the file when it closes.
        const store = openWorkerStore(start.workspaceFile, start.storeVersion);
        try {
          return use(store);
        } finally {
          store.close();
        }
      },
      progress: throttleProgress((phase, done, total) => send({ type: 'progress', phase, done, total })),
    });
  } catch (error) {
    if (error instanceof ServiceError) {
      const { code, message, issues } = error;
      send({ type: 'refused', error: { code, message, ...(issues ? { issues } : {}) } });
    } else {
      send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    return;
  }
  const rest = await sendInParts(value, async (part) => {
    await ask({ type: 'part', part }, 'next-part');
  });
  send({ type: 'done', value: rest });
}

void main();
