import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { ScrollReport } from '../../../src-renderer/bench/grid-bench-api';
import { frameStats, median, round1, type FrameStats } from './stats';
import { freshPage } from './workbench-page';

/** 120 px is one mouse-wheel notch; one per frame is a brisk, continuous scroll. */
export const WHEEL_PX_PER_FRAME = 120;

export interface GridFrames extends FrameStats {
  rows: number;
  sweepMs: number;
  /** Fresh page loads measured; the frame figures pool the frames of all of them. */
  runs: number;
  /** p95 of each run, to show how much the runs differ. */
  p95PerRunMs: number[];
  /** Median over runs: page start until the grid's first frame with all rows generated and mounted. */
  mountMs: number;
  blankFrames: number;
  /** Every sweep really ended on the last row. */
  lastRowReached: boolean;
  longAnimationFrames: { count: number; maxMs: number; totalBlockingMs: number } | null;
  /** The same pages scrolled like a fast wheel: WHEEL_PX_PER_FRAME per frame from the top. */
  wheel: FrameStats & { pxPerFrame: number; sweepMs: number };
}

interface GridRun {
  mountMs: number;
  sweep: ScrollReport;
  wheel: ScrollReport;
}

/**
 * Opens the bench grid page (the real ResultGrid over `rows` generated rows) `runs` times; each
 * time it sweeps from the first to the last row, one scroll step per animation frame, then
 * scrolls like a wheel.
 */
export async function measureGridFrames(
  browser: Browser,
  benchOrigin: string,
  options: { rows: number; sweepMs: number; runs: number; screenshots?: string | undefined },
): Promise<GridFrames> {
  const runs: GridRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    runs.push(
      await measureOnce(browser, benchOrigin, { ...options, screenshots: run === 0 ? options.screenshots : undefined }),
    );
  }
  const sweeps = runs.map((run) => run.sweep);
  const longFrames = sweeps.map((sweep) => sweep.longAnimationFrames);
  return {
    ...frameStats(sweeps.flatMap((sweep) => sweep.frameDeltasMs)),
    rows: options.rows,
    sweepMs: options.sweepMs,
    runs: runs.length,
    p95PerRunMs: sweeps.map((sweep) => frameStats(sweep.frameDeltasMs).p95),
    mountMs: round1(median(runs.map((run) => run.mountMs))),
    blankFrames: sweeps.reduce((sum, sweep) => sum + sweep.blankFrames, 0),
    lastRowReached: sweeps.every((sweep) => sweep.lastRowIndex === options.rows + 1),
    longAnimationFrames: longFrames.every((entry) => entry !== null)
      ? {
          count: longFrames.reduce((sum, entry) => sum + entry.count, 0),
          maxMs: round1(Math.max(...longFrames.map((entry) => entry.maxMs))),
          totalBlockingMs: round1(longFrames.reduce((sum, entry) => sum + entry.totalBlockingMs, 0)),
        }
      : null,
    wheel: {
      ...frameStats(runs.flatMap((run) => run.wheel.frameDeltasMs)),
      pxPerFrame: WHEEL_PX_PER_FRAME,
      sweepMs: options.sweepMs,
    },
  };
}

async function measureOnce(
  browser: Browser,
  benchOrigin: string,
  options: { rows: number; sweepMs: number; screenshots?: string | undefined },
): Promise<GridRun> {
  const { page, close } = await freshPage(browser);
  const shot = (name: string) =>
    options.screenshots ? page.screenshot({ path: path.join(options.screenshots, name) }) : Promise.resolve();
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${benchOrigin}/bench/grid-bench.html?rows=${options.rows}`);
    await page
      .waitForFunction(() => window.acdGridBench !== undefined, undefined, { timeout: 60_000 })
      .catch((error: Error) => {
        throw new Error(`the bench grid page did not start: ${errors.join('; ') || error.message}`);
      });
    const mountMs = await page.evaluate(() => window.acdGridBench!.mountedAtMs);
    await shot('grid-top.png');
    const sweep = await page.evaluate((durationMs) => window.acdGridBench!.scroll({ durationMs }), options.sweepMs);
    await shot('grid-bottom.png');
    const wheel = await page.evaluate(
      ({ durationMs, pxPerFrame }) => window.acdGridBench!.scroll({ durationMs, pxPerFrame }),
      { durationMs: options.sweepMs, pxPerFrame: WHEEL_PX_PER_FRAME },
    );
    await shot('grid-wheel-end.png');
    if (errors.length > 0) throw new Error(`the bench grid page failed: ${errors.join('; ')}`);
    return { mountMs, sweep, wheel };
  } finally {
    await close();
  }
}
