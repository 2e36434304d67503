import { describe, expect, it } from 'vitest';
import { frameStats, median, percentile } from '../../../../scripts/bench/ui/stats';

describe('ui bench statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('uses nearest-rank percentiles, so p95 of 20 frames is the 19th slowest', () => {
    const deltas = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile(deltas, 95)).toBe(19);
    expect(percentile(deltas, 50)).toBe(10);
    expect(percentile(deltas, 100)).toBe(20);
  });

  it('reports one janky frame in 100 as a p95 of a normal frame', () => {
    const deltas = [...Array.from({ length: 99 }, () => 16.7), 116.9];
    expect(frameStats(deltas)).toEqual({ p50: 16.7, p95: 16.7, max: 116.9, frames: 100 });
  });

  it('reports jank in more than 5 % of frames in p95', () => {
    const deltas = [...Array.from({ length: 90 }, () => 16.66), ...Array.from({ length: 10 }, () => 33.33)];
    expect(frameStats(deltas).p95).toBe(33.3);
  });

  it('refuses to summarise nothing', () => {
    expect(() => median([])).toThrow(/no values/);
    expect(() => percentile([1], 0)).toThrow(/percentile 0/);
  });
});
