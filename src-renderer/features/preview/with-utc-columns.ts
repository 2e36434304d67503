import type { CellValue } from '../../../src-shared/contract/api';
import { interpretTimestamp } from '../../../src-shared/validation';

const TIMESTAMP_COLUMNS = new Set(['timestamp', 'starttime', 'endtime']);

export interface DisplayTable {
  columns: string[];
  rows: CellValue[][];
  /** Result column index (0-based) → display column index (0-based). */
  displayIndex: number[];
}

/**
 * Puts a "(UTC)" column after each contract timestamp column, so every naive database time is
 * shown beside the instant the WFM system will store. Values that are not timestamps stay empty.
 */
export function withUtcColumns(columns: string[], rows: CellValue[][], timeZone: string | undefined): DisplayTable {
  if (!timeZone) return { columns, rows, displayIndex: columns.map((_, index) => index) };
  const timestampIndexes = new Set(
    columns.flatMap((name, index) => (TIMESTAMP_COLUMNS.has(name.toLowerCase()) ? [index] : [])),
  );
  if (timestampIndexes.size === 0) return { columns, rows, displayIndex: columns.map((_, index) => index) };
  const displayColumns: string[] = [];
  const displayIndex: number[] = [];
  columns.forEach((name, index) => {
    displayIndex.push(displayColumns.length);
    displayColumns.push(name);
    if (timestampIndexes.has(index)) displayColumns.push(`${name} (UTC)`);
  });
  const displayRows = rows.map((row) =>
    row.flatMap((value, index) => {
      if (!timestampIndexes.has(index)) return [value];
      const interpreted = value === null || typeof value === 'object' ? undefined : interpretTimestamp(value, timeZone);
      return [value, interpreted ? interpreted.utc : null];
    }),
  );
  return { columns: displayColumns, rows: displayRows, displayIndex };
}
