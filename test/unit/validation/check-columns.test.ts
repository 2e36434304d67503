import { describe, expect, it } from 'vitest';
import { checkColumns } from '../../../src-shared/validation/check-columns';
import { getRuleSet } from '../../../src-shared/validation/rule-sets';
import { editDistance, closestName } from '../../../src-shared/validation/string-distance';
import {
  CONTACT_COLUMNS_2023,
  CONTACT_COLUMNS_2024,
  essentials,
  INTERVAL_COLUMNS,
  intervalResult,
  validate,
  withCell,
} from './fixtures';

const interval = getRuleSet('wfm-2024-05').importTypes.interval;
const context = { importType: 'interval', ruleSetId: 'wfm-2024-05' };
const check = (names: string[]) => checkColumns(names, interval, context);
const replace = (from: string, to: string) => INTERVAL_COLUMNS.map((name) => (name === from ? to : name));
const strip = (result: ReturnType<typeof check>) => result.findings.map(({ message: _message, ...rest }) => rest);

describe('checkColumns', () => {
  it('maps each contract column to its position in the result', () => {
    const result = check([...INTERVAL_COLUMNS].reverse());
    expect(result.findings).toEqual([]);
    expect(result.resultIndex).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it('reports a missing required column once, at row 0, with the contract name', () => {
    const result = check(INTERVAL_COLUMNS.filter((name) => name !== 'handlingtime'));
    expect(strip(result)).toEqual([{ row: 0, column: 'handlingtime', rule: 'required-column', severity: 'error' }]);
    expect(result.findings[0]?.message).toContain('AS handlingtime');
  });

  it('matches case-insensitively and warns about the case', () => {
    const result = check(replace('timestamp', 'Timestamp'));
    expect(strip(result)).toEqual([{ row: 0, column: 'Timestamp', rule: 'column-case', severity: 'warning' }]);
    expect(result.resultIndex[2]).toBe(2);
  });

  it('suggests the contract name for a misspelt required alias, in one finding', () => {
    const result = check(replace('queueidentifier', 'queuidentifier'));
    expect(strip(result)).toEqual([{ row: 0, column: 'queuidentifier', rule: 'required-column', severity: 'error' }]);
    expect(result.findings[0]?.message).toContain('did you mean queueidentifier?');
  });

  it('suggests the name for a transposed, upper-case alias', () => {
    const result = check(replace('handlingtime', 'HANDLIGNTIME'));
    expect(result.findings[0]?.message).toContain('did you mean handlingtime?');
  });

  it('warns about a misspelt optional column, which the WFM system would ignore', () => {
    const result = check(replace('channel', 'chanel'));
    expect(strip(result)).toEqual([{ row: 0, column: 'chanel', rule: 'misspelt-column', severity: 'warning' }]);
    expect(result.findings[0]?.message).toContain('did you mean channel?');
  });

  it('reports columns outside the contract as info', () => {
    const result = check([...INTERVAL_COLUMNS, 'abandoned']);
    expect(strip(result)).toEqual([{ row: 0, column: 'abandoned', rule: 'unknown-column', severity: 'info' }]);
  });

  it('reports a column that appears twice', () => {
    const result = check([...INTERVAL_COLUMNS, 'OFFERED']);
    expect(strip(result)).toEqual([{ row: 0, column: 'OFFERED', rule: 'duplicate-column', severity: 'error' }]);
    expect(result.resultIndex[3]).toBe(3);
  });

  it('does not suggest a column the result already has', () => {
    const result = check([...INTERVAL_COLUMNS, 'offerd']);
    expect(strip(result)).toEqual([{ row: 0, column: 'offerd', rule: 'unknown-column', severity: 'info' }]);
    expect(result.findings[0]?.message).toContain('looks like offered');
  });
});

describe('contact columns under both rule sets', () => {
  const contact = (ruleSetId: 'wfm-2024-05' | 'wfm-2023-12', names: string[]) =>
    checkColumns(names, getRuleSet(ruleSetId).importTypes.contact, { importType: 'contact', ruleSetId });

  it('2023-12 requires offered and duration; 2024-05 does not', () => {
    const withoutBoth = CONTACT_COLUMNS_2024.filter((name) => name !== 'duration');
    expect(strip(contact('wfm-2024-05', withoutBoth))).toEqual([]);
    expect(strip(contact('wfm-2023-12', withoutBoth))).toEqual([
      { row: 0, column: 'offered', rule: 'required-column', severity: 'error' },
      { row: 0, column: 'duration', rule: 'required-column', severity: 'error' },
    ]);
    expect(strip(contact('wfm-2023-12', CONTACT_COLUMNS_2023))).toEqual([]);
  });

  it('2024-05 explains that offered is no longer part of the contract', () => {
    const result = contact('wfm-2024-05', CONTACT_COLUMNS_2023);
    expect(strip(result)).toEqual([{ row: 0, column: 'offered', rule: 'unknown-column', severity: 'info' }]);
    expect(result.findings[0]?.message).toContain('wfm-2024-05');
  });
});

describe('column findings in a validation run', () => {
  it('are returned by setColumns and appear first in the summary', () => {
    const result = intervalResult();
    const summary = validate(
      { importType: 'interval' },
      { columns: result.columns.map((name) => (name === 'timestamp' ? 'Timestamp' : name)), rows: result.rows },
    );
    expect(essentials(summary)).toEqual([{ row: 0, column: 'Timestamp', rule: 'column-case', severity: 'warning' }]);
    expect(summary.ok).toBe(true);
  });

  it('a missing required column makes the run fail, and the other columns are still checked', () => {
    const result = withCell(intervalResult(), 4, 'offered', -1);
    const keep = [0, 1, 2, 3, 4, 6];
    const summary = validate(
      { importType: 'interval' },
      { columns: keep.map((i) => result.columns[i] ?? ''), rows: result.rows.map((row) => keep.map((i) => row[i])) },
    );
    expect(essentials(summary)).toEqual([
      { row: 0, column: 'handlingtime', rule: 'required-column', severity: 'error' },
      { row: 4, column: 'offered', rule: 'negative-count', severity: 'error' },
    ]);
    expect(summary.ok).toBe(false);
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit', () => {
    expect(editDistance('queueidentifier', 'queuidentifier')).toBe(1);
    expect(editDistance('answered', 'answreed')).toBe(1);
    expect(editDistance('offered', 'offerd')).toBe(1);
    expect(editDistance('channel', 'channels')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('finds the closest name within two edits only', () => {
    expect(closestName('queue_name', ['queueidentifier', 'queuename'])).toBe('queuename');
    expect(closestName('comment', ['queueidentifier', 'queuename'])).toBeUndefined();
  });
});
