/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted
 * when it holds a comma, a quote, CR or LF, with quotes doubled inside. Fields with leading or
 * trailing spaces are quoted too, because spreadsheet imports otherwise trim them, and a queue
 * name that differs only by a trailing space is exactly the kind of defect an export must show.
 */

export const CSV_LINE_END = '\r\n';

/**
 * Files are UTF-8 without a byte-order mark by default: RFC 4180 tools, databases (COPY, LOAD
 * DATA) and scripts read the BOM as part of the first column name. Excel is the exception: it
 * reads BOM-less CSV in the machine's ANSI code page and garbles accents, hence the `bom` option.
 */
export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One field. NULL is written as nothing and the empty string as `""`, so the two stay apart
 * (PostgreSQL's COPY … CSV reads them back the same way); other readers see both as empty.
 */
export function csvField(text: string | null): string {
  if (text === null) return '';
  if (text === '') return '""';
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its line end. */
export function csvLine(fields: readonly (string | null)[]): string {
  return fields.map(csvField).join(',') + CSV_LINE_END;
}
