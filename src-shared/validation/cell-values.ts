/**
 * Turns driver values into the contract's types. Drivers disagree: pg returns bigint and numeric
 * as strings, mysql2 returns SUM() as a decimal string, tedious returns numbers, ODBC often text.
 * The contract cares about the value, not the driver's representation, so "12" is an integer.
 */

export const EMPTY = Symbol('empty');
export const INVALID = Symbol('invalid');

/** NULL, a missing value, or text with nothing but spaces: "no value" to the WFM system. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && isBlankText(value));
}

/**
 * Text with nothing but spaces. Called for every text cell of every row: a first character that
 * trim() cannot remove (printable ASCII) settles it without trimming.
 */
export function isBlankText(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim() === '';
}

// A decimal rendering of a whole number ("12.00", SUM over a DECIMAL column) is still whole.
const INTEGER_TEXT = /^\s*[+-]?\d+(?:\.0*)?\s*$/;

export function toInteger(value: unknown): number | typeof EMPTY | typeof INVALID {
  if (isEmptyValue(value)) return EMPTY;
  if (typeof value === 'number') return Number.isInteger(value) ? value : INVALID;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) return Number(value);
  return INVALID;
}

/** Numbers are accepted as text (an integer queue id is common and the WFM system reads it as text). */
export function toText(value: unknown): string | typeof EMPTY | typeof INVALID {
  if (isEmptyValue(value)) return EMPTY;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : INVALID;
  return INVALID;
}

const MAX_SHOWN = 60;

/** A value as a message shows it: text quoted, NULL spelt out; never throws, whatever the value. */
export function describeValue(value: unknown): string {
  try {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'string') {
      const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
      return JSON.stringify(shown);
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value === 'bigint') return `${value.toString()}`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
    if (value instanceof Uint8Array) return `binary data (${value.length} bytes)`;
    if (Array.isArray(value)) return `a list of ${value.length} values`;
    return `a value of type ${typeof value}`;
  } catch {
    return 'an unreadable value';
  }
}

/** Why a value is not of the expected type, phrased as advice on how to fix the query. */
export function typeAdvice(value: unknown, expected: 'integer' | 'datetime' | 'string'): string {
  if (expected === 'integer') {
    if (typeof value === 'boolean') return 'Cast it to an integer in the query, e.g. CAST(x AS INTEGER).';
    if (typeof value === 'number' && Number.isFinite(value)) return 'Round or CAST it to a whole number.';
    return 'Return a whole number (digits only), e.g. CAST(x AS INTEGER).';
  }
  if (expected === 'datetime') {
    if (typeof value === 'number' || typeof value === 'bigint') {
      return 'It looks like a number (Unix time?); convert it to a datetime in the query.';
    }
    return 'Return a datetime column, or text like 2026-03-02 14:15:00 (optionally with an offset such as +01:00).';
  }
  return 'Return text, e.g. CAST(x AS VARCHAR(100)).';
}
