import { describe, expect, it } from 'vitest';
import { agentStatesResult, contactResult, intervalResult, validate } from './fixtures';

describe('demo-like data that follows the contract', () => {
  it('interval rows give no findings and a summary of what was found', () => {
    const summary = validate({ importType: 'interval' }, intervalResult());
    expect(summary.findings).toEqual([]);
    expect(summary).toMatchObject({
      rowsChecked: 24,
      ok: true,
      findingCounts: {},
      countsBySeverity: { error: 0, warning: 0, info: 0 },
      distinct: { queues: 3, channels: 3, agents: 0, activities: 0 },
      // 08:00 and 09:45 in Brussels (UTC+1 in March).
      firstTimestamp: '2026-03-19T07:00:00.000Z',
      lastTimestamp: '2026-03-19T08:45:00.000Z',
    });
  });

  it('interval rows on a 30-minute grid give no findings', () => {
    const result = intervalResult();
    const rows = result.rows.filter((row) => /:(00|30):00$/.test(String(row[2])));
    expect(validate({ importType: 'interval', intervalMinutes: 30 }, { ...result, rows }).findings).toEqual([]);
  });

  it('contact rows give no findings under both rule sets', () => {
    expect(validate({ importType: 'contact' }, contactResult()).findings).toEqual([]);
    expect(validate({ importType: 'contact', ruleSet: 'wfm-2024-05' }, contactResult()).findings).toEqual([]);
    const summary = validate({ importType: 'contact', ruleSet: 'wfm-2023-12' }, contactResult(true));
    expect(summary.findings).toEqual([]);
    expect(summary.distinct).toEqual({ queues: 3, channels: 3, agents: 0, activities: 0 });
  });

  it('agent states give no findings and count agents and activities', () => {
    const summary = validate({ importType: 'agent-states' }, agentStatesResult());
    expect(summary.findings).toEqual([]);
    expect(summary).toMatchObject({
      rowsChecked: 12,
      ok: true,
      distinct: { queues: 0, channels: 0, agents: 3, activities: 3 },
      firstTimestamp: '2026-03-20T07:00:00.000Z',
      lastTimestamp: '2026-03-20T09:15:00.000Z',
    });
  });

  it('columns in another order are matched by name', () => {
    const result = intervalResult();
    const order = [6, 5, 4, 3, 2, 1, 0];
    const reordered = {
      columns: order.map((i) => result.columns[i] ?? ''),
      rows: result.rows.map((row) => order.map((i) => row[i])),
    };
    expect(validate({ importType: 'interval' }, reordered).findings).toEqual([]);
  });
});
