import type { IANAZone } from 'luxon';

/**
 * The zones and days on which ZoneClock's offset caches are checked against luxon: DST changes
 * both ways, half-hour DST (Lord Howe), a zone that skipped a whole day (Apia, 2011), and historical
 * shifts by odd minutes and seconds (Brussels leaving its LMT of +00:17:30 in 1892, Kathmandu
 * moving from +05:30 to +05:45 in 1986), and DST that began at midnight (São Paulo 2018). The behaviour test checks the minutes
 * where each cache decides (minutesToCheck); the benchmark walks every minute of the same days.
 */
export const OFFSET_ZONES = [
  'Europe/Brussels',
  'America/New_York',
  'Australia/Lord_Howe',
  'Europe/Amsterdam',
  'Asia/Kathmandu',
  'America/Sao_Paulo',
  'Pacific/Apia',
  'UTC',
] as const;

export const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Midnight UTC of each day; the walk covers the day before, the day and the day after. */
export const CHANGE_DAYS = [
  Date.UTC(2024, 2, 31),
  Date.UTC(2024, 3, 7),
  Date.UTC(2024, 9, 6),
  Date.UTC(2024, 9, 27),
  Date.UTC(2024, 10, 3),
  Date.UTC(1892, 4, 1),
  Date.UTC(1986, 0, 1),
  Date.UTC(2018, 10, 4),
  Date.UTC(2011, 11, 30),
];

/** Every minute of the three days around `day`, in order. */
export function everyMinuteAround(day: number): number[] {
  return Array.from({ length: (3 * DAY) / MINUTE }, (_, i) => day - DAY + i * MINUTE);
}

/**
 * The minutes of the three days around `day` at which one of ZoneClock's caches decides: the first
 * and last minute of every hour (day and hour caches), every minute of an hour in which the offset
 * changes and of the hours beside it (minute cache), and every 37th minute elsewhere. `changes`
 * counts the offset changes found, so a caller can tell the days really hold some.
 */
export function minutesToCheck(rules: IANAZone, day: number): { minutes: number[]; changes: number } {
  const start = day - DAY;
  const hours = (3 * DAY) / HOUR;
  const chosen = new Set<number>();
  let changes = 0;
  for (let hour = 0; hour < hours; hour += 1) {
    const from = start + hour * HOUR;
    const to = from + HOUR - MINUTE;
    chosen.add(from);
    chosen.add(to);
    if (rules.offset(from) === rules.offset(to + MINUTE)) continue;
    changes += 1;
    for (let minute = from - HOUR; minute < to + 2 * HOUR; minute += MINUTE) chosen.add(minute);
  }
  for (let minute = start; minute < start + 3 * DAY; minute += 37 * MINUTE) chosen.add(minute);
  return { minutes: [...chosen].sort((a, b) => a - b), changes };
}
