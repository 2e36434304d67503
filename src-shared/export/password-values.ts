/**
 * Values that are exactly the connection's password. The file keeps them as they are (data is
 * never altered, see redact.ts), but a column that stores the password, or a query that returns
 * it as a literal, is worth knowing about before the file is passed on: the export summary says
 * how many values and in which columns, never the password itself.
 *
 * Equality, not containment: a short password such as "2026" occurs inside countless genuine
 * values (dates, queue names), and warning about each would be noise. Only the columns the file
 * carries are looked at (JSON Lines writes the contract's columns only), and a value is compared
 * as the CSV writes it, so the integer 2026 is the password "2026" too.
 */
import type { CellValue } from '../contract/api';
import { cellCsvText } from './export-cells';
import type { Redactor } from './redact';

export interface PasswordValues {
  /** Looks at one row that is written to the file. */
  check(cells: readonly CellValue[]): void;
  /** How many written values are exactly the password. */
  readonly count: number;
  /** The export summary's warning, without the password; undefined when no value is the password. */
  warning(): string | undefined;
}

const NONE: PasswordValues = { check: () => undefined, count: 0, warning: () => undefined };

export function createPasswordValues(
  secret: string | undefined,
  columns: readonly string[],
  writtenColumns: readonly number[],
  redactor: Redactor,
): PasswordValues {
  if (secret === undefined || secret === '') return NONE;
  const perColumn = new Map<number, number>();
  let count = 0;
  return {
    check(cells) {
      for (const index of writtenColumns) {
        const cell = cells[index] ?? null;
        if (cell === null || cellCsvText(cell) !== secret) continue;
        count += 1;
        perColumn.set(index, (perColumn.get(index) ?? 0) + 1);
      }
    },
    get count() {
      return count;
    },
    warning() {
      if (count === 0) return undefined;
      const names = [...perColumn.keys()]
        .sort((a, b) => a - b)
        .map((index) => JSON.stringify(columns[index] ?? `column ${index + 1}`));
      // The count itself could spell the password (2026 values, password "2026").
      const counted = count.toLocaleString('en-US');
      const [amount, verb] = counted.includes(secret)
        ? ['Some values', 'are']
        : count === 1
          ? ['1 value', 'is']
          : [`${counted} values`, 'are'];
      const where = names.length === 1 ? `column ${names[0]}` : `columns ${names.join(', ')}`;
      // Column names are the query's aliases and may hold the password as well.
      return redactor.text(
        `${amount} in ${where} ${verb} exactly the connection's password. ` +
          `The export writes data unchanged, as the database returned it: leave such a column out of ` +
          `the query before passing the file on.`,
      );
    },
  };
}
