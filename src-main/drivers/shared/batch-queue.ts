/**
 * Rows pushed by a driver's events, taken out in batches by an async consumer, with back-pressure:
 * the source is paused while two batches wait and resumed once fewer than one do, so memory stays
 * flat however fast the server sends. Rows before an error are handed out first, then the error.
 */
export class BatchQueue {
  private pending: unknown[][] = [];
  private ended = false;
  private failure: Error | undefined;
  private paused = false;
  private taken = 0;
  private waiter: { resolve: (batch: unknown[][] | null) => void; reject: (error: Error) => void } | undefined;

  constructor(
    private readonly batchSize: number,
    private readonly source: { pause(): void; resume(): void },
  ) {}

  /** Rows handed out so far. */
  get rowsTaken(): number {
    return this.taken;
  }

  get finished(): boolean {
    return this.ended;
  }

  push(row: unknown[]): void {
    if (this.ended) return;
    this.pending.push(row);
    if (this.pending.length >= 2 * this.batchSize && !this.paused) {
      this.paused = true;
      this.source.pause();
    }
    if (this.pending.length >= this.batchSize) this.wake();
  }

  /** The source is done (without an error: the last rows are handed out, then null). */
  end(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = error;
    this.wake();
  }

  /** Drops what waits, for a consumer that stops early. */
  clear(): void {
    this.pending = [];
  }

  /** The next batch (at most batchSize rows), or null after the last; rejects with the source's error. */
  next(): Promise<unknown[][] | null> {
    if (this.ready()) {
      try {
        return Promise.resolve(this.take());
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  private ready(): boolean {
    return this.pending.length >= this.batchSize || this.ended;
  }

  private take(): unknown[][] | null {
    if (this.pending.length === 0) {
      if (this.failure !== undefined) throw this.failure;
      return null;
    }
    let batch = this.pending;
    if (batch.length > this.batchSize) batch = this.pending.splice(0, this.batchSize);
    else this.pending = [];
    this.taken += batch.length;
    if (this.paused && this.pending.length < this.batchSize) {
      this.paused = false;
      this.source.resume();
    }
    return batch;
  }

  private wake(): void {
    const waiter = this.waiter;
    if (waiter === undefined || !this.ready()) return;
    this.waiter = undefined;
    try {
      waiter.resolve(this.take());
    } catch (error) {
      waiter.reject(error as Error);
    }
  }
}
