import fs from 'node:fs';
import path from 'node:path';
import type { ImportType } from '../../src-shared/contract/model';
import { CLI_BIN, CLI_RSS_PROBE } from './bench-config';
import type { BenchTarget } from './bench-targets';
import type { CommandSpec, CommandRun } from './timed-command';

/** `acd-link validate … --json` for one target and import type, with its input files in workDir. */
export function productValidateCommand(
  target: BenchTarget,
  importType: ImportType,
  query: string,
  workDir: string,
  odbcIni: string,
): { spec: CommandSpec; rssFile: string; files: { connection: string; sql: string } } {
  const connection = path.join(workDir, `${target.id}.connection.json`);
  fs.writeFileSync(connection, JSON.stringify(target.connection));
  const sql = path.join(workDir, `${importType}.sql`);
  fs.writeFileSync(sql, `${query}\n`);
  const rssFile = path.join(workDir, `${target.id}-${importType}.rss.jsonl`);
  return {
    rssFile,
    files: { connection, sql },
    spec: {
      argv: [
        process.execPath,
        '--require',
        CLI_RSS_PROBE,
        CLI_BIN,
        'validate',
        '--connection',
        connection,
        '--import-type',
        importType,
        '--sql',
        sql,
        '--json',
      ],
      env: cliEnvironment(workDir, odbcIni, rssFile),
      stdout: 'capture',
    },
  };
}

/** The product's own data folder stays in the work dir; the Vitest marker would switch it to TypeScript sources. */
function cliEnvironment(workDir: string, odbcIni: string, rssFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ACD_LINK_HOME: path.join(workDir, 'cli-home'),
    ODBCINI: odbcIni,
    ACD_BENCH_RSS_FILE: rssFile,
  };
  delete env.VITEST;
  return env;
}

export interface ProductSummary {
  rowsChecked: number;
  errors: number;
  warnings: number;
  notes: number;
  findingCounts: Record<string, number>;
}

/** The summary the CLI printed, or an error that says what the CLI said instead. */
export function readProductSummary(run: CommandRun, what: string): ProductSummary {
  let json: {
    rowsChecked?: unknown;
    findingCounts?: Record<string, number>;
    summary?: { countsBySeverity?: { error: number; warning: number; info: number } };
  };
  try {
    json = JSON.parse(run.stdout);
  } catch {
    throw new Error(
      `${what}: the product printed no JSON summary (exit ${run.exitCode ?? run.signal}): ${run.stderrTail.slice(-600)}`,
    );
  }
  const counts = json.summary?.countsBySeverity;
  if (typeof json.rowsChecked !== 'number' || counts === undefined)
    throw new Error(`${what}: the product's JSON has no rowsChecked or countsBySeverity`);
  return {
    rowsChecked: json.rowsChecked,
    errors: counts.error,
    warnings: counts.warning,
    notes: counts.info,
    findingCounts: json.findingCounts ?? {},
  };
}

/** The peak RSS the probe recorded for the CLI process of the latest run. */
export function takeCliPeakRssMb(rssFile: string): number | null {
  if (!fs.existsSync(rssFile)) return null;
  const lines = fs.readFileSync(rssFile, 'utf8').trim().split('\n');
  fs.rmSync(rssFile);
  const last = lines.at(-1);
  return last ? (JSON.parse(last) as { maxRssMb: number }).maxRssMb : null;
}
