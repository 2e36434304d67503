import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { isStale } from './freshness';

export interface BuildPaths {
  webBundle: string;
  benchPage: string;
}

export function buildPaths(root: string): BuildPaths {
  return {
    webBundle: path.join(root, 'out', 'node', 'web.cjs'),
    benchPage: path.join(root, 'out', 'bench-ui', 'bench', 'grid-bench.html'),
  };
}

/**
 * Builds the product (scripts/build.mjs) and the bench grid page (vite.bench.config.mts) when
 * their outputs are missing or older than their sources. Build output goes to stderr: stdout
 * carries only the JSON report.
 */
export function ensureBuilt(root: string, log: (line: string) => void): BuildPaths {
  const paths = buildPaths(root);
  const at = (...parts: string[]) => path.join(root, ...parts);
  const benchSources = at('src-renderer', 'bench');
  const product = {
    outputs: [paths.webBundle, at('out', 'node', 'driver-process.cjs'), at('out', 'renderer', 'index.html')],
    inputs: [
      at('src-main'),
      at('src-shared'),
      at('src-preload'),
      at('src-renderer'),
      at('vite.config.mts'),
      at('scripts', 'build.mjs'),
    ],
  };
  if (isStale(product.outputs, product.inputs, (file) => file === benchSources)) {
    log('ui-bench: building the product (node scripts/build.mjs)');
    run(root, [at('scripts', 'build.mjs')]);
  }
  const bench = {
    outputs: [paths.benchPage],
    inputs: [at('src-renderer'), at('src-shared'), at('vite.bench.config.mts')],
  };
  if (isStale(bench.outputs, bench.inputs)) {
    log('ui-bench: building the bench grid page (vite.bench.config.mts)');
    run(root, [at('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', at('vite.bench.config.mts')]);
  }
  return paths;
}

export function assertBuilt(paths: BuildPaths): void {
  for (const file of Object.values(paths)) {
    if (!isStale([file], [])) continue;
    throw new Error(`${file} is missing: run without --no-build, or "npm run build" first`);
  }
}

function run(root: string, args: string[]): void {
  // stdout of the build joins our stderr, so the JSON on stdout stays clean.
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    throw new Error(
      `"node ${args.map((arg) => path.relative(root, arg) || arg).join(' ')}" failed (exit ${result.status ?? result.signal})`,
    );
  }
}
