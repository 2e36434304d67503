import { describe, expect, it } from 'vitest';
import { splitCopyRow, unescapeCopyText } from '../../../../src-main/drivers/postgres/copy-text';

describe('COPY text rows', () => {
  it('splits a row into its fields, \\N being NULL', () => {
    expect(splitCopyRow('Q1\tSales\t2024-03-31 02:00:00\t12\t\\N\t\tcalls', 7)).toEqual([
      'Q1',
      'Sales',
      '2024-03-31 02:00:00',
      '12',
      null,
      '',
      'calls',
    ]);
  });

  it('resolves the escapes COPY writes for tabs, line ends and backslashes', () => {
    expect(splitCopyRow('a\\tb\tline\\nnext\\r\tC:\\\\dir\t\\\\N', 4)).toEqual([
      'a\tb',
      'line\nnext\r',
      'C:\\dir',
      '\\N', // an escaped backslash before N is text, not NULL
    ]);
    expect(unescapeCopyText('\\b\\f\\v\\101\\x42\\q')).toBe('\b\f\vABq');
    expect(unescapeCopyText('no escapes')).toBe('no escapes');
  });

  it('keeps empty fields at either end and handles a single column', () => {
    expect(splitCopyRow('\tx\t', 3)).toEqual(['', 'x', '']);
    expect(splitCopyRow('only', 1)).toEqual(['only']);
    expect(splitCopyRow('\\N', 1)).toEqual([null]);
    expect(splitCopyRow('', 0)).toEqual([]);
  });

  it('refuses a row whose field count does not match the columns, saying both counts', () => {
    expect(() => splitCopyRow('a\tb', 3)).toThrow('COPY returned a row with 2 fields for 3 columns');
    expect(() => splitCopyRow('a\tb\tc\td', 3)).toThrow('COPY returned a row with 4 fields for 3 columns');
    expect(() => splitCopyRow('a', 0)).toThrow('1 fields for 0 columns');
  });
});
