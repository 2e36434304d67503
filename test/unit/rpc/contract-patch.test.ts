import { describe, expect, it } from 'vitest';
import { api } from '../../../src-shared/contract/api';

/**
 * zod 4 fills in `.default()` values inside `.partial()` objects; a patch built from the draft
 * schema would therefore reset every unnamed field to its default. Patches must carry only what
 * the caller named.
 */
describe('update patches carry only the fields they name', () => {
  it('systems.update {name} has no vendor, timeZone, connection or password', () => {
    const parsed = api['systems.update'].input.parse({ id: 1, patch: { name: '  Renamed  ' } });
    expect(parsed).toEqual({ id: 1, patch: { name: 'Renamed' } });
    expect(Object.keys(parsed.patch)).toEqual(['name']);
  });

  it('systems.update {} stays empty', () => {
    expect(api['systems.update'].input.parse({ id: 1, patch: {} }).patch).toEqual({});
  });

  it('integrations.update {paused: true} has no sql, ruleSet, intervalMinutes, reconciliation or realTime', () => {
    const parsed = api['integrations.update'].input.parse({ id: 4, patch: { paused: true } });
    expect(parsed).toEqual({ id: 4, patch: { paused: true } });
    expect(Object.keys(parsed.patch)).toEqual(['paused']);
  });

  it('the drafts do fill in their documented defaults', () => {
    expect(api['integrations.create'].input.parse({ systemId: 1, name: 'Calls', importType: 'interval' })).toEqual({
      systemId: 1,
      name: 'Calls',
      importType: 'interval',
      intervalMinutes: 15,
      sql: '',
      ruleSet: 'wfm-2024-05',
      realTime: false,
      reconciliation: true,
      paused: false,
    });
    expect(
      api['systems.create'].input.parse({
        name: 'Avaya',
        connection: { kind: 'postgres', host: 'acd01', database: 'cms', user: 'r' },
      }),
    ).toEqual({
      name: 'Avaya',
      vendor: 'universal',
      timeZone: 'UTC',
      connection: { kind: 'postgres', host: 'acd01', port: 5432, database: 'cms', user: 'r', tls: 'disable' },
    });
  });

  it('canonicalises time zones and rejects unknown ones with the zone in the message', () => {
    const ok = api['systems.update'].input.parse({ id: 1, patch: { timeZone: 'europe/brussels' } });
    expect(ok.patch.timeZone).toBe('Europe/Brussels');
    const bad = api['systems.update'].input.safeParse({ id: 1, patch: { timeZone: 'Mars/Olympus' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['patch', 'timeZone']);
    expect(bad.error?.issues[0]?.message).toContain('Mars/Olympus');
  });
});
