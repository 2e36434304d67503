import { describe, expect, it } from 'vitest';
import { interpretTimestamp } from '../../../src-shared/validation/time-zone';
import { essentials, intervalResult, validate, withCell } from './fixtures';

describe('interpretTimestamp: naive times in the database time zone', () => {
  it.each([
    // Europe/Brussels: clocks go 02:00 → 03:00 on 2026-03-29 and 03:00 → 02:00 on 2026-10-25.
    ['Europe/Brussels', '2026-03-29 02:30:00', '2026-03-29T01:30:00.000Z', ['dst-gap']],
    ['Europe/Brussels', '2026-03-29 01:59:59', '2026-03-29T00:59:59.000Z', []],
    ['Europe/Brussels', '2026-03-29 03:00:00', '2026-03-29T01:00:00.000Z', []],
    ['Europe/Brussels', '2026-10-25 02:30:00', '2026-10-25T00:30:00.000Z', ['dst-repeated']],
    ['Europe/Brussels', '2026-10-25 01:59:00', '2026-10-24T23:59:00.000Z', []],
    ['Europe/Brussels', '2026-10-25 03:00:00', '2026-10-25T02:00:00.000Z', []],
    // America/New_York: 02:00 → 03:00 on 2026-03-08, 02:00 → 01:00 on 2026-11-01.
    ['America/New_York', '2026-03-08 02:30:00', '2026-03-08T07:30:00.000Z', ['dst-gap']],
    ['America/New_York', '2026-11-01 01:30:00', '2026-11-01T05:30:00.000Z', ['dst-repeated']],
    ['America/New_York', '2026-07-01 12:00:00', '2026-07-01T16:00:00.000Z', []],
    ['Asia/Kolkata', '2026-03-19 08:15:00', '2026-03-19T02:45:00.000Z', []],
    ['UTC', '2026-03-29 02:30:00', '2026-03-29T02:30:00.000Z', []],
  ])('%s %s → %s %j', (zone, value, utc, flags) => {
    expect(interpretTimestamp(value, zone)).toEqual({ local: value, utc, flags });
  });

  it('converts values that carry an offset instead of reinterpreting them', () => {
    expect(interpretTimestamp('2026-03-29T02:30:00+02:00', 'Europe/Brussels')).toEqual({
      local: '2026-03-29 01:30:00',
      utc: '2026-03-29T00:30:00.000Z',
      flags: [],
    });
    // The second 02:30 of the fall-back night, made unambiguous by its offset.
    expect(interpretTimestamp('2026-10-25 02:30:00+01', 'Europe/Brussels')).toEqual({
      local: '2026-10-25 02:30:00',
      utc: '2026-10-25T01:30:00.000Z',
      flags: [],
    });
    expect(interpretTimestamp('2026-03-19T07:15:00Z', 'Europe/Brussels')?.local).toBe('2026-03-19 08:15:00');
    expect(interpretTimestamp('2026-03-19 08:15:00-0430', 'UTC')?.utc).toBe('2026-03-19T12:45:00.000Z');
  });

  it('treats Date objects as instants', () => {
    expect(interpretTimestamp(new Date('2026-10-25T01:30:00Z'), 'Europe/Brussels')).toEqual({
      local: '2026-10-25 02:30:00',
      utc: '2026-10-25T01:30:00.000Z',
      flags: [],
    });
  });

  it('reads the naive forms drivers deliver', () => {
    expect(interpretTimestamp('2026-03-19T08:15', 'UTC')?.utc).toBe('2026-03-19T08:15:00.000Z');
    expect(interpretTimestamp('2026-03-19 08:15:00.1234567', 'UTC')).toEqual({
      local: '2026-03-19 08:15:00.123',
      utc: '2026-03-19T08:15:00.123Z',
      flags: [],
    });
  });

  it('returns undefined for values that are not timestamps', () => {
    for (const value of [
      null,
      undefined,
      12,
      '',
      'now',
      '2026-13-01 00:00:00',
      '2026-02-29 00:00:00',
      '2026-03-19',
      new Date(NaN),
    ]) {
      expect(interpretTimestamp(value, 'UTC')).toBeUndefined();
    }
  });

  it('throws for an unknown zone', () => {
    expect(() => interpretTimestamp('2026-03-19 08:15:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('DST findings in a validation run', () => {
  const after = new Date('2026-11-15T00:00:00Z');

  it('dst-gap: a local time that does not exist is an error', () => {
    const summary = validate(
      { importType: 'interval', now: after },
      withCell(intervalResult(), 5, 'timestamp', '2026-03-29 02:30:00'),
    );
    expect(essentials(summary)).toEqual([{ row: 5, column: 'timestamp', rule: 'dst-gap', severity: 'error' }]);
    expect(summary.findings[0]?.message).toContain('does not exist in Europe/Brussels');
    expect(summary.findings[0]?.message).toContain('read as 2026-03-29 03:30:00');
  });

  it('dst-repeated: a local time that occurs twice is a warning', () => {
    const summary = validate(
      { importType: 'interval', now: after },
      withCell(intervalResult(), 5, 'timestamp', '2026-10-25 02:30:00'),
    );
    expect(essentials(summary)).toEqual([{ row: 5, column: 'timestamp', rule: 'dst-repeated', severity: 'warning' }]);
    expect(summary.ok).toBe(true);
  });

  it('America/New_York has its own gap and repeated hour', () => {
    const options = { importType: 'interval' as const, now: after, timeZone: 'America/New_York' };
    expect(essentials(validate(options, withCell(intervalResult(), 5, 'timestamp', '2026-03-08 02:15:00')))).toEqual([
      { row: 5, column: 'timestamp', rule: 'dst-gap', severity: 'error' },
    ]);
    expect(essentials(validate(options, withCell(intervalResult(), 5, 'timestamp', '2026-11-01 01:45:00')))).toEqual([
      { row: 5, column: 'timestamp', rule: 'dst-repeated', severity: 'warning' },
    ]);
  });

  it('a value with an offset inside the gap hour is not flagged', () => {
    const result = withCell(intervalResult(), 5, 'timestamp', '2026-03-29T02:30:00+01:00');
    expect(essentials(validate({ importType: 'interval', now: after }, result))).toEqual([]);
  });
});
