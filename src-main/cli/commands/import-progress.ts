import type { EventPayload } from '../../../src-shared/contract/api';
import type { AppContext } from '../../app-context';

/** Smaller imports finish in a moment: a progress line would only be noise. */
const BIG_IMPORT_SYSTEMS = 1000;

/** The runId of the plan that precedes an import: its progress reads differently. */
export const planRunId = (runId: string) => `${runId}-plan`;

type Progress = EventPayload<'transfer.progressed'>;

function describe(progress: Progress, planning: boolean): string {
  const counts = `${progress.done} of ${progress.total} systems`;
  if (planning) return `reading the file, ${counts} checked`;
  return progress.phase === 'writing' ? `saving ${counts}` : `checking ${counts}`;
}

/**
 * Prints a big import's progress on stderr, a line per tenth of each step ("import: saving 4000
 * of 20000 systems"), so stdout stays what --json promises. Answers the unsubscribe.
 */
export function printImportProgress(context: AppContext, runId: string, err: (text: string) => void): () => void {
  let shown = '';
  return context.hub.subscribe((name, payload) => {
    if (name !== 'transfer.progressed') return;
    const progress = payload as Progress;
    const planning = progress.runId === planRunId(runId);
    if (progress.runId !== runId && !planning) return;
    if (progress.phase === 'reading' || progress.total < BIG_IMPORT_SYSTEMS) return;
    const tenth = Math.floor((progress.done / progress.total) * 10);
    const step = `${progress.runId}:${progress.phase}:${tenth}`;
    if (tenth === 0 || step === shown) return;
    shown = step;
    err(`import: ${describe(progress, planning)}\n`);
  });
}
