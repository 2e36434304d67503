import type { EventPayload } from '../../src-shared/contract/api';

export type ImportPhase = EventPayload<'transfer.progressed'>['phase'];

/** How far an import has come: called once per system of each phase, so it must be cheap. */
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

export const NO_PROGRESS: ImportProgress = () => undefined;

/** Steps per phase that are passed on: enough for a smooth bar, few enough to cost nothing. */
const STEPS = 100;

/**
 * Passes on the first and last call of each phase and each hundredth in between (round numbers:
 * 200, 400, ... of 20,000), so 20,000 systems make some 300 events across a thread and a socket
 * instead of 60,000. Callers count `done` up by one.
 */
export function throttleProgress(report: ImportProgress): ImportProgress {
  let phase: ImportPhase | undefined;
  return (current, done, total) => {
    const step = Math.max(1, Math.ceil(total / STEPS));
    if (current === phase && done !== total && done % step !== 0) return;
    phase = current;
    report(current, done, total);
  };
}
