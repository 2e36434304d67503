/** Row exports as pure text: CSV (RFC 4180) and JSON Lines in the WFM API shapes; no file access here. */
export { csvField, csvLine, CSV_LINE_END, UTF8_BOM } from './csv';
export { createCsvRows, type CsvRowsOptions } from './csv-rows';
export { cellCsvText, cellInteger, cellText, validatorValue } from './export-cells';
export { createJsonlRows } from './jsonl-rows';
export { createPasswordValues, type PasswordValues } from './password-values';
export { createRedactor, MIN_REDACTED_LENGTH, REDACTED, type Redactor } from './redact';
export { createRowJudge, type RowJudge } from './row-judge';
export type { RowFormatter } from './row-formatter-types';
export {
  createRowsExport,
  type RowsExportCounts,
  type RowsExportPipeline,
  type RowsExportSettings,
  type RowsFileFormat,
} from './rows-export';
export {
  createRecordMaker,
  recordColumns,
  type IntervalRecord,
  type RecordContract,
  type WfmAgentStatus,
  type WfmContactEvent,
  type WfmRecord,
} from './wfm-records';
