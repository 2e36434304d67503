import { describe, expect, it } from 'vitest';
import { benchFindings, BENCH_COLUMNS, generateBenchRows } from '../../../../src-renderer/bench/bench-rows';

describe('bench grid rows', () => {
  it('generates the asked number of interval rows with one value per column', () => {
    const rows = generateBenchRows(100_000);
    expect(rows).toHaveLength(100_000);
    expect(rows.every((row) => row.length === BENCH_COLUMNS.length)).toBe(true);
  });

  it('is deterministic, so every run scrolls the same rows', () => {
    expect(generateBenchRows(500)).toEqual(generateBenchRows(500));
    expect(generateBenchRows(500, 7)).not.toEqual(generateBenchRows(500, 42));
  });

  it('gives rows a real preview has: UTC one hour behind, answered <= offered, some NULLs', () => {
    const rows = generateBenchRows(2000);
    expect(rows[0]?.slice(2, 4)).toEqual(['2025-01-06 08:00:00', '2025-01-06T07:00:00.000Z']);
    for (const row of rows) expect(row[5] as number).toBeLessThanOrEqual(row[4] as number);
    expect(rows.some((row) => row[6] === null)).toBe(true);
    expect(new Set(rows.map((row) => row[7]))).toEqual(new Set(['calls', 'chats', 'emails', 'social_media']));
  });

  it('plants findings on the answered column and some whole rows, within the row range', () => {
    const findings = benchFindings(1000);
    expect(findings.get('97:6')?.severity).toBe('error');
    expect(findings.get('291:0')?.severity).toBe('warning');
    for (const key of findings.keys()) expect(Number(key.split(':')[0])).toBeLessThanOrEqual(1000);
  });

  it('refuses a row count that is not a whole number', () => {
    expect(() => generateBenchRows(-1)).toThrow(/row count/);
    expect(() => generateBenchRows(1.5)).toThrow(/1.5/);
  });
});
