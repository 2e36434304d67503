import Database, { type Database as Db } from 'better-sqlite3';
import { IntegrationsRepository } from '../../store/integrations-repository';
import { STORE_APPLICATION_ID } from '../../store/open-store';
import { SystemsRepository } from '../../store/systems-repository';
import type { ImportTables } from '../import-writer';

/**
 * A second connection to the workspace file the main thread has open. SQLite's WAL mode lets
 * both read at once, and the immediate transaction makes the import's write exclusive, as it is
 * against another process (the CLI). The main thread has already checked and migrated the file,
 * so this only confirms it is still that file at that version, and never migrates.
 */
export function openWorkerStore(file: string, storeVersion: number): ImportTables & { close(): void } {
  const db: Db = new Database(file, { fileMustExist: true });
  try {
    // The same settings as openStore: WAL is kept in the file, the rest is per connection.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const applicationId = db.pragma('application_id', { simple: true });
    const version = db.pragma('user_version', { simple: true });
    if (applicationId !== STORE_APPLICATION_ID || version !== storeVersion) {
      throw new Error(`the workspace ${file} changed under the import (store version ${String(version)})`);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    systems: new SystemsRepository(db),
    integrations: new IntegrationsRepository(db),
    close: () => db.close(),
  };
}
