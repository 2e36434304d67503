import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DATABASE, MARIADB, POSTGRES } from './bench-config';

/** The DSNs both isql and the product's ODBC path use, so the two go through the same driver and settings. */
export const ODBC_DSNS = {
  postgres: 'acd_bench_pg',
  mariadb: 'acd_bench_mariadb',
  sqlite: 'acd_bench_sqlite',
} as const;
export type OdbcDatabase = keyof typeof ODBC_DSNS;

/**
 * psqlODBC reads the whole result into memory unless UseDeclareFetch=1; Fetch is its cursor's batch
 * size. These settings are reported with the results.
 */
export const PSQLODBC_SETTINGS = { UseDeclareFetch: '1', Fetch: '10000' } as const;

export function odbcIniText(sqliteFile: string): string {
  const section = (name: string, entries: Record<string, string | number>) =>
    [`[${name}]`, ...Object.entries(entries).map(([key, value]) => `${key} = ${value}`), ''].join('\n');
  return [
    section(ODBC_DSNS.postgres, {
      Driver: 'PostgreSQL Unicode',
      Servername: POSTGRES.host,
      Port: POSTGRES.port,
      Database: BENCH_DATABASE,
      Username: POSTGRES.user,
      ...PSQLODBC_SETTINGS,
    }),
    section(ODBC_DSNS.mariadb, {
      Driver: 'MariaDB Unicode',
      Server: MARIADB.host,
      Port: MARIADB.port,
      Database: BENCH_DATABASE,
      User: MARIADB.user,
    }),
    section(ODBC_DSNS.sqlite, { Driver: 'SQLite3', Database: sqliteFile }),
  ].join('\n');
}

/** Writes the temporary odbc.ini; point ODBCINI at the returned path. */
export function writeOdbcIni(dir: string, sqliteFile: string): string {
  const file = path.join(dir, 'odbc.ini');
  fs.writeFileSync(file, odbcIniText(sqliteFile));
  return file;
}
