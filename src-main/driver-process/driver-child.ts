// Entry point of the driver process: receives one request over IPC, answers once, exits.
// A crash, hang or memory flood here costs the main process one error message, nothing more.
// A child started ahead of need (a warm child) first receives `preload`: it loads the drivers
// then, while nobody waits, so its request later pays only for connecting and running.
import type { ConnectionKind } from '../../src-shared/contract/model';
import { loadDriver } from '../drivers/registry';
import { OrphanGuard } from './orphan-guard';
import { FAULTS_ENV, type ChildMessage, type DriverFault, type ParentMessage } from './protocol';
import { runOperation } from './run-operation';

/** Set when the request has come: from then on the preload would only delay it. */
let requested = false;
// The parent going away must not leave an orphan holding a database connection, nor a statement
// running on the server.
const orphan = new OrphanGuard();
orphan.watchParent();

/** `send` carries ChildMessages; the last one (the result) is followed by the process exiting. */
function handle(
  message: ParentMessage,
  send: (message: ChildMessage) => void,
  sendLast: (message: ChildMessage) => void,
): void {
  if ('preload' in message) {
    void preload(message.preload).then(() => send({ type: 'ready' }));
    return;
  }
  requested = true;
  if (process.env[FAULTS_ENV] === '1' && message.fault) injectFault(message.fault);
  orphan.running(message.request);
  void runOperation(
    message.request,
    (cancelTarget) => {
      orphan.started(cancelTarget);
      send({ type: 'started', cancelTarget });
    },
    (rowsRead, rowsChecked) => send({ type: 'progress', rowsRead, rowsChecked }),
  ).then((response) => sendLast({ type: 'result', response }));
}

/** Electron's utilityProcess talks through `process.parentPort`; Node's fork through `process.send`. */
const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
if (parentPort) {
  parentPort.on('message', (event) =>
    handle(
      event.data as ParentMessage,
      (message) => parentPort.postMessage(message),
      (message) => {
        parentPort.postMessage(message);
        // Let the message leave before exiting; the parent kills us anyway once it has the answer.
        setTimeout(() => process.exit(0), 50);
      },
    ),
  );
} else {
  // After a disconnect, sending throws; the orphan guard is ending the process by then.
  const sendIfConnected = (reply: ChildMessage, done?: () => void) => {
    if (process.connected) process.send?.(reply, done ?? (() => undefined));
  };
  process.on('message', (message: ParentMessage) =>
    handle(
      message,
      (reply) => sendIfConnected(reply),
      (reply) => sendIfConnected(reply, () => process.exit(0)),
    ),
  );
  process.on('disconnect', () => void orphan.orphaned());
}

/**
 * One driver after the other, until the request comes: a request that arrives early loads just
 * the driver it needs. A driver that cannot load (odbc without unixODBC) is skipped here; the
 * request that needs it reports DRIVER_MISSING as before.
 */
async function preload(kinds: ConnectionKind[]): Promise<void> {
  for (const kind of kinds) {
    // A macrotask between drivers lets a request that has arrived be seen before the next load.
    await new Promise((resolve) => setImmediate(resolve));
    if (requested) return;
    await loadDriver(kind).catch(() => undefined);
  }
}

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function injectFault(fault: DriverFault): void {
  if (fault === 'crash') process.kill(process.pid, 'SIGSEGV');
  if (fault === 'hang') for (;;); // a native call that never returns blocks the event loop like this
  if (fault === 'flood') {
    const hoard: string[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill('x'.repeat(16)));
  }
}
