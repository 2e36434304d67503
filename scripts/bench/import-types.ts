import type { ImportType } from '../../src-shared/contract/model';

export const BENCH_IMPORT_TYPES: readonly ImportType[] = ['interval', 'contact', 'agent-states'];

/** Rows of one table: the table name carries the row count, so a smoke run never replaces the big tables. */
export function tableName(importType: ImportType, rows: number): string {
  const stem = { interval: 'interval_stats', contact: 'contacts', 'agent-states': 'agent_states' }[importType];
  return `bench_${stem}_${rows}`;
}

/**
 * The one query text both the product and the floor tools run: the contract's columns, renamed by
 * aliases, in table order (no ORDER BY, so the database does the same cheap scan for both).
 */
export function benchQuery(importType: ImportType, rows: number): string {
  const table = tableName(importType, rows);
  switch (importType) {
    case 'interval':
      return (
        'SELECT queue_id AS queueidentifier, queue_name AS queuename, interval_start AS timestamp, offered, answered, ' +
        `handling_time AS handlingtime, channel FROM ${table}`
      );
    case 'contact':
      return (
        'SELECT queue_id AS queueidentifier, queue_name AS queuename, contact_time AS timestamp, answered, duration, ' +
        `channel FROM ${table}`
      );
    case 'agent-states':
      return (
        'SELECT agent_id AS agentidentifier, state_start AS starttime, state_end AS endtime, activity ' +
        `FROM ${table}`
      );
  }
}
