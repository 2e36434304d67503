import { describe, expect, it } from 'vitest';
import { checkPreviewable } from '../../../src-shared/sql/classify-statement';
import { DIALECTS } from '../../../src-shared/sql/dialect';
import { body, notesMatching, plan, sqlOf } from './xlink-test-helpers';

const CALL_DATA = [
  '[Universal ACD]',
  'DSN = acd',
  'CallDataTable = call data',
  'TimeStampColumn = start_date',
  'QueueNameColumn = queue',
  'ValueTypes = n_offered;n_answered;talk_seconds',
];

/** The interval start per dialect for `c.start_date` (src-shared/templates/interval-start.ts). */
const INTERVAL_START = {
  postgres: "date_trunc('hour', c.start_date) + floor(extract(minute FROM c.start_date) / 15) * interval '15 minutes'",
  mysql: 'TIMESTAMP(DATE(c.start_date), MAKETIME(HOUR(c.start_date), FLOOR(MINUTE(c.start_date) / 15) * 15, 0))',
  mssql: 'DATEADD(minute, DATEDIFF(minute, 0, c.start_date) / 15 * 15, 0)',
  sqlite: "datetime(CAST(strftime('%s', c.start_date) AS INTEGER) / 900 * 900, 'unixepoch')",
  generic: 'c.start_date',
} as const;

describe('intervals from CallDataTable', () => {
  it.each(DIALECTS)('%s: sums the value types per queue and interval, the queue name as identifier', (dialect) => {
    const sql = sqlOf(plan(CALL_DATA, dialect), 'interval');
    const table = dialect === 'mysql' ? '`call data`' : '"call data"';
    const start = INTERVAL_START[dialect];
    expect(body(sql)).toBe(
      [
        'SELECT',
        '  c.queue AS queueidentifier,',
        '  c.queue AS queuename,',
        `  ${start} AS timestamp,`,
        '  SUM(c.n_offered) AS offered,',
        '  SUM(c.n_answered) AS answered,',
        '  SUM(c.talk_seconds) AS handlingtime',
        `FROM ${table} c`,
        `GROUP BY c.queue, ${start}`,
        'ORDER BY 3, 1',
      ].join('\n'),
    );
    expect(checkPreviewable(sql, dialect).ok).toBe(true);
  });

  it('uses 30-minute intervals when IntervalLength says so', () => {
    const result = plan([...CALL_DATA, 'IntervalLength = 30'], 'mssql');
    expect(sqlOf(result, 'interval')).toContain('DATEDIFF(minute, 0, c.start_date) / 30 * 30');
    expect(result.systems[0]?.integrations.map((item) => item.intervalMinutes)).toEqual([30, 30]);
  });

  it('keeps 15 minutes and warns for an interval length the WFM system does not import', () => {
    const result = plan([...CALL_DATA, 'Interval = 60'], 'postgres');
    expect(result.systems[0]?.integrations.map((item) => item.intervalMinutes)).toEqual([15, 15]);
    expect(notesMatching(result.notes, /Interval is "60"/)[0]?.severity).toBe('warning');
  });

  it('warns on a generic connection that the timestamps must already be on the grid', () => {
    const result = plan(CALL_DATA, 'generic');
    expect(notesMatching(result.notes, /must\s+already be the start of a 15-minute interval/)[0]?.severity).toBe(
      'warning',
    );
  });

  it('returns 0 for a measure no value type holds, with an error note', () => {
    const result = plan(
      CALL_DATA.map((line) => line.replace(/^ValueTypes = .*/, 'ValueTypes = n_offered')),
      'postgres',
    );
    expect(body(sqlOf(result, 'interval'))).toContain('  0 AS answered,\n  0 AS handlingtime\n');
    expect(notesMatching(result.notes, /^Intervals: No value type holds answered/)[0]?.severity).toBe('error');
  });
});

describe('contacts from CallDataTable', () => {
  it('returns one row per record with answered and duration (wfm-2024-05: no offered)', () => {
    const result = plan(CALL_DATA, 'postgres');
    expect(body(sqlOf(result, 'contact'))).toBe(
      [
        'SELECT',
        '  c.queue AS queueidentifier,',
        '  c.queue AS queuename,',
        '  c.start_date AS timestamp,',
        '  c.n_answered AS answered,',
        '  c.talk_seconds AS duration',
        'FROM "call data" c',
        'ORDER BY c.start_date, c.queue',
      ].join('\n'),
    );
    expect(
      notesMatching(result.notes, /^Contacts: The query assumes CallDataTable holds one row per contact/),
    ).toHaveLength(1);
    expect(result.systems[0]?.integrations.map((item) => [item.name, item.importType, item.ruleSet])).toEqual([
      ['Intervals', 'interval', 'wfm-2024-05'],
      ['Contacts', 'contact', 'wfm-2024-05'],
    ]);
  });

  it('leaves out the optional duration when no value type holds the handling time', () => {
    const result = plan(CALL_DATA.map((line) => line.replace(/^ValueTypes = .*/, 'ValueTypes = n_offered;n_answered')));
    expect(sqlOf(result, 'contact')).not.toContain('duration');
    expect(notesMatching(result.notes, /^Contacts: No value type holds the handling time/)[0]?.severity).toBe('info');
  });
});

describe('call-data keys that are missing', () => {
  it('creates neither intervals nor contacts without QueueNameColumn, and says so', () => {
    const result = plan(CALL_DATA.filter((line) => !line.startsWith('QueueNameColumn')));
    expect(result.systems[0]?.integrations).toEqual([]);
    expect(notesMatching(result.notes, /^Intervals and Contacts not created: QueueNameColumn is missing/)).toHaveLength(
      1,
    );
  });

  it('still creates intervals without ValueTypes, returning zeros the admin must replace', () => {
    const result = plan(CALL_DATA.filter((line) => !line.startsWith('ValueTypes')));
    expect(body(sqlOf(result, 'interval'))).toContain('  0 AS offered,');
    expect(notesMatching(result.notes, /ValueTypes is missing or empty/)[0]?.severity).toBe('error');
  });
});
