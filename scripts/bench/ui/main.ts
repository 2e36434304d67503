import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { assertBuilt, buildPaths, ensureBuilt } from './build';
import { launchChromium, VIEWPORT } from './chromium';
import { measureGridFrames, type GridFrames } from './grid-frames';
import type { JsBytes } from './js-bytes';
import { recordJavaScript } from './network-recorder';
import { parseUiBenchArgs, UI_BENCH_USAGE, type UiBenchOptions } from './options';
import { serveFolder } from './static-server';
import { median, round1 } from './stats';
import { startWebMode } from './web-mode';
import { freshPage, loadUntilTreeInteractive, openFirstIntegrationEditor } from './workbench-page';

/** The targets; KB read as 1,000 bytes, the stricter reading. */
export const UI_TARGETS = { jsGzipBeforeEditorBytes: 500_000, gridP95Ms: 20 } as const;

export interface UiBenchReport {
  benchmark: 'ui';
  date: string;
  smoke: boolean;
  chromium: string;
  window: { width: number; height: number };
  runs: number;
  /** Median over `runs` fresh contexts: navigation start until a click on the first tree item selected it. */
  treeInteractiveMs: number;
  treeInteractiveRunsMs: number[];
  /** Median: navigation start until the tree showed its first item. */
  treeVisibleMs: number;
  jsBytesBeforeEditor: JsBytes;
  /** What opening an integration (the lazy Monaco editor chunk, its worker and the SQL language) adds. */
  jsBytesEditorAdds: JsBytes;
  gridFrames: GridFrames;
  targets: typeof UI_TARGETS;
  /** gridP95 judges the sweep over all rows (the harder case); gridWheelP95 the wheel scroll. */
  meetsTargets: { jsBeforeEditor: boolean; gridP95: boolean; gridWheelP95: boolean };
  /** Anything that makes a figure doubtful (a sweep that did not reach the end, blank frames). */
  warnings: string[];
}

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The CLI: returns the exit code. Progress goes to stderr, the report alone to stdout. */
export async function main(argv: string[]): Promise<number> {
  let options: UiBenchOptions;
  try {
    options = parseUiBenchArgs(argv);
  } catch (error) {
    log(`ui-bench: ${(error as Error).message}\n${UI_BENCH_USAGE}`);
    return 2;
  }
  try {
    const report = await runUiBench(options);
    const json = JSON.stringify(report, null, 2);
    if (options.out) writeAtomically(options.out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    return 0;
  } catch (error) {
    log(`ui-bench: ${(error as Error).message}`);
    return 1;
  }
}

export async function runUiBench(options: UiBenchOptions): Promise<UiBenchReport> {
  const paths = options.build ? ensureBuilt(ROOT, log) : buildPaths(ROOT);
  assertBuilt(paths);
  if (options.screenshots) fs.mkdirSync(options.screenshots, { recursive: true });
  const web = await startWebMode(paths.webBundle);
  const benchServer = await serveFolder(path.dirname(path.dirname(paths.benchPage)));
  const browser = await launchChromium();
  try {
    const tree = await measureTree(browser, web.url, options.runs);
    const js = await measureJavaScript(browser, web.url);
    log(`ui-bench: sweeping ${options.gridRows.toLocaleString('en')} grid rows`);
    const gridFrames = await measureGridFrames(browser, benchServer.origin, {
      rows: options.gridRows,
      sweepMs: options.scrollMs,
      runs: options.gridRuns,
      screenshots: options.screenshots,
    });
    return {
      benchmark: 'ui',
      date: new Date().toISOString(),
      smoke: options.smoke,
      chromium: browser.version(),
      window: { ...VIEWPORT },
      runs: options.runs,
      ...tree,
      jsBytesBeforeEditor: js.before,
      jsBytesEditorAdds: js.editor,
      gridFrames,
      targets: UI_TARGETS,
      meetsTargets: {
        jsBeforeEditor: js.before.decodedGzipEquivalent <= UI_TARGETS.jsGzipBeforeEditorBytes,
        gridP95: gridFrames.p95 <= UI_TARGETS.gridP95Ms,
        gridWheelP95: gridFrames.wheel.p95 <= UI_TARGETS.gridP95Ms,
      },
      warnings: sanityWarnings(gridFrames, js.editor),
    };
  } finally {
    await browser.close();
    await benchServer.close();
    await web.stop();
  }
}

async function measureTree(browser: Browser, url: string, runs: number) {
  const interactive: number[] = [];
  const visible: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const { page, close } = await freshPage(browser);
    try {
      const timing = await loadUntilTreeInteractive(page, url);
      interactive.push(round1(timing.interactiveMs));
      visible.push(round1(timing.treeVisibleMs));
      log(`ui-bench: tree run ${run}/${runs}: interactive at ${round1(timing.interactiveMs)} ms`);
    } finally {
      await close();
    }
  }
  return {
    treeInteractiveMs: round1(median(interactive)),
    treeInteractiveRunsMs: interactive,
    treeVisibleMs: round1(median(visible)),
  };
}

/** One fresh load: the JavaScript up to a usable tree, then what opening the editor adds. */
async function measureJavaScript(browser: Browser, url: string): Promise<{ before: JsBytes; editor: JsBytes }> {
  const { page, close } = await freshPage(browser);
  try {
    const recorder = recordJavaScript(page);
    await loadUntilTreeInteractive(page, url);
    await recorder.quiet();
    const before = await recorder.phase();
    await openFirstIntegrationEditor(page);
    await recorder.quiet();
    return { before, editor: await recorder.phase() };
  } finally {
    await close();
  }
}

function sanityWarnings(grid: GridFrames, editor: JsBytes): string[] {
  const warnings: string[] = [];
  if (!grid.lastRowReached) warnings.push('the grid sweep did not end on the last row');
  const perRun = grid.frames / grid.runs;
  if (perRun < grid.sweepMs / 100) warnings.push(`only ${Math.round(perRun)} frames per ${grid.sweepMs} ms sweep`);
  if (grid.blankFrames > 0) warnings.push(`${grid.blankFrames} grid frames showed no row at the top of the viewport`);
  if (editor.files.length === 0)
    warnings.push('opening an integration loaded no JavaScript: the editor chunk was not lazy');
  return warnings;
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}
