import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_SCHEMA_URL,
  isPathLikeName,
  type BundleFileInput,
} from '../../../src-shared/contract/bundle-format';
import { BUNDLE_MAX_BYTES, type TransferNote } from '../../../src-shared/contract/transfer';
import { ServiceError } from '../../../src-shared/rpc/result';
import { systemPasswordKey } from '../../secrets/secret-store';
import type { Workspace } from '../../services/workspace';
import type { SystemRow } from '../../store/systems-repository';
import { sealPasswords } from './bundle-secrets';

export interface ExportBundleOptions {
  /** The systems to export; all of them when absent. */
  systemIds?: number[];
  /** Include the stored passwords, encrypted with a key derived from this passphrase. */
  passphrase?: string;
  appVersion: string;
  now?: Date;
}

const PASSPHRASE_MIN = 8;
const PASSPHRASE_MAX = 1024;

/** The bundle text (formatVersion 1, see bundle-format.ts) and what the reader should know about it. */
export function writeBundle(ws: Workspace, options: ExportBundleOptions): { text: string; notes: TransferNote[] } {
  checkPassphrase(options.passphrase);
  // One read transaction: a consistent snapshot even while the CLI writes beside the app.
  const { systems, passwords, notes } = ws.db.transaction(() => gather(ws, options))();
  const withoutPassword = systems.filter((system) => system.passwordSet && !system.passwordIncluded);
  if (options.passphrase === undefined && withoutPassword.length > 0) {
    notes.push(
      note(
        'info',
        null,
        `Passwords are not included (no passphrase was given): the import will ask for the passwords of ${withoutPassword.map((system) => `"${system.name}"`).join(', ')}.`,
      ),
    );
  }

  const bundle: BundleFileInput = {
    $schema: BUNDLE_SCHEMA_URL,
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    exportedBy: { app: 'ACD Link Studio', version: options.appVersion },
    systems,
  };
  if (options.passphrase !== undefined) {
    // Bound to the systems exactly as a reader will parse them back from the text.
    const asWritten: unknown = JSON.parse(JSON.stringify(systems));
    bundle.secrets = sealPasswords(passwords, asWritten, options.passphrase);
  }
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > BUNDLE_MAX_BYTES) {
    throw new ServiceError(
      'INVALID_INPUT',
      `The bundle would be ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the 3 MB an import reads. Export fewer systems at a time.`,
      [{ path: 'systemIds', message: 'the bundle would be larger than 3 MB' }],
    );
  }
  return { text, notes };
}

function gather(ws: Workspace, options: ExportBundleOptions) {
  const rows = chooseSystems(ws, options.systemIds);
  const integrations = ws.integrations.listAll();
  const notes: TransferNote[] = [];
  const passwords = new Map<number, string>();

  const systems = rows.map((row, index) => {
    const key = systemPasswordKey(row.id);
    const passwordSet = ws.secrets.has(key);
    let passwordIncluded = false;
    if (passwordSet && options.passphrase !== undefined) {
      const stored = ws.secrets.read(key);
      if (stored.state === 'present') {
        passwords.set(index, stored.value);
        passwordIncluded = true;
      } else {
        notes.push(
          note(
            'warning',
            row.name,
            `The password is not included: ${readFailure(stored)}. The import will ask for it.`,
          ),
        );
      }
    }
    const own = integrations
      .filter((integration) => integration.systemId === row.id)
      .map(({ id: _id, systemId: _systemId, ...values }) => values);
    notes.push(
      ...notesAbout(
        row,
        own.map((integration) => integration.name),
      ),
    );
    return {
      name: row.name,
      vendor: row.vendor,
      timeZone: row.timeZone,
      connection: row.connection,
      passwordSet,
      ...(passwordIncluded ? { passwordIncluded: true } : {}),
      integrations: own,
    };
  });

  return { systems, passwords, notes };
}

function checkPassphrase(passphrase: string | undefined): void {
  if (passphrase === undefined) return;
  const message =
    passphrase.length < PASSPHRASE_MIN
      ? `the passphrase must have at least ${PASSPHRASE_MIN} characters`
      : passphrase.length > PASSPHRASE_MAX
        ? `the passphrase must have at most ${PASSPHRASE_MAX} characters`
        : undefined;
  if (message) throw new ServiceError('INVALID_INPUT', `${message}.`, [{ path: 'passphrase', message }]);
}

function chooseSystems(ws: Workspace, systemIds: number[] | undefined): SystemRow[] {
  const all = ws.systems.list();
  if (systemIds === undefined) return all;
  const known = new Set(all.map((row) => row.id));
  const missing = systemIds.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new ServiceError(
      'NOT_FOUND',
      `There is no external system with id ${missing.join(', ')}; it may have been deleted. Nothing was exported.`,
    );
  }
  const wanted = new Set(systemIds);
  return all.filter((row) => wanted.has(row.id));
}

function notesAbout(row: SystemRow, integrationNames: string[]): TransferNote[] {
  const notes: TransferNote[] = [];
  if (row.isDemo && row.connection.kind === 'sqlite') {
    notes.push(
      note(
        'info',
        row.name,
        `This is the embedded demo. Its SQLite file (${row.connection.file}) is in this computer's data folder; ` +
          'the import creates an ordinary system, which works on another computer only once its file is chosen there.',
      ),
    );
  }
  const pathLike = [row.name, ...integrationNames].filter(isPathLikeName);
  if (pathLike.length > 0) {
    notes.push(
      note(
        'warning',
        row.name,
        `${pathLike.map((name) => `"${name}"`).join(', ')} contains "/", "\\", ".." or a control character, which an import refuses: rename before exporting.`,
      ),
    );
  }
  return notes;
}

function readFailure(read: { state: 'absent' } | { state: 'unreadable'; reason: string }): string {
  return read.state === 'unreadable' ? read.reason : 'it was removed while exporting';
}

const note = (severity: TransferNote['severity'], section: string | null, message: string): TransferNote => ({
  severity,
  section,
  key: null,
  line: null,
  message,
});
