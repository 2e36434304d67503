import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../../src-main/app-context';
import { defaultWorkspaceFile } from '../../../src-main/data-dir';
import { DEMO_SYSTEM_NAME } from '../../../src-main/demo/demo-queries';
import type { SystemTreeNode } from '../../../src-shared/contract/model';
import { runCliCaptured } from '../../support/cli';
import { filesContainingSecret, sha256File } from '../../support/files';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-cli-');
const CANARY = 'Canary-Pw-7f3a9';

/** A home whose workspace exists already (without the demo), so tests skip generating it. */
function emptyHome(): { home: string; env: NodeJS.ProcessEnv } {
  const home = tempDir().path;
  createAppContext({ dataDir: home, seedDemo: false }).close();
  return { home, env: { ACD_LINK_HOME: home } };
}

async function listJson(env: NodeJS.ProcessEnv): Promise<SystemTreeNode[]> {
  const run = await runCliCaptured(['systems', 'list', '--json'], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as SystemTreeNode[];
}

describe('acd-link systems list', () => {
  it('creates the demo workspace in a fresh ACD_LINK_HOME and lists it as a table', async () => {
    const home = tempDir().path;
    const run = await runCliCaptured(['systems', 'list'], { ACD_LINK_HOME: home });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+VENDOR\s+TIME ZONE\s+CONNECTION\s+INTEGRATIONS$/);
    expect(lines[1]).toMatch(/^-+(\s+-+){4}$/);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(
      new RegExp(
        `^${DEMO_SYSTEM_NAME.replace(/[()]/g, '\\$&')}\\s+universal\\s+Europe/Brussels\\s+sqlite \\S+demo-acd\\.sqlite\\s+3$`,
      ),
    );
    expect(fs.existsSync(defaultWorkspaceFile(home))).toBe(true);
  });

  it('lists as JSON with the integrations', async () => {
    const home = tempDir().path;
    const tree = await listJson({ ACD_LINK_HOME: home });
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ name: DEMO_SYSTEM_NAME, isDemo: true, passwordSet: false });
    expect(tree[0]?.integrations).toHaveLength(3);
  });

  it('says how to add a system when the workspace is empty', async () => {
    const { env } = emptyHome();
    const run = await runCliCaptured(['systems', 'list'], env);
    expect(run).toEqual({ code: 0, stdout: 'No external systems. Add one with "acd-link systems add".\n', stderr: '' });
  });
});

describe('acd-link systems add', () => {
  it.each([
    [
      'sqlite',
      ['--kind', 'sqlite', '--file', '/data/acd.sqlite'],
      { kind: 'sqlite', file: '/data/acd.sqlite' },
      'sqlite /data/acd.sqlite',
    ],
    [
      'postgres',
      ['--kind', 'postgres', '--host', 'acd01', '--port', '5433', '--database', 'cms', '--user', 'reader'],
      { kind: 'postgres', host: 'acd01', port: 5433, database: 'cms', user: 'reader', tls: 'disable' },
      'postgres reader@acd01:5433/cms',
    ],
    [
      'postgres (default port)',
      ['--kind', 'postgres', '--host', 'acd01', '--database', 'cms', '--user', 'reader'],
      { kind: 'postgres', host: 'acd01', port: 5432, database: 'cms', user: 'reader', tls: 'disable' },
      'postgres reader@acd01:5432/cms',
    ],
    [
      'mssql with a named instance',
      ['--kind', 'mssql', '--host', 'ucce', '--instance', 'AW', '--database', 'awdb', '--user', 'wfm'],
      {
        kind: 'mssql',
        host: 'ucce',
        instance: 'AW',
        database: 'awdb',
        user: 'wfm',
        encrypt: true,
        trustServerCertificate: false,
      },
      'mssql wfm@ucce\\AW/awdb',
    ],
    [
      'odbc',
      ['--kind', 'odbc', '--connection-string', 'DSN=acd-reporting;UID=reader'],
      { kind: 'odbc', connectionString: 'DSN=acd-reporting;UID=reader' },
      'odbc DSN=acd-reporting',
    ],
  ])('adds a %s system that list then shows', async (_label, flags, connection, described) => {
    const { env } = emptyHome();
    const add = await runCliCaptured(
      [
        'systems',
        'add',
        '--name',
        'Contact centre',
        '--vendor',
        'avaya-cms',
        '--time-zone',
        'europe/brussels',
        ...flags,
      ],
      env,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^Added external system "Contact centre" \(id \d+\)\.\n$/);

    const tree = await listJson(env);
    expect(tree).toEqual([
      expect.objectContaining({
        name: 'Contact centre',
        vendor: 'avaya-cms',
        timeZone: 'Europe/Brussels',
        connection,
        passwordSet: false,
      }),
    ]);
    const table = await runCliCaptured(['systems', 'list'], env);
    expect(table.stdout).toContain(described);
    expect(table.stdout).toMatch(/Contact centre\s+avaya-cms\s+Europe\/Brussels/);
  });

  it('prints the created system as JSON with --json', async () => {
    const { env } = emptyHome();
    const add = await runCliCaptured(
      ['systems', 'add', '--name', 'A', '--kind', 'sqlite', '--file', 'a.sqlite', '--json'],
      env,
    );
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({
      name: 'A',
      vendor: 'universal',
      timeZone: 'UTC',
      connection: { kind: 'sqlite', file: 'a.sqlite' },
    });
  });

  it('stores a password from --password-env without ever printing or writing it in clear', async () => {
    const { home, env } = emptyHome();
    const withSecret = { ...env, ACD_PW: CANARY };
    const add = await runCliCaptured(
      [
        'systems',
        'add',
        '--name',
        'Avaya',
        '--kind',
        'postgres',
        '--host',
        'acd01',
        '--database',
        'cms',
        '--user',
        'reader',
        '--password-env',
        'ACD_PW',
        '--json',
      ],
      withSecret,
    );
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ name: 'Avaya', passwordSet: true });
    const list = await runCliCaptured(['systems', 'list', '--json'], withSecret);
    const table = await runCliCaptured(['systems', 'list'], withSecret);
    for (const run of [add, list, table]) {
      expect(run.stdout).not.toContain(CANARY);
      expect(run.stderr).not.toContain(CANARY);
    }
    expect((JSON.parse(list.stdout) as SystemTreeNode[])[0]?.passwordSet).toBe(true);
    expect(filesContainingSecret(home, CANARY)).toEqual([]);
  });

  it('exits 2 when the --password-env variable is not set, and adds nothing', async () => {
    const { env } = emptyHome();
    const run = await runCliCaptured(
      ['systems', 'add', '--name', 'A', '--kind', 'sqlite', '--file', 'a', '--password-env', 'NOT_SET'],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('NOT_SET');
    expect(await listJson(env)).toEqual([]);
  });

  it('exits 2 naming --name when it is missing, before creating any workspace', async () => {
    const home = tempDir().path;
    const run = await runCliCaptured(['systems', 'add', '--kind', 'sqlite', '--file', 'a.sqlite'], {
      ACD_LINK_HOME: home,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--name is required');
    expect(fs.existsSync(defaultWorkspaceFile(home))).toBe(false);
  });

  it.each([
    [
      'an unknown time zone',
      ['--time-zone', 'Mars/Olympus'],
      /--time-zone: "Mars\/Olympus" is not a known IANA time zone/,
    ],
    ['an empty name', ['--name', '   '], /--name: must not be empty/],
    ['an unknown vendor', ['--vendor', 'acme'], /--vendor: must be one of/],
    ['an unknown kind', ['--kind', 'oracle'], /kind must be one of sqlite, postgres, mysql, mssql, odbc/],
    ['a port that is not a number', ['--port', 'abc'], /--port must be a whole number, not "abc"/],
    ['a port out of range', ['--port', '70000'], /--port: must be between 1 and 65535/],
    ['an unknown flag', ['--colour', 'red'], /Unknown option '--colour'/],
    ['a missing value', ['--host'], /--host/],
  ])('exits 2 with a message for %s, and adds nothing', async (_label, override, message) => {
    const { env } = emptyHome();
    const base: Record<string, string> = {
      '--name': 'Avaya',
      '--kind': 'postgres',
      '--host': 'acd01',
      '--database': 'cms',
      '--user': 'reader',
    };
    const args = Object.entries(base)
      .filter(([flag]) => !override.includes(flag))
      .flat();
    const run = await runCliCaptured(['systems', 'add', ...args, ...override], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.startsWith('acd-link ')).toBe(true);
    expect(await listJson(env)).toEqual([]);
  });

  it('exits 2 naming --host when a postgres system has none', async () => {
    const { env } = emptyHome();
    const run = await runCliCaptured(
      ['systems', 'add', '--name', 'A', '--kind', 'postgres', '--database', 'cms', '--user', 'r'],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--host');
  });

  it('exits 2 on a duplicate name (case-insensitive) and keeps the first', async () => {
    const { env } = emptyHome();
    expect(
      (await runCliCaptured(['systems', 'add', '--name', 'avaya', '--kind', 'sqlite', '--file', 'first.sqlite'], env))
        .code,
    ).toBe(0);
    const run = await runCliCaptured(
      ['systems', 'add', '--name', ' Avaya ', '--kind', 'sqlite', '--file', 'second.sqlite'],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('An external system named "avaya" already exists');
    expect(await listJson(env)).toEqual([
      expect.objectContaining({ name: 'avaya', connection: { kind: 'sqlite', file: 'first.sqlite' } }),
    ]);
  });
});

describe('acd-link systems delete', () => {
  it('deletes a system by name (case-insensitive) with its integrations', async () => {
    const { env } = emptyHome();
    await runCliCaptured(['systems', 'add', '--name', 'Avaya', '--kind', 'sqlite', '--file', 'a.sqlite'], env);
    await runCliCaptured(['systems', 'add', '--name', 'Genesys', '--kind', 'sqlite', '--file', 'g.sqlite'], env);
    await runCliCaptured(
      ['integrations', 'add', '--system', 'Avaya', '--name', 'Calls', '--import-type', 'interval'],
      env,
    );
    const run = await runCliCaptured(['systems', 'delete', '--name', 'AVAYA'], env);
    expect(run).toEqual({ code: 0, stdout: 'Deleted external system "Avaya" and its 1 integration(s).\n', stderr: '' });
    expect((await listJson(env)).map((system) => system.name)).toEqual(['Genesys']);
  });

  it('exits 2 for a name that does not exist', async () => {
    const { env } = emptyHome();
    const run = await runCliCaptured(['systems', 'delete', '--name', 'Nobody'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no external system named "Nobody"');
  });

  it('reports JSON with --json', async () => {
    const { env } = emptyHome();
    await runCliCaptured(['systems', 'add', '--name', 'Avaya', '--kind', 'sqlite', '--file', 'a.sqlite'], env);
    const run = await runCliCaptured(['systems', 'delete', '--name', 'Avaya', '--json'], env);
    expect(JSON.parse(run.stdout)).toEqual({ deleted: 'Avaya', deletedIntegrations: 0 });
  });
});

describe('acd-link usage and workspace errors', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['systems', 'frobnicate'], /systems: unknown command "frobnicate"/],
    [['systems'], /Usage:/],
    [['integrations', 'nope'], /integrations: unknown command "nope"/],
  ])('exits 2 for %j', async (argv, message) => {
    const { env } = emptyHome();
    const run = await runCliCaptured(argv, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('prints the usage on stderr and exits 2 without arguments, 0 with --help', async () => {
    const home = tempDir().path;
    const bare = await runCliCaptured([], { ACD_LINK_HOME: home });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('acd-link systems add');
    expect(bare.stdout).toBe('');
    const help = await runCliCaptured(['--help'], { ACD_LINK_HOME: home });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 success, 1 a check or operation failed, 2 bad usage or input.');
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('exits 1 for a corrupt --workspace file, says so, and leaves the file untouched', async () => {
    const dir = tempDir();
    const file = dir.join('broken.sqlite');
    fs.writeFileSync(file, Buffer.from('this is not an SQLite database, just some bytes'.repeat(100)));
    const before = sha256File(file);
    for (const argv of [
      ['systems', 'list', '--workspace', file],
      ['systems', 'add', '--name', 'A', '--kind', 'sqlite', '--file', 'a', '--workspace', file],
    ]) {
      const run = await runCliCaptured(argv, { ACD_LINK_HOME: dir.join('home') });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${file} is damaged or not a database`);
      expect(run.stderr).toContain('left untouched');
    }
    expect(sha256File(file)).toBe(before);
    expect(fs.readdirSync(dir.path).sort()).toEqual(['broken.sqlite', 'home']);
  });

  it('exits 1 for a workspace from a newer version', async () => {
    const dir = tempDir();
    const file = dir.join('newer.sqlite');
    createAppContext({ dataDir: dir.join('home'), workspaceFile: file, seedDemo: false }).close();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = sha256File(file);
    const run = await runCliCaptured(['systems', 'list', '--workspace', file], { ACD_LINK_HOME: dir.join('home') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('newer version');
    expect(sha256File(file)).toBe(before);
  });

  it('uses --workspace instead of the default file', async () => {
    const dir = tempDir();
    const file = path.join(dir.path, 'team', 'shared.sqlite');
    createAppContext({ dataDir: dir.join('home'), workspaceFile: file, seedDemo: false }).close();
    const env = { ACD_LINK_HOME: dir.join('home') };
    expect(
      (
        await runCliCaptured(
          ['systems', 'add', '--name', 'A', '--kind', 'sqlite', '--file', 'a', '--workspace', file],
          env,
        )
      ).code,
    ).toBe(0);
    const run = await runCliCaptured(['systems', 'list', '--json', '--workspace', file], env);
    expect((JSON.parse(run.stdout) as SystemTreeNode[]).map((system) => system.name)).toEqual(['A']);
    expect(fs.existsSync(defaultWorkspaceFile(dir.join('home')))).toBe(false);
  });
});

describe('connection descriptions in systems list', () => {
  it('reads ODBC strings with the connection-string parser, braces and escapes included', async () => {
    const { describeConnection } = await import('../../../src-main/cli/commands/describe-connection');
    expect(describeConnection({ kind: 'odbc', connectionString: 'dsn = AvayaCMS;DELIMIDENT=y;' })).toBe(
      'odbc DSN=AvayaCMS',
    );
    expect(describeConnection({ kind: 'odbc', connectionString: 'DRIVER={IBM {INFORMIX}} ODBC};SERVER=s;' })).toBe(
      'odbc DRIVER={IBM {INFORMIX} ODBC}',
    );
    expect(describeConnection({ kind: 'odbc', connectionString: 'SERVER=s;UID=u;' })).toBe('odbc');
  });
});
