import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ImportWorkerScript {
  script: string;
  execArgv: string[];
}

/**
 * The bundled worker (out/node/import-worker.cjs) beside the web/CLI bundles, one folder over
 * from the Electron bundle, or in the build beside the sources (Vitest, scripts run with tsx;
 * the test suite's global setup rebuilds it when the sources are newer). Without a build, the
 * TypeScript file, compiled on load by tsx's require hook.
 */
export function locateImportWorker(): ImportWorkerScript {
  for (const candidate of [
    path.join(__dirname, 'import-worker.cjs'),
    path.join(__dirname, '..', 'node', 'import-worker.cjs'),
    path.join(__dirname, '..', '..', '..', 'out', 'node', 'import-worker.cjs'),
  ]) {
    if (fs.existsSync(candidate)) return { script: candidate, execArgv: [] };
  }
  const source = path.join(__dirname, 'import-worker.ts');
  if (fs.existsSync(source)) {
    return { script: source, execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] };
  }
  throw new Error('The import worker bundle is missing: run "npm run build".');
}
