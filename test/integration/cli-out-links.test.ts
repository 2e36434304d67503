import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli';
import { runBuiltCli } from '../support/cli-transfer-bin';
import { cliHome, tempFilesIn, type CliHome } from '../support/cli-transfer-workspace';
import { sha256File } from '../support/files';
import { ensureNodeBuild } from '../support/node-build';
import { useTempDirs, type TempDir } from '../support/temp-dir';

/**
 * `acd-link export --out` aimed at the data folder by a route the plain path does not show: a
 * symbolic link at --out, a linked folder, `..`. Each is refused (exit 2) with a message naming
 * what is wrong and where it leads, and secrets.key and the workspace keep their bytes.
 */

const tempDir = useTempDirs('acd-cli-out-links-');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Setup {
  home: CliHome;
  out: TempDir;
  key: string;
  /** The bytes that must not change. */
  fingerprint(): Record<string, string>;
}

async function setUp(): Promise<Setup> {
  const home = await cliHome(tempDir(), { demo: true });
  const out = tempDir();
  const key = home.dir.join('secrets.key');
  expect(fs.existsSync(key)).toBe(true);
  const fingerprint = () => ({ key: sha256File(key), workspace: sha256File(home.workspaceFile) });
  return { home, out, key, fingerprint };
}

/** Runs the export, expects the refusal, and that nothing was written anywhere. */
async function expectRefused(setup: Setup, out: string, stderr: RegExp): Promise<void> {
  const before = setup.fingerprint();
  const outBefore = fs.readdirSync(setup.out.path).sort();
  const run = await setup.home.run(['export', '--format', 'json', '--out', out]);
  expect(run.stderr).toMatch(stderr);
  expect(run).toMatchObject({ code: 2, stdout: '' });
  expect(setup.fingerprint()).toEqual(before);
  expect(fs.readdirSync(setup.out.path).sort()).toEqual(outBefore);
  expect(tempFilesIn(setup.home.dir.path)).toEqual([]);
}

describe('acd-link export --out through links and `..` into the data folder', () => {
  it('refuses --out that is a symbolic link to secrets.key, naming the link and its target', async () => {
    const setup = await setUp();
    const link = setup.out.join('bundle.json');
    fs.symlinkSync(setup.key, link);
    await expectRefused(
      setup,
      link,
      new RegExp(
        `^acd-link export: --out ${escape(link)} is a symbolic link \\(to ${escape(setup.key)}\\); exports are not written through links: name the real file, or another file\\n$`,
      ),
    );
    expect(fs.readlinkSync(link)).toBe(setup.key);
  });

  it('refuses --out inside a linked folder that leads into the data folder (the key, the workspace, a new file)', async () => {
    const setup = await setUp();
    const linkedFolder = setup.out.join('documents');
    fs.symlinkSync(setup.home.dir.path, linkedFolder);
    for (const name of ['secrets.key', 'workspace.sqlite', 'new-export.json'])
      await expectRefused(
        setup,
        path.join(linkedFolder, name),
        new RegExp(
          `^acd-link export: --out ${escape(path.join(linkedFolder, name))} \\(it leads to ${escape(setup.home.dir.join(name))}\\) is the workspace or inside the data folder \\(${escape(setup.home.dir.path)}\\); choose a file elsewhere\\n$`,
        ),
      );
  });

  it('refuses --out with `..` into the data folder, as text and through a link (`link/..`)', async () => {
    const setup = await setUp();
    const leadsToKey = new RegExp(
      `\\(it leads to ${escape(setup.key)}\\) is the workspace or inside the data folder \\(${escape(setup.home.dir.path)}\\)`,
    );
    await expectRefused(setup, `${setup.out.path}/../${path.basename(setup.home.dir.path)}/secrets.key`, leadsToKey);
    // POSIX resolves `link/..` to the parent of the link's target, not to the folder holding the link.
    fs.symlinkSync(setup.home.dir.join('exports'), setup.out.join('staging'));
    await expectRefused(setup, `${setup.out.path}/staging/../secrets.key`, leadsToKey);
  });

  it('refuses the real path when the data folder is given through a link (ACD_LINK_HOME=link)', async () => {
    const setup = await setUp();
    const alias = tempDir().join('home-alias');
    fs.symlinkSync(setup.home.dir.path, alias);
    const before = setup.fingerprint();
    const run = await runCliCaptured(['export', '--format', 'json', '--out', setup.key], { ACD_LINK_HOME: alias });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/is the workspace or inside the data folder/);
    expect(setup.fingerprint()).toEqual(before);
  });

  it('writes an allowed `link/..` path where the system resolves it, and says so', async () => {
    const setup = await setUp();
    const elsewhere = tempDir();
    fs.mkdirSync(elsewhere.join('sub'));
    fs.symlinkSync(elsewhere.join('sub'), setup.out.join('sub-link'));
    const run = await setup.home.run(['export', '--format', 'ini', '--out', `${setup.out.path}/sub-link/../x.ini`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^wrote ${escape(elsewhere.join('x.ini'))} \\(\\d+ bytes\\)\\n$`));
    expect(fs.readdirSync(elsewhere.path).sort()).toEqual(['sub', 'x.ini']);
    expect(fs.readdirSync(setup.out.path)).toEqual(['sub-link']);
  });

  describe('the built acd-link', () => {
    beforeAll(() => ensureNodeBuild(), 120_000);

    it('exits 2 on a linked --out and leaves secrets.key byte-identical', async () => {
      const setup = await setUp();
      fs.symlinkSync(setup.home.dir.path, setup.out.join('documents'));
      const before = setup.fingerprint();
      const run = await runBuiltCli(
        ['export', '--format', 'json', '--out', setup.out.join('documents', 'secrets.key')],
        { ACD_LINK_HOME: setup.home.dir.path },
      );
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toContain(`(it leads to ${setup.key}) is the workspace or inside the data folder`);
      expect(setup.fingerprint()).toEqual(before);
    });
  });
});
