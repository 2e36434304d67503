import { NAME_MAX_LENGTH } from '../../src-shared/contract/model';
import type { CreatedItems } from '../../src-shared/contract/transfer';
import {
  deleteSecretsByPrefix,
  systemPasswordKey,
  writeSealedSecret,
  type SealedSecret,
} from '../secrets/secret-store';
import type { Workspace } from '../services/workspace';
import { statementCache } from '../store/statement-cache';
import { nameKey } from '../../src-shared/contract/name-rules';
import type { PreparedImport } from './apply-import';
import { NO_PROGRESS, type ImportProgress } from './import-progress';

/** The tables an import writes; the main thread's workspace or a worker's own connection to its file. */
export type ImportTables = Pick<Workspace, 'db' | 'systems' | 'integrations'>;

/**
 * The body of the import's one immediate transaction (the caller opens it): resolves each name
 * conflict against the names stored when it started, then writes. `sealed[i]` is the encrypted
 * password of prepared.systems[i], sealed beforehand because the cipher may live on another thread.
 */
export function writeImport(
  tables: ImportTables,
  prepared: PreparedImport,
  sealed: ReadonlyArray<SealedSecret | undefined>,
  onProgress: ImportProgress = NO_PROGRESS,
): CreatedItems {
  const { systems, resolutions } = prepared;
  const created: CreatedItems = { systems: [], integrations: [], skipped: [] };
  const sql = statementCache(tables.db);
  // One query instead of one per system. Names inside one import are unique, so no system this
  // import writes can be the "existing" system of a later one.
  const existing = tables.systems.idsByNameKey();
  // Renames must avoid the existing names and every name this import writes as given.
  const taken = new Set([...existing.keys(), ...systems.map((system) => nameKey(system.name))]);

  systems.forEach((system, index) => {
    onProgress('writing', index + 1, systems.length);
    const key = nameKey(system.name);
    const existingId = existing.get(key);
    let name = system.name;
    let replaced = false;
    if (existingId !== undefined) {
      const resolution = resolutions.get(key) ?? 'rename';
      if (resolution === 'skip') {
        created.skipped.push(system.name);
        return;
      }
      if (resolution === 'replace') {
        tables.systems.delete(existingId); // its integrations go with it (ON DELETE CASCADE)
        deleteSecretsByPrefix(sql, `system:${existingId}:`);
        replaced = true;
      } else {
        name = uniqueName(system.name, taken);
        taken.add(nameKey(name));
      }
    }
    const systemId = tables.systems.insert({
      name,
      vendor: system.vendor,
      timeZone: system.timeZone,
      connection: system.connection,
      isDemo: false,
    });
    const password = sealed[index];
    if (password) writeSealedSecret(sql, systemPasswordKey(systemId), password);
    created.systems.push({ id: systemId, name, replaced });
    for (const integration of system.integrations) {
      const id = tables.integrations.insert(systemId, integration);
      created.integrations.push({ id, systemId, name: integration.name });
    }
  });
  return created;
}

/** "Name (2)", "Name (3)", ...: the first that is free, shortening the name to stay within the length limit. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, NAME_MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}
