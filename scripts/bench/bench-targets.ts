import type { Connection } from '../../src-shared/contract/model';
import { BENCH_DATABASE, MARIADB, POSTGRES } from './bench-config';
import { isqlFloor, mysqlFloor, psqlFloor, sqlite3Floor } from './floor-commands';
import { ODBC_DSNS } from './odbc-dsns';
import type { CommandSpec } from './timed-command';

export type TargetId = 'postgres' | 'mariadb' | 'sqlite' | 'odbc-postgres' | 'odbc-mariadb' | 'odbc-sqlite';

/** One way the product reaches a database, and the floor tool it is compared with. */
export interface BenchTarget {
  id: TargetId;
  label: string;
  /** Which generated tables it reads. */
  database: 'postgres' | 'mariadb' | 'sqlite';
  connection: Connection;
  floorTool: string;
  floor(query: string): CommandSpec;
  /** The ratio target (product / floor); null where the issue sets none. */
  maxRatio: number | null;
}

export interface TargetContext {
  sqliteFile: string;
  odbcIni: string;
}

export function benchTargets({ sqliteFile, odbcIni }: TargetContext): BenchTarget[] {
  const odbc = (dsn: string): Connection => ({ kind: 'odbc', connectionString: `DSN=${dsn};` });
  return [
    {
      id: 'postgres',
      label: 'PostgreSQL',
      database: 'postgres',
      connection: { kind: 'postgres', ...POSTGRES, tls: 'disable' },
      floorTool: 'psql \\copy',
      floor: psqlFloor,
      maxRatio: 1.5,
    },
    {
      id: 'mariadb',
      label: 'MariaDB',
      database: 'mariadb',
      connection: { kind: 'mysql', ...MARIADB, database: BENCH_DATABASE, tls: 'disable' },
      floorTool: 'mysql --quick',
      floor: mysqlFloor,
      maxRatio: 1.5,
    },
    {
      id: 'sqlite',
      label: 'SQLite',
      database: 'sqlite',
      connection: { kind: 'sqlite', file: sqliteFile },
      floorTool: 'sqlite3',
      floor: (query) => sqlite3Floor(sqliteFile, query),
      maxRatio: null,
    },
    {
      id: 'odbc-postgres',
      label: 'ODBC psqlODBC',
      database: 'postgres',
      connection: odbc(ODBC_DSNS.postgres),
      floorTool: 'isql -b',
      floor: (query) => isqlFloor('postgres', query, odbcIni),
      maxRatio: 1.5,
    },
    {
      id: 'odbc-mariadb',
      label: 'ODBC MariaDB',
      database: 'mariadb',
      connection: odbc(ODBC_DSNS.mariadb),
      floorTool: 'isql -b',
      floor: (query) => isqlFloor('mariadb', query, odbcIni),
      maxRatio: 1.5,
    },
    {
      id: 'odbc-sqlite',
      label: 'ODBC SQLite3',
      database: 'sqlite',
      connection: odbc(ODBC_DSNS.sqlite),
      floorTool: 'isql -b',
      floor: (query) => isqlFloor('sqlite', query, odbcIni),
      maxRatio: 1.5,
    },
  ];
}

export const TARGET_IDS: readonly TargetId[] = [
  'postgres',
  'mariadb',
  'sqlite',
  'odbc-postgres',
  'odbc-mariadb',
  'odbc-sqlite',
];
