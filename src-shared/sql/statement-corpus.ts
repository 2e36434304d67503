import type { RefusalReason } from './classify-statement';
import type { Dialect } from './dialect';
import { FUNCTION_WRITE_CORPUS, LOOK_ALIKE_READ_CORPUS } from './function-corpus';

/**
 * Statements the preview must refuse, and tricky ones it must allow. The integration tests run
 * every write statement against the real test databases (table `queue_stats`, view
 * `queue_totals`) through the preview and check that a checksum of the data is unchanged.
 */
export interface CorpusEntry {
  sql: string;
  /** Dialects where the statement means what `why` says. */
  dialects: Dialect[];
  why: string;
}

export interface WriteCorpusEntry extends CorpusEntry {
  reason: RefusalReason;
  /**
   * Where the guard names a different reason: in a generic connection another dialect's reading
   * may find a second statement, or a write, before the one `reason` names.
   */
  reasonIn?: Partial<Record<Dialect, RefusalReason>>;
  /**
   * A call of a function in side-effect-functions.ts: the guard refuses it because the
   * read-only, rolled-back transaction does not stop or undo what it does (or is not trusted
   * to), so the test of that layer alone leaves it out.
   */
  guardOnly?: true;
}

const ALL: Dialect[] = ['postgres', 'mysql', 'mssql', 'sqlite', 'generic'];
const ROW = "('Q9', 'Evil', '2024-01-01 00:00:00', 1, 1, 1)";

const writes = (sql: string, dialects: Dialect[], why: string): WriteCorpusEntry => ({
  sql,
  dialects,
  why,
  reason: 'writes',
});
const txn = (sql: string, dialects: Dialect[], why: string): WriteCorpusEntry => ({
  sql,
  dialects,
  why,
  reason: 'transaction-control',
});
const many = (sql: string, dialects: Dialect[], why: string): WriteCorpusEntry => ({
  sql,
  dialects,
  why,
  reason: 'multiple-statements',
});

export const WRITE_STATEMENT_CORPUS: WriteCorpusEntry[] = [
  writes(`INSERT INTO queue_stats VALUES ${ROW}`, ALL, 'adds a row'),
  writes('UPDATE queue_stats SET offered = offered + 1', ALL, 'changes every row'),
  writes("DELETE FROM queue_stats WHERE queue_id = 'Q1'", ALL, 'removes rows'),
  writes('-- tidy up first\ndelete from queue_stats', ALL, 'lower case, after a comment'),
  writes('/* monthly */ TRUNCATE TABLE queue_stats', ['postgres', 'mysql', 'mssql', 'generic'], 'empties the table'),
  writes('DROP TABLE queue_stats', ALL, 'removes the table'),
  writes('ALTER TABLE queue_stats ADD COLUMN evil INT', ['postgres', 'mysql', 'sqlite', 'generic'], 'DDL'),
  writes('CREATE TABLE evil (id INT)', ALL, 'DDL; MySQL commits it implicitly even in a transaction'),
  writes('CREATE TABLE evil AS SELECT * FROM queue_stats', ['postgres', 'mysql', 'sqlite', 'generic'], 'DDL'),
  writes('SELECT * INTO evil FROM queue_stats', ['postgres', 'mssql', 'generic'], 'SELECT … INTO creates a table'),
  writes("SELECT * FROM queue_stats INTO OUTFILE '/tmp/acd_evil.csv'", ['mysql', 'generic'], 'writes a server file'),
  writes("SELECT 'x' INTO DUMPFILE '/tmp/acd_evil.bin'", ['mysql'], 'writes a server file'),
  writes('SELECT COUNT(*) INTO @n FROM queue_stats', ['mysql'], 'sets a session variable'),
  writes(
    'WITH gone AS (DELETE FROM queue_stats RETURNING *) SELECT * FROM gone',
    ['postgres', 'generic'],
    'writable CTE: the SELECT around it does not make it read-only',
  ),
  writes(
    "WITH src AS (SELECT 1 AS n) INSERT INTO queue_stats SELECT 'Q9', 'Evil', '2024-01-01 00:00:00', n, n, n FROM src",
    ['postgres', 'mssql', 'sqlite', 'generic'],
    'WITH … INSERT',
  ),
  writes(
    'WITH q AS (SELECT queue_id FROM queue_stats) UPDATE queue_stats SET offered = 0 WHERE queue_id IN (SELECT queue_id FROM q)',
    ALL,
    'WITH … UPDATE',
  ),
  writes(
    "MERGE INTO queue_stats t USING (SELECT 'Q1' AS queue_id) s ON t.queue_id = s.queue_id WHEN MATCHED THEN DELETE",
    ['postgres', 'mssql', 'generic'],
    'MERGE',
  ),
  writes(`REPLACE INTO queue_stats VALUES ${ROW}`, ['mysql', 'sqlite'], 'REPLACE deletes and inserts'),
  writes(`INSERT INTO queue_stats VALUES ${ROW} ON DUPLICATE KEY UPDATE offered = 0`, ['mysql'], 'upsert'),
  writes(`INSERT INTO queue_stats VALUES ${ROW} ON CONFLICT DO NOTHING`, ['postgres', 'sqlite'], 'upsert'),
  writes("COPY queue_stats FROM '/tmp/acd_evil.csv'", ['postgres', 'generic'], 'loads rows from a server file'),
  writes("COPY (SELECT * FROM queue_stats) TO '/tmp/acd_evil.csv'", ['postgres', 'generic'], 'writes a server file'),
  writes('GRANT ALL ON queue_stats TO PUBLIC', ['postgres', 'mssql', 'generic'], 'changes permissions'),
  writes('REVOKE SELECT ON queue_stats FROM PUBLIC', ['postgres', 'mssql', 'generic'], 'changes permissions'),
  writes("COMMENT ON TABLE queue_stats IS 'evil'", ['postgres', 'generic'], 'changes the catalog'),
  writes('RENAME TABLE queue_stats TO evil', ['mysql'], 'DDL'),
  writes('CALL evil_procedure()', ['postgres', 'mysql', 'generic'], 'a procedure may write'),
  writes("EXEC sp_rename 'queue_stats', 'evil'", ['mssql'], 'a procedure may write'),
  writes("sp_rename 'queue_stats', 'evil'", ['mssql'], 'the first statement of a batch needs no EXEC'),
  writes("EXECUTE ('DELETE FROM queue_stats')", ['mssql'], 'dynamic SQL'),
  writes("EXEC xp_cmdshell 'dir'", ['mssql'], 'runs operating-system commands'),
  writes('{call evil_procedure}', ['generic'], 'ODBC escape: the driver turns it into a procedure call'),
  {
    ...writes('DO $$ BEGIN DELETE FROM queue_stats; END $$', ['postgres', 'generic'], 'an anonymous code block'),
    reasonIn: { generic: 'multiple-statements' },
  },
  writes('LOCK TABLE queue_stats IN ACCESS EXCLUSIVE MODE', ['postgres', 'generic'], 'blocks the WFM system'),
  writes('LOCK TABLES queue_stats WRITE', ['mysql'], 'blocks the WFM system'),
  writes('VACUUM', ['postgres', 'sqlite', 'generic'], 'rewrites tables'),
  writes("VACUUM INTO '/tmp/acd_evil.db'", ['sqlite'], 'writes a file'),
  writes('ANALYZE queue_stats', ['postgres', 'sqlite', 'generic'], 'writes statistics'),
  writes('EXPLAIN ANALYZE DELETE FROM queue_stats', ['postgres', 'generic'], 'EXPLAIN ANALYZE runs the statement'),
  writes('EXPLAIN ANALYZE SELECT * FROM queue_stats', ['postgres', 'mysql'], 'refused altogether, for safety'),
  writes('EXPLAIN (ANALYZE, FORMAT JSON) UPDATE queue_stats SET offered = 0', ['postgres'], 'option-list form'),
  writes('EXPLAIN DELETE FROM queue_stats', ['postgres', 'mysql', 'sqlite'], 'EXPLAIN of a write is refused too'),
  writes('SELECT * FROM queue_stats FOR UPDATE', ['postgres', 'mysql', 'generic'], 'takes row locks'),
  writes("SELECT * FROM queue_stats WHERE queue_id = 'Q1' FOR SHARE", ['postgres', 'mysql'], 'takes row locks'),
  writes('SELECT * FROM queue_stats LOCK IN SHARE MODE', ['mysql'], 'takes row locks'),
  writes('SELECT * FROM queue_stats WITH (UPDLOCK)', ['mssql'], 'takes update locks'),
  writes("SELECT nextval('evil_seq')", ['postgres', 'generic'], 'advances a sequence'),
  writes(`SELECT "nextval"('evil_seq')`, ['postgres'], 'a quoted function name is still the function'),
  writes("SELECT pg_catalog.setval('evil_seq', 1)", ['postgres', 'generic'], 'a schema-qualified call'),
  writes("SELECT set_config('default_transaction_read_only', 'off', false)", ['postgres'], 'changes a setting'),
  writes(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'acd_test_writer'",
    ['postgres'],
    'stops other sessions',
  ),
  writes("SELECT lo_import('/etc/hostname')", ['postgres'], 'reads a server file into the database'),
  writes(
    "SELECT dblink_exec('dbname=acd_link_test', 'DELETE FROM queue_stats')",
    ['postgres'],
    'runs SQL on a second connection, outside the read-only transaction',
  ),
  writes("SELECT GET_LOCK('acd_evil', 1)", ['mysql'], 'a lock that outlives the transaction'),
  writes("SELECT load_extension('/tmp/acd_evil.so')", ['sqlite'], 'loads native code'),
  writes(
    "SELECT * FROM OPENROWSET('SQLNCLI', 'Server=.;Trusted_Connection=yes;', 'SELECT 1')",
    ['mssql'],
    'runs SQL on another server',
  ),
  writes('/*!50000 DROP TABLE queue_stats */', ['mysql', 'generic'], 'MySQL runs executable comments'),
  writes('SELECT * FROM queue_stats DELETE FROM queue_stats', ['mssql', 'generic'], 'T-SQL needs no semicolon'),
  writes('SELECT 1 AS ok DROP TABLE queue_stats', ['mssql', 'generic'], 'T-SQL needs no semicolon'),
  writes("PRAGMA journal_mode = 'DELETE'", ['sqlite', 'generic'], 'changes the database file'),
  writes('PRAGMA writable_schema = 1', ['sqlite'], 'changes the database file'),
  writes("ATTACH DATABASE '/tmp/acd_evil.db' AS evil", ['sqlite', 'generic'], 'creates a file'),
  writes("LOAD DATA INFILE '/tmp/acd_evil.csv' INTO TABLE queue_stats", ['mysql'], 'bulk load'),
  writes('HANDLER queue_stats OPEN', ['mysql'], 'low-level table access'),
  txn('COMMIT', ALL, 'ends the read-only transaction'),
  txn('ROLLBACK;', ALL, 'ends the read-only transaction'),
  txn('BEGIN', ['postgres', 'mysql', 'sqlite', 'generic'], 'nests or restarts the transaction'),
  txn('START TRANSACTION READ WRITE', ['postgres', 'mysql', 'generic'], 'a writable transaction'),
  txn('SET TRANSACTION READ WRITE', ['postgres', 'mysql', 'generic'], 'lifts the read-only mode'),
  txn('SET default_transaction_read_only = off', ['postgres', 'generic'], 'lifts the read-only mode'),
  txn("SET SESSION sql_mode = ''", ['mysql'], 'changes the session'),
  txn('SAVEPOINT s1', ['postgres', 'mysql', 'sqlite', 'generic'], 'transaction control'),
  many('COMMIT; DELETE FROM queue_stats', ALL, 'ends the read-only transaction, then writes'),
  many('SELECT 1; DROP TABLE queue_stats', ALL, 'a second statement'),
  many('SELECT 1;\n\nDELETE FROM queue_stats;', ALL, 'a second statement after a blank line'),
  many('SELECT 1 /*! ; DELETE FROM queue_stats */', ['mysql', 'generic'], 'hidden in an executable comment'),
  many("SELECT 1 # '\n; DELETE FROM queue_stats; -- '", ['mysql', 'generic'], 'a # comment hides a quote'),
  many(String.raw`SELECT 'a\''; DELETE FROM queue_stats; -- '`, ['mysql', 'generic'], 'backslash escape'),
  many(String.raw`SELECT E'\''; DELETE FROM queue_stats; -- '`, ['postgres', 'generic'], 'E-string escape'),
  many("SELECT $$'$$; DELETE FROM queue_stats; -- '", ['postgres', 'generic'], 'a dollar quote hides a quote'),
  many("SELECT [a']; DELETE FROM queue_stats; -- ']", ['mssql', 'sqlite', 'generic'], 'a bracket hides a quote'),
  many("SELECT `a'`; DELETE FROM queue_stats; -- '`", ['mysql', 'sqlite', 'generic'], 'a backtick hides a quote'),
  many("SELECT 1 {'} ; DELETE FROM queue_stats; -- '", ['generic'], 'an Informix brace comment hides a quote'),
  many(
    'SELECT 1 /* /* */ ; DELETE FROM queue_stats; -- */',
    ['mysql', 'sqlite', 'generic'],
    'comments do not nest here: the first */ ends it',
  ),
  {
    ...many('SELECT 1\nGO\nDELETE FROM queue_stats', ['mssql', 'generic'], 'GO separates batches'),
    reasonIn: { generic: 'writes' },
  },
  ...FUNCTION_WRITE_CORPUS,
];

export const READ_STATEMENT_CORPUS: CorpusEntry[] = [
  { sql: `SELECT 'DELETE' AS note, "update" FROM t -- drop table`, dialects: ALL, why: 'keywords in text only' },
  {
    sql: 'SELECT queue_id, SUM(offered) AS offered FROM queue_stats GROUP BY queue_id',
    dialects: ALL,
    why: 'a plain aggregate',
  },
  {
    sql: 'WITH totals AS (SELECT queue_id, SUM(answered) AS answered FROM queue_stats GROUP BY queue_id)\nSELECT * FROM totals',
    dialects: ALL,
    why: 'a read-only CTE',
  },
  {
    sql: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n',
    dialects: ['postgres', 'mysql', 'sqlite', 'generic'],
    why: 'a recursive CTE',
  },
  {
    sql: 'SELECT queue_id, interval_start, SUM(offered) OVER (PARTITION BY queue_id ORDER BY interval_start) AS running FROM queue_stats',
    dialects: ALL,
    why: 'a window function',
  },
  { sql: 'SELECT TOP 10 * FROM queue_stats ORDER BY interval_start DESC', dialects: ['mssql'], why: 'TOP' },
  {
    sql: '(SELECT queue_id FROM queue_stats) UNION (SELECT queue_id FROM queue_totals)',
    dialects: ALL,
    why: 'parenthesised',
  },
  { sql: "VALUES (1, 'a'), (2, 'b')", dialects: ['postgres', 'sqlite', 'generic'], why: 'VALUES' },
  { sql: 'TABLE queue_stats', dialects: ['postgres', 'mysql'], why: 'TABLE x' },
  { sql: 'EXPLAIN SELECT * FROM queue_stats', dialects: ['postgres', 'mysql', 'sqlite', 'generic'], why: 'EXPLAIN' },
  { sql: 'SHOW server_version', dialects: ['postgres'], why: 'SHOW only reads a setting' },
  { sql: 'SHOW TABLES', dialects: ['mysql'], why: 'SHOW only reads the catalog' },
  { sql: String.raw`SELECT E'it\'s; DELETE' AS s`, dialects: ['postgres'], why: "E-string with \\'" },
  { sql: "SELECT $$it's; DELETE$$ AS s", dialects: ['postgres'], why: 'dollar quoting' },
  { sql: 'SELECT $tag$ a $$ b; DROP $tag$ AS s', dialects: ['postgres'], why: 'tagged dollar quoting' },
  { sql: "SELECT 'it''s; DROP TABLE queue_stats' AS s", dialects: ALL, why: 'doubled quote' },
  { sql: String.raw`SELECT 'it\'s; DELETE' AS s`, dialects: ['mysql'], why: 'backslash escape' },
  { sql: 'SELECT `update`, `delete` FROM queue_stats', dialects: ['mysql', 'sqlite'], why: 'backtick names' },
  { sql: 'SELECT [update], [a]]b] FROM queue_stats', dialects: ['mssql'], why: 'bracket names, ]] escape' },
  { sql: 'SELECT 1 /* outer /* inner; DELETE */ still; */ AS x', dialects: ['postgres', 'mssql'], why: 'nesting' },
  { sql: 'SELECT 1 /* /* */ AS x', dialects: ['mysql', 'sqlite'], why: 'comments do not nest here' },
  {
    sql: 'SELECT 1 /* /* */ ; DELETE FROM queue_stats; -- */ AS x',
    dialects: ['postgres', 'mssql'],
    why: 'nested comment hides it all',
  },
  { sql: 'SELECT 1 # comment; DELETE FROM queue_stats\n AS x', dialects: ['mysql'], why: 'a # comment' },
  { sql: 'SELECT 1--1', dialects: ALL, why: 'MySQL reads 1 - -1, the others a comment' },
  { sql: 'SELECT t.update, t.delete FROM queue_stats AS t', dialects: ['postgres', 'mysql'], why: 'after a dot' },
  {
    sql: 'SELECT interval_start AS updated_at, offered AS insert_count FROM queue_stats',
    dialects: ALL,
    why: 'names that contain keywords',
  },
  { sql: 'SELECT queue_id FROM queue_stats; -- the end', dialects: ALL, why: 'trailing semicolon and comment' },
  { sql: 'SELECT queue_id FROM queue_stats;\n\n/* end */ ;', dialects: ALL, why: 'empty statements after' },
  {
    sql: "SELECT queue_id, CASE WHEN answered > offered THEN 'update needed' ELSE 'ok' END AS status FROM queue_stats",
    dialects: ALL,
    why: 'CASE … END',
  },
  { sql: "SELECT * FROM queue_stats WHERE queue_name LIKE '%;%'", dialects: ALL, why: 'semicolon in a string' },
  {
    sql: "SELECT {fn UCASE(queue_name)} FROM queue_stats WHERE interval_start >= {ts '2024-01-01 00:00:00'}",
    dialects: ['generic'],
    why: 'ODBC escapes that are not calls',
  },
  { sql: 'PRAGMA table_info(queue_stats)', dialects: ['sqlite'], why: 'a reporting pragma' },
  { sql: "SELECT * FROM pragma_table_info('queue_stats')", dialects: ['sqlite'], why: 'pragma function' },
  { sql: "SELECT 'a\nGO\nb' AS s", dialects: ALL, why: 'GO inside a string' },
  { sql: 'SELECT 1\nGO\n', dialects: ['mssql', 'generic'], why: 'a trailing GO' },
  { sql: 'SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM queue_stats', dialects: ALL, why: 'optimizer hint' },
  {
    sql: 'SELECT CAST(queue_name AS CHAR CHARACTER SET utf8mb4) FROM queue_stats',
    dialects: ['mysql', 'generic'],
    why: 'SET',
  },
  { sql: 'SELECT nextval_count, "nextval" FROM t', dialects: ['postgres'], why: 'names, not calls' },
  { sql: "SELECT REPLACE(queue_name, 'Sales', 'S') FROM queue_stats", dialects: ALL, why: 'REPLACE()' },
  { sql: 'SELECT pg_sleep(0.1)', dialects: ['postgres'], why: 'waits, the time limit ends it' },
  { sql: "SELECT SLEEP(0), LOAD_FILE('/etc/hostname')", dialects: ['mysql'], why: 'waiting and reading' },
  {
    sql: "SELECT * FROM queue_stats OPTION (USE HINT ('DISABLE_OPTIMIZER_ROWGOAL'))",
    dialects: ['mssql'],
    why: 'USE inside a hint',
  },
  {
    sql: 'SELECT a.queue_id FROM queue_stats a INNER MERGE JOIN queue_totals b ON a.queue_id = b.queue_id',
    dialects: ['mssql'],
    why: 'MERGE join hint',
  },
  ...LOOK_ALIKE_READ_CORPUS,
];
