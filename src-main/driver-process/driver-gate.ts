/** How many driver processes run at once, and how many operations wait for one. */
export interface DriverLoad {
  running: number;
  waiting: number;
  limit: number;
}

/**
 * At most `limit` driver processes at a time. A burst (a hundred Test connection clicks, many
 * browser tabs) waits its turn instead of starting a process each: a hundred processes of about
 * 30 MB each crowded the machine until healthy servers answered TIMEOUT. An operation's own
 * deadline starts when it gets its process, so waiting makes it slower, never wrong.
 */
export class DriverGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    private readonly onLoad: (load: DriverLoad) => void = () => undefined,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`the driver process limit must be at least 1, not ${limit}`);
  }

  get load(): DriverLoad {
    return { running: this.running, waiting: this.waiting.length, limit: this.limit };
  }

  /**
   * Resolves with the release function once a process may start, or with undefined when
   * `signal` aborted while the operation waited (it then never starts).
   */
  acquire(signal?: AbortSignal): Promise<(() => void) | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    if (this.running < this.limit) {
      this.running += 1;
      this.onLoad(this.load);
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        this.running += 1;
        resolve(this.releaser());
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(start);
        if (index >= 0) this.waiting.splice(index, 1);
        this.onLoad(this.load);
        resolve(undefined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(start);
      this.onLoad(this.load);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.waiting.shift()?.();
      this.onLoad(this.load);
    };
  }
}

/** Enough for a few tabs' previews and tests at once, few enough for a small office PC. */
export function defaultDriverLimit(cores: number): number {
  return Math.min(8, Math.max(2, cores));
}
