import { describe, expect, it } from 'vitest';
import { LEX_FLAVOURS, flavoursFor, type FlavourName } from '../../../src-shared/sql/dialect';
import { lineOf, tokenize, type Token } from '../../../src-shared/sql/lexer';

function tokens(sql: string, flavour: FlavourName): [Token['kind'], string][] {
  const result = tokenize(sql, LEX_FLAVOURS[flavour]);
  if (!result.ok) throw new Error(`unexpected lex error: ${result.error.message}`);
  return result.tokens.map((token) => [token.kind, token.text]);
}

function code(sql: string, flavour: FlavourName): string[] {
  return tokens(sql, flavour)
    .filter(([kind]) => kind !== 'comment')
    .map(([, text]) => text);
}

function lexError(sql: string, flavour: FlavourName) {
  const result = tokenize(sql, LEX_FLAVOURS[flavour]);
  return result.ok ? undefined : result.error;
}

describe('SQL lexer', () => {
  it('nests block comments in PostgreSQL and SQL Server, not in MySQL or SQLite', () => {
    const sql = 'SELECT /* a /* b */ c */ 1';
    expect(code(sql, 'postgres')).toEqual(['SELECT', '1']);
    expect(code(sql, 'mssql')).toEqual(['SELECT', '1']);
    expect(code(sql, 'mysql')).toEqual(['SELECT', 'c', '*', '/', '1']);
    expect(code(sql, 'sqlite')).toEqual(['SELECT', 'c', '*', '/', '1']);
    expect(lexError('SELECT /* a /* b */ 1', 'postgres')).toMatchObject({ code: 'unterminated-comment', offset: 7 });
  });

  it('reads $$ and $tag$ strings in PostgreSQL only', () => {
    expect(tokens("SELECT $$it's; x$$, $fn$ a $$ b $fn$", 'postgres')).toEqual([
      ['word', 'SELECT'],
      ['string', "$$it's; x$$"],
      ['symbol', ','],
      ['string', '$fn$ a $$ b $fn$'],
    ]);
    // `$1` is a parameter and `a$b` one name, not the start of a dollar quote.
    expect(code('SELECT $1, a$b$ FROM t', 'postgres')).toEqual(['SELECT', '$', '1', ',', 'a$b$', 'FROM', 't']);
    expect(code('SELECT $$;$$', 'mysql')).toEqual(['SELECT', '$', '$', ';', '$', '$']);
    expect(lexError('SELECT 1, $body$ never closed', 'postgres')).toMatchObject({
      code: 'unterminated-string',
      offset: 10,
    });
  });

  it("reads '' everywhere, and \\' only where the dialect has backslash escapes", () => {
    expect(tokens("SELECT 'it''s'", 'ansi')).toEqual([
      ['word', 'SELECT'],
      ['string', "'it''s'"],
    ]);
    expect(tokens(String.raw`SELECT 'it\'s'`, 'mysql')[1]).toEqual(['string', String.raw`'it\'s'`]);
    expect(lexError(String.raw`SELECT 'it\'s'`, 'postgres')).toMatchObject({ code: 'unterminated-string', offset: 13 });
    expect(tokens(String.raw`SELECT 'C:\'`, 'postgres')[1]).toEqual(['string', String.raw`'C:\'`]);
  });

  it("reads E'' strings with backslash escapes in PostgreSQL", () => {
    expect(tokens(String.raw`SELECT E'it\'s', e'\\'`, 'postgres')).toEqual([
      ['word', 'SELECT'],
      ['string', String.raw`E'it\'s'`],
      ['symbol', ','],
      ['string', String.raw`e'\\'`],
    ]);
    expect(code("SELECT E 'x', Ex'y'", 'postgres')).toEqual(['SELECT', 'E', "'x'", ',', 'Ex', "'y'"]);
  });

  it('reads double quotes as names, except in MySQL where they are strings', () => {
    expect(tokens('SELECT "a""b"', 'postgres')[1]).toEqual(['identifier', '"a""b"']);
    expect(tokens(String.raw`SELECT "a\"b"`, 'mysql')[1]).toEqual(['string', String.raw`"a\"b"`]);
    expect(lexError('SELECT "abc', 'sqlite')).toMatchObject({ code: 'unterminated-identifier', offset: 7 });
  });

  it('reads [brackets] in SQL Server (with ]] escapes) and SQLite (without), backticks in MySQL and SQLite', () => {
    expect(tokens('SELECT [a]]b]', 'mssql')[1]).toEqual(['identifier', '[a]]b]']);
    expect(code('SELECT [a]]b]', 'sqlite')).toEqual(['SELECT', '[a]', ']', 'b', ']']);
    expect(code('SELECT a[1]', 'postgres')).toEqual(['SELECT', 'a', '[', '1', ']']);
    expect(tokens('SELECT `a``b`', 'mysql')[1]).toEqual(['identifier', '`a``b`']);
    expect(lexError('SELECT [abc', 'mssql')).toMatchObject({ code: 'unterminated-identifier', offset: 7 });
  });

  it('reads -- comments, # comments in MySQL, and MySQL needs a space after --', () => {
    expect(code('SELECT 1 -- DROP\n, 2', 'postgres')).toEqual(['SELECT', '1', ',', '2']);
    expect(code('SELECT 1--1', 'mysql')).toEqual(['SELECT', '1', '-', '-', '1']);
    expect(code('SELECT 1--1', 'postgres')).toEqual(['SELECT', '1']);
    expect(code('SELECT 1 -- x', 'mysql')).toEqual(['SELECT', '1']);
    expect(code('SELECT 1 # x\n, 2', 'mysql')).toEqual(['SELECT', '1', ',', '2']);
    expect(code('SELECT 1 # x', 'postgres')).toEqual(['SELECT', '1', '#', 'x']);
  });

  it('treats MySQL /*! … */ and /*M! … */ as code, and other dialects as a comment', () => {
    expect(tokens('/*!50000 DROP TABLE t */', 'mysql')).toEqual([
      ['comment', '/*!50000'],
      ['word', 'DROP'],
      ['word', 'TABLE'],
      ['word', 't'],
      ['comment', '*/'],
    ]);
    expect(code("SELECT 1 /*M!100100 , '*/' */", 'mysql')).toEqual(['SELECT', '1', ',', "'*/'"]);
    expect(code('SELECT 1 /*+ NO_INDEX(t) */', 'mysql')).toEqual(['SELECT', '1']);
    expect(code('/*!50000 DROP TABLE t */', 'postgres')).toEqual([]);
    expect(lexError('SELECT 1 /*! DROP TABLE t', 'mysql')).toMatchObject({
      code: 'unterminated-comment',
      offset: 9,
    });
  });

  it('reads Informix { } comments', () => {
    expect(code("SELECT 1 {'} FROM t", 'informix')).toEqual(['SELECT', '1', 'FROM', 't']);
    expect(lexError('SELECT 1 { open', 'informix')).toMatchObject({ code: 'unterminated-comment', offset: 9 });
  });

  it('refuses a lone carriage return inside a line comment, where servers disagree', () => {
    expect(lexError('SELECT 1 -- a\r; DROP TABLE t', 'postgres')).toMatchObject({
      code: 'lone-carriage-return',
      offset: 13,
    });
    expect(code('SELECT 1 -- a\r\n, 2', 'mysql')).toEqual(['SELECT', '1', ',', '2']);
  });

  it('splits words at Unicode spaces and numbers where a word starts', () => {
    expect(code('SELECT 1\u00a0DELETE', 'mssql')).toEqual(['SELECT', '1', 'DELETE']);
    expect(code('SELECT 1DELETE, 1.5e3x', 'mssql')).toEqual(['SELECT', '1', 'DELETE', ',', '1.5e3', 'x']);
  });

  it('gives errors with the line where the unclosed string starts', () => {
    const error = lexError("SELECT 1\nFROM t\nWHERE a = 'x", 'ansi');
    expect(error).toMatchObject({ code: 'unterminated-string', offset: 26 });
    expect(error?.message).toBe("The '…' string that starts on line 3 is never closed.");
  });

  it('counts lines', () => {
    expect(lineOf('a\nb\r\nc', 0)).toBe(1);
    expect(lineOf('a\nb\r\nc', 2)).toBe(2);
    expect(lineOf('a\nb\r\nc', 5)).toBe(3);
    expect(lineOf('a', 99)).toBe(1);
  });

  it('checks a generic connection in every reading', () => {
    expect(flavoursFor('generic').map((flavour) => flavour.name)).toEqual([
      'ansi',
      'postgres',
      'mysql',
      'mssql',
      'sqlite',
      'informix',
    ]);
    expect(flavoursFor('mysql').map((flavour) => flavour.name)).toEqual(['mysql']);
  });
});
