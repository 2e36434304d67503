import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { MARIADB, POSTGRES } from './bench-config';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  postgres: string;
  mariadb: string;
  sqlite: string;
  unixOdbc: string;
  odbcDrivers: Record<string, string>;
  clients: Record<string, string>;
}

function firstLine(argv: string[]): string {
  try {
    return execFileSync(argv[0]!, argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .trim()
      .split('\n')[0]!
      .trim();
  } catch {
    return 'not found';
  }
}

/** The Debian package that holds a driver, with its version: the library itself carries none. */
function packageVersion(name: string): string {
  const version = firstLine(['dpkg-query', '-W', '-f', '${Version}', name]);
  return version === 'not found' || version === '' ? 'not installed' : `${name} ${version}`;
}

function osName(): string {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/mu.exec(release)?.[1];
    if (pretty) return `${pretty}, kernel ${os.release()}`;
  } catch {
    // Not Linux: fall through to Node's own words.
  }
  return `${os.type()} ${os.release()}`;
}

/**
 * Read before the bench data exists: a fresh machine has no bench database yet, so the server
 * versions come from its maintenance database (PostgreSQL) or from no database at all (MariaDB).
 */
export async function machineInfo(): Promise<MachineInfo> {
  const pgClient = new pg.Client({ ...POSTGRES, database: 'postgres', connectionTimeoutMillis: 5000 });
  await pgClient.connect();
  const postgres = (await pgClient.query<{ version: string }>('SELECT version()')).rows[0]?.version ?? '?';
  await pgClient.end();
  const { database: _benchDatabase, ...mariadbServer } = MARIADB;
  const maria = await mysql.createConnection({ ...mariadbServer, connectTimeout: 5000 });
  const [versionRows] = await maria.query<mysql.RowDataPacket[]>('SELECT VERSION() AS v');
  await maria.end();
  const { default: Database } = await import('better-sqlite3');
  const memory = new Database(':memory:');
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 1024 ** 3),
    os: osName(),
    node: process.version,
    postgres: postgres.split(',')[0] ?? postgres,
    mariadb: String(versionRows[0]?.v ?? '?'),
    sqlite: `${sqlite} (better-sqlite3, the product's SQLite driver)`,
    unixOdbc: firstLine(['odbcinst', '--version']),
    odbcDrivers: {
      'PostgreSQL Unicode': packageVersion('odbc-postgresql'),
      'MariaDB Unicode': packageVersion('odbc-mariadb'),
      SQLite3: packageVersion('libsqliteodbc'),
    },
    clients: {
      psql: firstLine(['psql', '--version']),
      mysql: firstLine(['mysql', '--version']),
      isql: `unixODBC isql ${firstLine(['isql', '--version'])}`,
      sqlite3: firstLine(['sqlite3', '--version']).split(' ').slice(0, 2).join(' '),
    },
  };
}
