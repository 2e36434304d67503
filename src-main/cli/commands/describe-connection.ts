import type { Connection } from '../../../src-shared/contract/model';
import { parseConnectionString } from '../../../src-shared/odbc/connection-string';

/** One line that identifies a connection without any secret (ODBC strings are shortened to their DSN/driver). */
export function describeConnection(connection: Connection): string {
  switch (connection.kind) {
    case 'sqlite':
      return `sqlite ${connection.file}`;
    case 'postgres':
    case 'mysql':
      return `${connection.kind} ${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
    case 'mssql':
      return `mssql ${connection.user}@${connection.host}${connection.instance ? `\\${connection.instance}` : `:${connection.port ?? 1433}`}/${connection.database}`;
    case 'odbc': {
      // The string's own parser, so braces and `}}` escapes read as the driver manager reads them.
      const parsed = parseConnectionString(connection.connectionString);
      if (!parsed.ok) return 'odbc';
      if (parsed.dsn !== undefined) return `odbc DSN=${parsed.dsn}`;
      return parsed.driver !== undefined ? `odbc DRIVER={${parsed.driver}}` : 'odbc';
    }
  }
}
