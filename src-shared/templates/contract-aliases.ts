/**
 * The result column names (aliases) a query must produce, per import type and rule set, for
 * completion and templates. Derived from the validation rule sets so the editor never suggests a
 * column the validator would reject; columns a contract version dropped (contact `offered` in
 * 2024-05) are left out.
 */
import type { ImportType } from '../contract/model';
import type { ColumnType } from '../validation/rule-set-types';
import { DEFAULT_RULE_SET_ID, getRuleSet, type RuleSetId } from '../validation/rule-sets';

export interface ContractAlias {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly description: string;
}

/** Where the rule sets' one-line meaning is shared between import types, the editor can be precise. */
const DESCRIPTIONS: Partial<Record<ImportType, Readonly<Record<string, string>>>> = {
  interval: { timestamp: 'start of the interval, on the 15- or 30-minute grid' },
  contact: { timestamp: 'when the contact arrived' },
};

/** The contract's columns of one import type under one rule set, in contract order. */
export function contractAliases(importType: ImportType, ruleSet: RuleSetId = DEFAULT_RULE_SET_ID): ContractAlias[] {
  return getRuleSet(ruleSet)
    .importTypes[importType].columns.filter((column) => column.presence !== 'not-part-of-contract')
    .map((column) => ({
      name: column.name,
      type: column.type,
      required: column.presence === 'required',
      description: DESCRIPTIONS[importType]?.[column.name] ?? column.meaning,
    }));
}

type AliasesByImportType = Readonly<Record<ImportType, readonly ContractAlias[]>>;

const byImportType = (ruleSet: RuleSetId): AliasesByImportType => ({
  interval: contractAliases('interval', ruleSet),
  contact: contractAliases('contact', ruleSet),
  'agent-states': contractAliases('agent-states', ruleSet),
});

/** Every rule set's aliases; only the contact columns differ between them. */
export const CONTRACT_ALIASES_BY_RULE_SET: Readonly<Record<RuleSetId, AliasesByImportType>> = {
  'wfm-2024-05': byImportType('wfm-2024-05'),
  'wfm-2023-12': byImportType('wfm-2023-12'),
};

/** The default rule set's aliases (wfm-2024-05); use contractAliases() for another rule set. */
export const CONTRACT_ALIASES: AliasesByImportType = CONTRACT_ALIASES_BY_RULE_SET[DEFAULT_RULE_SET_ID];
