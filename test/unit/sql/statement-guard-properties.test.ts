import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPreviewable } from '../../../src-shared/sql/classify-statement';
import { DIALECTS, LEX_FLAVOURS, flavoursFor, type Dialect } from '../../../src-shared/sql/dialect';
import { tokenize } from '../../../src-shared/sql/lexer';
import { splitStatements, splitTokens } from '../../../src-shared/sql/split-statements';
import { READ_STATEMENT_CORPUS, WRITE_STATEMENT_CORPUS } from '../../../src-shared/sql/statement-corpus';

const dialect = fc.constantFrom(...DIALECTS);
// Fragments that open or close strings and comments, mixed with keywords, hit the lexer's corners
// far more often than uniform characters do.
const fragment = fc.constantFrom(
  ...["'", '"', '`', '[', ']', '/*', '*/', '/*!', '/*M!500', '--', '-- ', '#', '\n', '\r', '\r\n', '$$', '$a$'],
  ...['E', "E'", '\\', ';', '{', '}', '(', ')', ' ', 'GO', 'SELECT', 'DELETE', 'INTO', 'x', '1', '.', 'AS'],
);
const sqlish = fc.array(fc.oneof(fragment, fc.string({ maxLength: 3 })), { maxLength: 30 }).map((p) => p.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  sqlish,
);

/** A string literal holding `text`, valid in every reading of the dialect. */
function literal(text: string, target: Dialect, quote = "'"): string {
  // Doubled backslashes are one in MySQL and two elsewhere: valid either way.
  const escaped = target === 'mysql' || target === 'generic' ? text.replaceAll('\\', '\\\\') : text;
  return quote + escaped.replaceAll(quote, quote + quote) + quote;
}

/** Corpus statements that every reading of `target` sees as one statement, at the same offset. */
function singleStatements(target: Dialect): { sql: string; start: number }[] {
  const pool = [...READ_STATEMENT_CORPUS, ...WRITE_STATEMENT_CORPUS].filter((e) => e.dialects.includes(target));
  return pool.flatMap(({ sql }) => {
    const starts = flavoursFor(target).map((flavour) => {
      const lexed = tokenize(sql, flavour);
      const statements = lexed.ok ? splitTokens(sql, lexed.tokens, flavour) : [];
      return statements.length === 1 ? statements[0]?.start : undefined;
    });
    const [start] = starts;
    return start !== undefined && starts.every((other) => other === start) ? [{ sql, start }] : [];
  });
}

describe('statement guard properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(anyText, dialect, (sql, target) => {
        const result = checkPreviewable(sql, target);
        expect(typeof result.ok).toBe('boolean');
        expect(typeof splitStatements(sql, target).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('gives ordered tokens that are slices of the text, or an error inside it', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...Object.values(LEX_FLAVOURS)), (sql, flavour) => {
        const result = tokenize(sql, flavour);
        if (!result.ok) {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThan(sql.length);
          return;
        }
        let previousEnd = 0;
        for (const token of result.tokens) {
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.text).toBe(sql.slice(token.start, token.end));
          previousEnd = token.end;
        }
        expect(previousEnd).toBeLessThanOrEqual(sql.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a read query allowed whatever its string literal holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), sqlish), sqlish, dialect, (text, other, target) => {
        const sql = `SELECT ${literal(text, target)} AS note, queue_id FROM queue_stats WHERE queue_name <> ${literal(other, target)}`;
        expect(checkPreviewable(sql, target)).toMatchObject({ ok: true, keyword: 'SELECT' });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a read query allowed whatever its quoted names and comments hold', () => {
    const noLineBreak = sqlish.map((text) => text.replace(/[\r\n]/g, ' '));
    const noCommentMarks = sqlish.map((text) => text.replace(/\/\*|\*\//g, ' ').replace(/^[!M]/, ' '));
    fc.assert(
      fc.property(sqlish, noLineBreak, noCommentMarks, dialect, (name, line, block, target) => {
        const alias = literal(name, target, '"');
        const sql = `SELECT /* ${block} */ queue_id AS ${alias} -- ${line}\nFROM queue_stats`;
        expect(checkPreviewable(sql, target)).toMatchObject({ ok: true });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses two valid statements joined by a semicolon, pointing at the second', () => {
    const cases = fc.constantFrom(...DIALECTS).chain((target) => {
      const pool = singleStatements(target);
      return fc.tuple(fc.constant(target), fc.constantFrom(...pool), fc.constantFrom(...pool));
    });
    fc.assert(
      fc.property(cases, fc.constantFrom(';', '\n;', ';\n', '\n;\n'), ([target, first, second], separator) => {
        // A line comment at the end of the first would swallow a semicolon on the same line.
        const joint = first.sql.includes('--') || first.sql.includes('#') ? `\n${separator}` : separator;
        const prefix = first.sql + joint;
        const result = checkPreviewable(prefix + second.sql, target);
        expect(result).toMatchObject({
          ok: false,
          reason: 'multiple-statements',
          offset: prefix.length + second.start,
        });
      }),
      { numRuns: 500 },
    );
  });
});
