import type { AppContext } from '../app-context';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Aborts on Ctrl+C or SIGTERM: running queries are cancelled on the server. */
  signal?: AbortSignal;
}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;

/** Bad usage or input: printed on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommandContext {
  io: CliIo;
  args: string[];
  /** Opens the workspace lazily, so `--help` works without one. */
  openContext(workspaceFile: string | undefined): AppContext;
}

export type Command = (context: CommandContext) => Promise<number>;
