import type { ConnectionKind } from '../../src-shared/contract/model';
import type { DriverChild, SpawnDriverChild } from './driver-child-handle';
import type { ChildMessage, ParentMessage } from './protocol';
import { DEFAULT_DRIVER_MEMORY_MB, startDriverChild } from './start-driver-child';

export interface WarmDriverPoolOptions {
  spawn?: SpawnDriverChild;
  maxMemoryMb?: number;
  /** The drivers a warm child loads ahead; asked at every start, so it follows the workspace. */
  preloadKinds?: () => readonly ConnectionKind[];
  /** A warm child could not be started; the next operation then starts its own, as without a pool. */
  onError?: (error: unknown) => void;
}

export type WarmChildState = 'none' | 'starting' | 'ready';

interface WarmChild {
  child: DriverChild;
  ready: boolean;
  exited: boolean;
}

/**
 * A pool of one driver process started ahead of need: it has loaded its modules and waits for
 * one request. Each operation still gets a process of its own (taken, then never reused), so
 * isolation, watchdog, cancel and crash handling stay as they were; only the start-up cost moves
 * to a moment when nobody waits. A replacement is started when an operation has ended, never when
 * a warm child dies while idle, so a child that cannot start is not restarted in a loop.
 */
export class WarmDriverPool {
  readonly maxMemoryMb: number;
  private warm: WarmChild | undefined;
  private pendingRefill: NodeJS.Immediate | undefined;
  private closed = false;

  constructor(private readonly options: WarmDriverPoolOptions = {}) {
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_DRIVER_MEMORY_MB;
  }

  get state(): WarmChildState {
    if (!this.warm || this.warm.exited) return 'none';
    return this.warm.ready ? 'ready' : 'starting';
  }

  /**
   * Starts the next warm child once the current work is done: after an operation's answer has
   * gone on its way, not before it.
   */
  refillSoon(): void {
    if (this.closed || this.pendingRefill) return;
    this.pendingRefill = setImmediate(() => {
      this.pendingRefill = undefined;
      this.refill();
    });
  }

  /** Starts a warm child now, unless one is waiting already. */
  refill(): void {
    if (this.closed || (this.warm && !this.warm.exited && this.warm.child.running)) return;
    this.warm = undefined;
    try {
      const kinds = this.preloadKinds();
      const child = startDriverChild({
        maxMemoryMb: this.maxMemoryMb,
        ...(this.options.spawn ? { spawn: this.options.spawn } : {}),
      });
      const warm: WarmChild = { child, ready: false, exited: false };
      this.warm = warm;
      // While it waits, it must not keep the app alive; `take` restores that.
      child.unref?.();
      child.onMessage((message) => {
        if ((message as ChildMessage).type === 'ready') warm.ready = true;
      });
      const gone = () => {
        warm.exited = true;
        if (this.warm === warm) this.warm = undefined;
      };
      child.onExit(gone);
      child.onError(gone);
      child.send({ preload: kinds } satisfies ParentMessage);
    } catch (error) {
      this.warm = undefined;
      this.options.onError?.(error);
    }
  }

  /** The waiting child, handed over for one operation and forgotten here; undefined when none is alive. */
  take(): DriverChild | undefined {
    // The caller starts a child of its own now: a second start at the same moment would only
    // halve the CPU each gets. The next refill comes when that operation has ended.
    this.cancelPendingRefill();
    const warm = this.warm;
    this.warm = undefined;
    if (!warm || warm.exited || !warm.child.running) return undefined;
    warm.child.ref?.();
    return warm.child;
  }

  /** Ends the waiting child; no other is started afterwards. */
  close(): void {
    this.closed = true;
    this.cancelPendingRefill();
    const warm = this.warm;
    this.warm = undefined;
    if (warm?.child.running) warm.child.kill('SIGKILL');
  }

  private cancelPendingRefill(): void {
    if (this.pendingRefill) clearImmediate(this.pendingRefill);
    this.pendingRefill = undefined;
  }

  private preloadKinds(): ConnectionKind[] {
    try {
      return [...new Set(this.options.preloadKinds?.() ?? [])];
    } catch (error) {
      // Only an optimisation: without the list the child loads its drivers when asked.
      this.options.onError?.(error);
      return [];
    }
  }
}
