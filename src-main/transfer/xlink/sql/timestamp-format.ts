/**
 * Xlink's …TimeStampFormat for text timestamps. Files carry either strftime-like patterns
 * (%Y-%m-%d %H:%M:%S) or .NET-like ones (yyyy-MM-dd HH:mm:ss); both are read into one list of
 * parts and written again as each database's own pattern.
 */

export type FormatField =
  | 'year4'
  | 'year2'
  | 'month2'
  | 'monthName3'
  | 'day2'
  | 'hour24'
  | 'hour12'
  | 'minute'
  | 'second'
  | 'fraction'
  | 'ampm';

export type FormatPart = { field: FormatField } | { literal: string };

const STRFTIME: Readonly<Record<string, FormatField>> = {
  Y: 'year4',
  y: 'year2',
  m: 'month2',
  b: 'monthName3',
  d: 'day2',
  H: 'hour24',
  I: 'hour12',
  M: 'minute',
  S: 'second',
  f: 'fraction',
  p: 'ampm',
};

/** Longest tokens first, so "yyyy" is not read as two "yy". */
const DOTNET: readonly [string, FormatField][] = [
  ['yyyy', 'year4'],
  ['MMM', 'monthName3'],
  ['fff', 'fraction'],
  ['yy', 'year2'],
  ['MM', 'month2'],
  ['dd', 'day2'],
  ['HH', 'hour24'],
  ['hh', 'hour12'],
  ['mm', 'minute'],
  ['ss', 'second'],
  ['tt', 'ampm'],
];

/** The parts of a format, or undefined when it uses something we cannot translate. */
export function parseTimestampFormat(format: string): FormatPart[] | undefined {
  const parts = format.includes('%') ? parseStrftime(format) : parseDotNet(format);
  if (parts === undefined || !parts.some((part) => 'field' in part)) return undefined;
  return mergeLiterals(parts);
}

function parseStrftime(format: string): FormatPart[] | undefined {
  const parts: FormatPart[] = [];
  for (let index = 0; index < format.length; index++) {
    const char = format[index] ?? '';
    if (char !== '%') {
      parts.push({ literal: char });
      continue;
    }
    const code = format[++index];
    if (code === '%') parts.push({ literal: '%' });
    else if (code !== undefined && STRFTIME[code] !== undefined) parts.push({ field: STRFTIME[code] });
    else return undefined;
  }
  return parts;
}

function parseDotNet(format: string): FormatPart[] | undefined {
  const parts: FormatPart[] = [];
  let index = 0;
  while (index < format.length) {
    const token = DOTNET.find(([text]) => format.startsWith(text, index));
    if (token) {
      parts.push({ field: token[1] });
      index += token[0].length;
      // More fraction digits (ffffff) are still "the fraction".
      if (token[1] === 'fraction') while (format[index] === 'f') index++;
      continue;
    }
    const char = format[index] ?? '';
    // Any other letter is a pattern .NET knows and we do not (ddd, MMMM, zzz…): refuse, not guess.
    if (/[A-Za-z]/.test(char) && char !== 'T') return undefined;
    parts.push({ literal: char });
    index++;
  }
  return parts;
}

function mergeLiterals(parts: FormatPart[]): FormatPart[] {
  const merged: FormatPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ('literal' in part && last && 'literal' in last) last.literal += part.literal;
    else merged.push({ ...part });
  }
  return merged;
}

/** `yyyy-MM-dd HH:mm:ss` (or with T, and optional fraction): what every database reads without a pattern. */
export function isoFormatSeparator(parts: readonly FormatPart[]): ' ' | 'T' | undefined {
  const shape = parts.map((part) => ('field' in part ? `<${part.field}>` : part.literal)).join('');
  const match = /^<year4>-<month2>-<day2>([ T])<hour24>:<minute>:<second>(?:\.<fraction>)?$/.exec(shape);
  return match?.[1] === ' ' || match?.[1] === 'T' ? match[1] : undefined;
}

const POSTGRES: Readonly<Record<FormatField, string>> = {
  year4: 'YYYY',
  year2: 'YY',
  month2: 'MM',
  monthName3: 'Mon',
  day2: 'DD',
  hour24: 'HH24',
  hour12: 'HH12',
  minute: 'MI',
  second: 'SS',
  fraction: 'US',
  ampm: 'AM',
};

/** A to_timestamp() pattern; literal letters go in double quotes so they are not read as fields. */
export function postgresPattern(parts: readonly FormatPart[]): string {
  return parts
    .map((part) =>
      'field' in part ? POSTGRES[part.field] : part.literal.replace(/[A-Za-z]+/g, (letters) => `"${letters}"`),
    )
    .join('');
}

const MYSQL: Readonly<Record<FormatField, string>> = {
  year4: '%Y',
  year2: '%y',
  month2: '%m',
  monthName3: '%b',
  day2: '%d',
  hour24: '%H',
  hour12: '%h',
  minute: '%i',
  second: '%s',
  fraction: '%f',
  ampm: '%p',
};

/** A STR_TO_DATE() pattern. */
export function mysqlPattern(parts: readonly FormatPart[]): string {
  return parts.map((part) => ('field' in part ? MYSQL[part.field] : part.literal.replaceAll('%', '%%'))).join('');
}
