import { describe, expect, it } from 'vitest';
import { formatNaive, parseNaiveTimestamp, wallClockNow } from '../../../src-renderer/features/charts/naive-time';

describe('naive wall-clock axis', () => {
  it('reads naive and ISO text as wall-clock seconds, independent of the process time zone', () => {
    expect(parseNaiveTimestamp('1970-01-01 00:00:00')).toBe(0);
    expect(parseNaiveTimestamp('2024-05-01 08:15:00')).toBe(Date.UTC(2024, 4, 1, 8, 15) / 1000);
    expect(parseNaiveTimestamp('2024-05-01T08:15:00')).toBe(parseNaiveTimestamp('2024-05-01 08:15:00'));
    expect(parseNaiveTimestamp('2024-05-01 08:15')).toBe(parseNaiveTimestamp('2024-05-01 08:15:00'));
    expect(parseNaiveTimestamp('2024-05-01T08:15:00.123456Z')).toBe(parseNaiveTimestamp('2024-05-01 08:15:00'));
    expect(parseNaiveTimestamp('2024-05-01')).toBe(Date.UTC(2024, 4, 1) / 1000);
  });

  it('has the DST hour that a local clock skips (Europe, 31 March 2024 02:30)', () => {
    const before = parseNaiveTimestamp('2024-03-31 01:30:00')!;
    const inGap = parseNaiveTimestamp('2024-03-31 02:30:00')!;
    expect(inGap - before).toBe(3600);
    expect(formatNaive(inGap)).toBe('2024-03-31 02:30');
  });

  it('refuses what is not a date', () => {
    for (const text of ['2024-02-30 00:00:00', '2024-13-01 00:00:00', '2024-05-01 24:00:00', 'today', '', '12']) {
      expect(parseNaiveTimestamp(text)).toBeNull();
    }
    expect(parseNaiveTimestamp(1714550400)).toBeNull();
    expect(parseNaiveTimestamp(null)).toBeNull();
  });

  it('formats back with or without seconds', () => {
    expect(formatNaive(parseNaiveTimestamp('2024-05-01 08:15:07')!, true)).toBe('2024-05-01 08:15:07');
  });

  it('gives now on the wall clock of a zone, or of the local clock', () => {
    const instant = new Date(Date.UTC(2024, 6, 1, 10, 0, 0)); // summer: Brussels is UTC+2
    expect(formatNaive(wallClockNow(instant, 'Europe/Brussels'))).toBe('2024-07-01 12:00');
    expect(formatNaive(wallClockNow(instant, 'UTC'))).toBe('2024-07-01 10:00');
    const local = wallClockNow(instant);
    expect(local).toBe(instant.getTime() / 1000 - instant.getTimezoneOffset() * 60);
    expect(wallClockNow(instant, 'Not/AZone')).toBe(local);
  });
});
