import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportType } from '../../src-shared/contract/model';
import { REPO_ROOT, sqliteFileFor } from './bench-config';
import { importTypesFor } from './bench-matrix';
import { BENCH_USAGE, BenchUsageError, parseBenchOptions, type BenchOptions } from './bench-options';
import { benchTargets, type BenchTarget } from './bench-targets';
import { measureFullValidation, type FullValidationFigure } from './full-validation';
import { ensureMariadbTable, ensurePostgresTable, ensureSqliteTable, type GeneratedTable } from './generate-data';
import {
  measureInProcessValidation,
  measurePreview,
  openInProcessBench,
  type InProcessValidationFigure,
  type PreviewFigure,
} from './in-process';
import { machineInfo } from './machine-info';
import { walkZoneOffsets } from './zone-offset-walk';
import { odbcIniText, PSQLODBC_SETTINGS, writeOdbcIni } from './odbc-dsns';
import { renderMarkdown } from './render-markdown';
import type { BenchResults, FailedFigure } from './results';
import { round } from './stats';
import { evaluateTargets } from './target-checks';
import { runUiBench, type UiOutcome } from './ui-bench-hook';

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The exact command line that reproduces this run, for the report. */
export function rerunCommand(options: BenchOptions): string {
  const args = [`--rows ${options.rows}`, `--runs ${options.runs}`, `--preview-runs ${options.previewRuns}`];
  args.push(options.skip10m ? '--skip-10m' : `--memory-rows ${options.memoryRows}`);
  if (options.skipUi) args.push('--skip-ui');
  if (options.fullMatrix) args.push('--full-matrix');
  if (options.targets.length < 6) args.push(`--targets ${options.targets.join(',')}`);
  return `npx tsx scripts/bench/main.ts ${args.join(' ')}`;
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

async function ensureData(options: BenchOptions, targets: readonly BenchTarget[]): Promise<GeneratedTable[]> {
  const wanted = new Map<string, { database: BenchTarget['database']; importType: ImportType }>();
  for (const target of targets) {
    for (const importType of importTypesFor(target.id, options.fullMatrix))
      wanted.set(`${target.database}/${importType}`, { database: target.database, importType });
  }
  const tables: GeneratedTable[] = [];
  for (const { database, importType } of wanted.values()) {
    const table =
      database === 'postgres'
        ? await ensurePostgresTable(importType, options.rows)
        : database === 'mariadb'
          ? await ensureMariadbTable(importType, options.rows)
          : ensureSqliteTable(importType, options.rows);
    log(
      `data   ${database.padEnd(8)} ${table.table.padEnd(34)} ` +
        (table.generatedSeconds === null ? 'reused' : `generated in ${table.generatedSeconds} s`),
    );
    tables.push(table);
  }
  return tables;
}

function failureOf(
  kind: FailedFigure['kind'],
  target: BenchTarget,
  importType: ImportType,
  error: unknown,
): FailedFigure {
  const failure = { kind, target: target.id, importType, error: (error as Error).message };
  log(`FAILED ${kind} ${target.label} ${importType}: ${failure.error}`);
  return failure;
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const date = new Date().toISOString();
  if (!options.skipBuild) {
    log('build  node scripts/build.mjs --node-only');
    execFileSync(process.execPath, ['scripts/build.mjs', '--node-only'], { cwd: REPO_ROOT, stdio: 'pipe' });
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-link-bench-'));
  const sqliteFile = sqliteFileFor(options.rows);
  const odbcIni = writeOdbcIni(workDir, sqliteFile);
  // The driver processes of the in-process part inherit it, like the CLI runs get it.
  process.env.ODBCINI = odbcIni;
  const targets = benchTargets({ sqliteFile, odbcIni }).filter((target) => options.targets.includes(target.id));
  const failures: FailedFigure[] = [];
  try {
    const machine = await machineInfo();
    const data = await ensureData(options, targets);

    const fullValidation: FullValidationFigure[] = [];
    for (const target of targets) {
      for (const importType of importTypesFor(target.id, options.fullMatrix)) {
        try {
          const figure = await measureFullValidation(target, importType, options.rows, options.runs, workDir, odbcIni);
          fullValidation.push(figure);
          log(
            `full   ${target.label.padEnd(14)} ${importType.padEnd(12)} product ${figure.productSeconds.median.toFixed(2)} s  ` +
              `${figure.floorTool} ${figure.floorSeconds.median.toFixed(2)} s  ratio ${figure.ratio}x`,
          );
        } catch (error) {
          failures.push(failureOf('full-validation', target, importType, error));
        }
      }
    }

    const bench = await openInProcessBench(path.join(workDir, 'app-data'), targets);
    const previews: PreviewFigure[] = [];
    const inProcessValidations: InProcessValidationFigure[] = [];
    let memoryRun: InProcessValidationFigure | null = null;
    try {
      for (const target of targets) {
        for (const importType of importTypesFor(target.id, options.fullMatrix)) {
          try {
            const figure = await measurePreview(bench, target, importType, options.rows, options.previewRuns);
            previews.push(figure);
            log(
              `first  ${target.label.padEnd(14)} ${importType.padEnd(12)} cold ${figure.coldMs} ms  warm ${figure.warmMs.median} ms  ` +
                `stall ${figure.loop.maxStallMs} ms`,
            );
          } catch (error) {
            failures.push(failureOf('preview', target, importType, error));
          }
        }
      }
      let runNumber = 0;
      for (const target of targets) {
        for (const importType of importTypesFor(target.id, options.fullMatrix)) {
          try {
            runNumber += 1;
            const figure = await measureInProcessValidation(
              bench,
              target,
              importType,
              options.rows,
              `bench-${runNumber}`,
            );
            inProcessValidations.push(figure);
            log(
              `memory ${target.label.padEnd(14)} ${importType.padEnd(12)} driver ${figure.driverPeakRssMb} MB  ` +
                `main ${figure.mainPeakRssMb} MB  stall ${figure.loop.maxStallMs} ms  ${figure.seconds} s`,
            );
          } catch (error) {
            failures.push(failureOf('in-process-validation', target, importType, error));
          }
        }
      }
      const postgres = targets.find((target) => target.id === 'postgres');
      if (!options.skip10m && postgres) {
        try {
          const table = await ensurePostgresTable('interval', options.memoryRows);
          log(
            `data   postgres ${table.table} ${table.generatedSeconds === null ? 'reused' : `generated in ${table.generatedSeconds} s`}`,
          );
          data.push(table);
          memoryRun = await measureInProcessValidation(bench, postgres, 'interval', options.memoryRows, 'bench-memory');
          log(`memory ${postgres.label} interval ${options.memoryRows} rows: driver ${memoryRun.driverPeakRssMb} MB`);
        } catch (error) {
          failures.push(failureOf('memory-10m', postgres, 'interval', error));
        }
      }
    } finally {
      bench.context.close();
    }

    let ui: UiOutcome;
    if (options.skipUi) ui = { status: 'skipped', reason: 'the run was started with --skip-ui' };
    else {
      log('ui     scripts/bench/ui-bench');
      ui = await runUiBench(__dirname, ['--runs', String(options.runs)]);
      log(`ui     ${ui.status}${ui.status === 'failed' ? `: ${ui.error}` : ''}`);
    }

    const zoneOffsets = walkZoneOffsets();
    log(
      `zones  ${zoneOffsets.lookups} offsets, ${zoneOffsets.mismatches} mismatches; ` +
        `ZoneClock ${zoneOffsets.zoneClockNs} ns, luxon ${zoneOffsets.luxonNs} ns per offset`,
    );

    const relative = (text: string) =>
      text.split(workDir).join('$WORK').split(`${REPO_ROOT}/`).join('').split(process.execPath).join('node');
    for (const figure of fullValidation) {
      figure.commands = { product: relative(figure.commands.product), floor: relative(figure.commands.floor) };
    }
    return {
      format: 'acd-link-bench/1',
      date,
      durationSeconds: Math.round((performance.now() - started) / 1000),
      options: {
        rows: options.rows,
        runs: options.runs,
        previewRuns: options.previewRuns,
        memoryRows: options.skip10m ? null : options.memoryRows,
        targets: options.targets,
      },
      machine,
      odbc: { psqlodbc: { ...PSQLODBC_SETTINGS }, odbcIni: odbcIniText(sqliteFile) },
      connectionFiles: Object.fromEntries(
        targets.map((target) => [`${target.id}.connection.json`, relative(JSON.stringify(target.connection))]),
      ),
      loadAverage: { start: round(loadAtStart, 2), end: round(os.loadavg()[0] ?? 0, 2) },
      data,
      fullValidation,
      previews,
      inProcessValidations,
      memoryRun,
      ui,
      zoneOffsets,
      targets: evaluateTargets({
        fullValidation,
        previews,
        inProcessValidations,
        memoryRun,
        ui,
        rows: options.rows,
        failures,
      }),
      failures,
      commands: [
        'node scripts/build.mjs --node-only',
        rerunCommand(options),
        ...(ui.status === 'measured' || ui.status === 'failed' ? [ui.command] : []),
      ],
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  const results = await runBench(options);
  writeAtomically(options.results, `${JSON.stringify(results, null, 2)}\n`);
  writeAtomically(options.out, renderMarkdown(results));
  log(`wrote  ${path.relative(process.cwd(), options.out)} and ${path.relative(process.cwd(), options.results)}`);
  for (const check of results.targets)
    log(
      `target ${check.target}: ${check.measured} (${check.limit}) ${check.met === null ? 'not measured' : check.met ? 'met' : 'NOT MET'}`,
    );
  // Every figure must be there; a target not met is a result, not a failure of the harness. A wrong
  // time-zone offset is a wrong result, though.
  return results.failures.length === 0 && results.zoneOffsets.mismatches === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
