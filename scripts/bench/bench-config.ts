import path from 'node:path';

/** Where everything the harness touches lives: one database per server, files under out/bench. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const BENCH_OUT_DIR = path.join(REPO_ROOT, 'out', 'bench');
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'acd-link.cjs');
export const CLI_RSS_PROBE = path.join(__dirname, 'cli-rss-probe.cjs');

export const BENCH_DATABASE = 'acd_link_bench';

export const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', database: BENCH_DATABASE } as const;
export const MARIADB = { host: '127.0.0.1', port: 3306, user: 'root', database: BENCH_DATABASE } as const;

/** Bumped whenever the generated rows change, so tables of an older shape are regenerated. */
export const SHAPE_VERSION = 1;

export function sqliteFileFor(rows: number): string {
  return path.join(BENCH_OUT_DIR, `bench-${rows}.sqlite`);
}
