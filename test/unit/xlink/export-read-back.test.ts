import ini from 'ini';
import { describe, expect, it } from 'vitest';
import { buildXlinkIni, planXlinkImport, type XlinkExportSystem } from '../../../src-main/transfer/xlink';
import { APP_VERSION, CANARY, dsnSystems, GENERATED_AT, integration, nativeSystems } from './export-fixtures';
import { readOurs } from './xlink-test-helpers';

/** The npm ini package nests sections with dots in their name; walk them back. */
function iniSection(parsed: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const direct = parsed[name];
  if (direct && typeof direct === 'object') return direct as Record<string, unknown>;
  let node: unknown = parsed;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as Record<string, unknown> | undefined;
}

describe('a standard INI parser (npm ini) reads the export back', () => {
  const exports: [string, XlinkExportSystem[]][] = [
    ['dsn systems', dsnSystems()],
    ['native connections', nativeSystems()],
  ];

  it.each(exports)('%s: the same sections and values as our reader', (_name, systems) => {
    const { bytes, text } = buildXlinkIni(systems, { generatedAt: GENERATED_AT, appVersion: APP_VERSION });
    const ours = readOurs(bytes);
    const theirs = ini.parse(text) as Record<string, unknown>;
    expect(ours.size).toBe(systems.length);
    for (const [section, values] of ours) {
      const read = iniSection(theirs, section);
      expect(read, `npm ini lost [${section}]`).toBeDefined();
      const stringValues = Object.fromEntries(Object.entries(read ?? {}).map(([key, value]) => [key, String(value)]));
      expect(stringValues).toEqual(values);
    }
  });

  it('reads ValueTypes and a user with ";" whole, where unquoted they would be cut', () => {
    const { text } = buildXlinkIni(nativeSystems(), { generatedAt: GENERATED_AT, appVersion: APP_VERSION });
    const section = iniSection(ini.parse(text) as Record<string, unknown>, 'Ventes (EU)_ Brüssel ? Nord');
    expect(section).toMatchObject({ User: 'wfm;reader', ValueTypes: 'offered;answered;handlingtime' });
  });
});

describe('the export never holds a password', () => {
  const systems: XlinkExportSystem[] = [
    {
      name: 'DSN with password',
      vendor: 'universal',
      timeZone: 'UTC',
      // The model refuses PWD in ODBC strings; the export must hold even if one slipped through.
      connection: { kind: 'odbc', connectionString: `DSN=acd;UID=reader;PWD=${CANARY};Authentication=${CANARY};` },
      integrations: [integration({ name: 'Intervals', importType: 'interval', sql: 'SELECT 1 AS offered' })],
    },
    {
      name: 'Driver with password',
      vendor: 'other',
      timeZone: 'UTC',
      connection: { kind: 'odbc', connectionString: `DRIVER={X};SERVER=s;PWD={${CANARY};x};ClientSecret=${CANARY}` },
      integrations: [],
    },
    {
      name: 'Unparseable with password',
      vendor: 'other',
      timeZone: 'UTC',
      connection: { kind: 'odbc', connectionString: `DRIVER={X;PWD=${CANARY}` },
      integrations: [],
    },
  ];

  it('leaves the canary password out of the bytes, the text and the notes', () => {
    const result = buildXlinkIni(systems, { generatedAt: GENERATED_AT, appVersion: APP_VERSION });
    expect(Buffer.from(result.bytes).includes(Buffer.from(CANARY))).toBe(false);
    expect(result.text).not.toContain(CANARY);
    expect(JSON.stringify(result.notes)).not.toContain(CANARY);
    // The rest of the connection is still there, masked where it names a secret.
    expect(result.text).toContain('DSN = acd');
    expect(result.text).toContain('DRIVER={X};SERVER=s;PWD=***;ClientSecret=***');
  });

  it('writes no password key', () => {
    const { bytes } = buildXlinkIni(systems, { generatedAt: GENERATED_AT, appVersion: APP_VERSION });
    for (const values of readOurs(bytes).values()) {
      expect(Object.keys(values).filter((key) => /pass|pwd/i.test(key))).toEqual([]);
    }
  });
});

describe('the export imports again', () => {
  it('gives the same systems, DSNs and users, and integrations over the views', () => {
    const { bytes } = buildXlinkIni(dsnSystems(), { generatedAt: GENERATED_AT, appVersion: APP_VERSION });
    const again = planXlinkImport({ ini: bytes, dialectForDsn: () => 'postgres' });
    expect(again.encoding).toBe('utf-8');
    expect(
      again.systems.map((system) => [system.name, system.dsn, system.user, system.integrations.map((i) => i.name)]),
    ).toEqual([
      ['Universal ACD', 'XlinkSample', 'acd_test_reader', ['Intervals', 'Contacts', 'Agent states']],
      ['Avaya CMS', 'AvayaCMS', 'cms_reader', []],
    ]);
    const interval = again.systems[0]?.integrations[0]?.sql ?? '';
    expect(interval).toContain('SUM(c.offered) AS offered');
    expect(interval).toContain('SUM(c.handlingtime) AS handlingtime');
    expect(interval).toContain('FROM acdlink_universal_acd_intervals c');
    // The column names say what they hold, so nothing was mapped by position.
    expect(again.notes.some((item) => /by position/.test(item.message))).toBe(false);
  });
});
