import { runCli } from '../../src-main/cli/run-cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with its own environment (ACD_LINK_HOME and friends) and captures its output. */
export async function runCliCaptured(argv: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    env,
  });
  return { code, stdout, stderr };
}
