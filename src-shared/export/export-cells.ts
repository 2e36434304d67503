/**
 * Cell values as the files carry them. Rows arrive as the transport's CellValue (big integers and
 * bytes tagged); the files show them the way the grid does: digits for big integers, base64 for
 * bytes (the grid's hex prefix is for eyes, a file must keep every byte), nothing for NULL.
 */
import type { CellValue } from '../contract/api';
import { EMPTY, INVALID, toInteger, toText } from '../validation/cell-values';

/** The text of a cell in a CSV file; null for NULL. */
export function cellCsvText(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '$bigint' in value ? value.$bigint : value.$bytes;
}

/** A cell as the validator wants it: tagged big integers go back to bigint so integer checks see the value. */
export function validatorValue(value: CellValue): unknown {
  if (value !== null && typeof value === 'object' && '$bigint' in value) return BigInt(value.$bigint);
  return value;
}

/** A text field of a WFM record: numbers count as text (integer queue ids are common); anything else is null. */
export function cellText(value: CellValue): string | null {
  const text = toText(validatorValue(value));
  return text === EMPTY || text === INVALID ? null : text;
}

/** An integer field of a WFM record, read as leniently as the validator reads it ("12", "12.00"); else null. */
export function cellInteger(value: CellValue): number | null {
  const number = toInteger(validatorValue(value));
  return number === EMPTY || number === INVALID ? null : number;
}
