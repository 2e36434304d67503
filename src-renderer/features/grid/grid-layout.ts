import type { CellValue } from '../../../src-shared/contract/api';
import { cellText, type CellTextLabels } from './cell-text';

/** Fixed row and header heights: the virtualiser computes offsets instead of measuring rows. */
export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 32;

// An estimate, not a measurement: measuring 100,000 DOM nodes is what virtualising avoids, and a
// canvas measureText per cell of the sample costs more than it gains for a handful of columns.
const CHAR_WIDTH = 7.5;
const CELL_PADDING = 18;
// Tabular digits at 13 px are wider than the average character the estimate above assumes;
// with 7.5 px a six-digit row number ("100000") was cut to "100…".
const DIGIT_WIDTH = 8.5;
const MIN_WIDTH = 56;
const MAX_WIDTH = 320;
const SAMPLE_HEAD = 200;
const SAMPLE_SPREAD = 100;

/** A cell address as the findings use it: 1-based row, 1-based column (0 = the row itself). */
export interface CellAddress {
  row: number;
  column: number;
}

export function findingKey(row: number, column: number): string {
  return `${row}:${column}`;
}

/**
 * Column widths from the header and a sample of rows: the first rows plus rows spread over the
 * whole result, so a long value near the end still widens its column.
 */
export function columnWidths(columns: string[], rows: CellValue[][], labels: CellTextLabels): number[] {
  const sample = sampleRowIndexes(rows.length);
  return columns.map((name, column) => {
    let chars = name.length + 2; // header text is bold, so wider per character
    for (const index of sample) {
      const value = rows[index]?.[column] ?? null;
      chars = Math.max(chars, cellText(value, labels).length);
    }
    return clampWidth(Math.ceil(chars * CHAR_WIDTH + CELL_PADDING));
  });
}

/** Whether a display text fits its column, by the same estimate the widths use. */
export function textFits(text: string, width: number): boolean {
  return text.length * CHAR_WIDTH + CELL_PADDING <= width;
}

export function rowNumberWidth(rowCount: number): number {
  return clampWidth(Math.ceil(String(Math.max(rowCount, 1)).length * DIGIT_WIDTH + CELL_PADDING));
}

function clampWidth(width: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
}

export function sampleRowIndexes(rowCount: number): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < Math.min(rowCount, SAMPLE_HEAD); index++) indexes.push(index);
  if (rowCount > SAMPLE_HEAD) {
    const step = (rowCount - SAMPLE_HEAD) / SAMPLE_SPREAD;
    for (let k = 0; k < SAMPLE_SPREAD; k++) indexes.push(Math.min(rowCount - 1, SAMPLE_HEAD + Math.floor(k * step)));
  }
  return indexes;
}

export interface NavigationKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * The grid's keyboard model (ARIA grid pattern): arrows move one cell, Home/End go to the first
 * or last column, Ctrl/Cmd+Home/End to the first or last row, PageUp/PageDown by a page.
 * Returns null for keys the grid does not handle, so they keep their default behaviour.
 */
export function moveActive(
  active: CellAddress | null,
  input: NavigationKey,
  size: { rows: number; columns: number; pageRows: number },
): CellAddress | null {
  if (size.rows === 0 || size.columns === 0) return null;
  const from = active ?? { row: 1, column: 1 };
  const toEdge = input.ctrlKey || input.metaKey;
  let { row, column } = from;
  switch (input.key) {
    case 'ArrowUp':
      row -= 1;
      break;
    case 'ArrowDown':
      row += 1;
      break;
    case 'ArrowLeft':
      column -= 1;
      break;
    case 'ArrowRight':
      column += 1;
      break;
    case 'PageUp':
      row -= Math.max(1, size.pageRows);
      break;
    case 'PageDown':
      row += Math.max(1, size.pageRows);
      break;
    case 'Home':
      column = 1;
      if (toEdge) row = 1;
      break;
    case 'End':
      column = size.columns;
      if (toEdge) row = size.rows;
      break;
    default:
      return null;
  }
  return {
    row: Math.min(size.rows, Math.max(1, row)),
    column: Math.min(size.columns, Math.max(1, column)),
  };
}

/** Left offset of a 1-based data column, after the row-number column. */
export function columnLeft(widths: number[], rowHeaderWidth: number, column: number): number {
  let left = rowHeaderWidth;
  for (let index = 0; index < column - 1; index++) left += widths[index] ?? 0;
  return left;
}

/**
 * The scrollLeft that brings a cell into view, or null when it is visible already. The row
 * number column is sticky, so it hides `stickyWidth` pixels at the left of the viewport.
 */
export function scrollLeftToReveal(
  cell: { left: number; width: number },
  viewport: { scrollLeft: number; width: number },
  stickyWidth: number,
): number | null {
  const visibleStart = viewport.scrollLeft + stickyWidth;
  const visibleEnd = viewport.scrollLeft + viewport.width;
  if (cell.left < visibleStart) return Math.max(0, cell.left - stickyWidth);
  if (cell.left + cell.width > visibleEnd)
    return Math.min(cell.left - stickyWidth, cell.left + cell.width - viewport.width);
  return null;
}
