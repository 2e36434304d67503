/**
 * The text rules of Windows' profile API (GetPrivateProfileString and friends), which Xlink read
 * its files through. Checked against Wine's dlls/kernel32/profile.c (PROFILE_isspaceW,
 * PROFILE_Load, PROFILE_Find, PROFILE_CopyEntry) and its conformance tests.
 */

/**
 * The characters Windows trims around lines, section names, key names and values: tab, line
 * feed, vertical tab, form feed, carriage return, Ctrl-Z (the DOS end-of-file mark old editors
 * append) and space. Nothing else: JavaScript's trim() also removes the no-break space and other
 * Unicode spaces, which Windows keeps as text, and keeps the Ctrl-Z, which Windows drops.
 */
export function isProfileBlank(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x1a || code === 0x20;
}

export function trimProfile(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isProfileBlank(text.charCodeAt(start))) start++;
  while (end > start && isProfileBlank(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Section and key names are compared whole and without regard to case. */
export function foldName(name: string): string {
  return name.toLowerCase();
}

export function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}

/**
 * GetPrivateProfileString removes one pair of quotes when the value starts and ends with the same
 * quote (' or ") and is longer than that one character; anything else is returned as written.
 */
export function unquoteValue(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value[value.length - 1] === first) {
    return value.slice(1, -1);
  }
  return value;
}

/**
 * A space Windows does not trim at either end of a name or value (a no-break space, say), named
 * as U+XXXX for a note; undefined when there is none. Such a character stays part of what Xlink
 * read, which is rarely what the admin who typed it meant.
 */
export function untrimmedSpace(text: string): string | undefined {
  const edge = /^\s/u.test(text) ? text[0] : /\s$/u.test(text) ? text[text.length - 1] : undefined;
  if (edge === undefined) return undefined;
  return `U+${(edge.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
