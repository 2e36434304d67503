import { DEFAULT_RULE_SET } from '../../../../src-shared/contract/model';
import type { PlannedIntegration, TransferNote } from '../../../../src-shared/contract/transfer';
import { checkPreviewable } from '../../../../src-shared/sql/classify-statement';
import type { Dialect } from '../../../../src-shared/sql/dialect';
import type { GeneratedSql } from '../sql/generated-sql';
import { note, shownValue, type NotePlace } from '../transfer-notes';
import type { AcdMapEntries } from './acd-map';
import { agentStatesIntegration } from './agent-activity-keys';
import { callDataIntegrations } from './call-data-keys';
import { readProfileInt, uncleanIntMessage } from './profile-int';
import type { SectionReader } from './section-reader';
import { INTERVAL_KEYS } from './xlink-keys';

export interface UniversalContext {
  dialect: Dialect;
  acdMap: AcdMapEntries | undefined;
}

const NAMES = { interval: 'Intervals', contact: 'Contacts', 'agent-states': 'Agent states' } as const;

/** The integrations the universal-interface keys of one section allow, with notes on everything else. */
export function universalIntegrations(
  reader: SectionReader,
  context: UniversalContext,
): { integrations: PlannedIntegration[]; notes: TransferNote[] } {
  const place: NotePlace = { section: reader.section.name };
  const notes: TransferNote[] = [];
  const intervalMinutes = readIntervalLength(reader, place, notes);
  const base = { intervalMinutes, ruleSet: DEFAULT_RULE_SET, realTime: false, reconciliation: true } as const;
  const integrations: PlannedIntegration[] = [];
  const add = (importType: PlannedIntegration['importType'], generated: GeneratedSql) => {
    const name = NAMES[importType];
    for (const issue of generated.issues) notes.push(note(issue.severity, `${name}: ${issue.message}`, place));
    const check = checkPreviewable(generated.sql, context.dialect);
    if (!check.ok) {
      notes.push(
        note(
          'error',
          `${name}: the generated query does not pass the statement guard (${check.message}); fix it in the editor.`,
          place,
        ),
      );
    }
    integrations.push({ name, importType, ...base, sql: generated.sql });
  };

  const callData = callDataIntegrations(reader, context, intervalMinutes, place, notes);
  if (callData) {
    add('interval', callData.interval);
    add('contact', callData.contact);
  }
  const agentStates = agentStatesIntegration(reader, context.dialect, place, notes);
  if (agentStates) add('agent-states', agentStates);
  // String literals are single-quoted, so a double quote in generated code is a quoted name.
  const quotesNames = integrations.some((item) =>
    item.sql.split('\n').some((line) => !line.startsWith('--') && line.includes('"')),
  );
  if (context.dialect === 'generic' && quotesNames) {
    notes.push(
      note(
        'info',
        'The queries put some table or column names in double quotes. If this DSN is Informix (Avaya CMS), add ' +
          'DELIMIDENT=y; after the DSN in the connection string, or Informix reads them as text.',
        place,
      ),
    );
  }
  for (const key of ['QueueSQL', 'ActivitySQL']) {
    const entry = reader.take(key);
    if (!entry) continue;
    notes.push(
      note(
        'info',
        `${key} is not needed any more: the WFM system takes the ${key === 'QueueSQL' ? 'queues' : 'activities'} ` +
          `from the rows the integrations return. It was: ${shownValue(entry.value)}`,
        { ...place, key: entry.key, line: entry.line },
      ),
    );
  }
  return { integrations, notes };
}

function readIntervalLength(reader: SectionReader, place: NotePlace, notes: TransferNote[]): 15 | 30 {
  const [entry] = reader.takeAll(INTERVAL_KEYS);
  const read = readProfileInt(entry);
  // Absent or empty: 15, the WFM system's usual interval (Xlink's own default is not known).
  if (!entry || read.value === undefined) return 15;
  const minutes = read.value;
  const how =
    read.unclean === undefined ? `${entry.key} is ${shownValue(entry.value)}` : uncleanIntMessage(entry, read);
  if (minutes === 15 || minutes === 30) {
    if (read.unclean !== undefined) {
      notes.push(
        note('warning', `${how}; ${minutes} minutes are used.`, { ...place, key: entry.key, line: entry.line }),
      );
    }
    return minutes;
  }
  notes.push(
    note('warning', `${how}; the WFM system imports 15- or 30-minute intervals, so 15 is used.`, {
      ...place,
      key: entry.key,
      line: entry.line,
    }),
  );
  return 15;
}
