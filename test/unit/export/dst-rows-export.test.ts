import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src-shared/contract/api';
import type { ImportType } from '../../../src-shared/contract/model';
import { createRowsExport, type RowsFileFormat } from '../../../src-shared/export';
import { DST_NOW, DST_ZONE, dstRows, type DstRow, dstStates, isAfterGap } from '../../support/dst-rows';

// An export must never lose a genuine row because of an invalid one: a row in the spring-forward
// gap is an error, and read an hour off it lands on the instant of the genuine row after the gap.

const INTERVAL = ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime', 'channel'];
const CONTACT = ['queueidentifier', 'queuename', 'timestamp', 'answered', 'duration', 'channel'];
const STATES = ['agentidentifier', 'starttime', 'endtime', 'activity'];

const settings = (importType: ImportType, format: RowsFileFormat) => ({
  format,
  importType,
  intervalMinutes: 15 as const,
  ruleSet: 'wfm-2024-05' as const,
  timeZone: DST_ZONE,
  now: DST_NOW,
  includeInvalid: false,
});

/** Exports the rows; returns the records read back from the file, the counts and the summary. */
function exportRecords(importType: ImportType, format: RowsFileFormat, columns: string[], rows: CellValue[][]) {
  const pipeline = createRowsExport(columns, settings(importType, format));
  const text = pipeline.preamble + rows.map((row) => pipeline.take(row, () => row) ?? '').join('');
  const summary = pipeline.finish();
  const records: Record<string, unknown>[] =
    format === 'csv'
      ? (parse(text, { columns: true }) as Record<string, unknown>[])
      : text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { records, counts: pipeline.counts, summary };
}

const intervalRow = (row: DstRow): CellValue[] => [row.queue, 'Paris', row.local, 5, 4, row.id, 'calls'];
const idsOf = (rows: DstRow[]) => rows.map((row) => row.id).sort((a, b) => a - b);
const numbers = (values: unknown[]) => values.map(Number).sort((a, b) => a - b);

describe('interval export around the DST changes of Europe/Paris, 2015 to 2026', () => {
  const rows = dstRows();
  const genuine = rows.filter((row) => row.kind === 'genuine');

  it.each(['csv', 'jsonl'] as const)('%s: writes every genuine row, also the 48 right after a gap', (format) => {
    expect(rows.filter(isAfterGap)).toHaveLength(48);
    const { records, counts, summary } = exportRecords('interval', format, INTERVAL, rows.map(intervalRow));
    const written = records.map((record) => (format === 'csv' ? record.handlingtime : record.handlingTime));
    expect(numbers(written)).toEqual(idsOf(genuine));
    expect(counts).toMatchObject({ rowsRead: rows.length, rowsWritten: genuine.length, rowsLeftOut: 48 + 48 });
    // The gap rows are errors of their own; the second row of each repeated local time duplicates
    // the first in the database's own terms (the same naive text), so it is the only duplicate.
    expect(summary.findingCounts).toEqual({ 'dst-gap': 48, 'dst-repeated': 96, 'duplicate-key': 48 });
    const duplicates = summary.findings.filter((item) => item.rule === 'duplicate-key');
    const repeats = new Set(rows.filter((row) => row.kind === 'repeat').map((row) => rows.indexOf(row) + 1));
    expect(duplicates.every((item) => repeats.has(item.row))).toBe(true);
    expect(duplicates[0]?.message).toContain('occurs twice in Europe/Paris');
  });

  it('writes the genuine rows when the gap rows come after them, and reads 03:00 as 01:00 UTC', () => {
    const reversed = [...rows].reverse();
    const { records, summary } = exportRecords('interval', 'csv', INTERVAL, reversed.map(intervalRow));
    // Read backwards, the second row of each repeated pair comes first and is the one kept.
    const firstOfPairs = genuine.map((row) =>
      row.local.slice(5, 7) === '10' && row.local.slice(11, 13) === '02'
        ? (rows.find((other) => other.local === row.local && other.kind === 'repeat') ?? row)
        : row,
    );
    expect(numbers(records.map((record) => record.handlingtime))).toEqual(idsOf(firstOfPairs));
    // A gap row after its genuine twin is still compared with it: both findings are its own.
    expect(summary.findingCounts).toMatchObject({ 'dst-gap': 48, 'duplicate-key': 48 + 48 });
    const at2015 = records.find((record) => record.timestamp === '2015-03-29 03:00:00');
    expect(at2015?.timestamp_utc).toBe('2015-03-29T01:00:00.000Z');
  });

  it('keeps both occurrences of the repeated hour when the database returns them with an offset', () => {
    const columns = INTERVAL;
    const offsetRows: CellValue[][] = [
      ['Q1', 'Paris', '2024-10-27 02:30:00+02:00', 5, 4, 1, 'calls'],
      ['Q1', 'Paris', '2024-10-27 02:30:00+01:00', 5, 4, 2, 'calls'],
    ];
    const { records, summary } = exportRecords('interval', 'jsonl', columns, offsetRows);
    expect(records.map((record) => record.timestamp)).toEqual(['2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z']);
    expect(summary.findingCounts).toEqual({});
  });

  it('an invalid twin written first (a negative count) does not cost the valid row with the same key', () => {
    const twins: CellValue[][] = [
      ['Q1', 'Paris', '2024-06-03 08:00:00', -1, 4, 1, 'calls'],
      ['Q1', 'Paris', '2024-06-03 08:00:00', 5, 4, 2, 'calls'],
    ];
    const { records, summary } = exportRecords('interval', 'csv', INTERVAL, twins);
    expect(records.map((record) => record.handlingtime)).toEqual(['2']);
    expect(summary.findingCounts).toEqual({ 'negative-count': 1 });
  });
});

describe('contact and agent-state exports around the spring-forward gap', () => {
  const spring = dstRows().filter((row) => row.local.slice(5, 7) === '03');

  it.each(['csv', 'jsonl'] as const)('%s contacts: every genuine contact is written', (format) => {
    const contacts = spring.map((row): CellValue[] => [row.queue, 'Paris', row.local, 1, row.id, null]);
    const { records, summary } = exportRecords('contact', format, CONTACT, contacts);
    const written = records.map((record) =>
      format === 'csv' ? record.duration : (record.properties as { duration: number }).duration,
    );
    expect(numbers(written)).toEqual(idsOf(spring.filter((row) => row.kind === 'genuine')));
    expect(summary.findingCounts).toEqual({ 'dst-gap': 48 });
  });

  it.each(['csv', 'jsonl'] as const)(
    '%s agent states: a state in the gap does not make the next one overlap',
    (format) => {
      const plan = dstStates();
      const states = plan.map((state): CellValue[] => [state.agent, state.start, state.end, `S${state.id}`]);
      const { records, summary } = exportRecords('agent-states', format, STATES, states);
      const activity = format === 'csv' ? 'activity' : 'activityIdentifier';
      const genuine = plan.filter((state) => state.genuine);
      expect(records.map((record) => record[activity])).toEqual(genuine.map((state) => `S${state.id}`));
      expect(genuine.filter((state) => state.start.endsWith(' 03:00:00'))).toHaveLength(12);
      expect(summary.findingCounts).toEqual({ 'dst-gap': 24 });
    },
  );
});
