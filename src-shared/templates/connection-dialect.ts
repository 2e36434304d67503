import type { Connection } from '../contract/model';
import type { Dialect } from '../sql/dialect';

/**
 * The SQL dialect templates and completion quoting should use for a connection. It gives the same
 * answers as src-main/services/sql-dialect.ts (the statement guard's), which the renderer may not
 * import; behind ODBC the connection string's driver name tells, otherwise `generic`.
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
