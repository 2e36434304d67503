import type { Connection, ConnectionKind } from '../../../src-shared/contract/model';

/** What the form edits: every field of every kind as text, so switching kinds loses nothing typed. */
export interface ConnectionDraft {
  kind: ConnectionKind;
  file: string;
  host: string;
  port: string;
  instance: string;
  database: string;
  user: string;
  connectionString: string;
}

export const CONNECTION_KINDS: ConnectionKind[] = ['odbc', 'mssql', 'mysql', 'postgres', 'sqlite'];

const DEFAULT_PORTS: Partial<Record<ConnectionKind, string>> = { postgres: '5432', mysql: '3306', mssql: '1433' };

export function emptyConnectionDraft(kind: ConnectionKind = 'odbc'): ConnectionDraft {
  return {
    kind,
    file: '',
    host: '',
    port: DEFAULT_PORTS[kind] ?? '',
    instance: '',
    database: '',
    user: '',
    connectionString: '',
  };
}

export function toConnectionDraft(connection: Connection): ConnectionDraft {
  const draft = emptyConnectionDraft(connection.kind);
  switch (connection.kind) {
    case 'sqlite':
      return { ...draft, file: connection.file };
    case 'odbc':
      return { ...draft, connectionString: connection.connectionString };
    case 'mssql':
      return {
        ...draft,
        host: connection.host,
        port: connection.port === undefined ? '' : String(connection.port),
        instance: connection.instance ?? '',
        database: connection.database,
        user: connection.user,
      };
    default:
      return {
        ...draft,
        host: connection.host,
        port: String(connection.port),
        database: connection.database,
        user: connection.user,
      };
  }
}

/** Builds the value sent to the service; the service validates it and names any wrong field. */
export function fromConnectionDraft(draft: ConnectionDraft): Record<string, unknown> {
  const port = draft.port.trim() === '' ? undefined : Number(draft.port);
  switch (draft.kind) {
    case 'sqlite':
      return { kind: 'sqlite', file: draft.file };
    case 'odbc':
      return { kind: 'odbc', connectionString: draft.connectionString };
    case 'mssql':
      return {
        kind: 'mssql',
        host: draft.host,
        ...(draft.instance.trim() ? { instance: draft.instance } : { port }),
        database: draft.database,
        user: draft.user,
      };
    default:
      return { kind: draft.kind, host: draft.host, port, database: draft.database, user: draft.user };
  }
}

export function withKind(draft: ConnectionDraft, kind: ConnectionKind): ConnectionDraft {
  const port =
    draft.port === '' || Object.values(DEFAULT_PORTS).includes(draft.port) ? (DEFAULT_PORTS[kind] ?? '') : draft.port;
  return { ...draft, kind, port };
}
