import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { note } from '../transfer-notes';
import { decodeIniBytes } from './decode-ini-bytes';
import { parseIniText, type IniEntry, type IniSection } from './parse-ini-lines';

export const ACD_MAP_FILE = 'acd_map.ini';

/**
 * acd_map.ini, the second file in which Xlink mapped queue value types to WFM measures. Its layout
 * was never documented and sites wrote it differently, so it is read tolerantly: a section per
 * system name or one global section (or keys before any section), with either
 * `value type = measure` or `measure = value type`. Its lines are read by the same Windows rules as
 * isps_ul.ini (parse-ini-lines.ts): the first of a repeated section, nothing under `[]`.
 */
export interface AcdMap {
  sections: IniSection[];
  entriesBeforeSections: IniEntry[];
}

const GLOBAL_SECTION_NAMES = new Set([
  'global',
  'default',
  'all',
  'general',
  'map',
  'mapping',
  'mappings',
  'valuetypes',
  'value types',
  'acd_map',
  'acdmap',
]);

export function readAcdMap(bytes: Uint8Array): { map: AcdMap; notes: TransferNote[] } {
  const { text } = decodeIniBytes(bytes, ACD_MAP_FILE);
  const parsed = parseIniText(text, ACD_MAP_FILE);
  return {
    map: { sections: parsed.sections, entriesBeforeSections: parsed.entriesBeforeSections },
    notes: parsed.notes,
  };
}

export interface AcdMapEntries {
  entries: IniEntry[];
  /** Where they came from, for notes: "[Name]" or "the global part". */
  source: string;
}

/**
 * The entries that apply to one system: its own section first, else the global ones. A lone
 * section named after no system is global too (a site with one ACD rarely named it).
 */
export function acdMapEntriesFor(map: AcdMap, systemName: string, systemNames: readonly string[]): AcdMapEntries {
  const own = map.sections.find((section) => section.name.toLowerCase() === systemName.toLowerCase());
  if (own) return { entries: own.entries, source: `[${own.name}]` };
  const known = new Set(systemNames.map((name) => name.toLowerCase()));
  const globals = map.sections.filter((section) => GLOBAL_SECTION_NAMES.has(section.name.toLowerCase()));
  const lone = map.sections.length === 1 && !known.has(map.sections[0]?.name.toLowerCase() ?? '') ? map.sections : [];
  const sections = globals.length > 0 ? globals : lone;
  const entries = [...map.entriesBeforeSections, ...sections.flatMap((section) => section.entries)];
  const source = sections.length > 0 ? sections.map((section) => `[${section.name}]`).join(', ') : 'the global part';
  return { entries, source };
}

/** Sections that are neither a system's nor global: they were meant for something, so say they were not used. */
export function unusedAcdMapSections(map: AcdMap, systemNames: readonly string[]): TransferNote[] {
  const known = new Set(systemNames.map((name) => name.toLowerCase()));
  if (map.sections.length === 1) return [];
  return map.sections
    .filter(
      (section) => !known.has(section.name.toLowerCase()) && !GLOBAL_SECTION_NAMES.has(section.name.toLowerCase()),
    )
    .map((section) =>
      note(
        'info',
        `${ACD_MAP_FILE} section [${section.name}] (line ${section.line}) names no system of isps_ul.ini and was not used.`,
        { section: section.name, line: section.line },
      ),
    );
}
