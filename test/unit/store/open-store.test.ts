import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src-main/store/migrations';
import { LATEST_STORE_VERSION, openStore, STORE_APPLICATION_ID } from '../../../src-main/store/open-store';
import { StoreError, type StoreErrorCode } from '../../../src-main/store/store-error';
import { sha256File } from '../../support/files';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-store-');

const m1: Migration = {
  version: 1,
  description: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'),
};
const m2: Migration = {
  version: 2,
  description: 'notes get a title',
  up: (db) => db.exec("ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT 'untitled'"),
};

function storeErrorOf(run: () => unknown): StoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw new Error(`expected a StoreError, got ${String(error)}`);
  }
  throw new Error('expected openStore to refuse the file, but it opened it');
}

function expectRefusedUntouched(file: string, code: StoreErrorCode): StoreError {
  const before = sha256File(file);
  const sizeBefore = fs.statSync(file).size;
  const error = storeErrorOf(() => openStore(file));
  expect(error.code).toBe(code);
  expect(error.message).toContain(file);
  expect(error.message).toMatch(/left untouched/);
  expect(fs.statSync(file).size).toBe(sizeBefore);
  expect(sha256File(file)).toBe(before);
  // A second attempt is refused the same way: the first did not "repair" anything.
  expect(storeErrorOf(() => openStore(file)).code).toBe(code);
  expect(sha256File(file)).toBe(before);
  return error;
}

/** A store with enough rows to span many pages. */
function makePopulatedStore(file: string): void {
  const db = openStore(file);
  const insertSystem = db.prepare(
    "INSERT INTO systems (name, name_key, vendor, time_zone, connection_json) VALUES (?, ?, 'universal', 'UTC', ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < 400; i += 1) {
      insertSystem.run(
        `System ${i}`,
        `system ${i}`,
        JSON.stringify({ kind: 'odbc', connectionString: `DSN=acd${i};${'x'.repeat(200)}` }),
      );
    }
  })();
  db.close();
}

describe('openStore on a new file', () => {
  it('creates a store in WAL mode with synchronous=FULL, foreign keys on and the latest version', () => {
    const file = tempDir().join('nested', 'workspace.sqlite');
    const db = openStore(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_STORE_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(STORE_APPLICATION_ID);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
      ).map((row) => row.name);
      expect(tables).toEqual(expect.arrayContaining(['integrations', 'secrets', 'systems']));
    } finally {
      db.close();
    }
    // A new store is not an "existing" one: no backup is made of an empty file.
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  it('reopens its own store without migrating or backing it up again', () => {
    const dir = tempDir();
    const file = dir.join('workspace.sqlite');
    openStore(file).close();
    const db = openStore(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_STORE_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    expect(fs.readdirSync(dir.path).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });
});

describe('openStore migrations', () => {
  it('backs up an older store before migrating it, and the backup opens at the old version', () => {
    const dir = tempDir();
    const file = dir.join('workspace.sqlite');
    const v1 = openStore(file, { migrations: [m1] });
    v1.prepare('INSERT INTO notes (body) VALUES (?)').run('written at version 1');
    v1.close();

    const v2 = openStore(file, { migrations: [m1, m2] });
    try {
      expect(v2.pragma('user_version', { simple: true })).toBe(2);
      expect(v2.prepare('SELECT body, title FROM notes').all()).toEqual([
        { body: 'written at version 1', title: 'untitled' },
      ]);
    } finally {
      v2.close();
    }

    const backups = fs.readdirSync(dir.path).filter((name) => name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const backupName = backups[0] ?? '';
    expect(backupName.startsWith('workspace.sqlite.v1-')).toBe(true);
    const backup = new Database(path.join(dir.path, backupName), { readonly: true, fileMustExist: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(backup.prepare('SELECT * FROM notes').all()).toEqual([{ id: 1, body: 'written at version 1' }]);
    } finally {
      backup.close();
    }
  });

  it('applies a failing migration not at all: the store stays at the previous version', () => {
    const file = tempDir().join('workspace.sqlite');
    openStore(file, { migrations: [m1] }).close();
    const broken: Migration = {
      version: 2,
      description: 'fails halfway',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('disk full (simulated)');
      },
    };
    expect(() => openStore(file, { migrations: [m1, broken] })).toThrow(/disk full \(simulated\)/);

    const db = openStore(file, { migrations: [m1] });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    } finally {
      db.close();
    }
  });
});

describe('openStore refuses files it must not touch', () => {
  it('refuses a store written by a newer version (STORE_TOO_NEW) and leaves its bytes unchanged', () => {
    const file = tempDir().join('workspace.sqlite');
    openStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_STORE_VERSION + 1}`);
    raw.close();

    const error = expectRefusedUntouched(file, 'STORE_TOO_NEW');
    expect(error.message).toMatch(/newer version/);
  });

  it('refuses a newer store even when a custom migration list is shorter (created with [m1, m2], opened with [m1])', () => {
    const file = tempDir().join('workspace.sqlite');
    openStore(file, { migrations: [m1, m2] }).close();
    const before = sha256File(file);
    const error = storeErrorOf(() => openStore(file, { migrations: [m1] }));
    expect(error.code).toBe('STORE_TOO_NEW');
    expect(sha256File(file)).toBe(before);
  });

  it('refuses garbage bytes (STORE_CORRUPT) and leaves them unchanged', () => {
    const file = tempDir().join('workspace.sqlite');
    const garbage = Buffer.alloc(16384);
    for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919 + 13) % 251;
    fs.writeFileSync(file, garbage);
    expectRefusedUntouched(file, 'STORE_CORRUPT');
  });

  it('refuses a text file (STORE_CORRUPT)', () => {
    const file = tempDir().join('workspace.sqlite');
    fs.writeFileSync(file, '[Xlink]\nserver=acd01\n');
    expectRefusedUntouched(file, 'STORE_CORRUPT');
  });

  it('refuses a truncated store (STORE_CORRUPT) and leaves it unchanged', () => {
    const file = tempDir().join('workspace.sqlite');
    makePopulatedStore(file);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(16 * 4096);
    fs.truncateSync(file, Math.floor(size / 2));
    const error = expectRefusedUntouched(file, 'STORE_CORRUPT');
    expect(error.message).toMatch(/damaged or not a database/);
  });

  it('refuses a store whose header survived but whose pages were overwritten (STORE_CORRUPT)', () => {
    const file = tempDir().join('workspace.sqlite');
    makePopulatedStore(file);
    const bytes = fs.readFileSync(file);
    // Keep page 1 (header and schema) and scribble over the b-tree pages after it.
    bytes.fill(0xa5, 4096 * 2, 4096 * 6);
    fs.writeFileSync(file, bytes);
    expectRefusedUntouched(file, 'STORE_CORRUPT');
  });

  it('refuses another application’s SQLite database (STORE_FOREIGN) and leaves it unchanged', () => {
    const file = tempDir().join('crm.sqlite');
    const foreign = new Database(file);
    foreign.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Acme')",
    );
    foreign.close();
    const error = expectRefusedUntouched(file, 'STORE_FOREIGN');
    expect(error.message).toMatch(/not an ACD Link Studio workspace/);
  });

  it('refuses a foreign database that only set user_version (STORE_FOREIGN)', () => {
    const file = tempDir().join('other.sqlite');
    const foreign = new Database(file);
    foreign.pragma('user_version = 1');
    foreign.close();
    expectRefusedUntouched(file, 'STORE_FOREIGN');
  });
});
