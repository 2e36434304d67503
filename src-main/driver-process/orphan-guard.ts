import type { CancelTarget } from '../drivers/db-session';
import type { DriverRequest } from './protocol';
import { runOperation } from './run-operation';

/** How long an orphaned driver process tries to cancel its statement before it goes regardless. */
export const ORPHAN_CANCEL_MS = 3000;
/** How often the process looks whether its parent is still there (a backstop for 'disconnect'). */
const PARENT_CHECK_MS = 1000;

/**
 * A driver process whose parent is gone (the CLI killed with kill -9, the app crashed) must not
 * leave its statement running: the server goes on with a query nobody waits for (seen: a
 * pg_sleep(300) still running 95 s after the CLI was killed). So it stops the statement on the
 * server from a second connection, as the parent's Cancel would, then ends itself with SIGKILL:
 * process.exit would wait for a driver's native clean-up, which can spin on a busy statement.
 */
export class OrphanGuard {
  private request: DriverRequest | undefined;
  private cancelTarget: CancelTarget | null = null;
  private leaving = false;
  private readonly parentPid = process.ppid;

  constructor(private readonly exit: () => void = () => process.kill(process.pid, 'SIGKILL')) {}

  /** Watches for the parent going away without an IPC 'disconnect' (a reparented process). */
  watchParent(): void {
    setInterval(() => {
      if (process.ppid !== this.parentPid) void this.orphaned();
    }, PARENT_CHECK_MS).unref();
  }

  running(request: DriverRequest): void {
    this.request = request;
  }

  started(cancelTarget: CancelTarget | null): void {
    this.cancelTarget = cancelTarget;
  }

  /** Cancels the running statement where the kind allows it, then ends the process. */
  async orphaned(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    const { request, cancelTarget } = this;
    if (request && cancelTarget && request.operation.op !== 'cancel') {
      const cancel = runOperation({
        ...request,
        timeoutMs: ORPHAN_CANCEL_MS,
        operation: { op: 'cancel', target: cancelTarget },
      });
      await Promise.race([cancel, new Promise((resolve) => setTimeout(resolve, ORPHAN_CANCEL_MS))]);
    }
    this.exit();
  }
}
