// Entry point of the driver process: receives one request over IPC, answers once, exits.
// A crash, hang or memory flood here costs the main process one error message, nothing more.
import { FAULTS_ENV, type DriverFault, type DriverRequest } from './protocol';
import { runOperation } from './run-operation';

process.on('message', (message: { request: DriverRequest; fault?: DriverFault }) => {
  if (process.env[FAULTS_ENV] === '1' && message.fault) injectFault(message.fault);
  void runOperation(message.request).then((response) => {
    process.send?.(response, () => process.exit(0));
  });
});

// The parent going away must not leave an orphan holding a database connection.
process.on('disconnect', () => process.exit(0));

function injectFault(fault: DriverFault): void {
  if (fault === 'crash') process.kill(process.pid, 'SIGSEGV');
  if (fault === 'hang') for (;;); // a native call that never returns blocks the event loop like this
  if (fault === 'flood') {
    const hoard: string[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill('x'.repeat(16)));
  }
}
