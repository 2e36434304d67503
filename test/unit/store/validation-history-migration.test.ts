import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { LastValidation } from '../../../src-shared/contract/last-validation';
import { createFileKeyCipher } from '../../../src-main/secrets/file-key-cipher';
import { SecretStore, systemPasswordKey } from '../../../src-main/secrets/secret-store';
import { openWorkspace } from '../../../src-main/services/workspace';
import { IntegrationsRepository } from '../../../src-main/store/integrations-repository';
import { MIGRATIONS } from '../../../src-main/store/migrations';
import { LATEST_STORE_VERSION, openStore } from '../../../src-main/store/open-store';
import { SettingsRepository } from '../../../src-main/store/settings-repository';
import { SystemsRepository } from '../../../src-main/store/systems-repository';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-history-');

const V1_TABLES = ['systems', 'integrations', 'settings', 'secrets'] as const;

const entry = (patch: Partial<LastValidation> = {}): LastValidation => ({
  kind: 'full',
  finishedAt: '2026-11-20T13:48:05.412Z',
  sqlSha256: 'a'.repeat(64),
  importType: 'interval',
  intervalMinutes: 15,
  ruleSet: 'wfm-2024-05',
  rowsChecked: 1200,
  countsBySeverity: { error: 1, warning: 2, info: 0 },
  findingCounts: { 'off-grid': 1, 'queue-renamed': 2 },
  ok: false,
  firstTimestamp: '2026-11-01T00:00:00.000Z',
  lastTimestamp: '2026-11-20T13:30:00.000Z',
  ...patch,
});

/** A workspace as version 1 wrote it: the real first migration, filled through the real repositories. */
function writeVersion1Store(dir: string): string {
  const file = path.join(dir, 'workspace.sqlite');
  const db = openStore(file, { migrations: MIGRATIONS.slice(0, 1) });
  const systems = new SystemsRepository(db);
  const integrations = new IntegrationsRepository(db);
  const secrets = new SecretStore(db, createFileKeyCipher(path.join(dir, 'secrets.key')));
  for (let s = 1; s <= 3; s++) {
    const id = systems.insert({
      name: `System ${s}`,
      vendor: 'avaya-cms',
      timeZone: 'Europe/Brussels',
      connection: { kind: 'odbc', connectionString: `DSN=acd${s};DELIMIDENT=y;` },
    });
    secrets.write(systemPasswordKey(id), `password-${s}`);
    for (const importType of ['interval', 'contact', 'agent-states'] as const) {
      integrations.insert(id, {
        name: `${importType} ${s}`,
        importType,
        intervalMinutes: 30,
        sql: `SELECT ${s} -- ${importType}`,
        ruleSet: 'wfm-2023-12',
        realTime: importType === 'agent-states',
        reconciliation: false,
        paused: s === 2,
      });
    }
  }
  new SettingsRepository(db).set('demo-offered', 'skipped');
  db.close();
  return file;
}

function snapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      V1_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

describe('migration 2: last_validations', () => {
  it('upgrades a version-1 workspace keeping every row, after a backup at version 1', () => {
    const dir = tempDir();
    const file = writeVersion1Store(dir.path);
    const before = snapshot(file);
    expect(before.integrations).toHaveLength(9);

    const ws = openWorkspace(file, createFileKeyCipher(dir.join('secrets.key')));
    try {
      expect(LATEST_STORE_VERSION).toBeGreaterThanOrEqual(2);
      expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_STORE_VERSION);
      expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(ws.db.pragma('foreign_key_check')).toEqual([]);
      expect(ws.secrets.read(systemPasswordKey(2))).toEqual({ state: 'present', value: 'password-2' });
      expect(ws.integrations.listAll().filter((integration) => integration.paused)).toHaveLength(3);
    } finally {
      ws.close();
    }
    expect(snapshot(file)).toEqual(before);

    const backups = fs.readdirSync(dir.path).filter((name) => /^workspace\.sqlite\.v1-.*\.bak$/.test(name));
    expect(backups).toHaveLength(1);
    const backup = new Database(dir.join(backups[0]!), { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'last_validations'").get()).toBeUndefined();
    } finally {
      backup.close();
    }
    expect(snapshot(dir.join(backups[0]!))).toEqual(before);
  });

  it('keeps one last validation per integration: recorded, replaced, and deleted with its integration or system', () => {
    const dir = tempDir();
    const ws = openWorkspace(writeVersion1Store(dir.path), createFileKeyCipher(dir.join('secrets.key')));
    try {
      const [first, second] = ws.integrations.listAll().filter((integration) => integration.systemId === 1);
      expect(ws.validationHistory.get(first!.id)).toBeUndefined();

      ws.validationHistory.record(first!.id, entry());
      ws.validationHistory.record(second!.id, entry({ kind: 'preview', rowsChecked: 200 }));
      expect(ws.validationHistory.get(first!.id)).toEqual(entry());

      const newer = entry({ ok: true, countsBySeverity: { error: 0, warning: 0, info: 0 }, findingCounts: {} });
      ws.validationHistory.record(first!.id, { ...newer, firstTimestamp: null, lastTimestamp: null });
      expect(ws.validationHistory.get(first!.id)).toEqual({ ...newer, firstTimestamp: null, lastTimestamp: null });
      const rows = () => (ws.db.prepare('SELECT count(*) AS n FROM last_validations').get() as { n: number }).n;
      expect(rows()).toBe(2);

      ws.integrations.delete(first!.id);
      expect(ws.validationHistory.get(first!.id)).toBeUndefined();
      expect(rows()).toBe(1);
      ws.systems.delete(1);
      expect(rows()).toBe(0);
    } finally {
      ws.close();
    }
  });

  it('refuses a validation for an integration that does not exist, or one that is malformed, writing nothing', () => {
    const dir = tempDir();
    const ws = openWorkspace(dir.join('workspace.sqlite'), createFileKeyCipher(dir.join('secrets.key')));
    try {
      expect(() => ws.validationHistory.record(42, entry())).toThrow(/FOREIGN KEY/);
      const systemId = ws.systems.insert({
        name: 'S',
        vendor: 'universal',
        timeZone: 'UTC',
        connection: { kind: 'sqlite', file: '/data/s.sqlite' },
      });
      const id = ws.integrations.insert(systemId, {
        name: 'I',
        importType: 'interval',
        intervalMinutes: 15,
        sql: 'SELECT 1',
        ruleSet: 'wfm-2024-05',
        realTime: false,
        reconciliation: true,
        paused: false,
      });
      expect(() => ws.validationHistory.record(id, entry({ sqlSha256: 'not-a-hash', rowsChecked: -1 }))).toThrow(
        /integration \d+: sqlSha256: must be 64 lowercase hex digits; rowsChecked: /,
      );
      expect(ws.validationHistory.get(id)).toBeUndefined();

      // A row edited by hand into something unreadable reads as "not validated", never as a crash.
      ws.validationHistory.record(id, entry());
      ws.db.prepare("UPDATE last_validations SET finding_counts_json = '[1,2]' WHERE integration_id = ?").run(id);
      expect(ws.validationHistory.get(id)).toBeUndefined();
    } finally {
      ws.close();
    }
  });
});
