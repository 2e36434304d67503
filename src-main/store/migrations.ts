import type { Database } from 'better-sqlite3';
import { rekeyNames } from './rekey-names';

export interface Migration {
  /** user_version after this migration; numbers are consecutive from 1. */
  readonly version: number;
  readonly description: string;
  up(db: Database): void;
}

/**
 * Numbered, immutable migrations: never edit a released one, add the next number instead.
 * Name uniqueness is case-insensitive (`name_key`), because admins read "Avaya" and "avaya" as
 * the same system and Xlink's ini sections were case-insensitive too. From version 3 the key also
 * folds look-alikes (NFKC, runs of spaces): see src-shared/contract/name-rules.ts.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'external systems, integrations, secrets',
    up: (db) =>
      db.exec(`
        CREATE TABLE systems (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          name_key TEXT NOT NULL UNIQUE,
          vendor TEXT NOT NULL CHECK (vendor IN ('universal', 'avaya-cms', 'cisco-icm', 'other')),
          time_zone TEXT NOT NULL,
          connection_json TEXT NOT NULL CHECK (json_valid(connection_json)),
          is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
          created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
          updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE TABLE integrations (
          id INTEGER PRIMARY KEY,
          system_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          import_type TEXT NOT NULL CHECK (import_type IN ('interval', 'contact', 'agent-states')),
          interval_minutes INTEGER NOT NULL CHECK (interval_minutes IN (15, 30)),
          sql_text TEXT NOT NULL,
          rule_set TEXT NOT NULL,
          real_time INTEGER NOT NULL CHECK (real_time IN (0, 1)),
          reconciliation INTEGER NOT NULL DEFAULT 1 CHECK (reconciliation IN (0, 1)),
          paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
          created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
          updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
          UNIQUE (system_id, name_key)
        );
        CREATE INDEX integrations_by_system ON integrations(system_id);
        -- Workspace-level flags, e.g. whether the demo was offered (so deleting it is final).
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        -- Only ciphertext from the SecretCipher port is stored here.
        CREATE TABLE secrets (
          key TEXT PRIMARY KEY,
          cipher_kind TEXT NOT NULL,
          cipher_text TEXT NOT NULL
        );
      `),
  },
  {
    version: 2,
    description: 'last validation per integration, for the hand-off sheet',
    // One row per integration (the newest run replaces it); it goes when the integration goes.
    up: (db) =>
      db.exec(`
        CREATE TABLE last_validations (
          integration_id INTEGER PRIMARY KEY REFERENCES integrations(id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('preview', 'full')),
          finished_at TEXT NOT NULL,
          sql_sha256 TEXT NOT NULL CHECK (length(sql_sha256) = 64),
          import_type TEXT NOT NULL CHECK (import_type IN ('interval', 'contact', 'agent-states')),
          interval_minutes INTEGER NOT NULL CHECK (interval_minutes IN (15, 30)),
          rule_set TEXT NOT NULL,
          rows_checked INTEGER NOT NULL CHECK (rows_checked >= 0),
          ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
          counts_by_severity_json TEXT NOT NULL CHECK (json_valid(counts_by_severity_json)),
          finding_counts_json TEXT NOT NULL CHECK (json_valid(finding_counts_json)),
          first_timestamp TEXT,
          last_timestamp TEXT
        );
      `),
  },
  {
    version: 3,
    description: 'name keys fold look-alikes (NFKC, runs of spaces)',
    up: rekeyNames,
  },
];

export const LATEST_STORE_VERSION = MIGRATIONS.length;
