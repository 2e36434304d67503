import fs from 'node:fs';
import path from 'node:path';
import { runTimed } from './timed-command';

/** The web-mode UI figures come from another script; these are the fields the report reads from it. */
export interface UiFigures {
  jsGzipBytesBeforeEditor: number;
  gridFrameP95Ms: number;
  treeInteractiveMs: number | null;
  raw: Record<string, unknown>;
}

export type UiOutcome =
  | { status: 'measured'; script: string; command: string; figures: UiFigures }
  | { status: 'skipped'; reason: string }
  | { status: 'missing'; reason: string }
  | { status: 'failed'; script: string; command: string; error: string };

const CANDIDATES = ['ui-bench.mjs', 'ui-bench.ts'];

/** HOOK: scripts/bench/ui-bench.(mjs|ts) prints one JSON object on stdout; absent, the report says so. */
export function findUiBenchScript(dir: string): string | null {
  for (const name of CANDIDATES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

function numberAt(report: Record<string, unknown>, ...keys: string[]): number | null {
  let value: unknown = report;
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function readUiFigures(report: Record<string, unknown>): UiFigures {
  const js = numberAt(report, 'jsBytesBeforeEditor', 'decodedGzipEquivalent');
  const p95 = numberAt(report, 'gridFrames', 'p95');
  if (js === null || p95 === null)
    throw new Error('the UI bench JSON lacks jsBytesBeforeEditor.decodedGzipEquivalent or gridFrames.p95');
  return {
    jsGzipBytesBeforeEditor: js,
    gridFrameP95Ms: p95,
    treeInteractiveMs: numberAt(report, 'treeInteractiveMs'),
    raw: report,
  };
}

export async function runUiBench(dir: string, extraArgs: string[]): Promise<UiOutcome> {
  const script = findUiBenchScript(dir);
  if (script === null)
    return {
      status: 'missing',
      reason: `no ${CANDIDATES.join(' or ')} in ${dir} yet: the UI figures are not measured`,
    };
  const argv = script.endsWith('.ts')
    ? [process.execPath, '--import', 'tsx', script, ...extraArgs]
    : [process.execPath, script, ...extraArgs];
  const command = ['node', ...argv.slice(1).map((arg) => path.relative(process.cwd(), arg) || arg)].join(' ');
  const env = { ...process.env };
  delete env.VITEST;
  const run = await runTimed({ argv, env, stdout: 'capture' }, 20 * 60_000);
  if (run.exitCode !== 0)
    return {
      status: 'failed',
      script,
      command,
      error: `exit ${run.exitCode ?? run.signal}: ${run.stderrTail.slice(-800)}`,
    };
  try {
    // The script prints one JSON object; anything before its opening brace is not ours to parse.
    const start = run.stdout.indexOf('{');
    return { status: 'measured', script, command, figures: readUiFigures(JSON.parse(run.stdout.slice(start))) };
  } catch (error) {
    return { status: 'failed', script, command, error: (error as Error).message };
  }
}
