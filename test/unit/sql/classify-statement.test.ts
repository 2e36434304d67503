import { describe, expect, it } from 'vitest';
import { checkPreviewable } from '../../../src-shared/sql/classify-statement';
import { DIALECTS, type Dialect } from '../../../src-shared/sql/dialect';

const reasonOf = (sql: string, dialect: Dialect): string => {
  const result = checkPreviewable(sql, dialect);
  return result.ok ? 'ok' : result.reason;
};

describe('checkPreviewable', () => {
  it('allows a query whose keywords are only in strings, names and comments', () => {
    const sql = `SELECT 'DELETE' AS note, "update" FROM t -- drop table`;
    for (const dialect of DIALECTS) {
      const result = checkPreviewable(sql, dialect);
      const text = `SELECT 'DELETE' AS note, "update" FROM t`;
      expect(result).toMatchObject({ ok: true, keyword: 'SELECT', statement: { text, start: 0, line: 1 } });
    }
  });

  it('gives the statement without its trailing semicolon and comments', () => {
    expect(checkPreviewable('\n  select 1 ; -- end\n', 'postgres')).toMatchObject({
      ok: true,
      keyword: 'SELECT',
      statement: { text: 'select 1', start: 3, end: 11, line: 2 },
    });
  });

  it('refuses a write in plain words, pointing at it', () => {
    expect(checkPreviewable('  INSERT INTO t VALUES (1)', 'postgres')).toEqual({
      ok: false,
      reason: 'writes',
      message: 'A preview runs queries that only read; this statement would change data (INSERT).',
      offset: 2,
    });
    expect(checkPreviewable('drop table t', 'sqlite')).toMatchObject({
      reason: 'writes',
      message: 'A preview runs queries that only read; this statement would change the database (DROP).',
    });
  });

  it('refuses several statements and says where the second starts', () => {
    const sql = 'SELECT 1;\n\n-- then\nDELETE FROM t';
    expect(checkPreviewable(sql, 'mysql')).toEqual({
      ok: false,
      reason: 'multiple-statements',
      message:
        'The text holds 2 statements; the WFM system runs exactly one query — remove the others ' +
        '(the second starts on line 4).',
      offset: sql.indexOf('DELETE'),
    });
    expect(checkPreviewable('SELECT 1; SELECT 2; SELECT 3', 'sqlite')).toMatchObject({
      message: expect.stringContaining('holds 3 statements'),
      offset: 10,
    });
  });

  it('refuses empty text', () => {
    for (const sql of ['', '   ', ';', '-- only a comment', '/* nothing */ ;']) {
      expect(checkPreviewable(sql, 'postgres')).toMatchObject({ ok: false, reason: 'empty' });
    }
  });

  it('refuses unclosed strings and comments as syntax, with the offset', () => {
    expect(checkPreviewable("SELECT 'abc", 'postgres')).toMatchObject({ reason: 'syntax', offset: 7 });
    expect(checkPreviewable('SELECT 1 /* x', 'mssql')).toMatchObject({ reason: 'syntax', offset: 9 });
    expect(checkPreviewable('1 + 1', 'postgres')).toMatchObject({ reason: 'syntax', offset: 0 });
  });

  it('refuses SET, which could turn the read-only mode off, as transaction control', () => {
    for (const sql of [
      'SET default_transaction_read_only = off',
      'SET TRANSACTION READ WRITE',
      'set search_path = x',
    ]) {
      const result = checkPreviewable(sql, 'postgres');
      expect(result).toMatchObject({ ok: false, reason: 'transaction-control', offset: 0 });
      expect(result.ok ? '' : result.message).toContain('read-only mode off');
    }
    expect(reasonOf('COMMIT', 'mysql')).toBe('transaction-control');
    expect(reasonOf('START TRANSACTION', 'mysql')).toBe('transaction-control');
    expect(reasonOf('USE other_db', 'mysql')).toBe('transaction-control');
  });

  it('allows SHOW, EXPLAIN without ANALYZE, TABLE, VALUES and DESCRIBE', () => {
    expect(reasonOf('SHOW search_path', 'postgres')).toBe('ok');
    expect(reasonOf('SHOW CREATE TABLE queue_stats', 'mysql')).toBe('ok');
    expect(reasonOf('EXPLAIN (FORMAT JSON) SELECT 1', 'postgres')).toBe('ok');
    expect(reasonOf('EXPLAIN QUERY PLAN SELECT 1', 'sqlite')).toBe('ok');
    expect(reasonOf('DESCRIBE queue_stats', 'mysql')).toBe('ok');
    expect(reasonOf('TABLE queue_stats', 'postgres')).toBe('ok');
    expect(reasonOf('VALUES (1)', 'postgres')).toBe('ok');
  });

  it('refuses EXPLAIN ANALYZE altogether, since it runs the statement', () => {
    for (const sql of ['EXPLAIN ANALYZE SELECT 1', 'EXPLAIN (ANALYZE) SELECT 1', 'explain analyse select 1']) {
      const result = checkPreviewable(sql, 'postgres');
      expect(result).toMatchObject({ ok: false, reason: 'writes' });
      expect(result.ok ? '' : result.message).toMatch(/runs the statement it explains/);
    }
    expect(reasonOf('EXPLAIN CREATE TABLE x AS SELECT 1', 'postgres')).toBe('writes');
  });

  it('refuses locking reads with a message about locks', () => {
    const result = checkPreviewable('SELECT * FROM t WHERE id = 1 FOR UPDATE', 'postgres');
    expect(result).toMatchObject({ ok: false, reason: 'writes', offset: 29 });
    expect(result.ok ? '' : result.message).toBe(
      'A preview runs queries that only read; FOR UPDATE would lock the rows it reads and hold up the systems ' +
        'that write to this database — remove it.',
    );
    expect(reasonOf('SELECT * FROM t FOR NO KEY UPDATE', 'postgres')).toBe('writes');
    expect(reasonOf('SELECT * FROM t FOR KEY SHARE', 'postgres')).toBe('writes');
    expect(reasonOf('SELECT * FROM t FOR XML PATH', 'mssql')).toBe('ok');
  });

  it('reads MySQL executable comments as code', () => {
    expect(checkPreviewable('/*!50000 DROP TABLE t */', 'mysql')).toMatchObject({ reason: 'writes', offset: 9 });
    expect(reasonOf('SELECT 1 /*!50000 INTO OUTFILE "/tmp/x" */', 'mysql')).toBe('writes');
    expect(reasonOf('/*!50000 DROP TABLE t */', 'postgres')).toBe('empty');
    expect(checkPreviewable('/*!50000 DROP TABLE t */', 'generic')).toMatchObject({
      reason: 'writes',
      message: expect.stringContaining('That is how MySQL/MariaDB reads the text'),
    });
    expect(reasonOf('/*! SELECT 1 */', 'generic')).toBe('ok');
  });

  it('refuses writable CTEs and SELECT … INTO', () => {
    expect(reasonOf('WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', 'postgres')).toBe('writes');
    expect(reasonOf('WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', 'sqlite')).toBe('writes');
    expect(checkPreviewable('SELECT * INTO #copy FROM t', 'mssql')).toMatchObject({
      reason: 'writes',
      message: expect.stringContaining('SELECT … INTO'),
      offset: 9,
    });
  });

  it('treats keywords after a dot or AS as names', () => {
    expect(reasonOf('SELECT t.update, 1 AS delete FROM t', 'postgres')).toBe('ok');
    expect(reasonOf('SELECT "update"."delete" FROM "insert"', 'postgres')).toBe('ok');
  });

  it('refuses functions that write, however they are named', () => {
    const result = checkPreviewable("SELECT pg_catalog.NEXTVAL ('s')", 'postgres');
    expect(result).toMatchObject({ reason: 'writes', offset: 18 });
    expect(result.ok ? '' : result.message).toBe(
      'A preview runs queries that only read; this one calls nextval(), which would advance a sequence, even ' +
        'though the preview rolls back.',
    );
    expect(reasonOf(`SELECT "set_config"('a', 'b', true)`, 'postgres')).toBe('writes');
    expect(reasonOf('SELECT nextval /* sneaky */ (1)', 'postgres')).toBe('writes');
    expect(reasonOf("SELECT 'nextval(1)', nextval_total FROM t", 'postgres')).toBe('ok');
    expect(reasonOf('SELECT NEXT VALUE FOR seq', 'mssql')).toBe('writes');
    expect(reasonOf("SELECT SLEEP(1), LOAD_FILE('/etc/hosts')", 'mysql')).toBe('ok');
    expect(reasonOf("SELECT pg_read_file('postgresql.conf')", 'postgres')).toBe('ok');
  });

  it('allows the string function INSERT() in every dialect, while an INSERT statement stays refused', () => {
    for (const dialect of DIALECTS) {
      expect(reasonOf("SELECT INSERT('Quadratic', 3, 4, 'What')", dialect)).toBe('ok');
      expect(reasonOf("SELECT q FROM t WHERE q = insert /* x */ (q, 1, 2, 'ab')", dialect)).toBe('ok');
      expect(reasonOf('INSERT INTO t VALUES (1)', dialect)).toBe('writes');
      expect(reasonOf('WITH x AS (SELECT 1 AS n) INSERT INTO t SELECT n FROM x', dialect)).toBe('writes');
      expect(reasonOf("SELECT INSERT('a', 1, 1, 'b') AS s INSERT INTO t VALUES (1)", dialect)).not.toBe('ok');
    }
    expect(reasonOf("SELECT {fn INSERT(name, 1, 1, 'X')} FROM t", 'generic')).toBe('ok');
    expect(reasonOf('SELECT 1 AS a INSERT t VALUES (1)', 'mssql')).toBe('writes');
    // UPDATE ( and DELETE ( are not exempt: Oracle writes through `UPDATE (subquery) SET …`.
    expect(reasonOf('WITH x AS (SELECT 1) UPDATE (SELECT a FROM t) SET a = 1', 'generic')).toBe('writes');
    expect(reasonOf('SELECT 1 AS a DELETE (SELECT a FROM t)', 'generic')).toBe('writes');
  });

  it('allows MySQL’s TRUNCATE() and USE INDEX where SQL Server could read a statement', () => {
    for (const dialect of ['mysql', 'mssql', 'generic'] as const) {
      expect(reasonOf('SELECT TRUNCATE(offered / 7, 1) FROM t', dialect)).toBe('ok');
      expect(reasonOf('SELECT a FROM t USE INDEX (i) WHERE a > 1', dialect)).toBe('ok');
      expect(reasonOf('SELECT a FROM t USE KEY (i)', dialect)).toBe('ok');
    }
    expect(reasonOf('SELECT 1 AS a TRUNCATE TABLE t', 'mssql')).toBe('writes');
    expect(reasonOf('SELECT 1 AS a USE master', 'mssql')).toBe('transaction-control');
  });

  it('refuses procedures and ODBC call escapes', () => {
    expect(reasonOf('CALL p()', 'mysql')).toBe('writes');
    expect(reasonOf('sp_who', 'mssql')).toBe('writes');
    expect(reasonOf('SELECT * FROM master..xp_cmdshell', 'mssql')).toBe('writes');
    expect(reasonOf('{? = call p(1)}', 'generic')).toBe('writes');
    expect(reasonOf('SELECT {fn NOW()}', 'generic')).toBe('ok');
  });

  it('reads SQL Server statement words as a second statement, since T-SQL needs no semicolon', () => {
    expect(reasonOf('SELECT 1 AS a DROP TABLE t', 'mssql')).toBe('writes');
    expect(reasonOf('SELECT 1 AS a DROP TABLE t', 'postgres')).toBe('ok');
    expect(reasonOf('SELECT 1 AS a BEGIN TRAN', 'mssql')).toBe('transaction-control');
    expect(reasonOf('SELECT 1 AS a SET XACT_ABORT OFF', 'mssql')).toBe('transaction-control');
  });

  it('allows only reporting SQLite pragmas', () => {
    expect(reasonOf('PRAGMA table_info(queue_stats)', 'sqlite')).toBe('ok');
    expect(reasonOf('PRAGMA main.index_list("queue_stats")', 'sqlite')).toBe('ok');
    expect(reasonOf('PRAGMA journal_mode', 'sqlite')).toBe('ok');
    expect(reasonOf('PRAGMA journal_mode = WAL', 'sqlite')).toBe('writes');
    expect(reasonOf('PRAGMA journal_mode(WAL)', 'sqlite')).toBe('writes');
    expect(reasonOf('PRAGMA optimize', 'sqlite')).toBe('writes');
    expect(reasonOf('PRAGMA', 'sqlite')).toBe('syntax');
  });

  it('names an unknown statement without claiming more than it knows', () => {
    const result = checkPreviewable("PRINT 'hello'", 'mssql');
    expect(result).toMatchObject({ ok: false, reason: 'writes' });
    expect(result.ok ? '' : result.message).toContain('starts with PRINT may change data');
  });

  it('needs every reading of a generic connection to agree', () => {
    expect(reasonOf(String.raw`SELECT 'a\''; DELETE FROM t; -- '`, 'postgres')).toBe('ok');
    expect(reasonOf(String.raw`SELECT 'a\''; DELETE FROM t; -- '`, 'generic')).toBe('multiple-statements');
    expect(reasonOf(String.raw`SELECT 'C:\temp\'`, 'generic')).toBe('syntax');
    expect(reasonOf("SELECT 'it''s'", 'generic')).toBe('ok');
  });
});
