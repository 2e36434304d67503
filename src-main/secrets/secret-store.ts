import type { Database, Statement } from 'better-sqlite3';
import type { SecretStoreInfo } from '../../src-shared/contract/api';
import type { SecretCipher } from './secret-cipher';

/** A secret as the store keeps it: what the cipher returned, and which cipher that was. */
export interface SealedSecret {
  cipherKind: SecretStoreInfo['kind'];
  cipherText: string;
}

export const sealSecret = (cipher: SecretCipher, value: string): SealedSecret => ({
  cipherKind: cipher.info.kind,
  cipherText: cipher.encrypt(value),
});

/** Anything that prepares statements: a connection, or a cache of its statements. */
type Prepare = (sql: string) => Statement;

/**
 * Writes a secret sealed elsewhere. An import writes from a worker thread with its own connection,
 * while the cipher (Electron's safeStorage) works only on the main thread, which seals first.
 */
export function writeSealedSecret(prepare: Prepare, key: string, sealed: SealedSecret): void {
  prepare(
    'INSERT INTO secrets (key, cipher_kind, cipher_text) VALUES (?, ?, ?) ' +
      'ON CONFLICT(key) DO UPDATE SET cipher_kind = excluded.cipher_kind, cipher_text = excluded.cipher_text',
  ).run(key, sealed.cipherKind, sealed.cipherText);
}

export function deleteSecretsByPrefix(prepare: Prepare, prefix: string): void {
  prepare('DELETE FROM secrets WHERE substr(key, 1, length(?)) = ?').run(prefix, prefix);
}

export type SecretRead =
  { state: 'absent' } | { state: 'present'; value: string } | { state: 'unreadable'; reason: string };

/**
 * Secrets keyed by purpose (`system:12:password`), persisted as ciphertext in the workspace so a
 * save of a system and its password is one transaction.
 */
export class SecretStore {
  constructor(
    private readonly db: Database,
    private readonly cipher: SecretCipher,
  ) {}

  get info() {
    return this.cipher.info;
  }

  has(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM secrets WHERE key = ?').get(key) !== undefined;
  }

  read(key: string): SecretRead {
    const row = this.db.prepare('SELECT cipher_text FROM secrets WHERE key = ?').get(key) as
      { cipher_text: string } | undefined;
    if (!row) return { state: 'absent' };
    try {
      return { state: 'present', value: this.cipher.decrypt(row.cipher_text) };
    } catch {
      // Typically a workspace copied from another machine or user: the password must be re-entered.
      return { state: 'unreadable', reason: 'the stored password was encrypted with another key; enter it again' };
    }
  }

  write(key: string, value: string): void {
    writeSealedSecret((sql) => this.db.prepare(sql), key, this.seal(value));
  }

  /** Encrypts without writing, for a write that happens elsewhere (an import's worker thread). */
  seal(value: string): SealedSecret {
    return sealSecret(this.cipher, value);
  }

  /** The systems that have a stored password, by id: one query for a whole tree. */
  systemsWithPassword(): Set<number> {
    const rows = this.db.prepare("SELECT key FROM secrets WHERE key GLOB 'system:*:password'").all() as Array<{
      key: string;
    }>;
    return new Set(rows.map((row) => Number(row.key.split(':')[1])));
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM secrets WHERE key = ?').run(key);
  }

  deleteByPrefix(prefix: string): void {
    deleteSecretsByPrefix((sql) => this.db.prepare(sql), prefix);
  }
}

export const systemPasswordKey = (systemId: number) => `system:${systemId}:password`;
