import { describe, expect, it } from 'vitest';
import { agentStatesResult, AGENT_COLUMNS, essentials, type ResultSet, validate, withCell } from './fixtures';

// Row r: state (r-1) div 3 of LOGIN 08:00–08:05, READY 08:05–10:00, BREAK 10:00–10:15, READY 10:15–(open),
// for agent (r-1) mod 3 of 1001, 1002, jdupont, on 2026-03-20 (Brussels); now is 13:00 local.
const run = (result: ResultSet) => validate({ importType: 'agent-states' }, result);
const append = (result: ResultSet, ...rows: unknown[][]): ResultSet => ({ ...result, rows: [...result.rows, ...rows] });

describe('agent-state rules: one planted defect, exactly one finding', () => {
  it('end-before-start', () => {
    const summary = run(withCell(agentStatesResult(), 5, 'endtime', '2026-03-20 08:00:00'));
    expect(essentials(summary)).toEqual([{ row: 5, column: 'endtime', rule: 'end-before-start', severity: 'error' }]);
    expect(summary.findings[0]?.message).toContain(
      'endtime 2026-03-20 08:00:00 is before starttime 2026-03-20 08:05:00',
    );
  });

  it('overlapping-states: a state that starts before the previous one of the agent ends', () => {
    const summary = run(withCell(agentStatesResult(), 8, 'starttime', '2026-03-20 09:50:00'));
    expect(essentials(summary)).toEqual([
      { row: 8, column: 'starttime', rule: 'overlapping-states', severity: 'error' },
    ]);
    expect(summary.findings[0]?.message).toContain('row 5 (2026-03-20 08:05:00 – 2026-03-20 10:00:00)');
  });

  it('overlapping-states: an open state is still ongoing when the next one starts', () => {
    const summary = run(withCell(agentStatesResult(), 7, 'endtime', null));
    expect(essentials(summary)).toEqual([
      { row: 10, column: 'starttime', rule: 'overlapping-states', severity: 'error' },
    ]);
    expect(summary.findings[0]?.message).toContain('still open');
  });

  it('unordered-states: said once, then overlaps are checked against the previous row', () => {
    const result = agentStatesResult();
    const rows = result.rows.map((row, i) => (i === 3 ? result.rows[6] : i === 6 ? result.rows[3] : row) ?? row);
    const summary = run({ ...result, rows });
    expect(essentials(summary)).toEqual([{ row: 7, column: 'starttime', rule: 'unordered-states', severity: 'info' }]);
    expect(summary.ok).toBe(true);
  });

  it('stale-open-state: an open state that started more than 24 hours ago', () => {
    const summary = run(append(agentStatesResult(), ['night-shift', '2026-03-19 06:00:00', null, 'READY']));
    expect(essentials(summary)).toEqual([
      { row: 13, column: 'endtime', rule: 'stale-open-state', severity: 'warning' },
    ]);
    expect(summary.ok).toBe(true);
  });

  it('future-timestamp: a state that starts after now', () => {
    expect(essentials(run(withCell(agentStatesResult(), 11, 'starttime', '2026-03-20 14:00:00')))).toEqual([
      { row: 11, column: 'starttime', rule: 'future-timestamp', severity: 'error' },
    ]);
  });

  it('agent-id-variant: an identifier that differs only by case or spaces', () => {
    const summary = run(withCell(agentStatesResult(), 12, 'agentidentifier', ' JDupont'));
    expect(essentials(summary)).toEqual([
      { row: 12, column: 'agentidentifier', rule: 'agent-id-variant', severity: 'warning' },
    ]);
    expect(summary.findings[0]?.message).toContain('" JDupont" differs from "jdupont" (row 3)');
    expect(summary.distinct.agents).toBe(4);
  });

  it('agent-id-variant: "Agent 1" and "agent  1" are reported once per variant', () => {
    const rows = [
      ['Agent 1', '2026-03-20 08:00:00', '2026-03-20 09:00:00', 'READY'],
      ['agent  1', '2026-03-20 08:00:00', '2026-03-20 09:00:00', 'READY'],
      ['agent  1', '2026-03-20 09:00:00', '2026-03-20 10:00:00', 'READY'],
      ['Agent 1', '2026-03-20 09:00:00', '2026-03-20 10:00:00', 'READY'],
    ];
    expect(essentials(run({ columns: [...AGENT_COLUMNS], rows }))).toEqual([
      { row: 2, column: 'agentidentifier', rule: 'agent-id-variant', severity: 'warning' },
    ]);
  });

  it('empty-required: activity', () => {
    expect(essentials(run(withCell(agentStatesResult(), 3, 'activity', '')))).toEqual([
      { row: 3, column: 'activity', rule: 'empty-required', severity: 'error' },
    ]);
  });

  it('type-datetime: endtime', () => {
    expect(essentials(run(withCell(agentStatesResult(), 3, 'endtime', 'soon')))).toEqual([
      { row: 3, column: 'endtime', rule: 'type-datetime', severity: 'error' },
    ]);
  });

  it('without an endtime column each state ends when the next begins: nothing overlaps', () => {
    const result = agentStatesResult();
    const withoutEnd = {
      columns: ['agentidentifier', 'starttime', 'activity'],
      rows: result.rows.map((r) => [r[0], r[1], r[3]]),
    };
    expect(essentials(run(withoutEnd))).toEqual([]);
  });

  it('distinct-limit: more agents than can be tracked is said once', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => [
      `agent-${i}`,
      '2026-03-20 08:00:00',
      '2026-03-20 09:00:00',
      'READY',
    ]);
    const summary = run({ columns: [...AGENT_COLUMNS], rows });
    expect(essentials(summary)).toEqual([
      { row: 100_001, column: 'agentidentifier', rule: 'distinct-limit', severity: 'info' },
    ]);
    expect(summary.distinct.agents).toBe(100_000);
  });
});
