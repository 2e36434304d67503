import { describe, expect, it } from 'vitest';
import { withUtcColumns } from '../../../src-renderer/features/preview/with-utc-columns';
import { validatePreview } from '../../../src-main/services/validate-preview';

describe('timestamps beside their UTC value', () => {
  it('adds a (UTC) column after each contract timestamp column, across a DST change', () => {
    const table = withUtcColumns(
      ['agentidentifier', 'starttime', 'endtime', 'activity'],
      [
        ['a1', '2026-03-29 01:30:00', '2026-03-29 03:30:00', 'AVAILABLE'],
        ['a1', '2026-03-29 03:30:00', null, 'BREAK'],
      ],
      'Europe/Brussels',
    );
    expect(table.columns).toEqual([
      'agentidentifier',
      'starttime',
      'starttime (UTC)',
      'endtime',
      'endtime (UTC)',
      'activity',
    ]);
    expect(table.rows[0]).toEqual([
      'a1',
      '2026-03-29 01:30:00',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29 03:30:00',
      '2026-03-29T01:30:00.000Z',
      'AVAILABLE',
    ]);
    expect(table.rows[1]?.[4]).toBeNull();
    expect(table.displayIndex).toEqual([0, 1, 3, 5]);
  });

  it('leaves a table without timestamps, or without a zone, as it is', () => {
    expect(withUtcColumns(['a'], [[1]], 'UTC').columns).toEqual(['a']);
    expect(withUtcColumns(['timestamp'], [['2026-01-01 00:00:00']], undefined).columns).toEqual(['timestamp']);
  });
});

describe('preview validation', () => {
  it('finds a wrong channel at its row and reads tagged big integers as integers', () => {
    const summary = validatePreview(
      ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime', 'channel'],
      [
        ['Q1', 'Sales', '2026-01-05 09:00:00', { $bigint: '5' }, 4, 600, 'calls'],
        ['Q1', 'Sales', '2026-01-05 09:15:00', 3, 3, 300, 'chat'],
      ],
      {
        importType: 'interval',
        intervalMinutes: 15,
        ruleSet: 'wfm-2024-05',
        timeZone: 'Europe/Brussels',
        now: new Date('2026-02-01T00:00:00Z'),
      },
    );
    expect(summary.findings).toEqual([
      expect.objectContaining({ row: 2, column: 'channel', rule: 'unknown-channel', severity: 'error' }),
    ]);
    expect(summary.ok).toBe(false);
    expect(summary.rowsChecked).toBe(2);
  });
});
