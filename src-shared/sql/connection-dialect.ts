import type { Connection } from '../contract/model';
import type { Dialect } from './dialect';

/**
 * The SQL dialect a connection speaks: for the statement guard, the templates and completion.
 * Behind ODBC the connection string's driver name tells; an unknown driver gets the
 * conservative `generic` dialect.
 */
export function connectionDialect(connection: Connection): Dialect {
  if (connection.kind !== 'odbc') return connection.kind;
  const text = connection.connectionString.toLowerCase();
  if (/postgres/.test(text)) return 'postgres';
  if (/maria|mysql/.test(text)) return 'mysql';
  if (/sqlite/.test(text)) return 'sqlite';
  if (/sql server|freetds|tds|msodbcsql/.test(text)) return 'mssql';
  return 'generic';
}
