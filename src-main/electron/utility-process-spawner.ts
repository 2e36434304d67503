import type { UtilityProcess } from 'electron';
import type { SpawnDriverChild } from '../driver-process/driver-child-handle';

interface UtilityProcessModule {
  fork(
    modulePath: string,
    args: string[],
    options: { execArgv: string[]; env: NodeJS.ProcessEnv; stdio: 'pipe'; serviceName: string },
  ): UtilityProcess;
}

/**
 * Driver processes on the desktop: Electron's utilityProcess, which Chromium sandboxes and
 * accounts as a utility service, behind the same handle the watchdog uses for Node's fork.
 */
export function createUtilityProcessSpawner(utilityProcess: UtilityProcessModule): SpawnDriverChild {
  return (script, { execArgv, env }) => {
    const child = utilityProcess.fork(script, [], {
      execArgv,
      env,
      stdio: 'pipe',
      serviceName: 'ACD Link Studio database driver',
    });
    let running = true;
    child.on('exit', () => {
      running = false;
    });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      // A utility process reports only its exit code; a crash shows as a non-zero code.
      onExit: (listener) => child.on('exit', (code) => listener(code, null)),
      onError: (listener) =>
        child.on('error', (type: string, location: string) => listener(new Error(`${type} at ${location}`))),
      onStderr: (listener) => child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString())),
      kill: () => {
        child.kill();
      },
      get running() {
        return running;
      },
    };
  };
}
