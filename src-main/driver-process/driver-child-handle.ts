import { fork } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * What the watchdog needs of a driver process, whatever started it: Node's `fork` here, in web
 * mode and in the CLI; Electron's `utilityProcess` on the desktop (src-main/electron).
 */
export interface DriverChild {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  onError(listener: (error: Error) => void): void;
  onStderr(listener: (text: string) => void): void;
  kill(signal?: NodeJS.Signals): void;
  readonly running: boolean;
  /**
   * Whether this child keeps the main process alive. A warm child waiting for work must not
   * (the app exits as if it were not there); once it runs an operation it does again. Where the
   * host's lifetime does not follow Node's event loop (Electron), these are absent.
   */
  unref?(): void;
  ref?(): void;
}

export interface SpawnOptions {
  execArgv: string[];
  env: NodeJS.ProcessEnv;
}

export type SpawnDriverChild = (script: string, options: SpawnOptions) => DriverChild;

export const forkDriverChild: SpawnDriverChild = (script, { execArgv, env }) => {
  const child = fork(script, [], {
    execArgv,
    // Electron's binary behaves as Node only with this, should it ever run this path; harmless in Node.
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  return {
    send: (message) => child.send(message as never),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    onError: (listener) => child.on('error', listener),
    onStderr: (listener) => child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString())),
    kill: (signal = 'SIGKILL') => child.kill(signal),
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    // The IPC channel and the stderr pipe hold the event loop as much as the process handle does.
    unref: () => {
      child.unref();
      child.channel?.unref();
      (child.stderr as Socket | null)?.unref();
    },
    ref: () => {
      child.ref();
      child.channel?.ref();
      (child.stderr as Socket | null)?.ref();
    },
  };
};
