import { describe, expect, it } from 'vitest';
import { decodeIniBytes } from '../../../src-main/transfer/xlink/read/decode-ini-bytes';
import { parseIniText } from '../../../src-main/transfer/xlink/read/parse-ini-lines';
import { trimProfile } from '../../../src-main/transfer/xlink/read/profile-text';

/**
 * The text rules of Windows' profile API (Wine's PROFILE_isspaceW and PROFILE_Load): which
 * characters are blank around lines, names and values, and what is text.
 */

const parse = (text: string) => parseIniText(text, 'isps_ul.ini');
const values = (text: string) => parse(text).sections.flatMap((section) => section.entries.map((entry) => entry.value));

describe('blanks as Windows trims them', () => {
  it('trims tab, LF, VT, FF, CR, Ctrl-Z and space, and nothing else', () => {
    expect(trimProfile('\t\v\f \x1a x y \x1a\r\n')).toBe('x y');
    expect(trimProfile('\u00a0x\u2003')).toBe('\u00a0x\u2003');
    expect(trimProfile('\ufeffx')).toBe('\ufeffx');
  });

  it('drops a Ctrl-Z at the end of the file from the last value, with or without a line break before it', () => {
    const last = (tail: string) => values(`[A]\r\nDSN = acd\r\nQueueSQL = select q from t${tail}`).at(-1);
    expect(last('\x1a')).toBe('select q from t');
    expect(last('\r\n\x1a')).toBe('select q from t');
    expect(last(' \x1a\x1a')).toBe('select q from t');
    expect(parse('[A]\r\nDSN = acd\r\n\x1a').notes).toEqual([]);
  });

  it('keeps the Ctrl-Z that decodeIniBytes lets through out of every value (end to end from bytes)', () => {
    const bytes = Buffer.concat([Buffer.from('[A]\r\nUser = u\r\nDSN = acd'), Buffer.from([0x1a])]);
    const { text } = decodeIniBytes(bytes, 'isps_ul.ini');
    expect(parse(text).sections[0]?.entries).toEqual([
      { key: 'User', value: 'u', line: 2 },
      { key: 'DSN', value: 'acd', line: 3 },
    ]);
  });

  it('trims vertical tabs and form feeds around keys and values, where JavaScript trim would too', () => {
    expect(parse('[A]\r\n\vDSN\f=\tacd\v\r\n').sections[0]?.entries).toEqual([{ key: 'DSN', value: 'acd', line: 2 }]);
  });

  it('keeps a no-break space at the end of a value, as Windows did, and says so', () => {
    const result = parse('[A]\r\nDSN = acd\u00a0\r\nUser = "u\u00a0"\r\n');
    expect(result.sections[0]?.entries.map((entry) => entry.value)).toEqual(['acd\u00a0', 'u\u00a0']);
    expect(result.notes).toEqual([
      {
        severity: 'warning',
        section: 'A',
        key: 'DSN',
        line: 2,
        message:
          'isps_ul.ini line 2: the value of DSN starts or ends with U+00A0, a space Windows does not remove. Xlink read it as part of the value, and so does the import.',
      },
    ]);
  });

  it('trims section names inside the brackets and keeps a no-break space there, with a note', () => {
    const result = parse('[  Sales ACD\t]\r\nDSN = s\r\n[Other\u00a0]\r\nDSN = o\r\n');
    expect(result.sections.map((section) => section.name)).toEqual(['Sales ACD', 'Other\u00a0']);
    expect(result.notes.map((item) => item.message)).toEqual([
      'isps_ul.ini line 3: the section name [Other\u00a0] starts or ends with U+00A0, a space Windows does not remove. Xlink showed it as part of the name; the system is named without it.',
    ]);
  });

  it('removes quotes after trimming, so blanks inside the quotes stay', () => {
    expect(values('[A]\r\nA = " x "\r\nB = \' y\'  \r\nC = ""\r\nD = \'\r\n')).toEqual([' x ', ' y', '', "'"]);
  });

  it('splits lines at CR and LF only: a lone CR ends a line, U+2028 does not', () => {
    const result = parse('[A]\rDSN = a\u2028User = u\r\n');
    expect(result.sections[0]?.entries).toEqual([{ key: 'DSN', value: 'a\u2028User = u', line: 2 }]);
  });
});
