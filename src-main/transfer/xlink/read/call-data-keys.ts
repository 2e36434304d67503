import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { contactSql } from '../sql/contact-sql';
import type { GeneratedSql } from '../sql/generated-sql';
import { intervalSql } from '../sql/interval-sql';
import { note, type NotePlace } from '../transfer-notes';
import { missingKeysNote, splitList, valueOf } from './key-values';
import type { SectionReader } from './section-reader';
import type { UniversalContext } from './universal-integrations';
import { mapValueTypes } from './value-type-mapping';

/**
 * Intervals and Contacts from Xlink's call-data keys: CallDataTable, TimeStampColumn,
 * QueueNameColumn and ValueTypes (the value types mapped to measures by acd_map.ini, the column
 * names or their order).
 */
export function callDataIntegrations(
  reader: SectionReader,
  context: UniversalContext,
  intervalMinutes: 15 | 30,
  place: NotePlace,
  notes: TransferNote[],
): { interval: GeneratedSql; contact: GeneratedSql } | undefined {
  const table = reader.take('CallDataTable');
  const timestamp = reader.take('TimeStampColumn');
  const queue = reader.take('QueueNameColumn');
  const valueTypes = reader.take('ValueTypes');
  const required = { CallDataTable: table, TimeStampColumn: timestamp, QueueNameColumn: queue };
  const missing = Object.entries(required)
    .filter(([, entry]) => valueOf(entry) === undefined)
    .map(([key]) => key);
  if (missing.length === 3 && valueOf(valueTypes) === undefined) return undefined;
  if (missing.length > 0) {
    notes.push(missingKeysNote('Intervals and Contacts', missing, place));
    return undefined;
  }
  const types = splitList(valueOf(valueTypes));
  if (types.length === 0) {
    notes.push(
      note('error', 'ValueTypes is missing or empty, so no column feeds offered, answered or handling time.', place),
    );
  }
  const mapping = mapValueTypes(types, context.acdMap, { ...place, line: valueTypes?.line ?? null });
  notes.push(...mapping.notes);
  const spec = {
    section: reader.section.name,
    table: valueOf(table) ?? '',
    timestampColumn: valueOf(timestamp) ?? '',
    queueColumn: valueOf(queue) ?? '',
    measures: mapping.columns,
    intervalMinutes,
    dialect: context.dialect,
  };
  return { interval: intervalSql(spec), contact: contactSql(spec) };
}
