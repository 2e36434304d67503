import type { Integration } from '../../../../src-shared/contract/model';
import type { Dialect } from '../../../../src-shared/sql/dialect';
import { contractAliases } from '../../../../src-shared/templates/contract-aliases';
import { note } from '../transfer-notes';
import type { IniBuilder } from './ini-builder';
import { oneLineSql } from './one-line-sql';

/**
 * The universal-interface keys that make Xlink read a view over the contract columns: the names
 * Xlink asks for are the contract's own aliases, so the keys are the same for every system.
 */

/** An SQL value on its one ini line, or a note saying why it could not be written. */
function sqlKey(key: string, sql: string, dialect: Dialect, ini: IniBuilder, section: string): [string, string][] {
  const line = oneLineSql(sql, dialect);
  if (line.ok) return [[key, line.sql]];
  ini.notes.push(note('warning', `${key} was not written: ${line.reason}.`, { section, key }));
  return [];
}

export function callDataKeys(
  integration: Integration,
  view: string,
  dialect: Dialect,
  ini: IniBuilder,
  section: string,
): [string, string][] {
  // Interval views carry offered, answered and handlingtime; contact views the rule set's counts.
  const valueTypes =
    integration.importType === 'interval'
      ? ['offered', 'answered', 'handlingtime']
      : contractAliases('contact', integration.ruleSet)
          .filter((alias) => alias.type === 'integer')
          .map((alias) => alias.name);
  const keys: [string, string][] = [
    ['CallDataTable', view],
    ['TimeStampColumn', 'timestamp'],
    ['QueueNameColumn', 'queuename'],
    ['ValueTypes', valueTypes.join(';')],
    ...sqlKey('QueueSQL', `SELECT DISTINCT queuename FROM ${view} ORDER BY queuename`, dialect, ini, section),
  ];
  if (integration.intervalMinutes === 30) keys.push(['IntervalLength', '30']);
  return keys;
}

export function agentKeys(view: string, dialect: Dialect, ini: IniBuilder, section: string): [string, string][] {
  return [
    ['AgentActivityTable', view],
    ['AgentColumn', 'agentidentifier'],
    ['ActivityColumn', 'activity'],
    ['ActivityTimeSpanType', '1'],
    ['ActivityStartTimeStampColumn', 'starttime'],
    ['ActivityStartTimeStampType', '2'],
    ['ActivityEndTimeStampColumn', 'endtime'],
    ['ActivityEndTimeStampType', '2'],
    ...sqlKey('ActivitySQL', `SELECT DISTINCT activity, activity FROM ${view}`, dialect, ini, section),
  ];
}
