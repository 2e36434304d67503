import type { Connection, ConnectionKind } from '../../src-shared/contract/model';
import type { DriverModule } from './db-session';

type DriverFor<K extends ConnectionKind> = DriverModule<Extract<Connection, { kind: K }>>;

/**
 * One lazy loader per kind, exhaustive over the contract's kinds: a missing libodbc breaks only
 * ODBC connections, and a new kind without a driver fails to compile.
 */
const loaders: { [K in ConnectionKind]: () => Promise<DriverFor<K>> } = {
  postgres: async () => (await import('./postgres/postgres-driver')).postgresDriver,
  mysql: async () => (await import('./mysql/mysql-driver')).mysqlDriver,
  mssql: async () => (await import('./mssql/mssql-driver')).mssqlDriver,
  odbc: async () => (await import('./odbc/odbc-driver')).odbcDriver,
  sqlite: async () => (await import('./sqlite/sqlite-driver')).sqliteDriver,
};

export async function loadDriver<K extends ConnectionKind>(kind: K): Promise<DriverFor<K>> {
  return (loaders[kind] as () => Promise<DriverFor<K>>)();
}
