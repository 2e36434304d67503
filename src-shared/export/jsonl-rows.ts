/** Rows as JSON Lines: one WFM record per line, `\n` after each (jsonlines.org), UTF-8 without BOM. */
import type { RowFormatter } from './row-formatter-types';
import { createRecordMaker, recordColumns, type RecordContract } from './wfm-records';

export function createJsonlRows(columns: readonly string[], contract: RecordContract): RowFormatter {
  const record = createRecordMaker(columns, contract);
  // JSON.stringify escapes CR and LF inside strings, so a record never spans two lines.
  return {
    preamble: '',
    row: (cells) => `${JSON.stringify(record(cells))}\n`,
    writtenColumns: recordColumns(columns, contract),
  };
}
