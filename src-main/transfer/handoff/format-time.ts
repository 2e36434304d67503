import { DateTime } from 'luxon';

/** "2026-11-20 14:03 UTC": the sheet states every time in UTC, so it reads the same everywhere. */
export function formatUtcMinute(instant: Date | string): string {
  return format(instant, "yyyy-LL-dd HH:mm 'UTC'");
}

/** Like formatUtcMinute, with seconds when the instant has them (agent states start mid-minute). */
export function formatUtcInstant(instant: Date | string): string {
  const time = toUtc(instant);
  if (!time) return String(instant);
  return time.toFormat(time.second === 0 ? "yyyy-LL-dd HH:mm 'UTC'" : "yyyy-LL-dd HH:mm:ss 'UTC'");
}

function format(instant: Date | string, pattern: string): string {
  return toUtc(instant)?.toFormat(pattern) ?? String(instant);
}

/** Undefined for text that is not an ISO instant (a hand-edited store): the caller shows it raw. */
function toUtc(instant: Date | string): DateTime | undefined {
  const time = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: 'utc' }) : DateTime.fromJSDate(instant);
  return time.isValid ? time.toUTC() : undefined;
}
