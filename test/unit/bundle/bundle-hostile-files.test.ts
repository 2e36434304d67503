import { describe, expect, it } from 'vitest';
import { exportBundle, importBundle, planBundle } from '../../../src-main/transfer/bundle';
import { useTempDirs } from '../../support/temp-dir';
import {
  CANARY_PASSWORD,
  expectInvalidInput,
  useTestWorkspaces,
  parseBundle,
  parseSealedBundle,
  snapshotWorkspace,
  type LooseBundle,
  type SealedBundle,
  type TestWorkspace,
} from './bundle-workspaces';

const tempDir = useTempDirs('acd-bundle-hostile-');
const openTestWorkspace = useTestWorkspaces();
const PASSPHRASE = 'correct horse battery staple';

/** A workspace with content, and a valid bundle of another workspace to break in many ways. */
function setUp(): { target: TestWorkspace; bundle: () => LooseBundle } {
  const source = openTestWorkspace(tempDir(), 'source');
  source.addSystem(
    {
      name: 'Avaya',
      timeZone: 'Europe/Brussels',
      connection: { kind: 'postgres', host: 'acd01', database: 'cms', user: 'wfm' },
      password: CANARY_PASSWORD,
    },
    [{ name: 'Calls', importType: 'interval', sql: 'SELECT 1' }],
  );
  source.addSystem({ name: 'Informix', connection: { kind: 'odbc', connectionString: 'DSN=cms;' } }, [
    { name: 'Agents', importType: 'agent-states', sql: 'SELECT 2' },
  ]);
  const text = exportBundle(source.ws, { appVersion: '1' }).text;
  const target = openTestWorkspace(tempDir(), 'target');
  target.addSystem(
    { name: 'Avaya', connection: { kind: 'mysql', host: 'db', database: 'crm', user: 'ro' }, password: 'kept' },
    [{ name: 'Existing', importType: 'contact', sql: 'SELECT 3' }],
  );
  return { target, bundle: () => parseBundle(text) };
}

/** Neither plan nor import (with every conflict set to replace) may write anything, and both say why. */
function expectRefused(target: TestWorkspace, content: string, message: RegExp): void {
  const before = snapshotWorkspace(target.ws);
  const planError = expectInvalidInput(() => planBundle(target.ws, content));
  const importError = expectInvalidInput(() =>
    importBundle(target.ws, content, { resolutions: { Avaya: 'replace', Informix: 'replace' }, passwords: {} }),
  );
  for (const error of [planError, importError]) {
    expect(error.message).toMatch(message);
    expect(JSON.stringify({ message: error.message, issues: error.issues })).not.toContain(CANARY_PASSWORD);
  }
  expect(snapshotWorkspace(target.ws)).toEqual(before);
}

const editSealed = (bundle: SealedBundle, change: (bundle: SealedBundle) => void) => edit(bundle, () => change(bundle));
const edit = (bundle: LooseBundle, change: (bundle: LooseBundle) => void) => {
  change(bundle);
  return JSON.stringify(bundle, null, 2);
};

describe('hostile and malformed bundle files are refused, and nothing is written', { timeout: 30_000 }, () => {
  it('truncated JSON', () => {
    const { target, bundle } = setUp();
    const text = JSON.stringify(bundle(), null, 2);
    expectRefused(
      target,
      text.slice(0, text.length / 2),
      /not valid JSON: it ends too early \(the file may be truncated\)/,
    );
  });

  it('a JSON syntax error is placed by line and column, without quoting the file', () => {
    const { target } = setUp();
    const content = `{\n  "format": "acd-link-studio/workspace-bundle",\n  "pwd": ${CANARY_PASSWORD}\n}`;
    expectRefused(target, content, /not valid JSON: unexpected character "C" \(look for a missing quote/);
    expectRefused(target, '{\n  "a": 1,\n}', /at line 3, column 1/);
  });

  it('binary files and other non-JSON text', () => {
    const { target } = setUp();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectRefused(target, png.toString('latin1'), /not an ACD Link Studio workspace bundle: it contains binary data/);
    expectRefused(target, '[Avaya]\nDSN=cms\n', /does not start with "\{"/);
    expectRefused(target, '', /does not start with "\{"/);
    expectRefused(
      target,
      '{"format": "something-else", "formatVersion": 1}',
      /its "format" is not "acd-link-studio\/workspace-bundle"/,
    );
  });

  it('a file larger than 3 MB', () => {
    const { target, bundle } = setUp();
    const huge = edit(bundle(), (b) => (b.systems[0].integrations[0].sql = 'x'.repeat(3 * 1024 * 1024)));
    expectRefused(target, huge, /larger than 3 MB \(3\.0 MB\)/);
    // Multi-byte text counts in bytes, not characters.
    const wide = edit(bundle(), (b) => (b.systems[0].integrations[0].sql = '日'.repeat(1_100_000)));
    expectRefused(target, wide, /larger than 3 MB/);
  });

  it('an unknown formatVersion', () => {
    const { target, bundle } = setUp();
    expectRefused(
      target,
      edit(bundle(), (b) => (b.formatVersion = 2)),
      /^This bundle was written by a newer version \(formatVersion 2\); this version reads formatVersion 1\.$/,
    );
    expectRefused(
      target,
      edit(bundle(), (b) => (b.formatVersion = 0)),
      /formatVersion: this version reads formatVersion 1/,
    );
    expectRefused(
      target,
      edit(bundle(), (b) => (b.formatVersion = '1')),
      /formatVersion: this version reads formatVersion 1/,
    );
    expectRefused(
      target,
      edit(bundle(), (b) => delete b.formatVersion),
      /formatVersion: this version reads formatVersion 1/,
    );
  });

  it('path-like and control-character names, for systems and integrations', () => {
    const { target, bundle } = setUp();
    for (const name of ['../../etc/passwd', 'Avaya/CMS', 'C:\\Windows', 'tab\there', '..']) {
      expectRefused(
        target,
        edit(bundle(), (b) => (b.systems[1].name = name)),
        /systems\[1\]\.name: must not contain "\/", "\\", "\.\." or control characters/,
      );
    }
    expectRefused(
      target,
      edit(bundle(), (b) => (b.systems[0].integrations[0].name = 'a/b')),
      /systems\[0\]\.integrations\[0\]\.name: must not contain/,
    );
  });

  it('wrong types and values, each named by its JSON path', () => {
    const { target, bundle } = setUp();
    const cases: Array<[(b: LooseBundle) => void, RegExp]> = [
      [
        (b) => (b.systems[0].connection.port = '5432'),
        /systems\[0\]\.connection\.port: must be a number from 1 to 65535/,
      ],
      [(b) => (b.systems[0].connection.port = 70000), /systems\[0\]\.connection\.port: must be between 1 and 65535/],
      [(b) => (b.systems[0].connection.kind = 'oracle'), /systems\[0\]\.connection\.kind: kind must be one of sqlite/],
      [
        (b) => (b.systems[0].timeZone = 'Mars/Olympus'),
        /systems\[0\]\.timeZone: "Mars\/Olympus" is not a known IANA time zone/,
      ],
      [
        (b) => (b.systems[1].integrations[0].intervalMinutes = 20),
        /systems\[1\]\.integrations\[0\]\.intervalMinutes: must be 15 or 30/,
      ],
      [
        (b) => (b.systems[1].integrations[0].realTime = 'yes'),
        /systems\[1\]\.integrations\[0\]\.realTime: must be true or false/,
      ],
      [(b) => (b.systems[1].vendor = 42), /systems\[1\]\.vendor: must be one of universal/],
      [(b) => Object.assign(b, { systems: { Avaya: {} } }), /systems: must be a list/],
      [(b) => (b.exportedAt = 'yesterday'), /exportedAt: must be an ISO-8601 date and time/],
      [(b) => (b.systems[0].name = ''), /systems\[0\]\.name: must not be empty/],
      [(b) => (b.systems[0].name = 'x'.repeat(101)), /systems\[0\]\.name: must be at most 100 characters/],
      [
        (b) => (b.systems[0].connection.password = CANARY_PASSWORD),
        /systems\[0\]\.connection: Unrecognized key: "password"/,
      ],
      [(b) => (b.unexpected = true), /Unrecognized key: "unexpected"/],
      [(b) => (b.systems[0].passwordIncluded = true), /systems\[0\]\.passwordIncluded: the bundle has no secrets/],
    ];
    for (const [change, message] of cases) expectRefused(target, edit(bundle(), change), message);
  });

  it('a JSON value that is not an object, and a __proto__ key', () => {
    const { target } = setUp();
    expectRefused(target, '{"__proto__": {"polluted": true}}', /it has no "format" field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { bundle } = setUp();
    const withProto = JSON.stringify(bundle()).replace('{', '{"__proto__": {"x": 1},');
    expectRefused(target, withProto, /Unrecognized key: "__proto__"/);
  });

  it('duplicate names inside the bundle (case-insensitive), for systems and for integrations', () => {
    const { target, bundle } = setUp();
    expectRefused(
      target,
      edit(bundle(), (b) => (b.systems[1].name = ' AVAYA ')),
      /systems\[1\]\.name: "AVAYA" appears twice in this import \(also systems\[0\]\)/,
    );
    expectRefused(
      target,
      edit(bundle(), (b) => b.systems[0].integrations.push({ ...b.systems[0].integrations[0], name: 'calls' })),
      /systems\[0\]\.integrations\[1\]\.name: "calls" appears twice in this system/,
    );
  });

  it('an ODBC connection string that contains a password', () => {
    const { target, bundle } = setUp();
    const content = edit(
      bundle(),
      (b) => (b.systems[1].connection.connectionString = `DSN=cms;PWD={${CANARY_PASSWORD}};`),
    );
    expectRefused(target, content, /systems\[1\]\.connection\.connectionString: remove PWD/);
  });

  it('scrypt settings that would exhaust memory', () => {
    const { target } = setUp();
    const source = openTestWorkspace(tempDir(), 'sealed');
    const sealed = parseSealedBundle(exportBundle(source.ws, { appVersion: '1', passphrase: PASSPHRASE }).text);
    expectRefused(
      target,
      editSealed(structuredClone(sealed), (b) => (b.secrets.kdf.N = 2 ** 30)),
      /secrets\.kdf\.N: must be at most 2\^18/,
    );
    expectRefused(
      target,
      editSealed(structuredClone(sealed), (b) => (b.secrets.kdf.r = 16 * 1024)),
      /secrets\.kdf\.r/,
    );
    expectRefused(
      target,
      editSealed(structuredClone(sealed), (b) => Object.assign(b.secrets.kdf, { N: 2 ** 18, r: 16 })),
      /secrets\.kdf: N × r asks for more than 256 MB/,
    );
    expectRefused(
      target,
      editSealed(structuredClone(sealed), (b) => (b.secrets.tag = 'AAAA')),
      /secrets\.tag: must be 16 bytes/,
    );
  });

  it('lists every problem in the issues and the first five in the message', () => {
    const { target, bundle } = setUp();
    const content = edit(bundle(), (b) => {
      for (const system of b.systems) Object.assign(system, { timeZone: 'Nowhere', vendor: 'x', name: '' });
    });
    const error = expectInvalidInput(() => planBundle(target.ws, content));
    expect(error.issues).toHaveLength(6);
    expect(error.message).toMatch(/\(and 1 more problems\)\. Nothing was imported\.$/);
  });
});
