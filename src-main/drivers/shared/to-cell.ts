import type { CellValue } from '../../../src-shared/contract/api';

/**
 * A driver value as it may cross to the renderer: JSON-safe, nothing lost silently. Big
 * integers and bytes are tagged; dates should already be text (drivers are set up so), but a
 * Date that slips through is written as ISO UTC rather than in the machine's zone.
 */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** The first `limit` rows and whether there were more, from up to `limit + 1` read. */
export function capRows(rows: unknown[][], limit: number): { rows: CellValue[][]; truncated: boolean } {
  return { rows: rows.slice(0, limit).map((row) => row.map(toCell)), truncated: rows.length > limit };
}
