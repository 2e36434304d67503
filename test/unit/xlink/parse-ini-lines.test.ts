import { describe, expect, it } from 'vitest';
import { parseIniText } from '../../../src-main/transfer/xlink/read/parse-ini-lines';

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

  it('reads only the first of a repeated section (names compared case-insensitively); the later keys are noted, never read', () => {
    const result = parse('[Sales]', 'DSN = s', '[Other]', 'DSN = o', '[SALES]', 'User = u', 'DSN = again');
    expect(result.sections.map((section) => [section.name, section.entries.map((entry) => entry.key)])).toEqual([
      ['Sales', ['DSN']],
      ['Other', ['DSN']],
    ]);
    expect(result.headerLines).toEqual([1, 3, 5]);
    expect(result.notes.map((item) => [item.severity, item.section, item.line, item.message])).toEqual([
      [
        'warning',
        'Sales',
        5,
        'Section [SALES] appears again on line 5 (first on line 1): Windows reads only the first [Sales], so Xlink never read lines 6–7 (User, DSN) and the import ignores them too. Move what is needed into the section on line 1.',
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

  it('reads a line without "=" as a key without a value, and ignores one without a key name, with notes', () => {
    const result = parse('[A]', 'DSN = x', 'this is not a setting', '= orphan value', '=');
    expect(result.sections[0]?.entries).toEqual([{ key: 'DSN', value: 'x', line: 2 }]);
    expect(result.notes.map((item) => [item.line, item.message])).toEqual([
      [
        3,
        'isps_ul.ini line 3: the text "this is not a setting" has no "=", so Windows reads it as a key without a value; nothing is imported from it.',
      ],
      [4, 'isps_ul.ini line 4 ignored: the text "= orphan value" has no key name before "=", so Xlink never read it.'],
      [5, 'isps_ul.ini line 5 ignored: the text "=" has no key name before "=", so Xlink never read it.'],
    ]);
  });

  it('lets a key without "=" hide a later key of that name, as Windows finds the first one', () => {
    const result = parse('[A]', 'DSN', 'dsn = real', 'User = u');
    expect(result.sections[0]?.entries).toEqual([{ key: 'User', value: 'u', line: 4 }]);
    expect(result.notes.map((item) => item.message)).toContain(
      'dsn appears twice in [A] (lines 2 and 3): Xlink used the first one (line 2), which has no "=" and so gave it no value, and so does the import; line 3 is ignored. Delete one of them.',
    );
  });

  it('does not quote an ignored line that may hold a password', () => {
    const result = parse('[A]', 'Password: hunter2-secret');
    expect(result.notes[0]?.message).toMatch(/not shown: it may hold a password/);
    expect(JSON.stringify(result.notes)).not.toContain('hunter2');
  });

  it('reads on after a "[" line without "]": it starts no section, so the next lines stay in the section before', () => {
    const result = parse('[A]', 'DSN = x', '[Universal AC', 'CallDataTable = t', '[B]', 'DSN = b');
    expect(result.sections.map((section) => [section.name, section.entries.map((entry) => entry.key)])).toEqual([
      ['A', ['DSN', 'CallDataTable']],
      ['B', ['DSN']],
    ]);
    expect(result.unclosedHeaderLines).toEqual([3]);
    expect(result.notes).toEqual([
      {
        severity: 'warning',
        section: 'A',
        key: null,
        line: 3,
        message:
          'isps_ul.ini line 3: "[Universal AC" has no closing "]", so Windows does not read it as a section header: the lines after it, up to the next section, stay in [A], as Xlink read them. The file may be truncated or damaged: check that line.',
      },
    ]);
  });

  it('reads [] as a section without a name: its keys leave the section before and are never read', () => {
    const result = parse('[A]', 'DSN = a', '[ ]', 'User = hidden', 'CallDataTable = t', '[B]', 'DSN = b', '[]');
    expect(result.sections.map((section) => [section.name, section.entries.map((entry) => entry.key)])).toEqual([
      ['A', ['DSN']],
      ['B', ['DSN']],
    ]);
    expect(result.notes.map((item) => [item.severity, item.line, item.message])).toEqual([
      [
        'warning',
        3,
        'isps_ul.ini line 3: the section header [] has no name, and Windows lists no section without a name, so Xlink never read lines 4–5 (User, CallDataTable) and the import ignores them too.',
      ],
      [
        'info',
        8,
        'isps_ul.ini line 8: the section header [] has no name, and Windows lists no section without a name; it has no keys either.',
      ],
    ]);
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
