import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether a build must run: an output is missing, or a source file (walked recursively) changed
 * after the oldest output was written.
 */
export function isStale(outputs: string[], inputs: string[], ignore: (file: string) => boolean = () => false): boolean {
  let oldestOutput = Infinity;
  for (const output of outputs) {
    if (!fs.existsSync(output)) return true;
    oldestOutput = Math.min(oldestOutput, fs.statSync(output).mtimeMs);
  }
  return inputs.some((input) => newestMtime(input, ignore) > oldestOutput);
}

function newestMtime(entry: string, ignore: (file: string) => boolean): number {
  if (ignore(entry) || !fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name), ignore));
  }
  return newest;
}
