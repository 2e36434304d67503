/**
 * Last line of defence for the rule "a password never appears in a file": should the query return
 * the connection's password (a column that stores it, a literal, a column alias), it is replaced
 * before anything is written. Cells are redacted before they are encoded, so CSV quote doubling
 * or JSON escaping cannot hide a spelling from the search.
 */
import type { CellValue } from '../contract/api';
import type { ValidationSummary } from '../validation';

export const REDACTED = '***';
/**
 * A password shorter than this is not searched for: replacing every "ab" in the data would
 * destroy the export while protecting a password that weak anyway.
 */
export const MIN_REDACTED_LENGTH = 4;

export interface Redactor {
  text(value: string): string;
  cells(row: readonly CellValue[]): readonly CellValue[];
  summary(summary: ValidationSummary): ValidationSummary;
  /** How many cells and column names had the secret replaced (the summary's texts are not counted). */
  readonly count: number;
}

export function createRedactor(secret: string | undefined): Redactor {
  let count = 0;
  const needle = secret !== undefined && secret.length >= MIN_REDACTED_LENGTH ? secret : undefined;
  const active = needle !== undefined;
  const scrub = (value: string): string =>
    needle === undefined || !value.includes(needle) ? value : value.split(needle).join(REDACTED);
  const text = (value: string): string => {
    const scrubbed = scrub(value);
    if (scrubbed !== value) count += 1;
    return scrubbed;
  };
  return {
    text,
    cells: (row) => (active ? row.map((cell) => (typeof cell === 'string' ? text(cell) : cell)) : row),
    // Finding messages quote cell values, so the summary that goes back with the file is cleaned too.
    summary: (summary) =>
      active
        ? {
            ...summary,
            findings: summary.findings.map((item) => ({
              ...item,
              column: item.column === null ? null : scrub(item.column),
              message: scrub(item.message),
            })),
          }
        : summary,
    get count() {
      return count;
    },
  };
}
