import { parseConnectionString } from '../../../src-shared/odbc/connection-string';
import { listOdbcSources, type OdbcSources } from '../../odbc/odbc-discovery';

/** Rows psqlODBC fetches from its server-side cursor at a time: few round trips, bounded memory. */
export const DECLARE_FETCH_ROWS = 10_000;

/**
 * For a full read through psqlODBC: the connection string with `UseDeclareFetch=1;Fetch=N`, or
 * undefined when the driver is not psqlODBC or the string already chooses. Without it psqlODBC
 * reads the whole result into its own memory before the first row is returned (about 450 MB per
 * million interval rows, outside the JavaScript heap limit). A DSN's driver is looked up in the
 * ini files unixODBC reads.
 */
export async function declareFetchString(
  connectionString: string,
  list: () => Promise<OdbcSources> = () => listOdbcSources(),
): Promise<string | undefined> {
  const parsed = parseConnectionString(connectionString);
  if (!parsed.ok) return undefined;
  if (parsed.pairs.some((pair) => pair.key.toLowerCase() === 'usedeclarefetch')) return undefined;
  let names = [parsed.driver];
  const dsn = parsed.dsn;
  if (parsed.driver === undefined && dsn !== undefined) {
    const sources = await list();
    const driver = sources.dataSources.find((source) => source.name.toLowerCase() === dsn.toLowerCase())?.driver;
    const file = sources.drivers.find((entry) => entry.name.toLowerCase() === driver?.toLowerCase())?.file;
    names = [driver, file];
  }
  if (!names.some((name) => name !== undefined && /psqlodbc|postgres/i.test(name))) return undefined;
  return `${connectionString.trimEnd().replace(/;?$/, ';')}UseDeclareFetch=1;Fetch=${DECLARE_FETCH_ROWS};`;
}
