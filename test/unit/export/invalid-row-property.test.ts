import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src-shared/contract/api';
import type { ImportType } from '../../../src-shared/contract/model';
import { createRowJudge, createRowsExport, type RowsFileFormat } from '../../../src-shared/export';

// Property: for any rows (valid, invalid, duplicates, overlaps, DST gaps and repeats), adding a
// row that is invalid on its own, anywhere, never changes which of the other rows are written.

const NOW = new Date('2025-06-01T00:00:00Z');
const MINUTE = 60_000;

/** Zones with their DST days of 2024 (gap, repeat), and UTC, which has neither. */
const DAYS: Record<string, string[]> = {
  'Europe/Paris': ['2024-03-31', '2024-10-27', '2024-06-03'],
  'America/New_York': ['2024-03-10', '2024-11-03', '2024-06-03'],
  UTC: ['2024-03-31', '2024-06-03'],
};

/** A naive local time: a day of the zone, 00:00 to 05:45 on the 15-minute grid (gaps and repeats included). */
const localTime = (zone: string) =>
  fc
    .tuple(fc.constantFrom(...(DAYS[zone] ?? [])), fc.integer({ min: 0, max: 23 }))
    .map(([day, slot]) => naive(Date.parse(`${day}T00:00:00Z`) + slot * 15 * MINUTE));

/** Wall-clock ms (UTC arithmetic, so the machine's zone plays no part) as 'YYYY-MM-DD HH:MM:SS'. */
function naive(wallMs: number): string {
  return new Date(wallMs).toISOString().replace('T', ' ').slice(0, 19);
}
const later = (local: string, minutes: number) => naive(Date.parse(`${local.replace(' ', 'T')}Z`) + minutes * MINUTE);

const COLUMNS: Record<ImportType, string[]> = {
  interval: ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime', 'channel'],
  contact: ['queueidentifier', 'queuename', 'timestamp', 'answered', 'duration', 'channel'],
  'agent-states': ['agentidentifier', 'starttime', 'endtime', 'activity'],
};

/** Rows of one import type; mostly plausible, so duplicates and overlaps are common. */
function rowOf(importType: ImportType, zone: string): fc.Arbitrary<CellValue[]> {
  const queue = fc.constantFrom('Q1', 'Q2');
  const channel = fc.constantFrom<CellValue>(null, 'calls', 'chats');
  switch (importType) {
    case 'interval':
      return fc
        .tuple(queue, localTime(zone), fc.nat(9), fc.nat(9), channel)
        .map(([q, time, answered, extra, ch]) => [q, `${q} name`, time, answered + extra, answered, 60, ch]);
    case 'contact':
      return fc
        .tuple(queue, localTime(zone), fc.constantFrom(0, 1), fc.nat(600), channel)
        .map(([q, time, answered, duration, ch]) => [q, `${q} name`, time, answered, duration, ch]);
    case 'agent-states':
      return fc
        .tuple(fc.constantFrom('A1', 'A2'), localTime(zone), fc.constantFrom(0, 15, 30, 60, 120, null))
        .map(([agent, start, length]) => [agent, start, length === null ? null : later(start, length), 'READY']);
  }
}

/** A defect that makes a row an error on its own, whatever the other rows. */
function spoil(importType: ImportType, row: CellValue[], defect: number, zone: string): CellValue[] {
  const copy = [...row];
  const gap = zone === 'America/New_York' ? '2024-03-10 02:30:00' : '2024-03-31 02:30:00';
  const future = '2030-01-01 00:00:00';
  switch (importType) {
    case 'interval':
      [() => (copy[3] = -1), () => (copy[2] = gap), () => (copy[6] = 'fax'), () => (copy[2] = future)][defect % 4]?.();
      break;
    case 'contact':
      [() => (copy[3] = 2), () => (copy[2] = gap), () => (copy[4] = -5), () => (copy[1] = null)][defect % 4]?.();
      break;
    case 'agent-states':
      [
        () => (copy[1] = gap),
        () => (copy[2] = gap),
        () => (copy[2] = later(String(copy[1]), -30)),
        () => (copy[3] = ''),
      ][defect % 4]?.();
      break;
  }
  return copy;
}

const settings = (importType: ImportType, zone: string, format: RowsFileFormat) => ({
  format,
  importType,
  intervalMinutes: 15 as const,
  ruleSet: 'wfm-2024-05' as const,
  timeZone: zone,
  now: NOW,
  includeInvalid: false,
});

/** The rows of `rows` the export writes. */
function written(importType: ImportType, zone: string, format: RowsFileFormat, rows: CellValue[][]): CellValue[][] {
  const pipeline = createRowsExport(COLUMNS[importType], settings(importType, zone, format));
  return rows.filter((row) => pipeline.take(row, () => row) !== undefined);
}

function validAlone(importType: ImportType, zone: string, row: CellValue[]): boolean {
  const judge = createRowJudge({ importType, intervalMinutes: 15, timeZone: zone, now: NOW });
  judge.setColumns(COLUMNS[importType]);
  return judge.addRow(row);
}

const scenario = fc
  .record({
    importType: fc.constantFrom<ImportType>('interval', 'contact', 'agent-states'),
    zone: fc.constantFrom(...Object.keys(DAYS)),
    format: fc.constantFrom<RowsFileFormat>('csv', 'jsonl'),
  })
  .chain(({ importType, zone, format }) =>
    fc.record({
      importType: fc.constant(importType),
      zone: fc.constant(zone),
      format: fc.constant(format),
      rows: fc.array(rowOf(importType, zone), { maxLength: 30 }),
      // Spoils a copy of a generated row, so the invalid row shares its key or agent with others.
      extra: fc.tuple(rowOf(importType, zone), fc.nat(), fc.nat(), fc.nat()),
    }),
  );

describe('an invalid row never costs a valid one', () => {
  it('adding a row that is invalid on its own changes nothing else in the export', () => {
    fc.assert(
      fc.property(scenario, ({ importType, zone, format, rows, extra: [fresh, pick, defect, position] }) => {
        const source = rows.length > 0 && pick % 2 === 0 ? (rows[pick % rows.length] ?? fresh) : fresh;
        const invalid = spoil(importType, source, defect, zone);
        fc.pre(!validAlone(importType, zone, invalid));
        const at = position % (rows.length + 1);
        const withInvalid = [...rows.slice(0, at), invalid, ...rows.slice(at)];
        const before = written(importType, zone, format, rows);
        const after = written(importType, zone, format, withInvalid);
        // Same row objects, same order: the invalid one is left out, every other verdict stands.
        expect(after).toEqual(before);
        expect(after.every((row, index) => row === before[index])).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
