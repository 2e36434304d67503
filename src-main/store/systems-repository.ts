import { nameKey } from '../../src-shared/contract/name-rules';
import type { Database } from 'better-sqlite3';
import { connectionSchema, type Connection, type VendorInterface } from '../../src-shared/contract/model';
import { statementCache } from './statement-cache';

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

export class SystemsRepository {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database) {
    this.sql = statementCache(db);
  }

  list(): SystemRow[] {
    const rows = this.sql('SELECT * FROM systems ORDER BY name COLLATE NOCASE, id').all() as RawSystem[];
    return rows.map(toSystem);
  }

  get(id: number): SystemRow | undefined {
    const row = this.sql('SELECT * FROM systems WHERE id = ?').get(id) as RawSystem | undefined;
    return row && toSystem(row);
  }

  /** Every system's id by its name key, for checks that would otherwise ask once per name. */
  idsByNameKey(): Map<string, number> {
    const rows = this.sql('SELECT id, name_key FROM systems').all() as Array<{ id: number; name_key: string }>;
    return new Map(rows.map((row) => [row.name_key, row.id]));
  }

  findByName(name: string): SystemRow | undefined {
    const row = this.sql('SELECT * FROM systems WHERE name_key = ?').get(nameKey(name)) as RawSystem | undefined;
    return row && toSystem(row);
  }

  insert(values: SystemValues): number {
    const result = this.sql(
      'INSERT INTO systems (name, name_key, vendor, time_zone, connection_json, is_demo) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
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
    this.sql(
      `UPDATE systems SET name = ?, name_key = ?, vendor = ?, time_zone = ?, connection_json = ?,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ).run(values.name, nameKey(values.name), values.vendor, values.timeZone, JSON.stringify(values.connection), id);
  }

  delete(id: number): void {
    this.sql('DELETE FROM systems WHERE id = ?').run(id);
  }

  count(): number {
    return (this.sql('SELECT count(*) AS n FROM systems').get() as { n: number }).n;
  }
}

function toSystem(row: RawSystem): SystemRow {
  return {
    id: row.id,
    name: row.name,
    vendor: row.vendor,
    timeZone: row.time_zone,
    connection: parseConnection(row.connection_json),
    isDemo: row.is_demo === 1,
  };
}

/**
 * The stored JSON through the schema (which fills defaults added since it was written), once per
 * distinct text: every window reloads the whole tree after each change, and parsing 20,000
 * connections again each time cost a quarter of a second. Bounded; each caller gets its own copy
 * (connections are flat), so no caller can change another's.
 */
const parsedConnections = new Map<string, Connection>();
const PARSED_CONNECTIONS_MAX = 50_000;

function parseConnection(json: string): Connection {
  let parsed = parsedConnections.get(json);
  if (!parsed) {
    parsed = connectionSchema.parse(JSON.parse(json));
    if (parsedConnections.size >= PARSED_CONNECTIONS_MAX) parsedConnections.clear();
    parsedConnections.set(json, parsed);
  }
  return { ...parsed };
}
