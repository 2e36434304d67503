import { describe, expect, it } from 'vitest';
import { gapRuns, isolatedIndexes, tickLabel, timeTicks } from '../../../src-renderer/features/charts/plot-helpers';
import { parseNaiveTimestamp } from '../../../src-renderer/features/charts/naive-time';

const at = (text: string) => parseNaiveTimestamp(text)!;

describe('plot helpers', () => {
  it('finds values that a line cannot draw because both neighbours are gaps', () => {
    expect(isolatedIndexes([1, null, 0, null, 3, 4, null])).toEqual([0, 2]);
    expect(isolatedIndexes([null, 5])).toEqual([1]);
    expect(isolatedIndexes([1, 2])).toEqual([]);
    expect(isolatedIndexes([])).toEqual([]);
  });

  it('groups intervals without a row into runs to shade', () => {
    expect(gapRuns([true, false, false, true, false])).toEqual([
      [1, 2],
      [4, 4],
    ]);
    expect(gapRuns([false, false])).toEqual([[0, 1]]);
    expect(gapRuns([true])).toEqual([]);
  });

  it('puts timeline ticks on whole hours of the naive axis, with the date where it changes', () => {
    const ticks = timeTicks(at('2024-05-01 21:10:00'), at('2024-05-02 02:00:00'), 6);
    expect(ticks.map((tick) => tick.label)).toEqual(['05-01 22:00', '23:00', '05-02 00:00', '01:00', '02:00']);
  });

  it('switches to day ticks over a long span, and gives none for an empty span', () => {
    const ticks = timeTicks(at('2024-05-01 00:00:00'), at('2024-05-20 00:00:00'), 5);
    expect(ticks.map((tick) => tick.label)).toEqual(['2024-05-01', '2024-05-08', '2024-05-15']);
    expect(timeTicks(10, 10, 5)).toEqual([]);
  });

  it('labels ticks ISO-like: dates for day steps, times with the date at midnight', () => {
    expect(tickLabel(at('2024-05-02 00:00:00'), 86_400, false)).toBe('2024-05-02');
    expect(tickLabel(at('2024-05-02 00:00:00'), 3600, false)).toBe('05-02 00:00');
    expect(tickLabel(at('2024-05-02 13:00:00'), 3600, false)).toBe('13:00');
    expect(tickLabel(at('2024-05-02 13:00:00'), 3600, true)).toBe('05-02 13:00');
  });
});
