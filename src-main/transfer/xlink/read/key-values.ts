import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { note, type NotePlace } from '../transfer-notes';
import type { IniEntry } from './parse-ini-lines';

/**
 * A key's value as GetPrivateProfileString gave it to Xlink, or undefined when it is absent or
 * empty. The reader has already trimmed it as Windows does; trimming again with JavaScript's
 * rules would also drop no-break spaces that Xlink kept (the reader notes those).
 */
export function valueOf(entry: IniEntry | undefined): string | undefined {
  return entry === undefined || entry.value === '' ? undefined : entry.value;
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
