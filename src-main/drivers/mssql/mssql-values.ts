/**
 * How SQL Server date-time values must be read, for the preview cursor to come.
 *
 * DATETIME, DATETIME2, SMALLDATETIME and DATE carry no time zone: they are wall-clock values in the
 * integration's database time zone. Tedious returns them as JS Dates, built from the wall-clock
 * fields with `Date.UTC(...)` when `useUTC: true` (its default, which the driver sets explicitly)
 * and with the local-time `new Date(...)` when `useUTC: false`. Local time would shift values
 * that do not exist on this computer (the hour skipped at a daylight-saving change) and make the
 * result depend on the machine's zone. With `useUTC: true` the UTC fields of the Date *are* the
 * stored wall-clock value, so reading them back as text loses nothing and shifts nothing.
 * DATETIMEOFFSET is a real instant and is returned as one; it is not naive.
 */

/** The stored wall-clock value as text: "2024-03-31 02:30:00.000" (up to 7 fraction digits). */
export function naiveDateTimeText(value: Date): string {
  const iso = value.toISOString();
  // Tedious keeps DATETIME2's digits beyond the millisecond in a non-enumerable property, in seconds.
  const delta = (value as Date & { nanosecondsDelta?: unknown }).nanosecondsDelta;
  const ticks = typeof delta === 'number' ? Math.round(delta * 1e7) : 0;
  const extra = ticks > 0 ? String(ticks).padStart(4, '0') : '';
  // Years before 0 or after 9999 do not occur in SQL Server, so the ISO form has a fixed layout.
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${extra}`;
}
