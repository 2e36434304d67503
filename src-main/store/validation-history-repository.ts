import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { lastValidationSchema, type LastValidation } from '../../src-shared/contract/last-validation';
import { formatIssues, issuesFromZod } from '../../src-shared/rpc/result';

/**
 * The fingerprint of a query as the history keeps it: the exact text, so any edit (even a
 * comment) counts as a change the hand-off sheet must mention.
 */
export function sqlSha256(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

interface RawLastValidation {
  kind: string;
  finished_at: string;
  sql_sha256: string;
  import_type: string;
  interval_minutes: number;
  rule_set: string;
  rows_checked: number;
  ok: number;
  counts_by_severity_json: string;
  finding_counts_json: string;
  first_timestamp: string | null;
  last_timestamp: string | null;
}

/** The last validation of each integration: one row each, replaced by every newer run. */
export class ValidationHistoryRepository {
  constructor(private readonly db: Database) {}

  record(integrationId: number, entry: LastValidation): void {
    const parsed = lastValidationSchema.safeParse(entry);
    if (!parsed.success) {
      // A caller bug, refused before anything is written.
      throw new TypeError(
        `Not a valid last validation for integration ${integrationId}: ${formatIssues(issuesFromZod(parsed.error))}`,
      );
    }
    const value = parsed.data;
    this.db
      .prepare(
        `INSERT INTO last_validations (integration_id, kind, finished_at, sql_sha256, import_type, interval_minutes,
           rule_set, rows_checked, ok, counts_by_severity_json, finding_counts_json, first_timestamp, last_timestamp)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (integration_id) DO UPDATE SET kind = excluded.kind, finished_at = excluded.finished_at,
           sql_sha256 = excluded.sql_sha256, import_type = excluded.import_type,
           interval_minutes = excluded.interval_minutes, rule_set = excluded.rule_set,
           rows_checked = excluded.rows_checked, ok = excluded.ok,
           counts_by_severity_json = excluded.counts_by_severity_json,
           finding_counts_json = excluded.finding_counts_json, first_timestamp = excluded.first_timestamp,
           last_timestamp = excluded.last_timestamp`,
      )
      .run(
        integrationId,
        value.kind,
        value.finishedAt,
        value.sqlSha256,
        value.importType,
        value.intervalMinutes,
        value.ruleSet,
        value.rowsChecked,
        value.ok ? 1 : 0,
        JSON.stringify(value.countsBySeverity),
        JSON.stringify(value.findingCounts),
        value.firstTimestamp,
        value.lastTimestamp,
      );
  }

  /**
   * Undefined when none was kept, and also for a row that no longer reads as one (edited by hand):
   * the sheet then asks for a new validation, which is the safe answer.
   */
  get(integrationId: number): LastValidation | undefined {
    const row = this.db.prepare('SELECT * FROM last_validations WHERE integration_id = ?').get(integrationId) as
      RawLastValidation | undefined;
    if (!row) return undefined;
    const parsed = lastValidationSchema.safeParse({
      kind: row.kind,
      finishedAt: row.finished_at,
      sqlSha256: row.sql_sha256,
      importType: row.import_type,
      intervalMinutes: row.interval_minutes,
      ruleSet: row.rule_set,
      rowsChecked: row.rows_checked,
      ok: row.ok === 1,
      countsBySeverity: parseJson(row.counts_by_severity_json),
      findingCounts: parseJson(row.finding_counts_json),
      firstTimestamp: row.first_timestamp,
      lastTimestamp: row.last_timestamp,
    });
    return parsed.success ? parsed.data : undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
