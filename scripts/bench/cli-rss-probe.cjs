'use strict';
// Loaded with `node --require` into the product CLI process only (the driver process it forks gets
// its own execArgv): on exit, it appends this process's own peak RSS to the file named by
// ACD_BENCH_RSS_FILE, so the harness can report the CLI's memory apart from the driver's.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a `node --require` preload is CommonJS
const fs = require('node:fs');
const target = process.env.ACD_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    fs.appendFileSync(target, JSON.stringify({ pid: process.pid, maxRssMb }) + '\n');
  });
}
