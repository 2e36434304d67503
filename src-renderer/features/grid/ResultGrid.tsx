import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CellValue } from '../../../src-shared/contract/api';
import type { CellTextLabels } from './cell-text';
import {
  columnLeft,
  columnWidths,
  findingKey,
  HEADER_HEIGHT,
  moveActive,
  ROW_HEIGHT,
  rowNumberWidth,
  scrollLeftToReveal,
  type CellAddress,
} from './grid-layout';
import { cellId, GridRow, type CellFindings, type RowContext } from './GridRow';
import { useGridChartsT } from './use-grid-charts-t';
import './result-grid.css';

export type { CellFindings, FindingSeverity } from './GridRow';
export type { CellAddress } from './grid-layout';

export interface ResultGridProps {
  columns: string[];
  rows: CellValue[][];
  /** Keyed `${row}:${column}`, both 1-based; column 0 marks the whole row (its number cell). */
  findingsByCell?: Map<string, CellFindings>;
  /** Scrolls to and activates this cell. Pass a new object to jump again to the same cell. */
  focusCell?: CellAddress | null;
  /** Called when the user activates a cell (click or keyboard); 1-based like the findings. */
  onCellSelect?(row: number, column: number): void;
  /** Accessible name of the grid. */
  label: string;
}

/**
 * The query result as an ARIA grid. Rows are virtualised (a fixed row height, so 100,000 rows
 * cost the same as 50); columns are few and all rendered with fixed widths. Focus stays on the
 * grid and aria-activedescendant names the active cell, because a focused cell element could be
 * unmounted by the virtualiser while scrolling.
 */
export function ResultGrid({ columns, rows, findingsByCell, focusCell, onCellSelect, label }: ResultGridProps) {
  const t = useGridChartsT();
  const idPrefix = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The last cell this grid reported to onCellSelect, to recognise the parent echoing it back.
  const reported = useRef<string | null>(null);
  const [active, setActive] = useState<CellAddress | null>(focusCell ?? null);
  const [seenFocus, setSeenFocus] = useState(focusCell);
  if (focusCell !== seenFocus) {
    // Adjusting state to a changed prop during render (not in an effect) avoids a stale frame.
    setSeenFocus(focusCell);
    if (focusCell) setActive(focusCell);
  }

  const labels = useMemo<CellTextLabels>(
    () => ({ null: t('grid.null'), bytes: (count) => t('grid.bytes', { count }) }),
    [t],
  );
  const widths = useMemo(() => columnWidths(columns, rows, labels), [columns, rows, labels]);
  const rowHeaderWidth = rowNumberWidth(rows.length);
  const rowWidth = widths.reduce((sum, width) => sum + width, rowHeaderWidth);
  const context = useMemo<RowContext>(
    () => ({
      idPrefix,
      widths,
      rowHeaderWidth,
      rowWidth,
      labels,
      nullCellLabel: t('grid.nullCell'),
      severityLabels: {
        error: t('grid.severity.error'),
        warning: t('grid.severity.warning'),
        info: t('grid.severity.info'),
      },
      findingsByCell,
    }),
    [idPrefix, widths, rowHeaderWidth, rowWidth, labels, t, findingsByCell],
  );

  // The library returns a new-identity API the React Compiler cannot memoise; this project does
  // not use the compiler, so the warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits above the rows inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Renders a first screen before the box is measured (and in server rendering for tests).
    initialRect: { width: 800, height: 480 },
  });

  const reveal = useCallback(
    (cell: CellAddress, align: 'auto' | 'center') => {
      if (cell.row >= 1 && cell.row <= rows.length) virtualizer.scrollToIndex(cell.row - 1, { align });
      const element = scrollRef.current;
      if (!element || cell.column < 1) return;
      const next = scrollLeftToReveal(
        { left: columnLeft(widths, rowHeaderWidth, cell.column), width: widths[cell.column - 1] ?? 0 },
        { scrollLeft: element.scrollLeft, width: element.clientWidth },
        rowHeaderWidth,
      );
      if (next !== null) element.scrollLeft = next;
    },
    [virtualizer, rows.length, widths, rowHeaderWidth],
  );

  useEffect(() => {
    if (!focusCell) return;
    // A jump (from the findings list) centres the cell; an echo of the user's own move only
    // makes sure it is visible, which it already is, so the view does not jump under the keys.
    const echo = reported.current === findingKey(focusCell.row, focusCell.column);
    reveal(focusCell, echo ? 'auto' : 'center');
  }, [focusCell, reveal]);

  const current = active && active.row <= rows.length && active.column <= columns.length ? active : null;

  const select = (cell: CellAddress) => {
    setActive(cell);
    reveal(cell, 'auto');
    reported.current = findingKey(cell.row, cell.column);
    onCellSelect?.(cell.row, cell.column);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const viewport = scrollRef.current?.clientHeight ?? 0;
    const pageRows = Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1;
    const size = { rows: rows.length, columns: columns.length, pageRows };
    // The first navigation key on a grid without an active cell activates the first cell.
    const next = current ? moveActive(current, event, size) : firstCellOnNavigation(event.key, size);
    if (!next) return;
    event.preventDefault();
    select(next);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return;
    const row = Number(cell.dataset.row);
    const column = Number(cell.dataset.column);
    if (Number.isInteger(row) && Number.isInteger(column)) select({ row, column });
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="result-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      aria-activedescendant={current ? cellId(idPrefix, current.row, current.column) : undefined}
      aria-describedby={`${idPrefix}-hint`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <span id={`${idPrefix}-hint`} hidden>
        {t('grid.keyboardHint')}
      </span>
      <div role="rowgroup" className="rg-head" style={{ width: rowWidth, height: HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="rg-row rg-header-row" style={{ height: HEADER_HEIGHT }}>
          <div
            role="columnheader"
            aria-colindex={1}
            className="rg-cell rg-row-number"
            style={{ width: rowHeaderWidth }}
          >
            {t('grid.rowNumber')}
          </div>
          {columns.map((name, index) => (
            <div
              key={index}
              role="columnheader"
              aria-colindex={index + 2}
              className="rg-cell"
              style={{ width: widths[index] }}
              title={name}
            >
              {name}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="rg-body" style={{ height: virtualizer.getTotalSize(), width: rowWidth }}>
        {items.map((item) => (
          <GridRow
            key={item.key}
            context={context}
            row={item.index + 1}
            values={rows[item.index]}
            top={item.start - HEADER_HEIGHT}
            activeColumn={current && current.row === item.index + 1 ? current.column : null}
          />
        ))}
      </div>
    </div>
  );
}

function firstCellOnNavigation(key: string, size: { rows: number; columns: number; pageRows: number }) {
  if (moveActive(null, { key, ctrlKey: false, metaKey: false }, size) === null) return null;
  return moveActive(null, { key: 'Home', ctrlKey: true, metaKey: false }, size);
}
