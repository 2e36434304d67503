import type { Connection, Integration, VendorInterface } from '../../src-shared/contract/model';
import {
  conflictResolutionSchema,
  type ConflictResolution,
  type CreatedItems,
} from '../../src-shared/contract/transfer';
import type { SealedSecret } from '../secrets/secret-store';
import { conflictOnDuplicate } from '../services/unique-name';
import type { Workspace } from '../services/workspace';
import { nameKey } from '../../src-shared/contract/name-rules';
import { invalidImport, validateImportSystems } from './import-checks';
import { NO_PROGRESS, type ImportProgress } from './import-progress';
import { writeImport, type ImportTables } from './import-writer';

export { invalidImport, issuePath, validateImportSystems } from './import-checks';
export { uniqueName } from './import-writer';

export interface ImportSystem {
  name: string;
  vendor: VendorInterface;
  timeZone: string;
  connection: Connection;
  /** From an encrypted bundle; a password typed in the import dialog (passwords[name]) wins. */
  password?: string;
  integrations: Array<Omit<Integration, 'id' | 'systemId'>>;
}

export interface ImportOptions {
  resolutions: Record<string, ConflictResolution>;
  passwords: Record<string, string>;
}

/** An import checked and decided up to what only the store can answer (which names exist). */
export interface PreparedImport {
  /** Validated and normalised by the model's schemas. */
  systems: ImportSystem[];
  resolutions: Map<string, ConflictResolution>;
  /** The password to store for systems[i]: the one typed in, else the one the file carried. */
  passwords: Array<string | undefined>;
}

/**
 * Validates every system and integration with the model's zod schemas first, then writes all of
 * it in ONE immediate transaction, or nothing. resolutions/passwords are keyed by the system name
 * as given (case-insensitive match). Conflict with an existing system name: 'rename' (default) ->
 * "Name (2)", "Name (3)"... (unique, <= 100 chars); 'skip' -> not written, listed in skipped;
 * 'replace' -> the existing system (its integrations and secrets) is deleted and the new one
 * written in the same transaction. Two systems with the same name inside one import ->
 * ServiceError('INVALID_INPUT'). Path-like names (/ \ .. control characters) ->
 * ServiceError('INVALID_INPUT'). Imported systems are never demo systems.
 */
export function applyImport(ws: Workspace, systems: ImportSystem[], options: ImportOptions): CreatedItems {
  return applyPrepared(ws, prepareImport(systems, options));
}

/** Everything before the write, without a store: runs on a worker thread for big imports. */
export function prepareImport(
  systems: readonly ImportSystem[],
  options: ImportOptions,
  onProgress: ImportProgress = NO_PROGRESS,
): PreparedImport {
  const validated = validateImportSystems(systems, onProgress);
  const resolutions = byNameKey('resolutions', options.resolutions, (value, path) => {
    const parsed = conflictResolutionSchema.safeParse(value);
    if (!parsed.success) throw invalidImport([{ path, message: 'must be rename, skip or replace' }]);
    return parsed.data;
  });
  const typed = byNameKey('passwords', options.passwords, (value, path) => {
    if (typeof value !== 'string') throw invalidImport([{ path, message: 'must be text' }]);
    return value;
  });
  // An empty typed password means "none typed", so the bundle's own password still applies.
  const passwords = validated.map((system) => typed.get(nameKey(system.name)) || system.password || undefined);
  return { systems: validated, resolutions, passwords };
}

/** Seals the passwords with the workspace's cipher, then writes in one immediate transaction. */
export function applyPrepared(ws: Workspace, prepared: PreparedImport): CreatedItems {
  const sealed = prepared.passwords.map((password) => (password ? ws.secrets.seal(password) : undefined));
  return writeInTransaction(ws, prepared, sealed);
}

/** The one transaction of an import, on whichever connection `tables` belongs to. */
export function writeInTransaction(
  tables: ImportTables,
  prepared: PreparedImport,
  sealed: ReadonlyArray<SealedSecret | undefined>,
  onProgress: ImportProgress = NO_PROGRESS,
): CreatedItems {
  return conflictOnDuplicate(
    () => tables.db.transaction(() => writeImport(tables, prepared, sealed, onProgress)).immediate(),
    () =>
      'Another program created a system or integration with one of these names meanwhile. Nothing was imported; try again.',
  );
}

function byNameKey<T>(
  field: string,
  record: Record<string, unknown>,
  check: (value: unknown, path: string) => T,
): Map<string, T> {
  const byKey = new Map<string, T>();
  const givenByKey = new Map<string, string>();
  for (const [name, value] of Object.entries(record ?? {})) {
    const path = `${field}[${JSON.stringify(name)}]`;
    const key = nameKey(name);
    const earlier = givenByKey.get(key);
    if (earlier !== undefined) {
      throw invalidImport([{ path, message: `names the same system as ${JSON.stringify(earlier)}` }]);
    }
    givenByKey.set(key, name);
    byKey.set(key, check(value, path));
  }
  return byKey;
}
