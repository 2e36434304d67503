import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src-main/app-context';
import type { InputOf } from '../../../src-shared/contract/api';
import { useAppContexts } from '../../support/app-contexts';
import { callErr, callOk } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-systems-');
const openContext = useAppContexts();

function emptyContext(): AppContext {
  return openContext({ dataDir: tempDir().path, seedDemo: false });
}

const counts = (context: AppContext) =>
  context.workspace.db
    .prepare(
      'SELECT (SELECT count(*) FROM systems) AS systems, (SELECT count(*) FROM integrations) AS integrations, (SELECT count(*) FROM secrets) AS secrets',
    )
    .get() as { systems: number; integrations: number; secrets: number };

const avaya: InputOf<'systems.create'> = {
  name: 'Avaya',
  vendor: 'avaya-cms',
  timeZone: 'Europe/Brussels',
  connection: { kind: 'postgres', host: 'acd01.example', port: 5433, database: 'cms', user: 'reader' },
};

describe('systems through the dispatcher', () => {
  it('creates a system with the contract defaults and lists it in the tree', async () => {
    const context = emptyContext();
    const created = await callOk(context.dispatch, 'systems.create', {
      name: '  Cisco  ',
      connection: { kind: 'mssql', host: 'ucce', instance: 'AW', database: 'awdb', user: 'wfm' },
    });
    expect(created).toEqual({
      id: expect.any(Number),
      name: 'Cisco',
      vendor: 'universal',
      timeZone: 'UTC',
      connection: {
        kind: 'mssql',
        host: 'ucce',
        instance: 'AW',
        database: 'awdb',
        user: 'wfm',
        encrypt: true,
        trustServerCertificate: false,
      },
      passwordSet: false,
      isDemo: false,
    });
    const tree = await callOk(context.dispatch, 'workspace.tree', {});
    expect(tree).toEqual([{ ...created, integrations: [] }]);
  });

  it('canonicalises the time zone ("europe/brussels" → "Europe/Brussels")', async () => {
    const context = emptyContext();
    const created = await callOk(context.dispatch, 'systems.create', { ...avaya, timeZone: 'europe/brussels' });
    expect(created.timeZone).toBe('Europe/Brussels');
    const updated = await callOk(context.dispatch, 'systems.update', {
      id: created.id,
      patch: { timeZone: 'america/new_york' },
    });
    expect(updated.timeZone).toBe('America/New_York');
  });

  it('renames a system without resetting vendor, time zone or connection (zod 4 partial/default pitfall)', async () => {
    const context = emptyContext();
    const created = await callOk(context.dispatch, 'systems.create', avaya);
    const renamed = await callOk(context.dispatch, 'systems.update', { id: created.id, patch: { name: 'Avaya CMS' } });
    expect(renamed).toEqual({ ...created, name: 'Avaya CMS' });
    const [stored] = await callOk(context.dispatch, 'workspace.tree', {});
    expect(stored).toMatchObject({
      name: 'Avaya CMS',
      vendor: 'avaya-cms',
      timeZone: 'Europe/Brussels',
      connection: avaya.connection,
    });
  });

  it('may change the letter case of its own name', async () => {
    const context = emptyContext();
    const created = await callOk(context.dispatch, 'systems.create', avaya);
    expect((await callOk(context.dispatch, 'systems.update', { id: created.id, patch: { name: 'AVAYA' } })).name).toBe(
      'AVAYA',
    );
  });

  it('deletes a system with its integrations and reports how many went', async () => {
    const context = emptyContext();
    const doomed = await callOk(context.dispatch, 'systems.create', avaya);
    const kept = await callOk(context.dispatch, 'systems.create', { ...avaya, name: 'Genesys' });
    await callOk(context.dispatch, 'integrations.create', {
      systemId: doomed.id,
      name: 'Calls',
      importType: 'interval',
    });
    await callOk(context.dispatch, 'integrations.create', {
      systemId: doomed.id,
      name: 'Agents',
      importType: 'agent-states',
    });
    await callOk(context.dispatch, 'integrations.create', { systemId: kept.id, name: 'Calls', importType: 'interval' });

    expect(await callOk(context.dispatch, 'systems.delete', { id: doomed.id })).toEqual({ deletedIntegrations: 2 });
    const tree = await callOk(context.dispatch, 'workspace.tree', {});
    expect(tree.map((system) => [system.name, system.integrations.map((integration) => integration.name)])).toEqual([
      ['Genesys', ['Calls']],
    ]);
    expect(counts(context)).toEqual({ systems: 1, integrations: 1, secrets: 0 });

    expect(await callErr(context.dispatch, 'systems.delete', { id: doomed.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await callErr(context.dispatch, 'systems.update', { id: doomed.id, patch: { name: 'x' } })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  describe('rejects bad names with a clear message and writes nothing', () => {
    const cases: [string, unknown, RegExp][] = [
      ['empty', '', /name: must not be empty/],
      ['whitespace only', '   \t ', /name: must not be empty/],
      ['101 characters', 'x'.repeat(101), /name: must be at most 100 characters/],
      ['a control character', 'Avaya\u0007CMS', /name: must not contain control characters/],
      ['an inner newline', 'Avaya\nCMS', /name: must not contain control characters/],
      ['not text', 42, /name: must be text/],
    ];

    it.each(cases)('on create: %s', async (_label, name, message) => {
      const context = emptyContext();
      const events: unknown[] = [];
      context.hub.subscribe((event, payload) => events.push([event, payload]));
      const before = counts(context);
      const error = await callErr(context.dispatch, 'systems.create', { ...avaya, name });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(message);
      expect(error.issues?.map((issue) => issue.path)).toEqual(['name']);
      expect(counts(context)).toEqual(before);
      expect(events).toEqual([]);
    });

    it.each(cases)('on rename: %s', async (_label, name, message) => {
      const context = emptyContext();
      const created = await callOk(context.dispatch, 'systems.create', avaya);
      const error = await callErr(context.dispatch, 'systems.update', { id: created.id, patch: { name } });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(message);
      expect((await callOk(context.dispatch, 'workspace.tree', {}))[0]?.name).toBe('Avaya');
    });

    it('accepts exactly 100 characters', async () => {
      const context = emptyContext();
      expect((await callOk(context.dispatch, 'systems.create', { ...avaya, name: 'y'.repeat(100) })).name).toHaveLength(
        100,
      );
    });

    it('rejects a duplicate regardless of case and surrounding spaces (" Avaya " vs "avaya")', async () => {
      const context = emptyContext();
      await callOk(context.dispatch, 'systems.create', { ...avaya, name: 'avaya' });
      const before = counts(context);
      const events: unknown[] = [];
      context.hub.subscribe((event) => events.push(event));

      const error = await callErr(context.dispatch, 'systems.create', {
        ...avaya,
        name: ' Avaya ',
        password: 'not-stored',
      });
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('"avaya" already exists');
      expect(error.issues?.map((issue) => issue.path)).toEqual(['name']);
      expect(counts(context)).toEqual(before);
      expect(events).toEqual([]);
    });

    it('rejects renaming onto another system’s name and keeps both unchanged', async () => {
      const context = emptyContext();
      await callOk(context.dispatch, 'systems.create', avaya);
      const other = await callOk(context.dispatch, 'systems.create', { ...avaya, name: 'Genesys', vendor: 'other' });
      const error = await callErr(context.dispatch, 'systems.update', {
        id: other.id,
        patch: { name: 'AVAYA', vendor: 'cisco-icm' },
      });
      expect(error.code).toBe('CONFLICT');
      const tree = await callOk(context.dispatch, 'workspace.tree', {});
      expect(tree.map((system) => [system.name, system.vendor])).toEqual([
        ['Avaya', 'avaya-cms'],
        ['Genesys', 'other'],
      ]);
    });
  });

  it('rejects an unknown time zone, naming it, and writes nothing', async () => {
    const context = emptyContext();
    const before = counts(context);
    const error = await callErr(context.dispatch, 'systems.create', { ...avaya, timeZone: 'Mars/Olympus' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['timeZone']);
    expect(error.message).toContain('"Mars/Olympus" is not a known IANA time zone');
    expect(counts(context)).toEqual(before);
  });

  it('rejects an incomplete connection, naming the missing field', async () => {
    const context = emptyContext();
    const error = await callErr(context.dispatch, 'systems.create', {
      name: 'X',
      connection: { kind: 'postgres', host: ' ', database: 'd', user: 'u' },
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['connection.host']);
    expect(counts(context).systems).toBe(0);
  });
});
