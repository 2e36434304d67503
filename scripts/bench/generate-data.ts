import fs from 'node:fs';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { ImportType } from '../../src-shared/contract/model';
import { BENCH_DATABASE, BENCH_OUT_DIR, MARIADB, POSTGRES, SHAPE_VERSION, sqliteFileFor } from './bench-config';
import { MARIADB_DIALECT, POSTGRES_DIALECT, SQLITE_DIALECT, generationSelect, sqliteSeriesCte } from './generation-sql';
import { tableName } from './import-types';

/** Open agent states must have started less than 24 h ago; regenerate well before that. */
const AGENT_STATES_FRESH_MS = 12 * 3600_000;

export interface GeneratedTable {
  database: 'postgres' | 'mariadb' | 'sqlite';
  table: string;
  rows: number;
  /** Seconds spent generating, or null when the existing table was reused. */
  generatedSeconds: number | null;
}

interface MetaRow {
  shape_version: number;
  row_count: number;
  anchor: string;
}

/** The UTC wall clock, to the minute, that agent states end at. */
function anchorNow(): string {
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  return now.toISOString().slice(0, 19).replace('T', ' ');
}

function isCurrent(meta: MetaRow | undefined, importType: ImportType, rows: number): boolean {
  if (meta === undefined || Number(meta.shape_version) !== SHAPE_VERSION || Number(meta.row_count) !== rows)
    return false;
  if (importType !== 'agent-states') return true;
  return Date.now() - Date.parse(`${meta.anchor.replace(' ', 'T')}Z`) < AGENT_STATES_FRESH_MS;
}

const META_DDL = (text: string) =>
  `CREATE TABLE IF NOT EXISTS bench_meta (table_name VARCHAR(100) PRIMARY KEY, shape_version INTEGER NOT NULL, ` +
  `row_count BIGINT NOT NULL, anchor ${text} NOT NULL)`;

async function timed(work: () => Promise<void> | void): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started) / 1000;
}

/** Creates the database and the table unless a current one exists; the swap is one transaction. */
export async function ensurePostgresTable(importType: ImportType, rows: number): Promise<GeneratedTable> {
  const admin = new pg.Client({ ...POSTGRES, database: 'postgres', connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } catch (error) {
    // Two harnesses starting at once: the other one created it.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ ...POSTGRES, connectionTimeoutMillis: 5000 });
  await client.connect();
  const table = tableName(importType, rows);
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [table]);
    await client.query(META_DDL('VARCHAR(19)'));
    const meta = await client.query<MetaRow>(
      `SELECT m.* FROM bench_meta m JOIN pg_tables t ON t.tablename = m.table_name AND t.schemaname = 'public' ` +
        'WHERE m.table_name = $1',
      [table],
    );
    if (isCurrent(meta.rows[0], importType, rows)) return { database: 'postgres', table, rows, generatedSeconds: null };
    const anchor = anchorNow();
    const seconds = await timed(async () => {
      await client.query('BEGIN');
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.query(
        `CREATE TABLE ${table} AS SELECT ${generationSelect(POSTGRES_DIALECT, importType, rows, anchor)} ` +
          `FROM ${POSTGRES_DIALECT.series(rows)}`,
      );
      await client.query('DELETE FROM bench_meta WHERE table_name = $1', [table]);
      await client.query('INSERT INTO bench_meta VALUES ($1, $2, $3, $4)', [table, SHAPE_VERSION, rows, anchor]);
      await client.query('COMMIT');
      // Fresh statistics and a set visibility map, so the first timed scan is not a vacuum.
      await client.query(`VACUUM ANALYZE ${table}`);
    });
    return { database: 'postgres', table, rows, generatedSeconds: seconds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** MariaDB has no transactional DDL: the meta row goes first and comes back last, so a crash regenerates. */
export async function ensureMariadbTable(importType: ImportType, rows: number): Promise<GeneratedTable> {
  const connection = await mysql.createConnection({ ...MARIADB, database: undefined, connectTimeout: 5000 });
  const table = tableName(importType, rows);
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS ${BENCH_DATABASE}`);
    await connection.query(`USE ${BENCH_DATABASE}`);
    const [lock] = await connection.query<mysql.RowDataPacket[]>('SELECT GET_LOCK(?, 600) AS got', [table]);
    if (lock[0]?.got !== 1) throw new Error(`could not lock ${table} in MariaDB within 600 s`);
    await connection.query(META_DDL('VARCHAR(19)'));
    const [meta] = await connection.query<mysql.RowDataPacket[]>(
      'SELECT m.* FROM bench_meta m JOIN information_schema.tables t ON t.table_schema = DATABASE() ' +
        'AND t.table_name = m.table_name WHERE m.table_name = ?',
      [table],
    );
    if (isCurrent(meta[0] as MetaRow | undefined, importType, rows))
      return { database: 'mariadb', table, rows, generatedSeconds: null };
    const anchor = anchorNow();
    const seconds = await timed(async () => {
      await connection.query('DELETE FROM bench_meta WHERE table_name = ?', [table]);
      await connection.query(`DROP TABLE IF EXISTS ${table}_new`);
      await connection.query(
        `CREATE TABLE ${table}_new ENGINE=InnoDB AS SELECT ${generationSelect(MARIADB_DIALECT, importType, rows, anchor)} ` +
          `FROM ${MARIADB_DIALECT.series(rows)}`,
      );
      await connection.query(`DROP TABLE IF EXISTS ${table}`);
      await connection.query(`RENAME TABLE ${table}_new TO ${table}`);
      await connection.query('INSERT INTO bench_meta VALUES (?, ?, ?, ?)', [table, SHAPE_VERSION, rows, anchor]);
    });
    return { database: 'mariadb', table, rows, generatedSeconds: seconds };
  } finally {
    await connection.query('SELECT RELEASE_LOCK(?)', [table]).catch(() => undefined);
    await connection.end().catch(() => undefined);
  }
}

/** One SQLite file per row count; a table is built in a transaction, so it is there whole or not at all. */
export function ensureSqliteTable(importType: ImportType, rows: number): GeneratedTable {
  fs.mkdirSync(BENCH_OUT_DIR, { recursive: true });
  const db = new Database(sqliteFileFor(rows), { timeout: 600_000 });
  const table = tableName(importType, rows);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(META_DDL('TEXT'));
    const meta = db
      .prepare(
        "SELECT m.* FROM bench_meta m JOIN sqlite_master t ON t.type = 'table' AND t.name = m.table_name " +
          'WHERE m.table_name = ?',
      )
      .get(table) as MetaRow | undefined;
    if (isCurrent(meta, importType, rows)) return { database: 'sqlite', table, rows, generatedSeconds: null };
    const anchor = anchorNow();
    const started = performance.now();
    db.transaction(() => {
      db.exec(`DROP TABLE IF EXISTS ${table}`);
      db.exec(
        `CREATE TABLE ${table} AS ${sqliteSeriesCte(rows)} ` +
          `SELECT ${generationSelect(SQLITE_DIALECT, importType, rows, anchor)} FROM ${SQLITE_DIALECT.series(rows)}`,
      );
      db.prepare('DELETE FROM bench_meta WHERE table_name = ?').run(table);
      db.prepare('INSERT INTO bench_meta VALUES (?, ?, ?, ?)').run(table, SHAPE_VERSION, rows, anchor);
    }).immediate();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { database: 'sqlite', table, rows, generatedSeconds: Math.round(performance.now() - started) / 1000 };
  } finally {
    db.close();
  }
}
