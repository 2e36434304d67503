import { isPasswordKey } from './connection-string-secrets';
import type {
  ConnectionStringParseResult,
  ConnectionStringWarning,
  ParsedConnectionString,
} from './connection-string-syntax';

/**
 * Advice on a parsed connection string: the parser's own syntax warnings, then what we know about
 * drivers. Every message says what to do. A string that did not parse has no advice (its error
 * is the advice). Messages never quote values, which may be secret.
 */
export function lintConnectionString(parsed: ConnectionStringParseResult): ConnectionStringWarning[] {
  if (!parsed.ok) return [];
  return [
    ...parsed.warnings,
    ...emptyTargets(parsed),
    ...passwordsInClearText(parsed),
    ...informixDelimident(parsed),
    ...athenaDriver1x(parsed),
  ];
}

function firstPair(parsed: ParsedConnectionString, lower: string) {
  return parsed.pairs.find((pair) => pair.key.toLowerCase() === lower);
}

function emptyTargets(parsed: ParsedConnectionString): ConnectionStringWarning[] {
  const dsn = firstPair(parsed, 'dsn');
  const fileDsn = firstPair(parsed, 'filedsn');
  const driver = firstPair(parsed, 'driver');
  if (!dsn && !fileDsn && !driver) {
    return [
      {
        code: 'no-driver',
        message:
          'The string names no DSN, FILEDSN or DRIVER, so unixODBC falls back to a data source named DEFAULT. ' +
          'Start it with DSN=name; or DRIVER={driver name}; ("acd-link odbc sources" lists both).',
      },
    ];
  }
  const warnings: ConnectionStringWarning[] = [];
  if (driver && driver.value.trim() === '') {
    warnings.push({
      code: 'empty-value',
      key: driver.key,
      message: `${driver.key} is empty: name an installed driver, e.g. DRIVER={PostgreSQL Unicode}; ("acd-link odbc sources" lists them).`,
    });
  }
  if (dsn && dsn.value.trim() === '') {
    warnings.push({
      code: 'empty-value',
      key: dsn.key,
      message: `${dsn.key} is empty: name a data source, e.g. DSN=AvayaCMS; ("acd-link odbc sources" lists them).`,
    });
  }
  if (fileDsn && fileDsn.value.trim() === '') {
    warnings.push({
      code: 'empty-value',
      key: fileDsn.key,
      message: `${fileDsn.key} is empty: give the path of a .dsn file, or use DSN= or DRIVER= instead.`,
    });
  }
  return warnings;
}

function passwordsInClearText(parsed: ParsedConnectionString): ConnectionStringWarning[] {
  const keys = [...new Set(parsed.pairs.map((pair) => pair.key).filter(isPasswordKey))];
  return keys.map((key) => ({
    code: 'password-in-string',
    key,
    message:
      `Remove ${key} from the connection string: it would be stored in clear text. Use the password field; ` +
      'it is stored encrypted and spliced in as PWD at connect time.',
  }));
}

/**
 * Our queries delimit identifiers with double quotes; Informix reads "name" as a string literal
 * unless DELIMIDENT=y. A DSN whose driver is Informix cannot be recognised from the string alone,
 * so only DRIVER= strings are checked.
 */
function informixDelimident(parsed: ParsedConnectionString): ConnectionStringWarning[] {
  const driver = firstPair(parsed, 'driver');
  if (!driver || !/informix/i.test(driver.value)) return [];
  const delimident = firstPair(parsed, 'delimident');
  if (delimident && delimident.value.trim().toLowerCase() === 'y') return [];
  const why =
    'Our queries put identifiers in double quotes, and without DELIMIDENT=y Informix reads "name" as text, ' +
    'so queries fail or return the column name instead of its value. ' +
    'With a DSN, add it after the DSN (DSN=AvayaCMS;DELIMIDENT=y;): a DSN cannot hold this option.';
  return [
    delimident
      ? {
          code: 'informix-delimident',
          key: delimident.key,
          message: `Set ${delimident.key}=y for the Informix driver (it is set to something else now). ${why}`,
        }
      : {
          code: 'informix-delimident',
          key: driver.key,
          message: `Add DELIMIDENT=y; to this Informix connection string. ${why}`,
        },
  ];
}

/**
 * Athena ODBC 1.x was Simba's driver ("Simba Athena ODBC Driver", libathenaodbc_sb64.so); 2.x is
 * "Amazon Athena ODBC Driver". A "1.x" version in the name also counts, but not "2.1" or "11.2".
 */
function athenaDriver1x(parsed: ParsedConnectionString): ConnectionStringWarning[] {
  const driver = firstPair(parsed, 'driver');
  if (!driver || !/athena/i.test(driver.value)) return [];
  if (!/simba/i.test(driver.value) && !/(?:^|[^0-9.])1\.\d/.test(driver.value)) return [];
  return [
    {
      code: 'athena-driver-1x',
      key: driver.key,
      message:
        'This names the Amazon Athena ODBC driver 1.x. Install and use driver 2.x (Amazon Athena ODBC Driver): ' +
        '1.x leaks TCP connections, and imports connect every 15 minutes.',
    },
  ];
}
