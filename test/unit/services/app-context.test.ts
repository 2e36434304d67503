import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_SYSTEM_NAME } from '../../../src-main/demo/demo-queries';
import { systemPasswordKey } from '../../../src-main/secrets/secret-store';
import { useAppContexts } from '../../support/app-contexts';
import { callErr, callOk } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-context-');
const openContext = useAppContexts();

const connection = { kind: 'sqlite', file: '/data/acd.sqlite' } as const;

describe('createAppContext', () => {
  it('seeds the demo system with three integrations on first start, and its queries run', async () => {
    const dir = tempDir();
    const context = openContext({ dataDir: dir.path });
    expect(context.seededDemo).toBe(true);
    const tree = await callOk(context.dispatch, 'workspace.tree', {});
    expect(tree).toHaveLength(1);
    const demo = tree[0];
    expect(demo).toMatchObject({
      name: DEMO_SYSTEM_NAME,
      isDemo: true,
      passwordSet: false,
      connection: { kind: 'sqlite' },
    });
    expect(demo?.integrations.map((integration) => integration.importType).sort()).toEqual([
      'agent-states',
      'contact',
      'interval',
    ]);
    for (const integration of demo?.integrations ?? []) {
      const preview = await callOk(context.dispatch, 'query.preview', {
        systemId: demo?.id ?? 0,
        sql: integration.sql,
        limit: 5,
      });
      expect(preview.rows.length, integration.name).toBeGreaterThan(0);
    }
  });

  it('does not seed the demo again once the workspace exists, even after the demo was deleted', async () => {
    const dir = tempDir();
    const first = openContext({ dataDir: dir.path });
    const demo = (await callOk(first.dispatch, 'workspace.tree', {}))[0];
    await callOk(first.dispatch, 'systems.delete', { id: demo?.id ?? 0 });
    first.close();

    const second = openContext({ dataDir: dir.path });
    expect(second.seededDemo).toBe(false);
    expect(await callOk(second.dispatch, 'workspace.tree', {})).toEqual([]);
  });

  it('does not seed into an existing workspace created without the demo', async () => {
    const dir = tempDir();
    openContext({ dataDir: dir.path, seedDemo: false }).close();
    const again = openContext({ dataDir: dir.path });
    expect(again.seededDemo).toBe(false);
    expect(await callOk(again.dispatch, 'workspace.tree', {})).toEqual([]);
  });

  it('uses a custom workspace file and reports it in app.info', async () => {
    const dir = tempDir();
    const file = dir.join('elsewhere', 'team.sqlite');
    const context = openContext({ dataDir: dir.join('home'), workspaceFile: file, seedDemo: false });
    const info = await callOk(context.dispatch, 'app.info', {});
    expect(info).toMatchObject({
      dataDir: dir.join('home'),
      workspaceFile: file,
      secretStore: { kind: 'encrypted-file' },
    });
    expect(info.secretStore.warning).toMatch(/not in the operating system keychain/);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('keeps every change across close and reopen, including the password', async () => {
    const dir = tempDir();
    const first = openContext({ dataDir: dir.path, seedDemo: false });
    const system = await callOk(first.dispatch, 'systems.create', {
      name: 'Avaya',
      vendor: 'avaya-cms',
      timeZone: 'Europe/Brussels',
      connection,
      password: 'pw-1',
    });
    const removed = await callOk(first.dispatch, 'systems.create', { name: 'Temporary', connection });
    const calls = await callOk(first.dispatch, 'integrations.create', {
      systemId: system.id,
      name: 'Calls',
      importType: 'interval',
      sql: 'SELECT 1',
    });
    await callOk(first.dispatch, 'integrations.update', { id: calls.id, patch: { paused: true, intervalMinutes: 30 } });
    await callOk(first.dispatch, 'systems.update', { id: system.id, patch: { name: 'Avaya CMS' } });
    await callOk(first.dispatch, 'systems.delete', { id: removed.id });
    const before = await callOk(first.dispatch, 'workspace.tree', {});
    first.close();

    const second = openContext({ dataDir: dir.path });
    const after = await callOk(second.dispatch, 'workspace.tree', {});
    expect(after).toEqual(before);
    expect(after).toEqual([
      expect.objectContaining({
        name: 'Avaya CMS',
        vendor: 'avaya-cms',
        timeZone: 'Europe/Brussels',
        passwordSet: true,
        integrations: [expect.objectContaining({ name: 'Calls', paused: true, intervalMinutes: 30, sql: 'SELECT 1' })],
      }),
    ]);
    expect(second.workspace.secrets.read(systemPasswordKey(system.id))).toEqual({ state: 'present', value: 'pw-1' });
  });

  it('emits workspace.changed after each successful write, and none after reads or failures', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    const events: [string, unknown][] = [];
    context.hub.subscribe((name, payload) => events.push([name, payload]));

    const system = await callOk(context.dispatch, 'systems.create', { name: 'Avaya', connection });
    // The event comes after the write: a listener that reads the tree sees the new system.
    expect(events).toEqual([['workspace.changed', { reason: 'systems.create' }]]);
    await callOk(context.dispatch, 'workspace.tree', {});
    await callErr(context.dispatch, 'systems.create', { name: 'avaya', connection });
    expect(events).toHaveLength(1);

    const integration = await callOk(context.dispatch, 'integrations.create', {
      systemId: system.id,
      name: 'Calls',
      importType: 'interval',
    });
    await callOk(context.dispatch, 'integrations.update', { id: integration.id, patch: { paused: true } });
    await callOk(context.dispatch, 'integrations.delete', { id: integration.id });
    await callOk(context.dispatch, 'systems.update', { id: system.id, patch: { vendor: 'other' } });
    await callOk(context.dispatch, 'systems.delete', { id: system.id });
    expect(events.map(([, payload]) => (payload as { reason: string }).reason)).toEqual([
      'systems.create',
      'integrations.create',
      'integrations.update',
      'integrations.delete',
      'systems.update',
      'systems.delete',
    ]);
    expect(new Set(events.map(([name]) => name))).toEqual(new Set(['workspace.changed']));
  });

  it('sees the written data from inside the event listener', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    const seen: number[] = [];
    context.hub.subscribe(() => seen.push(context.workspace.systems.count()));
    await callOk(context.dispatch, 'systems.create', { name: 'Avaya', connection });
    expect(seen).toEqual([1]);
  });
});
