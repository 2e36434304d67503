import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UiBenchReport } from '../../scripts/bench/ui/main';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'bench', 'ui-bench.mjs');

function runBench(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
}

describe('the UI benchmark (node scripts/bench/ui-bench.mjs)', () => {
  it('measures the web-mode UI in --smoke mode and prints the same JSON it writes to --out', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-bench-e2e-'));
    const out = path.join(folder, 'nested', 'ui.json');
    try {
      const result = runBench(['--smoke', '--out', out, '--screenshots', folder]);
      expect(result.status, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as UiBenchReport;
      expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(report);

      expect(report.chromium).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(report.window).toEqual({ width: 1400, height: 900 });
      expect(report.treeInteractiveRunsMs).toHaveLength(1);
      expect(report.treeInteractiveMs).toBeGreaterThan(0);
      expect(report.treeInteractiveMs).toBeGreaterThanOrEqual(report.treeVisibleMs);

      // The editor is lazy: the workbench loads its entry chunk, Monaco arrives on opening an integration.
      const before = report.jsBytesBeforeEditor;
      expect(before.files.map((file) => file.file)).toContainEqual(expect.stringMatching(/^\/assets\/index-.*\.js$/));
      expect(before.files.some((file) => /Monaco/.test(file.file))).toBe(false);
      expect(before.decodedGzipEquivalent).toBeGreaterThan(0);
      expect(before.decodedGzipEquivalent).toBeLessThan(before.raw);
      expect(before.transferred).toBeGreaterThanOrEqual(before.raw);
      expect(report.jsBytesEditorAdds.files.map((file) => file.file)).toContainEqual(
        expect.stringMatching(/MonacoSqlEditor-.*\.js$/),
      );
      expect(JSON.stringify(report)).not.toMatch(/token=/);

      const grid = report.gridFrames;
      expect(grid.rows).toBe(10_000);
      expect(grid.lastRowReached).toBe(true);
      // How many frames there were, and whether some were blank, depends on the machine's speed:
      // those are figures for the benchmark report, not behaviour. About 3 s of frames at up to
      // 60 Hz, each at least one vsync long.
      expect(grid.blankFrames).toBeGreaterThanOrEqual(0);
      expect(grid.blankFrames).toBeLessThanOrEqual(grid.frames);
      expect(grid.frames).toBeGreaterThan(0);
      expect(grid.frames).toBeLessThan(200);
      expect(grid.p50).toBeGreaterThanOrEqual(8);
      expect(grid.p50).toBeLessThanOrEqual(grid.p95);
      expect(grid.p95).toBeLessThanOrEqual(grid.max);
      expect(grid.wheel.frames).toBeGreaterThan(0);
      expect(report.meetsTargets.gridP95).toBe(grid.p95 <= 20);
      expect(report.meetsTargets.jsBeforeEditor).toBe(before.decodedGzipEquivalent <= 500_000);
      for (const shot of ['grid-top.png', 'grid-bottom.png'])
        expect(fs.statSync(path.join(folder, shot)).size).toBeGreaterThan(10_000);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a bad option with a usage line on stderr and nothing on stdout', () => {
    const result = runBench(['--runs', 'many']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--runs "many" must be a whole number');
    expect(result.stderr).toContain('usage: node scripts/bench/ui-bench.mjs');
  });
});
