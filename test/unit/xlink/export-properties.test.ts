import fc from 'fast-check';
import iconv from 'iconv-lite';
import ini from 'ini';
import { describe, expect, it } from 'vitest';
import type { Connection, Integration } from '../../../src-shared/contract/model';
import { buildConnectionString } from '../../../src-shared/odbc/connection-string';
import { buildXlinkIni, planXlinkImport, type XlinkExportSystem } from '../../../src-main/transfer/xlink';
import { readOurs } from './xlink-test-helpers';

/** Characters that trouble ini files, connection strings, SQL or Windows-1252. */
const TRICKY = [...'aBz09 _-.;#=\'"\\[]{}()/é€→東%*?!@', '\t'];
const text = (minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...TRICKY), { minLength, maxLength }).map((chars) => chars.join(''));

const nameArb = text(1, 24)
  .map((name) => name.replace(/\t/g, ' ').trim())
  .filter((name) => name !== '');

const connectionArb: fc.Arbitrary<{ connection: Connection; dsn?: string; user?: string }> = fc.oneof(
  fc
    .record({ dsn: text(1, 16).filter((dsn) => dsn.trim() !== ''), user: fc.option(text(1, 12), { nil: undefined }) })
    .map(({ dsn, user }) => {
      const pairs = [{ key: 'DSN', value: dsn }, ...(user?.trim() ? [{ key: 'UID', value: user }] : [])];
      return {
        connection: { kind: 'odbc' as const, connectionString: buildConnectionString(pairs) },
        dsn,
        ...(user?.trim() ? { user } : {}),
      };
    }),
  text(1, 12).map((user) => ({
    connection: { kind: 'postgres' as const, host: 'db', port: 5432, database: 'acd', user, tls: 'disable' as const },
    ...(user.trim() ? { user: user.trim() } : {}),
  })),
);

const integrationArb: fc.Arbitrary<Integration> = fc
  .record({
    name: nameArb,
    importType: fc.constantFrom('interval', 'contact', 'agent-states'),
    readsOnly: fc.boolean(),
    intervalMinutes: fc.constantFrom(15, 30),
  })
  .map(({ name, importType, readsOnly, intervalMinutes }) => ({
    id: 1,
    systemId: 1,
    name,
    importType,
    intervalMinutes,
    ruleSet: 'wfm-2024-05',
    realTime: false,
    reconciliation: true,
    paused: false,
    sql: readsOnly ? `SELECT * FROM queue_stats -- ${importType}` : 'DELETE FROM t',
  }));

const systemsArb = fc.uniqueArray(
  fc.record({ name: nameArb, connection: connectionArb, integrations: fc.array(integrationArb, { maxLength: 4 }) }),
  { maxLength: 5, selector: (system) => system.name.toLowerCase() },
);

/** What Windows-1252 bytes give back for a text, control characters other than tab becoming spaces. */
const asWritten = (value: string) =>
  iconv.decode(
    iconv.encode(
      value.replace(/[\p{Cc}]/gu, (c) => (c === '\t' ? c : ' ')),
      'windows-1252',
    ),
    'windows-1252',
  );

function firstReading(integrations: readonly Integration[], types: readonly Integration['importType'][]) {
  for (const type of types) {
    const found = integrations.find((item) => item.importType === type && item.sql.startsWith('SELECT'));
    if (found) return found;
  }
  return undefined;
}

describe('export then read back: property', () => {
  it('any systems and integrations give back the same key values, in our reader and in npm ini', () => {
    fc.assert(
      fc.property(systemsArb, (generated) => {
        const systems: XlinkExportSystem[] = generated.map((system) => ({
          name: system.name,
          vendor: 'universal',
          timeZone: 'UTC',
          connection: system.connection.connection,
          integrations: system.integrations,
        }));
        const result = buildXlinkIni(systems, { generatedAt: new Date(0), appVersion: '1.0.0' });
        const sections = [...readOurs(result.bytes).entries()];
        const theirs = ini.parse(result.text) as Record<string, Record<string, unknown>>;
        expect(sections).toHaveLength(systems.length);
        const views = new Set<string>();

        generated.forEach((system, index) => {
          const [sectionName, values] = sections[index] ?? ['', {}];
          const { dsn, user } = system.connection;
          if (dsn !== undefined) expect(values.DSN).toBe(asWritten(dsn.trim()));
          expect(values.DSN).toMatch(/\S/);
          expect(values.User).toBe(user === undefined ? undefined : asWritten(user));

          const callData = firstReading(system.integrations, ['interval', 'contact']);
          if (callData) {
            const view = values.CallDataTable ?? '';
            expect(view).toMatch(/^acdlink_[a-z0-9_]+$/);
            expect(views.has(view)).toBe(false);
            views.add(view);
            expect(values.QueueSQL).toBe(`SELECT DISTINCT queuename FROM ${view} ORDER BY queuename`);
            expect(values.ValueTypes).toBe(
              callData.importType === 'interval' ? 'offered;answered;handlingtime' : 'answered;duration',
            );
            expect(values.IntervalLength).toBe(callData.intervalMinutes === 30 ? '30' : undefined);
          } else {
            expect(values.CallDataTable).toBeUndefined();
          }
          const agentStates = firstReading(system.integrations, ['agent-states']);
          if (agentStates) {
            const view = values.AgentActivityTable ?? '';
            expect(view).toMatch(/^acdlink_[a-z0-9_]+$/);
            expect(values.ActivitySQL).toBe(`SELECT DISTINCT activity, activity FROM ${view}`);
          } else {
            expect(values.AgentActivityTable).toBeUndefined();
          }

          // npm ini reads the same values, unless a note said it cannot (a value that is valid JSON).
          const flagged = new Set(result.notes.filter((item) => /npm ini/.test(item.message)).map((item) => item.key));
          // npm ini splits section names at dots into nested objects and unquotes quoted ones, so
          // it cannot name those sections (Windows reads them as written).
          const their = /[.'"]/.test(sectionName) ? undefined : theirs[sectionName];
          if (their) {
            for (const [key, value] of Object.entries(values)) {
              if (!flagged.has(key)) expect(String(their[key])).toBe(value);
            }
          }
        });

        // The export is an isps_ul.ini our import accepts: no path-like or duplicate section names.
        if (sections.length === 0) return;
        const again = planXlinkImport({ ini: result.bytes });
        expect(again.systems.map((system) => system.name)).toEqual(sections.map(([name]) => name));
        expect(new Set(sections.map(([name]) => name.toLowerCase())).size).toBe(sections.length);
      }),
      { numRuns: 300 },
    );
  });
});
