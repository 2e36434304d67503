import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { note, type NotePlace } from '../transfer-notes';
import type { IniEntry } from './parse-ini-lines';

/** A key's value, or undefined when it is absent or blank. */
export function valueOf(entry: IniEntry | undefined): string | undefined {
  const value = entry?.value.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Numeric keys carry trailing comments in real files (`ActivityTimeSpanType = 1 ;(start and end
 * time only)`, from Xlink's own documentation): the leading integer is the value.
 */
export function leadingInteger(entry: IniEntry | undefined): number | undefined {
  const match = /^\s*([+-]?\d+)/.exec(entry?.value ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** ValueTypes and LogOffActivities: separated by ";" as Xlink wrote them, or "," as some hand edits did. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An integration the keys do not allow: which keys are missing, and what to do. */
export function missingKeysNote(what: string, missing: string[], place: NotePlace): TransferNote {
  const plural = missing.length > 1;
  return note(
    'error',
    `${what} not created: ${missing.join(', ')} ${plural ? 'are' : 'is'} missing from this section. Add ` +
      `${plural ? 'them' : 'it'} to the file and import again, or create the integration from a template.`,
    place,
  );
}
