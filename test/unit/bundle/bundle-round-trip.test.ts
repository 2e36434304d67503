import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_URL, isPathLikeName } from '../../../src-shared/contract/bundle-format';
import { IMPORT_TYPES, RULE_SETS, VENDOR_INTERFACES } from '../../../src-shared/contract/model';
import { exportBundle, importBundle, planBundle, BUNDLE_FORMAT_VERSION } from '../../../src-main/transfer/bundle';
import { secretEncodings } from '../../support/files';
import { createFileKeyCipher } from '../../../src-main/secrets/file-key-cipher';
import { makeTempDir, useTempDirs } from '../../support/temp-dir';
import { CANARY_PASSWORD, describeWorkspace, useTestWorkspaces, type TestWorkspace } from './bundle-workspaces';

const tempDir = useTempDirs('acd-bundle-');
const openTestWorkspace = useTestWorkspaces();
const NO_CHOICES = { resolutions: {}, passwords: {} };
const PASSPHRASE = 'correct horse battery staple';

/** One system of every connection kind, passwords on three, integrations with every setting varied. */
function fillWorkspace(target: TestWorkspace): void {
  target.addSystem(
    {
      name: 'Avaya CMS',
      vendor: 'avaya-cms',
      timeZone: 'Europe/Brussels',
      connection: { kind: 'postgres', host: 'acd01.example', port: 5433, database: 'cms', user: 'wfm', tls: 'verify' },
      password: CANARY_PASSWORD,
    },
    [
      { name: 'Calls', importType: 'interval', sql: 'SELECT q AS queueidentifier\nFROM "stats" -- é, 日本' },
      {
        name: 'Agents',
        importType: 'agent-states',
        intervalMinutes: 30,
        realTime: true,
        reconciliation: false,
        paused: true,
        sql: 'SELECT 1',
      },
      { name: 'Contacts', importType: 'contact', ruleSet: 'wfm-2023-12', sql: '' },
    ],
  );
  target.addSystem({
    name: 'Cisco',
    vendor: 'cisco-icm',
    connection: { kind: 'mssql', host: 'ucce', instance: 'AW', database: 'awdb', user: 'wfm' },
    password: `${CANARY_PASSWORD}-mssql`,
  });
  target.addSystem({
    name: 'Informix',
    connection: { kind: 'odbc', connectionString: 'DSN=AvayaCMS;DELIMIDENT=y;' },
    password: `${CANARY_PASSWORD}-odbc`,
  });
  target.addSystem({ name: 'MariaDB', connection: { kind: 'mysql', host: 'db', database: 'crm', user: 'ro' } });
  // The embedded demo: exported like the others, imported as an ordinary system.
  target.ws.systems.insert({
    name: 'Demo ACD (embedded SQLite)',
    vendor: 'universal',
    timeZone: 'Europe/Brussels',
    connection: { kind: 'sqlite', file: '/home/someone/.config/acd-link/demo-acd.sqlite' },
    isDemo: true,
  });
}

const withoutPasswords = (described: ReturnType<typeof describeWorkspace>) =>
  described.map((system) => ({ ...system, password: undefined, isDemo: undefined }));

describe('workspace bundle round trips', { timeout: 30_000 }, () => {
  it('export then import into an empty workspace gives the same workspace, secrets aside', () => {
    const source = openTestWorkspace(tempDir());
    fillWorkspace(source);
    const { text, notes } = exportBundle(source.ws, { appVersion: '9.8.7', now: new Date('2024-05-01T08:00:00Z') });

    const bundle = JSON.parse(text);
    expect(bundle).toMatchObject({
      $schema: BUNDLE_SCHEMA_URL,
      format: 'acd-link-studio/workspace-bundle',
      formatVersion: BUNDLE_FORMAT_VERSION,
      exportedAt: '2024-05-01T08:00:00.000Z',
      exportedBy: { app: 'ACD Link Studio', version: '9.8.7' },
    });
    expect(bundle).not.toHaveProperty('secrets');
    expect(notes).toContainEqual(expect.objectContaining({ section: 'Demo ACD (embedded SQLite)', severity: 'info' }));
    expect(notes.find((note) => note.section === null)?.message).toMatch(
      /passwords of "Avaya CMS", "Cisco", "Informix"/,
    );

    const target = openTestWorkspace(tempDir());
    const created = importBundle(target.ws, text, NO_CHOICES);
    expect(created.systems.map((system) => system.name)).toEqual(bundle.systems.map((s: { name: string }) => s.name));
    expect(created.integrations).toHaveLength(3);
    expect(withoutPasswords(describeWorkspace(target.ws))).toEqual(withoutPasswords(describeWorkspace(source.ws)));
    // Secrets aside: nothing carried, so nothing stored; the demo became an ordinary system.
    expect(describeWorkspace(target.ws).map((system) => [system.password, system.isDemo])).toEqual(
      Array(5).fill(['absent', false]),
    );
  });

  it('with a passphrase the passwords travel too, and the canary never appears in clear text', () => {
    const source = openTestWorkspace(tempDir());
    fillWorkspace(source);
    const plainExport = exportBundle(source.ws, { appVersion: '1' });
    const sealedExport = exportBundle(source.ws, { appVersion: '1', passphrase: PASSPHRASE });
    const sealed = sealedExport.text;
    for (const output of [plainExport, sealedExport]) {
      const bytes = Buffer.from(JSON.stringify(output));
      for (const needle of secretEncodings(CANARY_PASSWORD)) expect(bytes.includes(needle)).toBe(false);
    }
    expect(JSON.parse(sealed).secrets).toMatchObject({ cipher: 'aes-256-gcm', kdf: { name: 'scrypt', N: 32768 } });

    const target = openTestWorkspace(tempDir());
    importBundle(target.ws, sealed, { ...NO_CHOICES, passphrase: PASSPHRASE });
    const expected = describeWorkspace(source.ws).map((system) => ({ ...system, isDemo: false }));
    expect(describeWorkspace(target.ws)).toEqual(expected);
    expect(describeWorkspace(target.ws).find((system) => system.name === 'Avaya CMS')?.password).toBe(CANARY_PASSWORD);
  });

  it('plans without writing: conflicts, secrets, and which systems still need a password', () => {
    const source = openTestWorkspace(tempDir());
    fillWorkspace(source);
    const target = openTestWorkspace(tempDir());
    target.addSystem({ name: 'CISCO', connection: { kind: 'sqlite', file: '/tmp/x.sqlite' } });

    const plain = planBundle(target.ws, exportBundle(source.ws, { appVersion: '1' }).text);
    expect(plain.secrets).toBe('none');
    expect(plain.formatVersion).toBe(1);
    expect(
      plain.systems.map(({ name, conflict, needsPassword, connectionKind }) => [
        name,
        conflict,
        needsPassword,
        connectionKind,
      ]),
    ).toEqual([
      ['Avaya CMS', false, true, 'postgres'],
      ['Cisco', true, true, 'mssql'],
      ['Demo ACD (embedded SQLite)', false, false, 'sqlite'],
      ['Informix', false, true, 'odbc'],
      ['MariaDB', false, false, 'mysql'],
    ]);
    expect(plain.systems[0]?.integrations.map((integration) => integration.name)).toEqual([
      'Agents',
      'Calls',
      'Contacts',
    ]);

    // Planned without the passphrase: the carried passwords are known to be there.
    const sealed = planBundle(target.ws, exportBundle(source.ws, { appVersion: '1', passphrase: PASSPHRASE }).text);
    expect(sealed.secrets).toBe('encrypted');
    expect(sealed.systems.map((system) => system.needsPassword)).toEqual([false, false, false, false, false]);
    expect(describeWorkspace(target.ws).map((system) => system.name)).toEqual(['CISCO']);
  });

  it('exports only the chosen systems, and refuses an unknown id', () => {
    const source = openTestWorkspace(tempDir());
    fillWorkspace(source);
    const ids = source.ws.systems
      .list()
      .filter((row) => row.name === 'Cisco' || row.name === 'MariaDB')
      .map((row) => row.id);
    const bundle = JSON.parse(exportBundle(source.ws, { appVersion: '1', systemIds: ids }).text);
    expect(bundle.systems.map((system: { name: string }) => system.name)).toEqual(['Cisco', 'MariaDB']);
    expect(() => exportBundle(source.ws, { appVersion: '1', systemIds: [...ids, 999] })).toThrow(
      /no external system with id 999/,
    );
  });

  it('refuses a passphrase shorter than 8 characters', () => {
    const source = openTestWorkspace(tempDir());
    expect(() => exportBundle(source.ws, { appVersion: '1', passphrase: 'short' })).toThrow(/at least 8 characters/);
  });

  it('warns when a stored password cannot be read and leaves it to the import dialog', () => {
    const dir = tempDir();
    const first = openTestWorkspace(dir);
    first.addSystem({
      name: 'Avaya',
      connection: { kind: 'postgres', host: 'h', database: 'd', user: 'u' },
      password: 'x',
    });
    first.ws.close();
    // The same store opened with another key, as when a workspace is copied from another machine.
    const reopened = openTestWorkspace(dir, 'workspace', createFileKeyCipher(tempDir().join('other.key')));
    const { text, notes } = exportBundle(reopened.ws, { appVersion: '1', passphrase: PASSPHRASE });
    expect(notes).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        section: 'Avaya',
        message: expect.stringMatching(/not included.*another key/),
      }),
    );
    expect(planBundle(reopened.ws, text).systems[0]?.needsPassword).toBe(true);
    reopened.ws.close();
  });
});

describe('round trip of generated workspaces', () => {
  const nameArb = fc
    .string({ minLength: 1, maxLength: 100, unit: 'grapheme' })
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name.length <= 100 && !isPathLikeName(name));
  const integrationArb = fc.record({
    name: nameArb,
    importType: fc.constantFrom(...IMPORT_TYPES),
    intervalMinutes: fc.constantFrom(15 as const, 30 as const),
    ruleSet: fc.constantFrom(...RULE_SETS),
    realTime: fc.boolean(),
    reconciliation: fc.boolean(),
    paused: fc.boolean(),
    sql: fc.string({ maxLength: 200, unit: 'binary' }),
  });
  const systemArb = fc.record({
    name: nameArb,
    vendor: fc.constantFrom(...VENDOR_INTERFACES),
    timeZone: fc.constantFrom('UTC', 'Europe/Brussels', 'America/New_York', 'Asia/Kolkata'),
    connection: fc.oneof(
      fc.record({
        kind: fc.constant('postgres' as const),
        host: fc.constant('pg'),
        port: fc.integer({ min: 1, max: 65535 }),
        database: fc.string(),
        user: fc.string(),
      }),
      fc.record({ kind: fc.constant('sqlite' as const), file: fc.constant('/data/acd.sqlite') }),
    ),
    password: fc.option(fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }), { nil: undefined }),
    integrations: fc.uniqueArray(integrationArb, {
      maxLength: 4,
      selector: (integration) => integration.name.toLocaleLowerCase('en-US'),
    }),
  });

  it('export -> import (with a passphrase) reproduces any valid workspace', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(systemArb, { maxLength: 4, selector: (system) => system.name.toLocaleLowerCase('en-US') }),
        (systems) => {
          const dirs = [makeTempDir('acd-bundle-prop-'), makeTempDir('acd-bundle-prop-')];
          try {
            const source = openTestWorkspace(dirs[0]!);
            const target = openTestWorkspace(dirs[1]!);
            for (const { integrations, ...system } of systems) source.addSystem(system, integrations);
            const { text } = exportBundle(source.ws, { appVersion: '1', passphrase: PASSPHRASE });
            importBundle(target.ws, text, { ...NO_CHOICES, passphrase: PASSPHRASE });
            expect(describeWorkspace(target.ws)).toEqual(describeWorkspace(source.ws));
            source.ws.close();
            target.ws.close();
          } finally {
            for (const dir of dirs) dir.remove();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);
});
