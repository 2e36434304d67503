import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import { validateQuery } from '../../src-main/services/run-query';
import type { Connection } from '../../src-shared/contract/model';
import { runCliCaptured } from '../support/cli';
import {
  CANARY_PASSWORD,
  MYSQL_ENDPOINT,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
  ensureMysqlTestDatabase,
  ensurePostgresTestDatabase,
} from '../support/databases';
import { makeTempDir, useTempDirs } from '../support/temp-dir';

// Full validation runs: every row through the validator inside the driver process.
const tempDir = useTempDirs();
const pgReader: Connection = {
  kind: 'postgres',
  ...PG_ENDPOINT,
  database: TEST_DATABASE,
  user: READER_LOGIN,
  tls: 'disable',
};

/** n interval rows for 50 queues on the 15-minute grid; one planted defect at row `bad` (1-based). */
const generatedIntervals = (n: number, bad: number) => `
  SELECT 'Q' || (i % 50) AS queueidentifier, 'Queue ' || (i % 50) AS queuename,
         timestamp '2024-01-01 00:00:00' + (i / 50) * interval '15 minutes' AS timestamp,
         CASE WHEN i = ${bad - 1} THEN -1 ELSE 5 END AS offered, 4 AS answered, 400 AS handlingtime, 'calls' AS channel
  FROM generate_series(0, ${n - 1}) AS i ORDER BY i`;

beforeAll(async () => {
  await ensurePostgresTestDatabase();
  await ensureMysqlTestDatabase();
});

describe('full validation', () => {
  it('checks 1,000,000 PostgreSQL rows, finds the one planted defect, and keeps the driver process under 250 MB', async () => {
    const progress: number[] = [];
    const result = await validateQuery(
      {
        run: runInDriverProcess,
        connection: pgReader,
        password: CANARY_PASSWORD,
        sql: generatedIntervals(1_000_000, 765_432),
      },
      {
        contract: { importType: 'interval', intervalMinutes: 15, ruleSet: 'wfm-2024-05', timeZone: 'UTC' },
        timeoutMs: 300_000,
        onProgress: (rowsRead) => progress.push(rowsRead),
      },
    );
    expect(result.rowsChecked).toBe(1_000_000);
    expect(result.findings).toEqual([
      expect.objectContaining({ row: 765_432, column: 'offered', rule: 'negative-count' }),
    ]);
    expect(result.distinct.queues).toBe(50);
    expect(progress.at(-1)).toBe(1_000_000);
    expect(progress.length).toBeGreaterThan(1);
    expect(result.peakRssMb).toBeLessThan(250);
    console.log(
      `full validation: 1,000,000 rows in ${result.elapsedMs} ms, driver process peak ${result.peakRssMb} MB`,
    );
  }, 300_000);

  it('checks only the rows inside a date range', async () => {
    const result = await validateQuery(
      { run: runInDriverProcess, connection: pgReader, password: CANARY_PASSWORD, sql: generatedIntervals(5000, 1) },
      {
        contract: { importType: 'interval', intervalMinutes: 15, ruleSet: 'wfm-2024-05', timeZone: 'UTC' },
        timeoutMs: 60_000,
        from: '2024-01-01T01:00:00Z',
        to: '2024-01-01T02:00:00Z',
      },
    );
    // 4 intervals of 50 queues; the planted defect at row 1 (00:00) is outside the range.
    expect(result).toMatchObject({ rowsRead: 5000, rowsChecked: 200, rowsSkipped: 4800, ok: true });
  });

  it('validates through MariaDB too', async () => {
    const mysql: Connection = {
      kind: 'mysql',
      ...MYSQL_ENDPOINT,
      database: TEST_DATABASE,
      user: READER_LOGIN,
      tls: 'disable',
    };
    const result = await validateQuery(
      {
        run: runInDriverProcess,
        connection: mysql,
        password: CANARY_PASSWORD,
        sql: `SELECT queue_id AS queueidentifier, queue_name AS queuename, interval_start AS timestamp, offered, answered,
              handling_time AS handlingtime FROM queue_stats ORDER BY interval_start`,
      },
      {
        contract: { importType: 'interval', intervalMinutes: 15, ruleSet: 'wfm-2024-05', timeZone: 'Europe/Brussels' },
        timeoutMs: 60_000,
      },
    );
    expect(result.rowsChecked).toBeGreaterThanOrEqual(3);
    // 2024-03-31 02:00 does not exist in Brussels (spring forward): the test table plants it.
    expect(result.findingCounts['dst-gap']).toBeGreaterThanOrEqual(1);
  });
});

describe('acd-link preview and validate', () => {
  const files = () => {
    const dir = tempDir();
    const connection = dir.join('pg.json');
    fs.writeFileSync(connection, JSON.stringify({ ...pgReader, passwordEnv: 'ACD_TEST_PW' }));
    const good = dir.join('good.sql');
    fs.writeFileSync(good, generatedIntervals(500, 0));
    const bad = dir.join('bad.sql');
    fs.writeFileSync(bad, generatedIntervals(500, 123));
    return { connection, good, bad };
  };
  const env = { ACD_TEST_PW: CANARY_PASSWORD };

  it('preview prints columns, rows and findings as JSON; exit 0 without errors, 1 with', async () => {
    const { connection, good, bad } = files();
    const ok = await runCliCaptured(
      ['preview', '--connection', connection, '--import-type', 'interval', '--sql', good, '--limit', '20', '--json'],
      env,
    );
    expect(ok.code, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json).toMatchObject({ truncated: true, findings: [] });
    expect(json.rows).toHaveLength(20);
    expect(json.columns).toContain('queueidentifier');
    const failing = await runCliCaptured(
      ['preview', '--connection', connection, '--import-type', 'interval', '--sql', bad, '--json'],
      env,
    );
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout).findings[0]).toMatchObject({ row: 123, rule: 'negative-count' });
    expect(failing.stdout + failing.stderr).not.toContain(CANARY_PASSWORD);
  });

  it('validate prints the summary with progress on stderr; bad input exits 2', async () => {
    const { connection, bad } = files();
    const run = await runCliCaptured(
      ['validate', '--connection', connection, '--import-type', 'interval', '--sql', bad, '--json'],
      env,
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      rowsChecked: 500,
      ok: false,
      findingCounts: { 'negative-count': 1 },
    });
    expect(run.stderr).toMatch(/500 rows read/);
    const write = tempDir().join('write.sql');
    fs.writeFileSync(write, 'DELETE FROM queue_stats');
    const refused = await runCliCaptured(
      ['validate', '--connection', connection, '--import-type', 'interval', '--sql', write],
      env,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('only read');
    const badType = await runCliCaptured(
      ['preview', '--connection', connection, '--import-type', 'calls', '--sql', write],
      env,
    );
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('--import-type');
  });
});

describe('the embedded demo validates cleanly in full', () => {
  let demoFile: string;
  // One file for both cases: made here and removed after the last (useTempDirs cleans per test).
  const demoDir = makeTempDir();
  afterAll(() => demoDir.remove());
  beforeAll(async () => {
    const { generateDemoDatabase } = await import('../../src-main/demo/generate-demo-database');
    demoFile = demoDir.join('demo.sqlite');
    generateDemoDatabase(demoFile);
  });

  it.each(['sqlite', 'odbc'] as const)(
    'all three demo queries through %s give no error finding',
    async (kind) => {
      const { DEMO_INTEGRATIONS } = await import('../../src-main/demo/demo-queries');
      const connection: Connection =
        kind === 'sqlite'
          ? { kind, file: demoFile }
          : { kind, connectionString: `DRIVER={SQLite3};Database=${demoFile};` };
      for (const integration of DEMO_INTEGRATIONS) {
        const result = await validateQuery(
          { run: runInDriverProcess, connection, sql: integration.sql },
          {
            contract: {
              importType: integration.importType,
              intervalMinutes: 15,
              ruleSet: 'wfm-2024-05',
              timeZone: 'Europe/Brussels',
            },
            timeoutMs: 120_000,
          },
        );
        expect(result.rowsChecked, integration.name).toBeGreaterThan(1000);
        expect(
          result.countsBySeverity.error,
          `${integration.name}: ${JSON.stringify(result.findings.slice(0, 3))}`,
        ).toBe(0);
      }
    },
    180_000,
  );
});
