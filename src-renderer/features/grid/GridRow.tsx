import { memo } from 'react';
import type { CellValue } from '../../../src-shared/contract/api';
import { cellKind, cellText, type CellTextLabels } from './cell-text';
import { findingKey, ROW_HEIGHT, textFits } from './grid-layout';

export type FindingSeverity = 'error' | 'warning' | 'info';
export interface CellFindings {
  severity: FindingSeverity;
  messages: string[];
}

/** Everything a row needs that is the same for all rows; one object so rows memoise well. */
export interface RowContext {
  idPrefix: string;
  widths: number[];
  rowHeaderWidth: number;
  rowWidth: number;
  labels: CellTextLabels;
  nullCellLabel: string;
  severityLabels: Record<FindingSeverity, string>;
  findingsByCell: Map<string, CellFindings> | undefined;
}

export function cellId(idPrefix: string, row: number, column: number): string {
  return `${idPrefix}-r${row}-c${column}`;
}

interface GridRowProps {
  context: RowContext;
  row: number;
  values: CellValue[] | undefined;
  top: number;
  /** The active column when the active cell is in this row, else null (keeps other rows memoised). */
  activeColumn: number | null;
}

/**
 * One rendered row. Values are React text nodes only: they come from a database and must never
 * be parsed as HTML. Clicks are handled once on the grid (event delegation through data-*).
 */
export const GridRow = memo(function GridRow({ context, row, values, top, activeColumn }: GridRowProps) {
  const { widths, rowHeaderWidth, rowWidth, findingsByCell } = context;
  const rowFinding = findingsByCell?.get(findingKey(row, 0));
  return (
    <div
      role="row"
      aria-rowindex={row + 1}
      className="rg-row"
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT, width: rowWidth }}
    >
      <div
        role="rowheader"
        id={cellId(context.idPrefix, row, 0)}
        aria-colindex={1}
        data-row={row}
        data-column={0}
        className={classes('rg-cell rg-row-number', rowFinding, activeColumn === 0)}
        style={{ width: rowHeaderWidth }}
        title={rowFinding ? rowFinding.messages.join('\n') : undefined}
        aria-describedby={rowFinding ? `${cellId(context.idPrefix, row, 0)}-d` : undefined}
      >
        {row}
        {rowFinding && <Description context={context} row={row} column={0} finding={rowFinding} />}
      </div>
      {widths.map((width, index) => (
        <GridCell
          key={index}
          context={context}
          row={row}
          column={index + 1}
          value={values?.[index] ?? null}
          width={width}
          active={activeColumn === index + 1}
        />
      ))}
    </div>
  );
});

interface GridCellProps {
  context: RowContext;
  row: number;
  column: number;
  value: CellValue;
  width: number;
  active: boolean;
}

function GridCell({ context, row, column, value, width, active }: GridCellProps) {
  const kind = cellKind(value);
  const text = cellText(value, context.labels);
  const finding = context.findingsByCell?.get(findingKey(row, column));
  const id = cellId(context.idPrefix, row, column);
  // A cut-off value is readable on hover; a finding's messages take the tooltip instead.
  const title = finding ? finding.messages.join('\n') : textFits(text, width) ? undefined : text;
  return (
    <div
      role="gridcell"
      id={id}
      aria-colindex={column + 1}
      data-row={row}
      data-column={column}
      className={classes(`rg-cell rg-${kind}`, finding, active)}
      style={{ width }}
      title={title}
      // The text 'NULL' and a missing value look alike when read aloud; the label tells them apart.
      aria-label={kind === 'null' ? context.nullCellLabel : undefined}
      aria-describedby={finding ? `${id}-d` : undefined}
    >
      {text}
      {finding && <Description context={context} row={row} column={column} finding={finding} />}
    </div>
  );
}

/**
 * The finding as the cell's accessible description. `hidden` keeps it out of the cell's name
 * (read once, as the description) while aria-describedby may still reference it.
 */
function Description({
  context,
  row,
  column,
  finding,
}: {
  context: RowContext;
  row: number;
  column: number;
  finding: CellFindings;
}) {
  return (
    <span id={`${cellId(context.idPrefix, row, column)}-d`} hidden>
      {`${context.severityLabels[finding.severity]}: ${finding.messages.join(' · ')}`}
    </span>
  );
}

function classes(base: string, finding: CellFindings | undefined, active: boolean): string {
  return `${base}${finding ? ` rg-finding rg-sev-${finding.severity}` : ''}${active ? ' rg-active' : ''}`;
}
