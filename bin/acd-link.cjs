#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` (also run by `npm install` through "prepare").
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'out', 'node', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('acd-link: the CLI is not built yet; run "npm run build" in ' + path.dirname(__dirname) + '\n');
  process.exit(1);
}
require(bundle);
