export interface Spread {
  min: number;
  median: number;
  max: number;
  /** Every measured value, in the order measured. */
  samples: number[];
}

/** min/median/max of a non-empty list; the median of an even count is the mean of the middle two. */
export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new Error('spread() needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // Rounded to a thousandth so the mean of two middles prints as measured, not as 612.4000000000001.
  const median = round(sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
  return { min: sorted[0]!, median, max: sorted.at(-1)!, samples: [...samples] };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
