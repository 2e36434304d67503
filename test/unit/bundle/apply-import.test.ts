import { describe, expect, it } from 'vitest';
import type { SecretCipher } from '../../../src-main/secrets/secret-cipher';
import { createFileKeyCipher } from '../../../src-main/secrets/file-key-cipher';
import { applyImport, uniqueName, type ImportSystem } from '../../../src-main/transfer/apply-import';
import { useTempDirs } from '../../support/temp-dir';
import { describeWorkspace, expectInvalidInput, useTestWorkspaces, snapshotWorkspace } from './bundle-workspaces';

const tempDir = useTempDirs('acd-apply-import-');
const openTestWorkspace = useTestWorkspaces();
const NO_CHOICES = { resolutions: {}, passwords: {} };

const calls = {
  name: 'Calls',
  importType: 'interval',
  intervalMinutes: 15,
  ruleSet: 'wfm-2024-05',
  realTime: false,
  reconciliation: true,
  paused: false,
  sql: 'SELECT 1',
} as const;

const system = (name: string, extra: Partial<ImportSystem> = {}): ImportSystem => ({
  name,
  vendor: 'universal',
  timeZone: 'UTC',
  connection: { kind: 'postgres', host: 'acd', port: 5432, database: 'cms', user: 'wfm', tls: 'disable' },
  integrations: [calls],
  ...extra,
});

/** A workspace that already has "Avaya" (password "old", integration "Old query") and "Cisco". */
function existingWorkspace(cipher?: SecretCipher) {
  const dir = tempDir();
  const target = openTestWorkspace(dir, 'workspace', cipher ?? createFileKeyCipher(dir.join('workspace.key')));
  target.addSystem(
    { name: 'Avaya', connection: { kind: 'mysql', host: 'old', database: 'd', user: 'u' }, password: 'old' },
    [{ name: 'Old query', importType: 'contact', sql: 'SELECT 0' }],
  );
  target.addSystem({ name: 'Cisco', connection: { kind: 'sqlite', file: '/c.sqlite' } });
  return target;
}

describe('applyImport', () => {
  it('writes systems, integrations and passwords, normalised by the model, never as demo', () => {
    const target = openTestWorkspace(tempDir());
    const created = applyImport(
      target.ws,
      [system('  Genesys  ', { timeZone: 'europe/brussels', password: 'from-bundle' }), system('Nortel')],
      { resolutions: {}, passwords: { nortel: 'typed' } },
    );
    expect(created.systems.map(({ name, replaced }) => [name, replaced])).toEqual([
      ['Genesys', false],
      ['Nortel', false],
    ]);
    expect(created.integrations.map(({ name, systemId }) => [name, systemId])).toEqual([
      ['Calls', created.systems[0]?.id],
      ['Calls', created.systems[1]?.id],
    ]);
    expect(
      describeWorkspace(target.ws).map(({ name, timeZone, password, isDemo }) => [name, timeZone, password, isDemo]),
    ).toEqual([
      ['Genesys', 'Europe/Brussels', 'from-bundle', false],
      ['Nortel', 'UTC', 'typed', false],
    ]);
  });

  it('renames on conflict by default: "Name (2)", then "Name (3)", case-insensitively', () => {
    const target = existingWorkspace();
    target.addSystem({ name: 'Avaya (2)', connection: { kind: 'sqlite', file: '/a.sqlite' } });
    const created = applyImport(target.ws, [system('AVAYA'), system('cisco')], NO_CHOICES);
    expect(created.systems.map((s) => s.name)).toEqual(['AVAYA (3)', 'cisco (2)']);
    expect(created.skipped).toEqual([]);
    // The existing systems are untouched, password included.
    expect(describeWorkspace(target.ws).find((s) => s.name === 'Avaya')).toMatchObject({
      password: 'old',
      integrations: [expect.objectContaining({ name: 'Old query' })],
    });
  });

  it('a rename avoids names written by the same import and stays within 100 characters', () => {
    const target = existingWorkspace();
    expect(
      applyImport(target.ws, [system('Avaya'), system('Avaya (2)')], NO_CHOICES).systems.map((s) => s.name),
    ).toEqual(['Avaya (3)', 'Avaya (2)']);
    const long = 'L'.repeat(100);
    target.addSystem({ name: long, connection: { kind: 'sqlite', file: '/l.sqlite' } });
    const [renamed] = applyImport(target.ws, [system(long)], NO_CHOICES).systems;
    expect(renamed?.name).toBe(`${'L'.repeat(96)} (2)`);
    expect(uniqueName('x', new Set(['x (2)', 'x (3)']))).toBe('x (4)');
  });

  it('skip leaves the existing system and lists the skipped one', () => {
    const target = existingWorkspace();
    const before = describeWorkspace(target.ws);
    const created = applyImport(target.ws, [system('Avaya'), system('New')], {
      resolutions: { avaya: 'skip', new: 'skip' },
      passwords: {},
    });
    expect(created.skipped).toEqual(['Avaya']);
    // "skip" only applies to a conflict: New has none, so it is written.
    expect(created.systems.map((s) => s.name)).toEqual(['New']);
    expect(describeWorkspace(target.ws).filter((s) => s.name !== 'New')).toEqual(before);
  });

  it('replace deletes the existing system with its integrations and secrets, in the same transaction', () => {
    const target = existingWorkspace();
    const oldId = target.ws.systems.findByName('Avaya')!.id;
    const created = applyImport(target.ws, [system('avaya', { password: 'new' })], {
      resolutions: { AVAYA: 'replace' },
      passwords: {},
    });
    expect(created.systems).toEqual([{ id: expect.any(Number), name: 'avaya', replaced: true }]);
    expect(target.ws.systems.get(oldId)).toBeUndefined();
    const leftovers = target.ws.db
      .prepare(
        'SELECT (SELECT count(*) FROM integrations WHERE system_id = ?) AS i, (SELECT count(*) FROM secrets WHERE key LIKE ?) AS s',
      )
      .get(oldId, `system:${oldId}:%`);
    expect(leftovers).toEqual({ i: 0, s: 0 });
    expect(
      describeWorkspace(target.ws).map(({ name, password, integrations }) => [name, password, integrations.length]),
    ).toEqual([
      ['avaya', 'new', 1],
      ['Cisco', 'absent', 0],
    ]);
  });

  it('writes nothing when a write fails half-way, not even the replacement delete', () => {
    const dir = tempDir();
    const real = createFileKeyCipher(dir.join('workspace.key'));
    let encryptions = 0;
    let failOnSecond = false;
    // A fake on top of the real cipher: the keychain becomes unavailable during the import.
    const flaky: SecretCipher = {
      info: real.info,
      decrypt: (text) => real.decrypt(text),
      encrypt: (plain) => {
        encryptions += 1;
        if (failOnSecond && encryptions === 2) throw new Error('keychain locked');
        return real.encrypt(plain);
      },
    };
    const target = existingWorkspace(flaky);
    const before = snapshotWorkspace(target.ws).rows;
    encryptions = 0;
    failOnSecond = true;
    expect(() =>
      applyImport(target.ws, [system('Avaya', { password: 'one' }), system('Second', { password: 'two' })], {
        resolutions: { Avaya: 'replace' },
        passwords: {},
      }),
    ).toThrow('keychain locked');
    expect(snapshotWorkspace(target.ws).rows).toEqual(before);
  });

  it('refuses duplicates, path-like names and invalid fields before writing anything', () => {
    const target = existingWorkspace();
    const before = snapshotWorkspace(target.ws);
    const cases: Array<[ImportSystem[], RegExp]> = [
      [
        [system('Genesys'), system(' genesys')],
        /systems\[1\]\.name: "genesys" appears twice in this import \(also systems\[0\]\)/,
      ],
      [[system('A/B')], /systems\[0\]\.name: must not contain "\/"/],
      [[system('..')], /systems\[0\]\.name: must not contain/],
      [[system('a\u0007b')], /systems\[0\]\.name: must not contain control characters/],
      [
        [system('ok', { integrations: [{ ...calls, name: 'x\\y' }] })],
        /systems\[0\]\.integrations\[0\]\.name: must not contain/,
      ],
      [
        [system('ok', { integrations: [calls, { ...calls, name: 'CALLS' }] })],
        /integrations\[1\]\.name: "CALLS" appears twice/,
      ],
      [
        [
          system('ok', {
            connection: { kind: 'postgres', host: 'h', port: 0, database: 'd', user: 'u', tls: 'disable' },
          }),
        ],
        /systems\[0\]\.connection\.port: must be between 1 and 65535/,
      ],
      [
        [system('ok', { connection: { kind: 'odbc', connectionString: 'DSN=x;Password=secret;' } })],
        /systems\[0\]\.connection\.connectionString: remove Password/,
      ],
      [
        [system('ok', { integrations: [{ ...calls, intervalMinutes: 5 as 15 }] })],
        /systems\[0\]\.integrations\[0\]\.intervalMinutes: must be 15 or 30/,
      ],
    ];
    for (const [systems, message] of cases) {
      const error = expectInvalidInput(() =>
        applyImport(target.ws, systems, { resolutions: { Avaya: 'replace' }, passwords: {} }),
      );
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was imported\.$/);
      expect(error.message).not.toContain('secret');
    }
    expect(snapshotWorkspace(target.ws)).toEqual(before);
  });

  it('refuses an unknown resolution and two spellings of one name in the choices', () => {
    const target = existingWorkspace();
    const before = snapshotWorkspace(target.ws);
    expect(
      expectInvalidInput(() =>
        applyImport(target.ws, [system('Avaya')], { resolutions: { Avaya: 'merge' as 'skip' }, passwords: {} }),
      ).message,
    ).toMatch(/resolutions\["Avaya"\]: must be rename, skip or replace/);
    expect(
      expectInvalidInput(() =>
        applyImport(target.ws, [system('Avaya')], { resolutions: {}, passwords: { Avaya: 'a', AVAYA: 'b' } }),
      ).message,
    ).toMatch(/passwords\["AVAYA"\]: names the same system as "Avaya"/);
    expect(snapshotWorkspace(target.ws)).toEqual(before);
  });
});
