import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listFilesRecursive } from './files';
import { REPO_ROOT } from './child-process';

export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'acd-link.cjs');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'out', 'node', 'cli.cjs');

function newestSourceMtime(): number {
  const sources = ['src-main', 'src-shared'].flatMap((dir) => listFilesRecursive(path.join(REPO_ROOT, dir)));
  sources.push(path.join(REPO_ROOT, 'package.json'));
  return Math.max(...sources.map((file) => fs.statSync(file).mtimeMs));
}

/** Builds the Node bundles (`node scripts/build.mjs --node-only`) when the CLI bundle is missing or older than its sources. */
export function ensureNodeBuild(): void {
  if (fs.existsSync(CLI_BUNDLE) && fs.statSync(CLI_BUNDLE).mtimeMs >= newestSourceMtime()) return;
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    timeout: 120_000,
  });
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`the build did not produce ${CLI_BUNDLE}`);
}
