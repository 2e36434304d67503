import type { Connection } from '../../../src-shared/contract/model';

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
      const target = /\b(DSN|DRIVER)\s*=\s*(\{[^}]*\}|[^;]*)/i.exec(connection.connectionString);
      return target ? `odbc ${target[1]?.toUpperCase()}=${target[2]}` : 'odbc';
    }
  }
}
