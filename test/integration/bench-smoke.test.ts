import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { importTypesFor } from '../../scripts/bench/bench-matrix';
import { TARGET_IDS } from '../../scripts/bench/bench-targets';
import { renderMarkdown } from '../../scripts/bench/render-markdown';
import type { BenchResults } from '../../scripts/bench/results';
import { finished, REPO_ROOT, useChildProcesses } from '../support/child-process';
import { MYSQL_ADMIN_URL, PG_ADMIN_URL } from '../support/databases';
import { useTempDirs } from '../support/temp-dir';

// The CI's smoke version of `npm run bench`: 2,000 rows, one timed run, no UI. It asserts that
// every figure is there and numeric and that every floor tool really read the rows, never a time.
const ROWS = 2_000;
const MEMORY_ROWS = 5_000;
const tempDir = useTempDirs('acd-link-bench-smoke-');
const spawnChild = useChildProcesses();

// A database name no earlier run has used: the run starts as on a machine that never ran the bench
// (no database, no tables, no SQLite file), and leaves the servers as it found them.
const BENCH_DATABASE = `acd_link_bench_smoke_${crypto.randomBytes(4).toString('hex')}`;
afterAll(async () => {
  const postgres = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await postgres.connect();
  await postgres.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`).finally(() => postgres.end());
  const mariadb = await mysql.createConnection({ uri: MYSQL_ADMIN_URL, connectTimeout: 5000 });
  await mariadb.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`).finally(() => mariadb.end());
  fs.rmSync(path.join(REPO_ROOT, 'out', 'bench', `${BENCH_DATABASE}-${ROWS}.sqlite`), { force: true });
});

const isMeasured = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

describe('npm run bench (smoke)', () => {
  it('measures every figure at 2,000 rows and writes the JSON results and the Markdown report', async () => {
    const dir = tempDir();
    const out = dir.join('benchmarks.md');
    const resultsFile = dir.join('results.json');
    const env: NodeJS.ProcessEnv = { ...process.env, ACD_LINK_BENCH_DATABASE: BENCH_DATABASE };
    delete env.VITEST;
    const child = spawnChild(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/bench/main.ts',
        ...['--rows', String(ROWS), '--runs', '1', '--preview-runs', '2', '--memory-rows', String(MEMORY_ROWS)],
        ...['--skip-ui', '--out', out, '--results', resultsFile],
      ],
      { env },
    );
    const run = await finished(child);
    expect(fs.existsSync(resultsFile), `${run.stdout}\n${run.stderr}`).toBe(true);
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults;

    // Nothing the harness set out to measure is missing, and the run says so by its exit code.
    expect(results.failures).toEqual([]);
    expect(run.code, run.stderr).toBe(0);

    const combos = TARGET_IDS.flatMap((target) =>
      importTypesFor(target, false).map((importType) => ({ target, importType })),
    );
    for (const { target, importType } of combos) {
      const where = `${target} ${importType}`;
      const full = results.fullValidation.find((f) => f.target === target && f.importType === importType);
      expect(full, where).toBeDefined();
      if (!full) continue;
      for (const value of [full.productSeconds.median, full.floorSeconds.median, full.ratio, full.cliPeakRssMb])
        expect(isMeasured(value), `${where}: ${value}`).toBe(true);
      expect(full.productSeconds.samples, where).toHaveLength(1);
      // The floor tool printed or counted every row, and the product checked every row without an error.
      expect(full.floorRowsSeen, `${where} ${full.floorTool}`).toBe(ROWS);
      expect(full.product.rowsChecked, where).toBe(ROWS);
      expect(full.product.errors, `${where}: ${JSON.stringify(full.product.findingCounts)}`).toBe(0);

      const preview = results.previews.find((p) => p.target === target && p.importType === importType);
      expect(preview, where).toBeDefined();
      expect(preview?.rowsReturned, where).toBe(200);
      expect(preview?.findings, where).toBe(0);
      for (const value of [preview?.coldMs, preview?.warmMs.median, preview?.loop.maxStallMs])
        expect(isMeasured(value), `${where}: ${value}`).toBe(true);

      const memory = results.inProcessValidations.find((m) => m.target === target && m.importType === importType);
      expect(memory?.rowsChecked, where).toBe(ROWS);
      for (const value of [memory?.driverPeakRssMb, memory?.mainPeakRssMb, memory?.loop.maxStallMs, memory?.seconds])
        expect(isMeasured(value), `${where}: ${value}`).toBe(true);
    }
    expect(new Set(results.fullValidation.map((f) => f.floorTool))).toEqual(
      new Set(['psql \\copy', 'mysql --quick', 'sqlite3', 'isql -b']),
    );
    expect(results.memoryRun).toMatchObject({ rows: MEMORY_ROWS, rowsChecked: MEMORY_ROWS });
    expect(isMeasured(results.memoryRun?.driverPeakRssMb)).toBe(true);
    expect(results.ui).toMatchObject({ status: 'skipped' });
    // The exhaustive walk of every minute of the change days, which the unit test only samples.
    expect(results.zoneOffsets).toMatchObject({ mismatches: 0, examples: [] });
    expect(results.zoneOffsets.lookups).toBe(results.zoneOffsets.zones * results.zoneOffsets.days * 2 * 3 * 24 * 60);

    // Every target is judged on a measured value, except the UI ones this run skipped.
    const unmeasured = results.targets.filter((check) => check.met === null).map((check) => check.target);
    expect(unmeasured).toEqual(['JavaScript before the editor (gzipped)', 'Grid frames at p95']);
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.postgres).toMatch(/PostgreSQL \d+/);
    expect(results.machine.mariadb).toMatch(/MariaDB/);

    // The report is generated from the results alone, deterministically.
    const markdown = fs.readFileSync(out, 'utf8');
    expect(markdown).toBe(renderMarkdown(results));
    for (const heading of [
      'Targets',
      'Full validation',
      'First 200 rows',
      'Memory',
      'Event-loop stalls',
      'UI (web mode)',
      'Time-zone offsets',
    ])
      expect(markdown).toContain(`## ${heading}\n`);
    for (const heading of ['Machine', 'Date', 'Commands to rerun']) expect(markdown).toContain(`## ${heading}\n`);
    expect(markdown).toContain(`npx tsx scripts/bench/main.ts --rows ${ROWS} --runs 1`);
    expect(markdown).not.toContain(dir.path);
  }, 300_000);

  it('refuses a bad option with exit 2 and names it', async () => {
    const env = { ...process.env };
    delete env.VITEST;
    const run = await finished(
      spawnChild(process.execPath, ['--import', 'tsx', 'scripts/bench/main.ts', '--rows', 'many'], { env }),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rows must be a whole number');
  });
});
