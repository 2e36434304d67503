import { foldName } from './profile-text';

/**
 * "Did you mean ValueTypes?" for a key Windows would not match (Value_Types, Valuetype,
 * TimeStampColum): such a key was never read by Xlink, so the import does not use it either, but
 * a hand edit that missed by a character deserves a pointer rather than a silent drop.
 */

/** Letters and digits only, in lower case: "Value_Types" and "value types" both become "valuetypes". */
function skeleton(key: string): string {
  return foldName(key).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Insertions, deletions, substitutions and swaps of neighbours between two short strings. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] as number[];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] ?? 0;
}

/** Short keys allow no typo (DSN, UID and Type are too close to other words); long ones one or two. */
function allowedEdits(length: number): number {
  if (length < 6) return 0;
  return length < 12 ? 1 : 2;
}

/**
 * The known key this one most resembles, when it is not that key to Windows; undefined when it
 * resembles none. Keys differing only in case are the same key to Windows, never a near-miss.
 */
export function nearMissOf(key: string, known: readonly string[]): string | undefined {
  const folded = foldName(key);
  if (known.some((candidate) => foldName(candidate) === folded)) return undefined;
  const shape = skeleton(key);
  if (shape === '') return undefined;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const target = skeleton(candidate);
    if (Math.abs(target.length - shape.length) > 2) continue;
    const distance = editDistance(shape, target);
    if (distance > allowedEdits(target.length)) continue;
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best?.key;
}
