import type { TransferNote } from '../../../src-shared/contract/transfer';

export type NoteSeverity = TransferNote['severity'];

const SEVERITY_ORDER: readonly NoteSeverity[] = ['error', 'warning', 'info'];

export interface NoteGroup {
  severity: NoteSeverity;
  notes: TransferNote[];
}

/**
 * Notes grouped as an admin works through them: what could not be carried over first, then the
 * assumptions to check, then the rest; within a group in file order, so they can be followed in
 * an editor beside the ini file. Empty groups are left out.
 */
export function groupNotesBySeverity(notes: readonly TransferNote[]): NoteGroup[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    notes: notes
      .map((note, index) => ({ note, index }))
      .filter(({ note }) => note.severity === severity)
      .sort((a, b) => (a.note.line ?? Infinity) - (b.note.line ?? Infinity) || a.index - b.index)
      .map(({ note }) => note),
  })).filter((group) => group.notes.length > 0);
}
