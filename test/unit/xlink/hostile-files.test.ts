import { describe, expect, it } from 'vitest';
import { XLINK_FILE_MAX_BYTES } from '../../../src-shared/contract/transfer';
import { planXlinkImport, XlinkFileError } from '../../../src-main/transfer/xlink';
import { iniBytes } from './xlink-test-helpers';

function refusal(ini: Uint8Array): string {
  try {
    planXlinkImport({ ini });
  } catch (error) {
    expect(error).toBeInstanceOf(XlinkFileError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('files that are not a usable isps_ul.ini', () => {
  it('reads a file truncated inside a section header as Windows does: no new section, a note naming the line', () => {
    const whole = new TextDecoder().decode(iniBytes(['[A]', 'DSN = a', '[Universal ACD]', 'DSN = u']));
    const truncated = new TextEncoder().encode(whole.slice(0, whole.indexOf('ACD]') + 3));
    const result = planXlinkImport({ ini: truncated });
    expect(result.systems.map((system) => [system.name, system.dsn])).toEqual([['A', 'a']]);
    expect(result.notes.map((item) => item.message)).toContain(
      'isps_ul.ini line 3: "[Universal ACD" has no closing "]", so Windows does not read it as a section header: the lines after it, up to the next section, stay in [A], as Xlink read them. The file may be truncated or damaged: check that line.',
    );
  });

  it('refuses a file whose only header has no "]", saying why it holds no section', () => {
    expect(refusal(iniBytes(['[Universal ACD', 'DSN = u']))).toMatch(
      /^isps_ul\.ini has no \[section\] at all \(line 1 starts with "\[" but has no closing "\]", so it is no header\)/,
    );
  });

  it('refuses binary content', () => {
    expect(refusal(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toMatch(/is not a text file/);
  });

  it('refuses a file without any section, and an empty file', () => {
    expect(refusal(iniBytes(['DSN = x', 'User = y']))).toMatch(/has no \[section\] at all/);
    expect(refusal(new Uint8Array())).toMatch(/has no \[section\] at all/);
  });

  it.each([
    ['..\\..\\Windows\\win.ini', 2],
    ['../etc/passwd', 2],
    ['C:/Temp/x', 2],
    ['Sales..', 2],
  ])('refuses the path-like section name %s with its line', (name, line) => {
    expect(refusal(iniBytes(['; header', `[${name}]`, 'DSN = x']))).toMatch(
      new RegExp(`^isps_ul\\.ini line ${line}: the section name .* looks like a file path`),
    );
  });

  it('refuses control characters in a section name', () => {
    expect(refusal(iniBytes(['[Sales\u0007ACD]', 'DSN = x']))).toMatch(
      /^isps_ul\.ini line 1: .* contains control characters/,
    );
  });

  it('refuses a section name longer than a system name may be', () => {
    expect(refusal(iniBytes([`[${'S'.repeat(101)}]`, 'DSN = x']))).toMatch(
      /^isps_ul\.ini line 1: the section name is 101 characters long/,
    );
    expect(planXlinkImport({ ini: iniBytes([`[${'S'.repeat(100)}]`, 'DSN = x']) }).systems).toHaveLength(1);
  });

  it('does not refuse an empty section header: Windows never lists it, so nothing under it is imported', () => {
    const result = planXlinkImport({ ini: iniBytes(['[ ]', 'DSN = x', '[B]', 'DSN = b']) });
    expect(result.systems.map((system) => system.name)).toEqual(['B']);
    expect(result.notes[0]?.message).toMatch(/^isps_ul\.ini line 1: the section header \[\] has no name/);
    const alone = planXlinkImport({ ini: iniBytes(['[]', 'DSN = x']) });
    expect(alone.systems).toEqual([]);
    expect(alone.notes.map((item) => item.message)).toContain(
      'isps_ul.ini holds no external system section: there is nothing to import.',
    );
  });

  it('refuses a file above the size limit', () => {
    const big = iniBytes(['[A]', `QueueSQL = ${'x'.repeat(XLINK_FILE_MAX_BYTES)}`]);
    expect(refusal(big)).toMatch(/more than the 2 MB/);
  });

  it('reads a real-world file: comments, spaces around =, CRLF, Windows-1252, duplicates, "=" and ";" in values', () => {
    const result = planXlinkImport({
      ini: iniBytes([
        '; Configuration Xlink — généré',
        '# second comment style',
        '[Téléphonie]',
        '  DSN   =   Téléphonie ',
        'User=opérateur',
        'User = someone else',
        'QueueSQL = select q from t where a = 1; -- trailing',
        'ValueTypes = a;b;c',
      ]),
    });
    expect(result.encoding).toBe('windows-1252');
    expect(result.systems[0]).toMatchObject({ name: 'Téléphonie', dsn: 'Téléphonie', user: 'opérateur' });
    expect(
      result.notes.some((item) => /User appears twice in \[Téléphonie\] \(lines 5 and 6\)/.test(item.message)),
    ).toBe(true);
    expect(result.notes.some((item) => item.message.includes('"select q from t where a = 1; -- trailing"'))).toBe(true);
  });
});
