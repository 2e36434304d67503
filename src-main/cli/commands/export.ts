import { nameKey } from '../../../src-shared/contract/name-rules';
import type { ExportedFile } from '../../../src-shared/contract/transfer';
import type { AppContext } from '../../app-context';
import { OutputPathError, type ProtectedPlaces, resolveOutputPath } from '../../files/output-path';
import { writeJournalIn } from '../../files/write-journal';
import { copyFileAtomic } from '../../transfer/copy-file-atomic';
import { callOrThrow } from '../call';
import { type Command, EXIT_OK, UsageError } from '../cli-io';
import { parseIntegerOption, parseOptions } from '../parse-options';
import { findByName } from './systems';
import { readPassphraseFile } from './transfer-options';

export const EXPORT_USAGE = `Usage:
  acd-link export --format ini|json|handoff|csv|jsonl --out FILE [--system NAME] [--integration NAME]
                  [--passphrase-file FILE] [--handoff-format html|markdown] [--limit N] [--include-invalid]
                  [--workspace FILE] [--json]
      ini      Xlink isps_ul.ini for all systems, or --system
      json     workspace bundle for all systems, or --system; passwords only with --passphrase-file
               (encrypted with the passphrase on its first line)
      handoff  the hand-off sheet of --integration (HTML, or Markdown with --handoff-format markdown
               or an --out ending in .md)
      csv      the validated rows of --integration's query (all rows; the first N with --limit);
      jsonl    rows with an error finding are left out unless --include-invalid
      The file is written atomically: FILE is either left as it was or replaced by the complete export.`;

const FORMATS = ['ini', 'json', 'handoff', 'csv', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string' },
  system: { type: 'string' },
  integration: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'handoff-format': { type: 'string' },
  limit: { type: 'string' },
  'include-invalid': { type: 'boolean' },
  workspace: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseExportOptions>;
const parseExportOptions = (args: string[]) => parseOptions('export', args, OPTIONS);

export const exportCommand: Command = async ({ io, args, openContext }) => {
  const values = parseExportOptions(args);
  const format = values.format as Format | undefined;
  if (format === undefined || !FORMATS.includes(format))
    throw new UsageError(
      `export: --format must be one of ${FORMATS.join(', ')}${values.format ? `, not "${values.format}"` : ''}`,
    );
  if (values.out === undefined || values.out.trim() === '') throw new UsageError('export: --out FILE is required');
  const given = values.out;
  const passphrase =
    values['passphrase-file'] === undefined ? undefined : readPassphraseFile('export', values['passphrase-file']);
  if (passphrase !== undefined && format !== 'json')
    throw new UsageError('export: --passphrase-file goes with --format json (a workspace bundle)');
  const limit = parseIntegerOption('export', 'limit', values.limit);
  if (limit !== undefined && (limit < 1 || limit > 10_000))
    throw new UsageError('export: --limit must be from 1 to 10000');

  const context = openContext(values.workspace);
  try {
    const places: ProtectedPlaces = { dataDir: context.dataDir, workspaceFile: context.workspace.file };
    checkOut(given, places); // before a long export, so a wrong --out is refused at once
    const file = await produce(context, format, values, passphrase, limit);
    // Checked again just before writing: links on the way may have changed during the export.
    const target = checkOut(given, places);
    const bytes = await copyFileAtomic(context.staging.resolve(file.downloadId).path, target, {
      journal: writeJournalIn(context.dataDir),
    });
    // The real path written (links and `..` resolved), so the message says where the bytes are.
    if (values.json) io.out(JSON.stringify({ out: target, ...file, bytes }, null, 2) + '\n');
    else {
      io.out(`wrote ${target} (${bytes} bytes)${rowsText(file)}\n`);
      for (const note of file.notes)
        io.err(`${note.severity}: ${note.section ? `[${note.section}] ` : ''}${note.message}\n`);
    }
    return EXIT_OK;
  } finally {
    context.close();
  }
};

async function produce(
  context: AppContext,
  format: Format,
  values: Values,
  passphrase: string | undefined,
  limit: number | undefined,
): Promise<ExportedFile> {
  const tree = await callOrThrow(context, 'workspace.tree', {});
  const system = values.system === undefined ? undefined : findByName(tree, values.system);
  const systemIds = system ? [system.id] : undefined;
  switch (format) {
    case 'ini':
      return callOrThrow(context, 'xlink.export', systemIds ? { systemIds } : {});
    case 'json':
      return callOrThrow(context, 'bundle.export', {
        ...(systemIds ? { systemIds } : {}),
        ...(passphrase ? { passphrase } : {}),
      });
    case 'handoff': {
      const integration = findIntegration(tree, values);
      const markdown =
        values['handoff-format'] === 'markdown' ||
        (values['handoff-format'] === undefined && /\.md$/i.test(values.out ?? ''));
      if (values['handoff-format'] !== undefined && !['html', 'markdown'].includes(values['handoff-format']))
        throw new UsageError(`export: --handoff-format must be html or markdown, not "${values['handoff-format']}"`);
      return callOrThrow(context, 'handoff.export', {
        integrationId: integration.id,
        format: markdown ? 'markdown' : 'html',
      });
    }
    case 'csv':
    case 'jsonl': {
      const integration = findIntegration(tree, values);
      if (integration.sql.trim() === '')
        throw new UsageError(`export: the integration "${integration.name}" has no SQL yet`);
      return callOrThrow(context, 'rows.export', {
        systemId: integration.systemId,
        integrationId: integration.id,
        sql: integration.sql,
        validation: {
          importType: integration.importType,
          intervalMinutes: integration.intervalMinutes,
          ruleSet: integration.ruleSet,
        },
        format,
        scope: limit === undefined ? 'full' : 'preview',
        ...(limit !== undefined ? { limit } : {}),
        includeInvalid: values['include-invalid'] ?? false,
      });
    }
  }
}

type Tree = Awaited<ReturnType<typeof callOrThrow<'workspace.tree'>>>;

function findIntegration(tree: Tree, values: Values) {
  if (values.integration === undefined)
    throw new UsageError(`export: --format ${values.format} needs --integration NAME`);
  const wanted = nameKey(values.integration);
  const systems = values.system === undefined ? tree : [findByName(tree, values.system)];
  const matches = systems.flatMap((system) =>
    system.integrations.filter((integration) => nameKey(integration.name) === wanted),
  );
  const [first, second] = matches;
  if (!first)
    throw new UsageError(
      `export: there is no integration named "${values.integration}". "acd-link integrations list" shows them.`,
    );
  if (second)
    throw new UsageError(
      `export: several systems have an integration named "${values.integration}"; add --system NAME`,
    );
  return first;
}

/**
 * The path to write for --out: its real folder and name, refused when it is a folder, a link, or
 * the workspace or inside the data folder by any route (links, `..`), since writing there would
 * destroy the workspace or its key.
 */
function checkOut(given: string, places: ProtectedPlaces): string {
  try {
    return resolveOutputPath(given, `--out ${given}`, places);
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(`export: ${error.message}`);
    throw error;
  }
}

function rowsText(file: ExportedFile): string {
  if (file.rowsWritten === undefined) return '';
  return `: ${file.rowsWritten} row(s)${file.rowsLeftOut ? `, ${file.rowsLeftOut} left out (errors; --include-invalid keeps them)` : ''}`;
}
