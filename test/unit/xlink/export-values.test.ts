import { describe, expect, it } from 'vitest';
import { dsnNameFor, sectionNameFor, viewNameFor } from '../../../src-main/transfer/xlink/write/export-names';
import { iniValue } from '../../../src-main/transfer/xlink/write/ini-value';
import { oneLineSql } from '../../../src-main/transfer/xlink/write/one-line-sql';

describe('iniValue', () => {
  it('writes plain values bare', () => {
    expect(iniValue('AvayaCMS')).toEqual({ text: 'AvayaCMS' });
    expect(iniValue("it's = fine")).toEqual({ text: "it's = fine" });
  });

  it('single-quotes values with ; # or \\, and values that are themselves quoted', () => {
    expect(iniValue('a;b').text).toBe("'a;b'");
    expect(iniValue('#1').text).toBe("'#1'");
    expect(iniValue('DOMAIN\\user').text).toBe("'DOMAIN\\user'");
    expect(iniValue("'x'").text).toBe("''x''");
    expect(iniValue('"').text).toBe("'\"'");
  });

  it('replaces line breaks, which no ini line can hold, and says so', () => {
    expect(iniValue('a\r\nb')).toEqual({
      text: 'a  b',
      problem: 'line breaks and control characters were replaced by spaces',
    });
  });

  it('warns where npm ini would read a quoted value as JSON', () => {
    expect(iniValue('"x;y"')).toEqual({
      text: '\'"x;y"\'',
      problem: 'Xlink reads it as written, but tools built on the npm ini package read it differently',
    });
  });
});

describe('names in the export', () => {
  it('keeps ordinary section names and replaces what ini readers or our import cannot take', () => {
    const taken = new Set<string>();
    expect(sectionNameFor('Universal ACD', taken)).toBe('Universal ACD');
    expect(sectionNameFor('Sales [EU]', taken)).toBe('Sales (EU)');
    expect(sectionNameFor('a;b#c\\d/e..f', taken)).toBe('a_b_c_d_e_f');
    expect(sectionNameFor('"Quoted"', taken)).toBe('Quoted');
    expect(sectionNameFor('Ventes → Nord', taken)).toBe('Ventes ? Nord');
  });

  it('keeps section names unique, case-insensitively', () => {
    const taken = new Set<string>();
    expect([sectionNameFor('A/B', taken), sectionNameFor('a_b', taken), sectionNameFor('A;B', taken)]).toEqual([
      'A_B',
      'a_b (2)',
      'A_B (3)',
    ]);
  });

  it('makes DSN names Windows accepts', () => {
    expect(dsnNameFor('Sales (EU) [1]; test?')).toBe('Sales EU 1 test');
    expect(dsnNameFor('→')).toBe('ACD');
  });

  it('makes view names plain lower-case identifiers, unique and at most 60 characters', () => {
    const taken = new Set<string>();
    expect(viewNameFor('Téléphonie Süd', 'Agent states', taken)).toBe('acdlink_telephonie_sud_agent_states');
    expect(viewNameFor('Téléphonie Süd', 'Agent-States', taken)).toBe('acdlink_telephonie_sud_agent_states_2');
    expect(viewNameFor('東京', '→', taken)).toBe('acdlink_system_integration');
    const long = viewNameFor('x'.repeat(80), 'y', taken);
    expect(long).toMatch(/^acdlink_x+$/);
    expect(long.length).toBeLessThanOrEqual(60);
  });
});

describe('oneLineSql', () => {
  it('joins lines, keeping the spacing within a line', () => {
    expect(oneLineSql('SELECT a,\n       b\r\nFROM t', 'postgres')).toEqual({ ok: true, sql: 'SELECT a, b FROM t' });
  });

  it('turns line comments into block comments so they do not swallow the rest', () => {
    expect(oneLineSql('SELECT a -- the */ id\nFROM t # not a comment in PostgreSQL', 'postgres')).toEqual({
      ok: true,
      sql: 'SELECT a /* the * / id */ FROM t # not a comment in PostgreSQL',
    });
    expect(oneLineSql('SELECT a # MySQL comment\nFROM t', 'mysql')).toEqual({
      ok: true,
      sql: 'SELECT a /* MySQL comment */ FROM t',
    });
  });

  it('leaves "--" inside a string alone', () => {
    expect(oneLineSql("SELECT '--x'\nFROM t", 'sqlite')).toEqual({ ok: true, sql: "SELECT '--x' FROM t" });
  });

  it('refuses a string literal that spans lines', () => {
    expect(oneLineSql("SELECT 'a\nb' FROM t", 'postgres')).toEqual({
      ok: false,
      reason: 'a quoted text in it spans several lines, which one ini line cannot hold',
    });
  });

  it('refuses, on a generic connection, a join that a MySQL reading would see differently', () => {
    const result = oneLineSql('SELECT a # note\nFROM t', 'generic');
    expect(result).toEqual({ ok: false, reason: 'joined into one line it would read differently in MySQL/MariaDB' });
  });
});
