/**
 * Rows as CSV: the result's own columns in their order, and after every timestamp column
 * (timestamp, starttime, endtime, as the grid marks them) a `<name>_utc` column with the instant
 * the WFM system will store, read in the database time zone.
 */
import type { CellValue } from '../contract/api';
import { interpretTimestamp } from '../validation';
import { csvLine, UTF8_BOM } from './csv';
import { cellCsvText } from './export-cells';
import type { RowFormatter } from './row-formatter-types';

const TIMESTAMP_COLUMNS = new Set(['timestamp', 'starttime', 'endtime']);

export interface CsvRowsOptions {
  timeZone: string;
  /** Start the file with a UTF-8 byte-order mark, for Excel (see UTF8_BOM). */
  bom?: boolean;
}

function utcText(value: CellValue, timeZone: string): string | null {
  if (value === null || typeof value === 'object') return null;
  return interpretTimestamp(value, timeZone)?.utc ?? null;
}

export function createCsvRows(columns: readonly string[], options: CsvRowsOptions): RowFormatter {
  const withUtc = columns.map((name) => TIMESTAMP_COLUMNS.has(name.toLowerCase()));
  const header = columns.flatMap((name, index) => (withUtc[index] ? [name, `${name.toLowerCase()}_utc`] : [name]));
  return {
    preamble: (options.bom ? UTF8_BOM : '') + csvLine(header),
    writtenColumns: columns.map((_, index) => index),
    row: (cells) =>
      csvLine(
        columns.flatMap((_, index) => {
          const cell = cells[index] ?? null;
          return withUtc[index] ? [cellCsvText(cell), utcText(cell, options.timeZone)] : [cellCsvText(cell)];
        }),
      ),
  };
}
