import { generatedHeader, selectList, type GeneratedSql } from './generated-sql';
import { sqlName } from './identifiers';
import type { CallDataSpec } from './interval-sql';
import type { SqlIssue } from './timestamp-expression';

const KEYS = ['CallDataTable', 'TimeStampColumn', 'QueueNameColumn', 'ValueTypes'];

/**
 * Contact rows (rules wfm-2024-05: no offered column) from the same call-data table, one row per
 * record. Xlink summed the table into intervals, so whether a record is one contact is an
 * assumption the admin must confirm.
 */
export function contactSql(spec: Omit<CallDataSpec, 'intervalMinutes'>): GeneratedSql {
  const { dialect } = spec;
  const queue = `c.${sqlName(spec.queueColumn, dialect)}`;
  const timestamp = `c.${sqlName(spec.timestampColumn, dialect)}`;
  const issues: SqlIssue[] = [
    {
      severity: 'warning',
      message:
        'The query assumes CallDataTable holds one row per contact, with answered as 0 or 1 and the handling ' +
        'time of that contact in seconds. If a row is a total over several contacts, delete this integration.',
    },
  ];
  const items: [string, string][] = [
    [queue, 'queueidentifier'],
    [queue, 'queuename'],
    [timestamp, 'timestamp'],
  ];
  const answered = spec.measures.answered;
  if (answered) {
    items.push([`c.${sqlName(answered.column, dialect)}`, 'answered']);
  } else {
    items.push(['0', 'answered']);
    issues.push({
      severity: 'error',
      message:
        'No value type holds answered: the query returns 0 AS answered. Replace it with the column that holds it.',
    });
  }
  const handling = spec.measures.handlingtime;
  if (handling) items.push([`c.${sqlName(handling.column, dialect)}`, 'duration']);
  else
    issues.push({
      severity: 'info',
      message: 'No value type holds the handling time, so the query has no duration column (it is optional).',
    });
  const sql = [
    ...generatedHeader('Contacts', spec.section, KEYS, [
      'One row per record: the table must hold one row per contact.',
    ]),
    'SELECT',
    ...selectList(items),
    `FROM ${sqlName(spec.table, dialect)} c`,
    `ORDER BY ${timestamp}, ${queue}`,
  ].join('\n');
  return { sql, issues };
}
