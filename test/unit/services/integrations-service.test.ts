import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src-main/app-context';
import { useAppContexts } from '../../support/app-contexts';
import { callErr, callOk } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-integrations-');
const openContext = useAppContexts();

async function contextWithSystems(): Promise<{ context: AppContext; avaya: number; genesys: number }> {
  const context = openContext({ dataDir: tempDir().path, seedDemo: false });
  const connection = { kind: 'sqlite', file: '/data/acd.sqlite' } as const;
  const avaya = (await callOk(context.dispatch, 'systems.create', { name: 'Avaya', connection })).id;
  const genesys = (await callOk(context.dispatch, 'systems.create', { name: 'Genesys', connection })).id;
  return { context, avaya, genesys };
}

const integrationCount = (context: AppContext) =>
  (context.workspace.db.prepare('SELECT count(*) AS n FROM integrations').get() as { n: number }).n;

describe('integrations through the dispatcher', () => {
  it('creates with defaults: 15 minutes, current rule set, reconciliation on, not paused, not real time', async () => {
    const { context, avaya } = await contextWithSystems();
    const created = await callOk(context.dispatch, 'integrations.create', {
      systemId: avaya,
      name: ' Calls ',
      importType: 'interval',
    });
    expect(created).toEqual({
      id: expect.any(Number),
      systemId: avaya,
      name: 'Calls',
      importType: 'interval',
      intervalMinutes: 15,
      sql: '',
      ruleSet: 'wfm-2024-05',
      realTime: false,
      reconciliation: true,
      paused: false,
    });
    const tree = await callOk(context.dispatch, 'workspace.tree', {});
    expect(tree.find((system) => system.id === avaya)?.integrations).toEqual([created]);
  });

  it('keeps every field given on create', async () => {
    const { context, avaya } = await contextWithSystems();
    const created = await callOk(context.dispatch, 'integrations.create', {
      systemId: avaya,
      name: 'Contacts',
      importType: 'contact',
      intervalMinutes: 30,
      sql: 'SELECT * FROM contacts',
      ruleSet: 'wfm-2023-12',
      realTime: true,
      reconciliation: false,
      paused: true,
    });
    expect(created).toMatchObject({
      intervalMinutes: 30,
      sql: 'SELECT * FROM contacts',
      ruleSet: 'wfm-2023-12',
      realTime: true,
      reconciliation: false,
      paused: true,
    });
  });

  it('pausing changes only paused (sql, rule set, interval, reconciliation kept — zod 4 pitfall)', async () => {
    const { context, avaya } = await contextWithSystems();
    const created = await callOk(context.dispatch, 'integrations.create', {
      systemId: avaya,
      name: 'Calls',
      importType: 'interval',
      intervalMinutes: 30,
      sql: 'SELECT 1 AS offered',
      ruleSet: 'wfm-2023-12',
      realTime: true,
      reconciliation: false,
    });
    const paused = await callOk(context.dispatch, 'integrations.update', { id: created.id, patch: { paused: true } });
    expect(paused).toEqual({ ...created, paused: true });
    const stored = (await callOk(context.dispatch, 'workspace.tree', {})).flatMap((system) => system.integrations);
    expect(stored).toEqual([{ ...created, paused: true }]);
  });

  it('renames and deletes an integration', async () => {
    const { context, avaya } = await contextWithSystems();
    const created = await callOk(context.dispatch, 'integrations.create', {
      systemId: avaya,
      name: 'Calls',
      importType: 'interval',
    });
    expect(
      (await callOk(context.dispatch, 'integrations.update', { id: created.id, patch: { name: 'Voice calls' } })).name,
    ).toBe('Voice calls');
    expect(await callOk(context.dispatch, 'integrations.delete', { id: created.id })).toEqual({});
    expect(integrationCount(context)).toBe(0);
    expect(await callErr(context.dispatch, 'integrations.delete', { id: created.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await callErr(context.dispatch, 'integrations.update', { id: created.id, patch: { paused: true } }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('allows the same name in different systems but not twice in one (case-insensitive)', async () => {
    const { context, avaya, genesys } = await contextWithSystems();
    await callOk(context.dispatch, 'integrations.create', { systemId: avaya, name: 'Calls', importType: 'interval' });
    await callOk(context.dispatch, 'integrations.create', { systemId: genesys, name: 'Calls', importType: 'interval' });
    expect(integrationCount(context)).toBe(2);

    const error = await callErr(context.dispatch, 'integrations.create', {
      systemId: avaya,
      name: ' CALLS ',
      importType: 'contact',
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('"Avaya" already has an integration named "Calls"');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['name']);
    expect(integrationCount(context)).toBe(2);
  });

  it('refuses renaming onto a sibling’s name, but allows renaming to a name used in another system', async () => {
    const { context, avaya, genesys } = await contextWithSystems();
    await callOk(context.dispatch, 'integrations.create', { systemId: avaya, name: 'Calls', importType: 'interval' });
    const chats = await callOk(context.dispatch, 'integrations.create', {
      systemId: avaya,
      name: 'Chats',
      importType: 'interval',
    });
    await callOk(context.dispatch, 'integrations.create', {
      systemId: genesys,
      name: 'Emails',
      importType: 'interval',
    });

    expect(
      await callErr(context.dispatch, 'integrations.update', { id: chats.id, patch: { name: 'calls' } }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      (await callOk(context.dispatch, 'integrations.update', { id: chats.id, patch: { name: 'Emails' } })).name,
    ).toBe('Emails');
    expect(
      (await callOk(context.dispatch, 'integrations.update', { id: chats.id, patch: { name: 'EMAILS' } })).name,
    ).toBe('EMAILS');
  });

  it.each([
    [
      'an unknown import type',
      { importType: 'tickets' },
      'importType',
      /importType: must be one of interval, contact, agent-states/,
    ],
    ['interval 20', { intervalMinutes: 20 }, 'intervalMinutes', /intervalMinutes: must be 15 or 30 minutes/],
    ['an unknown rule set', { ruleSet: 'wfm-1999' }, 'ruleSet', /ruleSet: must be one of/],
    ['an empty name', { name: '  ' }, 'name', /name: must not be empty/],
    ['a 101-character name', { name: 'n'.repeat(101) }, 'name', /name: must be at most 100 characters/],
    ['a control character', { name: 'Calls\u001b[31m' }, 'name', /must not contain control characters/],
  ])('rejects %s on create and writes nothing', async (_label, override, path, message) => {
    const { context, avaya } = await contextWithSystems();
    const events: string[] = [];
    context.hub.subscribe((event) => events.push(event));
    const error = await callErr(context.dispatch, 'integrations.create', {
      systemId: avaya,
      name: 'Calls',
      importType: 'interval',
      ...override,
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.map((issue) => issue.path)).toEqual([path]);
    expect(error.message).toMatch(message);
    expect(integrationCount(context)).toBe(0);
    expect(events).toEqual([]);
  });

  it('rejects interval 20 on update and keeps the stored interval', async () => {
    const { context, avaya } = await contextWithSystems();
    const created = await callOk(context.dispatch, 'integrations.create', {
      systemId: avaya,
      name: 'Calls',
      importType: 'interval',
      intervalMinutes: 30,
    });
    const error = await callErr(context.dispatch, 'integrations.update', {
      id: created.id,
      patch: { intervalMinutes: 20 },
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'patch.intervalMinutes' }] });
    expect(context.workspace.integrations.get(created.id)?.intervalMinutes).toBe(30);
  });

  it('refuses an integration for a system that does not exist', async () => {
    const { context } = await contextWithSystems();
    expect(
      await callErr(context.dispatch, 'integrations.create', { systemId: 999, name: 'Calls', importType: 'interval' }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(integrationCount(context)).toBe(0);
  });
});
