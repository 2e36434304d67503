import type { SecretStoreInfo } from '../../src-shared/contract/api';

/**
 * The port that protects secrets at rest. The store keeps only what `encrypt` returns. On the
 * desktop it is Electron's safeStorage (the OS keychain); in plain Node an AES-256-GCM key in a
 * 0600 file, which is weaker and says so through `info.warning`.
 */
export interface SecretCipher {
  readonly info: SecretStoreInfo;
  encrypt(plain: string): string;
  /** Throws when the ciphertext was made with another key (a copied workspace). */
  decrypt(cipherText: string): string;
}
