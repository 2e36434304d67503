import type { TransferNote } from '../../../src-shared/contract/transfer';

export interface NotePlace {
  section?: string | null;
  key?: string | null;
  line?: number | null;
}

/** One note for the admin; the place fields default to "not tied to a section, key or line". */
export function note(severity: TransferNote['severity'], message: string, place: NotePlace = {}): TransferNote {
  return { severity, section: place.section ?? null, key: place.key ?? null, line: place.line ?? null, message };
}

const SHOWN_MAX = 80;

/** A value as a note quotes it: shortened, so a pasted script does not flood the list. */
export function shownValue(value: string): string {
  return JSON.stringify(value.length > SHOWN_MAX ? `${value.slice(0, SHOWN_MAX)}…` : value);
}
