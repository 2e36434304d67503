import type { Connection } from '../../src-shared/contract/model';
import { MYSQL_ENDPOINT, PG_ENDPOINT, TEST_DATABASE, WRITER_LOGIN } from './databases';

export type TargetName = 'pg' | 'mysql' | 'sqlite' | 'psqlodbc' | 'mariadbodbc' | 'sqliteodbc';

/**
 * Every real driver path to the test databases, logged in as the login that CAN write: the
 * preview's read-only layers must hold even then.
 */
export function writerTargets(sqliteFile: string): Record<TargetName, { label: string; connection: Connection }> {
  return {
    pg: {
      label: 'postgres (pg)',
      connection: { kind: 'postgres', ...PG_ENDPOINT, database: TEST_DATABASE, user: WRITER_LOGIN, tls: 'disable' },
    },
    mysql: {
      label: 'mysql (mysql2 → MariaDB)',
      connection: { kind: 'mysql', ...MYSQL_ENDPOINT, database: TEST_DATABASE, user: WRITER_LOGIN, tls: 'disable' },
    },
    sqlite: { label: 'sqlite', connection: { kind: 'sqlite', file: sqliteFile } },
    psqlodbc: {
      label: 'odbc (psqlODBC)',
      connection: {
        kind: 'odbc',
        connectionString: `DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=5432;DATABASE=${TEST_DATABASE};UID=${WRITER_LOGIN};`,
      },
    },
    mariadbodbc: {
      label: 'odbc (MariaDB ODBC)',
      connection: {
        kind: 'odbc',
        connectionString: `DRIVER={MariaDB Unicode};SERVER=127.0.0.1;PORT=3306;DATABASE=${TEST_DATABASE};UID=${WRITER_LOGIN};`,
      },
    },
    sqliteodbc: {
      label: 'odbc (SQLite ODBC)',
      connection: { kind: 'odbc', connectionString: `DRIVER={SQLite3};Database=${sqliteFile};` },
    },
  };
}
