import type { Database } from 'better-sqlite3';
import { connectionSchema, type Connection, type VendorInterface } from '../../src-shared/contract/model';

export interface SystemRow {
  id: number;
  name: string;
  vendor: VendorInterface;
  timeZone: string;
  connection: Connection;
  isDemo: boolean;
}

export interface SystemValues {
  name: string;
  vendor: VendorInterface;
  timeZone: string;
  connection: Connection;
  isDemo?: boolean;
}

interface RawSystem {
  id: number;
  name: string;
  vendor: VendorInterface;
  time_zone: string;
  connection_json: string;
  is_demo: number;
}

/** The key uniqueness is checked on: trimmed, case-folded. */
export const nameKey = (name: string) => name.trim().toLocaleLowerCase('en-US');

export class SystemsRepository {
  constructor(private readonly db: Database) {}

  list(): SystemRow[] {
    const rows = this.db.prepare('SELECT * FROM systems ORDER BY name COLLATE NOCASE, id').all() as RawSystem[];
    return rows.map(toSystem);
  }

  get(id: number): SystemRow | undefined {
    const row = this.db.prepare('SELECT * FROM systems WHERE id = ?').get(id) as RawSystem | undefined;
    return row && toSystem(row);
  }

  findByName(name: string): SystemRow | undefined {
    const row = this.db.prepare('SELECT * FROM systems WHERE name_key = ?').get(nameKey(name)) as RawSystem | undefined;
    return row && toSystem(row);
  }

  insert(values: SystemValues): number {
    const result = this.db
      .prepare(
        'INSERT INTO systems (name, name_key, vendor, time_zone, connection_json, is_demo) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        values.name,
        nameKey(values.name),
        values.vendor,
        values.timeZone,
        JSON.stringify(values.connection),
        values.isDemo ? 1 : 0,
      );
    return Number(result.lastInsertRowid);
  }

  update(id: number, values: SystemValues): void {
    this.db
      .prepare(
        `UPDATE systems SET name = ?, name_key = ?, vendor = ?, time_zone = ?, connection_json = ?,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
      )
      .run(values.name, nameKey(values.name), values.vendor, values.timeZone, JSON.stringify(values.connection), id);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM systems WHERE id = ?').run(id);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM systems').get() as { n: number }).n;
  }
}

function toSystem(row: RawSystem): SystemRow {
  return {
    id: row.id,
    name: row.name,
    vendor: row.vendor,
    timeZone: row.time_zone,
    connection: connectionSchema.parse(JSON.parse(row.connection_json)),
    isDemo: row.is_demo === 1,
  };
}
