import pg from 'pg';

/**
 * Type parsers that keep dates and timestamps as text. pg's defaults turn a naive `timestamp` into
 * a Date in the *driver machine's* time zone, which silently shifts ACD history; the product
 * interprets naive timestamps in the integration's time zone instead. Scoped to our clients (not
 * pg.types.setTypeParser), so nothing else in the process changes.
 */
const OID = {
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  dateArray: 1182,
  timestampArray: 1115,
  timestamptzArray: 1185,
  textArray: 1009,
} as const;

type Parser = (value: string) => unknown;

const keepText: Parser = (value) => value;
// pg's own parser for text[] (its typings only accept the builtin scalar type ids).
const builtinParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => Parser;
const parseTextArray = builtinParser(OID.textArray, 'text') as (value: string) => (string | null)[];

/**
 * `2024-03-31 02:00:00.5+02` (PostgreSQL's ISO output) → `2024-03-31T02:00:00.5+02:00` (ISO 8601),
 * offset kept as the server wrote it. `infinity` and BC dates have no ISO form and stay as they are.
 */
export function timestamptzToIso(value: string): string {
  const match = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?(?::(\d{2}))?$/.exec(
    value,
  );
  if (match === null) return value;
  const [, date, time, hours, minutes, seconds] = match;
  return `${date}T${time}${hours}:${minutes ?? '00'}${seconds === undefined ? '' : `:${seconds}`}`;
}

const parsers = new Map<number, Parser>([
  [OID.date, keepText],
  [OID.timestamp, keepText],
  [OID.timestamptz, timestamptzToIso],
  [OID.dateArray, parseTextArray],
  [OID.timestampArray, parseTextArray],
  [
    OID.timestamptzArray,
    (value) => parseTextArray(value).map((item) => (item === null ? null : timestamptzToIso(item))),
  ],
]);

export const textDateTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text' && parsers.has(oid)
      ? parsers.get(oid)
      : builtinParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};
