import { describe, expect, it } from 'vitest';
import { checkPreviewable } from '../../../src-shared/sql/classify-statement';
import type { Dialect } from '../../../src-shared/sql/dialect';
import { SIDE_EFFECT_FUNCTIONS, type SideEffectFunction } from '../../../src-shared/sql/side-effect-functions';

const reasonOf = (sql: string, dialect: Dialect): string => {
  const result = checkPreviewable(sql, dialect);
  return result.ok ? 'ok' : result.reason;
};
const argumentsOf = (entry: SideEffectFunction): string => entry.example.slice(entry.name.length);

/** The function's name as a quoted identifier in the first dialect that has it. */
function quoted(name: string, dialect: Dialect): string {
  if (dialect === 'mysql') return `\`${name}\``;
  if (dialect === 'mssql') return `[${name}]`;
  return `"${name}"`;
}

/** PostgreSQL's `U&"…"` with every letter written as a \XXXX escape. */
const unicodeEscaped = (name: string): string =>
  `U&"${[...name].map((char) => `\\${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`;

const cases = SIDE_EFFECT_FUNCTIONS.map((entry) => ({ ...entry, dialect: entry.dialects[0] ?? 'generic' }));

describe.each(cases)('side-effect function $name ($dialect)', (entry) => {
  const { name, dialect } = entry;
  const args = argumentsOf(entry);

  it('is refused in its dialects and generic, named with what it does and where', () => {
    for (const target of [...entry.dialects, 'generic' as const]) {
      const sql = `SELECT queue_id, ${entry.example} FROM queue_stats`;
      expect(checkPreviewable(sql, target), target).toMatchObject({
        ok: false,
        reason: 'writes',
        message: expect.stringContaining(
          `A preview runs queries that only read; this one calls ${name}(), which ${entry.does}.`,
        ),
        offset: sql.indexOf(name),
      });
    }
  });

  it('is refused in any case, schema-qualified, quoted, or with a comment before its (', () => {
    const variants = [
      `SELECT ${name.toUpperCase()}${args}`,
      `SELECT some_schema . ${name} /* why not */ -- really\n ${args}`,
      `SELECT ${quoted(name, dialect)}${args}`,
      `SELECT ${quoted('some_schema', dialect)}.${quoted(name.toUpperCase(), dialect)} ${args}`,
      `SELECT * FROM queue_stats WHERE offered > (SELECT count(*) FROM (SELECT ${entry.example}) AS x)`,
    ];
    for (const sql of variants) expect(reasonOf(sql, dialect), sql).toBe('writes');
  });

  it('is allowed where its name is only a column, an alias, text or a comment', () => {
    const lookAlikes = [
      `SELECT ${name}_count, ${name}, q.${name} FROM queue_stats AS q`,
      `SELECT offered AS ${quoted(name, dialect)} FROM queue_stats`,
      `SELECT '${entry.example.replaceAll("'", "''")}' AS text_only FROM queue_stats`,
      `SELECT 1 AS one /* ${entry.example} */ -- ${name}(\nFROM queue_stats`,
    ];
    for (const sql of lookAlikes) expect(reasonOf(sql, dialect), sql).toBe('ok');
  });
});

describe('side-effect function list', () => {
  it('names each function once, as the start of its example call', () => {
    const names = SIDE_EFFECT_FUNCTIONS.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of SIDE_EFFECT_FUNCTIONS) {
      expect(entry.name).toMatch(/^[a-z_0-9]+$/);
      expect(entry.example.startsWith(`${entry.name}(`)).toBe(true);
      expect(entry.does).toMatch(/^would /);
    }
  });

  it('holds the PostgreSQL functions seen to escape a read-only, rolled-back transaction', () => {
    const names = new Set(SIDE_EFFECT_FUNCTIONS.map((entry) => entry.name));
    const escaped = [
      'brin_summarize_range brin_desummarize_range brin_summarize_new_values gin_clean_pending_list',
      'pg_stat_reset pg_stat_reset_shared pg_stat_reset_single_table_counters pg_stat_reset_slru',
      'pg_stat_reset_single_function_counters pg_stat_reset_replication_slot pg_stat_reset_subscription_stats',
      'lowrite lo_truncate lo_truncate64 lo_put lo_from_bytea lo_create lo_creat lo_import lo_export lo_unlink',
      'txid_current pg_current_xact_id pg_advisory_lock pg_create_physical_replication_slot pg_backup_start',
    ].flatMap((line) => line.split(' '));
    expect(escaped.filter((name) => !names.has(name))).toEqual([]);
  });

  it('decodes PostgreSQL Unicode identifiers, with or without UESCAPE', () => {
    expect(reasonOf(`SELECT ${unicodeEscaped('txid_current')}()`, 'postgres')).toBe('writes');
    expect(reasonOf(`SELECT u&"!0074xid_current" UESCAPE '!' ()`, 'postgres')).toBe('writes');
    expect(reasonOf(String.raw`SELECT U&"\+000074xid_current"()`, 'postgres')).toBe('writes');
    expect(checkPreviewable(`SELECT pg_catalog.${unicodeEscaped('pg_stat_reset')} ()`, 'generic')).toMatchObject({
      reason: 'writes',
      message: expect.stringContaining('calls pg_stat_reset()'),
    });
    // Another name, and the escapes of a plain identifier, stay names.
    expect(reasonOf(String.raw`SELECT U&"\0074xid_current_if_assigned"()`, 'postgres')).toBe('ok');
    expect(reasonOf(String.raw`SELECT "\0074xid_current"()`, 'postgres')).toBe('ok');
  });

  it('refuses ts_rewrite only in its two-argument form, which runs SQL', () => {
    expect(reasonOf("SELECT ts_rewrite(q, 'SELECT t, s FROM aliases') FROM queries", 'postgres')).toBe('writes');
    expect(reasonOf('SELECT ts_rewrite(q, concat(a, b)) FROM queries', 'postgres')).toBe('writes');
    expect(reasonOf('SELECT ts_rewrite(q, t, s) FROM aliases', 'postgres')).toBe('ok');
    expect(reasonOf('SELECT ts_rewrite(q, ARRAY[a, b][1], s) FROM aliases', 'postgres')).toBe('ok');
  });
});
