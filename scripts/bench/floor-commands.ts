import { BENCH_DATABASE, MARIADB, POSTGRES } from './bench-config';
import { ODBC_DSNS, type OdbcDatabase } from './odbc-dsns';
import type { CommandSpec } from './timed-command';

/**
 * The floors: each database's own client reading the same query to nowhere, i.e. the least any
 * tool can take to pull these rows through that protocol and driver.
 */
export function psqlFloor(query: string): CommandSpec {
  return {
    argv: [
      'psql',
      '-X',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      POSTGRES.host,
      '-U',
      POSTGRES.user,
      '-d',
      BENCH_DATABASE,
      '-c',
      `\\copy (${query}) to '/dev/null'`,
    ],
    stdout: 'discard',
  };
}

export function mysqlFloor(query: string): CommandSpec {
  return {
    argv: [
      'mysql',
      '--quick',
      '-h',
      MARIADB.host,
      '-P',
      String(MARIADB.port),
      '-u',
      MARIADB.user,
      BENCH_DATABASE,
      '-e',
      query,
    ],
    stdout: 'discard',
  };
}

/** isql batch mode (-b), comma-delimited (-d,) output; the statement comes on standard input. */
export function isqlFloor(database: OdbcDatabase, query: string, odbcIni: string): CommandSpec {
  return {
    argv: ['isql', '-b', '-d,', ODBC_DSNS[database]],
    env: { ...process.env, ODBCINI: odbcIni },
    stdin: `${query}\n`,
    stdout: 'discard',
  };
}

export function sqlite3Floor(file: string, query: string): CommandSpec {
  return { argv: ['sqlite3', '-readonly', file, query], stdout: 'discard' };
}
