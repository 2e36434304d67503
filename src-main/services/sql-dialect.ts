import type { Connection } from '../../src-shared/contract/model';
import type { Dialect } from '../../src-shared/sql/dialect';

/**
 * The SQL dialect a connection speaks, for the statement guard. Behind ODBC the driver name
 * tells; an unknown driver gets the conservative generic dialect.
 */
export function dialectFor(connection: Connection): Dialect {
  switch (connection.kind) {
    case 'postgres':
    case 'mysql':
    case 'mssql':
    case 'sqlite':
      return connection.kind;
    case 'odbc': {
      const text = connection.connectionString.toLowerCase();
      if (/postgres/.test(text)) return 'postgres';
      if (/maria|mysql/.test(text)) return 'mysql';
      if (/sqlite/.test(text)) return 'sqlite';
      if (/sql server|freetds|tds|msodbcsql/.test(text)) return 'mssql';
      return 'generic';
    }
  }
}
