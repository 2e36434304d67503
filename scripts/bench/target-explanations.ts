/**
 * Why a target can be missed on this design, for the targets a run reports as not met. These are
 * findings from profiling (issue 6), not measurements: the figures in the report are the
 * measurements, and an explanation is printed only beside a target the same run missed.
 */
const EXPLANATIONS: readonly { startsWith: string; text: string }[] = [
  {
    startsWith: 'Full validation vs',
    text:
      'The floor tools copy rows to /dev/null; the product also parses every value into a typed cell and checks ' +
      'every rule on every row. Profiles of 1,000,000 interval rows: starting the CLI and its driver process costs ' +
      '0.4-0.5 s on its own (a 1-row validation), about the whole psql or mysql floor; then about 0.3 µs a row ' +
      'for driver parsing and 0.6 µs a row in the validator, single-threaded. Already done: PostgreSQL rows ' +
      'come through COPY, mysql2 rows in batches from its row events, and time-zone offsets are cached. What ' +
      'remains would be validating in a worker thread beside the reading one (2 cores here), or parsing in native code.',
  },
  {
    startsWith: 'Full validation vs isql',
    text:
      'Over ODBC, node-odbc builds a JavaScript object per row on the main thread (about 6 s of native time per ' +
      'million rows in the profile); closing that gap needs an ODBC binding that returns rows as arrays. ' +
      'MariaDB Connector/ODBC loses rows fetched in blocks, so the product fetches it one row at a time: correct, ' +
      'but about 75 µs a row. The native MySQL/MariaDB connection is the fast path for MariaDB.',
  },
  {
    startsWith: 'First 200 validated rows',
    text:
      'A cold preview starts a driver process: Node itself (about 70 ms), the driver bundle (about 45 ms) and the ' +
      'driver library (45-60 ms; SQL Server 130-260 ms). Web mode and the desktop keep one started ahead while ' +
      'idle, so a warm preview pays only connect and query. Over SQLite3 ODBC and MariaDB ODBC a preview of 200 ' +
      'rows takes as long as reading the whole table: by that measurement, those drivers read the whole result ' +
      'before they return its first row.',
  },
  {
    startsWith: 'Driver process at',
    text:
      'Native paths stay flat. The SQLite3 ODBC driver reads the whole result into its own memory before the first ' +
      'fetch; that memory belongs to the driver library, outside anything the product controls.',
  },
  {
    startsWith: 'Main-process event-loop stall',
    text:
      'The main process does no per-row work (rows are validated in the driver process); the stall measured is ' +
      'wall-clock delay, which includes the OS running the driver process and the database on the same 2 cores.',
  },
  {
    startsWith: 'Grid frames',
    text:
      'The sweep scrolls from the first to the last of 100,000 rows in 3 s, so every frame renders a full page of ' +
      'new rows (about 40): the cost of rendering a row, not the number of rows. Wheel scrolling is measured too.',
  },
];

/** The explanation for a missed target, by the start of its name. */
export function explanationFor(target: string): string | undefined {
  // The most specific match wins ("Full validation vs isql" over "Full validation vs").
  return [...EXPLANATIONS]
    .sort((a, b) => b.startsWith.length - a.startsWith.length)
    .find((entry) => target.startsWith(entry.startsWith))?.text;
}
