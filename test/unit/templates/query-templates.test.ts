import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_TYPES } from '../../../src-shared/contract/model';
import { DIALECTS } from '../../../src-shared/sql/dialect';
import {
  contractAliases,
  intervalStartExpression,
  queryTemplates,
  type QueryTemplate,
} from '../../../src-shared/templates/query-templates';
import { createValidator, RULE_SET_IDS } from '../../../src-shared/validation';
import { selectAliases } from './select-aliases';

const ALL = IMPORT_TYPES.flatMap((importType) =>
  RULE_SET_IDS.flatMap((ruleSet) =>
    DIALECTS.flatMap((dialect) =>
      ([15, 30] as const).flatMap((intervalMinutes) =>
        queryTemplates({ importType, ruleSet, dialect, intervalMinutes }).map((template) => ({
          template,
          intervalMinutes,
        })),
      ),
    ),
  ),
);
const label = ({ template: t, intervalMinutes }: (typeof ALL)[number]) =>
  `${t.id} ${t.ruleSet} ${t.dialect} ${intervalMinutes} min`;

describe('query templates', () => {
  it('offer a minimal query and one worked example per import type', () => {
    expect(queryTemplates({ importType: 'interval' }).map((t) => t.kind)).toEqual(['minimal', 'aggregated']);
    expect(queryTemplates({ importType: 'contact' }).map((t) => t.kind)).toEqual(['minimal', 'per-contact']);
    expect(queryTemplates({ importType: 'agent-states' }).map((t) => t.kind)).toEqual(['minimal', 'state-changes']);
  });

  it.each(ALL.map((entry) => [label(entry), entry] as const))(
    '%s returns exactly the contract columns, in the SQL text too',
    (_name, { template }) => {
      const contract = contractAliases(template.importType, template.ruleSet).map((alias) => alias.name);
      expect(template.columns).toEqual(contract);
      expect(selectAliases(template.sql)).toEqual(contract);
    },
  );

  it('contact templates follow the rule set: offered only under wfm-2023-12', () => {
    const columns = (ruleSet: 'wfm-2024-05' | 'wfm-2023-12') =>
      queryTemplates({ importType: 'contact', ruleSet }).map((t) => t.columns);
    expect(columns('wfm-2023-12').every((c) => c.includes('offered') && c.includes('duration'))).toBe(true);
    expect(columns('wfm-2024-05').every((c) => !c.includes('offered') && c.includes('duration'))).toBe(true);
  });

  it('the aggregated example counts with SUM(CASE …) and cuts time the way the dialect does', () => {
    for (const dialect of ['postgres', 'mysql', 'mssql', 'sqlite'] as const) {
      const sql = aggregated(dialect, 30).sql;
      expect(sql).toMatch(/SUM\(CASE WHEN .* THEN 1 ELSE 0 END\) AS answered/);
      expect(sql).toContain(`${intervalStartExpression(dialect, 'c.arrived_at', 30)} AS interval_start`);
    }
  });

  it('the generic (ODBC) variant leaves a placeholder and lists every dialect', () => {
    const sql = aggregated('generic', 15).sql;
    expect(sql).toContain('c.interval_start AS interval_start');
    for (const name of ['PostgreSQL', 'MySQL/MariaDB', 'SQL Server', 'SQLite']) expect(sql).toContain(`--   ${name}:`);
  });
});

function aggregated(dialect: QueryTemplate['dialect'], intervalMinutes: 15 | 30): QueryTemplate {
  const template = queryTemplates({ importType: 'interval', dialect, intervalMinutes })[1];
  if (!template) throw new Error('no aggregated template');
  return template;
}

describe('SQLite variants run against a database shaped like their placeholders', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(':memory:');
    db.exec(`
      CREATE TABLE your_interval_table (queue_code TEXT, queue_name TEXT, interval_start TEXT, offered_count INTEGER,
        answered_count INTEGER, handling_seconds INTEGER, channel TEXT);
      CREATE TABLE your_contact_table (queue_code TEXT, queue_name TEXT, arrived_at TEXT, offered_flag INTEGER,
        answered_flag INTEGER, answered_at TEXT, handle_seconds INTEGER, media_type TEXT, channel TEXT);
      CREATE TABLE your_agent_state_table (agent_login TEXT, state_start TEXT, state_end TEXT, state_code TEXT);
      CREATE TABLE your_state_change_table (agent_login TEXT, state_code TEXT, changed_at TEXT);
      INSERT INTO your_interval_table VALUES ('Q1', 'Sales', '2024-05-01 10:00:00', 3, 2, 300, 'calls');
      INSERT INTO your_contact_table VALUES
        ('Q1', 'Sales', '2024-05-01 10:07:12', 1, 1, '2024-05-01 10:07:30', 120, 'voice', 'calls'),
        ('Q1', 'Sales', '2024-05-01 10:14:59', 1, 0, NULL, 0, 'voice', 'calls'),
        ('Q1', 'Sales', '2024-05-01 10:15:00', 1, 1, '2024-05-01 10:16:00', 60, 'chat', 'chats'),
        ('Q1', 'Sales', '2024-05-01 10:44:00', 1, 1, '2024-05-01 10:45:00', 30, 'chat', 'chats');
      INSERT INTO your_agent_state_table VALUES ('a1', '2024-05-01 09:00:00', '2024-05-01 09:30:00', 'READY');
      INSERT INTO your_state_change_table VALUES ('a1', 'READY', '2024-05-01 09:00:00'),
        ('a1', 'BREAK', '2024-05-01 09:30:00'), ('a1', 'LOGOUT', '2024-05-01 10:00:00'),
        ('a2', 'READY', '2024-05-01 09:10:00');
    `);
  });
  afterAll(() => db.close());

  const run = (template: QueryTemplate) => {
    const statement = db.prepare(template.sql).raw(true);
    return { columns: statement.columns().map((column) => column.name), rows: statement.all() as unknown[][] };
  };

  const sqlite = ALL.filter(({ template }) => template.dialect === 'sqlite');
  it.each(sqlite.map((entry) => [label(entry), entry] as const))(
    '%s returns the contract columns and rows the validator accepts',
    (_name, { template, intervalMinutes }) => {
      const { columns, rows } = run(template);
      expect(columns).toEqual(template.columns);
      expect(rows.length).toBeGreaterThan(0);
      const validator = createValidator({
        importType: template.importType,
        ruleSet: template.ruleSet,
        intervalMinutes,
        timeZone: 'UTC',
        now: new Date('2024-05-01T12:00:00Z'),
      });
      validator.setColumns(columns);
      for (const row of rows) validator.addRow(row);
      expect(validator.finish().findings).toEqual([]);
    },
  );

  it('the aggregated example counts contacts into the interval they arrived in', () => {
    expect(run(aggregated('sqlite', 15)).rows).toEqual([
      ['Q1', 'Sales', '2024-05-01 10:00:00', 2, 1, 120, 'calls'],
      ['Q1', 'Sales', '2024-05-01 10:15:00', 1, 1, 60, 'chats'],
      ['Q1', 'Sales', '2024-05-01 10:30:00', 1, 1, 30, 'chats'],
    ]);
    expect(run(aggregated('sqlite', 30)).rows.map((row) => row.slice(2, 5))).toEqual([
      ['2024-05-01 10:00:00', 2, 1],
      ['2024-05-01 10:00:00', 1, 1],
      ['2024-05-01 10:30:00', 1, 1],
    ]);
  });

  it('the state-change example ends each state at the next one and leaves the current one open', () => {
    const template = queryTemplates({ importType: 'agent-states', dialect: 'sqlite' })[1];
    if (!template) throw new Error('no state-change template');
    expect(run(template).rows).toEqual([
      ['a1', '2024-05-01 09:00:00', '2024-05-01 09:30:00', 'READY'],
      ['a2', '2024-05-01 09:10:00', null, 'READY'],
      ['a1', '2024-05-01 09:30:00', '2024-05-01 10:00:00', 'BREAK'],
    ]);
  });
});
