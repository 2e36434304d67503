import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { note, type NotePlace } from '../transfer-notes';
import { ACD_MAP_FILE, type AcdMapEntries } from './acd-map';
import { sameName } from './profile-text';

/** The interval measures Xlink's value types fed. */
export const MEASURES = ['offered', 'answered', 'handlingtime'] as const;
export type Measure = (typeof MEASURES)[number];

export interface MeasureColumn {
  /** The value type (a column of CallDataTable) as written in ValueTypes. */
  column: string;
  how: 'acd_map.ini' | 'column name' | 'position';
}

export type MeasureColumns = Partial<Record<Measure, MeasureColumn>>;

const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Measure names acd_map.ini files use; "handled" is the WFM API's word for answered. */
const MEASURE_WORDS: Readonly<Record<string, Measure>> = {
  offered: 'offered',
  offer: 'offered',
  callsoffered: 'offered',
  contactsoffered: 'offered',
  incoming: 'offered',
  received: 'offered',
  answered: 'answered',
  handled: 'answered',
  callsanswered: 'answered',
  callshandled: 'answered',
  contactshandled: 'answered',
  accepted: 'answered',
  handlingtime: 'handlingtime',
  handletime: 'handlingtime',
  totalhandlingtime: 'handlingtime',
  talktime: 'handlingtime',
  duration: 'handlingtime',
  aht: 'handlingtime',
};

export function measureNamed(text: string): Measure | undefined {
  return MEASURE_WORDS[normal(text)];
}

/** Column-name hints, checked handling time first: "handled_time" is a time, "handled" a count. */
const HINTS: readonly [Measure, RegExp][] = [
  ['handlingtime', /handl\w*time|handletime|talk|duration|aht|handl\w*sec/],
  ['answered', /answer|handled|accept/],
  ['offered', /offer|incoming|received|arrived/],
];

/**
 * Which value type holds which measure: acd_map.ini first, then what the column names say, then
 * the order in ValueTypes (1st offered, 2nd answered, 3rd handling time), which is only a guess
 * and is said to be one.
 */
export function mapValueTypes(
  valueTypes: readonly string[],
  acdMap: AcdMapEntries | undefined,
  place: NotePlace,
): { columns: MeasureColumns; notes: TransferNote[] } {
  const columns: MeasureColumns = {};
  const notes: TransferNote[] = [];
  const taken = new Set<string>();
  const assign = (measure: Measure, column: string, how: MeasureColumn['how']) => {
    columns[measure] = { column, how };
    taken.add(column);
  };

  if (acdMap) notes.push(...fromAcdMap(valueTypes, acdMap, place, columns, assign));

  for (const [measure, hint] of HINTS) {
    if (columns[measure]) continue;
    const candidates = valueTypes.filter((column) => !taken.has(column) && hint.test(normal(column)));
    if (candidates.length === 1 && candidates[0] !== undefined) assign(measure, candidates[0], 'column name');
  }

  const guessed: Measure[] = [];
  const free = valueTypes.filter((column) => !taken.has(column));
  for (const measure of MEASURES) {
    if (columns[measure]) continue;
    const column = free.shift();
    if (column === undefined) break;
    assign(measure, column, 'position');
    guessed.push(measure);
  }
  if (guessed.length > 0) {
    notes.push(
      note(
        'warning',
        `ValueTypes: ${guessed.map((measure) => `${measure} ← ${columns[measure]?.column}`).join(', ')} were mapped ` +
          'by position (1st offered, 2nd answered, 3rd handling time), because neither acd_map.ini nor the column ' +
          'names say what they hold. Check the Intervals and Contacts queries before using them.',
        { ...place, key: 'ValueTypes' },
      ),
    );
  }
  for (const column of free) {
    notes.push(
      note(
        'warning',
        `ValueTypes: the value type ${JSON.stringify(column)} feeds none of offered, answered and handling time and is not used.`,
        { ...place, key: 'ValueTypes' },
      ),
    );
  }
  return { columns, notes };
}

function fromAcdMap(
  valueTypes: readonly string[],
  acdMap: AcdMapEntries,
  place: NotePlace,
  columns: MeasureColumns,
  assign: (measure: Measure, column: string, how: MeasureColumn['how']) => void,
): TransferNote[] {
  const notes: TransferNote[] = [];
  // Xlink looked value types up by name as Windows compares names: whole, ignoring case only.
  const typeNamed = (text: string) => valueTypes.find((column) => sameName(column, text));
  const typeLike = (text: string) => valueTypes.find((column) => normal(column) === normal(text));
  for (const entry of acdMap.entries) {
    const keyType = typeNamed(entry.key);
    const valueType = typeNamed(entry.value);
    const pair =
      keyType !== undefined && measureNamed(entry.value) !== undefined
        ? { column: keyType, measure: measureNamed(entry.value), word: entry.value }
        : valueType !== undefined && measureNamed(entry.key) !== undefined
          ? { column: valueType, measure: measureNamed(entry.key), word: entry.key }
          : undefined;
    const where = `${ACD_MAP_FILE} line ${entry.line} (${acdMap.source})`;
    if (pair?.measure === undefined) {
      const measure = measureNamed(entry.value) ?? measureNamed(entry.key);
      const like = measure === undefined ? undefined : (typeLike(entry.key) ?? typeLike(entry.value));
      if (like !== undefined) {
        notes.push(
          note(
            'warning',
            `${where} maps ${measure}, but not to ${JSON.stringify(like)} as ValueTypes spells it; Xlink matched ` +
              'value types by exact name (ignoring case), so that line is not used. Correct the spelling if it was meant.',
            { ...place, key: 'ValueTypes' },
          ),
        );
      } else if (measure !== undefined && keyType === undefined && valueType === undefined) {
        notes.push(
          note(
            'info',
            `${where} maps ${measure}, but to nothing this section's ValueTypes lists; that line is not used here.`,
            { ...place, key: 'ValueTypes' },
          ),
        );
      }
      continue;
    }
    const existing = columns[pair.measure];
    if (existing) {
      if (existing.column !== pair.column) {
        notes.push(
          note(
            'warning',
            `${where} maps ${pair.measure} to ${JSON.stringify(pair.column)} as well; the first mapping ` +
              `(${JSON.stringify(existing.column)}) is used.`,
            { ...place, key: 'ValueTypes' },
          ),
        );
      }
      continue;
    }
    assign(pair.measure, pair.column, 'acd_map.ini');
    if (normal(pair.word) === 'aht') {
      notes.push(
        note(
          'warning',
          `${where} maps ${JSON.stringify(pair.column)} to AHT (an average). The WFM contract wants the total ` +
            'handling time, so the query sums the column: check that it holds seconds per contact, not an average.',
          { ...place, key: 'ValueTypes' },
        ),
      );
    }
  }
  return notes;
}
