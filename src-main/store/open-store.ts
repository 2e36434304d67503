import fs from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { LATEST_STORE_VERSION, MIGRATIONS, type Migration } from './migrations';
import { StoreError } from './store-error';

/** Marks our files, so a random SQLite file is not mistaken for a workspace and migrated. */
export const STORE_APPLICATION_ID = 0x41434c53; // "ACLS"

export interface OpenStoreOptions {
  migrations?: readonly Migration[];
}

/**
 * Opens (creating when missing) a workspace store. Checks happen read-only first, so a corrupt,
 * foreign or newer-version file is reported and never written to.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  const current = exists ? inspectExisting(file, latest) : 0;

  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new StoreError('STORE_UNAVAILABLE', `Cannot open the workspace ${file}: ${describe(error)}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged save survives a power cut, not only a killed process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file, current, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError('STORE_UNAVAILABLE', `Cannot prepare the workspace ${file}: ${describe(error)}`);
  }
}

function inspectExisting(file: string, latest: number): number {
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    const tableCount = (
      probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
    ).n;
    if (applicationId !== STORE_APPLICATION_ID && (version !== 0 || tableCount > 0)) {
      throw new StoreError(
        'STORE_FOREIGN',
        `${file} is an SQLite database but not an ACD Link Studio workspace. It was left untouched; choose another file.`,
      );
    }
    if (version > latest) {
      throw new StoreError(
        'STORE_TOO_NEW',
        `${file} was written by a newer version of ACD Link Studio (store version ${version}; this version knows up to ${latest}). ` +
          'It was left untouched: update ACD Link Studio to open it.',
      );
    }
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    return version;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      'STORE_CORRUPT',
      `${file} is damaged or not a database (${describe(error)}). It was left untouched: restore a backup ` +
        'or move it away to start a new workspace.',
    );
  } finally {
    probe?.close();
  }
}

function migrate(db: Db, file: string, current: number, migrations: readonly Migration[]): void {
  if (current >= migrations.length) return;
  if (current > 0) {
    // A consistent copy before changing anything the user already had.
    const backup = `${file}.v${current}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    db.prepare('VACUUM INTO ?').run(backup);
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`application_id = ${STORE_APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { LATEST_STORE_VERSION };
