import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { note } from '../transfer-notes';
import type { IniSection } from './parse-ini-lines';

/**
 * The notes of the ini reader: each says what Windows' profile API (and so Xlink) made of a line
 * the import also reads that way, so the admin can see why a key was or was not used.
 */

const SHOWN_TEXT = 40;
const LISTED_KEYS = 10;

/** A line as a note quotes it: shortened, and not shown at all when it may hold a password. */
export function describeLine(text: string): string {
  if (/pass|pwd|secret|token|credential|api.?key/i.test(text)) return 'the text (not shown: it may hold a password)';
  return `the text ${JSON.stringify(text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT)}…` : text)}`;
}

/** "[Name]", or the part of the file before any header (which Xlink never read). */
export function whereLabel(section: IniSection | undefined): string {
  return section === undefined ? 'the part before the first [section]' : `[${section.name}]`;
}

export interface IgnoredKey {
  key: string;
  line: number;
}

function keysPhrase(keys: readonly IgnoredKey[]): string {
  const first = keys[0]?.line ?? 0;
  const last = keys[keys.length - 1]?.line ?? 0;
  const names = keys.slice(0, LISTED_KEYS).map((item) => item.key);
  const more = keys.length > LISTED_KEYS ? `, and ${keys.length - LISTED_KEYS} more` : '';
  return `${first === last ? `line ${first}` : `lines ${first}–${last}`} (${names.join(', ')}${more})`;
}

export function repeatedSectionNote(header: string, line: number, first: IniSection, keys: IgnoredKey[]): TransferNote {
  const start = `Section [${header}] appears again on line ${line} (first on line ${first.line}): Windows reads only the first [${first.name}]`;
  const message =
    keys.length === 0
      ? `${start}; this one has no keys.`
      : `${start}, so Xlink never read ${keysPhrase(keys)} and the import ignores them too. Move what is needed into the section on line ${first.line}.`;
  return note('warning', message, { section: first.name, line });
}

export function namelessSectionNote(file: string, line: number, keys: IgnoredKey[]): TransferNote {
  const start = `${file} line ${line}: the section header [] has no name, and Windows lists no section without a name`;
  return keys.length === 0
    ? note('info', `${start}; it has no keys either.`, { line })
    : note('warning', `${start}, so Xlink never read ${keysPhrase(keys)} and the import ignores them too.`, { line });
}

export function unclosedHeaderNote(
  file: string,
  line: number,
  text: string,
  current: { label: string; section: string | null },
): TransferNote {
  return note(
    'warning',
    `${file} line ${line}: ${JSON.stringify(text.slice(0, 60))} has no closing "]", so Windows does not read it as ` +
      `a section header: the lines after it, up to the next section, stay in ${current.label}, as Xlink read ` +
      'them. The file may be truncated or damaged: check that line.',
    { section: current.section, line },
  );
}

export function duplicateKeyNote(
  key: string,
  line: number,
  first: { key: string; line: number; valueless: boolean },
  section: IniSection | undefined,
): TransferNote {
  const firstRead = first.valueless ? `, which has no "=" and so gave it no value` : '';
  return note(
    'warning',
    `${key} appears twice in ${whereLabel(section)} (lines ${first.line} and ${line}): Xlink used the first one ` +
      `(line ${first.line})${firstRead}, and so does the import; line ${line} is ignored. Delete one of them.`,
    { section: section?.name ?? null, key: first.key, line },
  );
}

export function valuelessKeyNote(file: string, line: number, text: string, section: IniSection | undefined) {
  return note(
    'warning',
    `${file} line ${line}: ${describeLine(text)} has no "=", so Windows reads it as a key without a value; ` +
      'nothing is imported from it.',
    { section: section?.name ?? null, line },
  );
}

export function namelessKeyNote(file: string, line: number, text: string, section: IniSection | undefined) {
  return note(
    'warning',
    `${file} line ${line} ignored: ${describeLine(text)} has no key name before "=", so Xlink never read it.`,
    { section: section?.name ?? null, line },
  );
}

export function textAfterHeaderNote(file: string, line: number, name: string): TransferNote {
  return note('warning', `${file} line ${line}: the text after [${name}] is ignored, as Windows ignores it.`, {
    section: name === '' ? null : name,
    line,
  });
}

/** A no-break space (or another Unicode space) at the edge of a value or section name. */
export function untrimmedSpaceNote(
  file: string,
  line: number,
  what: { key: string; section: string } | { sectionName: string },
  space: string,
): TransferNote {
  const subject = 'key' in what ? `the value of ${what.key}` : `the section name [${what.sectionName}]`;
  const after =
    'key' in what
      ? 'Xlink read it as part of the value, and so does the import.'
      : 'Xlink showed it as part of the name; the system is named without it.';
  return note(
    'warning',
    `${file} line ${line}: ${subject} starts or ends with ${space}, a space Windows does not remove. ${after}`,
    'key' in what ? { section: what.section, key: what.key, line } : { section: what.sectionName, line },
  );
}
