import type { CellValue, ValidationSummaryDto } from '../../src-shared/contract/api';
import type { ImportType } from '../../src-shared/contract/model';
import { createValidator, type RuleSetId } from '../../src-shared/validation';

export interface PreviewValidationOptions {
  importType: ImportType;
  intervalMinutes: 15 | 30;
  ruleSet: RuleSetId;
  timeZone: string;
  now?: Date;
}

/** Tagged big integers go back to bigint so the integer checks see the real value. */
function fromCell(value: CellValue): unknown {
  if (value !== null && typeof value === 'object') return '$bigint' in value ? BigInt(value.$bigint) : value;
  return value;
}

/** The preview's rows against the import contract: every finding of the shown rows. */
export function validatePreview(
  columns: string[],
  rows: CellValue[][],
  options: PreviewValidationOptions,
): ValidationSummaryDto {
  const validator = createValidator({
    importType: options.importType,
    ruleSet: options.ruleSet,
    intervalMinutes: options.intervalMinutes,
    timeZone: options.timeZone,
    now: options.now ?? new Date(),
  });
  validator.setColumns(columns);
  for (const row of rows) validator.addRow(row.map(fromCell));
  const summary = validator.finish();
  return { ...summary, findingCounts: { ...summary.findingCounts } as Record<string, number> };
}
