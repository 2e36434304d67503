import { nameKey } from '../../../src-shared/contract/name-rules';
import type { OutputOf } from '../../../src-shared/contract/api';
import type { ConflictResolution, TransferNote } from '../../../src-shared/contract/transfer';
import type { AppContext } from '../../app-context';
import { callOrThrow } from '../call';
import { UsageError } from '../cli-io';
import { planRunId } from './import-progress';

export type ImportedItems = OutputOf<'bundle.import'> & { notes?: TransferNote[] };

interface ImportChoices {
  resolution: ConflictResolution;
  passwords: Record<string, string>;
  /** Names this import's `transfer.progressed` events. */
  runId: string;
}

/** Plans first (nothing written), checks the command line against the plan, then imports. */
export async function importXlinkFile(
  context: AppContext,
  ini: Buffer,
  acdMap: Buffer | undefined,
  { resolution, passwords, runId }: ImportChoices,
): Promise<ImportedItems> {
  const files = {
    iniBase64: ini.toString('base64'),
    ...(acdMap ? { acdMapBase64: acdMap.toString('base64') } : {}),
  };
  const plan = await callOrThrow(context, 'xlink.plan', files);
  const names = plan.systems.map((system) => system.name);
  checkPasswordNames(names, passwords);
  return callOrThrow(context, 'xlink.import', {
    ...files,
    resolutions: everyOne(names, resolution),
    passwords,
    runId,
  });
}

export async function importBundleFile(
  context: AppContext,
  content: string,
  { resolution, passwords, passphrase, runId }: ImportChoices & { passphrase: string | undefined },
): Promise<ImportedItems> {
  const plan = await callOrThrow(context, 'bundle.plan', { content, runId: planRunId(runId) });
  const names = plan.systems.map((system) => system.name);
  checkPasswordNames(names, passwords);
  const created = await callOrThrow(context, 'bundle.import', {
    content,
    resolutions: everyOne(names, resolution),
    passwords,
    ...(passphrase !== undefined ? { passphrase } : {}),
    runId,
  });
  // What the UI asks for in its dialog, the command line says after the fact.
  const typed = new Set(Object.keys(passwords).map(nameKey));
  const skipped = new Set(created.skipped.map(nameKey));
  const notes: TransferNote[] = plan.systems
    .filter((system) => system.needsPassword && !typed.has(nameKey(system.name)) && !skipped.has(nameKey(system.name)))
    .map((system) => ({
      severity: 'warning',
      section: system.name,
      key: null,
      line: null,
      message: `The bundle does not carry this system's password: enter it in the system's form, or import again with --password-env "${system.name}=VAR".`,
    }));
  return { ...created, notes };
}

/** The one --on-conflict choice, applied to every planned system. */
const everyOne = (names: string[], resolution: ConflictResolution) =>
  Object.fromEntries(names.map((name) => [name, resolution]));

/** A mistyped system name in --password-env would otherwise import the system without its password. */
function checkPasswordNames(planned: string[], passwords: Record<string, string>): void {
  const known = new Set(planned.map(nameKey));
  const unknown = Object.keys(passwords).filter((name) => !known.has(nameKey(name)));
  if (unknown.length === 0) return;
  const list = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
  throw new UsageError(
    `import: --password-env names ${list(unknown)}, which the file does not hold (its systems: ${list(planned) || 'none'}). Nothing was imported.`,
  );
}
