// `npm start`: build, then run the desktop app, or explain in one line why it cannot run here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UNAVAILABLE =
  'The Electron binary is not available on this machine; run "npm run web" to use ACD Link Studio in your browser.';

/**
 * Mirrors what node_modules/electron/index.js computes, without requiring it: with the binary
 * missing, requiring 'electron' runs its installer, which tries to download (and fails noisily).
 */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!executable && !override) return undefined;
  const binary = override
    ? path.join(override, executable || 'electron')
    : path.join(packageDir, 'dist', executable ?? '');
  return fs.existsSync(binary) && fs.statSync(binary).isFile() ? binary : undefined;
}

function main() {
  const binary = findElectronBinary();
  if (!binary) {
    console.log(UNAVAILABLE);
    return 0;
  }
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;

  // Set in some shells and CI images; it would make the binary behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // '.' rather than the script path, so Electron reads package.json: product name, version, and
  // `main` (out/electron/main.cjs).
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exitCode = 1;
  });
  return undefined;
}

const code = main();
if (code !== undefined) process.exitCode = code;
