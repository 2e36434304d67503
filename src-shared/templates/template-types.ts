import type { ImportType } from '../contract/model';
import type { Dialect } from '../sql/dialect';
import type { RuleSetId } from '../validation/rule-sets';
import type { IntervalMinutes } from './interval-start';

/**
 * `minimal`: every contract column aliased from placeholder source columns. The others are worked
 * examples: `aggregated` turns a per-contact table into intervals with SUM(CASE …), `per-contact`
 * derives 0/1 flags from a call log, `state-changes` derives end times from a log of state starts.
 */
export type TemplateKind = 'minimal' | 'aggregated' | 'per-contact' | 'state-changes';

export interface TemplateOptions {
  importType: ImportType;
  ruleSet?: RuleSetId;
  /** Picks the dialect-specific expressions; `generic` leaves a placeholder and lists them all. */
  dialect?: Dialect;
  intervalMinutes?: IntervalMinutes;
}

export interface QueryTemplate {
  /** Stable within one options set: `importType/kind`. */
  readonly id: string;
  readonly kind: TemplateKind;
  readonly importType: ImportType;
  readonly ruleSet: RuleSetId;
  readonly dialect: Dialect;
  /** The result column names, in order: exactly the contract columns the template returns. */
  readonly columns: readonly string[];
  readonly sql: string;
}

export type ResolvedOptions = Required<TemplateOptions>;
