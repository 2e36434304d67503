import { describe, expect, it } from 'vitest';
import { IMPORT_TYPES, RULE_SETS } from '../../../src-shared/contract/model';
import { CHECKS } from '../../../src-shared/validation/check-registry';
import { createValidator } from '../../../src-shared/validation/create-validator';
import { RULES } from '../../../src-shared/validation/finding';
import {
  CHANNELS,
  DEFAULT_RULE_SET_ID,
  getRuleSet,
  isRuleSetId,
  RULE_SET_IDS,
} from '../../../src-shared/validation/rule-sets';
import { NOW } from './fixtures';

describe('rule sets as data', () => {
  it('are the contract model’s rule sets, wfm-2024-05 first and by default', () => {
    expect(RULE_SET_IDS).toEqual(RULE_SETS);
    expect(DEFAULT_RULE_SET_ID).toBe('wfm-2024-05');
    expect(getRuleSet().id).toBe('wfm-2024-05');
    expect(isRuleSetId('wfm-2023-12')).toBe(true);
    expect(isRuleSetId('toString')).toBe(false);
    expect(() => getRuleSet('wfm-1999-01')).toThrow(RangeError);
  });

  it.each(RULE_SET_IDS.flatMap((id) => IMPORT_TYPES.map((type) => [id, type] as const)))(
    '%s %s: every check has an implementation and names declared columns',
    (id, importType) => {
      const rules = getRuleSet(id).importTypes[importType];
      for (const check of rules.checks) {
        expect(CHECKS[check.id]).toBeTypeOf('function');
        expect(Object.keys(RULES)).toContain(check.id);
      }
      // Building the checks resolves every column they name, and throws for an unknown one.
      const validator = createValidator({ importType, ruleSet: id, intervalMinutes: 15, timeZone: 'UTC', now: NOW });
      expect(() => validator.setColumns(rules.columns.map((column) => column.name))).not.toThrow();
    },
  );

  it('differ only in the contact rules', () => {
    const current = getRuleSet('wfm-2024-05').importTypes;
    const older = getRuleSet('wfm-2023-12').importTypes;
    expect(current.interval).toEqual(older.interval);
    expect(current['agent-states']).toEqual(older['agent-states']);
    const presence = (rules: typeof current.contact) =>
      Object.fromEntries(rules.columns.map((c) => [c.name, c.presence]));
    expect(presence(current.contact)).toMatchObject({ offered: 'not-part-of-contract', duration: 'optional' });
    expect(presence(older.contact)).toMatchObject({ offered: 'required', duration: 'required' });
  });

  it('list the channels of the documentation, empty meaning calls', () => {
    expect(CHANNELS).toEqual(['calls', 'chats', 'emails', 'social_media', 'documents', 'cases']);
    const channelCheck = getRuleSet().importTypes.interval.checks.find((check) => check.id === 'unknown-channel');
    expect(channelCheck).toMatchObject({ emptyMeans: 'calls' });
  });

  it('a rule set naming an unknown column is rejected when the validator is built', () => {
    const base = getRuleSet();
    const broken = {
      ...base,
      importTypes: {
        ...base.importTypes,
        interval: { ...base.importTypes.interval, checks: [{ id: 'negative-count' as const, columns: ['abandoned'] }] },
      },
    };
    const validator = createValidator({
      importType: 'interval',
      ruleSet: broken,
      intervalMinutes: 15,
      timeZone: 'UTC',
      now: NOW,
    });
    expect(() => validator.setColumns(['offered'])).toThrow(/unknown column "abandoned"/);
  });

  it('bad options throw when the validator is made', () => {
    const options = { importType: 'interval' as const, intervalMinutes: 15 as const, timeZone: 'UTC', now: NOW };
    expect(() => createValidator({ ...options, timeZone: 'Europe/Atlantis' })).toThrow(RangeError);
    expect(() => createValidator({ ...options, now: new Date(NaN) })).toThrow(RangeError);
    expect(() => createValidator({ ...options, ruleSet: 'nope' as 'wfm-2024-05' })).toThrow(RangeError);
    expect(() => createValidator(options).addRow([])).toThrow(/setColumns/);
  });
});
