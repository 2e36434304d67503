import type { FullValidationFigure } from './full-validation';
import type { InProcessValidationFigure, PreviewFigure } from './in-process';
import type { FailedFigure, TargetCheck } from './results';
import type { UiOutcome } from './ui-bench-hook';

/** The targets, each with the value it was judged on. */
export const LIMITS = {
  ratio: 1.5,
  firstRowsMs: 50,
  driverMb: 250,
  stallMs: 50,
  jsGzipBytes: 500_000,
  gridP95Ms: 20,
} as const;

const worst = <T>(items: readonly T[], value: (item: T) => number): T | undefined =>
  items.reduce<T | undefined>((max, item) => (max === undefined || value(item) > value(max) ? item : max), undefined);

function check(target: string, limit: string, measured: string | null, met: boolean): TargetCheck {
  return measured === null ? { target, limit, measured: 'not measured', met: null } : { target, limit, measured, met };
}

export function evaluateTargets(input: {
  fullValidation: readonly FullValidationFigure[];
  previews: readonly PreviewFigure[];
  inProcessValidations: readonly InProcessValidationFigure[];
  memoryRun: InProcessValidationFigure | null;
  ui: UiOutcome;
  rows: number;
  failures: readonly FailedFigure[];
}): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const [label, ids] of [
    ['psql floor (PostgreSQL)', ['postgres']],
    ['mysql floor (MariaDB)', ['mariadb']],
    ['isql floor (ODBC path)', ['odbc-postgres', 'odbc-mariadb', 'odbc-sqlite']],
  ] as const) {
    const figures = input.fullValidation.filter((figure) => (ids as readonly string[]).includes(figure.target));
    const failed = input.failures.filter(
      (failure) => failure.kind === 'full-validation' && (ids as readonly string[]).includes(failure.target),
    );
    const max = worst(figures, (figure) => figure.ratio);
    const failedText = failed.map((failure) => `${failure.target} ${failure.importType} failed`).join('; ');
    const measured = [max ? `worst ${max.ratio}x (${max.targetLabel} ${max.importType})` : '', failedText]
      .filter((part) => part !== '')
      .join('; ');
    checks.push(
      check(
        `Full validation vs ${label}`,
        `<= ${LIMITS.ratio}x`,
        measured === '' ? null : measured,
        failed.length === 0 && max !== undefined && max.ratio <= LIMITS.ratio,
      ),
    );
  }
  const slowest = worst(input.previews, (figure) => figure.warmMs.median);
  checks.push(
    check(
      'First 200 validated rows (warm median)',
      `<= ${LIMITS.firstRowsMs} ms`,
      slowest ? `worst ${slowest.warmMs.median} ms (${slowest.targetLabel} ${slowest.importType})` : null,
      slowest !== undefined && slowest.warmMs.median <= LIMITS.firstRowsMs,
    ),
  );
  const heaviest = worst(input.inProcessValidations, (figure) => figure.driverPeakRssMb);
  checks.push(
    check(
      `Driver process at ${input.rows.toLocaleString('en')} rows`,
      `<= ${LIMITS.driverMb} MB`,
      heaviest ? `worst ${heaviest.driverPeakRssMb} MB (${heaviest.targetLabel} ${heaviest.importType})` : null,
      heaviest !== undefined && heaviest.driverPeakRssMb <= LIMITS.driverMb,
    ),
  );
  const memory = input.memoryRun;
  checks.push(
    check(
      memory ? `Driver process at ${memory.rows.toLocaleString('en')} rows` : 'Driver process at the large run',
      `<= ${LIMITS.driverMb} MB`,
      memory ? `${memory.driverPeakRssMb} MB (${memory.targetLabel} ${memory.importType})` : null,
      memory !== null && memory.driverPeakRssMb <= LIMITS.driverMb,
    ),
  );
  const stalls = [
    ...input.previews.map((figure) => ({
      what: `preview ${figure.targetLabel} ${figure.importType}`,
      ms: figure.loop.maxStallMs,
    })),
    ...[...input.inProcessValidations, ...(memory ? [memory] : [])].map((figure) => ({
      what: `full run ${figure.targetLabel} ${figure.importType}`,
      ms: figure.loop.maxStallMs,
    })),
  ];
  const longest = worst(stalls, (stall) => stall.ms);
  checks.push(
    check(
      'Main-process event-loop stall',
      `<= ${LIMITS.stallMs} ms`,
      longest ? `longest ${longest.ms} ms (${longest.what})` : null,
      longest !== undefined && longest.ms <= LIMITS.stallMs,
    ),
  );
  const ui = input.ui.status === 'measured' ? input.ui.figures : null;
  checks.push(
    check(
      'JavaScript before the editor (gzipped)',
      `<= ${LIMITS.jsGzipBytes / 1000} KB`,
      ui ? `${(ui.jsGzipBytesBeforeEditor / 1000).toFixed(1)} KB` : null,
      ui !== null && ui.jsGzipBytesBeforeEditor <= LIMITS.jsGzipBytes,
    ),
    check(
      'Grid frames at p95',
      `<= ${LIMITS.gridP95Ms} ms`,
      ui ? `${ui.gridFrameP95Ms} ms` : null,
      ui !== null && ui.gridFrameP95Ms <= LIMITS.gridP95Ms,
    ),
  );
  return checks;
}
