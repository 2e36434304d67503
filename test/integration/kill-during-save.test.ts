import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkspaceFile } from '../../src-main/data-dir';
import { openStore } from '../../src-main/store/open-store';
import { finished, onStdoutLine, REPO_ROOT, useChildProcesses } from '../support/child-process';
import { DURABILITY_SYSTEM, LATEST_INTEGRATION, saveName } from '../support/save-loop-names';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs('acd-kill-');
const spawnChild = useChildProcesses();
const CHILD = path.join(REPO_ROOT, 'test', 'support', 'save-loop-child.ts');
const ROUNDS = 10;

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

interface RoundOutcome {
  acked: number[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the child until it has acknowledged `killAfter` saves (0: as soon as it is ready), then SIGKILLs it. */
async function runAndKill(dataDir: string, round: number, killAfter: number): Promise<RoundOutcome> {
  const child = spawnChild(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(round)]);
  const acked: number[] = [];
  const done = finished(child);
  onStdoutLine(child, (line) => {
    const ack = /^ack (\d+)$/.exec(line);
    if (ack) acked.push(Number(ack[1]));
    const reached = ack ? acked.length >= killAfter : line === 'ready' && killAfter === 0;
    if (reached && child.signalCode === null && child.exitCode === null) child.kill('SIGKILL');
  });
  const { signal, stderr } = await done;
  return { acked, signal, stderr };
}

describe('a save survives the process being killed (SIGKILL) right after it was acknowledged', () => {
  it(`keeps the store intact and every acknowledged save over ${ROUNDS} kills`, async () => {
    const seed = Number(process.env.ACD_KILL_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const dir = tempDir();
    const file = defaultWorkspaceFile(dir.path);
    const context = `seed ${seed} (replay with ACD_KILL_SEED=${seed})`;
    const allAcked = new Map<number, number[]>();

    for (let round = 1; round <= ROUNDS; round += 1) {
      // Round 1 kills as soon as the store is open; the others after 1–40 acknowledged saves.
      const killAfter = round === 1 ? 0 : 1 + Math.floor(random() * 40);
      const outcome = await runAndKill(dir.path, round, killAfter);
      expect(outcome.stderr, `${context}, round ${round}: the child failed`).toBe('');
      expect(outcome.signal, `${context}, round ${round}: the child ended on its own`).toBe('SIGKILL');
      expect(outcome.acked.length, `${context}, round ${round}`).toBeGreaterThanOrEqual(killAfter);
      expect(outcome.acked, 'acks are consecutive from 1').toEqual(outcome.acked.map((_, index) => index + 1));
      allAcked.set(round, outcome.acked);

      const db = openStore(file);
      try {
        expect(db.pragma('integrity_check', { simple: true }), `${context}, round ${round}`).toBe('ok');
        expect(db.pragma('foreign_key_check'), `${context}, round ${round}`).toEqual([]);
        const system = db.prepare('SELECT id FROM systems WHERE name = ?').get(DURABILITY_SYSTEM) as
          { id: number } | undefined;
        expect(system, `${context}, round ${round}`).toBeDefined();
        const names = new Set(
          (db.prepare('SELECT name FROM integrations WHERE system_id = ?').all(system?.id) as { name: string }[]).map(
            (row) => row.name,
          ),
        );
        for (const [ackedRound, acks] of allAcked) {
          const missing = acks.filter((n) => !names.has(saveName(ackedRound, n)));
          expect(missing, `${context}: acknowledged saves of round ${ackedRound} missing after round ${round}`).toEqual(
            [],
          );
        }
        const latest = db.prepare('SELECT sql_text FROM integrations WHERE name = ?').get(LATEST_INTEGRATION) as
          { sql_text: string } | undefined;
        const lastAck = outcome.acked.at(-1);
        if (lastAck !== undefined) {
          const [latestRound, latestN] = (latest?.sql_text ?? '0:0').split(':').map(Number);
          expect(latestRound, `${context}, round ${round}: the last acknowledged update was lost`).toBe(round);
          expect(latestN ?? 0, `${context}, round ${round}`).toBeGreaterThanOrEqual(lastAck);
        }
      } finally {
        db.close();
      }
    }
    const totalAcked = [...allAcked.values()].reduce((sum, acks) => sum + acks.length, 0);
    expect(totalAcked, context).toBeGreaterThanOrEqual(ROUNDS - 1);
  }, 60_000);
});
