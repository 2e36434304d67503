import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import { exportRows, type RowsExportOptions } from '../../src-main/services/export-rows';
import type { Connection, ImportType } from '../../src-shared/contract/model';
import {
  CANARY_PASSWORD,
  ensurePostgresTestDatabase,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
} from '../support/databases';
import { DST_NOW, DST_ZONE, dstRows, type DstRow, dstStates, isAfterGap } from '../support/dst-rows';
import { adminSetup } from '../support/pg-fixtures';
import { useTempDirs } from '../support/temp-dir';

// A real PostgreSQL table of naive Europe/Paris interval rows, 2015 to 2026, with rows in the
// spring-forward gap next to the genuine ones, exported through the driver process as the CLI
// and the service do: every genuine row must be in the file. `now` is fixed, dates are past.

const tempDir = useTempDirs('acd-rows-dst-');
const INTERVALS = 'dst_paris_intervals_v1';
const STATES = 'dst_paris_states_v1';
const ROWS: DstRow[] = [...dstRows('Q-PARIS', 1), ...dstRows('Q-LYON', 10_001)];
const STATE_ROWS = dstStates('agent-1', 1);
const reader: Connection = {
  kind: 'postgres',
  ...PG_ENDPOINT,
  database: TEST_DATABASE,
  user: READER_LOGIN,
  tls: 'disable',
};

/** Creates and fills both tables once; refills them if their row counts differ (an older version). */
async function ensureDstTables(): Promise<void> {
  await adminSetup(async (client) => {
    await client.query(`CREATE TABLE IF NOT EXISTS public.${INTERVALS} (id integer PRIMARY KEY,
      queue_id varchar(20) NOT NULL, interval_start timestamp NOT NULL, kind varchar(10) NOT NULL)`);
    await client.query(`CREATE TABLE IF NOT EXISTS public.${STATES} (id integer PRIMARY KEY,
      agent varchar(20) NOT NULL, start_time timestamp NOT NULL, end_time timestamp NOT NULL)`);
    const counts = await client.query<{ n: string; m: string }>(
      `SELECT (SELECT count(*) FROM public.${INTERVALS}) AS n, (SELECT count(*) FROM public.${STATES}) AS m`,
    );
    if (Number(counts.rows[0]?.n) !== ROWS.length || Number(counts.rows[0]?.m) !== STATE_ROWS.length) {
      await client.query('BEGIN');
      await client.query(`TRUNCATE public.${INTERVALS}, public.${STATES}`);
      await client.query(
        `INSERT INTO public.${INTERVALS} SELECT * FROM unnest($1::int[], $2::text[], $3::timestamp[], $4::text[])`,
        [ROWS.map((r) => r.id), ROWS.map((r) => r.queue), ROWS.map((r) => r.local), ROWS.map((r) => r.kind)],
      );
      const states = STATE_ROWS;
      await client.query(
        `INSERT INTO public.${STATES} SELECT * FROM unnest($1::int[], $2::text[], $3::timestamp[], $4::timestamp[])`,
        [states.map((s) => s.id), states.map((s) => s.agent), states.map((s) => s.start), states.map((s) => s.end)],
      );
      await client.query('COMMIT');
    }
    await client.query(`GRANT SELECT ON public.${INTERVALS}, public.${STATES} TO ${READER_LOGIN}`);
  });
}

beforeAll(async () => {
  await ensurePostgresTestDatabase();
  await ensureDstTables();
});

// Ordered by the naive time, as import queries are: each gap row comes right before 03:00.
const INTERVAL_SQL = `SELECT queue_id AS queueidentifier, 'Queue ' || queue_id AS queuename,
    interval_start AS "timestamp", 5 AS offered, 4 AS answered, id AS handlingtime, 'calls' AS channel
  FROM public.${INTERVALS} ORDER BY interval_start, queue_id, id`;
const STATES_SQL = `SELECT agent AS agentidentifier, start_time AS starttime, end_time AS endtime,
    'S' || id AS activity
  FROM public.${STATES} ORDER BY start_time, id`;

const options = (importType: ImportType, format: 'csv' | 'jsonl'): RowsExportOptions => ({
  format,
  scope: 'full',
  limit: 200,
  contract: { importType, intervalMinutes: 15, ruleSet: 'wfm-2024-05', timeZone: DST_ZONE },
  includeInvalid: false,
  timeoutMs: 120_000,
  now: DST_NOW,
});

function records(file: string, format: 'csv' | 'jsonl'): Record<string, unknown>[] {
  const text = fs.readFileSync(file, 'utf8');
  if (format === 'csv') return parse(text, { columns: true }) as Record<string, unknown>[];
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
const sorted = (values: unknown[]) => values.map(Number).sort((a, b) => a - b);

describe('row export of DST-gap rows from PostgreSQL (real driver process)', () => {
  const target = (sql: string) => ({ run: runInDriverProcess, connection: reader, password: CANARY_PASSWORD, sql });

  it.each(['csv', 'jsonl'] as const)(
    '%s intervals: every genuine row of 2015 to 2026 is in the file, the gap rows are not',
    async (format) => {
      const out = tempDir().join(`intervals.${format}`);
      const result = await exportRows(target(INTERVAL_SQL), options('interval', format), out);
      const genuine = ROWS.filter((row) => row.kind === 'genuine');
      const ids = records(out, format).map((record) => record[format === 'csv' ? 'handlingtime' : 'handlingTime']);
      expect(sorted(ids)).toEqual(sorted(genuine.map((row) => row.id)));
      // 48 genuine rows per queue right after a gap: the ones the gap rows used to cost.
      expect(ROWS.filter(isAfterGap)).toHaveLength(96);
      expect(result).toMatchObject({ rowsWritten: genuine.length, rowsLeftOut: ROWS.length - genuine.length });
      // The gap rows are errors of their own; the second row of a repeated local time has the same
      // naive text as the first, so the database itself cannot tell them apart: a duplicate.
      expect(result.validation.findingCounts).toEqual({ 'dst-gap': 96, 'dst-repeated': 192, 'duplicate-key': 96 });
      if (format === 'csv') {
        const first = records(out, format).find((record) => record.timestamp === '2015-03-29 03:00:00');
        expect(first).toMatchObject({ queueidentifier: 'Q-LYON', timestamp_utc: '2015-03-29T01:00:00.000Z' });
      } else {
        const lastYear = records(out, format).filter((record) => String(record.timestamp).startsWith('2026-03-29'));
        expect(lastYear.map((record) => record.timestamp)).toContain('2026-03-29T01:00:00.000Z');
      }
    },
    120_000,
  );

  it.each(['csv', 'jsonl'] as const)(
    '%s agent states: a state starting or ending in the gap does not cost the genuine state after it',
    async (format) => {
      const out = tempDir().join(`states.${format}`);
      const result = await exportRows(target(STATES_SQL), options('agent-states', format), out);
      const activity = format === 'csv' ? 'activity' : 'activityIdentifier';
      const genuine = STATE_ROWS.filter((state) => state.genuine);
      expect(records(out, format).map((record) => record[activity])).toEqual(genuine.map((state) => `S${state.id}`));
      expect(result.validation.findingCounts).toEqual({ 'dst-gap': 24 });
    },
    120_000,
  );
});
