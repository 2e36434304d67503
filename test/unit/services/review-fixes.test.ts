import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFileKeyCipher } from '../../../src-main/secrets/file-key-cipher';
import { conflictOnDuplicate } from '../../../src-main/services/unique-name';
import { openWorkspace } from '../../../src-main/services/workspace';
import { resolveStaticFile } from '../../../src-main/host/static-files';
import { ServiceError } from '../../../src-shared/rpc/result';
import { useAppContexts } from '../../support/app-contexts';
import { callErr, callOk } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const openContext = useAppContexts();

describe('demo seeding decided by the store', () => {
  it('seeds a 0-byte workspace file, as if it were new', async () => {
    const dir = tempDir();
    fs.writeFileSync(dir.join('workspace.sqlite'), '');
    const context = openContext({ dataDir: dir.path });
    const tree = await callOk(context.dispatch, 'workspace.tree', {});
    expect(tree.map((system) => system.name)).toEqual(['Demo ACD (embedded SQLite)']);
  });

  it('never seeds a workspace first opened without the demo', async () => {
    const dir = tempDir();
    openContext({ dataDir: dir.path, seedDemo: false }).close();
    const reopened = openContext({ dataDir: dir.path });
    expect(await callOk(reopened.dispatch, 'workspace.tree', {})).toEqual([]);
  });
});

describe('duplicate names between processes', () => {
  it('turns the UNIQUE index answer into the same CONFLICT a user sees from the check', () => {
    const dir = tempDir();
    const workspace = openWorkspace(dir.join('ws.sqlite'), createFileKeyCipher(dir.join('key')));
    try {
      const values = {
        name: 'Avaya',
        vendor: 'universal',
        timeZone: 'UTC',
        connection: { kind: 'odbc', connectionString: 'DSN=a;' },
      } as const;
      workspace.systems.insert(values);
      let caught: unknown;
      try {
        conflictOnDuplicate(
          () => workspace.systems.insert({ ...values, name: ' AVAYA ' }),
          () => 'taken',
        );
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ServiceError);
      expect((caught as ServiceError).code).toBe('CONFLICT');
      expect(workspace.systems.count()).toBe(1);
    } finally {
      workspace.close();
    }
  });

  it('refuses an ODBC connection string with a clear-text password, writing nothing', async () => {
    const dir = tempDir();
    const context = openContext({ dataDir: dir.path, seedDemo: false });
    const error = await callErr(context.dispatch, 'systems.create', {
      name: 'CMS',
      connection: { kind: 'odbc', connectionString: 'DSN=cms;PWD=Canary-Pw-7f3a9;' },
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.[0]?.path).toBe('connection.connectionString');
    expect(JSON.stringify(error)).not.toContain('Canary-Pw-7f3a9');
    expect(context.workspace.systems.count()).toBe(0);
  });
});

describe('static files', () => {
  it('does not follow a symlink out of the bundle', () => {
    const dir = tempDir();
    fs.mkdirSync(dir.join('bundle'));
    fs.writeFileSync(dir.join('bundle', 'index.html'), '<html></html>');
    fs.writeFileSync(dir.join('secret.txt'), 'outside');
    fs.symlinkSync(dir.join('secret.txt'), dir.join('bundle', 'leak.txt'));
    expect(resolveStaticFile(dir.join('bundle'), '/leak.txt')).toBeUndefined();
    expect(resolveStaticFile(dir.join('bundle'), '/index.html')).toBe(dir.join('bundle', 'index.html'));
  });
});
