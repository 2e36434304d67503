import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { largeBundleText } from '../../scripts/bench/large-bundle';
import { cliHome } from '../support/cli-transfer-workspace';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs('acd-cli-import-progress-');

describe('acd-link import of a big bundle', () => {
  it('says on stderr how far it has come, and keeps stdout to the result', async () => {
    const home = await cliHome(tempDir(), { demo: false });
    const file = home.dir.join('big-bundle.json');
    fs.writeFileSync(file, largeBundleText({ systems: 1200 }));

    const run = await home.run(['import', '--from', file, '--no-check', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { systems: unknown[]; integrations: unknown[] };
    expect([result.systems.length, result.integrations.length]).toEqual([1200, 1200]);

    const lines = run.stderr.trim().split('\n');
    // A line per tenth of each step: reading the file (the plan), checking, then saving.
    expect(lines).toHaveLength(30);
    expect(lines[0]).toBe('import: reading the file, 120 of 1200 systems checked');
    expect(lines[9]).toBe('import: reading the file, 1200 of 1200 systems checked');
    expect(lines[19]).toBe('import: checking 1200 of 1200 systems');
    expect(lines.slice(20)).toEqual(
      Array.from({ length: 10 }, (_, index) => `import: saving ${(index + 1) * 120} of 1200 systems`),
    );
    expect((await home.tree()).length).toBe(1200);
  });
});
