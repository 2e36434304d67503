import { createAppContext } from '../app-context';
import { resolveDataDir } from '../data-dir';
import { StoreError } from '../store/store-error';
import { type CliIo, type Command, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './cli-io';
import { EXPORT_USAGE, exportCommand } from './commands/export';
import { IMPORT_USAGE, importCommand } from './commands/import';
import { INTEGRATIONS_USAGE, integrationsCommand } from './commands/integrations';
import { ODBC_USAGE, odbcCommand } from './commands/odbc';
import { PARSE_CONNECTION_STRING_USAGE, parseConnectionStringCommand } from './commands/parse-connection-string';
import { previewCommand, QUERY_USAGE, validateCommand } from './commands/query';
import { SYSTEMS_USAGE, systemsCommand } from './commands/systems';
import { TEST_CONNECTION_USAGE, testConnectionCommand } from './commands/test-connection';

export const USAGE = `acd-link: the ACD Link Studio command line

${SYSTEMS_USAGE}

${INTEGRATIONS_USAGE}

${TEST_CONNECTION_USAGE}

${QUERY_USAGE}

${IMPORT_USAGE}

${EXPORT_USAGE}

${PARSE_CONNECTION_STRING_USAGE}

${ODBC_USAGE}

The workspace defaults to workspace.sqlite in the data directory (ACD_LINK_HOME, or the per-user
application folder); it is created with the embedded demo when missing.
Exit codes: 0 success, 1 a check or operation failed, 2 bad usage or input.`;

const COMMANDS: Record<string, Command> = {
  systems: systemsCommand,
  integrations: integrationsCommand,
  'test-connection': testConnectionCommand,
  preview: previewCommand,
  validate: validateCommand,
  'parse-connection-string': parseConnectionStringCommand,
  odbc: odbcCommand,
  import: importCommand,
  export: exportCommand,
};

/** Runs one command line and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(USAGE + '\n');
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE + '\n');
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`acd-link: unknown command "${name}". Run "acd-link --help" for the commands.\n`);
    return EXIT_USAGE;
  }
  try {
    return await command({
      io,
      args,
      openContext: (workspaceFile) => {
        const context = createAppContext({ dataDir: resolveDataDir(io.env), workspaceFile });
        // Every call the command makes stops with the CLI (Ctrl+C, SIGTERM), as a closed tab's do.
        return io.signal
          ? {
              ...context,
              dispatch: (method, input, call) => context.dispatch(method, input, { signal: io.signal, ...call }),
            }
          : context;
      },
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${usageText(name, error.message)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof StoreError) {
      io.err(`acd-link: ${error.message}\n`);
      return EXIT_CHECK_FAILED;
    }
    io.err(`acd-link: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CHECK_FAILED;
  }
}

/** Command-made messages start with the command's name; a service's message gets it put in front. */
function usageText(command: string, message: string): string {
  if (message.startsWith('Usage')) return message;
  return message.startsWith(command) ? `acd-link ${message}` : `acd-link ${command}: ${message}`;
}
