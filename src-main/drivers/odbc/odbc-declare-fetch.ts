import { parseConnectionString } from '../../../src-shared/odbc/connection-string';
import { listOdbcSources, type OdbcSources } from '../../odbc/odbc-discovery';

/** Rows psqlODBC fetches from its server-side cursor at a time: few round trips, bounded memory. */
export const DECLARE_FETCH_ROWS = 10_000;

/**
 * How a full read must go through this ODBC driver to be both complete and bounded in memory:
 * - psqlODBC reads the whole result into its own memory before the first row is returned (about
 *   450 MB per million interval rows, outside the JavaScript heap limit) unless the connection
 *   says `UseDeclareFetch=1;Fetch=N`: `connectionString` is then that string;
 * - MariaDB Connector/ODBC loses rows when more than one row is fetched at a time (a fetch of
 *   500 returns the first 500 and then nothing; of 2, two thirds of the rows): `rowsPerFetch` 1.
 *   Slow (about 75 µs a row), but every row; the native MySQL/MariaDB connection is the fast path.
 */
export interface OdbcStreamPlan {
  /** A connection string of the stream's own, or undefined to stream on the session's connection. */
  connectionString?: string;
  /** At most this many rows per fetch; undefined: the stream's default. */
  rowsPerFetch?: number;
}

export async function odbcStreamPlan(
  connectionString: string,
  list: () => Promise<OdbcSources> = () => listOdbcSources(),
): Promise<OdbcStreamPlan> {
  const parsed = parseConnectionString(connectionString);
  if (!parsed.ok) return {};
  const names = await driverNames(parsed.driver, parsed.dsn, list);
  if (names.some((name) => /maria|mysql/i.test(name))) return { rowsPerFetch: 1 };
  if (!names.some((name) => /psqlodbc|postgres/i.test(name))) return {};
  if (parsed.pairs.some((pair) => pair.key.toLowerCase() === 'usedeclarefetch')) return {};
  return {
    connectionString: `${connectionString.trimEnd().replace(/;?$/, ';')}UseDeclareFetch=1;Fetch=${DECLARE_FETCH_ROWS};`,
  };
}

/** DRIVER={…}, or a DSN's driver and library file, of a stored string; none for text that does not parse. */
export async function odbcDriverNames(
  connectionString: string,
  list: () => Promise<OdbcSources> = () => listOdbcSources(),
): Promise<string[]> {
  const parsed = parseConnectionString(connectionString);
  return parsed.ok ? driverNames(parsed.driver, parsed.dsn, list) : [];
}

/** The driver's name, or for a DSN its driver's name and library file, as unixODBC reads them. */
async function driverNames(
  driver: string | undefined,
  dsn: string | undefined,
  list: () => Promise<OdbcSources>,
): Promise<string[]> {
  if (driver !== undefined || dsn === undefined) return driver === undefined ? [] : [driver];
  const sources = await list();
  const dsnDriver = sources.dataSources.find((source) => source.name.toLowerCase() === dsn.toLowerCase())?.driver;
  const file = sources.drivers.find((entry) => entry.name.toLowerCase() === dsnDriver?.toLowerCase())?.file;
  return [dsnDriver, file].filter((name): name is string => name !== undefined);
}
