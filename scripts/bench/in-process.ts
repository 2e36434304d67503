import { createAppContext, type AppContext } from '../../src-main/app-context';
import type { ImportType } from '../../src-shared/contract/model';
import type { BenchTarget } from './bench-targets';
import { benchQuery } from './import-types';
import { probeWhile, type ProbeReading } from './loop-and-memory-probe';
import { round, spread, type Spread } from './stats';

/** The services as the UI reaches them: one app context, one saved system per target. */
export interface InProcessBench {
  context: AppContext;
  systemIds: Map<BenchTarget['id'], number>;
}

const CONTRACT = { intervalMinutes: 15, ruleSet: 'wfm-2024-05' } as const;
/** The pause the live preview leaves after the last keystroke (IntegrationForm's debounce). */
export const LIVE_PREVIEW_PAUSE_MS = 700;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call<T>(context: AppContext, method: string, input: unknown): Promise<T> {
  const result = await context.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export async function openInProcessBench(dataDir: string, targets: readonly BenchTarget[]): Promise<InProcessBench> {
  // As web mode and the desktop run it: a driver process is started ahead while idle.
  const context = createAppContext({ dataDir, seedDemo: false, warmDriverProcess: true });
  const systemIds = new Map<BenchTarget['id'], number>();
  for (const target of targets) {
    const system = await call<{ id: number }>(context, 'systems.create', {
      name: `Bench ${target.label}`,
      connection: target.connection,
      timeZone: 'UTC',
    });
    systemIds.set(target.id, system.id);
  }
  return { context, systemIds };
}

export interface PreviewFigure {
  target: BenchTarget['id'];
  targetLabel: string;
  importType: ImportType;
  /** The first preview of this target and type in the process, in ms. */
  coldMs: number;
  /** Wall time of each warm 'query.preview' (200 rows, validated), in ms. */
  warmMs: Spread;
  rowsReturned: number;
  findings: number;
  loop: ProbeReading;
}

export async function measurePreview(
  bench: InProcessBench,
  target: BenchTarget,
  importType: ImportType,
  rows: number,
  warmCalls: number,
): Promise<PreviewFigure> {
  const input = {
    systemId: bench.systemIds.get(target.id),
    sql: benchQuery(importType, rows),
    limit: 200,
    validation: { importType, ...CONTRACT },
  };
  type Preview = { rows: unknown[]; validation?: { findings: unknown[] } };
  const timedCall = async () => {
    const started = performance.now();
    const value = await call<Preview>(bench.context, 'query.preview', input);
    return { ms: performance.now() - started, value };
  };
  const { value, reading } = await probeWhile(async () => {
    const cold = await timedCall();
    const warm: number[] = [];
    for (let index = 0; index < warmCalls; index += 1) {
      // A user types, stops, and the live preview runs: the time in between is the idle time
      // in which the next driver process gets ready.
      await pause(LIVE_PREVIEW_PAUSE_MS);
      warm.push((await timedCall()).ms);
    }
    return { cold, warm };
  });
  return {
    target: target.id,
    targetLabel: target.label,
    importType,
    coldMs: round(value.cold.ms, 1),
    warmMs: spread(value.warm.map((ms) => round(ms, 1))),
    rowsReturned: value.cold.value.rows.length,
    findings: value.cold.value.validation?.findings.length ?? -1,
    loop: reading,
  };
}

export interface InProcessValidationFigure {
  target: BenchTarget['id'];
  targetLabel: string;
  importType: ImportType;
  rows: number;
  rowsChecked: number;
  errors: number;
  seconds: number;
  /** The driver process's own peak, as it reported it. */
  driverPeakRssMb: number;
  mainPeakRssMb: number;
  loop: ProbeReading;
}

export async function measureInProcessValidation(
  bench: InProcessBench,
  target: BenchTarget,
  importType: ImportType,
  rows: number,
  runId: string,
): Promise<InProcessValidationFigure> {
  type Validation = { rowsChecked: number; peakRssMb: number; countsBySeverity: { error: number } };
  const started = performance.now();
  const { value, reading } = await probeWhile(() =>
    call<Validation>(bench.context, 'query.validate', {
      systemId: bench.systemIds.get(target.id),
      sql: benchQuery(importType, rows),
      runId,
      validation: { importType, ...CONTRACT },
      timeoutMs: 6 * 3600_000,
    }),
  );
  // A run that stopped early has no memory figure worth reporting: say what happened instead.
  if (value.rowsChecked !== rows)
    throw new Error(`${target.label} ${importType}: the product checked ${value.rowsChecked} rows, not ${rows}`);
  return {
    target: target.id,
    targetLabel: target.label,
    importType,
    rows,
    rowsChecked: value.rowsChecked,
    errors: value.countsBySeverity.error,
    seconds: round((performance.now() - started) / 1000),
    driverPeakRssMb: value.peakRssMb,
    mainPeakRssMb: reading.peakRssMb,
    loop: reading,
  };
}
