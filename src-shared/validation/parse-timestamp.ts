/**
 * Reads the timestamp texts drivers deliver: naive `YYYY-MM-DD HH:MM[:SS[.fffffffff]]` (SQLite TEXT,
 * ODBC strings, SQL Server datetime2 with 7 digits) and ISO 8601 with `T`, `Z` or an offset
 * (`+01`, `+0100`, `+01:00`, as PostgreSQL prints timestamptz). A hand-written parser, because a
 * full validation run parses millions of them and must say exactly which ones carry an offset.
 */

export interface TimestampFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Digits beyond milliseconds that are not zero: such a value cannot be on the interval grid. */
  subMillisecond: boolean;
  /** Minutes east of UTC when the text carries an offset; undefined for a naive (wall-clock) value. */
  offsetMinutes: number | undefined;
}

const PATTERN =
  /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?\s*$/;

export function parseTimestampText(text: string): TimestampFields | undefined {
  const match = PATTERN.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offsetHours, offsetMins] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const digits = fraction ?? '';
  const millisecond = Number(digits.slice(0, 3).padEnd(3, '0'));
  const subMillisecond = /[1-9]/.test(digits.slice(3));
  let offsetMinutes: number | undefined;
  if (zulu !== undefined) offsetMinutes = 0;
  if (sign !== undefined) {
    const hours = Number(offsetHours);
    const minutes = offsetMins === undefined ? 0 : Number(offsetMins);
    if (hours > 14 || minutes > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return { year, month, day, hour, minute, second, millisecond, subMillisecond, offsetMinutes };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall-clock fields as if they were UTC: the engine's representation of a local time. */
export function wallClockMs(fields: TimestampFields): number {
  const date = new Date(0);
  // setUTCFullYear keeps years below 100 literal, which Date.UTC would map to 19xx.
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(fields.hour, fields.minute, fields.second, fields.millisecond);
  return date.getTime();
}

/** 'YYYY-MM-DD HH:MM:SS', with '.fff' only when there are milliseconds; the form admins type in SQL. */
export function formatWallClock(wallMs: number): string {
  const iso = new Date(wallMs).toISOString();
  const base = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return iso.slice(20, 23) === '000' ? base : `${base}.${iso.slice(20, 23)}`;
}
