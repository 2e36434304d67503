import { NAME_MAX_LENGTH } from '../../../../src-shared/contract/model';
import { XlinkFileError } from '../xlink-file-error';
import type { IniSection } from './parse-ini-lines';

/**
 * Section names become system names, and system names become file names in exports: a name that
 * could climb out of a folder, or hide control characters, means the file is hostile or damaged.
 * (A nameless `[]` never gets here: Windows lists no such section, so the reader sets it aside.)
 */
export function checkSectionName(section: IniSection, fileLabel: string): void {
  const where = `${fileLabel} line ${section.line}`;
  const shown = JSON.stringify(section.name.slice(0, 60).replace(/\p{Cc}/gu, '?'));
  if (/\p{Cc}/u.test(section.name)) {
    throw new XlinkFileError(`${where}: the section name ${shown} contains control characters; the file is damaged.`);
  }
  if (/[/\\]/.test(section.name) || section.name.includes('..')) {
    throw new XlinkFileError(
      `${where}: the section name ${shown} looks like a file path ("/", "\\" or ".."). Section names become ` +
        'system names and file names, so such a name is refused: rename the section in the file and try again.',
    );
  }
  if (section.name.length > NAME_MAX_LENGTH) {
    throw new XlinkFileError(
      `${where}: the section name is ${section.name.length} characters long; system names may have at most ` +
        `${NAME_MAX_LENGTH}. Shorten it in the file and try again.`,
    );
  }
}
