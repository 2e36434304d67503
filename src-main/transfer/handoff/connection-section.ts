import type { Connection, ExternalSystem, VendorInterface } from '../../../src-shared/contract/model';
import { buildConnectionString, maskConnectionString } from '../../../src-shared/odbc/connection-string';
import { DEFAULT_MSSQL_PORT, targetOf } from '../../drivers/mssql/mssql-target';
import { lintOdbc } from '../../services/odbc-lint';
import { field, info, warning, type SheetField, type SheetNote, type SheetSection } from './handoff-sheet-model';

const VENDOR_LABELS: Record<VendorInterface, string> = {
  universal: 'Universal database',
  'avaya-cms': 'Avaya CMS',
  'cisco-icm': 'Cisco ICM',
  other: 'Other',
};

export const PASSWORD_LINE = 'enter it in the WFM system (not included in this sheet)';

/** The connection half of the WFM integration form: what to pick and type, never a password. */
export function connectionSection(system: ExternalSystem): SheetSection {
  const { fields, notes } = connectionFields(system.connection);
  return {
    title: 'Connection',
    fields: [
      field('Vendor interface', VENDOR_LABELS[system.vendor]),
      ...fields,
      field('Password', passwordLine(system.connection)),
      field('Database time zone', system.timeZone, true),
    ],
    notes,
  };
}

function passwordLine(connection: Connection): string {
  switch (connection.kind) {
    case 'sqlite':
      return 'none: an SQLite file has no password';
    case 'odbc':
      // The WFM form has no password field for ODBC: the password goes into the string there.
      return `${PASSWORD_LINE}; for ODBC it goes into the connection string there, as PWD=…;`;
    default:
      return PASSWORD_LINE;
  }
}

function connectionFields(connection: Connection): { fields: SheetField[]; notes: SheetNote[] } {
  switch (connection.kind) {
    case 'postgres':
      return { fields: serverFields('PostgreSQL', connection.host, String(connection.port), connection), notes: [] };
    case 'mysql':
      return {
        fields: serverFields('MySQL (also for MariaDB)', connection.host, String(connection.port), connection),
        notes: [],
      };
    case 'mssql':
      return sqlServerFields(connection);
    case 'odbc':
      return odbcFields(connection.connectionString);
    case 'sqlite':
      return sqliteFields(connection.file);
  }
}

function serverFields(
  type: string,
  host: string,
  port: string,
  { database, user }: { database: string; user: string },
): SheetField[] {
  return [
    field('Database type', type),
    field('Host', host, true),
    field('Port', port, true),
    field('Database', database, true),
    field('User', user, true),
  ];
}

function sqlServerFields(connection: Extract<Connection, { kind: 'mssql' }>) {
  const notes: SheetNote[] = [];
  let host = connection.host;
  let port: SheetField;
  try {
    const target = targetOf(connection);
    if (target.port === undefined) {
      host = `${target.host}\\${target.instance}`;
      port = field('Port', `named instance ${target.instance} - resolved over UDP 1434, no port`);
      notes.push(
        info(
          'A named instance is found through the SQL Server Browser on UDP 1434: that port must be open from ' +
            "the on-premise agent's machine to the server.",
        ),
      );
    } else {
      host = target.host;
      port = field('Port', String(target.port), true);
      if (connection.port === undefined && target.port === DEFAULT_MSSQL_PORT) {
        notes.push(info(`No port was entered: SQL Server's default ${DEFAULT_MSSQL_PORT} is shown.`));
      }
    }
  } catch (error) {
    // The same problem Test connection reports; the sheet still shows what was entered.
    port = field('Port', connection.port === undefined ? 'not set' : String(connection.port), true);
    notes.push(warning(`These SQL Server settings cannot work as written: ${(error as Error).message}`));
  }
  return {
    fields: [
      field('Database type', 'MS SQL Server'),
      field('Host', host, true),
      port,
      field('Database', connection.database, true),
      field('User', connection.user, true),
    ],
    notes,
  };
}

function odbcFields(connectionString: string) {
  // Stored strings never hold a password (the model refuses one), but mask anyway: a sheet is
  // printed and mailed, and any secret-like key (token, key, secret) must not travel with it.
  const masked = maskConnectionString(connectionString);
  const lint = lintOdbc(masked);
  const notes = [
    ...(lint.error ? [warning(`The connection string does not parse: ${lint.error}.`)] : []),
    ...lint.warnings.map((advice) => warning(advice.message)),
  ];
  return {
    fields: [field('Database type', 'Other (ODBC)'), field('Connection string', masked, true)],
    notes,
  };
}

function sqliteFields(file: string) {
  const suggestion = buildConnectionString([
    { key: 'DRIVER', value: 'SQLite3' },
    { key: 'Database', value: file },
  ]);
  return {
    fields: [
      field('Database type', 'none: the WFM system has no SQLite type; choose Other (ODBC)'),
      field('Database file', file, true),
      field('ODBC connection string (suggested)', suggestion, true),
    ],
    notes: [
      warning(
        'The WFM system cannot read an SQLite file directly. Choose Other (ODBC) there, with the SQLite3 ODBC ' +
          'driver installed beside the on-premise agent and the file reachable from its machine.',
      ),
    ],
  };
}
