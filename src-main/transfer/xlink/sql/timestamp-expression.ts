import type { Dialect } from '../../../../src-shared/sql/dialect';
import { DIALECT_LABELS } from '../../../../src-shared/templates/interval-start';
import { sqlString } from './identifiers';
import { isoFormatSeparator, mysqlPattern, parseTimestampFormat, postgresPattern } from './timestamp-format';

/** Xlink's …TimeStampType: 0 text with a …Format key, 1 Unix seconds, 2 a database datetime. */
export type TimestampType = 0 | 1 | 2;

export interface SqlIssue {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface TimestampSql {
  sql: string;
  issues: SqlIssue[];
}

/**
 * The contract wants a datetime; Xlink could read three representations. `column` is already SQL
 * (alias and quotes applied); `what` names the key for messages ("ActivityStartTimeStampColumn").
 */
export function timestampExpression(
  column: string,
  type: TimestampType,
  format: string | undefined,
  dialect: Dialect,
  what: string,
): TimestampSql {
  if (type === 2) return { sql: column, issues: [] };
  if (type === 1) return unixSeconds(column, dialect, what);
  return textTimestamp(column, format, dialect, what);
}

function unixSeconds(column: string, dialect: Dialect, what: string): TimestampSql {
  const sql = {
    postgres: `to_timestamp(${column}) AT TIME ZONE 'UTC'`,
    mysql: `FROM_UNIXTIME(${column})`,
    mssql: `DATEADD(second, ${column}, '1970-01-01')`,
    sqlite: `datetime(${column}, 'unixepoch')`,
    generic: `{fn TIMESTAMPADD(SQL_TSI_SECOND, ${column}, {ts '1970-01-01 00:00:00'})}`,
  }[dialect];
  const mysqlZone =
    dialect === 'mysql'
      ? " FROM_UNIXTIME() answers in the session's time zone, so the login's time zone must be UTC as well."
      : '';
  return {
    sql,
    issues: [
      {
        severity: 'warning',
        message:
          `${what} holds Unix time (seconds since 1970 in UTC): the query turns it into a UTC datetime, so set ` +
          `this system's database time zone to UTC.${mysqlZone}`,
      },
    ],
  };
}

function textTimestamp(column: string, format: string | undefined, dialect: Dialect, what: string): TimestampSql {
  const formatKey = what.replace(/Column$/, 'Format');
  const rawColumn = (why: string): TimestampSql => ({
    sql: column,
    issues: [
      {
        severity: 'error',
        message: `${what} holds text timestamps${format ? ` in the format ${JSON.stringify(format)}` : ''}, and ${why} The query returns the column as it is: convert it to a datetime in the SQL.`,
      },
    ],
  });
  if (format === undefined || format.trim() === '')
    return rawColumn(`${formatKey} is missing, so their format is unknown.`);
  const parts = parseTimestampFormat(format);
  if (parts === undefined) return rawColumn('that format could not be translated.');
  const iso = isoFormatSeparator(parts);
  switch (dialect) {
    case 'postgres':
      return literalCall(
        postgresPattern(parts),
        dialect,
        (pattern) => `to_timestamp(${column}, ${pattern})::timestamp`,
        rawColumn,
      );
    case 'mysql':
      return literalCall(mysqlPattern(parts), dialect, (pattern) => `STR_TO_DATE(${column}, ${pattern})`, rawColumn);
    case 'mssql':
      // Style 120 is yyyy-mm-dd hh:mi:ss, 126 the ISO 8601 form with T; other layouts have no safe style.
      if (iso === undefined)
        return rawColumn(`only ISO formats (yyyy-MM-dd HH:mm:ss) convert reliably in ${DIALECT_LABELS.mssql}.`);
      return { sql: `CONVERT(datetime2, ${column}, ${iso === 'T' ? 126 : 120})`, issues: [] };
    case 'sqlite':
      // SQLite's date functions read ISO text as it is; that is how SQLite stores datetimes.
      if (iso === undefined)
        return rawColumn(`${DIALECT_LABELS.sqlite} reads only ISO text (yyyy-MM-dd HH:mm:ss) as a datetime.`);
      return { sql: column, issues: [] };
    case 'generic':
      if (iso === undefined) {
        return rawColumn('the database behind this DSN is unknown, so no conversion can be written for it.');
      }
      // No conversion of text works on every server ({fn CONVERT(…, SQL_TIMESTAMP)} is a no-op in
      // psqlODBC); ISO text is what the WFM import reads anyway.
      return {
        sql: column,
        issues: [
          {
            severity: 'info',
            message: `${what} holds ISO text timestamps; the query returns them as they are, which the WFM import reads as datetimes.`,
          },
        ],
      };
  }
}

function literalCall(
  pattern: string,
  dialect: Dialect,
  call: (literal: string) => string,
  rawColumn: (why: string) => TimestampSql,
): TimestampSql {
  const literal = sqlString(pattern, dialect);
  if (literal === undefined) return rawColumn('the format cannot be written as a string literal for this database.');
  return { sql: call(literal), issues: [] };
}

/** `start` plus a number of seconds, per dialect; both arguments are SQL. */
export function addSeconds(start: string, seconds: string, dialect: Dialect): string {
  const grouped = /^[\w."`[\]]+$/.test(start) ? start : `(${start})`;
  switch (dialect) {
    case 'postgres':
      return `${grouped} + ${seconds} * interval '1 second'`;
    case 'mysql':
      return `TIMESTAMPADD(SECOND, ${seconds}, ${start})`;
    case 'mssql':
      return `DATEADD(second, ${seconds}, ${start})`;
    case 'sqlite':
      return `datetime(${start}, '+' || ${seconds} || ' seconds')`;
    case 'generic':
      return `{fn TIMESTAMPADD(SQL_TSI_SECOND, ${seconds}, ${start})}`;
  }
}
