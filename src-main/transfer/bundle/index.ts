import { BUNDLE_FORMAT_VERSION, type BundleFile } from '../../../src-shared/contract/bundle-format';
import type { ConnectionKind } from '../../../src-shared/contract/model';
import type { BundlePlan, ConflictResolution, CreatedItems, TransferNote } from '../../../src-shared/contract/transfer';
import { ServiceError } from '../../../src-shared/rpc/result';
import type { Workspace } from '../../services/workspace';
import { nameKey } from '../../../src-shared/contract/name-rules';
import {
  applyPrepared,
  prepareImport,
  validateImportSystems,
  type ImportSystem,
  type PreparedImport,
} from '../apply-import';
import { NO_PROGRESS, type ImportProgress } from '../import-progress';
import { openPasswords, type PasswordsByIndex } from './bundle-secrets';
import { readBundle } from './read-bundle';
import { writeBundle, type ExportBundleOptions } from './write-bundle';

export { BUNDLE_FORMAT_VERSION };

/** Connections that log in with a password; an SQLite file has none. */
const PASSWORD_KINDS: ReadonlySet<ConnectionKind> = new Set(['postgres', 'mysql', 'mssql', 'odbc']);

export interface BundleImportOptions {
  passphrase?: string;
  resolutions: Record<string, ConflictResolution>;
  passwords: Record<string, string>;
}

export function exportBundle(ws: Workspace, options: ExportBundleOptions): { text: string; notes: TransferNote[] } {
  return writeBundle(ws, options);
}

/**
 * Parses and validates everything (throws ServiceError('INVALID_INPUT', message-with-json-path,
 * issues) on anything wrong); marks conflicts against the workspace; never writes. A bundle with
 * encrypted secrets can be planned without the passphrase.
 */
export function planBundle(ws: Workspace, content: string): BundlePlan {
  return planBundleText(content, ws.systems.idsByNameKey());
}

/** planBundle against the name keys of the stored systems, reporting progress (a worker's way). */
export function planBundleText(
  content: string,
  storedNameKeys: ReadonlyMap<string, unknown> | ReadonlySet<string>,
  onProgress: ImportProgress = NO_PROGRESS,
): BundlePlan {
  const bundle = readWithProgress(content, onProgress);
  const systems = validateImportSystems(toImportSystems(bundle, new Map()), onProgress);
  return {
    formatVersion: bundle.formatVersion,
    exportedAt: bundle.exportedAt,
    secrets: bundle.secrets ? 'encrypted' : 'none',
    systems: systems.map((system, index) => ({
      name: system.name,
      vendor: system.vendor,
      connectionKind: system.connection.kind,
      conflict: storedNameKeys.has(nameKey(system.name)),
      needsPassword: needsPassword(bundle, index),
      integrations: system.integrations.map(({ paused: _paused, ...integration }) => integration),
    })),
  };
}

/**
 * Decrypts (wrong passphrase / tampered -> ServiceError('INVALID_INPUT', 'The passphrase is wrong
 * or the bundle was altered; nothing was imported.')), then applyImport. A bundle with encrypted
 * secrets and no passphrase -> INVALID_INPUT asking for it.
 */
export function importBundle(ws: Workspace, content: string, options: BundleImportOptions): CreatedItems {
  return applyPrepared(ws, prepareBundleImport(content, options));
}

/** importBundle up to the write, without a store: what a worker thread does before writing. */
export function prepareBundleImport(
  content: string,
  options: BundleImportOptions,
  onProgress: ImportProgress = NO_PROGRESS,
): PreparedImport {
  onProgress('reading', 0, 1);
  const { bundle, rawSystems } = readBundle(content);
  let carried: PasswordsByIndex = new Map();
  if (bundle.secrets) {
    if (!options.passphrase) {
      const message = 'enter the passphrase it was exported with';
      throw new ServiceError(
        'INVALID_INPUT',
        `This bundle carries encrypted passwords: ${message}. Nothing was imported.`,
        [{ path: 'passphrase', message }],
      );
    }
    carried = openPasswords(bundle.secrets, rawSystems, options.passphrase);
    checkCarriedMatchesBundle(bundle, carried);
  }
  // Decrypting (scrypt, then AES over the systems' canonical JSON) belongs to reading the file.
  onProgress('reading', 1, 1);
  return prepareImport(
    toImportSystems(bundle, carried),
    { resolutions: options.resolutions, passwords: options.passwords },
    onProgress,
  );
}

/**
 * readBundle, saying so. Parsing and checking the file is one step (0.2 s for 20,000 systems),
 * reported at its start and end: its size in systems is known only once it is parsed.
 */
function readWithProgress(content: string, onProgress: ImportProgress): BundleFile {
  onProgress('reading', 0, 1);
  const { bundle } = readBundle(content);
  onProgress('reading', 1, 1);
  return bundle;
}

function toImportSystems(bundle: BundleFile, passwords: PasswordsByIndex): ImportSystem[] {
  return bundle.systems.map((system, index) => {
    const password = passwords.get(index);
    return {
      name: system.name,
      vendor: system.vendor,
      timeZone: system.timeZone,
      connection: system.connection,
      ...(password === undefined ? {} : { password }),
      integrations: system.integrations,
    };
  });
}

function needsPassword(bundle: BundleFile, index: number): boolean {
  const system = bundle.systems[index];
  if (!system || !PASSWORD_KINDS.has(system.connection.kind)) return false;
  return system.passwordSet && !(bundle.secrets && system.passwordIncluded);
}

/** Authentic secrets that disagree with passwordIncluded come from a faulty writer: refuse rather than guess. */
function checkCarriedMatchesBundle(bundle: BundleFile, carried: PasswordsByIndex): void {
  const expected = bundle.systems.flatMap((system, index) => (system.passwordIncluded ? [index] : []));
  const matches = expected.length === carried.size && expected.every((index) => carried.has(index));
  if (!matches) {
    const message = 'the encrypted passwords do not match the systems marked passwordIncluded';
    throw new ServiceError('INVALID_INPUT', `secrets: ${message}. Nothing was imported.`, [
      { path: 'secrets', message },
    ]);
  }
}
