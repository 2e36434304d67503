/**
 * The minimal query of each import type: every contract column of the rule set, aliased from a
 * placeholder source column. It is the shortest correct query, so every line is something the
 * admin replaces or deletes; nothing in it depends on the SQL dialect.
 */
import type { ImportType } from '../contract/model';
import { contractAliases, type ContractAlias } from './contract-aliases';
import { renderSelect, type SelectItem } from './select-list';
import type { QueryTemplate, ResolvedOptions } from './template-types';

interface PlaceholderSource {
  table: string;
  alias: string;
  /** Contract column → placeholder source column. */
  columns: Readonly<Record<string, string>>;
}

const SOURCES: Readonly<Record<ImportType, PlaceholderSource>> = {
  interval: {
    table: 'your_interval_table',
    alias: 's',
    columns: {
      queueidentifier: 'queue_code',
      queuename: 'queue_name',
      timestamp: 'interval_start',
      offered: 'offered_count',
      answered: 'answered_count',
      handlingtime: 'handling_seconds',
      channel: 'channel',
    },
  },
  contact: {
    table: 'your_contact_table',
    alias: 'c',
    columns: {
      queueidentifier: 'queue_code',
      queuename: 'queue_name',
      timestamp: 'arrived_at',
      offered: 'offered_flag',
      answered: 'answered_flag',
      duration: 'handle_seconds',
      channel: 'channel',
    },
  },
  'agent-states': {
    table: 'your_agent_state_table',
    alias: 'a',
    columns: { agentidentifier: 'agent_login', starttime: 'state_start', endtime: 'state_end', activity: 'state_code' },
  },
};

const TYPE_WORDS: Readonly<Record<ContractAlias['type'], string>> = {
  string: 'text',
  integer: 'integer',
  datetime: 'date and time',
};

function grainLine(options: ResolvedOptions): string {
  switch (options.importType) {
    case 'interval':
      return `one row per queue and ${options.intervalMinutes}-minute interval.`;
    case 'contact':
      return 'one row per contact.';
    case 'agent-states':
      return 'one row per agent activity.';
  }
}

export function minimalTemplate(options: ResolvedOptions): QueryTemplate {
  const { importType, ruleSet } = options;
  const source = SOURCES[importType];
  const aliases = contractAliases(importType, ruleSet);
  const items: SelectItem[] = aliases.map((alias) => ({
    // A contract column without a placeholder would be a bug in this table; the unit test catches it.
    expression: `${source.alias}.${source.columns[alias.name] ?? alias.name}`,
    alias: alias.name,
    note: `${alias.required ? 'required' : 'optional'}, ${TYPE_WORDS[alias.type]}: ${alias.description}`,
  }));
  const header = [
    `-- Minimal ${importType} query (rules ${ruleSet}): ${grainLine(options)}`,
    `-- Replace ${source.table} and the source columns before each AS with your own names;`,
    '-- keep the names after AS: they are the column names the WFM system reads.',
    '-- Optional columns may be deleted.',
  ];
  return {
    id: `${importType}/minimal`,
    kind: 'minimal',
    importType,
    ruleSet,
    dialect: options.dialect,
    columns: items.map((item) => item.alias),
    sql: `${header.join('\n')}\n${renderSelect(items, `FROM ${source.table} ${source.alias}`)}`,
  };
}
