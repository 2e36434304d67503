import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { note } from '../transfer-notes';
import { XlinkFileError } from '../xlink-file-error';

/**
 * The ini reader Xlink had: Windows' GetPrivateProfileString. Written by hand on purpose, because
 * the npm `ini` package reads the same text differently in ways that corrupt Xlink files: it cuts
 * values at `;` and `#` (ValueTypes = a;b;c becomes "a") and keeps the last of duplicate keys.
 * The Windows rules followed here:
 * - a comment is a whole line that starts with `;` or `#` (after blanks); `;` inside a value is data;
 * - `key = value` splits at the first `=`, both sides trimmed; one pair of matching surrounding
 *   quotes (' or ") is removed from the value;
 * - keys and section names are case-insensitive; the first of duplicate keys wins;
 * - a section that appears twice is one section.
 * Line numbers are kept for every entry so notes can point at them.
 */

export interface IniEntry {
  /** As written (the first spelling, when a key repeats). */
  key: string;
  value: string;
  line: number;
}

export interface IniSection {
  /** As written at its first header, trimmed. */
  name: string;
  line: number;
  /** In file order; a repeated key keeps only its first entry. */
  entries: IniEntry[];
}

export interface ParsedIni {
  sections: IniSection[];
  /** Key lines before the first section header: ignored by Windows, read as global by acd_map.ini. */
  entriesBeforeSections: IniEntry[];
  notes: TransferNote[];
}

const COMMENT = /^\s*[;#]/;
const BLANK = /^\s*$/;
const IGNORED_TEXT_SHOWN = 40;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Removes one pair of matching surrounding quotes, as GetPrivateProfileString does. */
export function unquoteValue(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value[value.length - 1] === first) {
    return value.slice(1, -1);
  }
  return value;
}

export function parseIniText(text: string, fileLabel: string): ParsedIni {
  const sections: IniSection[] = [];
  const byName = new Map<string, { section: IniSection; seen: Map<string, IniEntry> }>();
  const entriesBeforeSections: IniEntry[] = [];
  const notes: TransferNote[] = [];
  let current: { section: IniSection; seen: Map<string, IniEntry> } | undefined;

  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    if (BLANK.test(raw) || COMMENT.test(raw)) return;
    const trimmed = raw.trim();
    if (trimmed.startsWith('[')) {
      const header = readHeader(trimmed, line, fileLabel, notes);
      const existing = byName.get(header.toLowerCase());
      if (existing) {
        notes.push(
          note(
            'warning',
            `Section [${header}] appears again on line ${line} (first on line ${existing.section.line}): ` +
              'Windows reads both parts as one section, and so does the import. Keep one of them.',
            { section: existing.section.name, line },
          ),
        );
        current = existing;
        return;
      }
      current = { section: { name: header, line, entries: [] }, seen: new Map() };
      byName.set(header.toLowerCase(), current);
      sections.push(current.section);
      return;
    }
    const equals = trimmed.indexOf('=');
    const key = equals < 0 ? '' : trimmed.slice(0, equals).trim();
    if (key === '') {
      notes.push(
        note(
          'warning',
          `${fileLabel} line ${line} ignored: ${describeIgnored(trimmed)} is not a comment, a [section] or key = value.`,
          { section: current?.section.name ?? null, line },
        ),
      );
      return;
    }
    const entry: IniEntry = { key, value: unquoteValue(trimmed.slice(equals + 1).trim()), line };
    if (!current) {
      entriesBeforeSections.push(entry);
      return;
    }
    const first = current.seen.get(key.toLowerCase());
    if (first) {
      notes.push(
        note(
          'warning',
          `${key} appears twice in [${current.section.name}] (lines ${first.line} and ${line}): Xlink used the ` +
            `first one (line ${first.line}), and so does the import; line ${line} is ignored. Delete one of them.`,
          { section: current.section.name, key: first.key, line },
        ),
      );
      return;
    }
    current.seen.set(key.toLowerCase(), entry);
    current.section.entries.push(entry);
  });
  return { sections, entriesBeforeSections, notes };
}

/** `[Name]`, with the name up to the last `]` as Windows reads it; text after it is ignored. */
function readHeader(trimmed: string, line: number, fileLabel: string, notes: TransferNote[]): string {
  const close = trimmed.lastIndexOf(']');
  if (close < 0) {
    throw new XlinkFileError(
      `${fileLabel} line ${line}: the section header ${JSON.stringify(trimmed.slice(0, 60))} has no closing "]". ` +
        'The file looks truncated or damaged: copy it again from the Xlink computer.',
    );
  }
  const name = trimmed.slice(1, close).trim();
  const rest = trimmed.slice(close + 1).trim();
  if (rest !== '' && !COMMENT.test(rest)) {
    notes.push(
      note('warning', `${fileLabel} line ${line}: the text after [${name}] is ignored, as Windows ignores it.`, {
        section: name,
        line,
      }),
    );
  }
  return name;
}

/** An ignored line, quoted unless it may hold a password. */
function describeIgnored(text: string): string {
  if (/pass|pwd|secret|token|credential|api.?key/i.test(text)) return 'the text (not shown: it may hold a password)';
  const shown = text.length > IGNORED_TEXT_SHOWN ? `${text.slice(0, IGNORED_TEXT_SHOWN)}…` : text;
  return `the text ${JSON.stringify(shown)}`;
}
