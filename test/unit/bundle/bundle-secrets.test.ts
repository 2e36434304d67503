import { describe, expect, it } from 'vitest';
import { exportBundle, importBundle, planBundle } from '../../../src-main/transfer/bundle';
import { sealPasswords, WRONG_PASSPHRASE_MESSAGE } from '../../../src-main/transfer/bundle/bundle-secrets';
import { canonicalJson } from '../../../src-main/transfer/bundle/canonical-json';
import { useTempDirs } from '../../support/temp-dir';
import {
  CANARY_PASSWORD,
  describeWorkspace,
  expectInvalidInput,
  useTestWorkspaces,
  parseSealedBundle,
  snapshotWorkspace,
  type LooseBundle,
  type SealedBundle,
} from './bundle-workspaces';

const tempDir = useTempDirs('acd-bundle-secrets-');
const openTestWorkspace = useTestWorkspaces();
const PASSPHRASE = 'correct horse battery staple';

let sealedText: string | undefined;

/** A fresh parse of one sealed bundle (made once: each scrypt costs about 0.1 s). */
function sealedBundle(): SealedBundle {
  if (sealedText === undefined) {
    const source = openTestWorkspace(tempDir(), 'source');
    source.addSystem({
      name: 'Avaya',
      connection: { kind: 'postgres', host: 'acd01.example', database: 'cms', user: 'wfm' },
      password: CANARY_PASSWORD,
    });
    source.addSystem({ name: 'Demo', connection: { kind: 'sqlite', file: '/data/demo.sqlite' } });
    sealedText = exportBundle(source.ws, { appVersion: '1', passphrase: PASSPHRASE }).text;
  }
  return parseSealedBundle(sealedText);
}

/** Import must fail closed with `message`: nothing written, no password anywhere in the error. */
function expectFailsClosed(content: string, passphrase: string | undefined, message: string | RegExp) {
  const target = openTestWorkspace(tempDir(), 'target');
  target.addSystem({ name: 'Existing', connection: { kind: 'sqlite', file: '/x.sqlite' } });
  const before = snapshotWorkspace(target.ws);
  const error = expectInvalidInput(() =>
    importBundle(target.ws, content, {
      ...(passphrase === undefined ? {} : { passphrase }),
      resolutions: {},
      passwords: {},
    }),
  );
  expect(error.message).toMatch(message);
  expect(JSON.stringify({ message: error.message, issues: error.issues })).not.toContain(CANARY_PASSWORD);
  expect(snapshotWorkspace(target.ws)).toEqual(before);
}

const flipFirstByte = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
};

describe('encrypted secrets in a bundle', { timeout: 30_000 }, () => {
  it('a wrong passphrase fails closed with a clear message', () => {
    const text = JSON.stringify(sealedBundle());
    expectFailsClosed(
      text,
      'not the passphrase',
      /^The passphrase is wrong or the bundle was altered; nothing was imported\.$/,
    );
    // The same passphrase in another Unicode normalisation is the same passphrase.
    const target = openTestWorkspace(tempDir(), 'nfc');
    const source = openTestWorkspace(tempDir(), 'nfc-source');
    source.addSystem({ name: 'A', connection: { kind: 'mysql', host: 'h', database: 'd', user: 'u' }, password: 'pw' });
    const composed = 'passphrase-caf\u00e9';
    const decomposed = 'passphrase-cafe\u0301';
    importBundle(target.ws, exportBundle(source.ws, { appVersion: '1', passphrase: composed }).text, {
      passphrase: decomposed,
      resolutions: {},
      passwords: {},
    });
    expect(describeWorkspace(target.ws)[0]?.password).toBe('pw');
  });

  it('asks for the passphrase when the bundle carries passwords and none was given', () => {
    expectFailsClosed(
      JSON.stringify(sealedBundle()),
      undefined,
      /carries encrypted passwords: enter the passphrase it was exported with/,
    );
    expectFailsClosed(JSON.stringify(sealedBundle()), '', /carries encrypted passwords/);
  });

  it('tampered ciphertext, tag, iv or salt fail closed', () => {
    for (const field of ['data', 'tag', 'iv'] as const) {
      const bundle = sealedBundle();
      bundle.secrets[field] = flipFirstByte(bundle.secrets[field]);
      expectFailsClosed(JSON.stringify(bundle), PASSPHRASE, WRONG_PASSPHRASE_MESSAGE);
    }
    const bundle = sealedBundle();
    bundle.secrets.kdf.salt = flipFirstByte(bundle.secrets.kdf.salt);
    expectFailsClosed(JSON.stringify(bundle), PASSPHRASE, WRONG_PASSPHRASE_MESSAGE);
  });

  it('editing a system of an encrypted bundle fails closed instead of sending its password elsewhere', () => {
    const edits: Array<(bundle: LooseBundle) => void> = [
      (b) => (b.systems[0].connection.host = 'attacker.example'),
      (b) => (b.systems[0].connection.user = 'postgres'),
      (b) => b.systems.reverse(), // the password index would then point at another system
      (b) => b.systems.pop(),
      (b) => (b.systems[1].name = 'Renamed'),
    ];
    for (const change of edits) {
      const bundle = sealedBundle();
      change(bundle);
      expectFailsClosed(JSON.stringify(bundle), PASSPHRASE, WRONG_PASSPHRASE_MESSAGE);
    }
  });

  it('re-indenting and re-ordering keys is not an alteration', () => {
    const bundle = sealedBundle();
    const reordered = {
      secrets: bundle.secrets,
      systems: bundle.systems.map((system: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(system).reverse()),
      ),
      exportedBy: bundle.exportedBy,
      exportedAt: bundle.exportedAt,
      formatVersion: bundle.formatVersion,
      format: bundle.format,
    };
    const target = openTestWorkspace(tempDir());
    importBundle(target.ws, JSON.stringify(reordered), { passphrase: PASSPHRASE, resolutions: {}, passwords: {} });
    expect(describeWorkspace(target.ws).map((system) => system.password)).toEqual([CANARY_PASSWORD, 'absent']);
  });

  it('a password typed in the import dialog wins over the carried one', () => {
    const target = openTestWorkspace(tempDir());
    importBundle(target.ws, JSON.stringify(sealedBundle()), {
      passphrase: PASSPHRASE,
      resolutions: {},
      passwords: { avaya: 'typed-instead' },
    });
    expect(describeWorkspace(target.ws)[0]?.password).toBe('typed-instead');
  });

  it('refuses authentic secrets that disagree with the systems marked passwordIncluded', () => {
    const bundle = sealedBundle();
    // A writer that knows the passphrase but seals a password for a system not marked as carrying one.
    bundle.secrets = sealPasswords(
      new Map([
        [0, 'a'],
        [1, 'b'],
      ]),
      bundle.systems,
      PASSPHRASE,
    );
    expectFailsClosed(
      JSON.stringify(bundle),
      PASSPHRASE,
      /secrets: the encrypted passwords do not match the systems marked passwordIncluded/,
    );
  });

  it('a bundle stripped of its secrets imports without passwords and the plan asks for them', () => {
    const bundle = sealedBundle();
    delete (bundle as LooseBundle).secrets;
    delete bundle.systems[0].passwordIncluded;
    const target = openTestWorkspace(tempDir());
    expect(planBundle(target.ws, JSON.stringify(bundle)).systems.map((system) => system.needsPassword)).toEqual([
      true,
      false,
    ]);
    importBundle(target.ws, JSON.stringify(bundle), { resolutions: {}, passwords: { Avaya: 'typed' } });
    expect(describeWorkspace(target.ws).map((system) => system.password)).toEqual(['typed', 'absent']);
  });
});

describe('canonicalJson', () => {
  it('is the same for the same data in any key order and keeps __proto__ as data', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'é' }] })).toBe('{"a":[{"c":"é","d":null}],"b":1}');
    expect(canonicalJson(JSON.parse('{"z": 1, "__proto__": {"x": 2}}'))).toBe('{"__proto__":{"x":2},"z":1}');
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});
