import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryValue, findSection, parseOdbcIni } from '../../../src-main/odbc/odbc-ini';

describe('parseOdbcIni (unixODBC 2.3 rules)', () => {
  it('reads sections and trimmed key = value entries, with CRLF, comments and indentation', () => {
    const file = parseOdbcIni(
      [
        '; a comment',
        '# another',
        '',
        '[MySQL ODBC 8.0 Unicode Driver]',
        'Driver = /usr/lib/libmyodbc8w.so ',
        '  [ Indented ]  ',
        '  Description=my lite ; not a comment',
        'no equals sign here',
        '=no key',
        'Empty=',
      ].join('\r\n'),
    );
    expect(file).toEqual({
      sections: [
        { name: 'MySQL ODBC 8.0 Unicode Driver', entries: [{ key: 'Driver', value: '/usr/lib/libmyodbc8w.so' }] },
        {
          name: 'Indented',
          entries: [
            { key: 'Description', value: 'my lite ; not a comment' },
            { key: 'Empty', value: '' },
          ],
        },
      ],
    });
  });

  it('ends a section name at the first "]" or the end of the line', () => {
    expect(parseOdbcIni('[Weird ] name]\n[NoClose\n').sections.map((section) => section.name)).toEqual([
      'Weird',
      'NoClose',
    ]);
  });

  it('looks sections and keys up case-insensitively, first match wins', () => {
    const file = parseOdbcIni('[Dup]\nDriver=a\ndriver=z\n[dup]\nDriver=b\n');
    expect(entryValue(findSection(file, 'DUP'), 'DRIVER')).toBe('a');
    expect(findSection(file, 'missing')).toBeUndefined();
    expect(entryValue(undefined, 'Driver')).toBeUndefined();
  });

  it('reports a file unixODBC ignores entirely: a line before the first section, or a BOM', () => {
    expect(parseOdbcIni('stray=1\n[A]\nDriver=x\n')).toEqual({
      sections: [],
      ignoredBecause: 'line 1 comes before the first [section]: move it into a section or delete it',
    });
    expect(parseOdbcIni('\n\nnoequals\n[A]\n').ignoredBecause).toContain('line 3');
    expect(parseOdbcIni('\uFEFF[Bom]\nDriver=x\n')).toEqual({
      sections: [],
      ignoredBecause: 'it starts with a UTF-8 byte-order mark: save it as UTF-8 without BOM',
    });
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => Array.isArray(parseOdbcIni(text).sections)));
  });
});
