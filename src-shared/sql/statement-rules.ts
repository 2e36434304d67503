/**
 * Word lists of the statement guard. The guard allows only statements that start with a word in
 * READ_LEADING; the other lists exist to explain a refusal in plain words. Functions that change
 * something are listed in side-effect-functions.ts.
 */

/** Statements that only read. EXPLAIN, DESCRIBE and PRAGMA get further checks. */
export const READ_LEADING = new Set([
  'SELECT',
  'WITH',
  'VALUES',
  'TABLE',
  'SHOW',
  'EXPLAIN',
  'DESCRIBE',
  'DESC',
  'PRAGMA',
]);

export type WriteKind = 'data' | 'database' | 'procedure';

/** Leading words of statements that change data or the database, and how to say so. */
export const WRITE_LEADING: ReadonlyMap<string, WriteKind> = new Map<string, WriteKind>([
  ...words('data', 'INSERT UPDATE DELETE MERGE UPSERT REPLACE TRUNCATE COPY LOAD HANDLER BULK'),
  ...words(
    'database',
    'CREATE ALTER DROP RENAME GRANT REVOKE DENY COMMENT LOCK UNLOCK VACUUM ANALYZE ANALYSE ATTACH DETACH ' +
      'REINDEX CLUSTER REFRESH IMPORT OPTIMIZE REPAIR CHECKPOINT NOTIFY SECURITY FLUSH KILL SHUTDOWN INSTALL ' +
      'UNINSTALL BACKUP RESTORE DBCC PURGE RESET RECONFIGURE UPDATETEXT WRITETEXT SETUSER REVERT RECEIVE SEND ' +
      'CHANGE SAVE',
  ),
  ...words('procedure', 'CALL EXEC EXECUTE DO'),
]);

/** Leading words that end, start or reconfigure the transaction or session a preview runs in. */
export const TRANSACTION_LEADING = new Set('BEGIN COMMIT ROLLBACK START SAVEPOINT RELEASE END ABORT XA'.split(' '));
export const SESSION_LEADING = new Set(
  'SET USE DISCARD DECLARE PREPARE DEALLOCATE LISTEN UNLISTEN FETCH MOVE CLOSE OPEN'.split(' '),
);

/** Words that make a statement write wherever they stand as a keyword (writable CTEs, T-SQL batches). */
export const WRITE_KEYWORDS = new Set(['INSERT', 'UPDATE', 'DELETE']);

/** SQL Server table hints that take update or exclusive locks, or hold shared ones to the end. */
export const LOCK_HINTS = new Set(['UPDLOCK', 'XLOCK', 'TABLOCK', 'TABLOCKX', 'HOLDLOCK']);

/**
 * T-SQL needs no semicolon between statements: `SELECT 1 DROP TABLE t` is two. These reserved
 * words cannot appear inside a SELECT (MERGE can: `INNER MERGE JOIN`; a MERGE statement always
 * holds INSERT, UPDATE or DELETE), so in SQL Server they mean a second statement.
 */
export const MSSQL_STATEMENT_WORDS = new Set(
  (
    'CREATE ALTER DROP TRUNCATE EXEC EXECUTE GRANT REVOKE DENY BEGIN COMMIT ROLLBACK SAVE SET USE BULK DBCC KILL ' +
    'SHUTDOWN BACKUP RESTORE UPDATETEXT WRITETEXT REVERT CHECKPOINT RECONFIGURE DECLARE SETUSER'
  ).split(' '),
);

/** Read-only SQLite pragmas: queried without an argument they only report a setting. */
export const READ_PRAGMAS = new Set(
  (
    'application_id auto_vacuum automatic_index busy_timeout cache_size cache_spill cell_size_check ' +
    'collation_list compile_options data_version database_list defer_foreign_keys encoding foreign_key_check ' +
    'foreign_key_list foreign_keys freelist_count function_list index_info index_list index_xinfo ' +
    'integrity_check journal_mode journal_size_limit legacy_alter_table locking_mode max_page_count mmap_size ' +
    'module_list page_count page_size pragma_list query_only quick_check read_uncommitted recursive_triggers ' +
    'schema_version secure_delete synchronous table_info table_list table_xinfo temp_store trusted_schema ' +
    'user_version wal_autocheckpoint'
  ).split(' '),
);

/** Pragmas whose parenthesised argument names a table or limits a check, instead of setting a value. */
export const ARGUMENT_PRAGMAS = new Set(
  (
    'foreign_key_check foreign_key_list index_info index_list index_xinfo integrity_check quick_check ' +
    'table_info table_list table_xinfo'
  ).split(' '),
);

function words(kind: WriteKind, list: string): [string, WriteKind][] {
  return list.split(' ').map((word) => [word, kind]);
}
