import type { TransferNote } from '../../../../src-shared/contract/transfer';
import {
  duplicateKeyNote,
  namelessKeyNote,
  namelessSectionNote,
  repeatedSectionNote,
  textAfterHeaderNote,
  unclosedHeaderNote,
  untrimmedSpaceNote,
  valuelessKeyNote,
  whereLabel,
  type IgnoredKey,
} from './ini-line-notes';
import { foldName, trimProfile, unquoteValue, untrimmedSpace } from './profile-text';

/**
 * The ini reader Xlink had: Windows' GetPrivateProfileString, as Wine's dlls/kernel32/profile.c
 * (PROFILE_Load, PROFILE_Find, PROFILE_GetSectionNames) and its conformance tests show it. Written
 * by hand on purpose, because the npm `ini` package reads the same text differently in ways that
 * corrupt Xlink files: it cuts values at `;` and `#` and keeps the last of duplicate keys.
 * The rules, each of which changes what Xlink read:
 * - a line ends at CR or LF; lines, names and values are trimmed of tab, CR, LF, VT, FF, space and
 *   Ctrl-Z only (profile-text.ts); a line starting with `;` is a comment (so is `#`: Windows keeps
 *   it as a key named "#…", which no Xlink key can match);
 * - `[name]` starts a section: the name runs to the LAST `]` of the line, trimmed, and any text
 *   after that `]` is ignored. `[]` is a section too, with an empty name: the lines under it no
 *   longer belong to the section before, and Windows never lists it, so Xlink never read them;
 * - a line that starts with `[` but has no `]` is not a header. Windows logs it and reads it as
 *   an ordinary line, a key named "[…", in the section it is in: the lines after it stay in the
 *   section before, up to the next real header;
 * - `key = value` splits at the first `=`, both sides trimmed; one pair of matching surrounding
 *   quotes (' or ") is then removed from the value; `;` inside a value is data;
 * - a line without `=` is a key without a value: asking for it gives the caller's default;
 * - names are compared whole, ignoring case, and a lookup takes the FIRST match: the first of
 *   two sections with one name (the later one is never read), and in it the first of two keys
 *   (even when that first one has no `=`). A line with no name before `=` is never asked for.
 * Line numbers are kept for every entry so notes can point at them.
 */

export interface IniEntry {
  /** As written (the first spelling, when a key repeats). */
  key: string;
  value: string;
  line: number;
}

export interface IniSection {
  /** As written at its first header, trimmed as Windows trims it. */
  name: string;
  line: number;
  /** In file order: only the keys Windows reads (the first of each name, and only with "="). */
  entries: IniEntry[];
}

export interface ParsedIni {
  /** The sections Windows reads: the first of each name, never the nameless ones, in file order. */
  sections: IniSection[];
  /** Key lines before the first section header: ignored by Xlink, read as global by acd_map.ini. */
  entriesBeforeSections: IniEntry[];
  /** Every line Windows takes for a header, repeated and nameless ones too. */
  headerLines: number[];
  /** Lines that start with "[" without a "]": not headers to Windows. */
  unclosedHeaderLines: number[];
  notes: TransferNote[];
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

interface SeenKey {
  key: string;
  line: number;
  valueless: boolean;
}

/** Where the lines being read go: a section Windows reads, or a header whose keys it never reads. */
type Block =
  | { read: true; section: IniSection | undefined; entries: IniEntry[]; seen: Map<string, SeenKey> }
  | { read: false; header: string; line: number; first: IniSection | undefined; keys: IgnoredKey[] };

export function parseIniText(text: string, fileLabel: string): ParsedIni {
  const reader = new ProfileReader(fileLabel);
  splitLines(text).forEach((raw, index) => reader.readLine(raw, index + 1));
  return reader.finish();
}

class ProfileReader {
  private readonly result: ParsedIni = {
    sections: [],
    entriesBeforeSections: [],
    headerLines: [],
    unclosedHeaderLines: [],
    notes: [],
  };
  private readonly byName = new Map<string, IniSection>();
  private block: Block = {
    read: true,
    section: undefined,
    entries: this.result.entriesBeforeSections,
    seen: new Map(),
  };

  constructor(private readonly file: string) {}

  readLine(raw: string, line: number): void {
    const text = trimProfile(raw);
    if (text === '' || text.startsWith(';') || text.startsWith('#')) return;
    if (text.startsWith('[')) {
      const close = text.lastIndexOf(']');
      if (close > 0) {
        this.header(text, close, line);
        return;
      }
      // Not a header: a key named "[…" with or without a value, which no Xlink key matches.
      this.result.unclosedHeaderLines.push(line);
      this.result.notes.push(unclosedHeaderNote(this.file, line, text, this.blockLabel()));
      return;
    }
    this.keyLine(text, line);
  }

  finish(): ParsedIni {
    this.closeBlock();
    return this.result;
  }

  private header(text: string, close: number, line: number): void {
    this.closeBlock();
    this.result.headerLines.push(line);
    const name = trimProfile(text.slice(1, close));
    const rest = trimProfile(text.slice(close + 1));
    if (rest !== '' && !rest.startsWith(';') && !rest.startsWith('#')) {
      this.result.notes.push(textAfterHeaderNote(this.file, line, name));
    }
    const first = this.byName.get(foldName(name));
    if (name === '' || first) {
      this.block = { read: false, header: name, line, first, keys: [] };
      return;
    }
    const section: IniSection = { name, line, entries: [] };
    this.result.sections.push(section);
    this.byName.set(foldName(name), section);
    this.block = { read: true, section, entries: section.entries, seen: new Map() };
    const space = untrimmedSpace(name);
    if (space) this.result.notes.push(untrimmedSpaceNote(this.file, line, { sectionName: name }, space));
  }

  private keyLine(text: string, line: number): void {
    const equals = text.indexOf('=');
    const key = trimProfile(equals < 0 ? text : text.slice(0, equals));
    const block = this.block;
    if (!block.read) {
      if (key !== '') block.keys.push({ key, line });
      return;
    }
    if (key === '') {
      this.result.notes.push(namelessKeyNote(this.file, line, text, block.section));
      return;
    }
    const first = block.seen.get(foldName(key));
    if (first) {
      this.result.notes.push(duplicateKeyNote(key, line, first, block.section));
      return;
    }
    block.seen.set(foldName(key), { key, line, valueless: equals < 0 });
    if (equals < 0) {
      this.result.notes.push(valuelessKeyNote(this.file, line, text, block.section));
      return;
    }
    const written = trimProfile(text.slice(equals + 1));
    block.entries.push({ key, value: unquoteValue(written), line });
    // Checked before the quotes go: a space inside quotes was typed on purpose.
    const space = untrimmedSpace(written);
    if (space && block.section) {
      this.result.notes.push(untrimmedSpaceNote(this.file, line, { key, section: block.section.name }, space));
    }
  }

  private blockLabel(): { label: string; section: string | null } {
    const block = this.block;
    if (block.read) return { label: whereLabel(block.section), section: block.section?.name ?? null };
    const label = block.first
      ? `the repeated [${block.header}] of line ${block.line}, which Windows does not read`
      : `the nameless section of line ${block.line}, which Windows does not read`;
    return { label, section: block.first?.name ?? null };
  }

  private closeBlock(): void {
    const block = this.block;
    if (block.read) return;
    this.result.notes.push(
      block.first
        ? repeatedSectionNote(block.header, block.line, block.first, block.keys)
        : namelessSectionNote(this.file, block.line, block.keys),
    );
  }
}
