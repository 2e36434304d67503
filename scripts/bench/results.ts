import type { ImportType } from '../../src-shared/contract/model';
import type { TargetId } from './bench-targets';
import type { FullValidationFigure } from './full-validation';
import type { GeneratedTable } from './generate-data';
import type { InProcessValidationFigure, PreviewFigure } from './in-process';
import type { MachineInfo } from './machine-info';
import type { UiOutcome } from './ui-bench-hook';
import type { ZoneOffsetWalk } from './zone-offset-walk';

/** A figure the harness could not measure, with the reason (kept in the report, never dropped). */
export interface FailedFigure {
  kind: 'full-validation' | 'preview' | 'in-process-validation' | 'memory-10m';
  target: TargetId;
  importType: ImportType;
  error: string;
}

export interface TargetCheck {
  target: string;
  limit: string;
  measured: string;
  /** null when nothing was measured for it (skipped or failed). */
  met: boolean | null;
}

export interface BenchResults {
  format: 'acd-link-bench/1';
  date: string;
  durationSeconds: number;
  options: { rows: number; runs: number; previewRuns: number; memoryRows: number | null; targets: TargetId[] };
  machine: MachineInfo;
  odbc: { psqlodbc: Record<string, string>; odbcIni: string };
  /** What $WORK/<target>.connection.json held (no passwords: every bench login is passwordless on loopback). */
  connectionFiles: Record<string, string>;
  /** 1-minute load average at the start and the end: other work on the machine shows up in every figure. */
  loadAverage: { start: number; end: number };
  data: GeneratedTable[];
  fullValidation: FullValidationFigure[];
  previews: PreviewFigure[];
  inProcessValidations: InProcessValidationFigure[];
  memoryRun: InProcessValidationFigure | null;
  ui: UiOutcome;
  /** The exhaustive time-zone offset check (every minute of the change days) and its cost. */
  zoneOffsets: ZoneOffsetWalk;
  targets: TargetCheck[];
  failures: FailedFigure[];
  /** Exactly what to type to produce this file again. */
  commands: string[];
}
