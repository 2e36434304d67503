import type { ImportType } from '../../src-shared/contract/model';
import { createValidator, type RuleSetId, type ValidationSummary } from '../../src-shared/validation';
import { ZoneClock } from '../../src-shared/validation/time-zone';
import type { DbSession } from '../drivers/db-session';

export interface FullValidationOptions {
  importType: ImportType;
  intervalMinutes: 15 | 30;
  ruleSet: RuleSetId;
  timeZone: string;
  /** ISO instant: "now" for the future-timestamp and stale-state rules. */
  now: string;
  /** Optional range of the row timestamps to check, ISO instants, `to` exclusive. */
  from?: string;
  to?: string;
  maxFindings: number;
}

export interface FullValidationResult extends ValidationSummary {
  rowsRead: number;
  /** Rows outside the date range: read but not checked. */
  rowsSkipped: number;
  elapsedMs: number;
  /** The driver process's peak resident memory, for the constant-memory promise. */
  peakRssMb: number;
}

const BATCH_SIZE = 2000;
const PROGRESS_EVERY_MS = 250;

/**
 * Every row of the query through the validator, in the driver process: the rows never travel
 * to the main process, only progress and the summary do, so memory stays flat at any size.
 */
export async function runFullValidation(
  session: DbSession,
  sql: string,
  statementTimeoutMs: number,
  options: FullValidationOptions,
  onProgress: (rowsRead: number, rowsChecked: number) => void,
): Promise<FullValidationResult> {
  const started = performance.now();
  const stream = await session.stream(sql, { batchSize: BATCH_SIZE, timeoutMs: statementTimeoutMs });
  const validator = createValidator({ ...options, now: new Date(options.now) });
  validator.setColumns(stream.columns);
  const inRange = rangeFilter(stream.columns, options);
  let rowsRead = 0;
  let rowsSkipped = 0;
  let lastReport = performance.now();
  for await (const batch of stream.batches) {
    for (const row of batch) {
      rowsRead++;
      if (inRange(row)) validator.addRow(row);
      else rowsSkipped++;
    }
    if (performance.now() - lastReport >= PROGRESS_EVERY_MS) {
      lastReport = performance.now();
      onProgress(rowsRead, rowsRead - rowsSkipped);
    }
  }
  onProgress(rowsRead, rowsRead - rowsSkipped);
  return {
    ...validator.finish(),
    rowsRead,
    rowsSkipped,
    elapsedMs: Math.round(performance.now() - started),
    // maxRSS is in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * Rows whose contract timestamp (timestamp, or starttime for agent states) falls in [from, to).
 * The range is applied to the result, not written into the admin's SQL; a row whose timestamp
 * cannot be read is checked (the validator will report it).
 */
function rangeFilter(columns: string[], options: FullValidationOptions): (row: unknown[]) => boolean {
  if (!options.from && !options.to) return () => true;
  const wanted = options.importType === 'agent-states' ? 'starttime' : 'timestamp';
  const index = columns.findIndex((name) => name.toLowerCase() === wanted);
  if (index < 0) return () => true;
  const from = options.from ? Date.parse(options.from) : -Infinity;
  const to = options.to ? Date.parse(options.to) : Infinity;
  // The clock resolves each timestamp to its instant without formatting it, once per row.
  const clock = new ZoneClock(options.timeZone);
  return (row) => {
    const instant = clock.resolve(row[index])?.epochMs;
    if (instant === undefined) return true;
    return instant >= from && instant < to;
  };
}
