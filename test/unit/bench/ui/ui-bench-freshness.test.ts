import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isStale } from '../../../../scripts/bench/ui/freshness';

describe('ui bench build freshness', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

  function tree() {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-bench-fresh-'));
    folders.push(base);
    const source = path.join(base, 'src', 'deep', 'a.ts');
    const output = path.join(base, 'out', 'bundle.js');
    fs.mkdirSync(path.dirname(source), { recursive: true });
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(source, 'a');
    fs.writeFileSync(output, 'b');
    return { base, source, output };
  }
  const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

  it('needs a build when an output is missing', () => {
    const { base, output } = tree();
    expect(isStale([output, path.join(base, 'out', 'missing.js')], [])).toBe(true);
  });

  it('needs a build when a nested source is newer than the output, and not otherwise', () => {
    const { base, source, output } = tree();
    at(source, 1000);
    at(output, 2000);
    expect(isStale([output], [path.join(base, 'src')])).toBe(false);
    at(source, 3000);
    expect(isStale([output], [path.join(base, 'src')])).toBe(true);
  });

  it('ignores what it is told to ignore', () => {
    const { base, source, output } = tree();
    at(output, 2000);
    at(source, 3000);
    expect(isStale([output], [path.join(base, 'src')], (file) => file === path.join(base, 'src', 'deep'))).toBe(false);
  });
});
