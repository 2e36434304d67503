import type { TransferNote } from '../../../../src-shared/contract/transfer';
import { note } from '../transfer-notes';
import { iniValue } from './ini-value';
import { charactersOutsideWindows1252, encodeWindows1252, fitWindows1252 } from './windows-1252';

/** One line of the file, with the section it belongs to (for notes about it). */
interface Line {
  text: string;
  section: string | null;
}

/** The lines of the exported file, and the notes on what could not be written as it was. */
export class IniBuilder {
  readonly lines: Line[] = [];
  readonly notes: TransferNote[] = [];

  comment(text: string, section: string | null): void {
    // Comments are free text, but a line break would turn the rest into a key.
    for (const part of text.split(/\r\n|\n|\r/)) {
      this.lines.push({ text: `; ${part.replace(/\p{Cc}/gu, ' ')}`.trimEnd(), section });
    }
  }

  blank(): void {
    this.lines.push({ text: '', section: null });
  }

  header(section: string): void {
    this.lines.push({ text: `[${section}]`, section });
  }

  key(key: string, value: string, section: string): void {
    const written = iniValue(value);
    if (written.problem) {
      this.notes.push(note('warning', `${key} in [${section}]: ${written.problem}.`, { section, key }));
    }
    this.lines.push({ text: `${key} = ${written.text}`, section });
  }

  /** CRLF lines as Windows-1252 bytes; characters it lacks become "?", each line with one a note. */
  finish(): { bytes: Uint8Array; text: string; notes: TransferNote[] } {
    const text = fitWindows1252(this.lines.map((line) => line.text).join('\r\n') + '\r\n');
    return { bytes: encodeWindows1252(text), text, notes: [...this.notes, ...windows1252Notes(this.lines)] };
  }
}

/** One note per line that held characters Windows-1252 lacks; they are written as "?". */
function windows1252Notes(lines: readonly Line[]): TransferNote[] {
  const notes: TransferNote[] = [];
  lines.forEach((line, index) => {
    const missing = charactersOutsideWindows1252(line.text);
    if (missing.length === 0) return;
    notes.push(
      note(
        'warning',
        `Line ${index + 1} holds ${missing.map((character) => JSON.stringify(character)).join(', ')}, which the ` +
          'Windows-1252 text Xlink reads cannot hold; written as "?". Check that line.',
        { section: line.section, line: index + 1 },
      ),
    );
  });
  return notes;
}
