import iconv from 'iconv-lite';

/**
 * Xlink's GetPrivateProfileString reads an ini without a BOM in the ANSI code page, which is
 * Windows-1252 on the Western European machines Xlink ran on.
 */

const representable = new Map<string, boolean>();

function fits(character: string): boolean {
  let known = representable.get(character);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(character, 'windows-1252'), 'windows-1252') === character;
    representable.set(character, known);
  }
  return known;
}

/** The distinct characters of `text` that Windows-1252 has no byte for, in order of appearance. */
export function charactersOutsideWindows1252(text: string): string[] {
  const found = new Set<string>();
  for (const character of text) if (!fits(character)) found.add(character);
  return [...found];
}

/** The text as Windows-1252 bytes would give it back: every missing character becomes "?". */
export function fitWindows1252(text: string): string {
  let out = '';
  for (const character of text) out += fits(character) ? character : '?';
  return out;
}

export function encodeWindows1252(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'windows-1252'));
}
