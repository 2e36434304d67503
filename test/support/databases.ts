import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';

/**
 * The real databases the driver tests run against, created idempotently and safely when several
 * test processes start at once (each setup holds a server-side lock). Every login uses the canary
 * password, so a test can prove it never leaks.
 */
export const CANARY_PASSWORD = 'Canary-Pw-7f3a9';
export const TEST_DATABASE = 'acd_link_test';
export const READER_LOGIN = 'acd_test_reader';
export const WRITER_LOGIN = 'acd_test_writer';
export const TEST_TABLE = 'queue_stats';
export const TEST_VIEW = 'queue_totals';
export const TEST_COLUMNS = ['queue_id', 'queue_name', 'interval_start', 'offered', 'answered', 'handling_time'];

const SETUP_HINT = 'Start it with `sudo bash scripts/setup/ensure-system.sh`';
export const PG_ADMIN_URL = process.env.ACD_TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const MYSQL_ADMIN_URL = process.env.ACD_TEST_MYSQL_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306/';

export const PG_ENDPOINT = { host: '127.0.0.1', port: 5432 };
export const MYSQL_ENDPOINT = { host: '127.0.0.1', port: 3306 };

const ROWS: [string, string, string, number, number, number][] = [
  ['Q1', 'Sales', '2024-03-31 01:45:00', 12, 11, 2460],
  ['Q1', 'Sales', '2024-03-31 02:00:00', 9, 9, 1810],
  ['Q2', 'Support', '2024-03-31 02:00:00', 20, 17, 5100],
];

/** Creates the PostgreSQL test database, its table and view, and both logins with their grants. */
export async function ensurePostgresTestDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await admin.connect().catch((error: unknown) => {
    throw new Error(
      `PostgreSQL is not reachable as an administrator at ${redactUrl(PG_ADMIN_URL)} (${String(error)}). ` +
        `${SETUP_HINT}, or set ACD_TEST_PG_ADMIN_URL to a superuser connection URL.`,
    );
  });
  try {
    // Serialises concurrent setups (parallel test files or test runs) on this server.
    await admin.query("SELECT pg_advisory_lock(hashtext('acd_link_test_setup'))");
    for (const role of [READER_LOGIN, WRITER_LOGIN]) {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${CANARY_PASSWORD}'`);
    }
    const db = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEST_DATABASE]);
    if (db.rowCount === 0) await admin.query(`CREATE DATABASE ${TEST_DATABASE}`);
    await preparePostgresDatabase(PG_ADMIN_URL);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

async function preparePostgresDatabase(adminUrl: string): Promise<void> {
  const url = new URL(adminUrl);
  url.pathname = `/${TEST_DATABASE}`;
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS public.${TEST_TABLE} (
      queue_id varchar(20) NOT NULL, queue_name varchar(60) NOT NULL, interval_start timestamp NOT NULL,
      offered integer NOT NULL, answered integer NOT NULL, handling_time integer)`);
    await client.query(`CREATE OR REPLACE VIEW public.${TEST_VIEW} AS
      SELECT queue_id, sum(offered) AS offered FROM public.${TEST_TABLE} GROUP BY queue_id`);
    const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${TEST_TABLE}`);
    if (count.rows[0]?.n === '0') {
      for (const row of ROWS) await client.query(`INSERT INTO public.${TEST_TABLE} VALUES ($1,$2,$3,$4,$5,$6)`, row);
    }
    // Servers before 15 let every login create tables in public; the reader must really be read-only.
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await client.query(`REVOKE CREATE ON DATABASE ${TEST_DATABASE} FROM PUBLIC`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${READER_LOGIN}, ${WRITER_LOGIN}`);
    await client.query(`GRANT SELECT ON public.${TEST_TABLE}, public.${TEST_VIEW} TO ${READER_LOGIN}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON public.${TEST_TABLE} TO ${WRITER_LOGIN}`);
    await client.query(`GRANT SELECT ON public.${TEST_VIEW} TO ${WRITER_LOGIN}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether PostgreSQL asks the test logins for a password. A loopback `trust` line accepts any
 * password, which would make the AUTH case pass for the wrong reason or fail confusingly.
 */
export async function postgresChecksPasswords(): Promise<boolean> {
  const client = new pg.Client({
    ...PG_ENDPOINT,
    database: TEST_DATABASE,
    user: READER_LOGIN,
    password: 'not-the-password',
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
    return false;
  } catch (error) {
    if ((error as { code?: unknown }).code === '28P01') return true;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const PG_PASSWORD_HINT =
  'PostgreSQL accepted a wrong password for the test login, so pg_hba.conf trusts loopback connections. ' +
  'Run `sudo bash scripts/setup/pg-test-password-auth.sh` once (it adds scram-sha-256 lines for the test logins only).';

/** Creates the MariaDB/MySQL test database, its table and view, and both logins with their grants. */
export async function ensureMysqlTestDatabase(): Promise<void> {
  const admin = await connectMysqlAdmin();
  try {
    const [lock] = await admin.query<mysql.RowDataPacket[]>("SELECT GET_LOCK('acd_link_test_setup', 30) AS got");
    if (lock[0]?.got !== 1) throw new Error('Could not get the MariaDB setup lock within 30 s.');
    await admin.query(`CREATE DATABASE IF NOT EXISTS ${TEST_DATABASE}`);
    await admin.query(`CREATE TABLE IF NOT EXISTS ${TEST_DATABASE}.${TEST_TABLE} (
      queue_id varchar(20) NOT NULL, queue_name varchar(60) NOT NULL, interval_start datetime NOT NULL,
      offered int NOT NULL, answered int NOT NULL, handling_time int NULL)`);
    await admin.query(`CREATE OR REPLACE VIEW ${TEST_DATABASE}.${TEST_VIEW} AS
      SELECT queue_id, sum(offered) AS offered FROM ${TEST_DATABASE}.${TEST_TABLE} GROUP BY queue_id`);
    const [count] = await admin.query<mysql.RowDataPacket[]>(
      `SELECT count(*) AS n FROM ${TEST_DATABASE}.${TEST_TABLE}`,
    );
    if (Number(count[0]?.n) === 0) {
      await admin.query(`INSERT INTO ${TEST_DATABASE}.${TEST_TABLE} VALUES ?`, [ROWS]);
    }
    for (const login of [READER_LOGIN, WRITER_LOGIN]) {
      // '%' covers TCP from 127.0.0.1 and ::1; ALTER USER resets a password changed by hand.
      await admin.query(`CREATE USER IF NOT EXISTS '${login}'@'%' IDENTIFIED BY '${CANARY_PASSWORD}'`);
      await admin.query(`ALTER USER '${login}'@'%' IDENTIFIED BY '${CANARY_PASSWORD}'`);
    }
    // Global SELECT, as reporting logins often have: without any global privilege MariaDB answers
    // an unknown database with "access denied" (1044), not "unknown database" (1049). The writer
    // keeps table-level grants, so both answers are tested.
    await admin.query(`GRANT SELECT ON *.* TO '${READER_LOGIN}'@'%'`);
    await admin.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${TEST_DATABASE}.${TEST_TABLE} TO '${WRITER_LOGIN}'@'%'`,
    );
    await admin.query(`GRANT SELECT ON ${TEST_DATABASE}.${TEST_VIEW} TO '${WRITER_LOGIN}'@'%'`);
    await admin.query("SELECT RELEASE_LOCK('acd_link_test_setup')");
  } finally {
    await admin.end().catch(() => undefined);
  }
}

export async function connectMysqlAdmin(): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection({ uri: MYSQL_ADMIN_URL, connectTimeout: 5_000 });
  } catch (error) {
    throw new Error(
      `MariaDB is not reachable as an administrator at ${redactUrl(MYSQL_ADMIN_URL)} (${String(error)}). ` +
        `${SETUP_HINT}, or set ACD_TEST_MYSQL_ADMIN_URL to an administrator connection URL.`,
      { cause: error },
    );
  }
}

/** A fresh SQLite file with the same table and view, for SQLite ODBC. */
export function createSqliteTestFile(dir: string): string {
  const file = path.join(dir, `${TEST_DATABASE}.sqlite`);
  const db = new Database(file);
  try {
    db.exec(`CREATE TABLE ${TEST_TABLE} (queue_id TEXT NOT NULL, queue_name TEXT NOT NULL,
      interval_start TEXT NOT NULL, offered INTEGER NOT NULL, answered INTEGER NOT NULL, handling_time INTEGER);
      CREATE VIEW ${TEST_VIEW} AS SELECT queue_id, sum(offered) AS offered FROM ${TEST_TABLE} GROUP BY queue_id;`);
    const insert = db.prepare(`INSERT INTO ${TEST_TABLE} VALUES (?, ?, ?, ?, ?, ?)`);
    for (const row of ROWS) insert.run(...row);
  } finally {
    db.close();
  }
  return file;
}

/** A loopback port that nothing listens on: bound by the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

function redactUrl(text: string): string {
  const url = new URL(text);
  if (url.password !== '') url.password = '***';
  return url.toString();
}
