// The web-mode UI benchmark (issue 6): time until the tree is interactive, JavaScript loaded
// before the editor opens, and grid frame times over 100,000 rows, in Debian's Chromium.
//   node scripts/bench/ui-bench.mjs [--runs N] [--out FILE] [--smoke] [--no-build] [--screenshots DIR]
// prints one JSON object on stdout; progress goes to stderr. The work is in ./ui/ (TypeScript,
// loaded through tsx so it is type-checked and unit-tested with the rest of the code).
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./ui/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
