import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_QUERIES } from '../../src-main/demo/demo-queries';
import { TEST_NOW } from '../support/clock';
import { generateDemoDatabase } from '../../src-main/demo/generate-demo-database';
import { cleanLeftovers, TEMP_SUFFIX } from '../../src-main/files/atomic-file';
import { finished, onStdoutLine, REPO_ROOT, useChildProcesses } from '../support/child-process';
import { EXPORT_FILE, PAYLOAD_FILE, parsePayload } from '../support/export-kill-names';
import { makeTempDir, useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs('acd-export-kill-');
const spawnChild = useChildProcesses();
const CHILD_SOURCE = path.join(REPO_ROOT, 'test', 'support', 'export-kill-child.ts');
/**
 * Kills at seeded random moments; 12 cover the three kinds of moment several times each. For a
 * longer hunt, ACD_KILL_ROUNDS=200 (with ACD_KILL_SEED to replay one) runs more.
 */
const ROUNDS = Number(process.env.ACD_KILL_ROUNDS ?? 12);

const demoDir = makeTempDir('acd-export-kill-demo-');
afterAll(() => demoDir.remove());
const demoFile = demoDir.join('demo.sqlite');
const childBundle = demoDir.join('export-kill-child.cjs');
let contactRows = 0;

beforeAll(async () => {
  // Bundled like the product's driver process, so each of the many children starts in a blink.
  await build({
    entryPoints: [CHILD_SOURCE],
    outfile: childBundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'pg', 'pg-cursor', 'pg-native', 'mysql2', 'tedious', 'odbc'],
    logLevel: 'warning',
  });
  generateDemoDatabase(demoFile, { now: TEST_NOW });
  const db = new Database(demoFile, { readonly: true });
  contactRows = (db.prepare(`SELECT count(*) AS n FROM (${DEMO_QUERIES.contact}\n)`).get() as { n: number }).n;
  db.close();
});

/** mulberry32: small seeded PRNG, so a failing run can be replayed with ACD_KILL_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type KillAt = { on: 'begin'; count: number } | { on: 'progress' } | { on: 'time'; ms: number };

interface Round {
  lines: string[];
  pid: number;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The temp file the child had open for a streamed payload when it was killed, if any. */
  openStreamTemp: string | undefined;
}

async function runAndKill(dir: string, round: number, killAt: KillAt): Promise<Round> {
  // The bundle sits in a temp folder: its external packages come from the repository's node_modules.
  const child = spawnChild(process.execPath, [childBundle, dir, demoFile, String(round)], {
    env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') },
  });
  const lines: string[] = [];
  let begins = 0;
  let openStreamTemp: string | undefined;
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const done = finished(child);
  onStdoutLine(child, (line) => {
    lines.push(line);
    const [event, kind, , stream, temp] = line.split(' ');
    if (event === 'begin') {
      begins += 1;
      openStreamTemp = stream === 'stream' ? temp : undefined;
    }
    if (event === 'commit' && kind === 'payload') openStreamTemp = undefined;
    if (killAt.on === 'begin' && event === 'begin' && begins === killAt.count) kill();
    if (killAt.on === 'progress' && event === 'progress') kill();
    if (killAt.on === 'time' && event === 'ready') setTimeout(kill, killAt.ms);
  });
  const { signal, stderr } = await done;
  return { lines, pid: child.pid ?? -1, signal, stderr, openStreamTemp };
}

const tempFilesIn = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith(TEMP_SUFFIX));

/** Every line a complete contact event; as many as the query returns. */
function checkExport(file: string, where: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), `${where}: the export ends with a line end`).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  expect(lines.length, where).toBe(contactRows);
  const torn = lines.findIndex((line) => {
    try {
      const event = JSON.parse(line) as {
        queueIdentifier: unknown;
        timestamp: unknown;
        properties: { handled: unknown };
      };
      return !(
        typeof event.queueIdentifier === 'string' &&
        typeof event.timestamp === 'string' &&
        typeof event.properties.handled === 'boolean'
      );
    } catch {
      return true;
    }
  });
  expect(torn, `${where}: line ${torn + 1} of the export is not a complete contact event`).toBe(-1);
}

describe('kill -9 during atomic writes and row exports', () => {
  it(`leaves the old or the new file, never a torn one, over ${ROUNDS} kills; cleanLeftovers removes the rest`, async () => {
    const seed = Number(process.env.ACD_KILL_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const context = `seed ${seed} (replay with ACD_KILL_SEED=${seed})`;
    const dir = tempDir();
    const payloadFile = dir.join(PAYLOAD_FILE);
    const exportFile = dir.join(EXPORT_FILE);
    const begunPayloads = new Set<number>();
    let lastCommittedPayload = 0;
    let exportCommits = 0;
    let interruptedStreams = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const pick = random();
      const killAt: KillAt =
        pick < 0.35
          ? { on: 'begin', count: 1 + Math.floor(random() * 4) }
          : pick < 0.55
            ? { on: 'progress' }
            : { on: 'time', ms: Math.floor(random() * 2000) };
      const where = `${context}, round ${round}, kill on ${JSON.stringify(killAt)}`;
      const outcome = await runAndKill(dir.path, round, killAt);
      expect(outcome.stderr, `${where}: the child failed`).toBe('');
      expect(outcome.signal, `${where}: the child ended on its own`).toBe('SIGKILL');
      for (const line of outcome.lines) {
        const [event, kind, version] = line.split(' ');
        if (event === 'begin' && kind === 'payload') begunPayloads.add(Number(version));
        if (event === 'commit' && kind === 'payload')
          lastCommittedPayload = Math.max(lastCommittedPayload, Number(version));
        if (event === 'commit' && kind === 'export') exportCommits += 1;
      }

      if (fs.existsSync(payloadFile)) {
        const version = parsePayload(fs.readFileSync(payloadFile, 'utf8'));
        expect(begunPayloads.has(version), `${where}: payload ${version} was never begun`).toBe(true);
        expect(version, `${where}: an acknowledged payload was lost`).toBeGreaterThanOrEqual(lastCommittedPayload);
      } else {
        expect(lastCommittedPayload, `${where}: the payload vanished after a commit`).toBe(0);
      }
      if (fs.existsSync(exportFile)) checkExport(exportFile, where);
      else expect(exportCommits, `${where}: the export vanished after a commit`).toBe(0);

      // A kill during a streamed payload leaves that write's temp file behind, with the dead pid in its name.
      if (outcome.openStreamTemp !== undefined) {
        expect(tempFilesIn(dir.path), where).toContain(outcome.openStreamTemp);
        expect(outcome.openStreamTemp).toContain(`.${outcome.pid}.`);
        interruptedStreams += 1;
      }
    }

    expect(lastCommittedPayload, `${context}: no payload was ever committed`).toBeGreaterThan(0);
    expect(exportCommits, `${context}: no export was ever committed`).toBeGreaterThan(0);
    expect(interruptedStreams, `${context}: no kill landed in a streamed write`).toBeGreaterThan(0);
    const leftovers = tempFilesIn(dir.path);
    expect(leftovers.length).toBeGreaterThanOrEqual(interruptedStreams);
    expect(cleanLeftovers(dir.path)).toBe(leftovers.length);
    expect(fs.readdirSync(dir.path).sort()).toEqual([EXPORT_FILE, PAYLOAD_FILE]);
    parsePayload(fs.readFileSync(payloadFile, 'utf8'));
    checkExport(exportFile, context);
    console.log(
      `kill -9: ${ROUNDS} kills, ${interruptedStreams} inside a streamed write, ${leftovers.length} temp files cleaned (${context})`,
    );
  }, 300_000);
});
