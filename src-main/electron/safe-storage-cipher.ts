import fs from 'node:fs';
import type { SafeStorage } from 'electron';
import { createFileKeyCipher } from '../secrets/file-key-cipher';
import type { SecretCipher } from '../secrets/secret-cipher';

/** The part of Electron's `safeStorage` we use; injected so tests can pass a fake. */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface SafeStorageCipherOptions {
  /** The 0600 key file used when the OS offers no encryption at all (same file as web mode). */
  fallbackKeyFile: string;
  platform?: NodeJS.Platform;
}

export const BASIC_TEXT_WARNING =
  'No system keyring (GNOME Keyring, KWallet) was found, so passwords are only obfuscated with a ' +
  'key built into the application. Anyone who can read your files can read them. Install and ' +
  'unlock a keyring, then restart ACD Link Studio.';

export const UNKNOWN_BACKEND_WARNING =
  'The system keyring could not be identified, so passwords may be protected only by a key ' +
  'built into the application. Check that a keyring (GNOME Keyring, KWallet) is installed and unlocked.';

export const UNAVAILABLE_WARNING =
  'The operating system keychain is not available, so passwords are encrypted with a key kept ' +
  'in a file readable only by your user account. Anyone who can read your files can read them.';

/**
 * The desktop SecretCipher: the OS keychain through Electron's safeStorage. Must be created after
 * `app` is ready, because before that safeStorage reports itself unavailable on every platform.
 */
export function createSafeStorageCipher(safeStorage: SafeStorageLike, options: SafeStorageCipherOptions): SecretCipher {
  if (!safeStorage.isEncryptionAvailable()) {
    const fallback = createFileKeyCipher(options.fallbackKeyFile);
    return { ...fallback, info: { kind: 'encrypted-file', warning: UNAVAILABLE_WARNING } };
  }
  const warning = linuxBackendWarning(safeStorage, options.platform ?? process.platform);
  return {
    info: warning ? { kind: 'safe-storage', warning } : { kind: 'safe-storage' },
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (cipherText) => {
      // Web mode shares the workspace and writes `v1:iv:tag:body`; ':' never occurs in base64.
      // Reading those lets a password saved in the browser keep working on the desktop.
      if (cipherText.includes(':')) return decryptFileKeySecret(options.fallbackKeyFile, cipherText);
      return safeStorage.decryptString(Buffer.from(cipherText, 'base64'));
    },
  };
}

/** On Linux, "available" can still mean a hard-coded key; only a real keyring deserves silence. */
function linuxBackendWarning(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'linux') return undefined;
  const backend = safeStorage.getSelectedStorageBackend();
  if (backend === 'basic_text') return BASIC_TEXT_WARNING;
  if (backend === 'unknown') return UNKNOWN_BACKEND_WARNING;
  return undefined;
}

function decryptFileKeySecret(keyFile: string, cipherText: string): string {
  // Never create a key just to read: without the file this secret cannot be recovered anyway.
  if (!fs.existsSync(keyFile)) throw new Error('the secret was encrypted with a key file that no longer exists');
  return createFileKeyCipher(keyFile).decrypt(cipherText);
}
