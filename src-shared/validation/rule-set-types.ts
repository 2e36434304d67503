/**
 * The shape of a rule set. Rule sets are data: which columns an import type has, and which
 * checks (by id, with parameters) apply. The engine looks each check up by id, so a new WFM
 * contract version is a new object in rule-sets.ts, not a new branch in the engine.
 */
import type { ImportType } from '../contract/model';

export type ColumnType = 'string' | 'integer' | 'datetime';

/**
 * 'not-part-of-contract' names a column an older or newer contract had, so a query that still
 * returns it gets a precise explanation instead of a generic "unknown column".
 */
export type ColumnPresence = 'required' | 'optional' | 'not-part-of-contract';

export interface ColumnRule {
  readonly name: string;
  readonly type: ColumnType;
  readonly presence: ColumnPresence;
  /** One line for tooltips and messages. */
  readonly meaning: string;
}

export type CheckRule =
  | { readonly id: 'negative-count'; readonly columns: readonly string[] }
  | { readonly id: 'answered-exceeds-offered'; readonly answered: string; readonly offered: string }
  | { readonly id: 'flag-not-01'; readonly columns: readonly string[] }
  | {
      readonly id: 'unknown-channel';
      readonly column: string;
      readonly allowed: readonly string[];
      /** What NULL or '' means; the WFM system substitutes it. */
      readonly emptyMeans: string;
    }
  | { readonly id: 'off-grid'; readonly column: string }
  | {
      readonly id: 'future-timestamp';
      readonly columns: readonly string[];
      /** Allowance for clock skew between the database server and this machine. */
      readonly toleranceSeconds: number;
    }
  | {
      readonly id: 'duplicate-key';
      /** Queue, time, channel: the time column must be a datetime column. */
      readonly queue: string;
      readonly time: string;
      readonly channel: string;
      readonly channelEmptyMeans: string;
      /** How many distinct timestamps the check remembers (see duplicate-key-check.ts). */
      readonly windowTimestamps: number;
      /** Upper bound on remembered keys, whatever the number of queues. */
      readonly maxKeys: number;
    }
  | { readonly id: 'queue-renamed'; readonly identifier: string; readonly name: string }
  | { readonly id: 'end-before-start'; readonly start: string; readonly end: string }
  | { readonly id: 'overlapping-states'; readonly agent: string; readonly start: string; readonly end: string }
  | { readonly id: 'stale-open-state'; readonly start: string; readonly end: string; readonly maxOpenHours: number }
  | { readonly id: 'agent-id-variant'; readonly column: string };

export type CheckId = CheckRule['id'];

export type DistinctKind = 'queues' | 'channels' | 'agents' | 'activities';

export interface ImportRules {
  readonly columns: readonly ColumnRule[];
  readonly checks: readonly CheckRule[];
  /** The column whose first and last value the summary reports. */
  readonly timeColumn: string;
  /** Which column feeds each distinct count; emptyMeans counts NULL (or a missing column) as that value. */
  readonly distinct: Partial<Record<DistinctKind, { readonly column: string; readonly emptyMeans?: string }>>;
}

export interface RuleSet {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly importTypes: Readonly<Record<ImportType, ImportRules>>;
}
