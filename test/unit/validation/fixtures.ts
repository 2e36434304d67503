/**
 * Demo-like result sets (shaped like the embedded demo's queries: naive Europe/Brussels times,
 * ordered by timestamp) that break no rule, and helpers to plant one defect in them.
 */
import { createValidator, type ValidatorOptions } from '../../../src-shared/validation/create-validator';
import type { Finding, ValidationSummary } from '../../../src-shared/validation/finding';

export const NOW = new Date('2026-03-20T12:00:00Z');
export const ZONE = 'Europe/Brussels';

export interface ResultSet {
  columns: string[];
  rows: unknown[][];
}

export const INTERVAL_COLUMNS = [
  'queueidentifier',
  'queuename',
  'timestamp',
  'offered',
  'answered',
  'handlingtime',
  'channel',
];

const QUEUES = [
  { id: 'Q-SALES', name: 'Sales', channel: 'calls' },
  { id: 'Q-SUPPORT', name: 'Support', channel: 'chats' },
  { id: 'Q-MAIL', name: 'Mail', channel: 'emails' },
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** 3 queues × 8 intervals of 15 minutes on 2026-03-19 from 08:00, values as different drivers deliver them. */
export function intervalResult(): ResultSet {
  const rows: unknown[][] = [];
  for (let i = 0; i < 8; i++) {
    const minutes = 8 * 60 + i * 15;
    const timestamp = `2026-03-19 ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
    QUEUES.forEach((queue, q) => {
      const offered = 10 + i + q;
      const answered = offered - (i % 3);
      // pg delivers bigint/numeric as strings, others as numbers or bigint; the empty channel means calls.
      const channel = q === 0 && i % 2 === 0 ? null : queue.channel;
      rows.push([queue.id, queue.name, timestamp, String(offered), BigInt(answered), answered * 180, channel]);
    });
  }
  return { columns: [...INTERVAL_COLUMNS], rows };
}

export const CONTACT_COLUMNS_2024 = ['queueidentifier', 'queuename', 'timestamp', 'answered', 'duration', 'channel'];
export const CONTACT_COLUMNS_2023 = [
  'queueidentifier',
  'queuename',
  'timestamp',
  'offered',
  'answered',
  'duration',
  'channel',
];

/** 20 contacts on 2026-03-19; with offered for the 2023-12 rules. */
export function contactResult(withOffered = false): ResultSet {
  const rows: unknown[][] = [];
  for (let i = 0; i < 20; i++) {
    const queue = QUEUES[i % QUEUES.length] ?? { id: 'Q-SALES', name: 'Sales', channel: 'calls' };
    const seconds = 9 * 3600 + i * 97;
    const timestamp = `2026-03-19 ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
    const answered = i % 4 === 3 ? 0 : 1;
    const row: unknown[] = [queue.id, queue.name, timestamp, answered, answered * (60 + i), queue.channel];
    if (withOffered) row.splice(3, 0, 1);
    rows.push(row);
  }
  return { columns: withOffered ? [...CONTACT_COLUMNS_2023] : [...CONTACT_COLUMNS_2024], rows };
}

export const AGENT_COLUMNS = ['agentidentifier', 'starttime', 'endtime', 'activity'];

/** Three agents' day on 2026-03-20: closed states, then an open one that started this morning. */
export function agentStatesResult(): ResultSet {
  const states: [string, string, string | null][] = [
    ['LOGIN', '08:00:00', '08:05:00'],
    ['READY', '08:05:00', '10:00:00'],
    ['BREAK', '10:00:00', '10:15:00'],
    ['READY', '10:15:00', null],
  ];
  const agents = ['1001', '1002', 'jdupont'];
  const rows: unknown[][] = [];
  for (const [activity, start, end] of states) {
    for (const agent of agents) {
      rows.push([agent, `2026-03-20 ${start}`, end === null ? null : `2026-03-20 ${end}`, activity]);
    }
  }
  return { columns: [...AGENT_COLUMNS], rows };
}

export type RunOptions = Partial<ValidatorOptions> & Pick<ValidatorOptions, 'importType'>;

export function validate(options: RunOptions, result: ResultSet): ValidationSummary {
  const validator = createValidator({ intervalMinutes: 15, timeZone: ZONE, now: NOW, ...options });
  validator.setColumns(result.columns);
  for (const row of result.rows) validator.addRow(row);
  return validator.finish();
}

/** Findings without their messages, for exact comparison. */
export function essentials(summary: ValidationSummary): Omit<Finding, 'message'>[] {
  return summary.findings.map(({ row, column, rule, severity }) => ({ row, column, rule, severity }));
}

/** A copy of the result with one cell replaced; row is 1-based like findings. */
export function withCell(result: ResultSet, row: number, column: string, value: unknown): ResultSet {
  const at = result.columns.indexOf(column);
  if (at < 0) throw new Error(`no column ${column}`);
  const rows = result.rows.map((values, index) =>
    index === row - 1 ? values.map((v, i) => (i === at ? value : v)) : values,
  );
  return { columns: result.columns, rows };
}

/** The value of a cell, 1-based row. */
export function cell(result: ResultSet, row: number, column: string): unknown {
  return result.rows[row - 1]?.[result.columns.indexOf(column)];
}
