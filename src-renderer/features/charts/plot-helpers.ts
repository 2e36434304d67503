/**
 * Small pure helpers for drawing gaps. A line through nulls breaks, which shows a gap; but a
 * single value between two gaps has no neighbour to draw a line to, so it needs a point, or it
 * would vanish and look like a gap itself.
 */
export function isolatedIndexes(values: readonly (number | null)[]): number[] {
  const indexes: number[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const before = index === 0 ? null : values[index - 1];
    const after = index === values.length - 1 ? null : values[index + 1];
    if (before == null && after == null) indexes.push(index);
  });
  return indexes;
}

/** Runs of consecutive intervals without a row, as [first, last] index pairs, to shade them. */
export function gapRuns(hasRow: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  hasRow.forEach((present, index) => {
    if (!present && start < 0) start = index;
    if (present && start >= 0) {
      runs.push([start, index - 1]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, hasRow.length - 1]);
  return runs;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const STEPS = [
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

export interface TimeTick {
  at: number;
  label: string;
}

/**
 * Ticks for the timeline's wall-clock axis: the smallest step from a fixed list that gives at
 * most `maxTicks`, aligned to whole steps (whole hours, midnights) of the naive axis.
 */
export function timeTicks(start: number, end: number, maxTicks: number): TimeTick[] {
  if (!(end > start) || maxTicks < 1) return [];
  const span = end - start;
  const step = STEPS.find((candidate) => span / candidate <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const ticks: TimeTick[] = [];
  // Multi-day steps start at the first midnight, not at a multiple of the step since 1970.
  const align = step >= DAY ? DAY : step;
  for (let at = Math.ceil(start / align) * align; at <= end; at += step) {
    ticks.push({ at, label: tickLabel(at, step, ticks.length === 0) });
  }
  return ticks;
}

/**
 * One wall-clock tick label, ISO-like so it reads the same in every locale: the date for day
 * steps, else the time, with the month and day on the first tick and at midnight.
 */
export function tickLabel(at: number, step: number, first: boolean): string {
  const iso = new Date(at * 1000).toISOString();
  if (step >= DAY) return iso.slice(0, 10);
  return first || at % DAY === 0 ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
}
