/**
 * A tiny seeded pseudo-random generator for the demo database. `Math.random` cannot be seeded, and
 * the demo must be reproducible: the same seed and clock give the same file, so tests and
 * screenshots stay stable.
 */
export interface DemoRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Normal distribution (Box–Muller). */
  normal(mean: number, standardDeviation: number): number;
  /** Positive, right-skewed durations (handling times) with the given mean. */
  logNormal(mean: number, spread: number): number;
  /** Exponential waiting time with the given mean. */
  exponential(mean: number): number;
  /** Count of arrivals in a period with the given expected value. */
  poisson(mean: number): number;
}

/** mulberry32: 32-bit state, good enough statistics for synthetic data, and fast. */
export function createDemoRandom(seed: number): DemoRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const normal = (mean: number, standardDeviation: number): number => {
    // 1 - next() keeps the logarithm's argument in (0, 1].
    const u = 1 - next();
    const v = next();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() needs a non-empty list');
      return item;
    },
    chance: (probability) => next() < probability,
    normal,
    logNormal: (mean, spread) => {
      // Choose mu so that the distribution's mean, not its median, equals `mean`.
      const mu = Math.log(mean) - (spread * spread) / 2;
      return Math.exp(normal(mu, spread));
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 30) {
        // Knuth's loop gets slow and underflows for large means; the normal approximation is fine there.
        return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
      }
      const limit = Math.exp(-mean);
      let count = 0;
      let product = next();
      while (product > limit) {
        count += 1;
        product *= next();
      }
      return count;
    },
  };
}

/** Derives an independent seed per named stream (e.g. a day), so one day's data does not depend on another's. */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label, mixed with the base seed.
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
