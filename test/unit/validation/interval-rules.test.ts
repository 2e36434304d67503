import { describe, expect, it } from 'vitest';
import { cell, essentials, intervalResult, type ResultSet, validate, withCell } from './fixtures';

// Fixture rows: row r is interval (r-1) div 3 from 08:00 and queue (r-1) mod 3 of Q-SALES, Q-SUPPORT, Q-MAIL.
// Row 5 is Q-SUPPORT at 08:15 (chats, offered 12, answered 11).
const run = (result: ResultSet, intervalMinutes: 15 | 30 = 15) =>
  validate({ importType: 'interval', intervalMinutes }, result);

describe('interval rules: one planted defect, exactly one finding', () => {
  const cases: [string, string, unknown, string, 'error' | 'warning' | 'info', string][] = [
    ['empty-required', 'queuename', null, 'queuename', 'error', 'queuename is empty (NULL)'],
    ['empty-required', 'timestamp', '  ', 'timestamp', 'error', 'timestamp is empty ("  ")'],
    ['type-integer', 'offered', '12.5', 'offered', 'error', 'offered is "12.5", not a whole number'],
    ['type-integer', 'answered', true, 'answered', 'error', 'CAST(x AS INTEGER)'],
    ['type-integer', 'handlingtime', 90.5, 'handlingtime', 'error', 'handlingtime is 90.5'],
    ['type-datetime', 'timestamp', 'yesterday 8am', 'timestamp', 'error', 'timestamp is "yesterday 8am"'],
    ['type-datetime', 'timestamp', 1773907200, 'timestamp', 'error', 'Unix time'],
    ['type-datetime', 'timestamp', '2026-02-30 08:15:00', 'timestamp', 'error', '2026-02-30'],
    ['type-string', 'queuename', true, 'queuename', 'error', 'queuename is true, not text'],
    ['negative-count', 'handlingtime', -30, 'handlingtime', 'error', 'handlingtime is -30'],
    ['negative-count', 'offered', '-1', 'offered', 'error', 'offered is -1'],
    ['answered-exceeds-offered', 'answered', 13, 'answered', 'error', 'answered (13) is greater than offered (12)'],
    ['unknown-channel', 'channel', 'chat', 'channel', 'error', 'Did you mean chats?'],
    ['unknown-channel', 'channel', 'voice', 'channel', 'error', '"voice" is not a known channel'],
    ['channel-case', 'channel', 'Chats ', 'channel', 'warning', 'LOWER(TRIM'],
    ['off-grid', 'timestamp', '2026-03-19 08:15:30', 'timestamp', 'error', 'round down to 2026-03-19 08:15:00'],
    ['off-grid', 'timestamp', '2026-03-19 08:22:00', 'timestamp', 'error', ':00, :15, :30, :45'],
    ['off-grid', 'timestamp', '2026-03-19 08:15:00.0000001', 'timestamp', 'error', '15-minute grid'],
    ['future-timestamp', 'timestamp', '2026-03-21 08:15:00', 'timestamp', 'error', 'is in the future'],
    ['queue-renamed', 'queuename', 'Support NL', 'queuename', 'warning', '"Support", "Support NL"'],
  ];

  it.each(cases)('%s: %s = %j at row 5', (rule, column, value, findingColumn, severity, message) => {
    const summary = run(withCell(intervalResult(), 5, column, value));
    expect(essentials(summary)).toEqual([{ row: 5, column: findingColumn, rule, severity }]);
    expect(summary.findings[0]?.message).toContain(message);
    expect(summary.findingCounts).toEqual({ [rule]: 1 });
    expect(summary.ok).toBe(severity !== 'error');
  });

  it('duplicate-key: the same queue, timestamp and channel twice', () => {
    const result = intervalResult();
    const rows = result.rows.map((row, index) => (index === 5 ? [...(result.rows[4] ?? [])] : row));
    const summary = run({ ...result, rows });
    expect(essentials(summary)).toEqual([{ row: 6, column: null, rule: 'duplicate-key', severity: 'error' }]);
    expect(summary.findings[0]?.message).toContain('already appeared at row 5');
  });

  it('duplicate-key: an empty channel is the same as calls', () => {
    // Row 4 is Q-SALES at 08:15 with channel calls; row 5 becomes Q-SALES at 08:15 with NULL.
    const result = intervalResult();
    const rows = result.rows.map((row, index) =>
      index === 4 ? ['Q-SALES', 'Sales', cell(result, 4, 'timestamp'), 1, 1, 60, null] : row,
    );
    expect(essentials(run({ ...result, rows }))).toEqual([
      { row: 5, column: null, rule: 'duplicate-key', severity: 'error' },
    ]);
  });

  it('duplicate-key: the same instant written with an offset is the same timestamp', () => {
    const result = intervalResult();
    const rows = result.rows.map((row, index) => (index === 5 ? [...(result.rows[4] ?? [])] : row));
    rows[5]![2] = '2026-03-19T07:15:00Z';
    expect(essentials(run({ ...result, rows }))).toEqual([
      { row: 6, column: null, rule: 'duplicate-key', severity: 'error' },
    ]);
  });

  it('duplicate-check-window: says once that rows not ordered by timestamp are checked in a window', () => {
    const rows: unknown[][] = [];
    for (const queue of ['Q1', 'Q2']) {
      for (let i = 0; i < 100; i++) {
        rows.push([queue, queue, new Date(Date.UTC(2026, 2, 18, 7, 0) + i * 900_000), 1, 1, 60, 'calls']);
      }
    }
    const summary = run({ columns: intervalResult().columns, rows });
    expect(essentials(summary)).toEqual([
      { row: 101, column: 'timestamp', rule: 'duplicate-check-window', severity: 'info' },
    ]);
    expect(summary.ok).toBe(true);
  });

  it('queue-renamed: reported once per identifier, listing every name', () => {
    let result = withCell(intervalResult(), 7, 'queuename', 'Sales NL');
    result = withCell(result, 13, 'queuename', 'Sales BE');
    const summary = run(result);
    expect(essentials(summary)).toEqual([{ row: 7, column: 'queuename', rule: 'queue-renamed', severity: 'warning' }]);
    expect(summary.findings[0]?.message).toContain('"Sales", "Sales NL", "Sales BE"');
  });

  it('off-grid: 08:15 is on the 15-minute grid but not on the 30-minute grid', () => {
    const result = intervalResult();
    const rows = result.rows.filter((row) => /:(00|30):00$/.test(String(row[2])));
    rows[3]![2] = '2026-03-19 08:15:00';
    expect(essentials(run({ ...result, rows }, 30))).toEqual([
      { row: 4, column: 'timestamp', rule: 'off-grid', severity: 'error' },
    ]);
  });
});

describe('finding limits', () => {
  it('keeps the first maxFindings findings but counts them all', () => {
    const result = intervalResult();
    const rows = result.rows.map((row) => row.map((value, i) => (i === 5 ? -1 : value)));
    const summary = validate({ importType: 'interval', maxFindings: 5 }, { ...result, rows });
    expect(summary.findings.map((f) => f.row)).toEqual([1, 2, 3, 4, 5]);
    expect(summary.findingCounts).toEqual({ 'negative-count': 24 });
    expect(summary.countsBySeverity).toEqual({ error: 24, warning: 0, info: 0 });
    expect(summary.ok).toBe(false);
  });

  it('reports a column by the name the query used', () => {
    const result = withCell(intervalResult(), 2, 'offered', -5);
    const summary = run({ columns: result.columns.map((c) => (c === 'offered' ? 'OFFERED' : c)), rows: result.rows });
    expect(essentials(summary)).toEqual([
      { row: 0, column: 'OFFERED', rule: 'column-case', severity: 'warning' },
      { row: 2, column: 'OFFERED', rule: 'negative-count', severity: 'error' },
    ]);
  });
});
