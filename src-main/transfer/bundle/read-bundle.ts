import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleFileSchema,
  type BundleFile,
} from '../../../src-shared/contract/bundle-format';
import { BUNDLE_MAX_BYTES } from '../../../src-shared/contract/transfer';
import { ServiceError } from '../../../src-shared/rpc/result';
import { invalidImport, issuePath } from '../apply-import';

export interface ReadBundle {
  bundle: BundleFile;
  /** The systems array as it is in the file: what the encrypted secrets are bound to. */
  rawSystems: unknown;
}

/**
 * Parses a bundle file's text and checks it against the format; writes nothing. Every refusal is
 * ServiceError('INVALID_INPUT') saying where ("line 3, column 7", "systems[2].connection.port").
 * Messages never quote the file's text beyond names, so nothing secret is echoed.
 */
export function readBundle(content: string): ReadBundle {
  const json = parseJson(content);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw notABundle(
      `it holds a JSON ${Array.isArray(json) ? 'list' : json === null ? 'null' : typeof json}, not an object`,
    );
  }
  const header = json as Record<string, unknown>;
  if (header.format !== BUNDLE_FORMAT) {
    throw notABundle(
      header.format === undefined ? 'it has no "format" field' : `its "format" is not "${BUNDLE_FORMAT}"`,
    );
  }
  const version = header.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_FORMAT_VERSION) {
    throw new ServiceError(
      'INVALID_INPUT',
      `This bundle was written by a newer version (formatVersion ${version}); this version reads formatVersion ${BUNDLE_FORMAT_VERSION}.`,
      [{ path: 'formatVersion', message: `this version reads formatVersion ${BUNDLE_FORMAT_VERSION}` }],
    );
  }
  const parsed = bundleFileSchema.safeParse(json);
  if (!parsed.success) {
    throw invalidImport(parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message })));
  }
  return { bundle: parsed.data, rawSystems: header.systems };
}

function parseJson(content: string): unknown {
  if (typeof content !== 'string') throw notABundle('it is not text');
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > BUNDLE_MAX_BYTES) {
    throw new ServiceError(
      'INVALID_INPUT',
      `The bundle is larger than 3 MB (${(bytes / 1024 / 1024).toFixed(1)} MB); a workspace bundle is a few kilobytes. Nothing was imported.`,
    );
  }
  if (content.includes('\u0000')) throw notABundle('it contains binary data (NUL bytes)');
  const text = content.replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('{')) throw notABundle('it does not start with "{" as a JSON bundle does');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ServiceError(
      'INVALID_INPUT',
      `The bundle is not valid JSON: ${describeJsonError(text, error)}. Nothing was imported.`,
    );
  }
}

/**
 * V8's own message can quote the file, so it is reduced to its position and kind of problem;
 * the position becomes a line and column people can find in an editor.
 */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of JSON input|Unterminated string/.test(message)) {
    return 'it ends too early (the file may be truncated)';
  }
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const problem = message
      .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '');
    return `${problem.charAt(0).toLowerCase()}${problem.slice(1)} at line ${line}, column ${column}`;
  }
  // V8 gives no position here; the character itself helps find the spot (quoted only when printable ASCII).
  const token = /^Unexpected token '(.)'/su.exec(message)?.[1];
  if (token !== undefined) {
    const codePoint = token.codePointAt(0) ?? 0;
    const shown =
      codePoint > 0x20 && codePoint < 0x7f
        ? `"${token}"`
        : `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    return `unexpected character ${shown} (look for a missing quote, comma or bracket before it)`;
  }
  return 'it cannot be parsed';
}

const notABundle = (why: string) =>
  new ServiceError(
    'INVALID_INPUT',
    `This file is not an ACD Link Studio workspace bundle: ${why}. Choose the .json file that "Export bundle" wrote. Nothing was imported.`,
  );
