import type { CellValue } from '../../../src-shared/contract/api';

/** How a cell is styled: numbers align right, NULL looks different from the text 'NULL'. */
export type CellKind = 'null' | 'number' | 'boolean' | 'bigint' | 'bytes' | 'text';

/** The visible words a cell may need; the component passes the i18n strings. */
export interface CellTextLabels {
  null: string;
  bytes: (count: number) => string;
}

/**
 * A long text is cut for display: the row keeps one fixed height (the virtualiser relies on it)
 * and a 1 MB value must not become a 1 MB DOM text node.
 */
export const MAX_CELL_CHARS = 500;
const BYTES_PREVIEW = 8;

export function cellKind(value: CellValue): CellKind {
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'text';
  return '$bigint' in value ? 'bigint' : 'bytes';
}

/** CellValue → the one-line text shown in the grid. Pure, so the grid and tests agree. */
export function cellText(value: CellValue, labels: CellTextLabels): string {
  if (value === null) return labels.null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return oneLine(value);
  if ('$bigint' in value) return value.$bigint;
  return bytesText(value.$bytes, labels);
}

/**
 * Line breaks and tabs become visible marks so every row stays one line high, and a value that
 * differs only by a trailing newline or tab (a classic import bug) can be seen.
 */
function oneLine(text: string): string {
  const visible = text.replace(/\r\n|\r|\n/g, '↵').replace(/\t/g, '⇥');
  return visible.length > MAX_CELL_CHARS ? `${visible.slice(0, MAX_CELL_CHARS)}…` : visible;
}

/** Binary values arrive as base64; show a short hex prefix and the byte count. */
function bytesText(base64: string, labels: CellTextLabels): string {
  const total = base64ByteLength(base64);
  const prefix = decodeBase64Prefix(base64, BYTES_PREVIEW);
  if (prefix === null) return labels.bytes(total);
  const hex = prefix.map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join('');
  const more = total > prefix.length ? '…' : '';
  return `0x${hex}${more} (${labels.bytes(total)})`;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes only the shown prefix: `atob` would copy the whole value and throws on bad input. */
function decodeBase64Prefix(base64: string, count: number): number[] | null {
  const clean = base64.replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < clean.length && bytes.length < count; index++) {
    const digit = BASE64_ALPHABET.indexOf(clean.charAt(index));
    if (digit < 0) return null;
    buffer = ((buffer << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

function base64ByteLength(base64: string): number {
  return Math.floor((base64.replace(/=+$/, '').length * 3) / 4);
}
