import type { ImportType } from '../../src-shared/contract/model';
import type { TargetId } from './bench-targets';
import { BENCH_IMPORT_TYPES } from './import-types';

/**
 * Which import types each target runs. The import type changes the validator's work, the target
 * changes the driver path: every import type runs on the psql and mysql targets, and the other
 * paths run the interval data, which keeps the default bench within about ten minutes on two
 * cores. `--full-matrix` runs every import type everywhere.
 */
export function importTypesFor(target: TargetId, fullMatrix: boolean): readonly ImportType[] {
  if (fullMatrix || target === 'postgres' || target === 'mariadb') return BENCH_IMPORT_TYPES;
  return ['interval'];
}
