import type { Connection } from '../../../src-shared/contract/model';
import { maskConnectionString } from '../../../src-shared/odbc/connection-string';
import type { ClassifiedError } from '../db-session';
import { StoredCodeRefusal } from '../mysql/mysql-stored-code';
import { errorMessage, field, firstLine, numberField, stringField } from '../shared/error-fields';
import { odbcTarget, type OdbcTarget } from './odbc-target';

export type OdbcConnection = Extract<Connection, { kind: 'odbc' }>;

interface Diagnostic {
  state: string;
  code: number | undefined;
  message: string;
}

/**
 * node-odbc errors to categories. The useful part is `odbcErrors[]` (one diagnostic record per
 * SQLSTATE); the top-level message is only "[odbc] Error connecting to the database". SQLSTATEs
 * are too coarse on their own (psqlODBC reports a wrong password and an unknown database both as
 * 08001), so the driver's text and native code decide within a state. Every driver text is
 * masked, because driver managers echo connection strings.
 */
export function classifyOdbcError(error: unknown, connection: OdbcConnection): ClassifiedError {
  // Our own refusal (stored functions on MySQL/MariaDB) already says what happened and what to do.
  if (error instanceof StoredCodeRefusal) return { category: 'ERROR', message: error.message };
  const target = odbcTarget(connection.connectionString);
  const offset = numberField(error, 'offset');
  if (stringField(error, 'name') === 'ConnectionStringError' && offset !== undefined) {
    return {
      category: 'BAD_CONFIG',
      message: `The connection string cannot be read: ${errorMessage(error)}`,
    };
  }
  const diagnostics = diagnosticsOf(error);
  const text = diagnostics.map((item) => item.message).join('\n');
  const has = (pattern: RegExp) => pattern.test(text);
  const hasState = (...states: string[]) => diagnostics.some((item) => states.includes(item.state));
  const hasCode = (...codes: number[]) =>
    diagnostics.some((item) => item.code !== undefined && codes.includes(item.code));

  const library = /Can't open lib '([^']*)'\s*:\s*(.*)/.exec(text);
  if (library !== null) return driverMissing(target, library[1] ?? '', firstLine(library[2] ?? ''));
  if (hasState('IM003') || has(/cannot open shared object file/i))
    return driverMissing(target, target.driver ?? '', firstLine(text));
  if (hasState('IM002')) {
    if (target.dsn !== undefined) {
      return {
        category: 'BAD_CONFIG',
        message: `The data source "${target.dsn}" is not defined on this machine: check its name (\`odbcinst -q -s\` lists the data sources), or connect with DRIVER={…} instead.`,
      };
    }
    if (target.driver !== undefined) return driverMissing(target, target.driver, firstLine(text));
    return {
      category: 'BAD_CONFIG',
      message: 'The connection string names neither a data source (DSN=…) nor a driver (DRIVER={…}): add one.',
    };
  }
  if (hasState('28000', '28P01') || hasCode(1045) || has(/password authentication failed|Access denied for user/i)) {
    if (hasCode(1044)) return dbAccessDenied(target);
    return {
      category: 'AUTH',
      message: `The server refused the user name or password${target.user === undefined ? '' : ` for "${target.user}"`}: check both; the password is case-sensitive.`,
    };
  }
  if (has(/no password supplied/i)) {
    return {
      category: 'AUTH',
      message: 'The server asks for a password, and none is stored for this connection: enter it.',
    };
  }
  if (has(/pg_hba\.conf/i)) {
    return {
      category: 'AUTH',
      message:
        "The server's pg_hba.conf has no rule that lets this user connect from this machine: ask the database administrator to add one.",
    };
  }
  if (hasCode(1044)) return dbAccessDenied(target);
  if (hasState('3D000') || hasCode(1049) || has(/database "?[^"\n]*"? does not exist|Unknown database/i)) {
    return {
      category: 'DATABASE_NOT_FOUND',
      message: `The database ${quoted(target.database)}does not exist on ${endpoint(target)}: check its name.`,
    };
  }
  if (/^\[SQLite\]/m.test(text) && hasCode(14)) {
    return {
      category: 'DATABASE_NOT_FOUND',
      message: `The SQLite file ${quoted(target.database)}cannot be opened: check the path, and that the file exists and is readable.`,
    };
  }
  if (has(/\bSSL\b|\bTLS\b|certificate/i)) {
    return { category: 'TLS', message: `The TLS connection failed: ${firstMasked(text)}` };
  }
  if (has(/Connection refused/i) || hasCode(2002, 2003) || has(/Can't connect to (MySQL )?server/i)) {
    return {
      category: 'UNREACHABLE',
      message: `Nothing listens on ${endpoint(target)}: check host, port and firewall, and that the database server is running.`,
    };
  }
  if (hasCode(2005) || has(/could not translate host name|Unknown (MySQL )?server host|Name or service not known/i)) {
    return {
      category: 'UNREACHABLE',
      message: `The host name ${quoted(target.host)}was not found: check its spelling, or enter the server's IP address.`,
    };
  }
  if (has(/No route to host|Network is unreachable/i)) {
    return {
      category: 'UNREACHABLE',
      message: `There is no network route to ${endpoint(target)}: check the address, the VPN and the firewall.`,
    };
  }
  if (hasState('HYT00', 'HYT01') || has(/time(d)? ?out/i)) {
    return {
      category: 'TIMEOUT',
      message: `${endpoint(target)} did not answer in time: check host and port, and whether a firewall drops the connection.`,
    };
  }
  const first = diagnostics[0];
  if (first === undefined)
    return { category: 'ERROR', message: `ODBC failed: ${masked(firstLine(errorMessage(error)))}` };
  return { category: 'ERROR', message: `The ODBC driver reported: ${firstMasked(text)} (SQLSTATE ${first.state})` };
}

function diagnosticsOf(error: unknown): Diagnostic[] {
  const records = field(error, 'odbcErrors');
  if (!Array.isArray(records)) return [];
  return records.map((record: unknown) => ({
    state: stringField(record, 'state') ?? '',
    code: numberField(record, 'code'),
    message: masked(stringField(record, 'message') ?? ''),
  }));
}

function driverMissing(target: OdbcTarget, name: string, reason: string): ClassifiedError {
  // unixODBC names the driver when it is not registered, and the library path when it is
  // registered but its file is gone.
  const isLibrary = name.includes('/') || /\.so(\.|$)|\.dll$|\.dylib$/i.test(name);
  const what = isLibrary
    ? `The library ${name} of the ODBC driver${target.driver === undefined ? '' : ` "${target.driver}"`} cannot be loaded (${reason}): reinstall the driver.`
    : `The ODBC driver "${name}" is not installed on this machine: install it, or use one of the installed drivers (\`odbcinst -q -d\` lists them; names must match exactly).`;
  return { category: 'DRIVER_MISSING', message: masked(what) };
}

function dbAccessDenied(target: OdbcTarget): ClassifiedError {
  return {
    category: 'AUTH',
    message: `The login has no access to the database ${quoted(target.database)}or that database does not exist (the server does not tell a login without rights on it which): check the name and the login's grants.`,
  };
}

function endpoint(target: OdbcTarget): string {
  if (target.host === undefined) return 'the server';
  return target.port === undefined ? target.host : `${target.host}:${target.port}`;
}

function quoted(name: string | undefined): string {
  return name === undefined ? '' : `"${name}" `;
}

function masked(text: string): string {
  return maskConnectionString(text);
}

function firstMasked(text: string): string {
  return masked(firstLine(text));
}
