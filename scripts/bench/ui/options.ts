import { parseArgs } from 'node:util';

export interface UiBenchOptions {
  /** Fresh page loads for the tree timing; the median is reported. */
  runs: number;
  /** Also write the JSON here. */
  out: string | undefined;
  smoke: boolean;
  /** Fresh bench grid pages swept; their frames are pooled. */
  gridRuns: number;
  /** Rows in the bench grid page. */
  gridRows: number;
  /** How long the sweep over all grid rows lasts. */
  scrollMs: number;
  /** false: use out/ as it is (fails when a bundle is missing). */
  build: boolean;
  /** Folder for screenshots of the bench grid (for a human to check the figures are sane). */
  screenshots: string | undefined;
}

export const UI_BENCH_USAGE =
  'usage: node scripts/bench/ui-bench.mjs [--runs N] [--out FILE] [--smoke] [--grid-rows N] [--grid-runs N] [--scroll-ms MS] [--no-build] [--screenshots DIR]';

const FULL = { runs: 5, gridRuns: 3, gridRows: 100_000 };
const SMOKE = { runs: 1, gridRuns: 1, gridRows: 10_000 };

/** Parses the command line; throws an Error naming the bad option and its value. */
export function parseUiBenchArgs(argv: string[]): UiBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      out: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      'grid-rows': { type: 'string' },
      'grid-runs': { type: 'string' },
      'scroll-ms': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      screenshots: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const defaults = values.smoke ? SMOKE : FULL;
  return {
    runs: positiveInteger('--runs', values.runs, defaults.runs, 1, 100),
    out: nonEmpty('--out', values.out),
    smoke: values.smoke,
    gridRuns: positiveInteger('--grid-runs', values['grid-runs'], defaults.gridRuns, 1, 20),
    gridRows: positiveInteger('--grid-rows', values['grid-rows'], defaults.gridRows, 1, 1_000_000),
    scrollMs: positiveInteger('--scroll-ms', values['scroll-ms'], 3000, 200, 60_000),
    build: !values['no-build'],
    screenshots: nonEmpty('--screenshots', values.screenshots),
  };
}

function positiveInteger(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new Error(`${name} "${text}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function nonEmpty(name: string, text: string | undefined): string | undefined {
  if (text !== undefined && text.trim() === '') throw new Error(`${name} needs a path`);
  return text;
}
