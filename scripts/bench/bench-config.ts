import path from 'node:path';

/** Where everything the harness touches lives: one database per server, files under out/bench. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const BENCH_OUT_DIR = path.join(REPO_ROOT, 'out', 'bench');
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'acd-link.cjs');
export const CLI_RSS_PROBE = path.join(__dirname, 'cli-rss-probe.cjs');

/**
 * One database per server. ACD_LINK_BENCH_DATABASE names another one, so the CI smoke run can
 * start from a server that has never seen the bench (and drop it afterwards) while the developers'
 * generated million-row tables stay where they are.
 */
export const BENCH_DATABASE = benchDatabaseName(process.env.ACD_LINK_BENCH_DATABASE);

function benchDatabaseName(fromEnv: string | undefined): string {
  if (fromEnv === undefined || fromEnv === '') return 'acd_link_bench';
  // It is written into SQL and command lines unquoted: a plain lower-case identifier only.
  if (!/^[a-z_][a-z0-9_]{0,62}$/u.test(fromEnv))
    throw new Error(`ACD_LINK_BENCH_DATABASE must be a lower-case SQL identifier, not "${fromEnv}"`);
  return fromEnv;
}

export const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', database: BENCH_DATABASE } as const;
export const MARIADB = { host: '127.0.0.1', port: 3306, user: 'root', database: BENCH_DATABASE } as const;

/** Bumped whenever the generated rows change, so tables of an older shape are regenerated. */
export const SHAPE_VERSION = 1;

export function sqliteFileFor(rows: number): string {
  const prefix = BENCH_DATABASE === 'acd_link_bench' ? 'bench' : BENCH_DATABASE;
  return path.join(BENCH_OUT_DIR, `${prefix}-${rows}.sqlite`);
}
