import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../../src-shared/sql/dialect';
import { splitStatements } from '../../../src-shared/sql/split-statements';

function split(sql: string, dialect: Dialect) {
  const result = splitStatements(sql, dialect);
  if (!result.ok) throw new Error(`unexpected error: ${result.error.message}`);
  return result.statements.map(({ text, start, end, line }) => ({ text, start, end, line }));
}

describe('splitStatements', () => {
  it('gives each statement with its offsets and line', () => {
    const sql = 'SELECT 1;\n\n  -- next\n  DELETE FROM t;';
    expect(split(sql, 'postgres')).toEqual([
      { text: 'SELECT 1', start: 0, end: 8, line: 1 },
      { text: 'DELETE FROM t', start: 23, end: 36, line: 4 },
    ]);
    expect(sql.slice(23, 36)).toBe('DELETE FROM t');
  });

  it('allows a trailing semicolon and a tail of whitespace and comments', () => {
    for (const sql of ['SELECT 1', 'SELECT 1;', 'SELECT 1;  \n', 'SELECT 1; -- done', 'SELECT 1;\n/* end */ ;;']) {
      expect(split(sql, 'mysql')).toEqual([{ text: 'SELECT 1', start: 0, end: 8, line: 1 }]);
    }
    expect(split('  -- nothing\n/* here */', 'postgres')).toEqual([]);
    expect(split('', 'sqlite')).toEqual([]);
  });

  it('keeps comments inside a statement in its text', () => {
    expect(split('SELECT /* why */ 1 -- note\n FROM t', 'postgres')[0]?.text).toBe(
      'SELECT /* why */ 1 -- note\n FROM t',
    );
  });

  it('ignores semicolons in strings, names and comments', () => {
    expect(split('SELECT \';\', "a;b" /* ; */ -- ;\nFROM t', 'postgres')).toHaveLength(1);
    expect(split('SELECT $x$;$x$', 'postgres')).toHaveLength(1);
    expect(split('SELECT [a;b], `c;d`', 'sqlite')).toHaveLength(1);
  });

  it('counts a semicolon inside parentheses as a separator', () => {
    expect(split('SELECT (1; 2)', 'postgres').map((statement) => statement.text)).toEqual(['SELECT (1', '2)']);
  });

  it('reads SQL Server GO lines as separators', () => {
    expect(split('SELECT 1\nGO\nSELECT 2\n  go 3 -- repeat\nSELECT 3\r\nGo\r\n', 'mssql')).toEqual([
      { text: 'SELECT 1', start: 0, end: 8, line: 1 },
      { text: 'SELECT 2', start: 12, end: 20, line: 3 },
      { text: 'SELECT 3', start: 38, end: 46, line: 5 },
    ]);
  });

  it('reads GO only alone on its line and outside strings, and only where GO exists', () => {
    expect(split('SELECT 1 GO\nSELECT 2', 'mssql')).toHaveLength(1);
    expect(split("SELECT 'x\nGO\ny'", 'mssql')).toHaveLength(1);
    expect(split('SELECT 1 AS\nGO\nFROM t', 'postgres')).toHaveLength(1);
    expect(split('SELECT 1\nGO\nSELECT 2', 'generic')).toHaveLength(2);
  });

  it('finds the most statements any reading finds on a generic connection', () => {
    expect(split('SELECT 1 /*! ; SELECT 2 */', 'postgres')).toHaveLength(1);
    expect(split('SELECT 1 /*! ; SELECT 2 */', 'generic')).toHaveLength(2);
  });

  it('reports an unclosed string instead of statements', () => {
    expect(splitStatements("SELECT 'a; DELETE FROM t", 'postgres')).toMatchObject({
      ok: false,
      error: { code: 'unterminated-string', offset: 7 },
    });
    expect(splitStatements(String.raw`SELECT 'C:\'`, 'generic')).toMatchObject({ ok: false });
  });
});
