/**
 * What the validation engine reports. Every finding names a stable rule id so the UI, the CLI's
 * JSON and the tests can rely on it; the severity of a rule is fixed here (not per call site) so
 * "counts per rule" always map to one severity.
 */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

interface RuleInfo {
  readonly severity: Severity;
  readonly title: string;
}

/**
 * The catalogue of rules. Errors are what the WFM system rejects or imports wrongly; warnings are
 * legal data with surprising consequences (an extra queue, an ambiguous hour); info is advice.
 */
export const RULES = {
  'required-column': { severity: 'error', title: 'Required column missing' },
  'duplicate-column': { severity: 'error', title: 'Column appears twice' },
  'column-case': { severity: 'warning', title: 'Column name differs in case' },
  'misspelt-column': { severity: 'warning', title: 'Optional column probably misspelt' },
  'unknown-column': { severity: 'info', title: 'Column not part of the contract' },
  'empty-required': { severity: 'error', title: 'Required value empty' },
  'type-integer': { severity: 'error', title: 'Not a whole number' },
  'type-datetime': { severity: 'error', title: 'Not a date and time' },
  'type-string': { severity: 'error', title: 'Not text' },
  'negative-count': { severity: 'error', title: 'Negative count or duration' },
  'answered-exceeds-offered': { severity: 'error', title: 'More answered than offered' },
  'flag-not-01': { severity: 'error', title: 'Flag is not 0 or 1' },
  'unknown-channel': { severity: 'error', title: 'Unknown channel' },
  'channel-case': { severity: 'warning', title: 'Channel differs in case or spaces' },
  'off-grid': { severity: 'error', title: 'Timestamp not on the interval grid' },
  'future-timestamp': { severity: 'error', title: 'Timestamp in the future' },
  'dst-gap': { severity: 'error', title: 'Local time does not exist (DST gap)' },
  'dst-repeated': { severity: 'warning', title: 'Local time occurs twice (DST fall-back)' },
  'duplicate-key': { severity: 'error', title: 'Duplicate queue, timestamp and channel' },
  'duplicate-check-window': { severity: 'info', title: 'Duplicate check limited to recent timestamps' },
  'queue-renamed': { severity: 'warning', title: 'Queue identifier with several names' },
  'end-before-start': { severity: 'error', title: 'State ends before it starts' },
  'overlapping-states': { severity: 'error', title: 'Overlapping states of one agent' },
  'unordered-states': { severity: 'info', title: 'States not ordered by start time' },
  'stale-open-state': { severity: 'warning', title: 'Open state older than 24 hours' },
  'agent-id-variant': { severity: 'warning', title: 'Agent identifier spelt several ways' },
  'distinct-limit': { severity: 'info', title: 'Too many distinct values to track' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export interface Finding {
  /** 1-based position of the row in the result; 0 for findings about the columns themselves. */
  row: number;
  /** The result's column name as the query spelt it, or the contract name when the column is missing. */
  column: string | null;
  rule: RuleId;
  severity: Severity;
  message: string;
}

export interface ValidationSummary {
  rowsChecked: number;
  /** Only rules that occurred; counting continues past maxFindings. */
  findingCounts: Partial<Record<RuleId, number>>;
  countsBySeverity: Record<Severity, number>;
  /** The first maxFindings findings, in the order they were found (column findings first). */
  findings: Finding[];
  /** True when no error-severity finding exists, including those beyond maxFindings. */
  ok: boolean;
  distinct: { queues: number; channels: number; agents: number; activities: number };
  /** Earliest and latest value of the import type's main time column, as UTC ISO strings. */
  firstTimestamp: string | null;
  lastTimestamp: string | null;
}

/** Builds a finding with the catalogue's severity, so call sites cannot disagree about it. */
export function finding(rule: RuleId, row: number, column: string | null, message: string): Finding {
  return { row, column, rule, severity: RULES[rule].severity, message };
}
