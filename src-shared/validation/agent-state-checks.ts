/**
 * Checks of agent-state rows. Per-agent state is kept in maps bounded by the number of agents
 * (MAX_TRACKED_KEYS at most), never by the number of rows.
 */
import {
  type Cell,
  type CheckContext,
  type CheckFactory,
  MAX_TRACKED_KEYS,
  quoted,
  textCell,
  timeCell,
} from './check-types';
import { formatWallClock } from './parse-timestamp';
import type { CheckRule } from './rule-set-types';

type Rule<K extends CheckRule['id']> = Extract<CheckRule, { id: K }>;

const HOUR = 3_600_000;

function local(context: CheckContext, epochMs: number): string {
  return formatWallClock(epochMs + context.clock.offsetAt(epochMs) * 60_000);
}

export const endBeforeStart: CheckFactory<Rule<'end-before-start'>> = (rule, context) => {
  const startSlot = context.slot(rule.start);
  const endSlot = context.slot(rule.end);
  return {
    row(cells, row) {
      const start = timeCell(cells, startSlot);
      const end = timeCell(cells, endSlot);
      if (start === undefined || end === undefined || end.epochMs >= start.epochMs) return;
      context.emit(
        'end-before-start',
        row,
        endSlot,
        `${rule.end} ${formatWallClock(end.wallMs)} is before ${rule.start} ${formatWallClock(start.wallMs)}. ` +
          `Take both from the same state record, in the same time zone.`,
      );
    },
  };
};

export const staleOpenState: CheckFactory<Rule<'stale-open-state'>> = (rule, context) => {
  const startSlot = context.slot(rule.start);
  const endSlot = context.slot(rule.end);
  const endPresent = context.present(rule.end);
  const cutoff = context.nowMs - rule.maxOpenHours * HOUR;
  return {
    row(cells, row) {
      const start = timeCell(cells, startSlot);
      if (!endPresent || cells[endSlot] !== null || start === undefined || start.epochMs >= cutoff) return;
      context.emit(
        'stale-open-state',
        row,
        endSlot,
        `${rule.end} is empty, so the state that started at ${formatWallClock(start.wallMs)} is still ongoing ` +
          `after more than ${rule.maxOpenHours} hours. Reconciliation only re-reads the last ` +
          `${rule.maxOpenHours} hours: if the agent forgot to clock out, correct the end time in the source.`,
      );
    },
  };
};

interface AgentTrack {
  lastStart: number;
  lastEnd: number;
  lastRow: number;
  maxEnd: number;
  maxEndStart: number;
  maxEndRow: number;
}

/**
 * Sort-free overlap check: for rows ordered by start time per agent, a state overlaps an earlier
 * one exactly when it starts before the latest end seen for that agent. When the first row out of
 * order appears, one 'unordered-states' info says so and the check falls back to comparing each
 * state with the agent's previous row only (cheap, but it can miss overlaps further back).
 * An empty end time means the state is ongoing, so it overlaps any later state of that agent.
 *
 * Only valid states are remembered (RowCheck.comparesRows): an export leaves invalid rows out, so
 * a state they do not write must not make a written one "overlapping". A start or end in a DST
 * gap is the case in point: it is an error, read an hour off, and would otherwise overlap the
 * genuine state next to it and cost that state too. An invalid state is still compared with the
 * remembered ones, but changes nothing: not the per-agent track, nor the switch to unordered mode.
 */
export const overlappingStates: CheckFactory<Rule<'overlapping-states'>> = (rule, context) => {
  const agentSlot = context.slot(rule.agent);
  const startSlot = context.slot(rule.start);
  const endSlot = context.slot(rule.end);
  // Without an end column, each state ends when the next starts: nothing can overlap.
  if (!context.present(rule.end)) return { row() {} };
  const agents = new Map<string, AgentTrack>();
  let unordered = false;

  const endOf = (cells: readonly Cell[], start: number): number => {
    if (cells[endSlot] === null) return Number.POSITIVE_INFINITY;
    const end = timeCell(cells, endSlot);
    // A wrongly typed or backwards end is reported elsewhere; treat the state as instantaneous.
    return end === undefined || end.epochMs < start ? start : end.epochMs;
  };

  const until = (end: number): string => (end === Number.POSITIVE_INFINITY ? 'still open' : local(context, end));

  return {
    comparesRows: true,
    row(cells, row, valid) {
      const agent = textCell(cells, agentSlot);
      const startCell = timeCell(cells, startSlot);
      if (agent === undefined || startCell === undefined) return;
      const start = startCell.epochMs;
      const end = endOf(cells, start);
      const track = agents.get(agent);
      if (track === undefined) {
        if (!valid) return;
        if (agents.size >= MAX_TRACKED_KEYS) context.limitReached(agentSlot, 'agents');
        else
          agents.set(agent, {
            lastStart: start,
            lastEnd: end,
            lastRow: row,
            maxEnd: end,
            maxEndStart: start,
            maxEndRow: row,
          });
        return;
      }
      const outOfOrder = start < track.lastStart;
      if (valid && !unordered && outOfOrder) {
        unordered = true;
        context.emit(
          'unordered-states',
          row,
          startSlot,
          `States of ${rule.agent} ${quoted(agent)} are not ordered by ${rule.start} (this row starts before row ` +
            `${track.lastRow}). Overlaps are now only checked against each agent's previous row; add ` +
            `ORDER BY ${rule.start} to the query for a complete check.`,
        );
      }
      // An invalid row out of order does not switch the mode, but is compared the unordered way:
      // the latest end says nothing about a state that starts before the previous one.
      const other =
        unordered || outOfOrder
          ? start < track.lastEnd && end > track.lastStart
            ? { row: track.lastRow, start: track.lastStart, end: track.lastEnd }
            : undefined
          : start < track.maxEnd
            ? { row: track.maxEndRow, start: track.maxEndStart, end: track.maxEnd }
            : undefined;
      if (other !== undefined) {
        context.emit(
          'overlapping-states',
          row,
          startSlot,
          `This state of ${rule.agent} ${quoted(agent)} starts at ${local(context, start)}, while the state of row ` +
            `${other.row} (${local(context, other.start)} – ${until(other.end)}) has not ended. An agent is in ` +
            `one state at a time: end the earlier state no later than this one starts.`,
        );
        // Now an error: the export leaves this state out, so later states are not measured against it.
        return;
      }
      if (!valid) return;
      track.lastStart = start;
      track.lastEnd = end;
      track.lastRow = row;
      if (end > track.maxEnd) {
        track.maxEnd = end;
        track.maxEndStart = start;
        track.maxEndRow = row;
      }
    },
  };
};

/** Spelling, case and spaces matter to the WFM system: "Agent 1" and "agent  1" are two agents. */
export const agentIdVariant: CheckFactory<Rule<'agent-id-variant'>> = (rule, context) => {
  const slot = context.slot(rule.column);
  const seen = new Set<string>();
  const firstSpelling = new Map<string, { id: string; row: number }>();
  return {
    row(cells, row) {
      const id = textCell(cells, slot);
      if (id === undefined || seen.has(id)) return;
      if (seen.size >= MAX_TRACKED_KEYS) {
        context.limitReached(slot, 'agent identifiers');
        return;
      }
      seen.add(id);
      const key = id.toLowerCase().replace(/\s+/gu, '');
      const first = firstSpelling.get(key);
      if (first === undefined) {
        firstSpelling.set(key, { id, row });
        return;
      }
      context.emit(
        'agent-id-variant',
        row,
        slot,
        `${rule.column} ${quoted(id)} differs from ${quoted(first.id)} (row ${first.row}) only by case or spaces. ` +
          `The WFM system matches identifiers exactly, so these are two agents: use one spelling ` +
          `(fix the source, or normalise it in the query).`,
      );
    },
  };
};
