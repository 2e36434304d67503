import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src-shared/contract/api';
import { createRowsExport, createRowJudge, type RowsExportSettings } from '../../../src-shared/export';
import { createValidator, type Finding } from '../../../src-shared/validation';

const INTERVAL_COLUMNS = ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime'];
const settings = (overrides: Partial<RowsExportSettings> = {}): RowsExportSettings => ({
  format: 'csv',
  importType: 'interval',
  intervalMinutes: 15,
  ruleSet: 'wfm-2024-05',
  timeZone: 'Europe/Brussels',
  now: new Date('2025-01-01T00:00:00Z'),
  includeInvalid: false,
  ...overrides,
});

/** Interval rows at 15-minute steps from 2024-06-03 08:00 (local); `bad` rows get a negative offered. */
function intervalRows(count: number, bad: (index: number) => boolean): CellValue[][] {
  return Array.from({ length: count }, (_, index) => {
    const minutes = 8 * 60 + 15 * index;
    const time = `2024-06-03 ${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
    return ['Q1', 'Sales', time, bad(index) ? -1 : 10, 5, 300];
  });
}

function run(columns: string[], rows: CellValue[][], options: RowsExportSettings) {
  const pipeline = createRowsExport(columns, options);
  const text = pipeline.preamble + rows.map((row) => pipeline.take(row, () => row) ?? '').join('');
  return { text, counts: pipeline.counts, summary: pipeline.finish() };
}

describe('row export pipeline: which rows are written', () => {
  it('leaves out rows with an error finding, and writes them when asked', () => {
    const rows = intervalRows(6, (index) => index === 1 || index === 4);
    const strict = run(INTERVAL_COLUMNS, rows, settings());
    expect(strict.counts).toEqual({ rowsRead: 6, rowsWritten: 4, rowsLeftOut: 2, valuesEqualToPassword: 0 });
    const parsed = parse(strict.text, { columns: true }) as Record<string, string>[];
    expect(parsed.map((row) => row.timestamp)).toEqual([
      '2024-06-03 08:00:00',
      '2024-06-03 08:30:00',
      '2024-06-03 08:45:00',
      '2024-06-03 09:15:00',
    ]);
    expect(parsed.every((row) => row.offered === '10')).toBe(true);
    expect(strict.summary.findingCounts).toEqual({ 'negative-count': 2 });

    const all = run(INTERVAL_COLUMNS, rows, settings({ includeInvalid: true }));
    expect(all.counts).toMatchObject({ rowsWritten: 6, rowsLeftOut: 0 });
    expect((parse(all.text, { columns: true }) as unknown[]).length).toBe(6);
  });

  it('knows each row’s validity far beyond the findings cap', () => {
    const bad = (index: number) => index % 3 === 0;
    const rows = intervalRows(90, bad);
    const { text, counts, summary } = run(INTERVAL_COLUMNS, rows, settings({ maxFindings: 2, format: 'jsonl' }));
    expect(summary.findings).toHaveLength(2);
    expect(summary.findingCounts['negative-count']).toBe(30);
    expect(counts).toMatchObject({ rowsWritten: 60, rowsLeftOut: 30 });
    const offered = text
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { offered: number }).offered);
    expect(offered).toEqual(Array(60).fill(10));
  });

  it('keeps the first of two duplicate rows and leaves out the second', () => {
    const rows: CellValue[][] = [
      ['Q1', 'Sales', '2024-06-03 08:00:00', 10, 5, 300],
      ['Q1', 'Sales', '2024-06-03 08:00:00', 11, 6, 310],
    ];
    const { text, counts } = run(INTERVAL_COLUMNS, rows, settings());
    expect(counts).toMatchObject({ rowsWritten: 1, rowsLeftOut: 1 });
    expect(text).toContain(',10,5,300\r\n');
    expect(text).not.toContain(',11,6,310');
  });

  it('leaves out every row when a required column is missing (a column-level error)', () => {
    const columns = INTERVAL_COLUMNS.filter((name) => name !== 'handlingtime');
    const rows = intervalRows(3, () => false).map((row) => row.slice(0, 5));
    const { text, counts, summary } = run(columns, rows, settings());
    expect(summary.findingCounts['required-column']).toBe(1);
    expect(counts).toMatchObject({ rowsWritten: 0, rowsLeftOut: 3 });
    expect(text).toBe('queueidentifier,queuename,timestamp,timestamp_utc,offered,answered\r\n');
  });

  it('does not leave out rows that only have warnings (a DST repeated hour)', () => {
    const rows: CellValue[][] = [['Q1', 'Sales', '2024-10-27 02:30:00', 3, 2, 100]];
    const { counts, summary } = run(INTERVAL_COLUMNS, rows, settings({ format: 'jsonl' }));
    expect(summary.findingCounts['dst-repeated']).toBe(1);
    expect(counts).toMatchObject({ rowsWritten: 1, rowsLeftOut: 0 });
  });

  it('does not convert rows it leaves out', () => {
    const pipeline = createRowsExport(INTERVAL_COLUMNS, settings());
    const row = intervalRows(1, () => true)[0] ?? [];
    expect(
      pipeline.take(row, () => {
        throw new Error('converted a row that is left out');
      }),
    ).toBeUndefined();
  });
});

describe('validator onFinding', () => {
  it('reports every finding during the addRow of its row, also past maxFindings, and changes nothing else', () => {
    const seen: { row: number; during: number; finding: Finding }[] = [];
    let current = 0;
    const options = {
      importType: 'interval' as const,
      intervalMinutes: 15 as const,
      timeZone: 'UTC',
      now: new Date('2025-01-01T00:00:00Z'),
      maxFindings: 1,
    };
    const validator = createValidator({
      ...options,
      onFinding: (finding) => seen.push({ row: finding.row, during: current, finding }),
    });
    const plain = createValidator(options);
    for (const v of [validator, plain]) v.setColumns(INTERVAL_COLUMNS);
    const rows = intervalRows(12, (index) => index % 4 === 0).map((row) => [...row]);
    rows[5] = ['Q1', 'Sales', '2024-06-03 09:17:00', 1, 2, -3];
    for (const [index, row] of rows.entries()) {
      current = index + 1;
      validator.addRow(row);
      plain.addRow(row);
    }
    expect(validator.finish()).toEqual(plain.finish());
    expect(seen.length).toBe(3 + 3);
    for (const { row, during } of seen) expect(row).toBe(during);
  });

  it('is what the row judge uses: a row is valid exactly when none of its findings is an error', () => {
    const judge = createRowJudge({
      importType: 'interval',
      intervalMinutes: 15,
      timeZone: 'UTC',
      now: new Date('2025-01-01T00:00:00Z'),
    });
    judge.setColumns(INTERVAL_COLUMNS);
    expect(judge.addRow(['Q1', 'Sales', '2024-06-03 08:00:00', 1, 1, 10])).toBe(true);
    expect(judge.addRow(['Q1', 'Sales', '2024-06-03 08:15:00', 1, 2, 10])).toBe(false);
    expect(judge.addRow(['Q1', 'Sales ', '2024-06-03 08:30:00', 1, 1, 10])).toBe(true); // queue-renamed: a warning
    expect(judge.finish().countsBySeverity).toEqual({ error: 1, warning: 1, info: 0 });
  });
});
