import { describe, expect, it } from 'vitest';
import {
  CONTRACT_ALIASES,
  CONTRACT_ALIASES_BY_RULE_SET,
  contractAliases,
} from '../../../src-shared/templates/contract-aliases';

// Written out from DOMAIN.md ("The three import types and their columns"), independently of the
// validation rule sets the aliases are derived from: name, type, required.
const DOMAIN = {
  interval: [
    ['queueidentifier', 'string', true],
    ['queuename', 'string', true],
    ['timestamp', 'datetime', true],
    ['offered', 'integer', true],
    ['answered', 'integer', true],
    ['handlingtime', 'integer', true],
    ['channel', 'string', false],
  ],
  contact2023: [
    ['queueidentifier', 'string', true],
    ['queuename', 'string', true],
    ['timestamp', 'datetime', true],
    ['offered', 'integer', true],
    ['answered', 'integer', true],
    ['duration', 'integer', true],
    ['channel', 'string', false],
  ],
  contact2024: [
    ['queueidentifier', 'string', true],
    ['queuename', 'string', true],
    ['timestamp', 'datetime', true],
    ['answered', 'integer', true],
    ['duration', 'integer', false],
    ['channel', 'string', false],
  ],
  agentStates: [
    ['agentidentifier', 'string', true],
    ['starttime', 'datetime', true],
    ['endtime', 'datetime', false],
    ['activity', 'string', true],
  ],
} as const;

const shape = (aliases: readonly { name: string; type: string; required: boolean }[]) =>
  aliases.map(({ name, type, required }) => [name, type, required]);

describe('contract aliases', () => {
  it('match the columns DOMAIN.md lists for each import type and rule set', () => {
    for (const ruleSet of ['wfm-2024-05', 'wfm-2023-12'] as const) {
      expect(shape(contractAliases('interval', ruleSet))).toEqual(DOMAIN.interval);
      expect(shape(contractAliases('agent-states', ruleSet))).toEqual(DOMAIN.agentStates);
    }
    expect(shape(contractAliases('contact', 'wfm-2023-12'))).toEqual(DOMAIN.contact2023);
    expect(shape(contractAliases('contact', 'wfm-2024-05'))).toEqual(DOMAIN.contact2024);
  });

  it('default to the current rule set and describe every column', () => {
    expect(CONTRACT_ALIASES).toBe(CONTRACT_ALIASES_BY_RULE_SET['wfm-2024-05']);
    expect(shape(CONTRACT_ALIASES.contact)).toEqual(DOMAIN.contact2024);
    for (const aliases of Object.values(CONTRACT_ALIASES_BY_RULE_SET).flatMap((byType) => Object.values(byType)))
      for (const alias of aliases) expect(alias.description.length).toBeGreaterThan(5);
    expect(contractAliases('interval').find((alias) => alias.name === 'timestamp')?.description).toMatch(/interval/);
    expect(contractAliases('contact').find((alias) => alias.name === 'timestamp')?.description).toMatch(/contact/);
  });
});
