import type { CellValue } from '../../src-shared/contract/api';
import type { CellFindings } from '../features/grid/ResultGrid';

/**
 * The columns a 15-minute interval preview shows, with the "(UTC)" column the preview adds
 * beside `timestamp`: the grid is measured on the shape it really renders.
 */
export const BENCH_COLUMNS = [
  'queueidentifier',
  'queuename',
  'timestamp',
  'timestamp (UTC)',
  'offered',
  'answered',
  'handlingtime',
  'channel',
];

const QUEUES = ['SALES_NL', 'SALES_FR', 'SUPPORT_NL', 'SUPPORT_FR', 'BILLING', 'RETENTION', 'VIP'];
const CHANNELS = ['calls', 'chats', 'emails', 'social_media'];
const INTERVAL_MS = 15 * 60 * 1000;
// Brussels in winter: the UTC column is one hour behind the naive database time.
const START_LOCAL_MS = Date.UTC(2025, 0, 6, 8, 0, 0);
const UTC_OFFSET_MS = 60 * 60 * 1000;

/** Deterministic pseudo-random numbers (mulberry32), so every run scrolls the same rows. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` interval rows with the mix a real preview has: every queue and channel, some NULL
 * handling times and a few rows a validator would flag.
 */
export function generateBenchRows(count: number, seed = 42): CellValue[][] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`row count must be a whole number >= 0, not ${count}`);
  const random = seededRandom(seed);
  const rows: CellValue[][] = new Array<CellValue[]>(count);
  for (let index = 0; index < count; index++) {
    const queue = QUEUES[index % QUEUES.length] ?? 'SALES_NL';
    const localMs = START_LOCAL_MS + Math.floor(index / QUEUES.length) * INTERVAL_MS;
    const offered = Math.floor(random() * 120);
    const answered = Math.max(0, offered - Math.floor(random() * 10));
    rows[index] = [
      queue,
      `${queue.replace('_', ' ').toLowerCase()} queue`,
      naiveTimestamp(localMs),
      new Date(localMs - UTC_OFFSET_MS).toISOString(),
      offered,
      answered,
      random() < 0.02 ? null : answered * (120 + Math.floor(random() * 300)),
      CHANNELS[Math.floor(random() * CHANNELS.length)] ?? 'calls',
    ];
  }
  return rows;
}

/** Findings on every `every`-th row (1-based keys, as the preview builds them). */
export function benchFindings(count: number, every = 97): Map<string, CellFindings> {
  const findings = new Map<string, CellFindings>();
  for (let row = every; row <= count; row += every) {
    findings.set(`${row}:6`, { severity: 'error', messages: ['answered must not exceed offered'] });
    if (row % (every * 3) === 0) findings.set(`${row}:0`, { severity: 'warning', messages: ['duplicate key'] });
  }
  return findings;
}

function naiveTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
