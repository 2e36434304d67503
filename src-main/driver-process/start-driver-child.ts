import fs from 'node:fs';
import path from 'node:path';
import { forkDriverChild, type DriverChild, type SpawnDriverChild } from './driver-child-handle';
import { FAULTS_ENV } from './protocol';

export const DEFAULT_DRIVER_MEMORY_MB = 512;

export interface StartOptions {
  spawn?: SpawnDriverChild;
  /** Heap limit of the driver process; a flood beyond it ends that process only. */
  maxMemoryMb: number;
  /** Lets the child honour injected faults (watchdog tests only). */
  faults?: boolean;
}

/** Starts one driver process: the bundled child (or its source under Vitest) with its heap limit. */
export function startDriverChild({ spawn = forkDriverChild, maxMemoryMb, faults }: StartOptions): DriverChild {
  const { script, execArgv } = locateChildScript();
  return spawn(script, {
    execArgv: [...execArgv, `--max-old-space-size=${maxMemoryMb}`],
    env: { ...process.env, ...(faults ? { [FAULTS_ENV]: '1' } : {}) },
  });
}

/**
 * The bundled child (out/node/driver-process.cjs) beside the web/CLI bundles or one folder over
 * from the Electron bundle. From the sources (Vitest, scripts run with tsx) the build beside them
 * when there is one: a child compiled by tsx at every start costs 2–3 s of CPU instead of 0.2 s,
 * which across the test suite is minutes. The test suite's global setup rebuilds the bundles
 * when the sources are newer, so tests still run the code as it stands.
 */
function locateChildScript(): { script: string; execArgv: string[] } {
  const source = path.join(__dirname, 'driver-child.ts');
  for (const candidate of [
    path.join(__dirname, 'driver-process.cjs'),
    path.join(__dirname, '..', 'node', 'driver-process.cjs'),
    path.join(__dirname, '..', '..', 'out', 'node', 'driver-process.cjs'),
  ]) {
    if (fs.existsSync(candidate)) return { script: candidate, execArgv: [] };
  }
  if (fs.existsSync(source)) return { script: source, execArgv: ['--import', 'tsx'] };
  throw new Error('The driver process bundle is missing: run "npm run build".');
}
