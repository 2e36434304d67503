import { describe, expect, it } from 'vitest';
import { AGENT_COLUMNS, essentials, INTERVAL_COLUMNS, validate } from './fixtures';

// Rules that compare rows (duplicate-key, overlapping-states) remember valid rows only, so a row
// with an error of its own never makes another row invalid. Europe/Paris, naive local times;
// 2024-03-31 02:00–02:59 does not exist, 2024-10-27 02:00–02:59 happens twice.
const NOW = new Date('2025-01-01T00:00:00Z');
const interval = (rows: unknown[][]) =>
  validate({ importType: 'interval', timeZone: 'Europe/Paris', now: NOW }, { columns: [...INTERVAL_COLUMNS], rows });
const states = (rows: unknown[][]) =>
  validate({ importType: 'agent-states', timeZone: 'Europe/Paris', now: NOW }, { columns: [...AGENT_COLUMNS], rows });
const row = (time: string, offered = 5): unknown[] => ['Q1', 'Sales', time, offered, 4, 100, 'calls'];

describe('duplicate-key compares with valid rows only', () => {
  it('a gap time read onto the instant of the genuine row after the gap is no duplicate of it', () => {
    const summary = interval([row('2024-03-31 02:00:00'), row('2024-03-31 03:00:00')]);
    expect(essentials(summary)).toEqual([{ row: 1, column: 'timestamp', rule: 'dst-gap', severity: 'error' }]);
    expect(summary.findings[0]?.message).toContain('(2024-03-31T01:00:00.000Z)');
  });

  it('a gap row after its genuine twin is still compared with it (both findings are its own)', () => {
    expect(essentials(interval([row('2024-03-31 03:00:00'), row('2024-03-31 02:00:00')]))).toEqual([
      { row: 2, column: 'timestamp', rule: 'dst-gap', severity: 'error' },
      { row: 2, column: null, rule: 'duplicate-key', severity: 'error' },
    ]);
  });

  it('an invalid twin does not make the valid row a duplicate, and a third row duplicates the valid one', () => {
    const summary = interval([row('2024-06-03 08:00:00', -1), row('2024-06-03 08:00:00'), row('2024-06-03 08:00:00')]);
    expect(essentials(summary)).toEqual([
      { row: 1, column: 'offered', rule: 'negative-count', severity: 'error' },
      { row: 3, column: null, rule: 'duplicate-key', severity: 'error' },
    ]);
    expect(summary.findings[1]?.message).toContain('already appeared at row 2');
  });

  it('the repeated hour: the same naive time twice is a duplicate, and the message says how to keep both', () => {
    const summary = interval([row('2024-10-27 02:30:00'), row('2024-10-27 02:30:00')]);
    expect(essentials(summary)).toEqual([
      { row: 1, column: 'timestamp', rule: 'dst-repeated', severity: 'warning' },
      { row: 2, column: 'timestamp', rule: 'dst-repeated', severity: 'warning' },
      { row: 2, column: null, rule: 'duplicate-key', severity: 'error' },
    ]);
    expect(summary.findings[2]?.message).toContain('occurs twice in Europe/Paris');
    expect(summary.findings[2]?.message).toContain('with an offset or in UTC');
  });

  it('the repeated hour with offsets: two instants, two intervals, no finding', () => {
    expect(interval([row('2024-10-27 02:30:00+02:00'), row('2024-10-27 02:30:00+01:00')]).findings).toEqual([]);
  });
});

describe('overlapping-states compares with valid states only', () => {
  const state = (start: string, end: string | null, activity = 'READY'): unknown[] => [
    'A1',
    `2024-03-31 ${start}:00`,
    end === null ? null : `2024-03-31 ${end}:00`,
    activity,
  ];

  it('a state that starts in the gap does not overlap the genuine state after the gap', () => {
    // 02:15 is read as 03:15 (01:15 UTC): the state 02:15–03:45 would cover 03:00–03:30.
    const summary = states([state('01:00', '01:45'), state('02:15', '03:45'), state('03:00', '03:30')]);
    expect(essentials(summary)).toEqual([{ row: 2, column: 'starttime', rule: 'dst-gap', severity: 'error' }]);
  });

  it('a state that ends in the gap does not overlap the next one either', () => {
    const summary = states([state('01:45', '02:15'), state('03:00', '03:30')]);
    expect(essentials(summary)).toEqual([{ row: 1, column: 'endtime', rule: 'dst-gap', severity: 'error' }]);
  });

  it('an overlapping state is left out, so the next state is measured against the states that stay', () => {
    const summary = states([state('08:00', '10:00'), state('09:00', '12:00'), state('10:30', '11:00')]);
    expect(essentials(summary)).toEqual([
      { row: 2, column: 'starttime', rule: 'overlapping-states', severity: 'error' },
    ]);
  });

  it('an invalid state that starts earlier does not switch the check to unordered mode', () => {
    const summary = states([state('08:00', '09:00'), state('07:00', '06:00'), state('09:00', '10:00')]);
    expect(essentials(summary)).toEqual([{ row: 2, column: 'endtime', rule: 'end-before-start', severity: 'error' }]);
  });
});
