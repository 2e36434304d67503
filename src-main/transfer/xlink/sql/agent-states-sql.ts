import type { Dialect } from '../../../../src-shared/sql/dialect';
import { generatedHeader, selectList, type GeneratedSql } from './generated-sql';
import { sqlName, sqlString } from './identifiers';
import { addSeconds, timestampExpression, type SqlIssue, type TimestampType } from './timestamp-expression';

/** Xlink's ActivityTimeSpanType: 0 start + duration, 1 start and end, 2 start only (a state-change log). */
export type TimeSpanType = 0 | 1 | 2;

export interface TimestampColumn {
  column: string;
  type: TimestampType;
  format: string | undefined;
}

export interface AgentActivitySpec {
  section: string;
  table: string;
  agentColumn: string;
  activityColumn: string;
  spanType: TimeSpanType;
  start: TimestampColumn;
  /** Span type 1. */
  end?: TimestampColumn;
  /** Span type 0: seconds. */
  durationColumn?: string;
  /** Span type 2: the states that end a shift. */
  logOffActivities: readonly string[];
  dialect: Dialect;
}

export function agentStatesSql(spec: AgentActivitySpec): GeneratedSql {
  const { dialect } = spec;
  const agent = `s.${sqlName(spec.agentColumn, dialect)}`;
  const activity = `s.${sqlName(spec.activityColumn, dialect)}`;
  const issues: SqlIssue[] = [];
  const convert = (key: string, column: TimestampColumn) => {
    const result = timestampExpression(
      `s.${sqlName(column.column, dialect)}`,
      column.type,
      column.format,
      dialect,
      key,
    );
    issues.push(...result.issues);
    return result.sql;
  };
  const start = convert('ActivityStartTimeStampColumn', spec.start);
  const from = `FROM ${sqlName(spec.table, dialect)} s`;
  const keys = [
    'AgentActivityTable',
    'AgentColumn',
    'ActivityColumn',
    'ActivityTimeSpanType',
    'ActivityStartTimeStamp*',
  ];

  if (spec.spanType === 2) {
    return { sql: stateChangeLog(spec, { agent, activity, start, from }, keys, issues), issues };
  }
  let end: string;
  if (spec.spanType === 1 && spec.end) {
    end = convert('ActivityEndTimeStampColumn', spec.end);
    keys.push('ActivityEndTimeStamp*');
  } else {
    end = addSeconds(start, `s.${sqlName(spec.durationColumn ?? '', dialect)}`, dialect);
    keys.push('ActivityDurationColumn');
    if (dialect === 'generic' && spec.start.type === 0) {
      issues.push({
        severity: 'warning',
        message:
          'The end is ActivityDurationColumn added to text timestamps, and the database behind this DSN is ' +
          'unknown, so no conversion to a datetime could be written: drivers that do not convert text ' +
          'implicitly refuse the query. Then convert ActivityStartTimeStampColumn to a datetime in the SQL.',
      });
    }
  }
  const sql = [
    ...generatedHeader('Agent states', spec.section, keys),
    'SELECT',
    ...selectList([
      [agent, 'agentidentifier'],
      [start, 'starttime'],
      [end, 'endtime'],
      [activity, 'activity'],
    ]),
    from,
    'ORDER BY 2, 1',
  ].join('\n');
  return { sql, issues };
}

/**
 * A log that records only when each state started: a state ends when the agent's next one starts
 * (LEAD). Log-off states end the state before them and are then left out; the agent's current
 * state keeps a NULL end, which the contract reads as "still going".
 */
function stateChangeLog(
  spec: AgentActivitySpec,
  parts: { agent: string; activity: string; start: string; from: string },
  keys: string[],
  issues: SqlIssue[],
): string {
  const literals: string[] = [];
  for (const name of spec.logOffActivities) {
    const literal = sqlString(name, spec.dialect);
    if (literal !== undefined) literals.push(literal);
    else
      issues.push({
        severity: 'error',
        message: `LogOffActivities: ${JSON.stringify(name)} holds a backslash, which databases read differently; it was left out of the query. Add it by hand.`,
      });
  }
  if (spec.logOffActivities.length === 0) {
    issues.push({
      severity: 'warning',
      message:
        'ActivityTimeSpanType 2 without LogOffActivities: the last state before a log-off lasts until the next ' +
        "log-in. Add the log-off states to the query's WHERE clause.",
    });
  } else {
    keys.push('LogOffActivities');
  }
  const lines = [
    ...generatedHeader('Agent states', spec.section, keys, [
      "A state ends when the agent's next state starts; the current state has no end yet.",
    ]),
    'SELECT',
    '  l.agentidentifier,',
    '  l.starttime,',
    '  l.endtime,',
    '  l.activity',
    'FROM (',
    '  SELECT',
    ...selectList(
      [
        [parts.agent, 'agentidentifier'],
        [parts.start, 'starttime'],
        [`LEAD(${parts.start}) OVER (PARTITION BY ${parts.agent} ORDER BY ${parts.start})`, 'endtime'],
        [parts.activity, 'activity'],
      ],
      '    ',
    ),
    `  ${parts.from}`,
    ') l',
  ];
  if (literals.length > 0) lines.push(`WHERE l.activity NOT IN (${literals.join(', ')})`);
  lines.push('ORDER BY l.starttime, l.agentidentifier');
  return lines.join('\n');
}
