import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemPasswordKey } from '../../../src-main/secrets/secret-store';
import { filesContainingSecret, listFilesRecursive } from '../../support/files';
import { useAppContexts } from '../../support/app-contexts';
import { callErr, callOk, recordingDispatch } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-passwords-');
const openContext = useAppContexts();

const CANARY = 'Canary-Pw-7f3a9';
const connection = { kind: 'postgres', host: 'acd01', database: 'cms', user: 'reader' } as const;

describe('system passwords', () => {
  it('stores a password encrypted: passwordSet is true, the canary is nowhere on disk or in any answer', async () => {
    const dir = tempDir();
    const context = openContext({ dataDir: dir.path, seedDemo: false });
    const { dispatch, answers } = recordingDispatch(context.dispatch);

    const created = await callOk(dispatch, 'systems.create', { name: 'Avaya', connection, password: CANARY });
    expect(created.passwordSet).toBe(true);
    expect(created).not.toHaveProperty('password');
    // It really is stored (and readable with this machine's key), not silently dropped.
    expect(context.workspace.secrets.read(systemPasswordKey(created.id))).toEqual({ state: 'present', value: CANARY });

    await callOk(dispatch, 'workspace.tree', {});
    await callOk(dispatch, 'app.info', {});
    await callOk(dispatch, 'systems.update', { id: created.id, patch: { name: 'Avaya CMS' } });
    await callOk(dispatch, 'integrations.create', { systemId: created.id, name: 'Calls', importType: 'interval' });
    // Failures that echo input must not echo the password either.
    await callErr(dispatch, 'systems.create', { name: 'Avaya CMS', connection, password: CANARY });
    await callErr(dispatch, 'systems.create', { name: '', connection, password: CANARY });
    await callErr(dispatch, 'systems.update', {
      id: created.id,
      patch: { password: CANARY, timeZone: 'Mars/Olympus' },
    });
    await callErr(dispatch, 'systems.update', { id: created.id, patch: { password: 12345 } });

    // While the store is open the write-ahead log holds the latest pages.
    const walFile = `${context.workspace.file}-wal`;
    expect(fs.existsSync(walFile)).toBe(true);
    expect(fs.statSync(walFile).size).toBeGreaterThan(0);
    expect(filesContainingSecret(dir.path, CANARY)).toEqual([]);
    for (const answer of answers) expect(answer).not.toContain(CANARY);
    expect(answers).toHaveLength(9);

    context.close();
    expect(filesContainingSecret(dir.path, CANARY)).toEqual([]);
    const names = listFilesRecursive(dir.path).map((file) => path.relative(dir.path, file));
    expect(names).toEqual(expect.arrayContaining(['workspace.sqlite', 'secrets.key']));
  });

  it('keeps the canary out of the log even when a handler fails unexpectedly', async () => {
    const dir = tempDir();
    const context = openContext({ dataDir: dir.path, seedDemo: false });
    const created = await callOk(context.dispatch, 'systems.create', { name: 'Avaya', connection, password: CANARY });
    // Break the store underneath the service so the next write throws an unexpected error.
    context.workspace.db.exec('DROP TABLE secrets');
    const error = await callErr(context.dispatch, 'systems.update', {
      id: created.id,
      patch: { password: `${CANARY}-2` },
    });
    expect(error.code).toBe('INTERNAL');
    expect(JSON.stringify(error)).not.toContain(CANARY);
    const log = fs.readFileSync(path.join(dir.path, 'logs', 'acd-link.log'), 'utf8');
    expect(log).toContain('unexpected failure in systems.update');
    expect(filesContainingSecret(dir.path, CANARY)).toEqual([]);
  });

  it('leaves the password when a patch does not mention it, replaces it, and clears it with ""', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    const created = await callOk(context.dispatch, 'systems.create', { name: 'Avaya', connection, password: CANARY });
    const key = systemPasswordKey(created.id);

    expect(
      (await callOk(context.dispatch, 'systems.update', { id: created.id, patch: { vendor: 'avaya-cms' } }))
        .passwordSet,
    ).toBe(true);
    expect(context.workspace.secrets.read(key)).toEqual({ state: 'present', value: CANARY });

    expect(
      (await callOk(context.dispatch, 'systems.update', { id: created.id, patch: { password: 'second' } })).passwordSet,
    ).toBe(true);
    expect(context.workspace.secrets.read(key)).toEqual({ state: 'present', value: 'second' });

    const cleared = await callOk(context.dispatch, 'systems.update', { id: created.id, patch: { password: '' } });
    expect(cleared.passwordSet).toBe(false);
    expect(context.workspace.secrets.read(key)).toEqual({ state: 'absent' });
    expect((context.workspace.db.prepare('SELECT count(*) AS n FROM secrets').get() as { n: number }).n).toBe(0);
    expect((await callOk(context.dispatch, 'workspace.tree', {}))[0]?.passwordSet).toBe(false);
  });

  it('creates without a stored secret when the password is empty or absent', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    expect(
      (await callOk(context.dispatch, 'systems.create', { name: 'A', connection, password: '' })).passwordSet,
    ).toBe(false);
    expect((await callOk(context.dispatch, 'systems.create', { name: 'B', connection })).passwordSet).toBe(false);
    expect((context.workspace.db.prepare('SELECT count(*) AS n FROM secrets').get() as { n: number }).n).toBe(0);
  });

  it('removes the password with its system', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    const created = await callOk(context.dispatch, 'systems.create', { name: 'Avaya', connection, password: CANARY });
    await callOk(context.dispatch, 'systems.delete', { id: created.id });
    expect(context.workspace.secrets.has(systemPasswordKey(created.id))).toBe(false);
    // A new system that happens to get the same id does not inherit it.
    const again = await callOk(context.dispatch, 'systems.create', { name: 'Avaya', connection });
    expect(again.passwordSet).toBe(false);
  });
});
