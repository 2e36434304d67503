import { describe, expect, it } from 'vitest';
import { quoteIdentifier, sqlName, sqlString } from '../../../src-main/transfer/xlink/sql/identifiers';

describe('identifiers from isps_ul.ini', () => {
  it('leaves plain names bare, whatever their case', () => {
    expect(sqlName('source_table_name', 'postgres')).toBe('source_table_name');
    expect(sqlName('CallData', 'postgres')).toBe('CallData');
  });

  it('quotes names with spaces: double quotes, backticks for MySQL', () => {
    expect(sqlName('source table name', 'postgres')).toBe('"source table name"');
    expect(sqlName('source table name', 'generic')).toBe('"source table name"');
    expect(sqlName('source table name', 'mssql')).toBe('"source table name"');
    expect(sqlName('source table name', 'mysql')).toBe('`source table name`');
  });

  it('quotes reserved words and names starting with a digit', () => {
    expect(quoteIdentifier('user', 'postgres')).toBe('"user"');
    expect(quoteIdentifier('Order', 'mysql')).toBe('`Order`');
    expect(quoteIdentifier('1st_queue', 'sqlite')).toBe('"1st_queue"');
  });

  it('doubles the quote character inside a quoted name', () => {
    expect(quoteIdentifier('a"b c', 'postgres')).toBe('"a""b c"');
    expect(quoteIdentifier('a`b c', 'mysql')).toBe('`a``b c`');
  });

  it('keeps schema-qualified names qualified, quoting only the parts that need it', () => {
    expect(sqlName('cms.calls', 'postgres')).toBe('cms.calls');
    expect(sqlName('xlink_sample.source table name', 'postgres')).toBe('xlink_sample."source table name"');
  });

  it('re-quotes names already quoted in the ini for the dialect', () => {
    expect(sqlName('[dbo].[Call Data]', 'mssql')).toBe('dbo."Call Data"');
    expect(sqlName('"My Table"', 'mysql')).toBe('`My Table`');
    expect(sqlName('`a``b`.c', 'postgres')).toBe('"a`b".c');
  });

  it('takes text with an unclosed quote, or empty parts, as one name', () => {
    expect(sqlName('"broken', 'postgres')).toBe('"""broken"');
    expect(sqlName('a..b', 'postgres')).toBe('"a..b"');
  });

  it('turns a hostile name into one quoted identifier, never into more SQL', () => {
    expect(sqlName('calls; DROP TABLE x --', 'postgres')).toBe('"calls; DROP TABLE x --"');
  });

  it('writes string literals per dialect, with no safe spelling of a backslash on generic connections', () => {
    expect(sqlString("O'Neil", 'postgres')).toBe("'O''Neil'");
    expect(sqlString('a\\b', 'mysql')).toBe("'a\\\\b'");
    expect(sqlString('a\\b', 'postgres')).toBe("'a\\b'");
    expect(sqlString('a\\b', 'generic')).toBeUndefined();
  });
});
