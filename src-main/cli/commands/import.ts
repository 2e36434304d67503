import fs from 'node:fs';
import { BUNDLE_MAX_BYTES, XLINK_FILE_MAX_BYTES } from '../../../src-shared/contract/transfer';
import { type Command, EXIT_OK, UsageError } from '../cli-io';
import { parseOptions } from '../parse-options';
import { checkImportedIntegrations, type IntegrationCheck } from './import-checks';
import { printImportProgress } from './import-progress';
import { importBundleFile, type ImportedItems, importXlinkFile } from './import-runs';
import { readPassphraseFile, readPasswordEnv, readResolution } from './transfer-options';

export const IMPORT_USAGE = `Usage:
  acd-link import --from FILE [--acd-map FILE] [--on-conflict rename|skip|replace]
                  [--password-env "SYSTEM=VAR"]... [--passphrase-file FILE] [--no-check]
                  [--workspace FILE] [--json]
      FILE is an Xlink isps_ul.ini (with its acd_map.ini) or a workspace bundle (.json).
      Prints what was created and everything that could not be translated, then previews and
      validates each new integration (unless --no-check). A password is never read from the
      command line: --password-env names an environment variable per system, and the bundle
      passphrase is the first line of --passphrase-file.`;

const OPTIONS = {
  from: { type: 'string' },
  'acd-map': { type: 'string' },
  'on-conflict': { type: 'string' },
  'password-env': { type: 'string', multiple: true },
  'passphrase-file': { type: 'string' },
  'no-check': { type: 'boolean' },
  workspace: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const importCommand: Command = async ({ io, args, openContext }) => {
  const values = parseOptions('import', args, OPTIONS);
  if (values.from === undefined) throw new UsageError('import: --from FILE is required');
  const bytes = readLimited('--from', values.from, Math.max(XLINK_FILE_MAX_BYTES, BUNDLE_MAX_BYTES));
  const bundleText = bundleTextOf(bytes);
  const isBundle = bundleText !== undefined;
  if (isBundle && values['acd-map'] !== undefined)
    throw new UsageError('import: --acd-map goes with an isps_ul.ini, not with a workspace bundle');
  if (!isBundle && values['passphrase-file'] !== undefined)
    throw new UsageError('import: --passphrase-file goes with a workspace bundle, not with an isps_ul.ini');
  const acdMap =
    values['acd-map'] === undefined ? undefined : readLimited('--acd-map', values['acd-map'], XLINK_FILE_MAX_BYTES);
  const resolution = readResolution('import', values['on-conflict']);
  const passwords = readPasswordEnv('import', values['password-env'] ?? [], io.env);
  const passphrase =
    values['passphrase-file'] === undefined ? undefined : readPassphraseFile('import', values['passphrase-file']);

  const context = openContext(values.workspace);
  const runId = `cli-import-${process.pid}`;
  const stopProgress = printImportProgress(context, runId, (text) => io.err(text));
  try {
    const created: ImportedItems =
      bundleText !== undefined
        ? await importBundleFile(context, bundleText, { resolution, passwords, passphrase, runId })
        : await importXlinkFile(context, bytes, acdMap, { resolution, passwords, runId });
    stopProgress();
    const checks = values['no-check'] ? [] : await checkImportedIntegrations(context, created.integrations);
    if (values.json)
      io.out(JSON.stringify({ kind: isBundle ? 'bundle' : 'xlink', ...created, checks }, null, 2) + '\n');
    else io.out(describe(created, checks));
    return EXIT_OK;
  } finally {
    stopProgress();
    context.close();
  }
};

function readLimited(flag: string, file: string, limit: number): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`import: ${flag} ${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `import: cannot read ${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (size > limit)
    throw new UsageError(
      `import: ${flag} ${file} is ${(size / 1024 / 1024).toFixed(1)} MB; an isps_ul.ini or workspace bundle is at most ${limit / 1024 / 1024} MB. Nothing was imported.`,
    );
  return fs.readFileSync(file);
}

/**
 * The text of a workspace bundle, or undefined for anything else (an isps_ul.ini). Bundles saved
 * by Notepad ("Unicode") or PowerShell are UTF-16 with a byte-order mark.
 */
function bundleTextOf(bytes: Buffer): string | undefined {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('{') ? text : undefined;
}

function describe(created: ImportedItems, checks: IntegrationCheck[]): string {
  const lines: string[] = [];
  for (const system of created.systems)
    lines.push(`${system.replaced ? 'replaced' : 'created'} system "${system.name}"`);
  for (const name of created.skipped) lines.push(`skipped system "${name}" (it already exists)`);
  const checkById = new Map(checks.map((check) => [check.integrationId, check]));
  for (const integration of created.integrations) {
    const check = checkById.get(integration.id);
    lines.push(`  integration "${integration.name}"${check ? `: ${check.summary}` : ''}`);
  }
  if (created.systems.length === 0) lines.push('Nothing was created.');
  const notes = created.notes ?? [];
  if (notes.length > 0) {
    lines.push('', 'Not translated, or translated on an assumption:');
    for (const note of notes) {
      const where = [note.section && `[${note.section}]`, note.key, note.line !== null ? `line ${note.line}` : null]
        .filter(Boolean)
        .join(' ');
      lines.push(`  ${note.severity}: ${where ? `${where}: ` : ''}${note.message}`);
    }
  }
  return lines.join('\n') + '\n';
}
