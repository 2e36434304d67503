/**
 * Writes a value so that three readers agree on it: Windows' GetPrivateProfileString (Xlink), our
 * own reader (which follows Windows) and the npm `ini` package (standard tooling). Windows and
 * ours only remove one pair of surrounding quotes; `ini` also cuts unquoted values at `;` and `#`
 * and reads backslash escapes, but leaves a single-quoted value alone unless it is valid JSON.
 * So values with `;`, `#` or `\`, or that are themselves quoted, go in single quotes.
 */

export interface WrittenValue {
  text: string;
  /** Why the value could not be written exactly, for a note. */
  problem?: string;
}

function needsQuotes(value: string): boolean {
  if (/[;#\\]/.test(value) || value !== value.trim()) return true;
  // A lone quote counts too: npm ini takes "'" as an empty quoted value.
  const first = value[0];
  return (first === '"' || first === "'") && value[value.length - 1] === first;
}

/** `ini` JSON-parses a single-quoted value's inside: '"x"' comes back as x, '1.0' as 1. */
function jsonReadsDifferently(inner: string): boolean {
  try {
    const parsed: unknown = JSON.parse(inner);
    return typeof parsed === 'object' ? true : String(parsed) !== inner;
  } catch {
    return false;
  }
}

export function iniValue(raw: string): WrittenValue {
  // A line break would end the value and start a new line: no ini reader can hold one.
  const value = raw.replace(/[\p{Cc}]/gu, (character) => (character === '\t' ? character : ' '));
  const changed = value !== raw ? 'line breaks and control characters were replaced by spaces' : undefined;
  if (!needsQuotes(value)) return changed ? { text: value, problem: changed } : { text: value };
  const text = `'${value}'`;
  const problem = jsonReadsDifferently(value)
    ? 'Xlink reads it as written, but tools built on the npm ini package read it differently'
    : changed;
  return problem ? { text, problem } : { text };
}
