import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFileKeyCipher } from '../../../src-main/secrets/file-key-cipher';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { openStore } from '../../../src-main/store/open-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-secrets-');

describe('file-key cipher and SecretStore', () => {
  it('creates a 32-byte key file readable only by its owner (0600) and reuses it', () => {
    const dir = tempDir();
    const keyFile = dir.join('keys', 'secrets.key');
    const cipher = createFileKeyCipher(keyFile);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(keyFile, 'utf8'), 'base64')).toHaveLength(32);
    const sealed = cipher.encrypt('Canary-Pw-7f3a9');
    expect(createFileKeyCipher(keyFile).decrypt(sealed)).toBe('Canary-Pw-7f3a9');
  });

  it('tightens a key file that became readable by others', () => {
    const keyFile = tempDir().join('secrets.key');
    createFileKeyCipher(keyFile);
    fs.chmodSync(keyFile, 0o644);
    createFileKeyCipher(keyFile);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('encrypts the same text differently each time and detects tampering', () => {
    const cipher = createFileKeyCipher(tempDir().join('secrets.key'));
    const a = cipher.encrypt('same');
    const b = cipher.encrypt('same');
    expect(a).not.toBe(b);
    const [format, iv, tag, body] = a.split(':');
    const flipped = Buffer.from(body ?? '', 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt([format, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('refuses a damaged key file instead of silently replacing it', () => {
    const keyFile = tempDir().join('secrets.key');
    fs.writeFileSync(keyFile, 'c2hvcnQ=', { mode: 0o600 });
    expect(() => createFileKeyCipher(keyFile)).toThrow(/damaged/);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe('c2hvcnQ=');
  });

  it('keeps only ciphertext in the secrets table and reports a secret from another key as unreadable', () => {
    const dir = tempDir();
    const db = openStore(dir.join('workspace.sqlite'));
    try {
      const store = new SecretStore(db, createFileKeyCipher(dir.join('a.key')));
      store.write('system:1:password', 'Canary-Pw-7f3a9');
      const row = db.prepare('SELECT cipher_kind, cipher_text FROM secrets').get() as {
        cipher_kind: string;
        cipher_text: string;
      };
      expect(row.cipher_kind).toBe('encrypted-file');
      expect(row.cipher_text).not.toContain('Canary');
      expect(store.read('system:1:password')).toEqual({ state: 'present', value: 'Canary-Pw-7f3a9' });

      const otherMachine = new SecretStore(db, createFileKeyCipher(dir.join('b.key')));
      const read = otherMachine.read('system:1:password');
      expect(read.state).toBe('unreadable');
      expect(otherMachine.read('system:2:password')).toEqual({ state: 'absent' });
    } finally {
      db.close();
    }
  });
});
