import fs from 'node:fs';
import path from 'node:path';
import { createRowsExport, type RowsExportSettings, validatorValue } from '../../src-shared/export';
import { ServiceError } from '../../src-shared/rpc/result';
import type { ValidationSummary } from '../../src-shared/validation';
import type { RowsExportJob, RowsExportOutcome } from '../driver-process/run-export';
import { cleanLeftovers, tempFilesOf, writeFileAtomicAsync } from '../files/atomic-file';
import {
  CONNECT_TIMEOUT_MS,
  type ContractChoice,
  failure,
  guardedStatement,
  type QueryTarget,
  readFirstRows,
  WATCHDOG_MARGIN_MS,
} from './run-query';
const MAX_FINDINGS = 1000;
/** How long a killed driver process may take to go, before its temp file can be removed. */
const LEFTOVER_WAIT_MS = 2_000;

export interface RowsExportOptions {
  format: 'csv' | 'jsonl';
  scope: 'preview' | 'full';
  /** Rows read in the preview scope. */
  limit: number;
  contract: ContractChoice;
  /** Rows with an error-severity finding are left out unless true. */
  includeInvalid: boolean;
  timeoutMs: number;
  onProgress?: (rowsRead: number, rowsWritten: number) => void;
  /** CSV only: start the file with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
  /** "Now" for the future-timestamp and stale-state rules; the current time unless given (tests fix it). */
  now?: Date;
}

export interface RowsExportResult {
  bytes: number;
  rowsWritten: number;
  rowsLeftOut: number;
  /** The ValidationSummary of the rows read. */
  validation: ValidationSummary;
  /** Written values that are exactly the connection's password: written unchanged, and warned about. */
  valuesEqualToPassword: number;
  /** For the export summary, without the password: values that are exactly the password. */
  warnings: string[];
}

/** Runs the query behind the statement guard (like previewQuery/validateQuery in run-query.ts) and writes the file atomically at outPath. Full scope streams in the driver process (op 'export'): rows are validated and written there batch by batch with openAtomicWriter, so memory stays flat at any size, and the child commits only after the last row; a cancel/timeout/crash leaves no file at outPath (and no temp file once cleanLeftovers runs). */
export async function exportRows(
  target: QueryTarget,
  options: RowsExportOptions,
  outPath: string,
): Promise<RowsExportResult> {
  const sql = guardedStatement(target.connection, target.sql);
  checkLimit(options);
  checkOutPath(outPath);
  const settings: Omit<RowsExportSettings, 'secret'> = {
    format: options.format,
    ...options.contract,
    now: options.now ?? new Date(),
    includeInvalid: options.includeInvalid,
    bom: options.bom ?? false,
    maxFindings: MAX_FINDINGS,
  };
  checkSettings(settings);
  return options.scope === 'preview'
    ? exportPreview(target, sql, options, settings, outPath)
    : exportFull(target, sql, options, settings, outPath);
}

/** The first `limit` rows, read like a preview, then validated and written here (at most 10,000 rows). */
async function exportPreview(
  target: QueryTarget,
  sql: string,
  options: RowsExportOptions,
  settings: Omit<RowsExportSettings, 'secret'>,
  outPath: string,
): Promise<RowsExportResult> {
  const { columns, rows } = await readFirstRows(target, sql, options);
  const pipeline = createRowsExport(columns, { ...settings, secret: target.password });
  const text = pipeline.preamble + rows.map((row) => pipeline.take(row.map(validatorValue), () => row) ?? '').join('');
  const data = Buffer.from(text, 'utf8');
  try {
    await writeFileAtomicAsync(outPath, data);
  } catch (error) {
    throw new ServiceError('INTERNAL', (error as Error).message);
  }
  const { rowsRead, rowsWritten, rowsLeftOut, valuesEqualToPassword } = pipeline.counts;
  options.onProgress?.(rowsRead, rowsWritten);
  return {
    bytes: data.byteLength,
    rowsWritten,
    rowsLeftOut,
    valuesEqualToPassword,
    warnings: pipeline.warnings,
    validation: pipeline.finish(),
  };
}

/** Every row, validated and written inside the driver process; only progress and counts come back. */
async function exportFull(
  target: QueryTarget,
  sql: string,
  options: RowsExportOptions,
  settings: Omit<RowsExportSettings, 'secret'>,
  outPath: string,
): Promise<RowsExportResult> {
  const job: RowsExportJob = {
    outPath: path.resolve(outPath),
    format: settings.format,
    bom: settings.bom ?? false,
    importType: settings.importType,
    intervalMinutes: settings.intervalMinutes,
    ruleSet: settings.ruleSet,
    timeZone: settings.timeZone,
    now: settings.now.toISOString(),
    includeInvalid: settings.includeInvalid,
    maxFindings: MAX_FINDINGS,
  };
  const response = await target.run<RowsExportOutcome>(
    {
      connection: target.connection,
      password: target.password,
      timeoutMs: CONNECT_TIMEOUT_MS,
      operation: { op: 'export', sql, statementTimeoutMs: options.timeoutMs, job },
    },
    CONNECT_TIMEOUT_MS + options.timeoutMs + WATCHDOG_MARGIN_MS,
    { signal: target.signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
  );
  if (!response.ok) {
    await removeLeftoversOf(outPath);
    failure(response);
  }
  const { bytes, rowsWritten, rowsLeftOut, valuesEqualToPassword, warnings, validation } = response.value;
  return { bytes, rowsWritten, rowsLeftOut, valuesEqualToPassword, warnings, validation };
}

function checkLimit(options: RowsExportOptions): void {
  if (options.scope === 'preview' && !(Number.isInteger(options.limit) && options.limit >= 1)) {
    const message = `the row limit must be a whole number of at least 1, not ${String(options.limit)}`;
    throw new ServiceError('INVALID_INPUT', message, [{ path: 'limit', message }]);
  }
}

/** Fails before the query runs (which may take many minutes) when the file cannot be written. */
function checkOutPath(outPath: string): void {
  const dir = path.dirname(path.resolve(outPath));
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a folder');
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new ServiceError('INTERNAL', `Cannot write the export file: the folder ${dir} is missing or not writable.`);
  }
  if (fs.existsSync(outPath) && !fs.statSync(outPath).isFile()) {
    throw new ServiceError('INTERNAL', `Cannot write the export file: ${outPath} is a folder.`);
  }
}

/** An unknown time zone or rule set is refused here, not after the driver process has started. */
function checkSettings(settings: Omit<RowsExportSettings, 'secret'>): void {
  try {
    createRowsExport([], settings);
  } catch (error) {
    const message = (error as Error).message;
    throw new ServiceError('INVALID_INPUT', message, [{ path: 'contract', message }]);
  }
}

/**
 * A cancelled, timed-out or crashed export leaves the temp file of the killed driver process.
 * That process may take a moment to be gone (cleanLeftovers spares live writers), so this waits
 * a little; whatever remains is removed by the cleanLeftovers at the next start.
 */
async function removeLeftoversOf(outPath: string): Promise<void> {
  const deadline = Date.now() + LEFTOVER_WAIT_MS;
  for (;;) {
    cleanLeftovers(path.dirname(path.resolve(outPath)));
    if (tempFilesOf(outPath).length === 0 || Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
