import { DEFAULT_TEST_TIMEOUT_MS, testTimeoutSchema } from '../../../src-shared/contract/connection-test';
import { runInDriverProcess } from '../../driver-process/driver-runner';
import { testConnection } from '../../services/test-connection';
import { type Command, EXIT_CHECK_FAILED, EXIT_OK, UsageError } from '../cli-io';
import { readConnectionFile } from '../connection-file';
import { parseIntegerOption, parseOptions } from '../parse-options';

export const TEST_CONNECTION_USAGE = `Usage:
  acd-link test-connection --connection FILE.json [--timeout-ms N] [--json]
      FILE.json: {"kind":"postgres","host":"127.0.0.1","port":5432,"database":"acd","user":"reader","passwordEnv":"ACD_PW"}
      kinds: postgres, mysql, mssql (host + port or "instance"), odbc ("connectionString"), sqlite ("file")`;

/** Exit 0 when the connection works, 1 when it does not (the category says why), 2 for bad input. */
export const testConnectionCommand: Command = async ({ io, args }) => {
  const values = parseOptions('test-connection', args, {
    connection: { type: 'string' },
    'timeout-ms': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.connection === undefined)
    throw new UsageError(`test-connection: --connection is required\n${TEST_CONNECTION_USAGE}`);
  const timeout = parseIntegerOption('test-connection', 'timeout-ms', values['timeout-ms']) ?? DEFAULT_TEST_TIMEOUT_MS;
  const checked = testTimeoutSchema.safeParse(timeout);
  if (!checked.success)
    throw new UsageError(`test-connection: --timeout-ms ${checked.error.issues[0]?.message ?? 'is invalid'}`);
  const { connection, password } = readConnectionFile(values.connection, io.env);
  const result = await testConnection(runInDriverProcess, connection, password, checked.data);
  if (values.json) {
    io.out(JSON.stringify(result, null, 2) + '\n');
  } else {
    io.out(`${result.ok ? 'OK' : result.category}: ${result.message} (${result.elapsedMs} ms)\n`);
    for (const warning of result.warnings) io.out(`warning: ${warning}\n`);
  }
  return result.ok ? EXIT_OK : EXIT_CHECK_FAILED;
};
