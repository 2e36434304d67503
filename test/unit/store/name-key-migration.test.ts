import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/store/migrations';
import { LATEST_STORE_VERSION, openStore } from '../../../src-main/store/open-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-name-key-');
/** The key versions 1 and 2 wrote: case-insensitive only. */
const oldKey = (name: string) => name.trim().toLocaleLowerCase('en-US');

/** A version-2 workspace holding names that only the new key folds together. */
function writeVersion2Store(): string {
  const file = path.join(tempDir().path, 'workspace.sqlite');
  const db = openStore(file, { migrations: MIGRATIONS.slice(0, 2) });
  const system = db.prepare(
    'INSERT INTO systems (name, name_key, vendor, time_zone, connection_json, is_demo) VALUES (?, ?, \'universal\', \'UTC\', \'{"kind":"sqlite","file":"/x"}\', 0)',
  );
  const integration = db.prepare(
    "INSERT INTO integrations (system_id, name, name_key, import_type, interval_minutes, sql_text, rule_set, real_time, reconciliation, paused) VALUES (?, ?, ?, 'interval', 15, '', 'wfm-2024-05', 0, 1, 0)",
  );
  for (const name of ['Avaya', 'Ａｖａｙａ', 'Sales  desk', 'Sales desk', 'Other']) system.run(name, oldKey(name));
  for (const name of ['ﬁle export', 'file export', 'File Export (2)']) integration.run(1, name, oldKey(name));
  integration.run(2, 'file export', oldKey('file export'));
  db.close();
  return file;
}

describe('migration 3: name keys fold look-alikes', () => {
  it('keeps every row; a later look-alike gets " (2)", " (3)" as an import would; keys are recomputed', () => {
    const db = openStore(writeVersion2Store());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_STORE_VERSION);
    const systems = db.prepare('SELECT name, name_key AS key FROM systems ORDER BY id').all();
    expect(systems).toEqual([
      { name: 'Avaya', key: 'avaya' },
      { name: 'Ａｖａｙａ (2)', key: 'avaya (2)' },
      { name: 'Sales  desk', key: 'sales desk' },
      { name: 'Sales desk (2)', key: 'sales desk (2)' },
      { name: 'Other', key: 'other' },
    ]);
    // Within a system only: the same name under another system stays as it was.
    const integrations = db.prepare('SELECT system_id AS systemId, name FROM integrations ORDER BY id').all();
    expect(integrations).toEqual([
      { systemId: 1, name: 'ﬁle export' },
      { systemId: 1, name: 'file export (3)' },
      { systemId: 1, name: 'File Export (2)' },
      { systemId: 2, name: 'file export' },
    ]);
    db.close();
  });
});
