import type { CellValue } from '../../../src-shared/contract/api';

/**
 * The charts' time axis is the database's wall clock, not an instant. A naive timestamp such as
 * '2024-03-31 02:30:00' is turned into "epoch seconds as if the wall clock were UTC" with pure
 * arithmetic (Date.UTC), and the charts format it back in UTC. So nothing depends on the
 * browser's time zone: there is no DST gap or repeated hour on this axis, and every interval is
 * exactly 15 or 30 minutes wide. (Which instant a wall-clock value means is the validation's
 * job, which knows the system's IANA zone.)
 */
const NAIVE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i;

/**
 * Wall-clock seconds of a naive 'YYYY-MM-DD HH:MM:SS' or ISO text, or null when it is not one.
 * A trailing 'Z' or offset is ignored on purpose: the digits are the wall clock the database
 * wrote, and shifting them here would be exactly the silent shift the product forbids.
 */
export function parseNaiveTimestamp(value: CellValue): number | null {
  if (typeof value !== 'string') return null;
  const match = NAIVE.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 April over to 1 May; a value that does not round-trip is not a date.
  if (new Date(millis).getUTCDate() !== day) return null;
  return millis / 1000;
}

/** Wall-clock seconds back to 'YYYY-MM-DD HH:MM' (or with seconds), read in UTC on purpose. */
export function formatNaive(seconds: number, withSeconds = false): string {
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
}

/**
 * "Now" on the same wall-clock axis: the current time as the clock in `timeZone` shows it (the
 * system's IANA zone), or the browser's local clock when no zone is given or it is unknown.
 */
export function wallClockNow(now: Date, timeZone?: string): number {
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).formatToParts(now);
      const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
      return (
        Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) / 1000
      );
    } catch {
      // An unknown zone name falls through to the local clock rather than breaking the chart.
    }
  }
  return Math.floor(now.getTime() / 1000) - now.getTimezoneOffset() * 60;
}
