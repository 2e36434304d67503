import type { ImportType } from '../../src-shared/contract/model';
import { createRowsExport, type RowsExportPipeline, type RowsFileFormat } from '../../src-shared/export';
import type { RuleSetId, ValidationSummary } from '../../src-shared/validation';
import type { DbSession } from '../drivers/db-session';
import { toCell } from '../drivers/shared/to-cell';
import { openAtomicWriter } from '../files/atomic-file';

export interface RowsExportJob {
  /** Where the file goes; written atomically, so it appears only once every row is in it. */
  outPath: string;
  format: RowsFileFormat;
  bom: boolean;
  importType: ImportType;
  intervalMinutes: 15 | 30;
  ruleSet: RuleSetId;
  timeZone: string;
  /** ISO instant: "now" for the future-timestamp and stale-state rules. */
  now: string;
  includeInvalid: boolean;
  maxFindings: number;
}

export interface RowsExportOutcome {
  bytes: number;
  rowsRead: number;
  rowsWritten: number;
  rowsLeftOut: number;
  /** Written values that are exactly the connection's password; they are written unchanged. */
  valuesEqualToPassword: number;
  /** For the export summary (a value that is the password); never the password itself. */
  warnings: string[];
  validation: ValidationSummary;
  elapsedMs: number;
  /** The driver process's peak resident memory, for the constant-memory promise. */
  peakRssMb: number;
}

/** A failure of the export file rather than of the database, so it is not classified as a driver error. */
export class ExportFileError extends Error {
  override readonly name = 'ExportFileError';
}

const BATCH_SIZE = 2000;
const PROGRESS_EVERY_MS = 250;

/**
 * Every row of the query, validated and written batch by batch in the driver process: the rows
 * never travel to the main process and never pile up here, so memory stays flat at any size.
 * The file is committed only after the last row; a failure, cancel or kill before that leaves
 * the target as it was (and at most a temp file that cleanLeftovers removes).
 */
export async function runRowsExport(
  session: DbSession,
  sql: string,
  statementTimeoutMs: number,
  job: RowsExportJob,
  password: string | undefined,
  onProgress: (rowsRead: number, rowsWritten: number) => void,
): Promise<RowsExportOutcome> {
  const started = performance.now();
  // The file first: a folder that cannot be written fails before the query has cost anything.
  const writer = await fileStep(() => openAtomicWriter(job.outPath));
  let rows: RowsExportPipeline;
  try {
    const stream = await session.stream(sql, { batchSize: BATCH_SIZE, timeoutMs: statementTimeoutMs });
    rows = createRowsExport(stream.columns, { ...job, now: new Date(job.now), secret: password });
    await fileStep(() => writer.write(rows.preamble));
    let lastReport = performance.now();
    for await (const batch of stream.batches) {
      let text = '';
      for (const values of batch) text += rows.take(values, () => values.map(toCell)) ?? '';
      await fileStep(() => writer.write(text));
      if (performance.now() - lastReport >= PROGRESS_EVERY_MS) {
        lastReport = performance.now();
        onProgress(rows.counts.rowsRead, rows.counts.rowsWritten);
      }
    }
    await fileStep(() => writer.commit());
  } catch (error) {
    // The query, the validation or the file failed: the target stays as it was.
    await writer.abort();
    throw error;
  }
  const { rowsRead, rowsWritten, rowsLeftOut, valuesEqualToPassword } = rows.counts;
  onProgress(rowsRead, rowsWritten);
  return {
    bytes: writer.bytesWritten,
    rowsRead,
    rowsWritten,
    rowsLeftOut,
    valuesEqualToPassword,
    warnings: rows.warnings,
    validation: rows.finish(),
    elapsedMs: Math.round(performance.now() - started),
    // maxRSS is in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function fileStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new ExportFileError((error as Error).message, { cause: error });
  }
}
