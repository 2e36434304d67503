import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, UTF8_BOM } from '../../../src-shared/export';
import { createCsvRows } from '../../../src-shared/export/csv-rows';

describe('CSV fields (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['crlf\r\n', '"crlf\r\n"'],
    [' leading', '" leading"'],
    ['trailing ', '"trailing "'],
    ['\ttab', '"\ttab"'],
    ['inner space', 'inner space'],
    ['', '""'],
    ['Zoë ☎', 'Zoë ☎'],
  ])('%j is written as %j', (text, written) => {
    expect(csvField(text)).toBe(written);
  });

  it('writes NULL as nothing, unlike the empty string', () => {
    expect(csvLine([null, '', 'x'])).toBe(',"",x\r\n');
  });

  it('round-trips any table of texts through csv-parse', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', '\t', 'é', '☎', '😀', '0') });
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((width) =>
        fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 20 }),
      );
    fc.assert(
      fc.property(table, (rows) => {
        const text = rows.map(csvLine).join('');
        const parsed = parse(text, { relax_column_count: false }) as string[][];
        expect(parsed).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any unicode text, one field per line', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 10 }), (values) => {
        const parsed = parse(values.map((value) => csvLine([value])).join('')) as string[][];
        expect(parsed.map((row) => row[0])).toEqual(values);
      }),
    );
  });
});

describe('CSV rows', () => {
  const columns = ['QueueIdentifier', 'timestamp', 'offered', 'blob', 'note'];

  it('writes the header, a UTC column beside the timestamp, and cells as the grid shows them', () => {
    const csv = createCsvRows(columns, { timeZone: 'Europe/Brussels' });
    expect(csv.preamble).toBe('QueueIdentifier,timestamp,timestamp_utc,offered,blob,note\r\n');
    expect(csv.row(['Q1', '2026-07-01 12:00:00', { $bigint: '9007199254740993' }, { $bytes: 'AAEC/w==' }, null])).toBe(
      'Q1,2026-07-01 12:00:00,2026-07-01T10:00:00.000Z,9007199254740993,AAEC/w==,\r\n',
    );
    expect(csv.row([7, 'not a time', true, null, 'a, "b"'])).toBe('7,not a time,,true,,"a, ""b"""\r\n');
  });

  it('adds starttime_utc and endtime_utc for agent states; an open state has an empty end', () => {
    const csv = createCsvRows(['agentidentifier', 'StartTime', 'endtime', 'activity'], { timeZone: 'UTC' });
    expect(csv.preamble).toBe('agentidentifier,StartTime,starttime_utc,endtime,endtime_utc,activity\r\n');
    expect(csv.row(['A1', '2026-03-02T08:00:00+01:00', null, 'READY'])).toBe(
      'A1,2026-03-02T08:00:00+01:00,2026-03-02T07:00:00.000Z,,,READY\r\n',
    );
  });

  it('puts a byte-order mark first only when asked (for Excel)', () => {
    expect(createCsvRows(['a'], { timeZone: 'UTC', bom: true }).preamble).toBe(`${UTF8_BOM}a\r\n`);
    expect(createCsvRows(['a'], { timeZone: 'UTC' }).preamble.startsWith(UTF8_BOM)).toBe(false);
    const parsed = parse(`${UTF8_BOM}a,b\r\n1,2\r\n`, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toEqual([{ a: '1', b: '2' }]);
  });
});
