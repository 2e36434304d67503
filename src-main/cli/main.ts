import { runCli } from './run-cli';

/** The exit code of a process ended by a signal, as shells report it (128 + its number). */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

// Ctrl+C or a service manager's SIGTERM: the running query is cancelled on the server and its
// driver process ended before the CLI exits, so nothing keeps running for nobody. A second
// signal exits at once (the driver process then notices it is orphaned and cancels by itself).
const stop = new AbortController();
let stoppedBy: keyof typeof SIGNAL_EXIT | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppedBy !== undefined) process.exit(SIGNAL_EXIT[signal]);
    stoppedBy = signal;
    process.stderr.write(`acd-link: ${signal}: stopping; the running query is cancelled on the server.\n`);
    stop.abort();
  });
}

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  signal: stop.signal,
}).then((code) => {
  process.exitCode = stoppedBy === undefined ? code : SIGNAL_EXIT[stoppedBy];
});
