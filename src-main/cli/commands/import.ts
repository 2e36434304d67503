import fs from 'node:fs';
import type { OutputOf } from '../../../src-shared/contract/api';
import { BUNDLE_MAX_BYTES, XLINK_FILE_MAX_BYTES, type TransferNote } from '../../../src-shared/contract/transfer';
import type { AppContext } from '../../app-context';
import { callOrThrow } from '../call';
import { type Command, EXIT_OK, UsageError } from '../cli-io';
import { parseOptions } from '../parse-options';
import { checkImportedIntegrations, type IntegrationCheck } from './import-checks';
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

type Created = OutputOf<'bundle.import'> & { notes?: TransferNote[] };

export const importCommand: Command = async ({ io, args, openContext }) => {
  const values = parseOptions('import', args, OPTIONS);
  if (values.from === undefined) throw new UsageError('import: --from FILE is required');
  const bytes = readLimited('--from', values.from, Math.max(XLINK_FILE_MAX_BYTES, BUNDLE_MAX_BYTES));
  const isBundle = looksLikeJson(bytes);
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
  try {
    const created: Created = isBundle
      ? await importBundle(context, bytes, resolution, passwords, passphrase)
      : await callOrThrow(context, 'xlink.import', {
          iniBase64: bytes.toString('base64'),
          ...(acdMap ? { acdMapBase64: acdMap.toString('base64') } : {}),
          resolutions: await allResolved(context, bytes, acdMap, resolution),
          passwords,
        });
    const checks = values['no-check'] ? [] : await checkImportedIntegrations(context, created.integrations);
    if (values.json)
      io.out(JSON.stringify({ kind: isBundle ? 'bundle' : 'xlink', ...created, checks }, null, 2) + '\n');
    else io.out(describe(created, checks));
    return EXIT_OK;
  } finally {
    context.close();
  }
};

async function importBundle(
  context: AppContext,
  bytes: Buffer,
  resolution: 'rename' | 'skip' | 'replace',
  passwords: Record<string, string>,
  passphrase: string | undefined,
): Promise<Created> {
  const content = bytes.toString('utf8');
  const plan = await callOrThrow(context, 'bundle.plan', { content });
  const resolutions = Object.fromEntries(plan.systems.map((system) => [system.name, resolution]));
  return callOrThrow(context, 'bundle.import', {
    content,
    resolutions,
    passwords,
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
}

/** The one --on-conflict choice applied to every planned system. */
async function allResolved(
  context: AppContext,
  ini: Buffer,
  acdMap: Buffer | undefined,
  resolution: 'rename' | 'skip' | 'replace',
): Promise<Record<string, 'rename' | 'skip' | 'replace'>> {
  const plan = await callOrThrow(context, 'xlink.plan', {
    iniBase64: ini.toString('base64'),
    ...(acdMap ? { acdMapBase64: acdMap.toString('base64') } : {}),
  });
  return Object.fromEntries(plan.systems.map((system) => [system.name, resolution]));
}

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

function looksLikeJson(bytes: Buffer): boolean {
  const text = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('{');
}

function describe(created: Created, checks: IntegrationCheck[]): string {
  const lines: string[] = [];
  for (const system of created.systems)
    lines.push(`${system.replaced ? 'replaced' : 'created'} system "${system.name}"`);
  for (const name of created.skipped) lines.push(`skipped system "${name}" (it already exists)`);
  for (const integration of created.integrations) {
    const check = checks.find((entry) => entry.integrationId === integration.id);
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
