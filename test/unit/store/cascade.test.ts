import { describe, expect, it } from 'vitest';
import { createFileKeyCipher } from '../../../src-main/secrets/file-key-cipher';
import { systemPasswordKey } from '../../../src-main/secrets/secret-store';
import { SystemsService } from '../../../src-main/services/systems-service';
import { openWorkspace, type Workspace } from '../../../src-main/services/workspace';
import type { IntegrationValues } from '../../../src-main/store/integrations-repository';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-cascade-');

const integration = (name: string): IntegrationValues => ({
  name,
  importType: 'interval',
  intervalMinutes: 15,
  sql: 'SELECT 1',
  ruleSet: 'wfm-2024-05',
  realTime: false,
  reconciliation: true,
  paused: false,
});

function addSystem(ws: Workspace, name: string): number {
  return ws.systems.insert({
    name,
    vendor: 'universal',
    timeZone: 'UTC',
    connection: { kind: 'sqlite', file: `/data/${name}.sqlite` },
  });
}

const count = (ws: Workspace, table: 'systems' | 'integrations' | 'secrets') =>
  (ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('deleting a system', () => {
  it('removes its integrations through the foreign key (ON DELETE CASCADE) and keeps the others', () => {
    const dir = tempDir();
    const ws = openWorkspace(dir.join('workspace.sqlite'), createFileKeyCipher(dir.join('secrets.key')));
    try {
      const doomed = addSystem(ws, 'Doomed');
      const kept = addSystem(ws, 'Kept');
      ws.integrations.insert(doomed, integration('Calls'));
      ws.integrations.insert(doomed, integration('Chats'));
      ws.integrations.insert(kept, integration('Calls'));

      ws.systems.delete(doomed);

      expect(ws.integrations.countForSystem(doomed)).toBe(0);
      expect(ws.integrations.listAll().map((row) => [row.systemId, row.name])).toEqual([[kept, 'Calls']]);
      expect(ws.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('removes its secrets in the same transaction, and only its own (system 1 vs system 10)', () => {
    const dir = tempDir();
    const ws = openWorkspace(dir.join('workspace.sqlite'), createFileKeyCipher(dir.join('secrets.key')));
    try {
      const ids: number[] = [];
      for (let i = 1; i <= 10; i += 1) {
        const id = addSystem(ws, `System ${i}`);
        ids.push(id);
        ws.secrets.write(systemPasswordKey(id), `password-${i}`);
        ws.integrations.insert(id, integration('Calls'));
      }
      const first = ids[0] ?? 0;
      const tenth = ids[9] ?? 0;
      expect([first, tenth]).toEqual([1, 10]);

      const service = new SystemsService(ws, () => undefined);
      expect(service.delete(first)).toEqual({ deletedIntegrations: 1 });

      expect(ws.systems.get(first)).toBeUndefined();
      expect(ws.secrets.has(systemPasswordKey(first))).toBe(false);
      expect(ws.secrets.read(systemPasswordKey(tenth))).toEqual({ state: 'present', value: 'password-10' });
      expect(count(ws, 'systems')).toBe(9);
      expect(count(ws, 'integrations')).toBe(9);
      expect(count(ws, 'secrets')).toBe(9);
    } finally {
      ws.close();
    }
  });

  it('refuses an integration for a system that does not exist (foreign keys are enforced)', () => {
    const dir = tempDir();
    const ws = openWorkspace(dir.join('workspace.sqlite'), createFileKeyCipher(dir.join('secrets.key')));
    try {
      expect(() => ws.integrations.insert(999, integration('Orphan'))).toThrow(/FOREIGN KEY/);
      expect(count(ws, 'integrations')).toBe(0);
    } finally {
      ws.close();
    }
  });
});
