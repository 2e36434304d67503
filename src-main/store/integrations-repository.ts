import type { Database } from 'better-sqlite3';
import type { ImportType, Integration } from '../../src-shared/contract/model';
import { statementCache } from './statement-cache';
import { nameKey } from '../../src-shared/contract/name-rules';

export type IntegrationValues = Omit<Integration, 'id' | 'systemId'>;

interface RawIntegration {
  id: number;
  system_id: number;
  name: string;
  import_type: ImportType;
  interval_minutes: 15 | 30;
  sql_text: string;
  rule_set: Integration['ruleSet'];
  real_time: number;
  reconciliation: number;
  paused: number;
}

export class IntegrationsRepository {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database) {
    this.sql = statementCache(db);
  }

  listAll(): Integration[] {
    const rows = this.sql('SELECT * FROM integrations ORDER BY name COLLATE NOCASE, id').all() as RawIntegration[];
    return rows.map(toIntegration);
  }

  get(id: number): Integration | undefined {
    const row = this.sql('SELECT * FROM integrations WHERE id = ?').get(id) as RawIntegration | undefined;
    return row && toIntegration(row);
  }

  findByName(systemId: number, name: string): Integration | undefined {
    const row = this.sql('SELECT * FROM integrations WHERE system_id = ? AND name_key = ?').get(
      systemId,
      nameKey(name),
    ) as RawIntegration | undefined;
    return row && toIntegration(row);
  }

  countForSystem(systemId: number): number {
    return (this.sql('SELECT count(*) AS n FROM integrations WHERE system_id = ?').get(systemId) as { n: number }).n;
  }

  insert(systemId: number, values: IntegrationValues): number {
    const result = this.sql(
      `INSERT INTO integrations (system_id, name, name_key, import_type, interval_minutes, sql_text, rule_set,
         real_time, reconciliation, paused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(systemId, ...columns(values));
    return Number(result.lastInsertRowid);
  }

  update(id: number, values: IntegrationValues): void {
    this.sql(
      `UPDATE integrations SET name = ?, name_key = ?, import_type = ?, interval_minutes = ?, sql_text = ?,
         rule_set = ?, real_time = ?, reconciliation = ?, paused = ?,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ).run(...columns(values), id);
  }

  delete(id: number): void {
    this.sql('DELETE FROM integrations WHERE id = ?').run(id);
  }
}

function columns(values: IntegrationValues) {
  return [
    values.name,
    nameKey(values.name),
    values.importType,
    values.intervalMinutes,
    values.sql,
    values.ruleSet,
    values.realTime ? 1 : 0,
    values.reconciliation ? 1 : 0,
    values.paused ? 1 : 0,
  ] as const;
}

function toIntegration(row: RawIntegration): Integration {
  return {
    id: row.id,
    systemId: row.system_id,
    name: row.name,
    importType: row.import_type,
    intervalMinutes: row.interval_minutes,
    sql: row.sql_text,
    ruleSet: row.rule_set,
    realTime: row.real_time === 1,
    reconciliation: row.reconciliation === 1,
    paused: row.paused === 1,
  };
}
