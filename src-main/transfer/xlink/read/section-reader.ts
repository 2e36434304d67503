import type { IniEntry, IniSection } from './parse-ini-lines';
import { normaliseKey } from './xlink-keys';

/**
 * Reads a section's keys by meaning and remembers which were used, so every key that was not
 * translated can be reported afterwards: nothing in the file is dropped silently.
 */
export class SectionReader {
  private readonly used = new Set<IniEntry>();

  constructor(readonly section: IniSection) {}

  /** Every entry whose normalised key is in the set, in file order; all count as used. */
  takeAll(keys: ReadonlySet<string>): IniEntry[] {
    const found = this.section.entries.filter((entry) => keys.has(normaliseKey(entry.key)));
    for (const entry of found) this.used.add(entry);
    return found;
  }

  /** The first entry for one key (any spelling of its normalised form). */
  take(key: string): IniEntry | undefined {
    return this.takeAll(new Set([normaliseKey(key)]))[0];
  }

  /** Entries passing the test, marked used. */
  takeWhere(test: (entry: IniEntry) => boolean): IniEntry[] {
    const found = this.section.entries.filter((entry) => !this.used.has(entry) && test(entry));
    for (const entry of found) this.used.add(entry);
    return found;
  }

  has(test: (entry: IniEntry) => boolean): boolean {
    return this.section.entries.some(test);
  }

  /** The entries nothing has read yet. */
  unused(): IniEntry[] {
    return this.section.entries.filter((entry) => !this.used.has(entry));
  }
}
