import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, ImportType } from '../../src-shared/contract/model';
import type { PlannedIntegration } from '../../src-shared/contract/transfer';
import type { Dialect } from '../../src-shared/sql/dialect';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import { previewQuery } from '../../src-main/services/run-query';
import { planXlinkImport } from '../../src-main/transfer/xlink';
import {
  CANARY_PASSWORD,
  connectMysqlAdmin,
  ensureMysqlTestDatabase,
  ensurePostgresTestDatabase,
  MYSQL_ENDPOINT,
  PG_ADMIN_URL,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
} from '../support/databases';
import { makeTempDir, type TempDir } from '../support/temp-dir';

/**
 * The sample section of the seed document (its table and column names as written, "source table
 * name" with spaces included) imported, and every generated query run for real through the
 * driver process and validated against its contract: SQLite through the SQLite3 ODBC driver and
 * the DSN the section names, PostgreSQL and MariaDB natively. Agent states are also run for
 * every ActivityTimeSpanType x timestamp type, from extra columns of the same tables.
 */

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'xlink', 'seed-sample.isps_ul.ini'));
const DSN = 'XlinkSample';
/** Versioned, so a change to the data below gets fresh tables instead of stale ones. */
const PG_SCHEMA = 'xlink_sample_v1';
const PG_LOGIN = 'acd_xlink_sample_reader';
const MYSQL_DATABASE = 'acd_xlink_sample_v1';

// ---- the sample ACD's data: one row per contact, and agent states (all in the past, on 2024-03-11)

type CallRow = [queue: string, arrived: string, offered: number, answered: number, handlingSeconds: number];
const CALLS: CallRow[] = [
  ['Sales', '2024-03-11 08:03:10', 1, 1, 240],
  ['Sales', '2024-03-11 08:07:55', 1, 0, 0],
  ['Sales', '2024-03-11 08:14:59', 1, 1, 185],
  ['Sales', '2024-03-11 08:15:00', 1, 1, 60],
  ['Support', '2024-03-11 08:01:00', 1, 1, 600],
  ['Support', '2024-03-11 08:44:30', 1, 1, 420],
  ['Support', '2024-03-11 08:46:00', 1, 0, 0],
];

type StateRow = [agent: string, activity: string, start: string, end: string];
const STATES: StateRow[] = [
  ['A1', 'Available', '2024-03-11 08:00:00', '2024-03-11 08:30:00'],
  ['A1', 'Break', '2024-03-11 08:30:00', '2024-03-11 08:45:00'],
  ['A1', 'Available', '2024-03-11 08:45:00', '2024-03-11 09:30:00'],
  ['A2', 'Available', '2024-03-11 08:00:00', '2024-03-11 09:00:00'],
  ['A2', 'Lunch', '2024-03-11 09:00:00', '2024-03-11 09:40:00'],
];
/** The same day as a log of state changes (ActivityTimeSpanType 2): A1 logs off, A2 is still at lunch. */
const CHANGES: [agent: string, activity: string, at: string][] = [
  ...STATES.map(([agent, activity, start]): [string, string, string] => [agent, activity, start]),
  ['A1', 'LOGOFF', '2024-03-11 09:30:00'],
];

const unix = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`) / 1000;
const seconds = (start: string, end: string) => unix(end) - unix(start);

function intervalStart(text: string): string {
  const minute = Number(text.slice(14, 16));
  return `${text.slice(0, 14)}${String(minute - (minute % 15)).padStart(2, '0')}:00`;
}

/** What the Intervals query must return, computed here from the rows, independently of the SQL. */
function expectedIntervals(): (string | number)[][] {
  const groups = new Map<string, [string, string, string, number, number, number]>();
  for (const [queue, arrived, offered, answered, handling] of CALLS) {
    const key = `${queue}|${intervalStart(arrived)}`;
    const group = groups.get(key) ?? [queue, queue, intervalStart(arrived), 0, 0, 0];
    group[3] += offered;
    group[4] += answered;
    group[5] += handling;
    groups.set(key, group);
  }
  return [...groups.values()];
}

const expectedContacts = () =>
  CALLS.map(([queue, arrived, , answered, handling]) => [queue, queue, arrived, answered, handling]);
const expectedStates = (spanType: 0 | 1 | 2) =>
  STATES.map(([agent, activity, start, end]) => [
    agent,
    start,
    // From a change log, the state an agent is in now has no end yet.
    spanType === 2 && agent === 'A2' && activity === 'Lunch' ? null : end,
    activity,
  ]);

// ---- building the tables in each database

interface Tables {
  calls: string;
  states: string;
  changes: string;
  /** DDL types per database. */
  text: string;
  time: string;
  big: string;
}

function createStatements(t: Tables): string[] {
  return [
    `CREATE TABLE ${t.calls} (queue_name_column ${t.text}, start_date_column ${t.time}, valuetype_1 integer, valuetype_2 integer, valuetype_3 integer)`,
    `CREATE TABLE ${t.states} (agent_login_id_column ${t.text}, activity_name_column ${t.text}, start_time_column ${t.time}, end_time_column ${t.time}, start_unix ${t.big}, end_unix ${t.big}, start_text ${t.text}, end_text ${t.text}, duration_seconds integer)`,
    `CREATE TABLE ${t.changes} (agent_login_id_column ${t.text}, activity_name_column ${t.text}, changed_at ${t.time}, changed_unix ${t.big}, changed_text ${t.text})`,
  ];
}

const rowsOf = {
  calls: () => CALLS.map((row) => [...row]),
  states: () =>
    STATES.map(([agent, activity, start, end]) => [
      agent,
      activity,
      start,
      end,
      unix(start),
      unix(end),
      start,
      end,
      seconds(start, end),
    ]),
  changes: () => CHANGES.map(([agent, activity, at]) => [agent, activity, at, unix(at), at]),
};

function buildSqlite(file: string): void {
  const db = new Database(file);
  try {
    const t = {
      calls: 'source_table_name',
      states: '"source table name"',
      changes: 'state_changes',
      text: 'TEXT',
      time: 'TEXT',
      big: 'INTEGER',
    };
    for (const statement of createStatements(t)) db.exec(statement);
    for (const [table, rows] of [
      [t.calls, rowsOf.calls()],
      [t.states, rowsOf.states()],
      [t.changes, rowsOf.changes()],
    ] as const) {
      const insert = db.prepare(`INSERT INTO ${table} VALUES (${rows[0]?.map(() => '?').join(', ')})`);
      for (const row of rows) insert.run(...row);
    }
  } finally {
    db.close();
  }
}

async function buildPostgres(): Promise<void> {
  await ensurePostgresTestDatabase();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${TEST_DATABASE}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext('acd_xlink_sample_setup'))");
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [PG_LOGIN]);
    if (role.rowCount === 0) await admin.query(`CREATE ROLE ${PG_LOGIN} LOGIN`);
    await admin.query(`ALTER ROLE ${PG_LOGIN} LOGIN PASSWORD '${CANARY_PASSWORD}'`);
    // The sample names its tables without a schema; this login finds them in ours.
    await admin.query(`ALTER ROLE ${PG_LOGIN} SET search_path = ${PG_SCHEMA}`);
    const schema = await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [PG_SCHEMA]);
    if (schema.rowCount === 0) {
      await admin.query('BEGIN');
      await admin.query(`CREATE SCHEMA ${PG_SCHEMA}`);
      const t = {
        calls: `${PG_SCHEMA}.source_table_name`,
        states: `${PG_SCHEMA}."source table name"`,
        changes: `${PG_SCHEMA}.state_changes`,
        text: 'varchar(40)',
        time: 'timestamp',
        big: 'bigint',
      };
      for (const statement of createStatements(t)) await admin.query(statement);
      for (const [table, rows] of [
        [t.calls, rowsOf.calls()],
        [t.states, rowsOf.states()],
        [t.changes, rowsOf.changes()],
      ] as const) {
        for (const row of rows) {
          await admin.query(`INSERT INTO ${table} VALUES (${row.map((_, i) => `$${i + 1}`).join(', ')})`, row);
        }
      }
      await admin.query('COMMIT');
    }
    await admin.query(`GRANT CONNECT ON DATABASE ${TEST_DATABASE} TO ${PG_LOGIN}`);
    await admin.query(`GRANT USAGE ON SCHEMA ${PG_SCHEMA} TO ${PG_LOGIN}`);
    await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${PG_SCHEMA} TO ${PG_LOGIN}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

async function buildMariadb(): Promise<void> {
  await ensureMysqlTestDatabase();
  const admin = await connectMysqlAdmin();
  try {
    await admin.query("SELECT GET_LOCK('acd_xlink_sample_setup', 30)");
    const [exists] = await admin.query<mysql.RowDataPacket[]>(
      'SELECT 1 FROM information_schema.schemata WHERE schema_name = ?',
      [MYSQL_DATABASE],
    );
    if (exists.length === 0) {
      await admin.query(`CREATE DATABASE ${MYSQL_DATABASE}`);
      const t = {
        calls: `${MYSQL_DATABASE}.source_table_name`,
        states: `${MYSQL_DATABASE}.\`source table name\``,
        changes: `${MYSQL_DATABASE}.state_changes`,
        text: 'varchar(40)',
        time: 'datetime',
        big: 'bigint',
      };
      for (const statement of createStatements(t)) await admin.query(statement);
      for (const [table, rows] of [
        [t.calls, rowsOf.calls()],
        [t.states, rowsOf.states()],
        [t.changes, rowsOf.changes()],
      ] as const) {
        await admin.query(`INSERT INTO ${table} VALUES ?`, [rows]);
      }
    }
    await admin.query("SELECT RELEASE_LOCK('acd_xlink_sample_setup')");
  } finally {
    await admin.end().catch(() => undefined);
  }
}

// ---- running the plan

interface Target {
  label: string;
  dialect: Dialect;
  connection: () => Connection;
  password?: string;
}

let dir: TempDir;
let previousOdbcIni: string | undefined;

const targets: Target[] = [
  {
    label: 'SQLite through the SQLite3 ODBC driver and the DSN of the section',
    dialect: 'sqlite',
    // The plan's own connection string: DSN=XlinkSample;UID=acd_test_reader; (SQLite ignores the user).
    connection: () => ({ kind: 'odbc', connectionString: planFor('sqlite').systems[0]?.connectionString ?? '' }),
  },
  {
    label: 'PostgreSQL (native)',
    dialect: 'postgres',
    connection: () => ({ kind: 'postgres', ...PG_ENDPOINT, database: TEST_DATABASE, user: PG_LOGIN, tls: 'disable' }),
    password: CANARY_PASSWORD,
  },
  {
    label: 'MariaDB (native)',
    dialect: 'mysql',
    connection: () => ({
      kind: 'mysql',
      ...MYSQL_ENDPOINT,
      database: MYSQL_DATABASE,
      user: READER_LOGIN,
      tls: 'disable',
    }),
    password: CANARY_PASSWORD,
  },
];

function planFor(dialect: Dialect, ini: Uint8Array = SAMPLE) {
  return planXlinkImport({
    ini,
    dialectForDsn: (dsn) => {
      expect(dsn).toBe(DSN);
      return dialect;
    },
  });
}

async function run(target: Target, integration: PlannedIntegration) {
  return previewQuery(
    { run: runInDriverProcess, connection: target.connection(), password: target.password, sql: integration.sql },
    {
      limit: 200,
      timeoutMs: 20_000,
      contract: {
        importType: integration.importType,
        intervalMinutes: integration.intervalMinutes,
        ruleSet: integration.ruleSet,
        timeZone: 'UTC',
      },
    },
  );
}

/** Rows made comparable across drivers: timestamps as "YYYY-MM-DD HH:MM:SS", counts as numbers. */
function normalised(rows: unknown[][]): (string | number | null)[][] {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
    const text = String(value);
    if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/.test(text)) return text.replace('T', ' ').slice(0, 19);
    return /^-?\d+(\.0+)?$/.test(text) ? Number(text) : text;
  };
  return rows.map((row) => row.map(cell)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const sorted = (rows: (string | number | null)[][]) => normalised(rows);

function integrationOf(result: ReturnType<typeof planFor>, importType: ImportType): PlannedIntegration {
  const found = result.systems[0]?.integrations.find((item) => item.importType === importType);
  if (!found) throw new Error(`no ${importType} integration: ${result.notes.map((item) => item.message).join(' | ')}`);
  return found;
}

function expectValid(preview: Awaited<ReturnType<typeof run>>) {
  const errors = preview.validation?.findings.filter((finding) => finding.severity === 'error') ?? [];
  expect(errors, JSON.stringify(errors)).toEqual([]);
  expect(preview.validation?.countsBySeverity.error).toBe(0);
  expect(preview.rows.length).toBeGreaterThan(0);
}

beforeAll(async () => {
  dir = makeTempDir('acd-xlink-sample-');
  const file = dir.join('xlink-sample.sqlite');
  buildSqlite(file);
  // A user DSN of the name the sample section uses, so DSN=XlinkSample connects as Xlink did.
  fs.writeFileSync(dir.join('odbc.ini'), `[${DSN}]\nDriver = SQLite3\nDatabase = ${file}\n`);
  previousOdbcIni = process.env.ODBCINI;
  process.env.ODBCINI = dir.join('odbc.ini');
  await buildPostgres();
  await buildMariadb();
});

afterAll(() => {
  if (previousOdbcIni === undefined) delete process.env.ODBCINI;
  else process.env.ODBCINI = previousOdbcIni;
  dir?.remove();
});

describe.each(targets)('the seed sample section on $label', (target) => {
  it('plans three integrations without error notes', () => {
    const result = planFor(target.dialect);
    expect(result.systems[0]?.integrations.map((item) => item.name)).toEqual(['Intervals', 'Contacts', 'Agent states']);
    expect(result.notes.filter((item) => item.severity === 'error')).toEqual([]);
  });

  it('Intervals returns the sums per queue and 15-minute interval, with no error finding', async () => {
    const preview = await run(target, integrationOf(planFor(target.dialect), 'interval'));
    expect(preview.columns).toEqual([
      'queueidentifier',
      'queuename',
      'timestamp',
      'offered',
      'answered',
      'handlingtime',
    ]);
    expect(normalised(preview.rows)).toEqual(sorted(expectedIntervals()));
    expectValid(preview);
  });

  it('Contacts returns one row per contact, with no error finding', async () => {
    const preview = await run(target, integrationOf(planFor(target.dialect), 'contact'));
    expect(preview.columns).toEqual(['queueidentifier', 'queuename', 'timestamp', 'answered', 'duration']);
    expect(normalised(preview.rows)).toEqual(sorted(expectedContacts()));
    expectValid(preview);
  });

  it('Agent states returns the states of "source table name", with no error finding', async () => {
    const preview = await run(target, integrationOf(planFor(target.dialect), 'agent-states'));
    expect(preview.columns).toEqual(['agentidentifier', 'starttime', 'endtime', 'activity']);
    expect(normalised(preview.rows)).toEqual(sorted(expectedStates(1)));
    expectValid(preview);
  });
});

// ---- every ActivityTimeSpanType x timestamp type, on the same data

const COLUMNS: Readonly<Record<0 | 1 | 2, { start: string; end: string; changed: string }>> = {
  2: { start: 'start_time_column', end: 'end_time_column', changed: 'changed_at' },
  1: { start: 'start_unix', end: 'end_unix', changed: 'changed_unix' },
  0: { start: 'start_text', end: 'end_text', changed: 'changed_text' },
};

/** The sample with its Activity* keys replaced by one variant. */
function variantIni(spanType: 0 | 1 | 2, timestampType: 0 | 1 | 2): Uint8Array {
  const text = SAMPLE.toString('latin1')
    .split('\r\n')
    .filter((line) => !/^(Activity\w*|AgentActivityTable|AgentColumn)\s*=/.test(line))
    .join('\r\n');
  const columns = COLUMNS[timestampType];
  const keys = [
    `AgentActivityTable = ${spanType === 2 ? 'state_changes' : 'source table name'}`,
    'AgentColumn = agent_login_id_column',
    'ActivityColumn = activity_name_column',
    `ActivityTimeSpanType = ${spanType}`,
    `ActivityStartTimeStampColumn = ${spanType === 2 ? columns.changed : columns.start}`,
    `ActivityStartTimeStampType = ${timestampType}`,
    'ActivityStartTimeStampFormat = %Y-%m-%d %H:%M:%S',
    ...(spanType === 1
      ? [
          `ActivityEndTimeStampColumn = ${columns.end}`,
          `ActivityEndTimeStampType = ${timestampType}`,
          'ActivityEndTimeStampFormat = yyyy-MM-dd HH:mm:ss',
        ]
      : []),
    ...(spanType === 0 ? ['ActivityDurationColumn = duration_seconds'] : []),
    ...(spanType === 2 ? ['LogOffActivities = LOGOFF'] : []),
  ];
  return Buffer.from(`${text}\r\n${keys.join('\r\n')}\r\n`, 'latin1');
}

/**
 * A data source whose server we cannot name gets the generic dialect: ODBC escapes such as
 * {fn TIMESTAMPADD(…)} that the driver translates. psqlODBC stands in for such a driver here.
 */
const genericTarget: Target = {
  label: 'PostgreSQL through psqlODBC, read as an unknown (generic) data source',
  dialect: 'generic',
  connection: () => ({
    kind: 'odbc',
    connectionString: `DRIVER={PostgreSQL Unicode};SERVER=${PG_ENDPOINT.host};PORT=${PG_ENDPOINT.port};DATABASE=${TEST_DATABASE};UID=${PG_LOGIN};`,
  }),
  password: CANARY_PASSWORD,
};

const variants = [...targets, genericTarget].flatMap((target) =>
  ([0, 1, 2] as const).flatMap((spanType) =>
    ([0, 1, 2] as const).map((timestampType) => ({ target, spanType, timestampType, label: target.label })),
  ),
);

describe('agent states for every ActivityTimeSpanType x timestamp type', () => {
  it.each(variants)(
    '$label: span type $spanType, timestamp type $timestampType',
    async ({ target, spanType, timestampType }) => {
      const result = planFor(target.dialect, variantIni(spanType, timestampType));
      if (target.dialect === 'generic' && spanType === 0 && timestampType === 0) {
        // Text plus seconds has no portable conversion; the plan warns, and psqlODBC does refuse it.
        expect(
          result.notes.some((item) => item.severity === 'warning' && /added to text timestamps/.test(item.message)),
        ).toBe(true);
        await expect(run(target, integrationOf(result, 'agent-states'))).rejects.toThrow(/operator does not exist/);
        return;
      }
      const preview = await run(target, integrationOf(result, 'agent-states'));
      expect(normalised(preview.rows)).toEqual(sorted(expectedStates(spanType)));
      expectValid(preview);
    },
  );
});
