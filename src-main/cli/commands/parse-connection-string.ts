import { parseArgs } from 'node:util';
import {
  lintConnectionString,
  maskConnectionStringAt,
  maskParsed,
  parseConnectionString,
} from '../../../src-shared/odbc/connection-string';
import { type Command, EXIT_OK, EXIT_USAGE, UsageError } from '../cli-io';
import { formatTable } from '../format-table';

export const PARSE_CONNECTION_STRING_USAGE = `Usage:
  acd-link parse-connection-string "DRIVER={...};SERVER=...;" [--json]
      checks an ODBC connection string and lists its pairs (secret values shown as ***) and advice;
      exit 2 when it does not parse`;

/** Splits the command line; parseOptions does not take positionals, this command needs one. */
function readArguments(args: string[]): { text: string; json: boolean } {
  const { values, positionals } = parseOrUsage(args);
  const [text, ...extra] = positionals;
  if (text === undefined || extra.length > 0) {
    throw new UsageError(
      `parse-connection-string: give exactly one connection string, in quotes\n${PARSE_CONNECTION_STRING_USAGE}`,
    );
  }
  return { text, json: values.json === true };
}

function parseOrUsage(args: string[]) {
  try {
    return parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`parse-connection-string: ${(error as Error).message}\n${PARSE_CONNECTION_STRING_USAGE}`);
  }
}

export const parseConnectionStringCommand: Command = async ({ io, args }) => {
  const { text, json } = readArguments(args);
  const parsed = parseConnectionString(text);

  if (!parsed.ok) {
    if (json) {
      io.out(JSON.stringify({ ok: false, error: parsed.error }, null, 2) + '\n');
    } else {
      const shown = maskConnectionStringAt(text, parsed.error.offset);
      io.err(
        `acd-link parse-connection-string: the connection string does not parse.\n` +
          `${parsed.error.message}\n${caretDisplay(shown.text, shown.offset)}`,
      );
    }
    return EXIT_USAGE;
  }

  const masked = maskParsed(parsed);
  const warnings = lintConnectionString(parsed);
  if (json) {
    io.out(
      JSON.stringify(
        {
          ok: true,
          pairs: masked.pairs,
          dsn: masked.dsn ?? null,
          fileDsn: masked.fileDsn ?? null,
          driver: masked.driver ?? null,
          warnings,
        },
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  const lines: string[] = [];
  lines.push(
    masked.pairs.length === 0
      ? 'The connection string is empty.\n'
      : formatTable(
          ['KEY', 'VALUE'],
          masked.pairs.map((pair) => [pair.key, printable(pair.value)]),
        ),
  );
  if (masked.dsn !== undefined) lines.push(`Data source (DSN): ${printable(masked.dsn)}\n`);
  if (masked.fileDsn !== undefined) lines.push(`File DSN: ${printable(masked.fileDsn)}\n`);
  if (masked.driver !== undefined) lines.push(`Driver: ${printable(masked.driver)}\n`);
  if (warnings.length === 0) lines.push('No warnings.\n');
  else {
    lines.push(`${warnings.length} warning(s):\n`);
    for (const warning of warnings) lines.push(`  - ${warning.code}: ${warning.message}\n`);
  }
  io.out(lines.join(''));
  return EXIT_OK;
};

/** Control characters would break the table and the caret's alignment: show each as one space. */
function printable(text: string): string {
  return Array.from(text, (character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f ? ' ' : character;
  }).join('');
}

/**
 * The (masked) text with a caret under the offset. The column counts code points, so an emoji
 * before the error does not shift the caret; long text is cut around the offset.
 */
function caretDisplay(text: string, offset: number): string {
  const characters = [...printable(text)];
  let column = [...text.slice(0, offset)].length;
  let start = 0;
  const width = 100;
  if (characters.length > width) {
    start = Math.max(0, Math.min(column - width / 2, characters.length - width));
    column -= start;
  }
  const visible = characters.slice(start, start + width).join('');
  const prefix = start > 0 ? '…' : '';
  const suffix = start + width < characters.length ? '…' : '';
  return `  ${prefix}${visible}${suffix}\n  ${' '.repeat(prefix.length + column)}^\n`;
}
