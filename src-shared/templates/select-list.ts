/**
 * Renders the SELECT list of a template: one item per line, `expression AS alias`, and a trailing
 * comment telling the admin what the column means. Items keep their alias beside the SQL so a
 * template's result columns are known without parsing it.
 */

export interface SelectItem {
  /** May span lines (a CASE): continuation lines carry their own indentation relative to the first. */
  readonly expression: string;
  readonly alias: string;
  readonly note?: string;
}

const INDENT = '  ';
const ALIGN_LIMIT = 60;

export function renderSelectList(items: readonly SelectItem[]): string {
  const bodies = items.map((item, index) => {
    const comma = index < items.length - 1 ? ',' : '';
    const lines = `${item.expression} AS ${item.alias}${comma}`.split('\n');
    return lines.map((line) => INDENT + line);
  });
  // Notes line up in a column unless one very long item would push them all far to the right.
  const lastLengths = bodies.map((lines) => lines[lines.length - 1]?.length ?? 0);
  const width = Math.max(0, ...lastLengths.filter((length) => length <= ALIGN_LIMIT));
  return bodies
    .map((lines, index) => {
      const note = items[index]?.note;
      if (!note) return lines.join('\n');
      const last = lines.length - 1;
      return lines
        .map((line, lineIndex) => (lineIndex === last ? `${line.padEnd(width)}  -- ${note}` : line))
        .join('\n');
    })
    .join('\n');
}

/** A SELECT with the rendered list; `from` holds FROM and everything after it. */
export function renderSelect(items: readonly SelectItem[], from: string): string {
  return `SELECT\n${renderSelectList(items)}\n${from}`;
}
