/** The summary figures of the report, rounded to 0.1 ms: finer digits are noise. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile: always one of the measured values, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} must be in (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

export interface FrameStats {
  p50: number;
  p95: number;
  max: number;
  frames: number;
}

export function frameStats(deltasMs: readonly number[]): FrameStats {
  return {
    p50: round1(percentile(deltasMs, 50)),
    p95: round1(percentile(deltasMs, 95)),
    max: round1(Math.max(...deltasMs)),
    frames: deltasMs.length,
  };
}
