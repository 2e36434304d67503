import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src-shared/contract/api';
import { createRowsExport, type RowsExportSettings } from '../../../src-shared/export';

// Data written to a file is never altered, also where it holds the connection's password; the
// password is kept out of messages only, and a value that IS the password gets a warning.

const COLUMNS = ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime', 'channel', 'note'];
const settings = (overrides: Partial<RowsExportSettings>): RowsExportSettings => ({
  format: 'csv',
  importType: 'interval',
  intervalMinutes: 15,
  ruleSet: 'wfm-2024-05',
  timeZone: 'Europe/Brussels',
  now: new Date('2026-06-01T00:00:00Z'),
  includeInvalid: false,
  ...overrides,
});

/** With the password "2026": a queue name, every timestamp, a handling time and a note hold it. */
const ROWS: CellValue[][] = [
  ['Q1', 'Queue 2026 north', '2026-03-02 08:00:00', 10, 5, 2026, 'calls', '2026'],
  ['Q1', 'Queue 2026 north', '2026-03-02 08:15:00', 10, 5, 300, null, 'note 2026'],
  // A second name for Q1 (a warning quoting both names) and an unknown channel (an error quoting it).
  ['Q1', 'Queue 2026 south', '2026-03-02 08:30:00', 10, 5, 300, 'fax2026', null],
];

function run(overrides: Partial<RowsExportSettings>, rows = ROWS) {
  const pipeline = createRowsExport(COLUMNS, settings(overrides));
  const text = pipeline.preamble + rows.map((row) => pipeline.take(row, () => row) ?? '').join('');
  return { text, counts: pipeline.counts, warnings: pipeline.warnings, summary: pipeline.finish() };
}

describe('the connection password in the data', () => {
  it('CSV: every value is written as the database returned it, and the summary warns without the password', () => {
    const { text, counts, warnings, summary } = run({ secret: '2026', includeInvalid: true });
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records.map((record) => [record.queuename, record.timestamp, record.timestamp_utc, record.note])).toEqual([
      ['Queue 2026 north', '2026-03-02 08:00:00', '2026-03-02T07:00:00.000Z', '2026'],
      ['Queue 2026 north', '2026-03-02 08:15:00', '2026-03-02T07:15:00.000Z', 'note 2026'],
      ['Queue 2026 south', '2026-03-02 08:30:00', '2026-03-02T07:30:00.000Z', ''],
    ]);
    expect(records[0]?.handlingtime).toBe('2026');
    expect(records[2]?.channel).toBe('fax2026');
    // The integer 2026 and the note "2026" are the password; "note 2026" only contains it.
    expect(counts.valuesEqualToPassword).toBe(2);
    expect(warnings).toEqual([
      '2 values in columns "handlingtime", "note" are exactly the connection\'s password. The export ' +
        'writes data unchanged, as the database returned it: leave such a column out of the query before ' +
        'passing the file on.',
    ]);
    expect(warnings.join('')).not.toContain('2026');
    // Findings quote the queue names, the channel and the timestamps: none shows the password.
    expect(summary.findingCounts).toEqual({ 'unknown-column': 1, 'queue-renamed': 1, 'unknown-channel': 1 });
    expect(JSON.stringify(summary.findings)).not.toContain('2026');
    const renamed = summary.findings.find((item) => item.rule === 'queue-renamed');
    expect(renamed?.message).toContain('"Queue *** north", "Queue *** south"');
  });

  it('JSON Lines: the records carry the values unchanged; only the columns the file carries are counted', () => {
    const { text, counts, warnings } = run({ format: 'jsonl', secret: '2026' });
    const records = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual([
      {
        queueIdentifier: 'Q1',
        queueName: 'Queue 2026 north',
        timestamp: '2026-03-02T07:00:00.000Z',
        channel: 'calls',
        offered: 10,
        answered: 5,
        handlingTime: 2026,
      },
      expect.objectContaining({ queueName: 'Queue 2026 north', timestamp: '2026-03-02T07:15:00.000Z' }),
    ]);
    // note is not part of the record, so its "2026" is not in the file.
    expect(counts.valuesEqualToPassword).toBe(1);
    expect(warnings).toEqual([expect.stringContaining('1 value in column "handlingtime" is exactly')]);
  });

  it('gives the count when it cannot spell the password, and no warning without a value equal to it', () => {
    const secret = 'Canary-Pw-7f3a9';
    const rows: CellValue[][] = [1, 2, 3].map((n) => [
      'Q1',
      'Sales',
      `2026-03-02 08:${15 * n}:00`,
      1,
      1,
      9,
      null,
      secret,
    ]);
    const equal = run({ secret }, rows);
    expect(equal.text.match(/Canary-Pw-7f3a9/g)).toHaveLength(3);
    expect(equal.warnings).toEqual([expect.stringMatching(/^3 values in column "note" are exactly the connection's/)]);

    const inside = run({ secret }, [['Q1', `Sales ${secret}`, '2026-03-02 08:00:00', 1, 1, 9, null, `${secret}!`]]);
    expect(inside.counts.valuesEqualToPassword).toBe(0);
    expect(inside.warnings).toEqual([]);
    expect(inside.text).toContain(`Sales ${secret},`);

    const none = run({}, rows);
    expect(none.warnings).toEqual([]);
    expect(none.counts.valuesEqualToPassword).toBe(0);
  });

  it('a column alias that holds the password is written as returned, and the warning names it without it', () => {
    const secret = 'Canary-Pw-7f3a9';
    const pipeline = createRowsExport([...COLUMNS.slice(0, 7), `pw ${secret}`], settings({ secret }));
    expect(pipeline.preamble).toContain(`,pw ${secret}\r\n`);
    pipeline.take(ROWS[0] ?? [], () => [...(ROWS[0] ?? []).slice(0, 7), secret]);
    expect(pipeline.warnings).toEqual([expect.stringContaining('1 value in column "pw ***" is exactly')]);
  });
});
