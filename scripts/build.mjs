// Builds everything the product runs: the renderer bundle (Vite) and the Node-side bundles
// (esbuild) for web mode, the CLI and the Electron main/preload. `--node-only` skips the renderer.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeOnly = process.argv.includes('--node-only');

const nodeEntries = [
  { entry: 'src-main/host/web-main.ts', out: 'out/node/web.cjs' },
  { entry: 'src-main/cli/main.ts', out: 'out/node/cli.cjs' },
  { entry: 'src-main/driver-process/driver-child.ts', out: 'out/node/driver-process.cjs' },
  // The worker thread that reads, checks and writes large imports (found beside web/cli bundles).
  { entry: 'src-main/transfer/import-worker/import-worker.ts', out: 'out/node/import-worker.cjs' },
  { entry: 'src-main/electron/main.ts', out: 'out/electron/main.cjs' },
  { entry: 'src-preload/preload.ts', out: 'out/electron/preload.cjs' },
];

const started = Date.now();
await Promise.all(
  nodeEntries
    .filter(({ entry }) => fs.existsSync(path.join(root, entry)))
    .map(({ entry, out }) =>
      esbuild({
        absWorkingDir: root,
        entryPoints: [entry],
        outfile: out,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: true,
        // Native and runtime-provided modules stay outside the bundle.
        // Database drivers stay in node_modules too: odbc is native, and loading them lazily keeps
        // a missing libodbc from breaking anything but ODBC.
        external: [
          'better-sqlite3',
          'electron',
          'bufferutil',
          'utf-8-validate',
          'pg',
          'pg-cursor',
          'pg-native',
          'mysql2',
          'tedious',
          'odbc',
        ],
        logLevel: 'warning',
      }),
    ),
);

if (!nodeOnly) {
  await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
}
process.stdout.write(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
