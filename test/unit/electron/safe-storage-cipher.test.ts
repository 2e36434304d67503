import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BASIC_TEXT_WARNING,
  createSafeStorageCipher,
  UNAVAILABLE_WARNING,
  UNKNOWN_BACKEND_WARNING,
  type SafeStorageLike,
} from '../../../src-main/electron/safe-storage-cipher';
import { createFileKeyCipher } from '../../../src-main/secrets/file-key-cipher';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

const MAGIC = Buffer.from('FAKE');

/** Like the real thing, the bytes it returns look nothing like the input and carry a header. */
function fakeSafeStorage(options: { available?: boolean; backend?: Backend; key?: number } = {}): SafeStorageLike {
  const key = options.key ?? 0x5a;
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ key));
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plain) => Buffer.concat([MAGIC, xor(Buffer.from(plain, 'utf8'))]),
    decryptString: (encrypted) => {
      if (!encrypted.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('Error while decrypting the ciphertext');
      return xor(encrypted.subarray(MAGIC.length)).toString('utf8');
    },
  };
}

let dir: string;
let keyFile: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-safe-storage-'));
  keyFile = path.join(dir, 'secrets.key');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createSafeStorageCipher', () => {
  it('round-trips a password through the keychain as base64 text that hides it', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(), { fallbackKeyFile: keyFile, platform: 'linux' });
    const stored = cipher.encrypt('pä$$wörd 🔑');

    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain('pä$$wörd');
    expect(cipher.decrypt(stored)).toBe('pä$$wörd 🔑');
    expect(cipher.info).toEqual({ kind: 'safe-storage' });
    expect(fs.existsSync(keyFile)).toBe(false);
  });

  it('refuses text encrypted by another keychain key instead of returning garbage', () => {
    const mine = createSafeStorageCipher(fakeSafeStorage(), { fallbackKeyFile: keyFile, platform: 'linux' });
    expect(() => mine.decrypt(Buffer.from('not ours').toString('base64'))).toThrow();
  });

  it('warns on Linux when only the built-in basic_text key protects passwords', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage({ backend: 'basic_text' }), {
      fallbackKeyFile: keyFile,
      platform: 'linux',
    });
    expect(cipher.info).toEqual({ kind: 'safe-storage', warning: BASIC_TEXT_WARNING });
    expect(cipher.info.warning).toMatch(/keyring/);
    expect(cipher.decrypt(cipher.encrypt('secret'))).toBe('secret');
  });

  it('warns on Linux when the backend is unknown', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage({ backend: 'unknown' }), {
      fallbackKeyFile: keyFile,
      platform: 'linux',
    });
    expect(cipher.info.warning).toBe(UNKNOWN_BACKEND_WARNING);
  });

  it('does not ask for a Linux backend on other platforms', () => {
    const storage = fakeSafeStorage();
    storage.getSelectedStorageBackend = () => {
      throw new Error('getSelectedStorageBackend is Linux-only');
    };
    const cipher = createSafeStorageCipher(storage, { fallbackKeyFile: keyFile, platform: 'win32' });
    expect(cipher.info).toEqual({ kind: 'safe-storage' });
  });

  it('falls back to the key-file cipher, and says so, when the OS offers no encryption', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage({ available: false }), {
      fallbackKeyFile: keyFile,
      platform: 'linux',
    });

    expect(cipher.info).toEqual({ kind: 'encrypted-file', warning: UNAVAILABLE_WARNING });
    expect(cipher.info.warning).toMatch(/not available/);
    const stored = cipher.encrypt('secret');
    expect(fs.existsSync(keyFile)).toBe(true);
    expect(cipher.decrypt(stored)).toBe('secret');
    // The same key file web mode uses, so both read each other's secrets.
    expect(createFileKeyCipher(keyFile).decrypt(stored)).toBe('secret');
  });

  it('still reads a password saved in web mode with the key file', () => {
    const fromWebMode = createFileKeyCipher(keyFile).encrypt('saved in the browser');
    const cipher = createSafeStorageCipher(fakeSafeStorage(), { fallbackKeyFile: keyFile, platform: 'linux' });
    expect(cipher.decrypt(fromWebMode)).toBe('saved in the browser');
  });

  it('reports a web-mode secret as unreadable, without creating a key, when the key file is gone', () => {
    const fromWebMode = createFileKeyCipher(keyFile).encrypt('x');
    fs.rmSync(keyFile);
    const cipher = createSafeStorageCipher(fakeSafeStorage(), { fallbackKeyFile: keyFile, platform: 'linux' });
    expect(() => cipher.decrypt(fromWebMode)).toThrow(/key file/);
    expect(fs.existsSync(keyFile)).toBe(false);
  });
});
