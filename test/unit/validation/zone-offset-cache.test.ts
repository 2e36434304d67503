import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../src-shared/validation/time-zone';

// ZoneClock keeps offsets per day (or hour, or minute where they change); it must give luxon's
// offset at every minute, including days with DST changes, half-hour DST (Lord Howe) and
// historical shifts by odd minutes and seconds (Amsterdam 1937, LMT).
const ZONES = [
  'Europe/Brussels',
  'America/New_York',
  'Australia/Lord_Howe',
  'Europe/Amsterdam',
  'Asia/Kathmandu',
  'America/Sao_Paulo',
  'Pacific/Apia',
  'UTC',
];
const MINUTE = 60_000;

describe('ZoneClock offsets', () => {
  it('equal the zone rules at every minute of DST-change days, walked in order and out of order', () => {
    for (const zone of ZONES) {
      const clock = new ZoneClock(zone);
      const rules = IANAZone.create(zone);
      const days = [Date.UTC(2024, 2, 31), Date.UTC(2024, 9, 6), Date.UTC(2024, 10, 3), Date.UTC(1937, 6, 1)];
      for (const day of days) {
        const minutes = Array.from({ length: 3 * 24 * 60 }, (_, i) => day - 86_400_000 + i * MINUTE);
        for (const at of [...minutes, ...minutes.reverse()]) expect(clock.offsetAt(at)).toBe(rules.offset(at));
      }
    }
  });

  it('equal the zone rules at random instants from 1900 to 2100', () => {
    const clocks = new Map(ZONES.map((zone) => [zone, new ZoneClock(zone)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1900, 0, 1) / MINUTE, max: Date.UTC(2100, 0, 1) / MINUTE }),
        (zone, minute) => {
          expect(clocks.get(zone)?.offsetAt(minute * MINUTE)).toBe(IANAZone.create(zone).offset(minute * MINUTE));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
