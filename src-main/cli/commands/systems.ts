import { nameKey } from '../../../src-shared/contract/name-rules';
import type { ExternalSystem } from '../../../src-shared/contract/model';
import { type Command, EXIT_OK, UsageError } from '../cli-io';
import { callOrThrow } from '../call';
import { formatTable } from '../format-table';
import { parseIntegerOption, parseOptions } from '../parse-options';
import { describeConnection } from './describe-connection';
import { flagFor } from './flag-names';

export const SYSTEMS_USAGE = `Usage:
  acd-link systems list [--workspace FILE] [--json]
  acd-link systems add --name NAME --kind sqlite|postgres|mysql|mssql|odbc [connection flags]
                       [--vendor universal|avaya-cms|cisco-icm|other] [--time-zone ZONE]
                       [--workspace FILE] [--json]
      connection flags: --file PATH (sqlite) | --host H [--port N | --instance NAME] --database D --user U
                        (postgres, mysql, mssql) | --connection-string "DSN=...;" (odbc)
                        --password-env VAR reads the password from the environment variable VAR
  acd-link systems delete --name NAME [--workspace FILE] [--json]`;

const common = { workspace: { type: 'string' }, json: { type: 'boolean' } } as const;

export const systemsCommand: Command = async ({ io, args, openContext }) => {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'list': {
      const values = parseOptions('systems list', rest, common);
      const context = openContext(values.workspace);
      try {
        const tree = await callOrThrow(context, 'workspace.tree', {});
        if (values.json) io.out(JSON.stringify(tree, null, 2) + '\n');
        else if (tree.length === 0) io.out('No external systems. Add one with "acd-link systems add".\n');
        else
          io.out(
            formatTable(
              ['NAME', 'VENDOR', 'TIME ZONE', 'CONNECTION', 'INTEGRATIONS'],
              tree.map((system) => [
                system.name,
                system.vendor,
                system.timeZone,
                describeConnection(system.connection),
                String(system.integrations.length),
              ]),
            ),
          );
        return EXIT_OK;
      } finally {
        context.close();
      }
    }
    case 'add': {
      const values = parseOptions('systems add', rest, {
        ...common,
        name: { type: 'string' },
        kind: { type: 'string' },
        vendor: { type: 'string' },
        'time-zone': { type: 'string' },
        file: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        instance: { type: 'string' },
        database: { type: 'string' },
        user: { type: 'string' },
        'connection-string': { type: 'string' },
        'password-env': { type: 'string' },
      });
      if (values.name === undefined) throw new UsageError('systems add: --name is required');
      if (values.kind === undefined)
        throw new UsageError('systems add: --kind is required (sqlite, postgres, mysql, mssql or odbc)');
      let password: string | undefined;
      if (values['password-env'] !== undefined) {
        password = io.env[values['password-env']];
        if (password === undefined) {
          throw new UsageError(
            `systems add: the environment variable ${values['password-env']} (from --password-env) is not set`,
          );
        }
      }
      const connection = {
        kind: values.kind,
        file: values.file,
        host: values.host,
        port: parseIntegerOption('systems add', 'port', values.port),
        instance: values.instance,
        database: values.database,
        user: values.user,
        connectionString: values['connection-string'],
      };
      const context = openContext(values.workspace);
      try {
        const created = await callOrThrow(context, 'systems.create', {
          name: values.name,
          ...(values.vendor !== undefined ? { vendor: values.vendor } : {}),
          ...(values['time-zone'] !== undefined ? { timeZone: values['time-zone'] } : {}),
          connection: withoutUndefined(connection),
          ...(password !== undefined ? { password } : {}),
        } as never).catch(renameFlags);
        io.out(
          values.json
            ? JSON.stringify(created, null, 2) + '\n'
            : `Added external system "${created.name}" (id ${created.id}).\n`,
        );
        return EXIT_OK;
      } finally {
        context.close();
      }
    }
    case 'delete': {
      const values = parseOptions('systems delete', rest, { ...common, name: { type: 'string' } });
      if (values.name === undefined) throw new UsageError('systems delete: --name is required');
      const context = openContext(values.workspace);
      try {
        const system = findByName(await callOrThrow(context, 'workspace.tree', {}), values.name);
        const result = await callOrThrow(context, 'systems.delete', { id: system.id });
        io.out(
          values.json
            ? JSON.stringify({ deleted: system.name, ...result }) + '\n'
            : `Deleted external system "${system.name}" and its ${result.deletedIntegrations} integration(s).\n`,
        );
        return EXIT_OK;
      } finally {
        context.close();
      }
    }
    default:
      throw new UsageError(verb === undefined ? SYSTEMS_USAGE : `systems: unknown command "${verb}"\n${SYSTEMS_USAGE}`);
  }
};

export function findByName<T extends Pick<ExternalSystem, 'name'>>(systems: T[], name: string): T {
  const wanted = nameKey(name);
  const found = systems.find((system) => nameKey(system.name) === wanted);
  if (!found) throw new UsageError(`There is no external system named "${name}". "acd-link systems list" shows them.`);
  return found;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** Service messages name fields ("connection.host"); on the command line the user typed flags. */
function renameFlags(error: unknown): never {
  if (error instanceof UsageError) {
    throw new UsageError(
      `systems add: ${error.message.replace(/\b(connection\.)?[a-zA-Z]+(?=: )/g, (path) => flagFor(path))}`,
    );
  }
  throw error;
}
