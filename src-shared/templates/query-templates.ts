/**
 * Query templates per import type, rule set and SQL dialect: the minimal query (every contract
 * column, aliased from placeholders) and worked examples. Pure: the editor's template menu and
 * tests use the same list.
 */
import { DEFAULT_RULE_SET_ID } from '../validation/rule-sets';
import { aggregatedIntervalTemplate, perContactTemplate, stateChangesTemplate } from './example-templates';
import { minimalTemplate } from './minimal-template';
import type { QueryTemplate, ResolvedOptions, TemplateOptions } from './template-types';

export {
  CONTRACT_ALIASES,
  CONTRACT_ALIASES_BY_RULE_SET,
  contractAliases,
  type ContractAlias,
} from './contract-aliases';
export { DIALECT_LABELS, intervalStartExpression, type IntervalMinutes } from './interval-start';
export type { QueryTemplate, TemplateKind, TemplateOptions } from './template-types';

const EXAMPLES: Readonly<Record<ResolvedOptions['importType'], (options: ResolvedOptions) => QueryTemplate>> = {
  interval: aggregatedIntervalTemplate,
  contact: perContactTemplate,
  'agent-states': stateChangesTemplate,
};

/** The templates of one import type, minimal first. */
export function queryTemplates(options: TemplateOptions): QueryTemplate[] {
  const resolved: ResolvedOptions = {
    importType: options.importType,
    ruleSet: options.ruleSet ?? DEFAULT_RULE_SET_ID,
    dialect: options.dialect ?? 'generic',
    intervalMinutes: options.intervalMinutes ?? 15,
  };
  return [minimalTemplate(resolved), EXAMPLES[resolved.importType](resolved)];
}
