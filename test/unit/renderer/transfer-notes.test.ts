import { describe, expect, it } from 'vitest';
import type { TransferNote } from '../../../src-shared/contract/transfer';
import { groupNotesBySeverity } from '../../../src-renderer/features/transfer/transfer-notes';

const note = (severity: TransferNote['severity'], line: number | null, message: string): TransferNote => ({
  severity,
  section: 'Universal ACD',
  key: null,
  line,
  message,
});

describe('groupNotesBySeverity', () => {
  it('lists errors, then warnings, then the rest, each in file order with unplaced notes last', () => {
    const groups = groupNotesBySeverity([
      note('info', 3, 'i3'),
      note('warning', null, 'w-unplaced'),
      note('error', 20, 'e20'),
      note('warning', 12, 'w12'),
      note('error', 4, 'e4'),
      note('warning', 12, 'w12-second'),
    ]);
    expect(groups.map((group) => [group.severity, group.notes.map((item) => item.message)])).toEqual([
      ['error', ['e4', 'e20']],
      ['warning', ['w12', 'w12-second', 'w-unplaced']],
      ['info', ['i3']],
    ]);
  });

  it('leaves out empty groups and keeps every note', () => {
    expect(groupNotesBySeverity([])).toEqual([]);
    const notes = [note('warning', 1, 'a'), note('warning', 2, 'b')];
    const groups = groupNotesBySeverity(notes);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.notes).toHaveLength(2);
  });
});
