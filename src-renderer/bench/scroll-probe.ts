import { ROW_HEIGHT } from '../features/grid/grid-layout';
import type { ScrollOptions, ScrollReport } from './grid-bench-api';

interface LongFrameEntry extends PerformanceEntry {
  blockingDuration?: number;
}

/**
 * Scrolls the grid one scrollTop step per animation frame for `durationMs` and records the time
 * between frames. A sweep over all rows jumps so far per step that every frame renders a fresh
 * set of rows: the worst case for a virtualised grid.
 */
export async function sweepGrid(grid: HTMLElement, options: ScrollOptions): Promise<ScrollReport> {
  grid.scrollTop = 0;
  await nextFrames(3);
  const longFrames = observeLongFrames();
  const range = grid.scrollHeight - grid.clientHeight;
  const frameDeltasMs: number[] = [];
  let blankFrames = 0;
  await new Promise<void>((resolve) => {
    let start: number | null = null;
    let previous: number | null = null;
    let finished = false;
    const step = (now: number) => {
      if (previous !== null) {
        frameDeltasMs.push(now - previous);
        // The step set in the previous frame has been rendered (or not) by now.
        if (!topRowRendered(grid)) blankFrames++;
      }
      previous = now;
      if (finished) return resolve();
      start ??= now;
      const progress = Math.min(1, (now - start) / options.durationMs);
      if (options.pxPerFrame === undefined) grid.scrollTop = Math.round(progress * range);
      else grid.scrollTop = Math.min(range, grid.scrollTop + options.pxPerFrame);
      finished = progress >= 1;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await nextFrames(2);
  return {
    frameDeltasMs,
    blankFrames,
    lastRowIndex: lastRenderedRowIndex(grid),
    scrolledPx: grid.scrollTop,
    longAnimationFrames: longFrames(),
  };
}

export function nextFrames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const tick = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => tick(left - 1)));
    tick(count);
  });
}

/** Whether the data row that belongs at the top of the viewport is in the DOM. */
function topRowRendered(grid: HTMLElement): boolean {
  const index = Math.floor(grid.scrollTop / ROW_HEIGHT);
  // aria-rowindex is 1-based and the header row is 1.
  return grid.querySelector(`.rg-body [aria-rowindex="${index + 2}"]`) !== null;
}

function lastRenderedRowIndex(grid: HTMLElement): number {
  let last = 0;
  for (const row of grid.querySelectorAll<HTMLElement>('.rg-body [role="row"]')) {
    last = Math.max(last, Number(row.getAttribute('aria-rowindex')));
  }
  return last;
}

/** Starts collecting 'long-animation-frame' entries; the returned function stops and sums them. */
function observeLongFrames(): () => ScrollReport['longAnimationFrames'] {
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return () => null;
  const entries: LongFrameEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'long-animation-frame' });
  return () => {
    entries.push(...observer.takeRecords());
    observer.disconnect();
    return {
      count: entries.length,
      maxMs: entries.reduce((max, entry) => Math.max(max, entry.duration), 0),
      totalBlockingMs: entries.reduce((sum, entry) => sum + (entry.blockingDuration ?? 0), 0),
    };
  };
}
