/**
 * The start of the 15- or 30-minute interval a timestamp falls in, per SQL dialect. There is no
 * portable SQL for this, so templates embed the expression of the connection's dialect and list
 * the others in a comment. Every form works on the naive wall-clock value (no time zone
 * conversion), so a contact at 10:07 local time lands in the 10:00 local interval.
 */
import type { Dialect } from '../sql/dialect';

export type IntervalMinutes = 15 | 30;

/** The dialects with a known expression; `generic` (an unknown ODBC server) has none. */
export type KnownDialect = Exclude<Dialect, 'generic'>;

export const DIALECT_LABELS: Readonly<Record<Dialect, string>> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL/MariaDB',
  mssql: 'SQL Server',
  sqlite: 'SQLite',
  generic: 'Other (ODBC)',
};

export function intervalStartExpression(dialect: KnownDialect, column: string, minutes: IntervalMinutes): string {
  switch (dialect) {
    // date_bin() is shorter but needs PostgreSQL 14; this form works on every supported version.
    case 'postgres':
      return `date_trunc('hour', ${column}) + floor(extract(minute FROM ${column}) / ${minutes}) * interval '${minutes} minutes'`;
    // TIMESTAMP(date, time) returns a DATETIME; DATE_FORMAT-based forms return text.
    case 'mysql':
      return `TIMESTAMP(DATE(${column}), MAKETIME(HOUR(${column}), FLOOR(MINUTE(${column}) / ${minutes}) * ${minutes}, 0))`;
    // Minutes since 1900-01-01 with integer division; DATE_BUCKET needs SQL Server 2022.
    case 'mssql':
      return `DATEADD(minute, DATEDIFF(minute, 0, ${column}) / ${minutes} * ${minutes}, 0)`;
    // Timestamps are text in SQLite; going through Unix seconds and back as UTC shifts nothing.
    case 'sqlite':
      return `datetime(CAST(strftime('%s', ${column}) AS INTEGER) / ${minutes * 60} * ${minutes * 60}, 'unixepoch')`;
  }
}

const KNOWN_DIALECTS: readonly KnownDialect[] = ['postgres', 'mysql', 'mssql', 'sqlite'];

/** SQL comment lines giving the expression in every known dialect, for admins on another database. */
export function intervalStartNotes(column: string, minutes: IntervalMinutes): string[] {
  return KNOWN_DIALECTS.map(
    (dialect) => `--   ${`${DIALECT_LABELS[dialect]}:`.padEnd(15)}${intervalStartExpression(dialect, column, minutes)}`,
  );
}
