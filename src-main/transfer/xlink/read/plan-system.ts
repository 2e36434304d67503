import type { VendorInterface } from '../../../../src-shared/contract/model';
import type { TransferNote } from '../../../../src-shared/contract/transfer';
import {
  buildConnectionString,
  isSecretKey,
  maskConnectionString,
  type ConnectionStringPair,
} from '../../../../src-shared/odbc/connection-string';
import type { Dialect } from '../../../../src-shared/sql/dialect';
import { note, shownValue, type NotePlace } from '../transfer-notes';
import type { XlinkSystemPlan } from '../xlink-types';
import type { AcdMapEntries } from './acd-map';
import { nearMissOf } from './near-miss';
import type { IniEntry, IniSection } from './parse-ini-lines';
import { SectionReader } from './section-reader';
import { universalIntegrations } from './universal-integrations';
import {
  DSN_KEYS,
  isPasswordKeyName,
  isScriptKeyName,
  isUniversalKey,
  KNOWN_KEYS,
  USER_KEYS,
  VENDOR_HINT_KEYS,
} from './xlink-keys';

/** A section is an external system when it says how to connect or carries universal-interface keys. */
export function isSystemSection(section: IniSection): boolean {
  return section.entries.some(
    (entry) => DSN_KEYS.has(entry.key) || USER_KEYS.has(entry.key) || isUniversalKey(entry.key),
  );
}

/** "Value_Types (line 5) looks like ValueTypes…" for the keys of a section that resemble known ones. */
export function nearMissPhrases(entries: readonly IniEntry[]): string[] {
  return entries.flatMap((entry) => {
    const known = nearMissOf(entry.key, KNOWN_KEYS);
    return known === undefined ? [] : [`${entry.key} (line ${entry.line}) looks like ${known} misspelt`];
  });
}

const VENDOR_LABELS: Readonly<Record<VendorInterface, string>> = {
  universal: 'the universal interface',
  'avaya-cms': 'Avaya CMS',
  'cisco-icm': 'Cisco ICM',
  other: 'this ACD',
};

function vendorOf(name: string, hints: readonly IniEntry[], universal: boolean): VendorInterface {
  const texts = [name, ...hints.map((hint) => hint.value)];
  if (texts.some((text) => /avaya[\s_-]*cms|\bcms\b/i.test(text))) return 'avaya-cms';
  if (texts.some((text) => /cisco|\bicm\b|\bucce\b/i.test(text))) return 'cisco-icm';
  if (universal || texts.some((text) => /universal/i.test(text))) return 'universal';
  return 'other';
}

export interface SystemContext {
  dialectForDsn: (dsn: string) => Dialect;
  acdMapFor: (systemName: string) => AcdMapEntries | undefined;
}

export function planSystem(
  section: IniSection,
  context: SystemContext,
): { plan: XlinkSystemPlan; notes: TransferNote[] } {
  const reader = new SectionReader(section);
  const place: NotePlace = { section: section.name };
  const notes: TransferNote[] = [];
  const dsn = firstValue(reader.takeAll(DSN_KEYS), 'data source', place, notes);
  const user = firstValue(reader.takeAll(USER_KEYS), 'user', place, notes);

  const passwords = reader.takeWhere((entry) => isPasswordKeyName(entry.key));
  const [firstPassword] = passwords;
  if (firstPassword) {
    const where = passwords.map((entry) => `${entry.key} (line ${entry.line})`).join(', ');
    notes.push(
      note(
        'warning',
        `${where}: the password is stored encoded by Xlink's tool and cannot be read: enter it again after the import.`,
        { ...place, key: firstPassword.key, line: firstPassword.line },
      ),
    );
  }
  for (const entry of reader.takeWhere((candidate) => isScriptKeyName(candidate.key))) {
    notes.push(
      note(
        'warning',
        `${entry.key} (line ${entry.line}): custom scripts are not migrated. Rebuild what the script did in the ` +
          "integrations' SQL, or run it outside ACD Link Studio.",
        { ...place, key: entry.key, line: entry.line },
      ),
    );
  }

  const universal = section.entries.some((entry) => isUniversalKey(entry.key));
  const vendor = vendorOf(section.name, reader.takeAll(VENDOR_HINT_KEYS), universal);
  const dialect = dsn === null ? 'generic' : context.dialectForDsn(dsn);
  const { integrations, notes: integrationNotes } = universal
    ? universalIntegrations(reader, { dialect, acdMap: context.acdMapFor(section.name) })
    : { integrations: [], notes: [] };
  if (!universal) {
    notes.push(
      note(
        'info',
        `Xlink's built-in interface for ${VENDOR_LABELS[vendor]} has no universal-interface keys to translate: ` +
          'create the integrations from the templates (Insert template in the SQL editor).',
        place,
      ),
    );
  }
  notes.push(...integrationNotes);
  for (const entry of reader.unused()) notes.push(unknownKeyNote(entry, place));

  const connectionString = connectionStringFor(section.name, dsn, user, vendor, place, notes);
  return {
    plan: { section: section.name, name: section.name.trim(), vendor, dsn, user, connectionString, integrations },
    notes,
  };
}

/** The first non-empty value of a group of alias keys; a different value under another alias is reported. */
function firstValue(entries: IniEntry[], what: string, place: NotePlace, notes: TransferNote[]): string | null {
  const filled = entries.filter((entry) => entry.value !== '');
  const [first, ...others] = filled;
  if (!first) return null;
  for (const other of others) {
    if (other.value === first.value) continue;
    notes.push(
      note(
        'warning',
        `${other.key} (line ${other.line}) names another ${what} than ${first.key} (line ${first.line}); ` +
          `the import uses ${first.key}. Check the connection after the import.`,
        { ...place, key: other.key, line: other.line },
      ),
    );
  }
  return first.value;
}

function unknownKeyNote(entry: IniEntry, place: NotePlace): TransferNote {
  const secret = isSecretKey(entry.key) || /pass|pwd|secret|token|credential/i.test(entry.key);
  const value = secret ? 'its value is not shown' : `its value was ${shownValue(maskConnectionString(entry.value))}`;
  const known = nearMissOf(entry.key, KNOWN_KEYS);
  if (known !== undefined) {
    // Never used in its place: Windows matched key names exactly, so Xlink never read it either.
    return note(
      'warning',
      `${entry.key} (line ${entry.line}) is not a key Xlink read, so the import does not use it either ` +
        `(${value}). Did you mean ${known}? If so, correct the name in the file and import again.`,
      { ...place, key: entry.key, line: entry.line },
    );
  }
  return note(
    'warning',
    `${entry.key} (line ${entry.line}) is not a key the import knows, so it was not translated (${value}). ` +
      'If it mattered in Xlink, rebuild it by hand.',
    { ...place, key: entry.key, line: entry.line },
  );
}

function connectionStringFor(
  name: string,
  dsn: string | null,
  user: string | null,
  vendor: VendorInterface,
  place: NotePlace,
  notes: TransferNote[],
): string {
  const pairs: ConnectionStringPair[] = [{ key: 'DSN', value: dsn ?? name.trim() }];
  if (dsn === null) {
    notes.push(
      note(
        'warning',
        `The section names no data source (DSN key), so the connection uses DSN=${name.trim()}: create a data ` +
          'source of that name, or change the connection after the import.',
        place,
      ),
    );
  }
  if (vendor === 'avaya-cms') {
    // Our queries quote identifiers with double quotes, which Informix reads as text without
    // DELIMIDENT=y; a DSN cannot hold the option, so it goes after the DSN.
    pairs.push({ key: 'DELIMIDENT', value: 'y' });
    notes.push(
      note(
        'info',
        'DELIMIDENT=y was added after the DSN: Avaya CMS runs on Informix, which needs it for quoted names.',
        place,
      ),
    );
  }
  if (user !== null) pairs.push({ key: 'UID', value: user });
  return buildConnectionString(pairs);
}
