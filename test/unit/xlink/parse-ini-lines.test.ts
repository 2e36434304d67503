import { describe, expect, it } from 'vitest';
import { parseIniText } from '../../../src-main/transfer/xlink/read/parse-ini-lines';
import { XlinkFileError } from '../../../src-main/transfer/xlink';

const parse = (...lines: string[]) => parseIniText(lines.join('\r\n'), 'isps_ul.ini');
const entries = (...lines: string[]) => parse(...lines).sections.flatMap((section) => section.entries);

describe('parseIniText follows GetPrivateProfileString', () => {
  it('skips whole-line comments starting with ; or #, also after blanks', () => {
    const result = parse('; comment', '[A]', '  # hash comment', '\t; indented', 'DSN = x');
    expect(result.sections.map((section) => section.name)).toEqual(['A']);
    expect(result.sections[0]?.entries).toEqual([{ key: 'DSN', value: 'x', line: 5 }]);
    expect(result.notes).toEqual([]);
  });

  it('splits key = value at the first "=" and trims both sides', () => {
    expect(entries('[A]', '  QueueSQL   =  select a from t where b = 1 and c=2  ')).toEqual([
      { key: 'QueueSQL', value: 'select a from t where b = 1 and c=2', line: 2 },
    ]);
  });

  it('keeps ";" and "#" inside values as data (the npm ini package would cut ValueTypes here)', () => {
    expect(entries('[A]', 'ValueTypes = a;b;c', 'QueueSQL = select "#q" from t; ').map((entry) => entry.value)).toEqual(
      ['a;b;c', 'select "#q" from t;'],
    );
  });

  it('removes one pair of matching surrounding quotes, and only a matching pair', () => {
    expect(
      entries('[A]', 'A = "x y"', "B = 'x;y'", 'C = "x\'', 'D = ""quoted""', 'E = "', 'F = x "y"').map((e) => e.value),
    ).toEqual(['x y', 'x;y', '"x\'', '"quoted"', '"', 'x "y"']);
  });

  it('keeps the first of duplicate keys (case-insensitive) and names both lines in a warning', () => {
    const result = parse('[A]', 'DSN = first', 'User = u', 'dsn = second');
    expect(result.sections[0]?.entries).toEqual([
      { key: 'DSN', value: 'first', line: 2 },
      { key: 'User', value: 'u', line: 3 },
    ]);
    expect(result.notes).toEqual([
      {
        severity: 'warning',
        section: 'A',
        key: 'DSN',
        line: 4,
        message:
          'dsn appears twice in [A] (lines 2 and 4): Xlink used the first one (line 2), and so does the import; line 4 is ignored. Delete one of them.',
      },
    ]);
  });

  it('merges a section that appears twice (names compared case-insensitively), with a note', () => {
    const result = parse('[Sales]', 'DSN = s', '[Other]', 'DSN = o', '[SALES]', 'User = u', 'DSN = again');
    expect(result.sections.map((section) => [section.name, section.entries.map((entry) => entry.key)])).toEqual([
      ['Sales', ['DSN', 'User']],
      ['Other', ['DSN']],
    ]);
    expect(result.notes.map((item) => [item.severity, item.line, item.message])).toEqual([
      [
        'warning',
        5,
        'Section [SALES] appears again on line 5 (first on line 1): Windows reads both parts as one section, and so does the import. Keep one of them.',
      ],
      [
        'warning',
        7,
        'DSN appears twice in [Sales] (lines 2 and 7): Xlink used the first one (line 2), and so does the import; line 7 is ignored. Delete one of them.',
      ],
    ]);
  });

  it('numbers lines the same for CRLF, LF and lone CR line endings', () => {
    const result = parseIniText('[A]\r\nX = 1\nY = 2\rZ = 3', 'isps_ul.ini');
    expect(result.sections[0]?.entries.map((entry) => [entry.key, entry.line])).toEqual([
      ['X', 2],
      ['Y', 3],
      ['Z', 4],
    ]);
  });

  it('ignores a line that is no comment, section or key = value, with a note that quotes it', () => {
    const result = parse('[A]', 'DSN = x', 'this is not a setting', '= orphan value');
    expect(result.sections[0]?.entries).toHaveLength(1);
    expect(result.notes.map((item) => [item.line, item.message])).toEqual([
      [3, 'isps_ul.ini line 3 ignored: the text "this is not a setting" is not a comment, a [section] or key = value.'],
      [4, 'isps_ul.ini line 4 ignored: the text "= orphan value" is not a comment, a [section] or key = value.'],
    ]);
  });

  it('does not quote an ignored line that may hold a password', () => {
    const result = parse('[A]', 'Password: hunter2-secret');
    expect(result.notes[0]?.message).toMatch(/not shown: it may hold a password/);
    expect(JSON.stringify(result.notes)).not.toContain('hunter2');
  });

  it('refuses an unclosed section header (a truncated file) and names the line', () => {
    expect(() => parse('[A]', 'DSN = x', '[Universal AC')).toThrow(XlinkFileError);
    expect(() => parse('[A]', 'DSN = x', '[Universal AC')).toThrow(
      /^isps_ul\.ini line 3: the section header "\[Universal AC" has no closing "\]"/,
    );
  });

  it('reads the section name up to the last "]" and ignores text after it, with a note', () => {
    const result = parse('[A]B] trailing', 'DSN = x', '[C] ; comment is fine');
    expect(result.sections.map((section) => section.name)).toEqual(['A]B', 'C']);
    expect(result.notes.map((item) => item.message)).toEqual([
      'isps_ul.ini line 1: the text after [A]B] is ignored, as Windows ignores it.',
    ]);
  });

  it('keeps keys that come before the first section apart', () => {
    const result = parse('Stray = 1', '[A]', 'DSN = x');
    expect(result.entriesBeforeSections).toEqual([{ key: 'Stray', value: '1', line: 1 }]);
    expect(result.sections[0]?.entries.map((entry) => entry.key)).toEqual(['DSN']);
  });
});
