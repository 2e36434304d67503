import type { Token } from './lexer';
import { sideEffectOf, type SideEffectFunction } from './side-effect-functions';

export interface SideEffectCall {
  /** The function's name as the server reads it, lower case. */
  name: string;
  entry: SideEffectFunction;
  /** Where the name starts in the text. */
  offset: number;
}

/**
 * Whether the name at `tokens[k]` calls a function of SIDE_EFFECT_FUNCTIONS. A call is a name
 * followed by `(`; comments between them are already gone from the tokens. The name may be a
 * plain word or a quoted identifier (`"nextval"`, `[nextval]`, `` `nextval` ``, PostgreSQL's
 * `U&"\006Eextval"`), with or without a schema before it: each part is checked on its own, and
 * only the part before `(` can be the call. Strings and comments never count.
 */
export function sideEffectCallAt(tokens: readonly Token[], k: number): SideEffectCall | undefined {
  const token = tokens[k];
  const name = token === undefined ? undefined : nameOf(tokens, k);
  if (token === undefined || name === undefined) return undefined;
  const open = k + 1 + (unicodeEscapeAt(tokens, k) === undefined ? 0 : 2);
  if (!isSymbol(tokens[open], '(')) return undefined;
  const entry = sideEffectOf(name, argumentCount(tokens, open));
  return entry === undefined ? undefined : { name, entry, offset: token.start };
}

/** The name a word or quoted identifier stands for, lower case; undefined for other tokens. */
export function nameOf(tokens: readonly Token[], k: number): string | undefined {
  const token = tokens[k];
  if (token?.kind === 'word') return token.text.toLowerCase();
  if (token?.kind !== 'identifier') return undefined;
  const close = token.text[0] === '[' ? ']' : (token.text[0] ?? '');
  // A doubled closing quote stands for one: `"a""b"` is a"b.
  const inner = token.text.slice(1, -1).replaceAll(close + close, close);
  const unicode = isUnicodePrefixed(tokens, k);
  return (unicode ? decodeUnicode(inner, unicodeEscapeAt(tokens, k) ?? '\\') : inner).toLowerCase();
}

/** `U&` right before the identifier, with nothing between: the SQL-standard Unicode form. */
function isUnicodePrefixed(tokens: readonly Token[], k: number): boolean {
  const [u, amp, name] = [tokens[k - 2], tokens[k - 1], tokens[k]];
  return (
    u?.kind === 'word' &&
    u.text.toUpperCase() === 'U' &&
    isSymbol(amp, '&') &&
    u.end === amp?.start &&
    amp.end === name?.start
  );
}

/** The escape character of `U&"…" UESCAPE 'c'`, when the identifier has that clause. */
function unicodeEscapeAt(tokens: readonly Token[], k: number): string | undefined {
  const [keyword, literal] = [tokens[k + 1], tokens[k + 2]];
  if (!isUnicodePrefixed(tokens, k) || keyword?.kind !== 'word' || keyword.text.toUpperCase() !== 'UESCAPE') {
    return undefined;
  }
  return literal?.kind === 'string' ? literal.text.slice(1, -1) : undefined;
}

/** `\XXXX`, `\+XXXXXX` and a doubled escape character, with `escape` for `\`. */
function decodeUnicode(text: string, escape: string): string {
  if (escape.length !== 1) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char !== escape) {
      out += char;
    } else if (text[i + 1] === escape) {
      out += escape;
      i++;
    } else {
      const long = text[i + 1] === '+';
      const hex = text.slice(i + (long ? 2 : 1), i + (long ? 8 : 5));
      const code = /^[0-9a-fA-F]+$/.test(hex) ? Number.parseInt(hex, 16) : NaN;
      out += Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : char;
      if (Number.isFinite(code)) i += hex.length + (long ? 1 : 0);
    }
  }
  return out;
}

/** Arguments of the call whose `(` is at `open`: commas outside nested brackets, plus one. */
function argumentCount(tokens: readonly Token[], open: number): number {
  if (isSymbol(tokens[open + 1], ')')) return 0;
  let depth = 0;
  let count = 1;
  for (let j = open; j < tokens.length; j++) {
    const token = tokens[j];
    if (isSymbol(token, '(') || isSymbol(token, '[')) depth++;
    else if (isSymbol(token, ')') || isSymbol(token, ']')) depth--;
    else if (depth === 1 && isSymbol(token, ',')) count++;
    if (depth === 0) break;
  }
  return count;
}

function isSymbol(token: Token | undefined, symbol: string): boolean {
  return token?.kind === 'symbol' && token.text === symbol;
}
