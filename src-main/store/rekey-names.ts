import type { Database } from 'better-sqlite3';
import { nameKey } from '../../src-shared/contract/name-rules';

interface NamedRow {
  id: number;
  name: string;
  scope: number;
}

/**
 * Recomputes every `name_key` with the current rule (name-rules.ts). Names that were distinct
 * before but are look-alikes now ("Avaya" and full-width "Ａｖａｙａ") keep the older one's name;
 * a later one gets " (2)", " (3)", … as an import's rename would, so no row is lost and the
 * UNIQUE indexes hold. Keys are first set to a value no name can have, so the order of the
 * updates never collides with a key not yet recomputed.
 */
export function rekeyNames(db: Database): void {
  rekey(db, 'systems', 'SELECT id, name, 0 AS scope FROM systems ORDER BY id');
  rekey(db, 'integrations', 'SELECT id, name, system_id AS scope FROM integrations ORDER BY id');
}

function rekey(db: Database, table: 'systems' | 'integrations', select: string): void {
  const rows = db.prepare(select).all() as NamedRow[];
  db.prepare(`UPDATE ${table} SET name_key = char(1) || id`).run();
  const update = db.prepare(`UPDATE ${table} SET name = ?, name_key = ? WHERE id = ?`);
  const taken = new Map<number, Set<string>>();
  const keysOf = (scope: number) => {
    let keys = taken.get(scope);
    if (!keys) taken.set(scope, (keys = new Set()));
    return keys;
  };
  // First every name that stays: the oldest of each look-alike group, and names no rename may take.
  const renamed = new Set<NamedRow>();
  for (const row of rows) {
    const keys = keysOf(row.scope);
    if (keys.has(nameKey(row.name))) renamed.add(row);
    else keys.add(nameKey(row.name));
  }
  for (const row of rows) if (!renamed.has(row)) update.run(row.name, nameKey(row.name), row.id);
  for (const row of renamed) {
    const keys = keysOf(row.scope);
    let name = row.name;
    for (let n = 2; keys.has(nameKey(name)); n += 1) name = `${row.name} (${n})`;
    keys.add(nameKey(name));
    update.run(name, nameKey(name), row.id);
  }
}
