import type { ImportType } from '../../src-shared/contract/model';
import type { BenchTarget } from './bench-targets';
import { floorFailure, floorRowsSeen } from './floor-rows';
import { benchQuery } from './import-types';
import { productValidateCommand, readProductSummary, takeCliPeakRssMb, type ProductSummary } from './product-cli';
import { round, spread, type Spread } from './stats';
import { runTimed, shellQuote, type CommandSpec } from './timed-command';

export interface FullValidationFigure {
  target: BenchTarget['id'];
  targetLabel: string;
  importType: ImportType;
  rows: number;
  productSeconds: Spread;
  floorTool: string;
  floorSeconds: Spread;
  /** Median product / median floor. */
  ratio: number;
  maxRatio: number | null;
  /** Rows the floor tool's warm-up printed or counted: proof it read them all. */
  floorRowsSeen: number;
  product: ProductSummary;
  cliPeakRssMb: number | null;
  commands: { product: string; floor: string };
}

const TIMEOUT_MS = 30 * 60_000;

function describe(spec: CommandSpec): string {
  const odbc = spec.env?.ODBCINI ? `ODBCINI=${spec.env.ODBCINI} ` : '';
  const input = spec.stdin === undefined ? '' : `echo ${shellQuote([spec.stdin.trim()])} | `;
  return `${input}${odbc}${shellQuote(spec.argv)}${spec.stdout === 'discard' ? ' > /dev/null' : ''}`;
}

/**
 * One warm-up of each, then `runs` timed runs, product and floor alternating so both see the
 * same cache and load conditions.
 */
export async function measureFullValidation(
  target: BenchTarget,
  importType: ImportType,
  rows: number,
  runs: number,
  workDir: string,
  odbcIni: string,
): Promise<FullValidationFigure> {
  const what = `${target.label} ${importType}`;
  const query = benchQuery(importType, rows);
  const product = productValidateCommand(target, importType, query, workDir, odbcIni);
  const floor = target.floor(query);

  const warmProduct = await runTimed(product.spec, TIMEOUT_MS);
  const summary = readProductSummary(warmProduct, what);
  if (summary.rowsChecked !== rows)
    throw new Error(`${what}: the product checked ${summary.rowsChecked} rows, not ${rows}`);
  takeCliPeakRssMb(product.rssFile);
  const warmFloor = await runTimed({ ...floor, stdout: floor.argv[0] === 'psql' ? 'capture' : 'count' }, TIMEOUT_MS);
  const warmFailure = floorFailure(warmFloor);
  if (warmFailure) throw new Error(`${what}: ${target.floorTool} failed: ${warmFailure}`);
  const seen = floorRowsSeen(target.floorTool, warmFloor);
  if (seen !== rows) throw new Error(`${what}: ${target.floorTool} read ${seen} rows, not ${rows}`);

  const productSeconds: number[] = [];
  const floorSeconds: number[] = [];
  const cliRss: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const timedProduct = await runTimed(product.spec, TIMEOUT_MS);
    const checked = readProductSummary(timedProduct, what);
    if (checked.rowsChecked !== rows) throw new Error(`${what}: a timed run checked ${checked.rowsChecked} rows`);
    productSeconds.push(timedProduct.seconds);
    const rss = takeCliPeakRssMb(product.rssFile);
    if (rss !== null) cliRss.push(rss);
    const timedFloor = await runTimed(floor, TIMEOUT_MS);
    const failure = floorFailure(timedFloor);
    if (failure) throw new Error(`${what}: ${target.floorTool} failed in a timed run: ${failure}`);
    floorSeconds.push(timedFloor.seconds);
  }
  const productSpread = spread(productSeconds.map((s) => round(s)));
  const floorSpread = spread(floorSeconds.map((s) => round(s)));
  return {
    target: target.id,
    targetLabel: target.label,
    importType,
    rows,
    productSeconds: productSpread,
    floorTool: target.floorTool,
    floorSeconds: floorSpread,
    ratio: round(productSpread.median / floorSpread.median, 2),
    maxRatio: target.maxRatio,
    floorRowsSeen: seen,
    product: summary,
    cliPeakRssMb: cliRss.length > 0 ? round(Math.max(...cliRss), 1) : null,
    commands: { product: describe(product.spec), floor: describe(floor) },
  };
}
