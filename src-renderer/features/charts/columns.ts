import type { CellValue } from '../../../src-shared/contract/api';

/**
 * Finds contract columns case-insensitively (and ignoring surrounding spaces), as the WFM
 * import does; the validation warns about the case, the chart should still draw.
 * Returns the index of each name, or the names that are missing.
 */
export function locateColumns<Name extends string>(
  columns: string[],
  required: readonly Name[],
  optional: readonly Name[] = [],
): { ok: true; index: Record<Name, number> } | { ok: false; missing: Name[] } {
  const normalised = columns.map((column) => column.trim().toLowerCase());
  const index = {} as Record<Name, number>;
  const missing: Name[] = [];
  for (const name of [...required, ...optional]) {
    index[name] = normalised.indexOf(name.toLowerCase());
    if (index[name] < 0 && required.includes(name)) missing.push(name);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, index };
}

/** A cell as a number: numbers, numeric text (DECIMAL often arrives as text) and bigints. */
export function toNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : null;
  if (value !== null && typeof value === 'object' && '$bigint' in value) return Number(value.$bigint);
  return null;
}

/** A cell as an identifier or label; null, empty and binary values are no identifier. */
export function toKey(value: CellValue | undefined): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && typeof value === 'object' && '$bigint' in value) return value.$bigint;
  return null;
}
