import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_OUT_DIR, REPO_ROOT } from './bench-config';
import { TARGET_IDS, type TargetId } from './bench-targets';

export interface BenchOptions {
  rows: number;
  runs: number;
  previewRuns: number;
  memoryRows: number;
  skip10m: boolean;
  skipUi: boolean;
  skipBuild: boolean;
  fullMatrix: boolean;
  targets: TargetId[];
  /** The Markdown report. */
  out: string;
  /** The machine-readable results. */
  results: string;
}

export const BENCH_USAGE = `Usage: npx tsx scripts/bench/main.ts [options]
  --rows N           rows per generated table (default 1000000)
  --runs N           timed runs per figure, after one warm-up; the median is reported (default 5)
  --preview-runs N   warm previews per target and import type (default 10)
  --memory-rows N    rows of the constant-memory run: PostgreSQL interval data, driver peak (default 10000000)
  --skip-10m         leave out the constant-memory run
  --skip-ui          leave out the web-mode UI benchmark (scripts/bench/ui-bench.mjs)
  --skip-build       use the existing out/node bundles
  --full-matrix      every import type on every target (default: all three on PostgreSQL and MariaDB, interval elsewhere)
  --targets LIST     comma-separated subset of ${TARGET_IDS.join(',')}
  --out FILE         the Markdown report (default docs/benchmarks.md)
  --results FILE     the JSON results (default out/bench/results.json)`;

export class BenchUsageError extends Error {}

function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  // Accept 1_000_000 and 1,000,000 as people write them.
  const normalized = value.replace(/[_,]/gu, '');
  if (!/^\d+$/u.test(normalized) || Number(normalized) < 1)
    throw new BenchUsageError(`--${flag} must be a whole number of at least 1, not "${value}"`);
  return Number(normalized);
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        rows: { type: 'string' },
        runs: { type: 'string' },
        'preview-runs': { type: 'string' },
        'memory-rows': { type: 'string' },
        'skip-10m': { type: 'boolean' },
        'skip-ui': { type: 'boolean' },
        'skip-build': { type: 'boolean' },
        'full-matrix': { type: 'boolean' },
        targets: { type: 'string' },
        out: { type: 'string' },
        results: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const text = (key: string) => values[key] as string | undefined;
  const targets = (text('targets') ?? TARGET_IDS.join(',')).split(',').map((id) => id.trim());
  for (const id of targets) {
    if (!(TARGET_IDS as readonly string[]).includes(id))
      throw new BenchUsageError(`--targets: unknown target "${id}"; known: ${TARGET_IDS.join(', ')}`);
  }
  return {
    rows: positiveInteger('rows', text('rows'), 1_000_000),
    runs: positiveInteger('runs', text('runs'), 5),
    previewRuns: positiveInteger('preview-runs', text('preview-runs'), 10),
    memoryRows: positiveInteger('memory-rows', text('memory-rows'), 10_000_000),
    skip10m: values['skip-10m'] === true,
    skipUi: values['skip-ui'] === true,
    skipBuild: values['skip-build'] === true,
    fullMatrix: values['full-matrix'] === true,
    targets: targets as TargetId[],
    out: path.resolve(text('out') ?? path.join(REPO_ROOT, 'docs', 'benchmarks.md')),
    results: path.resolve(text('results') ?? path.join(BENCH_OUT_DIR, 'results.json')),
  };
}
