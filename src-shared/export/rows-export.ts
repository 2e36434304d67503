/**
 * The whole row export as one pure pipeline, shared by the preview scope (main process) and the
 * full scope (driver process): each row is validated, left out when invalid (unless asked
 * otherwise) and formatted exactly as the database returned it. The connection's password is
 * kept out of the summary's messages, never out of the data; a value that is the password gets
 * a warning. The caller owns the file.
 */
import type { CellValue } from '../contract/api';
import type { ImportType } from '../contract/model';
import type { RuleSetId, ValidationSummary } from '../validation';
import { createCsvRows } from './csv-rows';
import { createJsonlRows } from './jsonl-rows';
import { createPasswordValues } from './password-values';
import { createRedactor } from './redact';
import { createRowJudge } from './row-judge';

export type RowsFileFormat = 'csv' | 'jsonl';

export interface RowsExportSettings {
  format: RowsFileFormat;
  importType: ImportType;
  intervalMinutes: 15 | 30;
  ruleSet: RuleSetId;
  /** The system's database time zone: naive timestamps are read in it. */
  timeZone: string;
  /** "Now" for the future-timestamp and stale-state rules. */
  now: Date;
  /** Write rows with an error finding too. */
  includeInvalid: boolean;
  /** CSV only: start with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
  maxFindings?: number;
  /**
   * The connection's password: replaced in the summary's messages, and counted where a written
   * value is exactly the password (a warning). The data itself is written unchanged.
   */
  secret?: string;
}

export interface RowsExportCounts {
  rowsRead: number;
  rowsWritten: number;
  rowsLeftOut: number;
  /** Written values that are exactly the connection's password (written unchanged; see warnings). */
  valuesEqualToPassword: number;
}

export interface RowsExportPipeline {
  /** The file's first text (CSV header, BOM); call once, after the columns are known. */
  readonly preamble: string;
  /**
   * One row: `values` as the driver delivered them (for the validator), `cells` the same row as
   * CellValues (for the file; a function, so rows left out are never converted). Returns the
   * row's text, or undefined when it is left out.
   */
  take(values: readonly unknown[], cells: () => readonly CellValue[]): string | undefined;
  readonly counts: RowsExportCounts;
  /** What the export summary should warn about (a value that is the password), without the password. */
  readonly warnings: string[];
  /** The validation summary of every row read, with the password removed from its messages. */
  finish(): ValidationSummary;
}

export function createRowsExport(columns: readonly string[], settings: RowsExportSettings): RowsExportPipeline {
  const redactor = createRedactor(settings.secret);
  const judge = createRowJudge({
    importType: settings.importType,
    ruleSet: settings.ruleSet,
    intervalMinutes: settings.intervalMinutes,
    timeZone: settings.timeZone,
    now: settings.now,
    ...(settings.maxFindings === undefined ? {} : { maxFindings: settings.maxFindings }),
  });
  judge.setColumns(columns);
  const formatter =
    settings.format === 'csv'
      ? createCsvRows(columns, { timeZone: settings.timeZone, bom: settings.bom ?? false })
      : createJsonlRows(columns, settings);
  const password = createPasswordValues(settings.secret, columns, formatter.writtenColumns, redactor);
  const counts = { rowsRead: 0, rowsWritten: 0, rowsLeftOut: 0 };
  return {
    preamble: formatter.preamble,
    take(values, cells) {
      counts.rowsRead += 1;
      if (!judge.addRow(values) && !settings.includeInvalid) {
        counts.rowsLeftOut += 1;
        return undefined;
      }
      counts.rowsWritten += 1;
      const row = cells();
      password.check(row);
      return formatter.row(row);
    },
    get counts() {
      return { ...counts, valuesEqualToPassword: password.count };
    },
    get warnings() {
      const warning = password.warning();
      return warning === undefined ? [] : [warning];
    },
    finish: () => redactor.summary(judge.finish()),
  };
}
