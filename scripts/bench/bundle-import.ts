// Issue 10: a workspace bundle of 20,000 systems, imported the way web mode runs it.
//   npx tsx scripts/bench/bundle-import.ts [--systems 20000]
// For bundle.plan, bundle.import (into an empty workspace, then again with every name taken, so
// all are renamed) and the tree reload that follows each, it prints the wall time, the main event
// loop's longest stall, the peak RSS of the process (worker threads included), how many `app.info`
// calls another window got answered meanwhile, and what serialising the answer for the socket
// costs (web mode does that in one go). Then xlink.plan and xlink.import of an isps_ul.ini near
// its 2 MB limit (about 3,000 systems). The last rows run the bundle code on the main thread, as
// the import ran before it had a worker, for comparison; the first row is the machine's noise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createAppContext, type AppContext } from '../../src-main/app-context';
import { importBundle, planBundle } from '../../src-main/transfer/bundle';
import { largeBundleText } from './large-bundle';

const { values } = parseArgs({ options: { systems: { type: 'string', default: '20000' } } });
const SYSTEMS = Number(values.systems);
const PASSPHRASE = 'bench passphrase';
const PASSWORD_EVERY = 20;

/**
 * The main loop's longest stall and the peak RSS while `work` runs. A timer ticks every 2 ms and
 * keeps the longest gap between ticks; it also samples RSS. One more tick after the work catches
 * a stall that ended with it.
 */
async function watchMainLoop(work: () => Promise<unknown>) {
  let last = performance.now();
  let longest = 0;
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 2);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    clearInterval(timer);
  }
  return { maxStallMs: Math.round(longest), peakRssMb: Math.round(peakRss / 1024 / 1024) };
}

/** Another window asking `app.info` every 5 ms: how many answers it got, and its slowest wait. */
function otherWindow(context: AppContext) {
  let answered = 0;
  let slowest = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      await context.dispatch('app.info', {});
      slowest = Math.max(slowest, performance.now() - started);
      answered += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return async () => {
    running = false;
    await done;
    return { answered, slowestMs: Math.round(slowest) };
  };
}

async function measure(label: string, context: AppContext, work: () => Promise<unknown>) {
  const stop = otherWindow(context);
  const started = performance.now();
  let answer: unknown;
  const loop = await watchMainLoop(async () => {
    answer = await work();
  });
  const wallMs = Math.round(performance.now() - started);
  const other = await stop();
  const serialising = performance.now();
  const bytes = answer === undefined ? 0 : JSON.stringify(answer).length;
  const serialiseMs = Math.round(performance.now() - serialising);
  const cells = [
    label.padEnd(36),
    `${wallMs} ms`.padStart(9),
    `stall ${loop.maxStallMs} ms`.padStart(15),
    `peak RSS ${loop.peakRssMb} MB`.padStart(16),
    `app.info answered ${other.answered} (slowest ${other.slowestMs} ms)`.padEnd(38),
    bytes ? `answer ${(bytes / 1024 / 1024).toFixed(1)} MB, serialised in ${serialiseMs} ms` : '',
  ];
  process.stdout.write(`${cells.join('  ')}\n`);
}

async function call(context: AppContext, method: string, input: unknown): Promise<unknown> {
  const result = await context.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message.slice(0, 300)}`);
  return result;
}

/** The loop's stall while a worker only spins: what this machine's scheduling alone costs. */
const noiseFloor = () =>
  new Promise<void>((resolve) => {
    const spinner = new Worker('const end = Date.now() + 1500; while (Date.now() < end) {}', { eval: true });
    spinner.once('exit', () => resolve());
  });

/** An isps_ul.ini near the 2 MB limit: the E2E fixture's system section, repeated under new names. */
function largeXlinkIni(): Buffer {
  const fixture = fs.readFileSync(path.join(__dirname, '../../test/fixtures/e2e/xlink-sqlite.isps_ul.ini'), 'utf8');
  const section = fixture.slice(fixture.indexOf('[Xlink SQLite ACD]'));
  const parts = ['[General]\nLanguage = EN\n\n'];
  for (let length = 0, index = 0; length < 1.9 * 1024 * 1024; index += 1) {
    parts.push(`${section.replace('[Xlink SQLite ACD]', `[ACD ${index}]`)}\n`);
    length += section.length + 1;
  }
  return Buffer.from(parts.join(''));
}

async function main(): Promise<void> {
  const dataDirs: string[] = [];
  const open = () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-bench-bundle-'));
    dataDirs.push(dataDir);
    return createAppContext({ dataDir, seedDemo: false });
  };
  const content = largeBundleText({ systems: SYSTEMS, passphrase: PASSPHRASE, passwordEvery: PASSWORD_EVERY });
  const mb = (Buffer.byteLength(content) / 1024 / 1024).toFixed(2);
  process.stdout.write(
    `bundle: ${SYSTEMS} systems, ${SYSTEMS} integrations, ${Math.ceil(SYSTEMS / PASSWORD_EVERY)} encrypted ` +
      `passwords, ${mb} MB; node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}\n`,
  );
  const context = open();
  const inThread = open();
  try {
    const input = { content, passphrase: PASSPHRASE, resolutions: {}, passwords: {} };
    await measure('noise: a worker spinning 1.5 s', context, noiseFloor);
    await measure('bundle.plan (empty workspace)', context, () => call(context, 'bundle.plan', { content }));
    await measure('bundle.import (empty workspace)', context, () => call(context, 'bundle.import', input));
    await measure('workspace.tree (after it)', context, () => call(context, 'workspace.tree', {}));
    await measure('bundle.plan (every name taken)', context, () => call(context, 'bundle.plan', { content }));
    await measure('bundle.import (rename all)', context, () => call(context, 'bundle.import', input));
    await measure('workspace.tree (after it)', context, () => call(context, 'workspace.tree', {}));
    const iniBase64 = largeXlinkIni().toString('base64');
    const xlink = open();
    const xlinkInput = { iniBase64, resolutions: {}, passwords: {} };
    await measure('xlink.plan (1.9 MB isps_ul.ini)', xlink, () => call(xlink, 'xlink.plan', { iniBase64 }));
    await measure('xlink.import (1.9 MB isps_ul.ini)', xlink, () => call(xlink, 'xlink.import', xlinkInput));
    xlink.close();
    const { workspace } = inThread;
    await measure('in-thread plan (no worker)', inThread, async () => planBundle(workspace, content));
    await measure('in-thread import (no worker)', inThread, async () => importBundle(workspace, content, input));
  } finally {
    context.close();
    inThread.close();
    for (const dataDir of dataDirs) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
