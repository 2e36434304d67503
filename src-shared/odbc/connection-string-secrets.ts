import {
  braceQuote,
  type ConnectionStringPair,
  type ConnectionStringSyntaxError,
  isSpace,
  type ParsedConnectionString,
  tokenizeConnectionString,
} from './connection-string-syntax';

/**
 * Secrets in connection strings: which keys hold one, masking them for display and logs, and
 * adding the stored password at connect time. Masking never throws and, for text that does not
 * parse, falls back to a deliberately greedy scan: hiding too much is a nuisance, showing a
 * password is a leak.
 */

export const MASK = '***';

/** The keys the password field replaces: a value here means a password stored in clear text. */
const PASSWORD_KEYS = new Set(['pwd', 'password', 'pass', 'passwd']);

/**
 * Keys whose value is masked. Broader than the password keys: any key ending in pwd, pass,
 * password, passphrase, secret, token, key or credential(s) (ClientSecret, AccessToken, APIKey,
 * SSLKey, PRIV_KEY_FILE_PWD…), plus Authentication as asked in issue 3. UID, SERVER, DATABASE and
 * DELIMIDENT end in none of these.
 */
const SECRET_KEY = /(pwd|passwd|pass|password|passphrase|secret|token|key|credentials?)$/i;

export function isPasswordKey(key: string): boolean {
  return PASSWORD_KEYS.has(key.trim().toLowerCase());
}

export function isSecretKey(key: string): boolean {
  const trimmed = key.trim();
  return SECRET_KEY.test(trimmed) || trimmed.toLowerCase() === 'authentication';
}

interface Span {
  start: number;
  end: number;
}

interface KeyHit extends Span {
  /** The word just before "=", as written. */
  key: string;
}

const WORD_CHARACTER = /[A-Za-z0-9_]/;
/** What the next pair looks like; a ";" not followed by one is taken to be part of the value. */
const NEXT_KEY = /[\s;]*[A-Za-z][A-Za-z0-9_ ]*=/y;

/** Where a value that starts at `from` ends, guessed generously for text that does not parse. */
function greedyValueEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text[index])) index++;
  if (text[index] === '{') {
    index++;
    while (index < text.length) {
      if (text[index] === '}' && text[index + 1] === '}') index += 2;
      else if (text[index] === '}') break;
      else index++;
    }
    if (index >= text.length) return text.length; // unterminated: everything after "{" is the value
    index++;
  }
  for (;;) {
    const semicolon = text.indexOf(';', index);
    if (semicolon === -1) return text.length;
    NEXT_KEY.lastIndex = semicolon + 1;
    if (NEXT_KEY.test(text)) return semicolon;
    index = semicolon + 1;
  }
}

/**
 * Every `word=` whose word passes `test`, wherever it is (inside braces too, since the structure
 * of broken text cannot be trusted), with the span of the value that follows.
 */
function scanKeyHits(text: string, test: (key: string) => boolean): KeyHit[] {
  const hits: KeyHit[] = [];
  for (let equals = text.indexOf('='); equals !== -1; equals = text.indexOf('=', equals + 1)) {
    let wordEnd = equals;
    while (wordEnd > 0 && isSpace(text[wordEnd - 1])) wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > 0 && WORD_CHARACTER.test(text[wordStart - 1] ?? '')) wordStart--;
    const key = text.slice(wordStart, wordEnd);
    if (key !== '' && test(key)) hits.push({ key, start: equals + 1, end: greedyValueEnd(text, equals + 1) });
  }
  return hits;
}

/** Whether a value itself looks like it carries a secret assignment (a "PWD=…" inside braces). */
function embedsSecret(value: string): boolean {
  return scanKeyHits(value, isSecretKey).length > 0;
}

/** The raw spans (braces included) of every secret value in the text. Never throws. */
export function secretValueSpans(text: string): Span[] {
  const tokenized = tokenizeConnectionString(text);
  const spans = tokenized.ok
    ? tokenized.tokens
        .filter((token) => isSecretKey(token.key) || embedsSecret(token.value))
        .map((token) => ({ start: token.valueStart, end: token.valueEnd }))
    : scanKeyHits(text, isSecretKey);
  return mergeSpans(spans);
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The text with every secret value replaced by `***`, and `offset` (a position in the original,
 * such as a syntax error's) moved to the same place in the masked text; an offset inside a secret
 * points at its mask.
 */
export function maskConnectionStringAt(text: string, offset: number): { text: string; offset: number } {
  let masked = '';
  let cursor = 0;
  let movedOffset = offset;
  for (const span of secretValueSpans(text)) {
    masked += text.slice(cursor, span.start);
    if (offset >= span.end) movedOffset += MASK.length - (span.end - span.start);
    else if (offset >= span.start) movedOffset = masked.length;
    masked += MASK;
    cursor = span.end;
  }
  return { text: masked + text.slice(cursor), offset: movedOffset };
}

/** The text with every secret value replaced by `***`, whether or not it parses. Never throws. */
export function maskConnectionString(text: string): string {
  return maskConnectionStringAt(text, 0).text;
}

export function maskPairs(pairs: readonly ConnectionStringPair[]): ConnectionStringPair[] {
  return pairs.map(({ key, value }) => ({
    key,
    value: isSecretKey(key) || embedsSecret(value) ? MASK : value,
  }));
}

/** A parse result fit for display: pairs masked, and dsn/driver taken from the masked pairs. */
export function maskParsed(parsed: ParsedConnectionString): ParsedConnectionString {
  const pairs = maskPairs(parsed.pairs);
  const first = (lower: string) => pairs.find((pair) => pair.key.toLowerCase() === lower)?.value;
  const masked: ParsedConnectionString = { ok: true, pairs, warnings: parsed.warnings };
  const dsn = first('dsn');
  const fileDsn = first('filedsn');
  const driver = first('driver');
  if (dsn !== undefined) masked.dsn = dsn;
  if (fileDsn !== undefined) masked.fileDsn = fileDsn;
  if (driver !== undefined) masked.driver = driver;
  return masked;
}

/**
 * The password keys (PWD, Password, Pass, Passwd) in the text, as written. Text that parses is
 * read by its structure (a "PWD=" inside a braced value is not a key); other text is scanned
 * greedily, so a password is never missed because of a typo elsewhere. Never throws.
 */
export function passwordKeysIn(text: string): string[] {
  const tokenized = tokenizeConnectionString(text);
  const keys = tokenized.ok
    ? tokenized.tokens.map((token) => token.key).filter(isPasswordKey)
    : scanKeyHits(text, isPasswordKey).map((hit) => hit.key);
  return [...new Set(keys)];
}

/** Thrown by withPassword for text that does not parse; carries no part of the text. */
export class ConnectionStringError extends Error {
  readonly offset: number;
  constructor(error: ConnectionStringSyntaxError) {
    super(error.message);
    this.name = 'ConnectionStringError';
    this.offset = error.offset;
  }
}

/**
 * The connection string with the stored password spliced in as `PWD={…}` (always brace-quoted),
 * for connect time only: the stored string never holds it. Any password key already present is
 * removed so exactly one remains; the rest of the text is kept as written. Throws
 * ConnectionStringError when the text does not parse, because appending to broken text could put
 * the password inside another value.
 */
export function withPassword(text: string, password: string): string {
  const tokenized = tokenizeConnectionString(text);
  if (!tokenized.ok) throw new ConnectionStringError(tokenized.error);
  let kept = '';
  let cursor = 0;
  for (const token of tokenized.tokens) {
    if (!isPasswordKey(token.key)) continue;
    kept += text.slice(cursor, token.segmentStart);
    cursor = Math.min(text.length, token.segmentEnd + 1);
  }
  kept += text.slice(cursor);
  const last = [...kept].reverse().find((character) => !isSpace(character));
  const separator = last === undefined || last === ';' ? '' : ';';
  return `${kept}${separator}PWD=${braceQuote(password)};`;
}
