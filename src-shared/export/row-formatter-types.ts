import type { CellValue } from '../contract/api';

/** Turns rows into the text of one file format, one row at a time (so a file can be streamed). */
export interface RowFormatter {
  /** What the file starts with: the CSV header (and BOM); nothing for JSON Lines. */
  readonly preamble: string;
  /** One row's text, including its line end. */
  row(cells: readonly CellValue[]): string;
  /**
   * The result columns (their indexes) whose values the file carries: all of them in CSV, the
   * contract's columns in JSON Lines. The password warning looks at these only.
   */
  readonly writtenColumns: readonly number[];
}
