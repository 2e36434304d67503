import type { ExternalSystem, Integration } from '../../../src-shared/contract/model';

/** Per name part, so "handoff-" + two parts + extension stays far below 120 characters and 255 bytes. */
const PART_MAX_CHARACTERS = 50;
const PART_MAX_UTF8_BYTES = 100;

/**
 * "handoff-avaya-cms-intervals.html": letters and digits of both names (accents dropped), joined
 * by dashes. Nothing else survives, so no path separator, reserved character, control character,
 * leading dot or Windows device name (CON, NUL, COM1...) can appear: the fixed prefix comes first.
 */
export function handoffFileName(system: ExternalSystem, integration: Integration, ext: 'html' | 'md'): string {
  return `handoff-${slug(system.name, 'system')}-${slug(integration.name, 'integration')}.${ext}`;
}

function slug(name: string, fallback: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return truncate(words).replace(/-+$/, '') || fallback;
}

/** Whole code points only, so a cut never leaves half a surrogate pair. */
function truncate(text: string): string {
  let kept = '';
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (kept.length + character.length > PART_MAX_CHARACTERS || bytes + size > PART_MAX_UTF8_BYTES) break;
    kept += character;
    bytes += size;
  }
  return kept;
}
