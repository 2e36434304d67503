import type { Dialect } from './dialect';

/**
 * Functions a preview refuses to call, checked before anything is sent to the server. Each one
 * does something that the preview's read-only, rolled-back transaction does not stop or undo, or
 * that the guard does not leave to it; the comments say which, as PostgreSQL 15 and MariaDB
 * 10.11 behaved when each was tried inside `BEGIN READ ONLY … ROLLBACK`.
 *
 * This is the only list of such functions; test/unit/sql/side-effect-functions.test.ts tests
 * every entry, and test/integration/write-corpus.test.ts shows several escaping a real rollback.
 */
export interface SideEffectFunction {
  /** Lower case; matched in any case, quoted or not, with or without a schema. */
  name: string;
  /** Ends the refusal: "… this one calls nextval(), which {does}." */
  does: string;
  /** Servers that have it. The guard refuses it in every dialect: a generic connection needs that. */
  dialects: Dialect[];
  /** A call with arguments that do no harm should it ever get past the guard (tests and corpus). */
  example: string;
  /** Refused only when called with this many arguments (another overload is harmless). */
  argumentCount?: number;
}

const PG: Dialect[] = ['postgres'];

const INDEX_PAGES = 'would change index pages, even though the preview rolls back';
const STATISTICS = 'would reset statistics, even though the preview rolls back';
const LARGE_OBJECTS = 'would write large objects, which a read-only transaction does not prevent';
const SERVER = 'would change the server, even though the preview rolls back';
const SLOTS = 'would change replication slots, even though the preview rolls back';
const OTHER_CONNECTION = 'would run SQL on another connection, which commits on its own';
const HIDDEN_SQL = 'would run the SQL in its argument, which the guard cannot check';
const LOCK = 'would take a lock that the rollback does not release';

/** Entries that do the same, one per example call; the name is the example's up to its `(`. */
function group(does: string, dialects: Dialect[], ...calls: string[]): SideEffectFunction[] {
  return calls.map((example) => ({ name: example.slice(0, example.indexOf('(')), does, dialects, example }));
}

export const SIDE_EFFECT_FUNCTIONS: readonly SideEffectFunction[] = [
  // Index maintenance writes its pages outside the transaction's undo: after ROLLBACK a second
  // call finds nothing left to do. brin_summarize_new_values/_range summarise page ranges,
  // brin_desummarize_range drops a summary, gin_clean_pending_list merges the pending list.
  ...group(
    INDEX_PAGES,
    PG,
    "brin_summarize_new_values('acd_no_such_index')",
    "brin_summarize_range('acd_no_such_index', 0)",
    "brin_desummarize_range('acd_no_such_index', 0)",
    "gin_clean_pending_list('acd_no_such_index')",
  ),
  // The statistics counters live in shared memory, not in tables: a reset is permanent (with a
  // login that may call it: superusers, or one granted EXECUTE). _backend_stats is PostgreSQL 18,
  // pg_stat_statements_reset the pg_stat_statements extension.
  ...group(
    STATISTICS,
    PG,
    'pg_stat_reset()',
    "pg_stat_reset_shared('acd_no_such_target')",
    'pg_stat_reset_single_table_counters(0)',
    'pg_stat_reset_single_function_counters(0)',
    "pg_stat_reset_slru('acd_no_such_slru')",
    "pg_stat_reset_replication_slot('acd_no_such_slot')",
    'pg_stat_reset_subscription_stats(0)',
    'pg_stat_reset_backend_stats(0)',
    'pg_stat_statements_reset()',
  ),
  // PostgreSQL checks no read-only flag for large objects: these all write inside BEGIN READ
  // ONLY. The rollback undoes their rows, but until then they write and lock the object.
  // lo_open is allowed: opening writes nothing, and every call that writes through a
  // descriptor (lowrite, lo_truncate, lo_truncate64) is here.
  ...group(
    LARGE_OBJECTS,
    PG,
    'lo_create(0)',
    'lo_creat(-1)',
    "lo_from_bytea(0, 'x')",
    "lo_put(0, 0, 'x')",
    "lowrite(0, 'x')",
    'lo_truncate(0, 0)',
    'lo_truncate64(0, 0)',
    'lo_unlink(0)',
  ),
  // Reads any server file the login may read into the database.
  ...group('would read a server file into the database', PG, "lo_import('/acd/no/such/file')"),
  // The file is written at once and stays after the rollback.
  ...group('would write a server file, even though the preview rolls back', PG, "lo_export(0, '/tmp/acd_evil_lo')"),
  // A transaction ID is assigned for good: after ROLLBACK pg_xact_status() reports it aborted,
  // and every ID used brings the next wraparound vacuum closer.
  ...group(
    'would use up a transaction ID, even though the preview rolls back',
    PG,
    'txid_current()',
    'pg_current_xact_id()',
  ),
  // A sequence is never rolled back. PostgreSQL and MariaDB refuse both in a READ ONLY
  // transaction today (a temporary sequence would be the exception); the guard does not rely on it.
  ...group(
    'would advance a sequence, even though the preview rolls back',
    ['postgres', 'mysql'],
    "nextval('acd_no_seq')",
  ),
  ...group(
    'would set a sequence, even though the preview rolls back',
    ['postgres', 'mysql'],
    "setval('acd_no_seq', 1)",
  ),
  // The rollback undoes it, even with is_local = false; but until then it could change how the
  // rest of the read runs, such as statement_timeout for the later fetches of a validation.
  ...group('would change a setting of the session the preview reads in', PG, "set_config('work_mem', '64kB', true)"),
  // The other session is gone, or its statement cancelled, whatever becomes of ours.
  ...group('would end another session', PG, 'pg_terminate_backend(0)'),
  ...group('would cancel the statement of another session', PG, 'pg_cancel_backend(0)'),
  // Server-wide actions, none of them transactional: pg_reload_conf applies edited configuration
  // files; pg_rotate_logfile starts a log file; pg_switch_wal ends a WAL file;
  // pg_create_restore_point writes a WAL record; pg_promote ends a standby's recovery;
  // pg_log_backend_memory_contexts writes to the server log; a backup started stays open after
  // ROLLBACK until the session ends, and its start forces a checkpoint (pg_start_backup and
  // pg_stop_backup are the names before PostgreSQL 15); the replay functions pause or resume a
  // standby; pg_nextoid advances the OID counter.
  ...group(
    SERVER,
    PG,
    'pg_reload_conf()',
    'pg_rotate_logfile()',
    'pg_switch_wal()',
    "pg_create_restore_point('acd_evil')",
    'pg_promote(false)',
    'pg_log_backend_memory_contexts(0)',
    "pg_backup_start('acd_evil')",
    'pg_backup_stop()',
    "pg_start_backup('acd_evil')",
    'pg_stop_backup()',
    'pg_wal_replay_pause()',
    'pg_wal_replay_resume()',
    "pg_nextoid('pg_class', 'oid', 'pg_class_oid_index')",
  ),
  // Slots are not transactional: one created stays (and holds WAL back), one dropped is gone,
  // and changes read through _get_ are consumed. The _peek_ functions only read.
  ...group(
    SLOTS,
    PG,
    "pg_create_physical_replication_slot('acd_evil_slot')",
    "pg_create_logical_replication_slot('acd_evil_slot', 'test_decoding')",
    "pg_copy_physical_replication_slot('acd_no_such_slot', 'acd_evil_slot')",
    "pg_copy_logical_replication_slot('acd_no_such_slot', 'acd_evil_slot')",
    "pg_drop_replication_slot('acd_no_such_slot')",
    "pg_replication_slot_advance('acd_no_such_slot', '0/0')",
    "pg_logical_slot_get_changes('acd_no_such_slot', NULL, NULL)",
    "pg_logical_slot_get_binary_changes('acd_no_such_slot', NULL, NULL)",
  ),
  // An origin's progress is kept in shared memory, outside the transaction. (Creating or
  // dropping an origin is transactional, so the rollback undoes it.)
  ...group(
    'would move a replication origin, even though the preview rolls back',
    PG,
    "pg_replication_origin_advance('acd_no_such_origin', '0/0')",
  ),
  // With transactional = false the message is decoded even though the transaction rolls back.
  ...group(
    'would write a message for logical decoding, even though the preview rolls back',
    PG,
    "pg_logical_emit_message(false, 'acd', 'x')",
  ),
  // dblink (extension) opens its own connection, whose statements commit there.
  ...group(
    OTHER_CONNECTION,
    PG,
    "dblink('dbname=acd_no_such_db', 'SELECT 1')",
    "dblink_exec('dbname=acd_no_such_db', 'SELECT 1')",
    "dblink_send_query('acd_no_such_link', 'SELECT 1')",
    "dblink_open('acd_no_such_cursor', 'SELECT 1')",
  ),
  // SQL in a string is out of the guard's sight, so it could call any function on this list.
  ...group(
    HIDDEN_SQL,
    PG,
    "query_to_xml('SELECT 1', false, false, '')",
    "query_to_xmlschema('SELECT 1', false, false, '')",
    "query_to_xml_and_xmlschema('SELECT 1', false, false, '')",
    "ts_stat('SELECT to_tsvector(''x'')')",
  ),
  // ts_rewrite(query, select) runs its second argument; the three-argument form only rewrites.
  ...group(HIDDEN_SQL, PG, "ts_rewrite('a'::tsquery, 'SELECT ''a''::tsquery, ''b''::tsquery')").map((entry) => ({
    ...entry,
    argumentCount: 2,
  })),
  ...group(
    'would run SQL on another server',
    ['mssql'],
    "openrowset('SQLNCLI', 'Server=.;', 'SELECT 1')",
    "openquery(acd_no_such_server, 'SELECT 1')",
    "opendatasource('SQLNCLI', 'Data Source=.')",
  ),
  // adminpack (extension): file changes happen at once and stay.
  ...group('would write a server file', PG, "pg_file_write('acd_evil', 'x', false)"),
  ...group('would rename a server file', PG, "pg_file_rename('acd_no_such_file', 'acd_evil')"),
  ...group('would remove a server file', PG, "pg_file_unlink('acd_no_such_file')"),
  // SQLite's fileio extension and loadable extensions.
  ...group('would write a file', ['sqlite'], "writefile('/tmp/acd_evil', 'x')"),
  ...group('would load code into the database', ['sqlite'], "load_extension('/acd/no/such/extension')"),
  // Session locks stay held after ROLLBACK (still in pg_locks; MariaDB's IS_USED_LOCK still
  // set) until the session ends, and meanwhile hold up the WFM system's own use of them. The
  // transaction-level pg_advisory_xact_lock* are released by the rollback, and allowed.
  ...group(
    LOCK,
    PG,
    'pg_advisory_lock(0)',
    'pg_advisory_lock_shared(0)',
    'pg_try_advisory_lock(0)',
    'pg_try_advisory_lock_shared(0)',
  ),
  ...group(LOCK, ['mysql'], "get_lock('acd_evil', 0)"),
];

// Not listed, because they leave nothing behind: pg_notify (a notification is delivered only at
// commit, and a preview never commits: write-corpus.test.ts listens for one), the
// pg_advisory_xact_lock* family, lo_open and the lo_ readers, txid_current_if_assigned and
// pg_current_snapshot (they assign no ID), and the _peek_ slot readers.

const BY_NAME = new Map(SIDE_EFFECT_FUNCTIONS.map((entry) => [entry.name, entry]));

/** The entry a call of `name` (lower case) with `argumentCount` arguments falls under, if any. */
export function sideEffectOf(name: string, argumentCount: number): SideEffectFunction | undefined {
  const entry = BY_NAME.get(name);
  if (entry?.argumentCount !== undefined && entry.argumentCount !== argumentCount) return undefined;
  return entry;
}
