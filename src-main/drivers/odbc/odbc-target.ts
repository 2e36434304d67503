import { ConnectionStringError, parseConnectionString, withPassword } from '../../../src-shared/odbc/connection-string';

/** What a stored connection string names, for messages and catalogue defaults. */
export interface OdbcTarget {
  driver: string | undefined;
  dsn: string | undefined;
  host: string | undefined;
  port: string | undefined;
  database: string | undefined;
  user: string | undefined;
}

const HOST_KEYS = ['server', 'host', 'hostname', 'servername'];
const PORT_KEYS = ['port', 'service'];
const DATABASE_KEYS = ['database', 'db', 'dbname'];
const USER_KEYS = ['uid', 'user', 'username'];

/** Reads the string leniently: text that does not parse names nothing (connect reports the error). */
export function odbcTarget(connectionString: string): OdbcTarget {
  const parsed = parseConnectionString(connectionString);
  if (!parsed.ok) {
    return {
      driver: undefined,
      dsn: undefined,
      host: undefined,
      port: undefined,
      database: undefined,
      user: undefined,
    };
  }
  const first = (keys: string[]) => parsed.pairs.find((pair) => keys.includes(pair.key.toLowerCase()))?.value;
  return {
    driver: parsed.driver,
    dsn: parsed.dsn ?? parsed.fileDsn,
    host: first(HOST_KEYS),
    port: first(PORT_KEYS),
    database: first(DATABASE_KEYS),
    user: first(USER_KEYS),
  };
}

/**
 * The string handed to the driver manager: the stored one, with `NoCreat=1` for the SQLite ODBC
 * driver (without it a mistyped path silently creates an empty database, and the test says OK)
 * and the password spliced in as PWD. Throws ConnectionStringError for text that does not parse.
 */
export function connectString(connectionString: string, password: string | undefined): string {
  let text = connectionString;
  const parsed = parseConnectionString(text);
  // Broken text is refused before the driver manager sees it: it would guess where values end.
  if (!parsed.ok) throw new ConnectionStringError(parsed.error);
  if (/sqlite/i.test(parsed.driver ?? '') && !parsed.pairs.some((p) => p.key.toLowerCase() === 'nocreat')) {
    text = `${text.trimEnd().replace(/;?$/, ';')}NoCreat=1;`;
  }
  return password === undefined || password === '' ? text : withPassword(text, password);
}
