import { shownValue } from '../transfer-notes';
import type { IniEntry } from './parse-ini-lines';

/**
 * A numeric key as Xlink read it: through GetPrivateProfileInt. Wine's implementation
 * (dlls/kernel32/profile.c, GetPrivateProfileIntW) and its conformance tests show what that does:
 * - the value is fetched as text into a 30-character buffer, so only its first 29 characters count;
 * - a missing key, a key without "=" and an empty value all give the caller's default;
 * - otherwise the text goes to RtlUnicodeStringToInteger with base 0 (dlls/ntdll/rtlstr.c): it
 *   skips leading characters up to and including space, takes one "+" or "-", then a lower-case
 *   "0x" (hexadecimal), "0o" (octal) or "0b" (binary) prefix, then the digits of that base up to
 *   the first other character. No digit at all reads as 0 ("abc" is 0), "12abc" is 12, and the
 *   number wraps around at 32 bits ("4294967297" is 1; the tests check these three cases).
 * Xlink kept the result in an int, so it is returned as a signed 32-bit number.
 */

const BUFFER_CHARACTERS = 29;

export interface ProfileInt {
  /** What GetPrivateProfileInt returned; undefined when it returned Xlink's default instead. */
  value: number | undefined;
  /** Why the text is not a plain decimal number, when it is not one: for a note. */
  unclean?: string;
}

const PREFIX_BASES: Readonly<Record<string, number>> = { x: 16, o: 8, b: 2 };
const BASE_NAMES: Readonly<Record<number, string>> = { 16: 'a hexadecimal', 8: 'an octal', 2: 'a binary' };

function digitValue(character: string): number {
  const code = character.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61 + 10;
  return -1;
}

export function readProfileInt(entry: IniEntry | undefined): ProfileInt {
  const written = entry?.value ?? '';
  const text = written.slice(0, BUFFER_CHARACTERS);
  if (text === '') return { value: undefined };
  let index = 0;
  while (index < text.length && text.charCodeAt(index) <= 0x20) index++;
  const negative = text[index] === '-';
  if (text[index] === '+' || text[index] === '-') index++;
  const prefixed = text[index] === '0' && text.length - index >= 2 ? PREFIX_BASES[text[index + 1] ?? ''] : undefined;
  const base = prefixed ?? 10;
  if (prefixed) index += 2;
  const digitsStart = index;
  let total = 0;
  for (; index < text.length; index++) {
    const digit = digitValue(text[index] ?? '');
    if (digit < 0 || digit >= base) break;
    total = (total * base + digit) % 2 ** 32;
  }
  const value = (negative ? 2 ** 32 - total : total) | 0;
  const unclean = uncleanReason(written, value, prefixed, index > digitsStart);
  return unclean === undefined ? { value } : { value, unclean };
}

/**
 * Plain: an optional sign and decimal digits, optionally followed by a comment after ";" —
 * `ActivityTimeSpanType = 1 ;(start and end time only)` is how Xlink's own documentation writes
 * it, and Windows reads the 1 — so these get no note; anything else says how Windows read it.
 */
const PLAIN = /^([+-]?\d+)(?:[ \t]*;.*)?$/s;

function uncleanReason(
  written: string,
  value: number,
  prefixed: number | undefined,
  hasDigits: boolean,
): string | undefined {
  const plain = PLAIN.exec(written);
  if (plain && written.length <= BUFFER_CHARACTERS && Number(plain[1]) === value) return undefined;
  if (written.length > BUFFER_CHARACTERS) return `Windows reads only its first ${BUFFER_CHARACTERS} characters`;
  if (prefixed) return `Windows reads it as ${BASE_NAMES[prefixed] ?? ''} number`;
  if (!hasDigits) return 'it does not start with a number, which Windows reads as 0';
  if (plain) return 'it is beyond a 32-bit number, and Windows wraps it around';
  return 'Windows reads the number at its start and ignores the rest';
}

/** `ActivityTimeSpanType = "abc" is not a plain number: …, so Xlink read 0`, for a note. */
export function uncleanIntMessage(entry: IniEntry, read: ProfileInt): string {
  return `${entry.key} = ${shownValue(entry.value)} is not a plain number: ${read.unclean ?? ''}, so Xlink read ${read.value ?? ''}`;
}
