import type { Dialect } from '../../../../src-shared/sql/dialect';
import { intervalStartExpression } from '../../../../src-shared/templates/interval-start';
import type { MeasureColumns } from '../read/value-type-mapping';
import { MEASURES } from '../read/value-type-mapping';
import { generatedHeader, selectList, type GeneratedSql } from './generated-sql';
import { sqlName } from './identifiers';
import type { SqlIssue } from './timestamp-expression';

export interface CallDataSpec {
  section: string;
  table: string;
  timestampColumn: string;
  queueColumn: string;
  measures: MeasureColumns;
  intervalMinutes: 15 | 30;
  dialect: Dialect;
}

const KEYS = ['CallDataTable', 'TimeStampColumn', 'QueueNameColumn', 'ValueTypes'];

/**
 * Interval rows from Xlink's call-data table: one row per queue and interval, the value types
 * summed. Xlink identified queues by name only, so the name is also the identifier.
 */
export function intervalSql(spec: CallDataSpec): GeneratedSql {
  const { dialect } = spec;
  const queue = `c.${sqlName(spec.queueColumn, dialect)}`;
  const column = `c.${sqlName(spec.timestampColumn, dialect)}`;
  const issues: SqlIssue[] = [];
  const start = dialect === 'generic' ? column : intervalStartExpression(dialect, column, spec.intervalMinutes);
  if (dialect === 'generic') {
    issues.push({
      severity: 'warning',
      message:
        `The database behind this DSN is unknown, so the query returns TimeStampColumn as it is: its values must ` +
        `already be the start of a ${spec.intervalMinutes}-minute interval, or the preview reports them as off the grid. ` +
        "Otherwise replace it with your database's expression for the interval start (the templates list them).",
    });
  }
  const measures = MEASURES.map((measure): [string, string] => {
    const mapped = spec.measures[measure];
    if (mapped) return [`SUM(c.${sqlName(mapped.column, dialect)})`, measure];
    issues.push({
      severity: 'error',
      message: `No value type holds ${measure}: the query returns 0 AS ${measure}. Replace it with the column that holds it.`,
    });
    return ['0', measure];
  });
  const sql = [
    ...generatedHeader('Intervals', spec.section, KEYS, ['Queues are identified by their name, as Xlink did.']),
    'SELECT',
    ...selectList([[queue, 'queueidentifier'], [queue, 'queuename'], [start, 'timestamp'], ...measures]),
    `FROM ${sqlName(spec.table, dialect)} c`,
    `GROUP BY ${queue}, ${start}`,
    'ORDER BY 3, 1',
  ].join('\n');
  return { sql, issues };
}
