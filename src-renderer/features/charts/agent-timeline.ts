import type { CellValue } from '../../../src-shared/contract/api';
import { locateColumns, toKey } from './columns';
import { parseNaiveTimestamp } from './naive-time';

export interface AgentTimelineInput {
  columns: string[];
  rows: CellValue[][];
  /** "Now" on the wall-clock axis (naive-time.ts wallClockNow): where ongoing states end. */
  now: number;
}

export interface StateSegment {
  /** Wall-clock seconds. */
  start: number;
  end: number;
  activity: string;
  /** No end time yet: drawn up to `now`. */
  ongoing: boolean;
  /** 1-based row of the result, as the findings count rows. */
  row: number;
}

export interface AgentTrack {
  agentId: string;
  segments: StateSegment[];
}

export interface ActivityColour {
  activity: string;
  colour: string;
}

export type AgentTimelineData =
  | {
      ok: true;
      agents: AgentTrack[];
      activities: ActivityColour[];
      start: number;
      end: number;
      /** Rows not drawn: no agent, activity or start, an unreadable end, or an end before the start. */
      invalidRows: number;
    }
  | { ok: false; reason: 'missing-columns'; missing: string[] }
  | { ok: false; reason: 'no-data' };

const REQUIRED = ['agentidentifier', 'starttime', 'activity'] as const;
// endtime is optional in the contract; without the column every state is still ongoing.
const OPTIONAL = ['endtime'] as const;

/**
 * Agent-state rows → one track per agent with its states in time order. Identifiers are kept
 * exactly as written (case and spaces matter to the WFM system), so 'A1' and 'a1 ' are two
 * tracks, which is what makes such a mistake visible.
 */
export function buildAgentTimeline(input: AgentTimelineInput): AgentTimelineData {
  const located = locateColumns(input.columns, REQUIRED, OPTIONAL);
  if (!located.ok) return { ok: false, reason: 'missing-columns', missing: located.missing };
  const col = located.index;
  const tracks = new Map<string, StateSegment[]>();
  const activities = new Set<string>();
  let invalidRows = 0;
  let start = Infinity;
  let end = -Infinity;

  input.rows.forEach((row, index) => {
    const agentId = toKey(row[col.agentidentifier]);
    const activity = toKey(row[col.activity]);
    const from = parseNaiveTimestamp(row[col.starttime] ?? null);
    const endCell = col.endtime >= 0 ? (row[col.endtime] ?? null) : null;
    const ongoing = endCell === null || (typeof endCell === 'string' && endCell.trim() === '');
    const to = ongoing ? Math.max(input.now, from ?? input.now) : parseNaiveTimestamp(endCell);
    if (agentId === null || activity === null || from === null || to === null || to < from) {
      invalidRows++;
      return;
    }
    const segments = tracks.get(agentId) ?? [];
    segments.push({ start: from, end: to, activity, ongoing, row: index + 1 });
    tracks.set(agentId, segments);
    activities.add(activity);
    start = Math.min(start, from);
    end = Math.max(end, to);
  });

  if (tracks.size === 0) return { ok: false, reason: 'no-data' };
  // Code-unit order, not locale order: deterministic, and case variants sort apart.
  const agents = [...tracks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([agentId, segments]) => ({ agentId, segments: segments.sort((a, b) => a.start - b.start || a.row - b.row) }));
  const colours = activityColours([...activities]);
  const palette = [...colours].map(([activity, colour]) => ({ activity, colour }));
  return { ok: true, agents, activities: palette, start, end, invalidRows };
}

// Tableau 10 plus two: a palette designed so neighbouring categories are easy to tell apart.
export const ACTIVITY_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#bab0ac',
  '#2f4b7c',
  '#a05195',
];

/**
 * A colour per activity, chosen by a hash of its name so 'Break' keeps its colour from one
 * preview to the next whatever else the rows contain. Two names with the same slot would be
 * indistinguishable, so the later one (in name order) takes the next free slot; beyond the
 * palette, a hue from the hash. Same set of activities → same colours, always.
 */
export function activityColours(activities: string[]): Map<string, string> {
  const colours = new Map<string, string>();
  const taken = new Set<number>();
  for (const activity of [...new Set(activities)].sort()) {
    const hash = hashName(activity);
    let slot = -1;
    for (let probe = 0; probe < ACTIVITY_PALETTE.length && slot < 0; probe++) {
      const candidate = (hash + probe) % ACTIVITY_PALETTE.length;
      if (!taken.has(candidate)) slot = candidate;
    }
    if (slot >= 0) taken.add(slot);
    colours.set(activity, slot >= 0 ? ACTIVITY_PALETTE[slot]! : `hsl(${hash % 360} 55% 45%)`);
  }
  return colours;
}

/** FNV-1a: a small, stable string hash (the same in every browser and run). */
function hashName(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
