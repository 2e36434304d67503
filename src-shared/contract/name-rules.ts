/**
 * What a name (of a system or an integration) may hold, and when two names are the same.
 *
 * Names are shown in the tree, written into isps_ul.ini section headers and file names, and read
 * by admins who must tell them apart. So a name may not hold characters that are invisible or
 * that reorder what is shown: control characters (NUL, line breaks), format characters
 * (zero-width spaces and joiners, bidi overrides and isolates, the soft hyphen, the BOM), line
 * and paragraph separators, private-use and unassigned code points. It is stored in NFC, the
 * form every keyboard produces, so "é" typed two ways is one name.
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

/** The first forbidden character of a name, for the message; undefined when there is none. */
export function forbiddenCharacterIn(name: string): string | undefined {
  return FORBIDDEN.exec(name)?.[0];
}

/** "U+202E" for a character that cannot be shown in a message. */
export function describeCodePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A name as stored: trimmed, in NFC. */
export function normaliseName(name: string): string {
  return name.trim().normalize('NFC');
}

/**
 * The key under which names are unique: look-alikes that differ only by case or by a
 * compatibility form (full-width "Ａｖａｙａ", the ligature "ﬁ", a non-breaking space) are one
 * name, because an admin reading the tree cannot tell them apart.
 */
export function nameKey(name: string): string {
  return name.trim().normalize('NFKC').toLocaleLowerCase('en-US').replace(/\s+/gu, ' ');
}
