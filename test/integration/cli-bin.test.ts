import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkspaceFile } from '../../src-main/data-dir';
import { DEMO_SYSTEM_NAME } from '../../src-main/demo/demo-queries';
import type { SystemTreeNode } from '../../src-shared/contract/model';
import { filesContainingSecret, sha256File } from '../support/files';
import { CLI_BIN, ensureNodeBuild } from '../support/node-build';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs('acd-bin-');
const CANARY = 'Canary-Pw-7f3a9';

interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/acd-link.cjs like a user would, with only the environment it is given plus PATH. */
function acdLink(args: string[], env: NodeJS.ProcessEnv): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { env: { PATH: process.env.PATH, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(() => ensureNodeBuild(), 120_000);

describe('the built acd-link command', () => {
  it('creates and lists the demo in a fresh ACD_LINK_HOME (text and --json)', async () => {
    const home = tempDir().path;
    const text = await acdLink(['systems', 'list'], { ACD_LINK_HOME: home });
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toContain(DEMO_SYSTEM_NAME);
    expect(fs.existsSync(defaultWorkspaceFile(home))).toBe(true);

    const json = await acdLink(['systems', 'list', '--json'], { ACD_LINK_HOME: home });
    expect(json.code).toBe(0);
    const tree = JSON.parse(json.stdout) as SystemTreeNode[];
    expect(tree.map((system) => [system.name, system.integrations.length])).toEqual([[DEMO_SYSTEM_NAME, 3]]);
  });

  it('adds a system with --password-env; the password never shows up in output or files', async () => {
    const home = tempDir().path;
    const env = { ACD_LINK_HOME: home, WFM_DB_PASSWORD: CANARY };
    const add = await acdLink(
      [
        'systems',
        'add',
        '--name',
        'Avaya',
        '--kind',
        'postgres',
        '--host',
        'acd01',
        '--port',
        '5433',
        '--database',
        'cms',
        '--user',
        'reader',
        '--password-env',
        'WFM_DB_PASSWORD',
      ],
      env,
    );
    expect(add).toMatchObject({ code: 0, stderr: '' });
    const list = await acdLink(['systems', 'list', '--json'], env);
    const avaya = (JSON.parse(list.stdout) as SystemTreeNode[]).find((system) => system.name === 'Avaya');
    expect(avaya).toMatchObject({ passwordSet: true, connection: { kind: 'postgres', port: 5433 } });
    for (const run of [add, list]) expect(run.stdout + run.stderr).not.toContain(CANARY);
    expect(filesContainingSecret(home, CANARY)).toEqual([]);
  });

  it('exits 2 for bad usage and input', async () => {
    const home = tempDir().path;
    const env = { ACD_LINK_HOME: home };
    const missingName = await acdLink(['systems', 'add', '--kind', 'sqlite', '--file', 'x'], env);
    expect(missingName.code).toBe(2);
    expect(missingName.stderr).toContain('--name');
    const badZone = await acdLink(
      ['systems', 'add', '--name', 'A', '--kind', 'sqlite', '--file', 'x', '--time-zone', 'Mars/Olympus'],
      env,
    );
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toContain('--time-zone');
    expect((await acdLink(['bogus'], env)).code).toBe(2);
    expect((await acdLink(['systems', 'list', '--bogus'], env)).code).toBe(2);
  });

  it('exits 1 for a corrupt workspace and leaves it untouched', async () => {
    const dir = tempDir();
    const file = dir.join('garbage.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const before = sha256File(file);
    const run = await acdLink(['systems', 'list', '--workspace', file], { ACD_LINK_HOME: dir.join('home') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('damaged or not a database');
    expect(sha256File(file)).toBe(before);
  });
});
