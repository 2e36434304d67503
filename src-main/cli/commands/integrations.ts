import fs from 'node:fs';
import { type Command, EXIT_OK, UsageError } from '../cli-io';
import { callOrThrow } from '../call';
import { formatTable } from '../format-table';
import { parseIntegerOption, parseOptions } from '../parse-options';
import { flagFor } from './flag-names';
import { findByName } from './systems';

export const INTEGRATIONS_USAGE = `Usage:
  acd-link integrations list [--system NAME] [--workspace FILE] [--json]
  acd-link integrations add --system NAME --name NAME --import-type interval|contact|agent-states
                            [--interval 15|30] [--rules wfm-2024-05|wfm-2023-12] [--sql FILE|-]
                            [--real-time] [--no-reconciliation] [--paused] [--workspace FILE] [--json]`;

const common = { workspace: { type: 'string' }, json: { type: 'boolean' }, system: { type: 'string' } } as const;

export const integrationsCommand: Command = async ({ io, args, openContext }) => {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'list': {
      const values = parseOptions('integrations list', rest, common);
      const context = openContext(values.workspace);
      try {
        const tree = await callOrThrow(context, 'workspace.tree', {});
        const systems = values.system === undefined ? tree : [findByName(tree, values.system)];
        const rows = systems.flatMap((system) =>
          system.integrations.map((integration) => ({ system: system.name, ...integration })),
        );
        if (values.json) io.out(JSON.stringify(rows, null, 2) + '\n');
        else
          io.out(
            formatTable(
              ['SYSTEM', 'NAME', 'IMPORT TYPE', 'INTERVAL', 'RULES', 'STATE'],
              rows.map((row) => [
                row.system,
                row.name,
                row.importType,
                `${row.intervalMinutes} min`,
                row.ruleSet,
                row.paused ? 'paused' : 'active',
              ]),
            ),
          );
        return EXIT_OK;
      } finally {
        context.close();
      }
    }
    case 'add': {
      const values = parseOptions('integrations add', rest, {
        ...common,
        name: { type: 'string' },
        'import-type': { type: 'string' },
        interval: { type: 'string' },
        rules: { type: 'string' },
        sql: { type: 'string' },
        'real-time': { type: 'boolean' },
        'no-reconciliation': { type: 'boolean' },
        paused: { type: 'boolean' },
      });
      for (const required of ['system', 'name', 'import-type'] as const) {
        if (values[required] === undefined) throw new UsageError(`integrations add: --${required} is required`);
      }
      const sql = values.sql === undefined ? '' : readSql(values.sql);
      const context = openContext(values.workspace);
      try {
        const system = findByName(await callOrThrow(context, 'workspace.tree', {}), values.system ?? '');
        const created = await callOrThrow(context, 'integrations.create', {
          systemId: system.id,
          name: values.name ?? '',
          importType: values['import-type'],
          ...(values.interval !== undefined
            ? { intervalMinutes: parseIntegerOption('integrations add', 'interval', values.interval) }
            : {}),
          ...(values.rules !== undefined ? { ruleSet: values.rules } : {}),
          sql,
          realTime: values['real-time'] ?? false,
          reconciliation: !(values['no-reconciliation'] ?? false),
          paused: values.paused ?? false,
        } as never).catch((error: unknown) => {
          if (error instanceof UsageError) {
            throw new UsageError(
              `integrations add: ${error.message.replace(/\b[a-zA-Z]+(?=: )/g, (path) => flagFor(path))}`,
            );
          }
          throw error;
        });
        io.out(
          values.json
            ? JSON.stringify(created, null, 2) + '\n'
            : `Added integration "${created.name}" to "${system.name}" (id ${created.id}).\n`,
        );
        return EXIT_OK;
      } finally {
        context.close();
      }
    }
    default:
      throw new UsageError(
        verb === undefined ? INTEGRATIONS_USAGE : `integrations: unknown command "${verb}"\n${INTEGRATIONS_USAGE}`,
      );
  }
};

function readSql(source: string): string {
  try {
    return fs.readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    throw new UsageError(
      `integrations add: cannot read --sql ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
