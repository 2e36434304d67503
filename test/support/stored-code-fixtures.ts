import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type mysql from 'mysql2/promise';
import type { Connection } from '../../src-shared/contract/model';
import { connectMysqlAdmin, MYSQL_ENDPOINT } from './databases';

/**
 * A MariaDB database of its own, with stored functions that act outside a read-only transaction
 * (issue 10, item 5) and two logins: `filer` holds FILE and SUPER and may EXECUTE the functions,
 * `viewer` may only SELECT from one table and two views, and holds no FILE. Every function is
 * created by the administrator, so it runs with the administrator's rights whoever calls it.
 * Names carry a random suffix, so parallel runs and leftovers of a killed run never collide.
 */
export interface StoredCodeFixture {
  admin: mysql.Connection;
  database: string;
  filer: Login;
  viewer: Login;
  /** The server file each writing function (or view) writes, by function name. */
  files: Record<WriterName, string>;
  /** The value `f_setting()` gives @@global.general_log_file, and the server's own, put back at the end. */
  settingSentinel: string;
  settingBefore: string;
  /** Whether a function really wrote a file inside READ ONLY here (false when secure_file_priv forbids it). */
  fileWritesWork: boolean;
  /** Whether a function really changed a global setting inside READ ONLY here. */
  settingChangesWork: boolean;
}

export interface Login {
  connection: Extract<Connection, { kind: 'mysql' }>;
  password: string;
}

/**
 * The same login through MariaDB Connector/ODBC (unixODBC driver "MariaDB Unicode"), as an admin
 * who picked a generic ODBC connection to this server would store it; the password goes in as PWD.
 */
export function odbcConnectionOf(login: Login): Extract<Connection, { kind: 'odbc' }> {
  const { host, port, database, user } = login.connection;
  return {
    kind: 'odbc',
    connectionString: `DRIVER={MariaDB Unicode};SERVER=${host};PORT=${port};DATABASE=${database};UID=${user};`,
  };
}

export const WRITERS = ['f_outfile', 'f_dumpfile', 'f_calls_procedure', 'f_invoker', 'f_in_view', 'f_probe'] as const;
export type WriterName = (typeof WRITERS)[number];

export async function createStoredCodeFixture(): Promise<StoredCodeFixture> {
  const admin = await connectMysqlAdmin();
  const suffix = crypto.randomBytes(4).toString('hex');
  const database = `acd_sc_${suffix}`;
  const password = `Sc-${crypto.randomBytes(8).toString('hex')}`;
  const login = (user: string): Login => ({
    connection: { kind: 'mysql', ...MYSQL_ENDPOINT, database, user, tls: 'disable' },
    password,
  });
  // OUTFILE goes where secure_file_priv allows; an empty or NULL setting allows /tmp on MariaDB.
  const [[priv]] = await admin.query<mysql.RowDataPacket[]>('SELECT @@secure_file_priv AS dir');
  const dir = typeof priv?.dir === 'string' && priv.dir !== '' ? priv.dir : '/tmp';
  const files = Object.fromEntries(
    WRITERS.map((name) => [name, path.join(dir, `acd-outfile-${suffix}-${name}.txt`)]),
  ) as Record<WriterName, string>;
  const fixture: StoredCodeFixture = {
    admin,
    database,
    filer: login(`acd_sc_f_${suffix}`),
    viewer: login(`acd_sc_v_${suffix}`),
    files,
    settingSentinel: `/tmp/acd-setting-${suffix}.log`,
    settingBefore: await generalLogFile(admin),
    fileWritesWork: false,
    settingChangesWork: false,
  };
  try {
    await createObjects(fixture, password);
    await proveTheHazard(fixture);
  } catch (error) {
    // A half-made fixture is dropped here: the test's afterAll never sees it.
    await dropStoredCodeFixture(fixture);
    throw error;
  }
  return fixture;
}

async function createObjects(fixture: StoredCodeFixture, password: string): Promise<void> {
  const { admin, database, files } = fixture;
  const q = (sql: string) => admin.query(sql);
  const outfile = (name: WriterName) => `SELECT 'acd' INTO OUTFILE ${admin.escape(files[name])}`;
  await q(`CREATE DATABASE ${database}`);
  await q(`CREATE TABLE ${database}.t (id int PRIMARY KEY, label varchar(20)) ENGINE=InnoDB`);
  await q(`INSERT INTO ${database}.t VALUES (1, 'one'), (2, 'two')`);
  for (const name of ['f_outfile', 'f_in_view', 'f_probe'] as const) {
    await q(`CREATE FUNCTION ${database}.${name}() RETURNS int BEGIN ${outfile(name)}; RETURN 1; END`);
  }
  const dump = `SELECT 'acd' INTO DUMPFILE ${admin.escape(files.f_dumpfile)}`;
  await q(`CREATE FUNCTION ${database}.f_dumpfile() RETURNS int BEGIN ${dump}; RETURN 1; END`);
  await q(`CREATE PROCEDURE ${database}.p_outfile() BEGIN ${outfile('f_calls_procedure')}; END`);
  await q(`CREATE FUNCTION ${database}.f_calls_procedure() RETURNS int BEGIN CALL p_outfile(); RETURN 1; END`);
  // INVOKER: runs with the caller's FILE privilege instead of the creator's.
  await q(
    `CREATE FUNCTION ${database}.f_invoker() RETURNS int SQL SECURITY INVOKER BEGIN ${outfile('f_invoker')}; RETURN 1; END`,
  );
  // A different log file is a way to write files on the server as soon as general_log is on.
  await q(
    `CREATE FUNCTION ${database}.f_setting() RETURNS int BEGIN ` +
      `SET GLOBAL general_log_file = ${admin.escape(fixture.settingSentinel)}; RETURN 1; END`,
  );
  await q(`CREATE FUNCTION ${database}.f_plain(x int) RETURNS int DETERMINISTIC RETURN x * 2`);
  await q(`CREATE VIEW ${database}.v_plain AS SELECT id, upper(label) AS label FROM ${database}.t`);
  await q(`CREATE VIEW ${database}.v_outfile AS SELECT id, ${database}.f_in_view() AS wrote FROM ${database}.t`);
  for (const { connection } of [fixture.filer, fixture.viewer]) {
    await q(`CREATE USER '${connection.user}'@'%' IDENTIFIED BY '${password}'`);
  }
  await q(`GRANT SELECT, EXECUTE ON ${database}.* TO '${fixture.filer.connection.user}'@'%'`);
  await q(`GRANT FILE, SUPER ON *.* TO '${fixture.filer.connection.user}'@'%'`);
  for (const object of ['t', 'v_plain', 'v_outfile']) {
    await q(`GRANT SELECT ON ${database}.${object} TO '${fixture.viewer.connection.user}'@'%'`);
  }
}

/**
 * Calls the probe function and f_setting() as the administrator inside READ ONLY, as a preview
 * did before the fix: the assertions that nothing happened mean something only where it can.
 */
async function proveTheHazard(fixture: StoredCodeFixture): Promise<void> {
  const { admin, database } = fixture;
  await admin.query('START TRANSACTION READ ONLY');
  try {
    await admin.query(`SELECT ${database}.f_probe()`).catch(() => undefined);
    await admin.query(`SELECT ${database}.f_setting()`);
  } finally {
    await admin.query('ROLLBACK');
  }
  fixture.fileWritesWork = await serverFileExists(fixture, fixture.files.f_probe);
  fixture.settingChangesWork = (await generalLogFile(admin)) === fixture.settingSentinel;
  await restoreSetting(fixture);
}

/** Only if it is still ours: a parallel run may have set its own sentinel in between. */
async function restoreSetting(fixture: StoredCodeFixture): Promise<void> {
  if ((await generalLogFile(fixture.admin)) !== fixture.settingSentinel) return;
  await fixture.admin.query('SET GLOBAL general_log_file = ?', [fixture.settingBefore]);
}

/** Asked of the server itself, so it holds even when the server's /tmp is not ours. */
export async function serverFileExists(fixture: StoredCodeFixture, file: string): Promise<boolean> {
  const [[row]] = await fixture.admin.query<mysql.RowDataPacket[]>('SELECT LOAD_FILE(?) IS NOT NULL AS found', [file]);
  return Number(row?.found) === 1;
}

export async function generalLogFile(admin: mysql.Connection): Promise<string> {
  const [[row]] = await admin.query<mysql.RowDataPacket[]>('SELECT @@global.general_log_file AS f');
  return String(row?.f);
}

export async function dropStoredCodeFixture(fixture: StoredCodeFixture | undefined): Promise<void> {
  if (fixture === undefined) return;
  const { admin } = fixture;
  try {
    // A preview that got through (the test then fails) changed it; the server keeps no trace.
    await restoreSetting(fixture);
    await admin.query(`DROP DATABASE IF EXISTS ${fixture.database}`);
    for (const { connection } of [fixture.filer, fixture.viewer]) {
      await admin.query(`DROP USER IF EXISTS '${connection.user}'@'%'`);
    }
  } finally {
    // The server wrote them as its own user; where its /tmp is ours and we may, they go.
    for (const file of Object.values(fixture.files)) {
      try {
        fs.rmSync(file, { force: true });
      } catch {
        // A sticky /tmp keeps another user's file: a few bytes, named after this run.
      }
    }
    await admin.end();
  }
}
