// Entry point of the driver process: receives one request over IPC, answers once, exits.
// A crash, hang or memory flood here costs the main process one error message, nothing more.
import { FAULTS_ENV, type ChildMessage, type DriverFault, type DriverRequest } from './protocol';
import { runOperation } from './run-operation';

type Incoming = { request: DriverRequest; fault?: DriverFault };

/** `send` carries ChildMessages; the last one (the result) is followed by the process exiting. */
function handle(
  message: Incoming,
  send: (message: ChildMessage) => void,
  sendLast: (message: ChildMessage) => void,
): void {
  if (process.env[FAULTS_ENV] === '1' && message.fault) injectFault(message.fault);
  void runOperation(
    message.request,
    (cancelTarget) => send({ type: 'started', cancelTarget }),
    (rowsRead, rowsChecked) => send({ type: 'progress', rowsRead, rowsChecked }),
  ).then((response) => sendLast({ type: 'result', response }));
}

/** Electron's utilityProcess talks through `process.parentPort`; Node's fork through `process.send`. */
const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
if (parentPort) {
  parentPort.on('message', (event) =>
    handle(
      event.data as Incoming,
      (message) => parentPort.postMessage(message),
      (message) => {
        parentPort.postMessage(message);
        // Let the message leave before exiting; the parent kills us anyway once it has the answer.
        setTimeout(() => process.exit(0), 50);
      },
    ),
  );
} else {
  process.on('message', (message: Incoming) =>
    handle(
      message,
      (reply) => process.send?.(reply),
      (reply) => process.send?.(reply, () => process.exit(0)),
    ),
  );
  // The parent going away must not leave an orphan holding a database connection.
  process.on('disconnect', () => process.exit(0));
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
