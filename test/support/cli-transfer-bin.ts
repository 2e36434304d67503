import { execFile } from 'node:child_process';
import type { CliRun } from './cli';
import { CLI_BIN } from './node-build';

/** Runs bin/acd-link.cjs as a user would, with only the given environment plus PATH. */
export function runBuiltCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}
