/**
 * Which rows are valid: the validator, asked row by row. A row is invalid when an error-severity
 * finding is made while it is added, which the validator reports for every finding, also past
 * its maxFindings cap, so the verdict holds for row 1,000,000 as for row 1.
 *
 * Rows are judged on row-level errors. Rules that compare rows flag the later row of a pair (the
 * duplicate, the overlapping state), so the first stays, and they compare with valid rows only:
 * an invalid row, which is left out, never costs a valid one (a DST-gap time that lands on the
 * instant of a genuine row does not make that row a duplicate). Rules about the whole set that
 * are only known at the end (a queue whose name changes, a warning anyway) cannot take back a row
 * already written. A column-level error (a required column missing) makes every row invalid: the
 * WFM system refuses the whole result.
 */
import { createValidator, type ValidationSummary, type ValidatorOptions } from '../validation';

export interface RowJudge {
  /** Once, before the first row. */
  setColumns(names: readonly string[]): void;
  /** Validates one row; true when it is valid (no error finding of its own, no column-level error). */
  addRow(values: readonly unknown[]): boolean;
  finish(): ValidationSummary;
}

export function createRowJudge(options: Omit<ValidatorOptions, 'onFinding'>): RowJudge {
  let rowHasError = false;
  let columnsHaveError = false;
  const validator = createValidator({
    ...options,
    onFinding: (item) => {
      if (item.severity === 'error') rowHasError = true;
    },
  });
  return {
    setColumns(names) {
      columnsHaveError = validator.setColumns(names).some((item) => item.severity === 'error');
    },
    addRow(values) {
      rowHasError = false;
      validator.addRow(values);
      return !rowHasError && !columnsHaveError;
    },
    finish: () => validator.finish(),
  };
}
