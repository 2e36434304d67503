import type { Dialect } from './dialect';
import { SIDE_EFFECT_FUNCTIONS } from './side-effect-functions';
import type { CorpusEntry, WriteCorpusEntry } from './statement-corpus';

/**
 * The statement corpus's function calls: one call of every function with side effects, which the
 * guard must refuse, and calls and names that only look like writes, which it must allow.
 */
const ALL: Dialect[] = ['postgres', 'mysql', 'mssql', 'sqlite', 'generic'];

/** Each in its servers' dialects and in generic. */
export const FUNCTION_WRITE_CORPUS: WriteCorpusEntry[] = SIDE_EFFECT_FUNCTIONS.map(({ example, dialects, does }) => ({
  sql: `SELECT ${example}`,
  dialects: [...dialects, 'generic'],
  why: does,
  reason: 'writes',
  guardOnly: true,
}));

export const LOOK_ALIKE_READ_CORPUS: CorpusEntry[] = [
  // Function calls that only look like statements: MariaDB's own test suites call INSERT() 751 times.
  {
    sql: "SELECT INSERT('Quadratic', 3, 4, 'What') AS s",
    dialects: ['mysql', 'generic'],
    why: 'the string function INSERT()',
  },
  { sql: "SELECT {fn INSERT(queue_name, 1, 1, 'X')} FROM queue_stats", dialects: ['generic'], why: 'ODBC INSERT' },
  { sql: 'SELECT TRUNCATE(offered / 7, 1) FROM queue_stats', dialects: ['mysql', 'generic'], why: 'TRUNCATE()' },
  { sql: 'SELECT queue_id FROM queue_stats USE INDEX (PRIMARY)', dialects: ['mysql', 'generic'], why: 'index hint' },
  {
    sql: 'SELECT * FROM queue_stats WHERE queue_id IN (SELECT queue_id FROM queue_totals WHERE offered > 10)',
    dialects: ALL,
    why: 'a subquery',
  },
  { sql: 'SELECT LEFT(queue_name, 3), RIGHT(queue_id, 1) FROM queue_stats', dialects: ALL, why: 'LEFT(), RIGHT()' },
  // Look-alikes of functions with side effects, which leave nothing behind.
  { sql: "SELECT pg_notify('acd_channel', 'x')", dialects: ['postgres'], why: 'delivered only at commit' },
  { sql: 'SELECT pg_advisory_xact_lock(1)', dialects: ['postgres'], why: 'released by the rollback' },
  { sql: 'SELECT loread(lo_open(1, 262144), 10), lo_get(1)', dialects: ['postgres'], why: 'reads a large object' },
  {
    sql: 'SELECT txid_current_if_assigned(), pg_current_xact_id_if_assigned(), pg_current_snapshot()',
    dialects: ['postgres'],
    why: 'assigns no transaction ID',
  },
  {
    sql: "SELECT ts_rewrite('a & b'::tsquery, 'a'::tsquery, 'c'::tsquery)",
    dialects: ['postgres'],
    why: 'the three-argument ts_rewrite only rewrites',
  },
  {
    sql: "SELECT pg_stat_get_numscans('queue_stats'::regclass), seq_scan FROM pg_stat_user_tables",
    dialects: ['postgres'],
    why: 'reads statistics',
  },
  {
    sql: 'SELECT txid_current, pg_stat_reset_count, "brin_summarize_new_values", q.nextval FROM queue_stats q',
    dialects: ['postgres', 'generic'],
    why: 'names of columns, not calls',
  },
  {
    sql: "SELECT 'txid_current()' AS s /* pg_stat_reset() */ -- lo_unlink(1)\nFROM queue_stats",
    dialects: ALL,
    why: 'calls in text and comments only',
  },
];
