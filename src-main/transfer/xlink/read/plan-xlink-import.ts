import { nameKey } from '../../../../src-shared/contract/name-rules';
import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { note } from '../transfer-notes';
import { XlinkFileError } from '../xlink-file-error';
import type { XlinkPlanInput, XlinkPlanResult, XlinkSystemPlan } from '../xlink-types';
import { acdMapEntriesFor, readAcdMap, unusedAcdMapSections, type AcdMap } from './acd-map';
import { decodeIniBytes } from './decode-ini-bytes';
import { parseIniText, type IniSection } from './parse-ini-lines';
import { isSystemSection, nearMissPhrases, planSystem } from './plan-system';
import { checkSectionName } from './section-name-rules';

const INI_FILE = 'isps_ul.ini';

/**
 * Reads an isps_ul.ini (and its acd_map.ini) into planned systems and integrations. Pure: it
 * writes nothing, and the caller imports the plan in one transaction. Throws XlinkFileError when
 * the file is not a usable isps_ul.ini at all; everything else it cannot translate is a note.
 */
export function planXlinkImport(input: XlinkPlanInput): XlinkPlanResult {
  const { text, encoding } = decodeIniBytes(input.ini, INI_FILE);
  const parsed = parseIniText(text, INI_FILE);
  if (parsed.headerLines.length === 0) {
    // Windows sees no section either; a "[" line without "]" is not one, so say so if there is one.
    const [unclosed] = parsed.unclosedHeaderLines;
    const why =
      unclosed === undefined ? '' : ` (line ${unclosed} starts with "[" but has no closing "]", so it is no header)`;
    throw new XlinkFileError(
      `${INI_FILE} has no [section] at all${why}, so it holds no external system: it is empty, truncated or ` +
        "another kind of file. Choose the isps_ul.ini from Xlink's installation folder.",
    );
  }
  for (const section of parsed.sections) checkSectionName(section, INI_FILE);

  const notes: TransferNote[] = [...parsed.notes];
  for (const entry of parsed.entriesBeforeSections) {
    notes.push(
      note(
        'warning',
        `${INI_FILE} line ${entry.line} ignored: ${entry.key} comes before the first [section], where Xlink never read it.`,
        {
          key: entry.key,
          line: entry.line,
        },
      ),
    );
  }

  const systemSections = parsed.sections.filter(isSystemSection);
  const systemNames = systemSections.map((section) => section.name);
  let acdMap: AcdMap | undefined;
  if (input.acdMap) {
    const read = readAcdMap(input.acdMap);
    acdMap = read.map;
    notes.push(...read.notes, ...unusedAcdMapSections(read.map, systemNames));
  }

  const systems: XlinkSystemPlan[] = [];
  // By lower-cased name: a file of thousands of sections must not compare each with all before it.
  const systemsByName = new Map<string, XlinkSystemPlan>();
  for (const section of parsed.sections) {
    if (!isSystemSection(section)) {
      notes.push(notSystemNote(section));
      continue;
    }
    const planned = planSystem(section, {
      dialectForDsn: input.dialectForDsn ?? (() => 'generic'),
      acdMapFor: (name) => (acdMap ? acdMapEntriesFor(acdMap, name, systemNames) : undefined),
    });
    // Windows tells [Sales] from [Sales<no-break space>], but system names are trimmed: keep the first.
    const twin = systemsByName.get(nameKey(planned.plan.name));
    if (twin) {
      notes.push(
        note(
          'warning',
          `[${section.name}] (line ${section.line}) was not imported: once trimmed, its name is the name of ` +
            `[${twin.section}], imported before it. Rename one of the sections and import again.`,
          { section: section.name, line: section.line },
        ),
      );
      continue;
    }
    systems.push(planned.plan);
    systemsByName.set(nameKey(planned.plan.name), planned.plan);
    notes.push(...planned.notes);
  }
  if (systems.length === 0) {
    notes.push(note('warning', `${INI_FILE} holds no external system section: there is nothing to import.`));
  }
  return { encoding, systems, notes };
}

function notSystemNote(section: IniSection): TransferNote {
  const keys = section.entries.map((entry) => entry.key);
  const misspelt = nearMissPhrases(section.entries);
  return note(
    misspelt.length > 0 ? 'warning' : 'info',
    `[${section.name}] (line ${section.line}) is not an external system (no DSN, user or universal-interface ` +
      `key) and was not imported${keys.length > 0 ? `; its keys: ${keys.join(', ')}` : ''}.` +
      (misspelt.length > 0 ? ` ${misspelt.join('; ')}: Xlink did not read such keys either.` : ''),
    { section: section.name, line: section.line },
  );
}
