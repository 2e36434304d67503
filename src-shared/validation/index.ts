/** The validation engine's public API: rule sets as data, column and row checks, time zones. */
export { checkColumns, type ColumnCheckContext, type ColumnMatch } from './check-columns';
export { createValidator, type Validator, type ValidatorOptions } from './create-validator';
export {
  RULE_IDS,
  RULES,
  SEVERITIES,
  type Finding,
  type RuleId,
  type Severity,
  type ValidationSummary,
} from './finding';
export type { CheckRule, ColumnPresence, ColumnRule, ColumnType, ImportRules, RuleSet } from './rule-set-types';
export {
  CHANNELS,
  DEFAULT_RULE_SET_ID,
  EMPTY_CHANNEL_MEANS,
  getRuleSet,
  isRuleSetId,
  RULE_SET_IDS,
  type RuleSetId,
} from './rule-sets';
export { interpretTimestamp, type DstFlag, type TimestampInterpretation } from './time-zone';
