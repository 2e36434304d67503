import { listOdbcSources, type OdbcSources } from '../../odbc/odbc-discovery';
import { type Command, EXIT_CHECK_FAILED, EXIT_OK, UsageError } from '../cli-io';
import { formatTable } from '../format-table';
import { parseOptions } from '../parse-options';

export const ODBC_USAGE = `Usage:
  acd-link odbc sources [--json]
      lists the ODBC data sources (DSNs) and drivers unixODBC knows; exit 1 when unixODBC is missing`;

export const odbcCommand: Command = async ({ io, args }) => {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'sources': {
      const values = parseOptions('odbc sources', rest, { json: { type: 'boolean' } });
      // io.env, not process.env: ODBCSYSINI, ODBCINI and PATH decide what unixODBC reads.
      const sources = await listOdbcSources({ env: io.env });
      if (values.json) io.out(JSON.stringify(sources, null, 2) + '\n');
      else {
        io.out(describeSources(sources));
        for (const warning of sources.warnings) io.err(`acd-link odbc sources: ${warning}\n`);
      }
      return sources.odbcinstFound ? EXIT_OK : EXIT_CHECK_FAILED;
    }
    default:
      throw new UsageError(verb === undefined ? ODBC_USAGE : `odbc: unknown command "${verb}"\n${ODBC_USAGE}`);
  }
};

function describeSources(sources: OdbcSources): string {
  if (!sources.odbcinstFound) return '';
  const { system, user, drivers } = sources.iniFiles;
  const parts: string[] = [];
  parts.push(
    sources.dataSources.length === 0
      ? `No data sources (DSNs) are defined. Define one in ${system ?? 'odbc.ini'} (system) or ${user ?? '~/.odbc.ini'} ` +
          '(user), or name a driver in the connection string: DRIVER={name};\n'
      : 'Data sources (DSNs):\n' +
          formatTable(
            ['NAME', 'DRIVER', 'SCOPE', 'DESCRIPTION'],
            sources.dataSources.map((source) => [
              source.name,
              source.driver ?? '',
              source.scope,
              source.description ?? '',
            ]),
          ),
  );
  parts.push(
    sources.drivers.length === 0
      ? `\nNo ODBC drivers are registered${drivers ? ` in ${drivers}` : ''}. Install the database's ODBC driver package.\n`
      : '\nDrivers:\n' +
          formatTable(
            ['NAME', 'FILE'],
            sources.drivers.map((driver) => [driver.name, driver.file ?? '']),
          ),
  );
  const files = [
    system && `system DSNs ${system}`,
    user && `user DSNs ${user}`,
    drivers && `drivers ${drivers}`,
  ].filter(Boolean);
  if (files.length > 0) parts.push(`\nFiles: ${files.join(', ')}\n`);
  return parts.join('');
}
