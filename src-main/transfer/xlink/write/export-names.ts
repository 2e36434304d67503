import { NAME_MAX_LENGTH } from '../../../../src-shared/contract/model';
import { fitWindows1252 } from './windows-1252';

/**
 * Names in the exported ini: section names that every ini reader (and our import, which refuses
 * path-like names) reads back as written, DSN names Windows accepts, and view names that are
 * plain SQL identifiers in every database.
 */

const collapseSpaces = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A section name read the same by Windows, the npm ini package and our import; unique case-insensitively. */
export function sectionNameFor(systemName: string, taken: Set<string>): string {
  let name = fitWindows1252(systemName)
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/[;#\\/\p{Cc}]/gu, '_')
    .replace(/\.{2,}/g, '_');
  name = collapseSpaces(name);
  const first = name[0];
  if (name.length >= 2 && (first === '"' || first === "'") && name[name.length - 1] === first) {
    name = collapseSpaces(name.slice(1, -1));
  }
  return unique(name === '' ? 'System' : name, taken, NAME_MAX_LENGTH, (base, n) => `${base} (${n})`);
}

/** Windows refuses []{}(),;?*=!@\ in data source names; "?" also stands for characters Windows-1252 lacks. */
export function dsnNameFor(systemName: string): string {
  return collapseSpaces(fitWindows1252(systemName).replace(/[[\]{}(),;?*=!@\\/\p{Cc}]/gu, ' ')) || 'ACD';
}

const VIEW_MAX_LENGTH = 60;

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `acdlink_<system>_<integration>`: lower-case ASCII, so no database needs it quoted. */
export function viewNameFor(systemName: string, integrationName: string, taken: Set<string>): string {
  const parts = ['acdlink', slug(systemName) || 'system', slug(integrationName) || 'integration'];
  const base = parts.join('_').slice(0, VIEW_MAX_LENGTH).replace(/_+$/, '');
  return unique(base, taken, VIEW_MAX_LENGTH, (stem, n) => `${stem}_${n}`);
}

function unique(base: string, taken: Set<string>, maxLength: number, numbered: (base: string, n: number) => string) {
  let candidate = base.slice(0, maxLength);
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = numbered('', n);
    candidate = numbered(base.slice(0, maxLength - suffix.length).trimEnd(), n);
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
