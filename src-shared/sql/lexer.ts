import type { LexFlavour } from './dialect';

/**
 * A tokenizer that knows only what can hide a semicolon or a keyword from a naive search:
 * strings, quoted identifiers and comments. It does not parse; the statement guard needs to know
 * which characters are code, and which code words and symbols follow one another.
 */
export type TokenKind = 'word' | 'identifier' | 'string' | 'number' | 'symbol' | 'semicolon' | 'comment';

export interface Token {
  kind: TokenKind;
  /** Offsets into the text, in UTF-16 code units; `end` is exclusive. */
  start: number;
  end: number;
  text: string;
}

export type LexErrorCode =
  'unterminated-string' | 'unterminated-identifier' | 'unterminated-comment' | 'lone-carriage-return';

export interface LexError {
  code: LexErrorCode;
  /** Where the unclosed string or comment starts, or where the lone carriage return is. */
  offset: number;
  message: string;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: LexError };

/** 1-based line of an offset; `\r\n` and `\n` both end a line. */
export function lineOf(sql: string, offset: number): number {
  let line = 1;
  const stop = Math.min(offset, sql.length);
  for (let i = 0; i < stop; i++) if (sql.charCodeAt(i) === 10) line++;
  return line;
}

const isWordStart = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 128;
const isWordPart = (code: number): boolean => isWordStart(code) || (code >= 48 && code <= 57) || code === 36;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
// Unicode spaces split words too: a server that reads U+00A0 as a space would otherwise see a
// keyword we took for part of a name. Splitting where a server does not only shows us more words.
const isSpace = (sql: string, i: number, code: number): boolean =>
  code <= 32 || code === 0x85 || (code >= 128 && /\s/.test(sql[i] ?? ''));
// A number ends where a word starts: SQL Server reads `1DELETE` as `1 DELETE`.
const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/y;
// PostgreSQL: `$` then an optional tag that does not start with a digit, then `$`.
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

class Unterminated {
  constructor(readonly error: LexError) {}
}

/** Splits `sql` into tokens as `flavour` reads it. Never throws: bad input gives an error result. */
export function tokenize(sql: string, flavour: LexFlavour): LexResult {
  try {
    return { ok: true, tokens: scan(sql, flavour) };
  } catch (failure) {
    if (failure instanceof Unterminated) return { ok: false, error: failure.error };
    throw failure;
  }
}

function scan(sql: string, flavour: LexFlavour): Token[] {
  const tokens: Token[] = [];
  const n = sql.length;
  const fail = (code: LexErrorCode, offset: number, what: string): never => {
    const line = lineOf(sql, offset);
    const message =
      code === 'lone-carriage-return'
        ? `Line ${line} holds a comment with a lone carriage return; databases disagree on where such a comment ` +
          'ends, so replace it with a line break.'
        : `The ${what} that starts on line ${line} is never closed.`;
    throw new Unterminated({ code, offset, message });
  };
  const push = (kind: TokenKind, start: number, end: number): void => {
    tokens.push({ kind, start, end, text: sql.slice(start, end) });
  };
  // Open MySQL `/*!` sections: their contents are code, and the matching `*/` closes them.
  let executableDepth = 0;
  let executableStart = 0;
  let i = 0;
  while (i < n) {
    const code = sql.charCodeAt(i);
    const next = i + 1 < n ? sql.charCodeAt(i + 1) : -1;
    const char = sql[i];
    if (isSpace(sql, i, code)) {
      i++;
    } else if (isLineComment(sql, i, flavour)) {
      const end = lineEnd(sql, i);
      // PostgreSQL ends a line comment at \r, MySQL and SQLite only at \n: a lone \r is ambiguous.
      const carriage = sql.slice(i, end).replace(/\r$/, '').indexOf('\r');
      if (carriage >= 0) fail('lone-carriage-return', i + carriage, 'comment');
      push('comment', i, end);
      i = end;
    } else if (char === '/' && next === 42) {
      const marker = flavour.executableComments ? /\/\*M?!\d*/y : undefined;
      if (marker !== undefined) marker.lastIndex = i;
      const match = marker?.exec(sql);
      if (match) {
        // Executed by MySQL/MariaDB when its version is at least the number; we cannot know
        // the version, so the contents always count as code.
        if (executableDepth === 0) executableStart = i;
        executableDepth++;
        push('comment', i, i + match[0].length);
        i += match[0].length;
      } else {
        const end = blockCommentEnd(sql, i, flavour.nestedBlockComments);
        if (end < 0) fail('unterminated-comment', i, '/* comment');
        push('comment', i, end);
        i = end;
      }
    } else if (char === '*' && next === 47 && executableDepth > 0) {
      executableDepth--;
      push('comment', i, i + 2);
      i += 2;
    } else if (char === '{' && flavour.braceComments) {
      const close = sql.indexOf('}', i + 1);
      if (close < 0) fail('unterminated-comment', i, '{ comment');
      push('comment', i, close + 1);
      i = close + 1;
    } else if (char === "'") {
      i = quoted(sql, i, "'", flavour.backslashEscapes, 'string', push, fail);
    } else if (char === '"') {
      const kind = flavour.doubleQuotedStrings ? 'string' : 'identifier';
      i = quoted(sql, i, '"', flavour.doubleQuotedStrings && flavour.backslashEscapes, kind, push, fail);
    } else if (char === '`' && flavour.backtickIdentifiers) {
      i = quoted(sql, i, '`', false, 'identifier', push, fail);
    } else if (char === '[' && flavour.bracketIdentifiers) {
      i = bracketed(sql, i, flavour.bracketDoubling, push, fail);
    } else if (char === '$' && flavour.dollarQuotes && dollarTagAt(sql, i) !== undefined) {
      const tag = dollarTagAt(sql, i) ?? '$';
      const close = sql.indexOf(tag, i + tag.length);
      if (close < 0) fail('unterminated-string', i, `${tag} string`);
      push('string', i, close + tag.length);
      i = close + tag.length;
    } else if (char === ';') {
      push('semicolon', i, i + 1);
      i++;
    } else if (isWordStart(code)) {
      let end = i + 1;
      while (end < n && isWordPart(sql.charCodeAt(end))) end++;
      if (flavour.escapeStrings && end === i + 1 && (char === 'E' || char === 'e') && sql[end] === "'") {
        i = quoted(sql, i, "'", true, 'string', push, fail, 1);
      } else {
        push('word', i, end);
        i = end;
      }
    } else if (isDigit(code)) {
      NUMBER.lastIndex = i;
      const end = i + (NUMBER.exec(sql)?.[0].length ?? 1);
      push('number', i, end);
      i = end;
    } else {
      push('symbol', i, i + 1);
      i++;
    }
  }
  if (executableDepth > 0) fail('unterminated-comment', executableStart, '/*! section');
  return tokens;
}

type Push = (kind: TokenKind, start: number, end: number) => void;
type Fail = (code: LexErrorCode, offset: number, what: string) => never;

function isLineComment(sql: string, i: number, flavour: LexFlavour): boolean {
  if (sql[i] === '#') return flavour.hashComments;
  if (sql[i] !== '-' || sql[i + 1] !== '-') return false;
  if (!flavour.dashCommentNeedsSpace) return true;
  // MySQL: `--` starts a comment only before whitespace, a control character or the end.
  return i + 2 >= sql.length || sql.charCodeAt(i + 2) <= 32;
}

function lineEnd(sql: string, i: number): number {
  const newline = sql.indexOf('\n', i);
  return newline < 0 ? sql.length : newline;
}

/** Offset just past the comment's closing `*\/`, or -1 when it never closes. */
function blockCommentEnd(sql: string, start: number, nested: boolean): number {
  let depth = 1;
  let j = start + 2;
  while (j < sql.length) {
    if (sql[j] === '*' && sql[j + 1] === '/') {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else if (nested && sql[j] === '/' && sql[j + 1] === '*') {
      depth++;
      j += 2;
    } else {
      j++;
    }
  }
  return -1;
}

/** A string or identifier closed by `quote`, where a doubled quote stands for one. */
function quoted(
  sql: string,
  start: number,
  quote: string,
  backslash: boolean,
  kind: TokenKind,
  push: Push,
  fail: Fail,
  prefix = 0,
): number {
  let j = start + prefix + 1;
  for (;;) {
    if (j >= sql.length) {
      if (kind === 'identifier') fail('unterminated-identifier', start, `${quote}…${quote} name`);
      fail('unterminated-string', start, `${quote}…${quote} string`);
    }
    const char = sql[j];
    if (backslash && char === '\\') {
      j += 2;
    } else if (char === quote) {
      if (sql[j + 1] !== quote) break;
      j += 2;
    } else {
      j++;
    }
  }
  push(kind, start, j + 1);
  return j + 1;
}

function bracketed(sql: string, start: number, doubling: boolean, push: Push, fail: Fail): number {
  let j = start + 1;
  for (;;) {
    if (j >= sql.length) fail('unterminated-identifier', start, '[…] name');
    if (sql[j] === ']') {
      if (!(doubling && sql[j + 1] === ']')) break;
      j += 2;
    } else {
      j++;
    }
  }
  push('identifier', start, j + 1);
  return j + 1;
}

function dollarTagAt(sql: string, i: number): string | undefined {
  DOLLAR_TAG.lastIndex = i;
  return DOLLAR_TAG.exec(sql)?.[0];
}
