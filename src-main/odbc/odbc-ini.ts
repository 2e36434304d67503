/**
 * A reader for unixODBC's odbc.ini and odbcinst.ini that follows unixODBC 2.3's own rules, checked
 * against odbcinst on this machine. We do not use the `ini` package: it is only a transitive
 * dependency here, it splits section names at dots ("MySQL ODBC 8.0 Unicode Driver" becomes
 * nested objects), and it cuts values at " ;", which unixODBC keeps.
 *
 * unixODBC's rules, as observed:
 * - A line whose first non-blank character is ";" or "#" is a comment; there are no end-of-line
 *   comments ("Description=a ; b" keeps " ; b").
 * - "[name]" starts a section; the name ends at the first "]" (or the end of the line) and is
 *   trimmed. Leading blanks are allowed.
 * - "key = value" lines: split at the first "=", both sides trimmed; lines without "=" are ignored.
 * - Any other line before the first section makes unixODBC ignore the WHOLE file. A UTF-8
 *   byte-order mark counts as such a line, since unixODBC does not strip it.
 * - Section and key lookups are case-insensitive and the first match wins.
 */
import { trimSpaces } from '../../src-shared/odbc/connection-string-syntax';

export interface IniEntry {
  key: string;
  value: string;
}

export interface IniSection {
  name: string;
  entries: IniEntry[];
}

export interface IniFile {
  /** The sections as unixODBC sees them: none when it ignores the file. */
  sections: IniSection[];
  /** Why unixODBC ignores the whole file, in words for the admin; absent when it reads it. */
  ignoredBecause?: string;
}

export function parseOdbcIni(text: string): IniFile {
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, rawLine] of lines.entries()) {
    // ASCII blanks only, like C's isspace(): String.prototype.trim would also drop a BOM.
    const line = trimSpaces(rawLine);
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      const close = line.indexOf(']');
      current = { name: trimSpaces(line.slice(1, close === -1 ? undefined : close)), entries: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      const bom = index === 0 && rawLine.startsWith('\uFEFF');
      return {
        sections: [],
        ignoredBecause: bom
          ? 'it starts with a UTF-8 byte-order mark: save it as UTF-8 without BOM'
          : `line ${index + 1} comes before the first [section]: move it into a section or delete it`,
      };
    }
    const equals = line.indexOf('=');
    if (equals === -1) continue;
    const key = trimSpaces(line.slice(0, equals));
    if (key === '') continue;
    current.entries.push({ key, value: trimSpaces(line.slice(equals + 1)) });
  }
  return { sections };
}

export function findSection(file: IniFile, name: string): IniSection | undefined {
  const wanted = name.toLowerCase();
  return file.sections.find((section) => section.name.toLowerCase() === wanted);
}

export function entryValue(section: IniSection | undefined, key: string): string | undefined {
  const wanted = key.toLowerCase();
  return section?.entries.find((entry) => entry.key.toLowerCase() === wanted)?.value;
}
