import { describe, expect, it } from 'vitest';
import { checkPreviewable } from '../../../src-shared/sql/classify-statement';
import { DIALECTS } from '../../../src-shared/sql/dialect';
import { READ_STATEMENT_CORPUS, WRITE_STATEMENT_CORPUS } from '../../../src-shared/sql/statement-corpus';

const writeCases = WRITE_STATEMENT_CORPUS.flatMap((entry) =>
  entry.dialects.map((dialect) => ({ ...entry, dialect, expected: entry.reasonIn?.[dialect] ?? entry.reason })),
);
const readCases = READ_STATEMENT_CORPUS.flatMap((entry) => entry.dialects.map((dialect) => ({ ...entry, dialect })));

describe('statement corpus', () => {
  it('is large enough and covers every dialect', () => {
    expect(WRITE_STATEMENT_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(READ_STATEMENT_CORPUS.length).toBeGreaterThanOrEqual(25);
    for (const dialect of DIALECTS) {
      expect(writeCases.filter((entry) => entry.dialect === dialect).length).toBeGreaterThanOrEqual(10);
      expect(readCases.some((entry) => entry.dialect === dialect)).toBe(true);
    }
    const texts = WRITE_STATEMENT_CORPUS.map((entry) => entry.sql);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(writeCases)('refuses in $dialect ($why): $sql', ({ sql, dialect, expected }) => {
    const result = checkPreviewable(sql, dialect);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(expected);
      expect(result.message.length).toBeGreaterThan(20);
    }
  });

  it.each(readCases)('allows in $dialect ($why): $sql', ({ sql, dialect }) => {
    const result = checkPreviewable(sql, dialect);
    expect(result).toMatchObject({ ok: true });
  });
});
