import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import ini from 'ini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SYSTEM_NAME } from '../../src-main/demo/demo-queries';
import { CLI_XLINK, EXPECTED_ROWS, SEED_SAMPLE, useXlinkDataSources } from '../support/cli-transfer-acd';
import { runBuiltCli } from '../support/cli-transfer-bin';
import {
  cliHome,
  comparable,
  integrationLine,
  systemNamed,
  tempFilesIn,
  type CliHome,
} from '../support/cli-transfer-workspace';
import {
  CANARY_PASSWORD,
  closedPort,
  ensureMysqlTestDatabase,
  MYSQL_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
} from '../support/databases';
import { filesContainingSecret, secretEncodings, sha256File } from '../support/files';
import { ensureNodeBuild } from '../support/node-build';
import { makeTempDir, useTempDirs, type TempDir } from '../support/temp-dir';

/**
 * `acd-link import` and `acd-link export` end to end: the in-process CLI (and once the built bin)
 * on real workspaces in temporary ACD_LINK_HOMEs, Xlink files whose DSN is a SQLite file through
 * the SQLite3 ODBC driver, a MariaDB login with the canary password, and the embedded demo.
 */

const tempDir = useTempDirs('acd-cli-transfer-');
const dataSources = useXlinkDataSources();

const INTEGRATION_NAMES = ['Intervals', 'Contacts', 'Agent states'] as const;
const MARIADB = 'MariaDB ACD';
const MARIADB_SQL =
  'SELECT queue_id AS queueidentifier, queue_name AS queuename, interval_start AS timestamp, offered, answered, handling_time AS handlingtime FROM queue_stats ORDER BY 3, 1';

/** The summary the import prints after previewing one integration. */
const checked = (rows: number) => new RegExp(`: ${rows} row\\(s\\) previewed, 0 error\\(s\\), \\d+ warning\\(s\\)$`);
const importCli = (...extra: string[]) => ['import', '--from', CLI_XLINK.ini, '--acd-map', CLI_XLINK.acdMap, ...extra];

/** The MariaDB test login as a workspace system, its password given once through the environment. */
async function addMariadbSystem(home: CliHome): Promise<void> {
  const added = await home.run(
    [
      'systems',
      'add',
      '--name',
      MARIADB,
      '--kind',
      'mysql',
      '--host',
      MYSQL_ENDPOINT.host,
      '--port',
      String(MYSQL_ENDPOINT.port),
      '--database',
      TEST_DATABASE,
      '--user',
      READER_LOGIN,
      '--password-env',
      'ACD_MARIADB_PW',
      '--vendor',
      'other',
      '--time-zone',
      'UTC',
    ],
    { ACD_MARIADB_PW: CANARY_PASSWORD },
  );
  expect(added, added.stderr).toMatchObject({ code: 0, stderr: '' });
  const sqlDir = makeTempDir('acd-cli-transfer-sql-');
  const sqlFile = sqlDir.join('queue-stats.sql');
  fs.writeFileSync(sqlFile, MARIADB_SQL);
  try {
    for (const args of [
      ['--name', 'Queue stats', '--import-type', 'interval'],
      [
        '--name',
        'Queue stats (30 min)',
        '--import-type',
        'interval',
        '--interval',
        '30',
        '--rules',
        'wfm-2023-12',
        '--real-time',
        '--no-reconciliation',
        '--paused',
      ],
    ]) {
      const integration = await home.run(['integrations', 'add', '--system', MARIADB, ...args, '--sql', sqlFile]);
      expect(integration, integration.stderr).toMatchObject({ code: 0, stderr: '' });
    }
  } finally {
    sqlDir.remove();
  }
}

/** A folder for one describe block, kept across its tests. */
function useSharedDir(prefix: string): () => TempDir {
  let dir: TempDir | undefined;
  afterAll(() => dir?.remove());
  return () => (dir ??= makeTempDir(prefix));
}

describe('acd-link import of an Xlink configuration', () => {
  it('imports the seed sample: the system, three integrations previewed through its DSN, and the notes', async () => {
    const home = await cliHome(tempDir(), { demo: false });
    const run = await home.run(['import', '--from', SEED_SAMPLE.ini]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`created system "${SEED_SAMPLE.system}"`);
    for (const name of INTEGRATION_NAMES)
      expect(integrationLine(run.stdout, name)).toMatch(checked(EXPECTED_ROWS[name]));
    expect(run.stdout).toContain('Not translated, or translated on an assumption:');
    expect(run.stdout).toMatch(
      /^ {2}warning: \[Universal ACD\] Password line 10: .*stored encoded.*enter it again after the import\.$/m,
    );
    expect(run.stdout).toMatch(/^ {2}info: \[Universal ACD\] QueueSQL line 11: QueueSQL is not needed any more/m);

    const [system, ...others] = await home.tree();
    expect(others).toEqual([]);
    expect(system).toMatchObject({
      name: SEED_SAMPLE.system,
      isDemo: false,
      passwordSet: false,
      connection: { kind: 'odbc', connectionString: `DSN=${SEED_SAMPLE.dsn};UID=${SEED_SAMPLE.user};` },
    });
    expect(system?.integrations.map((item) => [item.name, item.importType]).sort()).toEqual([
      ['Agent states', 'agent-states'],
      ['Contacts', 'contact'],
      ['Intervals', 'interval'],
    ]);
  });

  it('--json gives what the text shows as data; acd_map.ini names the measures; --password-env stores the password', async () => {
    const env = { ACD_CLI_PW: CANARY_PASSWORD };
    const textHome = await cliHome(tempDir(), { demo: false });
    const text = await textHome.run(importCli(), env);
    expect(text.code, text.stderr).toBe(0);

    const home = await cliHome(tempDir(), { demo: false });
    const run = await home.run(importCli('--password-env', `${CLI_XLINK.system}=ACD_CLI_PW`, '--json'), env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as {
      kind: string;
      systems: { id: number; name: string; replaced: boolean }[];
      integrations: { id: number; systemId: number; name: string }[];
      skipped: string[];
      notes: { severity: string; section: string | null; key: string | null; line: number | null; message: string }[];
      checks: { integrationId: number; name: string; ok: boolean; rows: number; errors: number; summary: string }[];
    };
    expect(result).toMatchObject({
      kind: 'xlink',
      skipped: [],
      systems: [{ name: CLI_XLINK.system, replaced: false }],
    });

    const system = systemNamed(await home.tree(), CLI_XLINK.system);
    expect(result.systems[0]?.id).toBe(system.id);
    expect(system).toMatchObject({
      passwordSet: true,
      connection: { kind: 'odbc', connectionString: `DSN=${CLI_XLINK.dsn};UID=${CLI_XLINK.user};` },
    });
    expect(
      result.integrations.map(({ id, systemId, name }) => ({ id, systemId, name })).sort((a, b) => a.id - b.id),
    ).toEqual(
      system.integrations.map(({ id, systemId, name }) => ({ id, systemId, name })).sort((a, b) => a.id - b.id),
    );
    // acd_map.ini says which value type holds which measure, so nothing is mapped by position.
    expect(system.integrations.find((item) => item.name === 'Intervals')?.sql).toMatch(
      /SUM\(c\.vt_in\) AS offered[\s\S]*SUM\(c\.vt_done\) AS answered[\s\S]*SUM\(c\.vt_secs\) AS handlingtime/,
    );
    expect(result.notes.some((item) => /mapped by position/.test(item.message))).toBe(false);
    expect(result.notes).toContainEqual(
      expect.objectContaining({ severity: 'warning', section: CLI_XLINK.system, key: 'Password', line: 10 }),
    );
    expect(result.notes).toContainEqual(
      expect.objectContaining({ severity: 'info', section: CLI_XLINK.system, key: 'QueueSQL', line: 11 }),
    );

    for (const name of INTEGRATION_NAMES) {
      const integration = result.integrations.find((item) => item.name === name);
      const check = result.checks.find((item) => item.integrationId === integration?.id);
      expect(check).toMatchObject({ name, ok: true, rows: EXPECTED_ROWS[name], errors: 0 });
      // The text run of the same import prints the same summary on the integration's line.
      expect(integrationLine(text.stdout, name)).toBe(`  integration "${name}": ${check?.summary}`);
    }
    for (const note of result.notes) expect(text.stdout).toContain(note.message);

    expect(home.allOutput()).not.toContain(CANARY_PASSWORD);
    expect(filesContainingSecret(home.dir.path, CANARY_PASSWORD)).toEqual([]);
  });

  it('--no-check imports without previewing, in text and in --json', async () => {
    const home = await cliHome(tempDir(), { demo: false });
    const text = await home.run(importCli('--no-check'));
    expect(text.code, text.stderr).toBe(0);
    for (const name of INTEGRATION_NAMES) expect(integrationLine(text.stdout, name)).toBe(`  integration "${name}"`);
    expect(text.stdout).not.toContain('previewed');

    const json = await home.run(importCli('--no-check', '--json'));
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ checks: [], systems: [{ name: `${CLI_XLINK.system} (2)` }] });
  });

  describe('the built bin', () => {
    beforeAll(() => ensureNodeBuild(), 120_000);

    it('finds the DSN through the ODBCINI of its own environment, in its driver processes too', async () => {
      const home = tempDir();
      // process.env is not passed on: only what a user's shell would have.
      const run = await runBuiltCli(importCli(), { ACD_LINK_HOME: home.path, ODBCINI: dataSources.odbcIni });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(`created system "${CLI_XLINK.system}"`);
      for (const name of INTEGRATION_NAMES)
        expect(integrationLine(run.stdout, name)).toMatch(checked(EXPECTED_ROWS[name]));
    });
  });
});

describe('acd-link import when the system exists', () => {
  it('renames by default, skips with --on-conflict skip and replaces with --on-conflict replace', async () => {
    const home = await cliHome(tempDir(), { demo: false });
    expect((await home.run(importCli('--no-check'))).code).toBe(0);
    const first = systemNamed(await home.tree(), CLI_XLINK.system);

    const renamed = await home.run(importCli('--no-check'));
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout.split('\n')[0]).toBe(`created system "${CLI_XLINK.system} (2)"`);
    const afterRename = await home.tree();
    expect(afterRename.map((system) => system.name).sort()).toEqual([CLI_XLINK.system, `${CLI_XLINK.system} (2)`]);
    expect(systemNamed(afterRename, `${CLI_XLINK.system} (2)`).integrations).toHaveLength(3);
    expect(systemNamed(afterRename, CLI_XLINK.system)).toEqual(first);

    const before = await home.snapshot();
    const skipped = await home.run(importCli('--no-check', '--on-conflict', 'skip'));
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout.split('\n').slice(0, 2)).toEqual([
      `skipped system "${CLI_XLINK.system}" (it already exists)`,
      'Nothing was created.',
    ]);
    expect((await home.snapshot()).tree).toEqual(before.tree);

    const replaced = await home.run(importCli('--no-check', '--on-conflict', 'replace', '--json'));
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ systems: [{ name: CLI_XLINK.system, replaced: true }] });
    const afterReplace = await home.tree();
    expect(afterReplace).toHaveLength(2);
    const replacement = systemNamed(afterReplace, CLI_XLINK.system);
    const oldIds = new Set(first.integrations.map((item) => item.id));
    expect(replacement.integrations.map((item) => item.name).sort()).toEqual(
      first.integrations.map((item) => item.name).sort(),
    );
    expect(replacement.integrations.filter((item) => oldIds.has(item.id))).toEqual([]);
    expect(systemNamed(afterReplace, `${CLI_XLINK.system} (2)`)).toEqual(
      systemNamed(afterRename, `${CLI_XLINK.system} (2)`),
    );
  });
});

describe('workspace bundles from one workspace to another', () => {
  const sharedDir = useSharedDir('acd-cli-bundle-');
  let source: CliHome;

  beforeAll(async () => {
    await ensureMysqlTestDatabase();
    source = await cliHome(sharedDir(), { demo: false });
    await addMariadbSystem(source);
    expect((await source.run(importCli('--no-check'))).code).toBe(0);
  });

  const expectNoCanary = (file: string) => {
    const bytes = fs.readFileSync(file);
    for (const needle of secretEncodings(CANARY_PASSWORD)) expect(bytes.includes(needle)).toBe(false);
  };

  it('without a passphrase: no password in the file; the import sets none unless --password-env gives it', async () => {
    const out = tempDir();
    const bundle = out.join('a.json');
    const exported = await source.run(['export', '--format', 'json', '--out', bundle]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^wrote .*a\.json \(\d+ bytes\)\n$/);
    expect(exported.stderr).toContain(`Passwords are not included (no passphrase was given)`);
    expectNoCanary(bundle);
    const file = JSON.parse(fs.readFileSync(bundle, 'utf8')) as { secrets?: unknown; systems: { name: string }[] };
    expect(file.secrets).toBeUndefined();
    expect(file.systems.find((system) => system.name === MARIADB)).toMatchObject({ passwordSet: true });

    const expected = comparable(await source.tree());
    const target = await cliHome(tempDir(), { demo: false });
    const imported = await target.run(['import', '--from', bundle]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(comparable(await target.tree())).toEqual(
      expected.map((system) => (system.name === MARIADB ? { ...system, passwordSet: false } : system)),
    );
    // Without its password the MariaDB login is refused, and the check says so.
    expect(integrationLine(imported.stdout, 'Queue stats')).toMatch(/: preview failed: .*password/);
    // The import says which password is still to enter, as the UI asks for it.
    expect(imported.stdout).toContain(`[${MARIADB}]: The bundle does not carry this system's password`);

    // The same bundle saved as UTF-16 (Notepad's "Unicode", PowerShell) is read as a bundle too.
    const utf16 = out.join('a-utf16.json');
    fs.writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(bundle, 'utf8'), 'utf16le')]),
    );
    const fromUtf16 = await cliHome(tempDir(), { demo: false });
    const importedUtf16 = await fromUtf16.run(['import', '--from', utf16, '--no-check']);
    expect(importedUtf16.code, importedUtf16.stderr).toBe(0);
    expect(comparable(await fromUtf16.tree())).toEqual(comparable(await target.tree()));

    const withPassword = await cliHome(tempDir(), { demo: false });
    const given = await withPassword.run(['import', '--from', bundle, '--password-env', `${MARIADB}=ACD_TARGET_PW`], {
      ACD_TARGET_PW: CANARY_PASSWORD,
    });
    expect(given.code, given.stderr).toBe(0);
    expect(comparable(await withPassword.tree())).toEqual(expected);
    expect(integrationLine(given.stdout, 'Queue stats')).toMatch(/: \d+ row\(s\) previewed, /);

    for (const home of [source, target, withPassword]) {
      expect(home.allOutput()).not.toContain(CANARY_PASSWORD);
      expect(filesContainingSecret(home.dir.path, CANARY_PASSWORD)).toEqual([]);
    }
  });

  it('with --passphrase-file: the password travels encrypted and only the same passphrase opens it', async () => {
    const out = tempDir();
    const passphrase = out.join('passphrase.txt');
    fs.writeFileSync(passphrase, 'correct horse battery staple\nthe second line is not part of it\n');
    const wrongPassphrase = out.join('wrong.txt');
    fs.writeFileSync(wrongPassphrase, 'correct horse battery stapler\n');
    const bundle = out.join('encrypted.json');
    const exported = await source.run(['export', '--format', 'json', '--out', bundle, '--passphrase-file', passphrase]);
    expect(exported.code, exported.stderr).toBe(0);
    expectNoCanary(bundle);
    const file = JSON.parse(fs.readFileSync(bundle, 'utf8')) as { secrets?: { cipher: string }; systems: unknown[] };
    expect(file.secrets?.cipher).toBe('aes-256-gcm');
    expect(file.systems).toContainEqual(expect.objectContaining({ name: MARIADB, passwordIncluded: true }));

    const target = await cliHome(tempDir(), { demo: false });
    const before = await target.snapshot();
    const wrong = await target.run(['import', '--from', bundle, '--passphrase-file', wrongPassphrase]);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toMatch(/The passphrase is wrong or the bundle was altered; nothing was imported\./);
    const missing = await target.run(['import', '--from', bundle]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/carries encrypted passwords: enter the passphrase/);
    expect(await target.snapshot()).toEqual(before);

    const imported = await target.run(['import', '--from', bundle, '--passphrase-file', passphrase]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(comparable(await target.tree())).toEqual(comparable(await source.tree()));
    // The decrypted password logs in: the check previews the MariaDB rows.
    expect(integrationLine(imported.stdout, 'Queue stats')).toMatch(/: \d+ row\(s\) previewed, /);

    for (const home of [source, target]) {
      expect(home.allOutput()).not.toContain(CANARY_PASSWORD);
      expect(filesContainingSecret(home.dir.path, CANARY_PASSWORD)).toEqual([]);
    }
  });
});

describe('acd-link export of every format to --out', () => {
  const sharedDir = useSharedDir('acd-cli-export-');
  let home: CliHome;

  beforeAll(async () => {
    await ensureMysqlTestDatabase();
    // The default workspace is created with the demo when missing.
    home = await cliHome(sharedDir(), { demo: true });
    expect((await home.tree()).map((system) => system.name)).toEqual([DEMO_SYSTEM_NAME]);
    await addMariadbSystem(home);
    expect((await home.run(importCli('--no-check'))).code).toBe(0);
  });

  /** The one line a successful export prints, read back. */
  function wrote(stdout: string): { file: string; bytes: number; rows?: number; leftOut: number } {
    const match = /^wrote (.+) \((\d+) bytes\)(?:: (\d+) row\(s\)(?:, (\d+) left out.*)?)?\n$/.exec(stdout);
    if (!match) throw new Error(`unexpected output: ${stdout}`);
    return {
      file: match[1] ?? '',
      bytes: Number(match[2]),
      ...(match[3] !== undefined ? { rows: Number(match[3]) } : {}),
      leftOut: Number(match[4] ?? 0),
    };
  }

  async function exportTo(file: string, ...args: string[]) {
    const run = await home.run(['export', ...args, '--out', file]);
    expect(run.code, run.stderr).toBe(0);
    const written = wrote(run.stdout);
    expect(written.file).toBe(file);
    expect(written.bytes).toBe(fs.statSync(file).size);
    return { ...run, ...written };
  }

  const demo = async () => systemNamed(await home.tree(), DEMO_SYSTEM_NAME);

  /** The rows a query returns in the demo database, counted by SQLite itself. */
  async function demoCount(integrationName: string): Promise<number> {
    const system = await demo();
    if (system.connection.kind !== 'sqlite') throw new Error('the demo is an SQLite file');
    const sql = system.integrations.find((item) => item.name === integrationName)?.sql ?? '';
    const db = new Database(system.connection.file, { readonly: true });
    try {
      return (db.prepare(`SELECT count(*) AS n FROM (${sql}\n)`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  it('ini: Xlink sections a standard INI parser reads back, with each DSN; --system limits it', async () => {
    const out = tempDir();
    await exportTo(out.join('isps_ul.ini'), '--format', 'ini');
    const parsed = ini.parse(iconv.decode(fs.readFileSync(out.join('isps_ul.ini')), 'windows-1252')) as Record<
      string,
      Record<string, string>
    >;
    expect(Object.keys(parsed).sort()).toEqual([CLI_XLINK.system, DEMO_SYSTEM_NAME, MARIADB].sort());
    expect(parsed[CLI_XLINK.system]).toMatchObject({
      DSN: CLI_XLINK.dsn,
      User: CLI_XLINK.user,
      ValueTypes: 'offered;answered;handlingtime',
    });
    expect(parsed[MARIADB]).toMatchObject({ DSN: MARIADB, User: READER_LOGIN });
    expect(parsed[DEMO_SYSTEM_NAME]?.DSN).toEqual(expect.any(String));
    for (const section of Object.values(parsed)) expect(Object.keys(section)).not.toContain('Password');

    await exportTo(out.join('one.ini'), '--format', 'ini', '--system', CLI_XLINK.system);
    const one = ini.parse(iconv.decode(fs.readFileSync(out.join('one.ini')), 'windows-1252')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(one)).toEqual([CLI_XLINK.system]);
  });

  it('handoff: HTML by default, Markdown for an --out ending in .md or with --handoff-format markdown', async () => {
    const out = tempDir();
    const ambiguous = await home.run([
      'export',
      '--format',
      'handoff',
      '--integration',
      'Contacts',
      '--out',
      out.join('x.html'),
    ]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('several systems have an integration named "Contacts"; add --system NAME');
    expect(fs.readdirSync(out.path)).toEqual([]);

    const demoContacts = ['--format', 'handoff', '--system', DEMO_SYSTEM_NAME, '--integration', 'Contacts'];
    await exportTo(out.join('sheet.html'), ...demoContacts);
    const html = fs.readFileSync(out.join('sheet.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<title>Hand-off sheet: Contacts (${DEMO_SYSTEM_NAME})</title>`);

    await exportTo(out.join('sheet.md'), ...demoContacts);
    const markdown = fs.readFileSync(out.join('sheet.md'), 'utf8');
    expect(markdown.startsWith('# Hand-off sheet: Contacts\n')).toBe(true);
    expect(markdown).toContain(`External system: **${DEMO_SYSTEM_NAME}**`);

    await exportTo(out.join('sheet.txt'), ...demoContacts, '--handoff-format', 'markdown');
    expect(fs.readFileSync(out.join('sheet.txt'), 'utf8').startsWith('# Hand-off sheet: Contacts\n')).toBe(true);
    await exportTo(out.join('forced.md'), ...demoContacts, '--handoff-format', 'html');
    expect(fs.readFileSync(out.join('forced.md'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('csv: every validated row of the demo integration, or the first N with --limit', async () => {
    const out = tempDir();
    const interval = ['--format', 'csv', '--integration', 'Queue statistics (15 min)'];
    const all = await exportTo(out.join('all.csv'), ...interval);
    const records = parseCsv(fs.readFileSync(out.join('all.csv')), { columns: true }) as Record<string, string>[];
    expect(records.length).toBe(all.rows);
    expect((all.rows ?? 0) + all.leftOut).toBe(await demoCount('Queue statistics (15 min)'));
    expect(Object.keys(records[0] ?? {})).toEqual(
      expect.arrayContaining(['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime']),
    );

    const first = await exportTo(out.join('first.csv'), ...interval, '--limit', '5');
    expect(first.rows).toBe(5);
    const limited = parseCsv(fs.readFileSync(out.join('first.csv')), { columns: true }) as Record<string, string>[];
    expect(limited).toEqual(records.slice(0, 5));
  });

  it('jsonl: one WFM record per line, or the first N with --limit (--json reports the counts)', async () => {
    const out = tempDir();
    const states = ['--format', 'jsonl', '--system', DEMO_SYSTEM_NAME, '--integration', 'Agent states'];
    const all = await exportTo(out.join('all.jsonl'), ...states);
    const lines = fs.readFileSync(out.join('all.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(all.rows);
    expect((all.rows ?? 0) + all.leftOut).toBe(await demoCount('Agent states'));
    for (const line of lines.slice(0, 50))
      expect(JSON.parse(line)).toMatchObject({ agentIdentifier: expect.any(String), startTime: expect.any(String) });

    const file = out.join('first.jsonl');
    const run = await home.run(['export', ...states, '--limit', '3', '--out', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      out: file,
      bytes: fs.statSync(file).size,
      rowsWritten: 3,
      rowsLeftOut: 0,
      fileName: expect.stringMatching(/\.jsonl$/),
    });
    expect(fs.readFileSync(file, 'utf8').trimEnd().split('\n')).toEqual(lines.slice(0, 3));
  });

  it('no exported file and no output holds the stored password', async () => {
    const out = tempDir();
    await exportTo(out.join('isps_ul.ini'), '--format', 'ini');
    await exportTo(out.join('bundle.json'), '--format', 'json');
    await exportTo(out.join('mariadb.html'), '--format', 'handoff', '--integration', 'Queue stats');
    await exportTo(out.join('mariadb.md'), '--format', 'handoff', '--integration', 'Queue stats');
    await exportTo(
      out.join('rows.csv'),
      '--format',
      'csv',
      '--integration',
      'Queue statistics (15 min)',
      '--limit',
      '20',
    );
    await exportTo(
      out.join('rows.jsonl'),
      ...['--format', 'jsonl', '--integration', 'Queue statistics (15 min)', '--limit', '20'],
    );
    expect(fs.readdirSync(out.path)).toHaveLength(6);
    expect(filesContainingSecret(out.path, CANARY_PASSWORD)).toEqual([]);
    expect(home.allOutput()).not.toContain(CANARY_PASSWORD);
  });
});

describe('bad input: exit 2, a message naming the problem, nothing written', () => {
  const sharedDir = useSharedDir('acd-cli-bad-input-');
  let home: CliHome;
  const inputs = () => path.join(sharedDir().path, 'inputs');
  const outDir = () => path.join(sharedDir().path, 'out');
  const existing = () => path.join(outDir(), 'existing.csv');
  const input = (name: string) => path.join(inputs(), name);

  beforeAll(async () => {
    home = await cliHome(makeTempDir('acd-cli-bad-home-'), { demo: true });
    fs.mkdirSync(inputs());
    fs.mkdirSync(outDir());
    fs.writeFileSync(existing(), 'queueidentifier,offered\nQ1,1\n');

    const bundle = input('bundle.json');
    const exported = await home.run(['export', '--format', 'json', '--out', bundle]);
    expect(exported.code, exported.stderr).toBe(0);
    const json = JSON.parse(fs.readFileSync(bundle, 'utf8')) as { formatVersion: number; systems: { name: string }[] };
    fs.writeFileSync(input('v99.json'), JSON.stringify({ ...json, formatVersion: 99 }, null, 2));
    const pathLike = structuredClone(json);
    if (pathLike.systems[0]) pathLike.systems[0].name = '../../etc/acd';
    fs.writeFileSync(input('path-like.json'), JSON.stringify(pathLike, null, 2));

    // Sparse: 50 MB on paper, no disk used.
    fs.writeFileSync(input('huge.ini'), '');
    fs.truncateSync(input('huge.ini'), 50 * 1024 * 1024);
    fs.writeFileSync(input('binary.ini'), zlib.gzipSync(Buffer.from('[General]\r\nLanguage = EN\r\n'.repeat(50))));
    fs.writeFileSync(
      input('unclosed.ini'),
      // Windows reads "[Broken ACD" as a key, not a header: a file whose only header is unclosed has no section.
      'Language = EN\r\n[Broken ACD\r\nDSN = AcdLinkCliTransfer\r\n',
    );
    fs.writeFileSync(input('short-passphrase.txt'), 'abc\n');
  });
  afterAll(() => home?.dir.remove());

  const cases: { label: string; args: () => string[]; stderr: RegExp }[] = [
    { label: 'import without --from', args: () => ['import'], stderr: /import: --from FILE is required/ },
    {
      label: 'export without --out',
      args: () => ['export', '--format', 'ini'],
      stderr: /export: --out FILE is required/,
    },
    {
      label: '--out is a folder',
      args: () => ['export', '--format', 'ini', '--out', outDir()],
      stderr: /export: --out .*out is a folder; name the file to write/,
    },
    {
      label: '--out in a folder that does not exist',
      args: () => ['export', '--format', 'ini', '--out', path.join(outDir(), 'missing', 'isps_ul.ini')],
      stderr: /export: the folder of --out .*missing[/\\]isps_ul\.ini does not exist/,
    },
    {
      label: 'an unknown --format',
      args: () => ['export', '--format', 'xml', '--out', existing()],
      stderr: /export: --format must be one of ini, json, handoff, csv, jsonl, not "xml"/,
    },
    {
      label: '--format handoff without --integration',
      args: () => ['export', '--format', 'handoff', '--out', existing()],
      stderr: /export: --format handoff needs --integration NAME/,
    },
    {
      label: 'an unknown integration',
      args: () => ['export', '--format', 'csv', '--integration', 'No such integration', '--out', existing()],
      stderr: /export: there is no integration named "No such integration"/,
    },
    {
      label: '--limit out of range',
      args: () => ['export', '--format', 'csv', '--integration', 'Contacts', '--limit', '0', '--out', existing()],
      stderr: /export: --limit must be from 1 to 10000/,
    },
    {
      label: 'a 50 MB --from',
      args: () => ['import', '--from', input('huge.ini')],
      stderr:
        /import: --from .*huge\.ini is 50\.0 MB; an isps_ul\.ini or workspace bundle is at most 3 MB\. Nothing was imported\./,
    },
    {
      label: 'a binary --from',
      args: () => ['import', '--from', input('binary.ini')],
      stderr: /isps_ul\.ini is not a text file/,
    },
    {
      label: 'a bundle with formatVersion 99',
      args: () => ['import', '--from', input('v99.json')],
      stderr: /written by a newer version \(formatVersion 99\); this version reads formatVersion 1/,
    },
    {
      label: 'a bundle with a path-like system name',
      args: () => ['import', '--from', input('path-like.json')],
      stderr: /systems\[0\]\.name: must not contain "\/", "\\", "\.\." or control characters\. Nothing was imported\./,
    },
    {
      label: 'an ini whose only section header is unclosed',
      args: () => ['import', '--from', input('unclosed.ini')],
      stderr:
        /isps_ul\.ini has no \[section\] at all \(line 2 starts with "\[" but has no closing "\]", so it is no header\)/,
    },
    {
      label: '--password-env naming an unset variable',
      args: () => [...importCli(), '--password-env', `${CLI_XLINK.system}=ACD_CLI_TRANSFER_UNSET`],
      stderr: /import: --password-env: the environment variable ACD_CLI_TRANSFER_UNSET is not set/,
    },
    {
      label: '--password-env without a system name',
      args: () => [...importCli(), '--password-env', 'ACD_CLI_TRANSFER_UNSET'],
      stderr: /import: --password-env must look like "SYSTEM NAME=VARIABLE"/,
    },
    {
      label: 'a 3-character passphrase on import',
      args: () => ['import', '--from', input('bundle.json'), '--passphrase-file', input('short-passphrase.txt')],
      stderr: /import: the passphrase in .*short-passphrase\.txt must have at least 8 characters/,
    },
    {
      label: 'a 3-character passphrase on export',
      args: () => [
        'export',
        '--format',
        'json',
        '--out',
        existing(),
        '--passphrase-file',
        input('short-passphrase.txt'),
      ],
      stderr: /export: the passphrase in .*short-passphrase\.txt must have at least 8 characters/,
    },
    {
      label: '--acd-map with a bundle',
      args: () => ['import', '--from', input('bundle.json'), '--acd-map', CLI_XLINK.acdMap],
      stderr: /import: --acd-map goes with an isps_ul\.ini, not with a workspace bundle/,
    },
    {
      label: '--passphrase-file with an isps_ul.ini',
      args: () => [...importCli(), '--passphrase-file', input('short-passphrase.txt')],
      stderr: /import: --passphrase-file goes with a workspace bundle, not with an isps_ul\.ini/,
    },
    {
      label: 'an unknown --on-conflict',
      args: () => [...importCli(), '--on-conflict', 'merge'],
      stderr: /import: --on-conflict must be rename, skip or replace, not "merge"/,
    },
  ];

  it.each(cases)('$label', async ({ args, stderr }) => {
    const before = await home.snapshot();
    const existingBytes = sha256File(existing());
    const outFiles = fs.readdirSync(outDir()).sort();
    const run = await home.run(args());
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stdout).toBe('');
    expect(await home.snapshot()).toEqual(before);
    expect(sha256File(existing())).toBe(existingBytes);
    expect(fs.readdirSync(outDir()).sort()).toEqual(outFiles);
  });
});

describe('--out is replaced only by a complete export', () => {
  let home: CliHome;
  let dataDir: TempDir;
  const previous = 'queueidentifier,queuename\nOLD,the previous export\n';

  /** 20 000 intervals; with `failAt`, SQLite fails that row (integer overflow) after streaming the ones before it. */
  const rowsSql = (failAt?: number) =>
    [
      "SELECT 'Q' || (n % 3) AS queueidentifier, 'Queue ' || (n % 3) AS queuename,",
      "  datetime(1699999200 + n * 900, 'unixepoch') AS timestamp,",
      `  ${failAt === undefined ? '1' : `CASE WHEN n = ${failAt} THEN abs(-9223372036854775808) ELSE 1 END`} AS offered,`,
      '  1 AS answered, 60 AS handlingtime',
      'FROM numbers ORDER BY n',
    ].join('\n');

  async function addIntegration(system: string, name: string, sql: string) {
    const file = dataDir.join(`${name}.sql`);
    fs.writeFileSync(file, sql);
    const run = await home.run([
      'integrations',
      'add',
      '--system',
      system,
      '--name',
      name,
      '--import-type',
      'interval',
      '--sql',
      file,
    ]);
    expect(run.code, run.stderr).toBe(0);
  }

  beforeAll(async () => {
    dataDir = makeTempDir('acd-cli-atomic-data-');
    home = await cliHome(makeTempDir('acd-cli-atomic-home-'), { demo: false });
    const numbers = dataDir.join('numbers.sqlite');
    const db = new Database(numbers);
    db.exec('CREATE TABLE numbers (n INTEGER PRIMARY KEY)');
    const insert = db.prepare('INSERT INTO numbers VALUES (?)');
    db.transaction(() => {
      for (let n = 1; n <= 20_000; n++) insert.run(n);
    })();
    db.close();
    const local = await home.run([
      'systems',
      'add',
      '--name',
      'Numbers',
      '--kind',
      'sqlite',
      '--file',
      numbers,
      '--time-zone',
      'UTC',
    ]);
    expect(local.code, local.stderr).toBe(0);
    await addIntegration('Numbers', 'All rows', rowsSql());
    await addIntegration('Numbers', 'Fails midway', rowsSql(15_000));
    const port = await closedPort();
    const unreachable = await home.run([
      ...['systems', 'add', '--name', 'Unreachable', '--kind', 'postgres', '--host', '127.0.0.1'],
      ...['--port', String(port), '--database', 'acd', '--user', 'reader'],
    ]);
    expect(unreachable.code, unreachable.stderr).toBe(0);
    await addIntegration('Unreachable', 'Nowhere', 'SELECT 1 AS queueidentifier');
  });
  afterAll(() => {
    home?.dir.remove();
    dataDir?.remove();
  });

  it.each([
    { label: 'the system cannot connect', integration: 'Nowhere', stderr: /Nothing listens on 127\.0\.0\.1:\d+/ },
    { label: 'the query fails after thousands of rows', integration: 'Fails midway', stderr: /integer overflow/ },
  ])(
    'a failed export ($label) leaves the old file byte-identical and no temp file',
    async ({ integration, stderr }) => {
      const out = tempDir();
      const target = out.join('rows.csv');
      fs.writeFileSync(target, previous);
      const before = sha256File(target);
      const run = await home.run(['export', '--format', 'csv', '--integration', integration, '--out', target]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(stderr);
      expect(sha256File(target)).toBe(before);
      expect(fs.readdirSync(out.path)).toEqual(['rows.csv']);
      expect(tempFilesIn(out.path)).toEqual([]);
    },
  );

  it('a successful export replaces the old file whole', async () => {
    const out = tempDir();
    const target = out.join('rows.csv');
    fs.writeFileSync(target, previous);
    const run = await home.run(['export', '--format', 'csv', '--integration', 'All rows', '--out', target, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { rowsWritten: number; rowsLeftOut: number; bytes: number };
    expect(result.rowsWritten + result.rowsLeftOut).toBe(20_000);
    const records = parseCsv(fs.readFileSync(target), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(result.rowsWritten);
    expect(records[0]).toMatchObject({ queueidentifier: 'Q1', offered: '1' });
    expect(fs.statSync(target).size).toBe(result.bytes);
    expect(fs.readdirSync(out.path)).toEqual(['rows.csv']);
  });
});

describe('command-line mistakes that would lose data', () => {
  it('refuses a --password-env naming a system the file does not hold, and imports nothing', async () => {
    const home = await cliHome(tempDir(), { demo: false });
    const before = await home.snapshot();
    const run = await home.run([...importCli('--no-check'), '--password-env', 'CLI Universal=ACD_CLI_PW'], {
      ACD_CLI_PW: CANARY_PASSWORD,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"CLI Universal", which the file does not hold');
    expect(run.stderr).not.toContain(CANARY_PASSWORD);
    expect(await home.snapshot()).toEqual(before);
  });

  it('refuses an --out naming the open workspace or a file in the data folder', async () => {
    const home = await cliHome(tempDir(), { demo: false });
    expect((await home.run(importCli('--no-check'))).code).toBe(0);
    const before = await home.snapshot();
    for (const out of [
      home.workspaceFile,
      `${home.workspaceFile}-wal`,
      path.join(path.dirname(home.workspaceFile), 'secrets.key'),
    ]) {
      const run = await home.run(['export', '--format', 'json', '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is the workspace or inside the data folder/);
    }
    expect(sha256File(home.workspaceFile)).toBe(before.sha256);
  });
});
