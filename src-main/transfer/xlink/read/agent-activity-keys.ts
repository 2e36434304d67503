import type { TransferNote } from '../../../../src-shared/contract/transfer';
import type { Dialect } from '../../../../src-shared/sql/dialect';
import { agentStatesSql, type TimeSpanType, type TimestampColumn } from '../sql/agent-states-sql';
import type { GeneratedSql } from '../sql/generated-sql';
import type { TimestampType } from '../sql/timestamp-expression';
import { note, type NotePlace } from '../transfer-notes';
import { missingKeysNote, splitList, valueOf } from './key-values';
import type { IniEntry } from './parse-ini-lines';
import { readProfileInt, uncleanIntMessage, type ProfileInt } from './profile-int';
import type { SectionReader } from './section-reader';

const AGENT_REQUIRED = ['AgentActivityTable', 'AgentColumn', 'ActivityColumn', 'ActivityStartTimeStampColumn'];

/**
 * Agent states from Xlink's Activity* keys: the table, agent and activity columns, how a state's
 * span is written (ActivityTimeSpanType) and how its timestamps are stored (…TimeStampType).
 * Keys that the span type does not use are reported, not silently dropped.
 */
export function agentStatesIntegration(
  reader: SectionReader,
  dialect: Dialect,
  place: NotePlace,
  notes: TransferNote[],
): GeneratedSql | undefined {
  const read = (key: string) => reader.take(key);
  const entries = Object.fromEntries(
    [
      ...AGENT_REQUIRED,
      'ActivityTimeSpanType',
      'ActivityStartTimeStampType',
      'ActivityStartTimeStampFormat',
      'ActivityEndTimeStampColumn',
      'ActivityEndTimeStampType',
      'ActivityEndTimeStampFormat',
      'ActivityDurationColumn',
      'LogOffActivities',
    ].map((key) => [key, read(key)]),
  );
  if (Object.values(entries).every((entry) => entry === undefined)) return undefined;
  const missing = AGENT_REQUIRED.filter((key) => valueOf(entries[key]) === undefined);
  if (missing.length > 0) {
    notes.push(missingKeysNote('Agent states', missing, place));
    return undefined;
  }
  const spanType = readSpanType(entries, place, notes);
  if (spanType === undefined) return undefined;
  const start = readTimestamp(entries, 'Start', place, notes);
  if (!start) return undefined;
  const spec = {
    section: reader.section.name,
    table: valueOf(entries.AgentActivityTable) ?? '',
    agentColumn: valueOf(entries.AgentColumn) ?? '',
    activityColumn: valueOf(entries.ActivityColumn) ?? '',
    spanType,
    start,
    logOffActivities: [] as string[],
    dialect,
  };
  const unused = (key: string, why: string) => {
    const entry = entries[key];
    if (valueOf(entry) === undefined || !entry) return;
    notes.push(note('info', `${key} is not used: ${why}`, { ...place, key: entry.key, line: entry.line }));
  };
  if (spanType === 1) {
    if (valueOf(entries.ActivityEndTimeStampColumn) === undefined) {
      notes.push(missingKeysNote('Agent states with ActivityTimeSpanType 1', ['ActivityEndTimeStampColumn'], place));
      return undefined;
    }
    const end = readTimestamp(entries, 'End', place, notes);
    if (!end) return undefined;
    unused('ActivityDurationColumn', 'ActivityTimeSpanType 1 takes the end from ActivityEndTimeStampColumn.');
    unused('LogOffActivities', 'only ActivityTimeSpanType 2 needs the log-off states.');
    return agentStatesSql({ ...spec, end });
  }
  for (const key of ['ActivityEndTimeStampColumn', 'ActivityEndTimeStampType', 'ActivityEndTimeStampFormat']) {
    unused(key, `ActivityTimeSpanType ${spanType} has no end column.`);
  }
  if (spanType === 0) {
    const duration = valueOf(entries.ActivityDurationColumn);
    if (duration === undefined) {
      notes.push(missingKeysNote('Agent states with ActivityTimeSpanType 0', ['ActivityDurationColumn'], place));
      return undefined;
    }
    unused('LogOffActivities', 'only ActivityTimeSpanType 2 needs the log-off states.');
    return agentStatesSql({ ...spec, durationColumn: duration });
  }
  unused('ActivityDurationColumn', 'ActivityTimeSpanType 2 ends a state when the next one starts.');
  return agentStatesSql({ ...spec, logOffActivities: splitList(valueOf(entries.LogOffActivities)) });
}

/** A number that is not written plainly: Xlink read what GetPrivateProfileInt made of it, and so does the import. */
function noteUnclean(entry: IniEntry | undefined, read: ProfileInt, place: NotePlace, notes: TransferNote[]): void {
  if (!entry || read.unclean === undefined) return;
  notes.push(
    note('warning', `${uncleanIntMessage(entry, read)}, and so does the import. Write the number plainly.`, {
      ...place,
      key: entry.key,
      line: entry.line,
    }),
  );
}

function readSpanType(
  entries: Record<string, IniEntry | undefined>,
  place: NotePlace,
  notes: TransferNote[],
): TimeSpanType | undefined {
  const entry = entries.ActivityTimeSpanType;
  const read = readProfileInt(entry);
  const value = read.value;
  if (value !== undefined) {
    noteUnclean(entry, read, place, notes);
    if (value === 0 || value === 1 || value === 2) return value;
    notes.push(
      note(
        'error',
        `ActivityTimeSpanType is ${value}; Xlink knew 0 (start + duration), 1 (start and end) and 2 (start only), so Agent states was not created.`,
        { ...place, key: entry?.key ?? 'ActivityTimeSpanType', line: entry?.line ?? null },
      ),
    );
    return undefined;
  }
  // Absent or empty: GetPrivateProfileInt gave Xlink its built-in default, which is not known.
  const [inferred, why]: [TimeSpanType, string] = valueOf(entries.ActivityEndTimeStampColumn)
    ? [1, 'an end column is given']
    : valueOf(entries.ActivityDurationColumn)
      ? [0, 'a duration column is given']
      : [2, 'there is neither an end nor a duration column'];
  notes.push(
    note('warning', `ActivityTimeSpanType is ${entry ? 'empty' : 'missing'}; ${inferred} was assumed because ${why}.`, {
      ...place,
      key: entry?.key ?? 'ActivityTimeSpanType',
      line: entry?.line ?? null,
    }),
  );
  return inferred;
}

function readTimestamp(
  entries: Record<string, IniEntry | undefined>,
  which: 'Start' | 'End',
  place: NotePlace,
  notes: TransferNote[],
): TimestampColumn | undefined {
  const typeEntry = entries[`Activity${which}TimeStampType`];
  const column = valueOf(entries[`Activity${which}TimeStampColumn`]) ?? '';
  const format = valueOf(entries[`Activity${which}TimeStampFormat`]);
  const read = readProfileInt(typeEntry);
  const value = read.value;
  let type: TimestampType = 2;
  if (value === undefined) {
    notes.push(
      note('info', `Activity${which}TimeStampType is missing or empty: 2 (a datetime column) was assumed.`, {
        ...place,
        key: typeEntry?.key ?? `Activity${which}TimeStampType`,
        line: typeEntry?.line ?? null,
      }),
    );
  } else {
    noteUnclean(typeEntry, read, place, notes);
    if (value !== 0 && value !== 1 && value !== 2) {
      notes.push(
        note(
          'error',
          `Activity${which}TimeStampType is ${value}; Xlink knew 0 (text), 1 (Unix time) and 2 (datetime), so Agent states was not created.`,
          { ...place, key: typeEntry?.key ?? null, line: typeEntry?.line ?? null },
        ),
      );
      return undefined;
    }
    type = value;
  }
  if (type !== 0 && format !== undefined) {
    const formatEntry = entries[`Activity${which}TimeStampFormat`];
    notes.push(
      note('info', `Activity${which}TimeStampFormat is not used: the timestamps are not text (type ${type}).`, {
        ...place,
        key: formatEntry?.key ?? null,
        line: formatEntry?.line ?? null,
      }),
    );
  }
  return { column, type, format };
}
