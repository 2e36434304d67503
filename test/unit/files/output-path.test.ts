import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputPathError, resolveOutputPath } from '../../../src-main/files/output-path';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-out-path-');

/** A data folder with a key and a workspace, and an ordinary folder beside it for exports. */
function setUp() {
  const dir = tempDir();
  const dataDir = dir.join('home');
  const outDir = dir.join('out');
  fs.mkdirSync(path.join(dataDir, 'exports'), { recursive: true });
  fs.mkdirSync(outDir);
  fs.writeFileSync(path.join(dataDir, 'secrets.key'), 'KEY');
  fs.writeFileSync(path.join(dataDir, 'workspace.sqlite'), 'DB');
  return { dir, dataDir, outDir, places: { dataDir } };
}

function refusal(given: string, places: { dataDir: string; workspaceFile?: string }): string {
  try {
    resolveOutputPath(given, `--out ${given}`, places);
  } catch (error) {
    expect(error).toBeInstanceOf(OutputPathError);
    return (error as Error).message;
  }
  throw new Error(`${given} was accepted`);
}

describe('resolveOutputPath', () => {
  it('accepts a new or existing regular file outside the data folder, as its real path', () => {
    const { dir, outDir, places } = setUp();
    expect(resolveOutputPath(path.join(outDir, 'a.json'), 'x', places)).toBe(path.join(outDir, 'a.json'));
    fs.writeFileSync(path.join(outDir, 'old.json'), 'old');
    expect(resolveOutputPath(path.join(outDir, 'old.json'), 'x', places)).toBe(path.join(outDir, 'old.json'));
    // A link to a folder outside the data folder is fine; the write goes to the real folder.
    fs.symlinkSync(outDir, dir.join('shortcut'));
    expect(resolveOutputPath(dir.join('shortcut', 'b.json'), 'x', places)).toBe(path.join(outDir, 'b.json'));
    // A name that only starts like the workspace's is not one of its files.
    const workspaceFile = path.join(outDir, 'team.sqlite');
    expect(resolveOutputPath(`${workspaceFile}.json`, 'x', { ...places, workspaceFile })).toBe(`${workspaceFile}.json`);
  });

  it('refuses a symbolic link at the path itself, wherever it points, naming its target', () => {
    const { dataDir, outDir, places } = setUp();
    const toKey = path.join(outDir, 'bundle.json');
    fs.symlinkSync(path.join(dataDir, 'secrets.key'), toKey);
    expect(refusal(toKey, places)).toBe(
      `--out ${toKey} is a symbolic link (to ${path.join(dataDir, 'secrets.key')}); exports are not written through links: name the real file, or another file`,
    );
    const harmless = path.join(outDir, 'harmless.json');
    fs.writeFileSync(path.join(outDir, 'real.json'), 'x');
    fs.symlinkSync('real.json', harmless);
    expect(refusal(harmless, places)).toMatch(/is a symbolic link \(to real\.json\)/);
    const dangling = path.join(outDir, 'dangling.json');
    fs.symlinkSync(path.join(outDir, 'nowhere'), dangling);
    expect(refusal(dangling, places)).toMatch(/is a symbolic link/);
  });

  it('refuses the data folder reached through a linked folder, `link/..`, plain `..`, or given through a link', () => {
    const { dir, dataDir, outDir, places } = setUp();
    const key = path.join(dataDir, 'secrets.key');
    fs.symlinkSync(dataDir, path.join(outDir, 'home-link'));
    const throughLink = path.join(outDir, 'home-link', 'secrets.key');
    expect(refusal(throughLink, places)).toBe(
      `--out ${throughLink} (it leads to ${key}) is the workspace or inside the data folder (${dataDir}); choose a file elsewhere`,
    );
    // POSIX resolves `link/..` to the parent of the link's target: here, the data folder.
    fs.symlinkSync(path.join(dataDir, 'exports'), path.join(outDir, 'exports-link'));
    const dotDot = `${outDir}/exports-link/../secrets.key`;
    expect(refusal(dotDot, places)).toContain(`(it leads to ${key}) is the workspace or inside the data folder`);
    const plainDotDot = `${outDir}/../home/secrets.key`;
    expect(refusal(plainDotDot, places)).toContain(`(it leads to ${key})`);
    expect(refusal(path.join(dataDir, 'new-file.json'), places)).toMatch(/inside the data folder/);
    expect(refusal(path.join(dataDir, 'exports', 'x.json'), places)).toMatch(/inside the data folder/);
    // The data folder named through a link (ACD_LINK_HOME=/some/link): its real place is protected.
    fs.symlinkSync(dataDir, dir.join('home-alias'));
    expect(refusal(key, { dataDir: dir.join('home-alias') })).toMatch(/inside the data folder/);
  });

  it('refuses a workspace outside the data folder, its sidecars and backups, and a hard link to it', () => {
    const { dir, outDir, places } = setUp();
    const workspaceFile = dir.join('elsewhere', 'team.sqlite');
    fs.mkdirSync(path.dirname(workspaceFile));
    fs.writeFileSync(workspaceFile, 'DB');
    const withWorkspace = { ...places, workspaceFile };
    for (const file of [
      workspaceFile,
      `${workspaceFile}-wal`,
      `${workspaceFile}-shm`,
      `${workspaceFile}.v1-2024-01-01T00-00-00-000Z.bak`,
    ])
      expect(refusal(file, withWorkspace), file).toMatch(/is the workspace or inside the data folder/);
    const hardLink = path.join(outDir, 'innocent.json');
    fs.linkSync(workspaceFile, hardLink);
    expect(refusal(hardLink, withWorkspace)).toMatch(/is the workspace or inside the data folder/);
  });

  it('refuses a folder, a missing folder, a trailing separator and a named pipe, saying which', () => {
    const { outDir, places } = setUp();
    expect(refusal(outDir, places)).toBe(`--out ${outDir} is a folder; name the file to write`);
    expect(refusal(`${outDir}/x.json/`, places)).toMatch(/is a folder; name the file to write/);
    expect(refusal(`${outDir}/..`, places)).toMatch(/is a folder/);
    const missing = path.join(outDir, 'missing', 'x.json');
    expect(refusal(missing, places)).toBe(`the folder of --out ${missing} does not exist`);
    fs.writeFileSync(path.join(outDir, 'file'), 'x');
    expect(refusal(path.join(outDir, 'file', 'x.json'), places)).toMatch(/the folder of .* does not exist/);
    const pipe = path.join(outDir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    expect(refusal(pipe, places)).toMatch(/is not a regular file/);
  });
});
