import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';
import path from 'node:path';
import { afterEach } from 'vitest';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Spawns children that are SIGKILLed after each test if still running. */
export function useChildProcesses(): (
  command: string,
  args: string[],
  options?: SpawnOptionsWithoutStdio,
) => ChildProcessWithoutNullStreams {
  const children: ChildProcessWithoutNullStreams[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
  return (command, args, options) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, ...options });
    children.push(child);
    return child;
  };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Resolves when the child has exited and its output streams are drained. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Calls `onLine` for each complete stdout line as it arrives. */
export function onStdoutLine(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): void {
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let index = pending.indexOf('\n');
    while (index >= 0) {
      onLine(pending.slice(0, index));
      pending = pending.slice(index + 1);
      index = pending.indexOf('\n');
    }
  });
}
