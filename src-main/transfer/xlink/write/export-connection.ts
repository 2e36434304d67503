import type { Connection } from '../../../../src-shared/contract/model';
import type { TransferNote } from '../../../../src-shared/contract/transfer';
import {
  isSecretKey,
  maskConnectionString,
  parseConnectionString,
  type ConnectionStringPair,
} from '../../../../src-shared/odbc/connection-string';
import { note } from '../transfer-notes';
import { dsnNameFor } from './export-names';

/** What Xlink's section gets for a connection: it only ever connected through a DSN, with a user. */
export interface ExportedConnection {
  dsn: string;
  user: string | null;
  /** Comment lines (without "; ") for the admin: the DSN to create, options the DSN cannot carry. */
  comments: string[];
  notes: TransferNote[];
}

const USER_KEYS = new Set(['uid', 'user', 'username', 'user id']);

/** Every text that leaves here went through the masker: a password never reaches the file. */
export function exportConnection(connection: Connection, systemName: string, section: string): ExportedConnection {
  if (connection.kind === 'odbc') return odbcConnection(connection.connectionString, systemName, section);
  const dsn = dsnNameFor(systemName);
  const described = describeNative(connection);
  return {
    dsn,
    user: 'user' in connection && connection.user.trim() !== '' ? connection.user.trim() : null,
    comments: [
      `Xlink connects through an ODBC data source only. Create a 32-bit system DSN named "${dsn}" with the ODBC`,
      `Data Source Administrator (32-bit) for: ${described}.`,
    ],
    notes: [
      note(
        'warning',
        `${systemName} connects without ODBC (${described}); the section uses DSN = ${dsn}. Create that 32-bit ` +
          'system DSN on the Xlink computer: the comment above the section says how.',
        { section },
      ),
    ],
  };
}

function describeNative(connection: Exclude<Connection, { kind: 'odbc' }>): string {
  switch (connection.kind) {
    case 'postgres':
      return `PostgreSQL (psqlODBC driver), server ${connection.host}, port ${connection.port}, database ${connection.database}`;
    case 'mysql':
      return `MySQL/MariaDB (MySQL or MariaDB ODBC driver), server ${connection.host}, port ${connection.port}, database ${connection.database}`;
    case 'mssql': {
      const server = connection.instance
        ? `${connection.host}\\${connection.instance}`
        : `${connection.host}${connection.port ? `,${connection.port}` : ''}`;
      const tls = connection.encrypt
        ? `, encrypted${connection.trustServerCertificate ? ' (server certificate trusted)' : ''}`
        : '';
      return `SQL Server (ODBC Driver for SQL Server), server ${server}, database ${connection.database}${tls}`;
    }
    case 'sqlite':
      return `SQLite (SQLite3 ODBC driver), database file ${connection.file}`;
  }
}

function odbcConnection(text: string, systemName: string, section: string): ExportedConnection {
  const parsed = parseConnectionString(text);
  const pairs: ConnectionStringPair[] = parsed.ok ? parsed.pairs : [];
  const firstOf = (keys: ReadonlySet<string>) => pairs.find((pair) => keys.has(pair.key.trim().toLowerCase()));
  const userValue = firstOf(USER_KEYS)?.value;
  const user = userValue !== undefined && userValue.trim() !== '' ? userValue : null;
  const dsnPair = firstOf(new Set(['dsn']));
  const usesDriver = firstOf(new Set(['driver', 'filedsn']));
  if (
    parsed.ok &&
    dsnPair &&
    dsnPair.value.trim() !== '' &&
    (!usesDriver || pairs.indexOf(dsnPair) < pairs.indexOf(usesDriver))
  ) {
    const options = pairs.filter(
      (pair) => pair !== dsnPair && !USER_KEYS.has(pair.key.trim().toLowerCase()) && !isSecretKey(pair.key),
    );
    if (options.length === 0) return { dsn: dsnPair.value.trim(), user, comments: [], notes: [] };
    const shown = maskConnectionString(options.map((pair) => `${pair.key}=${pair.value}`).join(';'));
    return {
      dsn: dsnPair.value.trim(),
      user,
      comments: [
        `The connection also sets ${shown}; Xlink connects with the DSN only, so set them in the DSN if needed.`,
      ],
      notes: [
        note(
          'info',
          `${systemName}: the options after the DSN (${shown}) are not written as keys: Xlink connected with the DSN ` +
            'only. Set them in the DSN if its driver needs them.',
          { section },
        ),
      ],
    };
  }
  const dsn = dsnNameFor(systemName);
  const masked = maskConnectionString(text);
  return {
    dsn,
    user,
    comments: [
      `Xlink connects through an ODBC data source only. Create a 32-bit system DSN named "${dsn}" with the ODBC`,
      `Data Source Administrator (32-bit) that matches this connection string: ${masked}`,
    ],
    notes: [
      note(
        'warning',
        `${systemName} uses a connection string without a DSN; the section uses DSN = ${dsn}. Create that 32-bit ` +
          'system DSN on the Xlink computer: the comment above the section gives the connection string.',
        { section },
      ),
    ],
  };
}
