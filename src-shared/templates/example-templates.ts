/**
 * Worked examples: the shapes admins most often have to turn into a contract. Source tables and
 * columns are placeholders named in each header. Only the interval example depends on the
 * dialect (there is no portable way to cut time into intervals); the others are plain SQL.
 */
import { contractAliases } from './contract-aliases';
import { DIALECT_LABELS, intervalStartExpression, intervalStartNotes } from './interval-start';
import { renderSelect, type SelectItem } from './select-list';
import type { QueryTemplate, ResolvedOptions, TemplateKind } from './template-types';

/** Unmapped media types pass through unchanged, so the preview flags them instead of hiding them as calls. */
function channelCase(column: string, indent = ''): string {
  return [
    `CASE ${column}`,
    `  WHEN 'voice' THEN 'calls'`,
    `  WHEN 'chat' THEN 'chats'`,
    `  WHEN 'email' THEN 'emails'`,
    `  ELSE ${column}`,
    'END',
  ].join(`\n${indent}`);
}

const ANSWERED = 'answered_at IS NOT NULL';

/** Orders the items as the contract does and drops those the rule set does not have. */
function inContractOrder(options: ResolvedOptions, items: readonly SelectItem[]): SelectItem[] {
  return contractAliases(options.importType, options.ruleSet).flatMap(
    (alias) => items.find((item) => item.alias === alias.name) ?? [],
  );
}

function template(options: ResolvedOptions, kind: TemplateKind, items: readonly SelectItem[], sql: string) {
  return {
    id: `${options.importType}/${kind}`,
    kind,
    importType: options.importType,
    ruleSet: options.ruleSet,
    dialect: options.dialect,
    columns: items.map((item) => item.alias),
    sql,
  } satisfies QueryTemplate;
}

export function aggregatedIntervalTemplate(options: ResolvedOptions): QueryTemplate {
  const minutes = options.intervalMinutes;
  const { dialect } = options;
  const start = dialect === 'generic' ? 'c.interval_start' : intervalStartExpression(dialect, 'c.arrived_at', minutes);
  const header = [
    `-- Intervals from a per-contact table: one row per queue, ${minutes}-minute interval and channel.`,
    '-- Replace your_contact_table and its columns: queue_code, queue_name, arrived_at (when the contact',
    '-- reached the queue), answered_at (NULL when not answered), handle_seconds (talk, hold and wrap-up)',
    '-- and media_type. Intervals without any contact give no row.',
    dialect === 'generic'
      ? '-- Replace c.interval_start with the start of the interval of c.arrived_at in your database, e.g.:'
      : `-- The interval start is written for ${DIALECT_LABELS[dialect]}; in other databases it is:`,
    ...intervalStartNotes('c.arrived_at', minutes),
  ];
  const items: SelectItem[] = [
    { expression: 'b.queue_code', alias: 'queueidentifier' },
    { expression: 'b.queue_name', alias: 'queuename' },
    { expression: 'b.interval_start', alias: 'timestamp', note: `start of the ${minutes}-minute interval` },
    { expression: 'COUNT(*)', alias: 'offered', note: 'every contact that reached the queue' },
    { expression: `SUM(CASE WHEN b.${ANSWERED} THEN 1 ELSE 0 END)`, alias: 'answered' },
    {
      expression: `SUM(CASE WHEN b.${ANSWERED} THEN b.handle_seconds ELSE 0 END)`,
      alias: 'handlingtime',
      note: 'total of the interval, not an average',
    },
    { expression: 'b.channel', alias: 'channel' },
  ];
  // The derived table computes the interval once: SQL Server cannot GROUP BY a SELECT alias.
  const from = [
    'FROM (',
    '  SELECT',
    '    c.queue_code,',
    '    c.queue_name,',
    `    ${start} AS interval_start,`,
    '    c.answered_at,',
    '    c.handle_seconds,',
    `    ${channelCase('c.media_type', '    ')} AS channel`,
    '  FROM your_contact_table c',
    ') b',
    'GROUP BY b.queue_code, b.queue_name, b.interval_start, b.channel',
    'ORDER BY b.interval_start, b.queue_code',
  ].join('\n');
  return template(options, 'aggregated', items, `${header.join('\n')}\n${renderSelect(items, from)}`);
}

export function perContactTemplate(options: ResolvedOptions): QueryTemplate {
  const header = [
    `-- Contacts from a call log (rules ${options.ruleSet}): one row per contact, 0/1 flags made with CASE.`,
    '-- Replace your_contact_table and its columns: queue_code, queue_name, arrived_at, answered_at',
    '-- (NULL when not answered), handle_seconds and media_type.',
  ];
  const items = inContractOrder(options, [
    { expression: 'c.queue_code', alias: 'queueidentifier' },
    { expression: 'c.queue_name', alias: 'queuename' },
    { expression: 'c.arrived_at', alias: 'timestamp' },
    { expression: '1', alias: 'offered', note: 'every contact in the log reached the queue' },
    { expression: `CASE WHEN c.${ANSWERED} THEN 1 ELSE 0 END`, alias: 'answered' },
    { expression: `CASE WHEN c.${ANSWERED} THEN c.handle_seconds ELSE 0 END`, alias: 'duration' },
    { expression: channelCase('c.media_type'), alias: 'channel' },
  ]);
  const from = 'FROM your_contact_table c\nORDER BY c.arrived_at';
  return template(options, 'per-contact', items, `${header.join('\n')}\n${renderSelect(items, from)}`);
}

export function stateChangesTemplate(options: ResolvedOptions): QueryTemplate {
  const header = [
    '-- Agent states from a log that records only when each state started: a state ends when the',
    "-- agent's next state starts (LEAD), and endtime stays NULL for the state the agent is in now.",
    '-- Needs window functions: PostgreSQL, MySQL 8, MariaDB 10.2, SQL Server 2012, SQLite 3.25 or later.',
    '-- Replace your_state_change_table and its columns: agent_login, state_code and changed_at, and',
    "-- 'LOGOUT' with your log-off state(s): filtered after LEAD, a log-off still ends the state before it.",
  ];
  const items: SelectItem[] = [
    { expression: 'l.agent_login', alias: 'agentidentifier' },
    { expression: 'l.changed_at', alias: 'starttime' },
    { expression: 'l.next_changed_at', alias: 'endtime' },
    { expression: 'l.state_code', alias: 'activity' },
  ];
  const from = [
    'FROM (',
    '  SELECT',
    '    s.agent_login,',
    '    s.state_code,',
    '    s.changed_at,',
    '    LEAD(s.changed_at) OVER (PARTITION BY s.agent_login ORDER BY s.changed_at) AS next_changed_at',
    '  FROM your_state_change_table s',
    ') l',
    "WHERE l.state_code <> 'LOGOUT'",
    'ORDER BY l.changed_at, l.agent_login',
  ].join('\n');
  return template(options, 'state-changes', items, `${header.join('\n')}\n${renderSelect(items, from)}`);
}
