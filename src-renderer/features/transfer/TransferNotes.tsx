import { useTranslation } from 'react-i18next';
import type { TransferNote } from '../../../src-shared/contract/transfer';
import { groupNotesBySeverity } from './transfer-notes';

/** The import's or export's report: what was not carried over, what rests on an assumption, the rest. */
export function TransferNotes({ notes, label }: { notes: readonly TransferNote[]; label?: string }) {
  const { t } = useTranslation();
  const groups = groupNotesBySeverity(notes);
  const heading = label ?? t('transfer.notes.heading');
  return (
    <section className="transfer-notes" aria-label={heading}>
      <h3>{heading}</h3>
      {groups.length === 0 && <p className="muted">{t('transfer.notes.none')}</p>}
      {groups.map((group) => (
        <div key={group.severity} className={`note-group sev-${group.severity}`}>
          <h4>{t(`transfer.notes.severity.${group.severity}`, { count: group.notes.length })}</h4>
          <ul aria-label={t(`transfer.notes.severity.${group.severity}`, { count: group.notes.length })}>
            {group.notes.map((note, index) => (
              <li key={index}>
                <NoteWhere note={note} /> {note.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Where the note points to: section, key and line, as an admin finds them in the ini file. */
function NoteWhere({ note }: { note: TransferNote }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (note.section !== null) parts.push(t('transfer.notes.section', { section: note.section }));
  if (note.key !== null) parts.push(t('transfer.notes.key', { key: note.key }));
  if (note.line !== null) parts.push(t('transfer.notes.line', { line: note.line }));
  if (parts.length === 0) return null;
  return <span className="note-where mono">{parts.join(' · ')}</span>;
}
