import { describe, expect, it } from 'vitest';
import { contactResult, essentials, validate, withCell } from './fixtures';

// Row 6 is a Q-MAIL contact (emails) answered with a duration of 65 seconds.
const run2024 = (result = contactResult()) => validate({ importType: 'contact', ruleSet: 'wfm-2024-05' }, result);
const run2023 = (result = contactResult(true)) => validate({ importType: 'contact', ruleSet: 'wfm-2023-12' }, result);

describe('contact rules, wfm-2024-05 (default)', () => {
  it('flag-not-01: answered must be 0 or 1', () => {
    const summary = run2024(withCell(contactResult(), 6, 'answered', 2));
    expect(essentials(summary)).toEqual([{ row: 6, column: 'answered', rule: 'flag-not-01', severity: 'error' }]);
    expect(summary.findings[0]?.message).toContain('answered is 2');
  });

  it('negative-count: duration cannot be negative', () => {
    expect(essentials(run2024(withCell(contactResult(), 6, 'duration', -65)))).toEqual([
      { row: 6, column: 'duration', rule: 'negative-count', severity: 'error' },
    ]);
  });

  it('duration is optional: NULL values and a missing column are fine', () => {
    expect(essentials(run2024(withCell(contactResult(), 6, 'duration', null)))).toEqual([]);
    const result = contactResult();
    const at = result.columns.indexOf('duration');
    const without = {
      columns: result.columns.filter((_, i) => i !== at),
      rows: result.rows.map((row) => row.filter((_, i) => i !== at)),
    };
    expect(essentials(run2024(without))).toEqual([]);
  });

  it('timestamps of contacts are not on a grid, but must not be in the future', () => {
    expect(essentials(run2024(withCell(contactResult(), 6, 'timestamp', '2026-03-19 09:08:07.123')))).toEqual([]);
    expect(essentials(run2024(withCell(contactResult(), 6, 'timestamp', '2026-03-20 14:00:00')))).toEqual([
      { row: 6, column: 'timestamp', rule: 'future-timestamp', severity: 'error' },
    ]);
  });

  it('an offered column is not part of the contract: one info, and its values are not checked', () => {
    const result = withCell(contactResult(true), 6, 'offered', 7);
    expect(essentials(run2024(result))).toEqual([
      { row: 0, column: 'offered', rule: 'unknown-column', severity: 'info' },
    ]);
  });

  it('unknown-channel applies to contacts too', () => {
    expect(essentials(run2024(withCell(contactResult(), 6, 'channel', 'e-mail')))).toEqual([
      { row: 6, column: 'channel', rule: 'unknown-channel', severity: 'error' },
    ]);
  });
});

describe('contact rules, wfm-2023-12', () => {
  it('requires offered and duration', () => {
    expect(essentials(run2023(contactResult()))).toEqual([
      { row: 0, column: 'offered', rule: 'required-column', severity: 'error' },
    ]);
  });

  it('flag-not-01: offered must be 0 or 1', () => {
    expect(essentials(run2023(withCell(contactResult(true), 6, 'offered', 3)))).toEqual([
      { row: 6, column: 'offered', rule: 'flag-not-01', severity: 'error' },
    ]);
  });

  it('answered-exceeds-offered: an answered contact must have been offered', () => {
    const summary = run2023(withCell(contactResult(true), 6, 'offered', 0));
    expect(essentials(summary)).toEqual([
      { row: 6, column: 'answered', rule: 'answered-exceeds-offered', severity: 'error' },
    ]);
  });

  it('empty-required: duration is required', () => {
    expect(essentials(run2023(withCell(contactResult(true), 6, 'duration', null)))).toEqual([
      { row: 6, column: 'duration', rule: 'empty-required', severity: 'error' },
    ]);
  });

  it('queue-renamed applies to contacts too', () => {
    expect(essentials(run2023(withCell(contactResult(true), 6, 'queuename', 'E-mail')))).toEqual([
      { row: 6, column: 'queuename', rule: 'queue-renamed', severity: 'warning' },
    ]);
  });
});
