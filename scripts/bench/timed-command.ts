import { spawn } from 'node:child_process';

export interface CommandSpec {
  /** The program and its arguments, exactly as run (no shell). */
  argv: string[];
  env?: NodeJS.ProcessEnv;
  /** Text written to standard input, then closed (isql reads its statement there). */
  stdin?: string;
  /**
   * 'discard': standard output goes to /dev/null, as in `> /dev/null` (the timed runs);
   * 'count': it is read and its lines counted (the warm-up, to prove the tool read every row);
   * 'capture': it is kept (small outputs such as the product's JSON summary).
   */
  stdout: 'discard' | 'count' | 'capture';
}

export interface CommandRun {
  seconds: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stdoutLines: number;
  /** The last few kilobytes, for error messages. */
  stderrTail: string;
}

/** Wall-clock time of one whole command, from spawn to exit with its streams closed. */
export function runTimed(spec: CommandSpec, timeoutMs: number): Promise<CommandRun> {
  const [program, ...args] = spec.argv;
  if (program === undefined) throw new Error('runTimed: empty argv');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(program, args, {
      env: spec.env ?? process.env,
      stdio: [spec.stdin === undefined ? 'ignore' : 'pipe', spec.stdout === 'discard' ? 'ignore' : 'pipe', 'pipe'],
    });
    let stdout = '';
    let stdoutLines = 0;
    let stderrTail = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      if (spec.stdout === 'capture') stdout += chunk.toString('utf8');
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) stdoutLines += 1;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${program} could not start: ${error.message}`));
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ seconds, exitCode, signal, stdout, stdoutLines, stderrTail });
    });
    if (spec.stdin !== undefined) child.stdin?.end(spec.stdin);
  });
}

/** A shell-ready rendering of a command, for the report's "commands to rerun". */
export function shellQuote(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/u.test(arg) ? arg : `'${arg.replace(/'/gu, `'\\''`)}'`)).join(' ');
}
