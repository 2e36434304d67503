import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../src-shared/validation/time-zone';
import { CHANGE_DAYS, MINUTE, OFFSET_ZONES, minutesToCheck } from '../../../scripts/bench/zone-offset-cases';

// ZoneClock keeps offsets per day (or hour, or minute where they change); it must give luxon's
// offset wherever each of those caches decides: at every minute of an hour in which the offset
// changes, at both ends of every hour and day around a change, and at random instants. The walk of
// every minute of these days is the benchmark's (scripts/bench/zone-offset-walk.ts): it is the
// same rules, checked 30 times more densely, and too slow for a behaviour test on a busy machine.

describe('ZoneClock offsets', () => {
  it('equal the zone rules around DST changes, half-hour DST and odd-minute shifts, walked in order and out of order', () => {
    let changesSeen = 0;
    for (const zone of OFFSET_ZONES) {
      const rules = IANAZone.create(zone);
      for (const day of CHANGE_DAYS) {
        const { minutes, changes } = minutesToCheck(rules, day);
        changesSeen += changes;
        // A fresh clock per direction: the caches must not depend on the order they were filled in.
        for (const order of [minutes, [...minutes].reverse()]) {
          const clock = new ZoneClock(zone);
          for (const at of order)
            expect(clock.offsetAt(at), `${zone} ${new Date(at).toISOString()}`).toBe(rules.offset(at));
        }
      }
    }
    // The days were chosen for their changes: without any, the walk above would test only the day cache.
    expect(changesSeen).toBeGreaterThanOrEqual(12);
  });

  it('equal the zone rules at random instants from 1900 to 2100', () => {
    const clocks = new Map(OFFSET_ZONES.map((zone) => [zone, new ZoneClock(zone)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...OFFSET_ZONES),
        fc.integer({ min: Date.UTC(1900, 0, 1) / MINUTE, max: Date.UTC(2100, 0, 1) / MINUTE }),
        (zone, minute) => {
          expect(clocks.get(zone)?.offsetAt(minute * MINUTE)).toBe(IANAZone.create(zone).offset(minute * MINUTE));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
