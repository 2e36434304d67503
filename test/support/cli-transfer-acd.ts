import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { makeTempDir, type TempDir } from './temp-dir';

/**
 * The ACD databases behind the Xlink configurations the CLI transfer tests import: one SQLite
 * file per ODBC data source, with the tables and columns each isps_ul.ini names, defined in a
 * user odbc.ini of their own (ODBCINI). The in-process CLI reads ODBCINI from process.env (the
 * DSN's driver decides the SQL dialect) and the driver processes it starts inherit it; the built
 * bin gets it in the environment it is started with.
 */

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

export const CLI_XLINK = {
  ini: path.join(FIXTURES, 'cli', 'cli-acd.isps_ul.ini'),
  acdMap: path.join(FIXTURES, 'cli', 'cli-acd.acd_map.ini'),
  system: 'CLI Universal ACD',
  dsn: 'AcdLinkCliTransfer',
  user: 'wfm_reader',
} as const;

/** The seed document's sample section (Windows-1252, no acd_map.ini). */
export const SEED_SAMPLE = {
  ini: path.join(FIXTURES, 'xlink', 'seed-sample.isps_ul.ini'),
  system: 'Universal ACD',
  dsn: 'XlinkSample',
  user: 'acd_test_reader',
} as const;

type CallRow = [queue: string, arrived: string, offered: number, answered: number, handlingSeconds: number];
const CALLS: CallRow[] = [
  ['Sales', '2024-03-11 08:03:10', 1, 1, 240],
  ['Sales', '2024-03-11 08:07:55', 1, 0, 0],
  ['Sales', '2024-03-11 08:21:00', 1, 1, 185],
  ['Support', '2024-03-11 08:01:00', 1, 1, 600],
  ['Support', '2024-03-11 08:44:30', 1, 1, 420],
];

type StateRow = [agent: string, activity: string, start: string, end: string];
const STATES: StateRow[] = [
  ['A1', 'READY', '2024-03-11 08:00:00', '2024-03-11 08:30:00'],
  ['A1', 'BREAK', '2024-03-11 08:30:00', '2024-03-11 08:45:00'],
  ['A2', 'READY', '2024-03-11 08:00:00', '2024-03-11 09:00:00'],
];

/** "2024-03-11 08:21:00" -> "2024-03-11 08:15": the 15-minute interval a contact falls in. */
function intervalOf(timestamp: string): string {
  const minute = Number(timestamp.slice(14, 16));
  return `${timestamp.slice(0, 14)}${String(minute - (minute % 15)).padStart(2, '0')}`;
}

/** What each generated query must return, counted from the rows above (not from the SQL). */
export const EXPECTED_ROWS = {
  Intervals: new Set(CALLS.map(([queue, arrived]) => `${queue}|${intervalOf(arrived)}`)).size,
  Contacts: CALLS.length,
  'Agent states': STATES.length,
} as const;

interface Schema {
  calls: string;
  callColumns: string;
  states: string;
  stateColumns: string;
}

const CLI_SCHEMA: Schema = {
  calls: 'call_data',
  callColumns: 'queue_name TEXT, arrived_at TEXT, vt_in INTEGER, vt_done INTEGER, vt_secs INTEGER',
  states: 'agent_activity',
  stateColumns: 'agent_login TEXT, activity TEXT, state_start TEXT, state_end TEXT',
};

/** The sample names its agent table with spaces, as written in the seed document. */
const SEED_SCHEMA: Schema = {
  calls: 'source_table_name',
  callColumns:
    'queue_name_column TEXT, start_date_column TEXT, valuetype_1 INTEGER, valuetype_2 INTEGER, valuetype_3 INTEGER',
  states: '"source table name"',
  stateColumns: 'agent_login_id_column TEXT, activity_name_column TEXT, start_time_column TEXT, end_time_column TEXT',
};

function buildAcdDatabase(file: string, schema: Schema): void {
  const db = new Database(file);
  try {
    db.exec(`CREATE TABLE ${schema.calls} (${schema.callColumns})`);
    db.exec(`CREATE TABLE ${schema.states} (${schema.stateColumns})`);
    const call = db.prepare(`INSERT INTO ${schema.calls} VALUES (?, ?, ?, ?, ?)`);
    for (const row of CALLS) call.run(...row);
    const state = db.prepare(`INSERT INTO ${schema.states} VALUES (?, ?, ?, ?)`);
    for (const row of STATES) state.run(...row);
  } finally {
    db.close();
  }
}

export interface XlinkDataSources {
  /** The odbc.ini that defines both data sources, for a child process's ODBCINI. */
  readonly odbcIni: string;
}

/** Builds both databases and points process.env.ODBCINI at their odbc.ini for the file's tests. */
export function useXlinkDataSources(): XlinkDataSources {
  let dir: TempDir | undefined;
  let previous: string | undefined;
  const sources = { odbcIni: '' };
  beforeAll(() => {
    dir = makeTempDir('acd-cli-transfer-dsn-');
    const cli = dir.join('cli-acd.sqlite');
    const seed = dir.join('seed-sample.sqlite');
    buildAcdDatabase(cli, CLI_SCHEMA);
    buildAcdDatabase(seed, SEED_SCHEMA);
    sources.odbcIni = dir.join('odbc.ini');
    fs.writeFileSync(
      sources.odbcIni,
      `[${CLI_XLINK.dsn}]\nDriver = SQLite3\nDatabase = ${cli}\n\n[${SEED_SAMPLE.dsn}]\nDriver = SQLite3\nDatabase = ${seed}\n`,
    );
    previous = process.env.ODBCINI;
    process.env.ODBCINI = sources.odbcIni;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.ODBCINI;
    else process.env.ODBCINI = previous;
    dir?.remove();
  });
  return sources;
}
