import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_QUERIES } from '../../src-main/demo/demo-queries';
import { generateDemoDatabase } from '../../src-main/demo/generate-demo-database';
import { forkDriverChild, type DriverChild } from '../../src-main/driver-process/driver-child-handle';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import type { RowsExportOutcome } from '../../src-main/driver-process/run-export';
import { TEMP_SUFFIX } from '../../src-main/files/atomic-file';
import { exportRows, type RowsExportOptions } from '../../src-main/services/export-rows';
import type { DriverRun } from '../../src-main/services/test-connection';
import type { Connection, ImportType } from '../../src-shared/contract/model';
import { REPO_ROOT } from '../support/child-process';
import {
  CANARY_PASSWORD,
  ensurePostgresTestDatabase,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
} from '../support/databases';
import { filesContainingSecret } from '../support/files';
import { ensureNodeBuild } from '../support/node-build';
import { makeTempDir, useTempDirs } from '../support/temp-dir';

// Row exports through the real driver process: the demo SQLite database and PostgreSQL.
const tempDir = useTempDirs('acd-rows-export-');
const demoDir = makeTempDir('acd-rows-demo-');
afterAll(() => demoDir.remove());
const demoFile = demoDir.join('demo.sqlite');
const demo: Connection = { kind: 'sqlite', file: demoFile };
const pgReader: Connection = {
  kind: 'postgres',
  ...PG_ENDPOINT,
  database: TEST_DATABASE,
  user: READER_LOGIN,
  tls: 'disable',
};

beforeAll(async () => {
  generateDemoDatabase(demoFile);
  await ensurePostgresTestDatabase();
});

const options = (importType: ImportType, overrides: Partial<RowsExportOptions> = {}): RowsExportOptions => ({
  format: 'csv',
  scope: 'full',
  limit: 200,
  contract: { importType, intervalMinutes: 15, ruleSet: 'wfm-2024-05', timeZone: 'Europe/Brussels' },
  includeInvalid: false,
  timeoutMs: 120_000,
  ...overrides,
});

/** The rows a query returns, counted by SQLite itself. */
function demoCount(sql: string, where = '1 = 1'): number {
  const db = new Database(demoFile, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM (${sql}\n) WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const csvRecords = (file: string) => parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[];
function jsonlRecords(file: string): Record<string, unknown>[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text === ''
    ? []
    : text
        .slice(0, -1)
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
}
const tempFilesIn = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith(TEMP_SUFFIX));

const SHAPE_KEYS: Record<ImportType, string[]> = {
  contact: ['channel', 'properties', 'queueIdentifier', 'queueName', 'timestamp'],
  'agent-states': ['activityIdentifier', 'agentIdentifier', 'endTime', 'startTime'],
  interval: ['answered', 'channel', 'handlingTime', 'offered', 'queueIdentifier', 'queueName', 'timestamp'],
};
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('row export of the embedded demo (SQLite, real driver process)', () => {
  it.each(['interval', 'contact', 'agent-states'] as const)(
    '%s: every row in full, the first rows in preview, as CSV and JSON Lines',
    async (importType) => {
      const dir = tempDir();
      const sql = DEMO_QUERIES[importType];
      const total = demoCount(sql);
      for (const format of ['csv', 'jsonl'] as const) {
        const full = dir.join(`full.${format}`);
        const progress: number[] = [];
        const result = await exportRows(
          { run: runInDriverProcess, connection: demo, sql },
          options(importType, { format, onProgress: (_read, written) => progress.push(written) }),
          full,
        );
        expect(result).toMatchObject({ rowsWritten: total, rowsLeftOut: 0, bytes: fs.statSync(full).size });
        expect(result.validation.rowsChecked).toBe(total);
        expect(progress.at(-1)).toBe(total);
        const preview = dir.join(`preview.${format}`);
        const shown = await exportRows(
          { run: runInDriverProcess, connection: demo, sql },
          options(importType, { format, scope: 'preview', limit: 50 }),
          preview,
        );
        expect(shown).toMatchObject({ rowsWritten: 50, rowsLeftOut: 0 });
        expect(shown.validation.rowsChecked).toBe(50);

        if (format === 'csv') {
          const records = csvRecords(full);
          expect(records).toHaveLength(total);
          const time = importType === 'agent-states' ? 'starttime' : 'timestamp';
          expect(records.every((record) => UTC.test(record[`${time}_utc`] ?? ''))).toBe(true);
          expect(csvRecords(preview)).toEqual(records.slice(0, 50));
        } else {
          const records = jsonlRecords(full);
          expect(records).toHaveLength(total);
          for (const record of records) expect(Object.keys(record).sort()).toEqual(SHAPE_KEYS[importType]);
          const time = importType === 'agent-states' ? 'startTime' : 'timestamp';
          expect(records.every((record) => UTC.test(String(record[time])))).toBe(true);
          expect(jsonlRecords(preview)).toEqual(records.slice(0, 50));
        }
      }
      expect(tempFilesIn(dir.path)).toEqual([]);
    },
    120_000,
  );

  it('keeps the agent state that is still running, with endTime null', async () => {
    const dir = tempDir();
    const out = dir.join('states.jsonl');
    await exportRows(
      { run: runInDriverProcess, connection: demo, sql: DEMO_QUERIES['agent-states'] },
      options('agent-states', { format: 'jsonl' }),
      out,
    );
    const open = jsonlRecords(out).filter((record) => record.endTime === null);
    expect(open.length).toBe(demoCount(DEMO_QUERIES['agent-states'], 'endtime IS NULL'));
    expect(open.length).toBeGreaterThan(0);
  });

  it('leaves out the rows with an error finding, in both scopes, unless asked to include them', async () => {
    const dir = tempDir();
    // Plants a negative offered count on every row whose answered count ends in 3.
    const sql = `SELECT queueidentifier, queuename, timestamp,
        CASE WHEN answered % 10 = 3 THEN -1 ELSE offered END AS offered, answered, handlingtime, channel
      FROM (${DEMO_QUERIES.interval}
      ) AS demo`;
    const total = demoCount(sql);
    const bad = demoCount(sql, 'offered < 0');
    expect(bad).toBeGreaterThan(10);
    for (const format of ['csv', 'jsonl'] as const) {
      const out = dir.join(`valid.${format}`);
      const result = await exportRows(
        { run: runInDriverProcess, connection: demo, sql },
        options('interval', { format }),
        out,
      );
      expect(result).toMatchObject({ rowsWritten: total - bad, rowsLeftOut: bad });
      expect(result.validation.findingCounts['negative-count']).toBe(bad);
      expect(result.validation.ok).toBe(false);
      const offered =
        format === 'csv' ? csvRecords(out).map((r) => Number(r.offered)) : jsonlRecords(out).map((r) => r.offered);
      expect(offered).toHaveLength(total - bad);
      expect(offered.every((value) => Number(value) >= 0)).toBe(true);

      const everything = dir.join(`all.${format}`);
      const all = await exportRows(
        { run: runInDriverProcess, connection: demo, sql },
        options('interval', { format, includeInvalid: true }),
        everything,
      );
      expect(all).toMatchObject({ rowsWritten: total, rowsLeftOut: 0 });
    }
    const preview = dir.join('preview.csv');
    const firstRows = demoCount(`SELECT * FROM (${sql}) LIMIT 500`, 'offered < 0');
    const shown = await exportRows(
      { run: runInDriverProcess, connection: demo, sql },
      options('interval', { scope: 'preview', limit: 500 }),
      preview,
    );
    expect(shown).toMatchObject({ rowsWritten: 500 - firstRows, rowsLeftOut: firstRows });
    expect(csvRecords(preview)).toHaveLength(500 - firstRows);
  }, 120_000);

  it('streams a file larger than the driver process may hold, with flat memory', async () => {
    const out = tempDir().join('big.csv');
    // SQLite makes the rows itself, so the test measures the export, not a server. Wide rows make
    // a file larger than the 250 MB the process may use, for a modest CPU cost on 2-core machines.
    const rows = 400_000;
    const sql = `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${rows - 1})
      SELECT 'Q' || (i % 50) AS queueidentifier, 'Queue ' || (i % 50) AS queuename,
             datetime('2024-01-01 00:00:00', '+' || ((i / 50) * 15) || ' minutes') AS timestamp,
             5 AS offered, 4 AS answered, 400 AS handlingtime, 'calls' AS channel,
             printf('%.600c', 'x') AS padding
      FROM seq`;
    const started = performance.now();
    const response = await runInDriverProcess<RowsExportOutcome>(
      {
        connection: demo,
        timeoutMs: 10_000,
        operation: {
          op: 'export',
          sql,
          statementTimeoutMs: 300_000,
          job: {
            outPath: out,
            format: 'csv',
            bom: false,
            importType: 'interval',
            intervalMinutes: 15,
            ruleSet: 'wfm-2024-05',
            timeZone: 'UTC',
            now: '2025-01-01T00:00:00.000Z', // after every row: none is in the future
            includeInvalid: false,
            maxFindings: 1000,
          },
        },
      },
      320_000,
    );
    expect(response.ok, JSON.stringify(response)).toBe(true);
    if (!response.ok) return;
    expect(response.value).toMatchObject({ rowsRead: rows, rowsWritten: rows, bytes: fs.statSync(out).size });
    expect(response.value.validation.countsBySeverity.error).toBe(0);
    expect(response.value.bytes).toBeGreaterThan(250 * 1024 * 1024);
    expect(response.value.peakRssMb).toBeLessThan(250);
    console.log(
      `rows export: ${rows} rows, ${Math.round(response.value.bytes / 1e6)} MB of CSV in ` +
        `${Math.round(performance.now() - started)} ms, driver process peak ${response.value.peakRssMb} MB`,
    );
  }, 330_000);

  it('runs the same export through the built driver bundle (out/node/driver-process.cjs)', async () => {
    ensureNodeBuild();
    const bundle = path.join(REPO_ROOT, 'out', 'node', 'driver-process.cjs');
    const run: DriverRun = (request, deadline, runOptions) =>
      runInDriverProcess(request, deadline, {
        ...runOptions,
        spawn: (_source, spawnOptions) =>
          forkDriverChild(bundle, {
            ...spawnOptions,
            execArgv: spawnOptions.execArgv.filter((arg) => arg !== '--import' && arg !== 'tsx'),
          }),
      });
    const out = tempDir().join('bundle.jsonl');
    const result = await exportRows(
      { run, connection: demo, sql: DEMO_QUERIES.contact },
      options('contact', { format: 'jsonl' }),
      out,
    );
    expect(result.rowsWritten).toBe(demoCount(DEMO_QUERIES.contact));
    expect(jsonlRecords(out)).toHaveLength(result.rowsWritten);
  }, 180_000);
});

/** n interval rows for 50 queues on the 15-minute grid; every row whose index is a multiple of `badEvery` has offered -1. */
const generatedIntervals = (n: number, badEvery: number, extra = '') => `
  SELECT 'Q' || (i % 50) AS queueidentifier, 'Queue ' || (i % 50) AS queuename,
         timestamp '2024-01-01 00:00:00' + (i / 50) * interval '15 minutes' AS timestamp,
         CASE WHEN i % ${badEvery} = 0 THEN -1 ELSE 5 END AS offered, 4 AS answered, 400 AS handlingtime,
         'calls' AS channel${extra}
  FROM generate_series(1, ${n}) AS i ORDER BY i`;

describe('row export from PostgreSQL (real driver process, canary password)', () => {
  const pg = (sql: string, signal?: AbortSignal) => ({
    run: runInDriverProcess,
    connection: pgReader,
    password: CANARY_PASSWORD,
    sql,
    ...(signal ? { signal } : {}),
  });

  it('writes both scopes in both formats, leaves out invalid rows, and the data as returned', async () => {
    const dir = tempDir();
    // The query even returns the password, as a value and inside a column alias: data is written
    // as the database returned it, and the summary warns (without the password) instead.
    const sql = generatedIntervals(5000, 250, `, '${CANARY_PASSWORD}' AS "note ${CANARY_PASSWORD}"`);
    const now = new Date('2025-01-01T00:00:00Z');
    for (const format of ['csv', 'jsonl'] as const) {
      const full = await exportRows(
        pg(sql),
        options('interval', { format, now, contract: { ...options('interval').contract, timeZone: 'UTC' } }),
        dir.join(`full.${format}`),
      );
      expect(full).toMatchObject({ rowsWritten: 4980, rowsLeftOut: 20 });
      // JSON Lines carries the contract's columns only, so the note is not in that file.
      expect(full.valuesEqualToPassword).toBe(format === 'csv' ? 4980 : 0);
      expect(full.warnings).toEqual(
        format === 'csv' ? [expect.stringMatching(/^4,980 values in column "note \*\*\*" are exactly/)] : [],
      );
      expect(JSON.stringify([full.validation, full.warnings])).not.toContain(CANARY_PASSWORD);
      const preview = await exportRows(
        pg(sql),
        options('interval', { format, now, scope: 'preview', limit: 1000 }),
        dir.join(`preview.${format}`),
      );
      expect(preview).toMatchObject({ rowsWritten: 996, rowsLeftOut: 4 });
      expect(JSON.stringify([preview.validation, preview.warnings])).not.toContain(CANARY_PASSWORD);
    }
    const records = csvRecords(dir.join('full.csv'));
    expect(records[0]).toMatchObject({
      queueidentifier: 'Q1',
      timestamp: '2024-01-01 00:00:00',
      timestamp_utc: '2024-01-01T00:00:00.000Z',
      offered: '5',
      [`note ${CANARY_PASSWORD}`]: CANARY_PASSWORD,
    });
    const brussels = jsonlRecords(dir.join('preview.jsonl'));
    expect(brussels[0]).toEqual({
      queueIdentifier: 'Q1',
      queueName: 'Queue 1',
      timestamp: '2023-12-31T23:00:00.000Z',
      channel: 'calls',
      offered: 5,
      answered: 4,
      handlingTime: 400,
    });
    const withPassword = filesContainingSecret(dir.path, CANARY_PASSWORD).map((file) => path.basename(file));
    expect(withPassword.sort()).toEqual(['full.csv', 'preview.csv']);
    expect(tempFilesIn(dir.path)).toEqual([]);
  }, 120_000);

  it('a cancelled export leaves no file (or the old one untouched) and no temp file', async () => {
    const dir = tempDir();
    for (const previous of [undefined, 'the export of yesterday\n']) {
      const out = dir.join('cancelled.csv');
      if (previous !== undefined) fs.writeFileSync(out, previous);
      const controller = new AbortController();
      const exported = exportRows(
        pg(generatedIntervals(5_000_000, 7), controller.signal),
        options('interval', {
          // Cancel once rows are being written: the temp file exists and holds data.
          onProgress: (_read, written) => {
            if (written > 0 && tempFilesIn(dir.path).length > 0) controller.abort();
          },
        }),
        out,
      );
      await expect(exported).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(previous === undefined ? fs.existsSync(out) : fs.readFileSync(out, 'utf8')).toBe(previous ?? false);
      expect(tempFilesIn(dir.path)).toEqual([]);
    }
  }, 120_000);

  it('a statement timeout and a crashed driver process leave no file either', async () => {
    const dir = tempDir();
    const slow = dir.join('slow.jsonl');
    await expect(
      exportRows(
        pg('SELECT pg_sleep(5) AS queueidentifier'),
        options('interval', { format: 'jsonl', timeoutMs: 1000 }),
        slow,
      ),
    ).rejects.toMatchObject({ code: 'QUERY_FAILED' });
    expect(fs.readdirSync(dir.path)).toEqual([]);

    // Kills the real driver process (SIGKILL) as soon as it has written its first rows.
    const crashed = dir.join('crashed.csv');
    let child: DriverChild | undefined;
    const crashing: DriverRun = (request, deadline, runOptions) =>
      runInDriverProcess(request, deadline, {
        ...runOptions,
        onProgress: (read, written) => {
          runOptions?.onProgress?.(read, written);
          if (tempFilesIn(dir.path).length > 0) child?.kill('SIGKILL');
        },
        onSpawn: (spawned) => (child = spawned),
      });
    const error = await exportRows(
      { run: crashing, connection: pgReader, password: CANARY_PASSWORD, sql: generatedIntervals(3_000_000, 7) },
      options('interval'),
      crashed,
    ).catch((caught: unknown) => caught as Error & { code: string });
    expect(error).toMatchObject({ code: 'QUERY_FAILED' });
    expect((error as Error).message).toContain('SIGKILL');
    expect((error as Error).message).not.toContain(CANARY_PASSWORD);
    expect(fs.readdirSync(dir.path)).toEqual([]);
  }, 120_000);

  it('refuses a statement that writes, and a folder that does not exist, before anything runs', async () => {
    const dir = tempDir();
    await expect(
      exportRows(pg('DELETE FROM queue_stats'), options('interval'), dir.join('out.csv')),
    ).rejects.toMatchObject({ code: 'QUERY_REFUSED' });
    await expect(
      exportRows(pg(generatedIntervals(10, 3)), options('interval'), dir.join('missing', 'out.csv')),
    ).rejects.toThrow(`the folder ${dir.join('missing')} is missing`);
    await expect(
      exportRows(
        pg(generatedIntervals(10, 3)),
        options('interval', { contract: { ...options('interval').contract, timeZone: 'Mars/Olympus' } }),
        dir.join('out.csv'),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(fs.readdirSync(dir.path)).toEqual([]);
  });
});
