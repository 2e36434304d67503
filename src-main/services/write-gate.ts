/**
 * Keeps the main thread from waiting on SQLite's lock. An import writes from a worker thread with
 * its own connection; a write on the main connection meanwhile would block the event loop in
 * better-sqlite3 (busy_timeout) until the import commits. So the import holds this gate while it
 * writes, and the main thread's writes made meanwhile wait for it asynchronously, in order.
 */
export class WriteGate {
  private tail: Promise<void> = Promise.resolve();
  /** Holders and those waiting to hold. */
  private pending = 0;

  /** Answers, once every earlier holder has released, the function that releases this hold. */
  acquire(): Promise<() => void> {
    this.pending += 1;
    const previous = this.tail;
    let open!: () => void;
    const mine = new Promise<void>((resolve) => (open = resolve));
    this.tail = previous.then(() => mine);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.pending -= 1;
      open();
    };
    return previous.then(() => release);
  }

  /** A synchronous write on the main connection: at once when nobody holds the gate, else after them. */
  write<T>(work: () => T): T | Promise<T> {
    return this.pending === 0 ? work() : this.tail.then(work);
  }
}
