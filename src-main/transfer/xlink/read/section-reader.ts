import type { IniEntry, IniSection } from './parse-ini-lines';
import { sameName } from './profile-text';
import type { KeySet } from './xlink-keys';

/**
 * Reads a section's keys by name, as Windows matches them (whole, ignoring case), and remembers
 * which were used, so every key that was not translated can be reported afterwards: nothing in
 * the file is dropped silently.
 */
export class SectionReader {
  private readonly used = new Set<IniEntry>();

  constructor(readonly section: IniSection) {}

  /** Every entry whose key is one of the set's spellings, in file order; all count as used. */
  takeAll(keys: KeySet): IniEntry[] {
    const found = this.section.entries.filter((entry) => keys.has(entry.key));
    for (const entry of found) this.used.add(entry);
    return found;
  }

  /** The entry for one key (the reader keeps only the first of a repeated key). */
  take(key: string): IniEntry | undefined {
    const found = this.section.entries.find((entry) => sameName(entry.key, key));
    if (found) this.used.add(found);
    return found;
  }

  /** Entries passing the test, marked used. */
  takeWhere(test: (entry: IniEntry) => boolean): IniEntry[] {
    const found = this.section.entries.filter((entry) => !this.used.has(entry) && test(entry));
    for (const entry of found) this.used.add(entry);
    return found;
  }

  /** The entries nothing has read yet. */
  unused(): IniEntry[] {
    return this.section.entries.filter((entry) => !this.used.has(entry));
  }
}
