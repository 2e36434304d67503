/**
 * The one tokenizer for ODBC connection strings (`KEY=VALUE;` pairs, `{…}` quoting with `}}` for a
 * literal `}`). Everything else (lint, masking, the contract's secret check) builds on it, so they
 * can never disagree about where a value starts and ends.
 *
 * Rules, and where they differ from a driver manager:
 * - Keys are compared case-insensitively; `key` keeps the user's spelling.
 * - Whitespace around keys and around unbraced values is ignored, but unixODBC keeps it (it would
 *   read `DSN =x` as the key "DSN "), so it earns a `stray-spaces` warning.
 * - `{` after `=` and optional spaces starts a quoted value. unixODBC only quotes right after `=`;
 *   the space is reported by the same warning.
 * - A repeated key keeps its first value (the ODBC specification's rule; unixODBC keeps the last),
 *   with a `duplicate-key` warning because the two disagree.
 * - DSN together with DRIVER or FILEDSN: the one written first is used (ODBC specification and
 *   unixODBC agree), with a `dsn-and-driver` warning.
 *
 * Offsets are 0-based indexes into the JavaScript string. Error messages never quote the text,
 * because the text may hold a password; the offset says where the problem is.
 */

export interface ConnectionStringPair {
  key: string;
  value: string;
}

export type ConnectionStringWarningCode =
  | 'duplicate-key'
  | 'dsn-and-driver'
  | 'stray-spaces'
  | 'empty-value'
  | 'no-driver'
  | 'informix-delimident'
  | 'password-in-string'
  | 'athena-driver-1x';

export interface ConnectionStringWarning {
  code: ConnectionStringWarningCode;
  message: string;
  key?: string;
}

export interface ParsedConnectionString {
  ok: true;
  pairs: ConnectionStringPair[];
  dsn?: string;
  fileDsn?: string;
  driver?: string;
  warnings: ConnectionStringWarning[];
}

export interface ConnectionStringSyntaxError {
  message: string;
  offset: number;
}

export type ConnectionStringParseResult = ParsedConnectionString | { ok: false; error: ConnectionStringSyntaxError };

/** One pair with the positions masking and splicing need. */
export interface ConnectionStringToken extends ConnectionStringPair {
  /** Where the segment starts (just after the previous `;`, or 0). */
  segmentStart: number;
  /** The `;` that ends the segment, or the text's length. */
  segmentEnd: number;
  /** The raw value is text.slice(valueStart, valueEnd): spaces and braces included. */
  valueStart: number;
  valueEnd: number;
  straySpaces: boolean;
}

export type TokenizeResult =
  { ok: true; tokens: ConnectionStringToken[] } | { ok: false; error: ConnectionStringSyntaxError };

/** Characters the ODBC specification forbids in keys. `;` and `=` cannot reach a key here. */
export const FORBIDDEN_KEY_CHARACTERS = '[]{}(),;?*=!@';

/** ASCII whitespace, as C's isspace() sees it in unixODBC. */
export function isSpace(character: string | undefined): boolean {
  return (
    character === ' ' ||
    character === '\t' ||
    character === '\n' ||
    character === '\r' ||
    character === '\v' ||
    character === '\f'
  );
}

export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return text.slice(start, end);
}

function fail(message: string, offset: number): TokenizeResult {
  return { ok: false, error: { message, offset } };
}

/** Splits the text into pairs with positions, or names the first syntax error. Never throws. */
export function tokenizeConnectionString(text: string): TokenizeResult {
  const tokens: ConnectionStringToken[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    const segmentStart = index;
    while (index < length && isSpace(text[index])) index++;
    if (index >= length) break;
    if (text[index] === ';') {
      index++; // an empty segment (";;" or a leading ";") is harmless
      continue;
    }
    const keyStart = index;
    while (index < length && text[index] !== '=' && text[index] !== ';') index++;
    if (index >= length || text[index] === ';') {
      return fail(
        `Character ${keyStart + 1} starts a part with no "=": every part must be KEY=VALUE, separated by ";". ` +
          'A data source is written DSN=name; a value containing ";" is wrapped in braces: KEY={a;b}.',
        keyStart,
      );
    }
    const equals = index;
    const rawKey = text.slice(keyStart, equals);
    const key = trimSpaces(rawKey);
    if (key === '') return fail(`The "=" at character ${equals + 1} has no key before it: write KEY=VALUE.`, equals);
    for (let position = keyStart; position < keyStart + key.length; position++) {
      const character = text[position] ?? '';
      if (FORBIDDEN_KEY_CHARACTERS.includes(character)) {
        return fail(
          `A key contains "${character}" at character ${position + 1}; ODBC keys may not contain any of ${FORBIDDEN_KEY_CHARACTERS}.`,
          position,
        );
      }
    }
    let straySpaces = key.length !== rawKey.length;
    const valueStart = equals + 1;
    let cursor = valueStart;
    while (cursor < length && isSpace(text[cursor])) cursor++;

    if (text[cursor] === '{') {
      if (cursor > valueStart) straySpaces = true;
      const open = cursor;
      const parts: string[] = [];
      let chunkStart = open + 1;
      cursor = open + 1;
      let closed = false;
      while (cursor < length) {
        if (text[cursor] !== '}') {
          cursor++;
        } else if (text[cursor + 1] === '}') {
          parts.push(text.slice(chunkStart, cursor + 1)); // keeps one "}" of the pair
          cursor += 2;
          chunkStart = cursor;
        } else {
          parts.push(text.slice(chunkStart, cursor));
          closed = true;
          break;
        }
      }
      if (!closed) {
        return fail(
          `The value that starts with "{" at character ${open + 1} has no closing "}". ` +
            'Close it with "}", and write "}}" for a "}" inside the value.',
          open,
        );
      }
      const valueEnd = cursor + 1;
      let after = valueEnd;
      while (after < length && isSpace(text[after])) after++;
      if (after < length && text[after] !== ';') {
        return fail(
          `Unexpected text at character ${after + 1}, after the closing "}" of a value: put ";" after the "}", ` +
            'or write "}}" for a "}" inside the value.',
          after,
        );
      }
      tokens.push({ key, value: parts.join(''), segmentStart, segmentEnd: after, valueStart, valueEnd, straySpaces });
      index = after + 1;
    } else {
      let end = valueStart;
      while (end < length && text[end] !== ';') end++;
      const rawValue = text.slice(valueStart, end);
      const value = trimSpaces(rawValue);
      if (value.length !== rawValue.length) straySpaces = true;
      tokens.push({ key, value, segmentStart, segmentEnd: end, valueStart, valueEnd: end, straySpaces });
      index = end + 1;
    }
  }
  return { ok: true, tokens };
}

/** Parses a connection string; syntax errors are values, never exceptions. */
export function parseConnectionString(text: string): ConnectionStringParseResult {
  const tokenized = tokenizeConnectionString(text);
  if (!tokenized.ok) return tokenized;
  const { tokens } = tokenized;
  const parsed: ParsedConnectionString = {
    ok: true,
    pairs: tokens.map(({ key, value }) => ({ key, value })),
    warnings: [],
  };

  const byKey = new Map<string, ConnectionStringToken[]>();
  for (const token of tokens) {
    const lower = token.key.toLowerCase();
    const group = byKey.get(lower);
    if (group) group.push(token);
    else byKey.set(lower, [token]);
  }
  const first = (lower: string) => byKey.get(lower)?.[0];
  const dsn = first('dsn');
  const fileDsn = first('filedsn');
  const driver = first('driver');
  if (dsn) parsed.dsn = dsn.value;
  if (fileDsn) parsed.fileDsn = fileDsn.value;
  if (driver) parsed.driver = driver.value;

  for (const token of tokens) {
    if (!token.straySpaces) continue;
    parsed.warnings.push({
      code: 'stray-spaces',
      key: token.key,
      message:
        `Remove the spaces around "=" and the value of ${token.key}: unixODBC keeps them, so the driver may not ` +
        'recognise the key, may get a value with extra spaces, or may read braces literally. ' +
        'If the spaces belong to the value, wrap it in braces: KEY={ value }.',
    });
  }
  for (const group of byKey.values()) {
    const [head] = group;
    if (!head || group.length < 2) continue;
    parsed.warnings.push({
      code: 'duplicate-key',
      key: head.key,
      message:
        `${head.key} appears ${group.length} times. We use the first value, as the ODBC specification says, ` +
        `but unixODBC uses the last one: keep only one ${head.key}.`,
    });
  }
  if (dsn && (driver || fileDsn)) {
    const rivals = [dsn, driver, fileDsn].filter((token) => token !== undefined);
    const winner = rivals.reduce((a, b) => (b.segmentStart < a.segmentStart ? b : a));
    const ignored = winner === dsn ? rivals.filter((token) => token !== dsn) : [dsn];
    const ignoredKeys = ignored.map((token) => token.key).join(' and ');
    parsed.warnings.push({
      code: 'dsn-and-driver',
      key: ignored[0]?.key ?? dsn.key,
      message:
        `Both ${dsn.key} and ${winner === dsn ? ignoredKeys : winner.key} are set. The driver manager uses the one ` +
        `written first (${winner.key}) and ignores ${ignoredKeys}: remove one of them.`,
    });
  }
  return parsed;
}

/** Whether a value must be brace-quoted to survive a round trip through the parser. */
export function needsBraces(value: string): boolean {
  return /[;{}]/.test(value) || (value.length > 0 && (isSpace(value[0]) || isSpace(value[value.length - 1])));
}

/** `{…}` quoting with every `}` doubled. */
export function braceQuote(value: string): string {
  return `{${value.replaceAll('}', '}}')}}`;
}

/**
 * Builds `KEY=VALUE;` text, brace-quoting exactly the values that need it. A key the parser would
 * not read back as itself (empty, padded with spaces, or with a forbidden character) is a
 * programming error, so it throws rather than produce a string that means something else.
 */
export function buildConnectionString(pairs: readonly ConnectionStringPair[]): string {
  return pairs
    .map(({ key, value }) => {
      if (key === '' || trimSpaces(key) !== key || [...FORBIDDEN_KEY_CHARACTERS].some((c) => key.includes(c))) {
        throw new RangeError(`"${key}" cannot be a connection-string key`);
      }
      return `${key}=${needsBraces(value) ? braceQuote(value) : value};`;
    })
    .join('');
}
