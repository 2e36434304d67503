import { describe, expect, it } from 'vitest';
import { comparablePath, isSameOrInside } from '../../../src-main/files/path-compare';

describe('isSameOrInside', () => {
  it('on Linux: compares exactly, by whole names', () => {
    expect(isSameOrInside('/home/u/.acd', '/home/u/.acd', 'linux')).toBe(true);
    expect(isSameOrInside('/home/u/.acd', '/home/u/.acd/secrets.key', 'linux')).toBe(true);
    expect(isSameOrInside('/home/u/.acd', '/home/u/.acd/exports/1/x.json', 'linux')).toBe(true);
    // A name that starts with two dots is inside, not "above".
    expect(isSameOrInside('/home/u/.acd', '/home/u/.acd/..secrets', 'linux')).toBe(true);
    expect(isSameOrInside('/home/u/.acd', '/home/u/.acd-other/x', 'linux')).toBe(false);
    expect(isSameOrInside('/home/u/.acd', '/home/u/x.json', 'linux')).toBe(false);
    expect(isSameOrInside('/home/u/.acd', '/home/u/.ACD/secrets.key', 'linux')).toBe(false);
    expect(isSameOrInside('/home/u/.acd', '/home/u/x/../.acd/secrets.key', 'linux')).toBe(true);
  });

  it('on Windows: case-insensitive, with the \\\\?\\ prefix, trailing dots and spaces, and streams as Win32 reads them', () => {
    const data = 'C:\\Users\\Me\\AppData\\Roaming\\ACD Link Studio';
    for (const file of [
      'c:\\users\\me\\appdata\\roaming\\acd link studio\\secrets.key',
      'C:\\USERS\\ME\\APPDATA\\ROAMING\\ACD LINK STUDIO\\SECRETS.KEY',
      '\\\\?\\C:\\Users\\Me\\AppData\\Roaming\\ACD Link Studio\\secrets.key',
      'C:\\Users\\Me\\AppData\\Roaming\\ACD Link Studio. \\secrets.key',
      'C:/Users/Me/AppData/Roaming/ACD Link Studio/secrets.key',
      'C:\\Users\\Me\\Desktop\\..\\AppData\\Roaming\\ACD Link Studio\\secrets.key',
    ])
      expect(isSameOrInside(data, file, 'win32'), file).toBe(true);
    for (const file of [
      'C:\\Users\\Me\\AppData\\Roaming\\ACD Link Studio 2\\secrets.key',
      'D:\\Users\\Me\\AppData\\Roaming\\ACD Link Studio\\secrets.key',
      'C:\\Users\\Me\\Desktop\\secrets.key',
    ])
      expect(isSameOrInside(data, file, 'win32'), file).toBe(false);
    expect(isSameOrInside('\\\\server\\share\\acd', '\\\\?\\UNC\\SERVER\\Share\\ACD\\workspace.sqlite', 'win32')).toBe(
      true,
    );
  });

  it('on macOS: case-insensitive and in one Unicode form', () => {
    expect(isSameOrInside('/Users/me/Library/ACD', '/users/ME/library/acd/secrets.key', 'darwin')).toBe(true);
    expect(isSameOrInside('/Users/me/Café', '/Users/me/Cafe\u0301/x', 'darwin')).toBe(true);
  });
});

describe('comparablePath', () => {
  it('names the file a Windows path reaches: no stream, no trailing dots or spaces, one case', () => {
    expect(comparablePath('C:\\Data\\workspace.sqlite:evil', 'win32')).toBe('c:\\data\\workspace.sqlite');
    expect(comparablePath('C:\\Data\\Workspace.SQLite. . ', 'win32')).toBe('c:\\data\\workspace.sqlite');
    expect(comparablePath('/data/Workspace.sqlite.', 'linux')).toBe('/data/Workspace.sqlite.');
  });
});
