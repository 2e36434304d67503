import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProbeReading {
  /** The longest the event loop was blocked, in ms (histogram max at 1 ms resolution). */
  maxStallMs: number;
  /** 99th percentile of the loop delay, in ms. */
  p99StallMs: number;
  /** Highest resident set size of this process seen while the probe ran, in MB. */
  peakRssMb: number;
}

/**
 * Watches this (the main) process while `work` runs: event-loop delay through perf_hooks, and RSS
 * sampled every 10 ms (the sampler is itself a timer, so a stall also delays it; RSS only grows
 * in allocations the sampler would then see on its next tick).
 */
export async function probeWhile<T>(work: () => Promise<T>): Promise<{ value: T; reading: ProbeReading }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  histogram.enable();
  try {
    const value = await work();
    return { value, reading: readingOf(histogram, peakRss) };
  } finally {
    histogram.disable();
    clearInterval(sampler);
  }
}

function readingOf(histogram: ReturnType<typeof monitorEventLoopDelay>, peakRss: number): ProbeReading {
  const peak = Math.max(peakRss, process.memoryUsage.rss());
  // With no sample yet (work shorter than one resolution tick) the histogram reports its sentinel.
  const sampled = histogram.count > 0;
  return {
    maxStallMs: sampled ? Math.round(histogram.max / 1e4) / 100 : 0,
    p99StallMs: sampled ? Math.round(histogram.percentile(99) / 1e4) / 100 : 0,
    peakRssMb: Math.round(peak / 1024 / 102.4) / 10,
  };
}
