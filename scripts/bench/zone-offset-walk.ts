import { IANAZone } from 'luxon';
import { ZoneClock } from '../../src-shared/validation/time-zone';
import { CHANGE_DAYS, OFFSET_ZONES, everyMinuteAround } from './zone-offset-cases';

export interface ZoneOffsetWalk {
  zones: number;
  days: number;
  /** Offsets compared: every minute of three days around each change day, walked forwards and backwards. */
  lookups: number;
  mismatches: number;
  /** The first few, as `zone instant: ours vs luxon`. */
  examples: string[];
  /** Mean cost of one offset through ZoneClock's caches and straight from luxon (Intl), in nanoseconds. */
  zoneClockNs: number;
  luxonNs: number;
}

/**
 * The exhaustive check behind test/unit/validation/zone-offset-cache.test.ts: ZoneClock's offset at
 * every minute of the change days against luxon's, walked in order and in reverse with a fresh
 * clock each way (the caches must not depend on the order they were filled in). It also times both
 * sides, which is what the caches are for.
 */
export function walkZoneOffsets(): ZoneOffsetWalk {
  let lookups = 0;
  let clockNs = 0n;
  let luxonNs = 0n;
  const examples: string[] = [];
  let mismatches = 0;
  for (const zone of OFFSET_ZONES) {
    const rules = IANAZone.create(zone);
    for (const day of CHANGE_DAYS) {
      const minutes = everyMinuteAround(day);
      for (const order of [minutes, [...minutes].reverse()]) {
        const clock = new ZoneClock(zone);
        const began = process.hrtime.bigint();
        const ours = order.map((at) => clock.offsetAt(at));
        const middle = process.hrtime.bigint();
        const theirs = order.map((at) => rules.offset(at));
        luxonNs += process.hrtime.bigint() - middle;
        clockNs += middle - began;
        lookups += order.length;
        order.forEach((at, index) => {
          if (ours[index] === theirs[index]) return;
          mismatches += 1;
          if (examples.length < 5)
            examples.push(`${zone} ${new Date(at).toISOString()}: ${ours[index]} vs ${theirs[index]}`);
        });
      }
    }
  }
  return {
    zones: OFFSET_ZONES.length,
    days: CHANGE_DAYS.length,
    lookups,
    mismatches,
    examples,
    zoneClockNs: Math.round(Number(clockNs) / lookups),
    luxonNs: Math.round(Number(luxonNs) / lookups),
  };
}
