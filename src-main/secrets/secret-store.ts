import type { Database } from 'better-sqlite3';
import type { SecretCipher } from './secret-cipher';

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
    this.db
      .prepare(
        'INSERT INTO secrets (key, cipher_kind, cipher_text) VALUES (?, ?, ?) ' +
          'ON CONFLICT(key) DO UPDATE SET cipher_kind = excluded.cipher_kind, cipher_text = excluded.cipher_text',
      )
      .run(key, this.cipher.info.kind, this.cipher.encrypt(value));
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM secrets WHERE key = ?').run(key);
  }

  deleteByPrefix(prefix: string): void {
    this.db.prepare('DELETE FROM secrets WHERE substr(key, 1, length(?)) = ?').run(prefix, prefix);
  }
}

export const systemPasswordKey = (systemId: number) => `system:${systemId}:password`;
