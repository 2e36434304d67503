import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_PALETTE,
  activityColours,
  buildAgentTimeline,
  type AgentTimelineData,
} from '../../../src-renderer/features/charts/agent-timeline';
import { formatNaive, parseNaiveTimestamp } from '../../../src-renderer/features/charts/naive-time';

const columns = ['agentidentifier', 'starttime', 'endtime', 'activity'];
const now = parseNaiveTimestamp('2024-05-01 12:00:00')!;

function ok(data: AgentTimelineData) {
  if (!data.ok) throw new Error(`expected a timeline, got ${JSON.stringify(data)}`);
  return data;
}

describe('buildAgentTimeline', () => {
  it('builds each agent’s segments in time order, keeping the result row', () => {
    const data = ok(
      buildAgentTimeline({
        columns,
        rows: [
          ['A2', '2024-05-01 09:00:00', '2024-05-01 10:00:00', 'Calls'],
          ['A1', '2024-05-01 10:00:00', '2024-05-01 10:15:00', 'Break'],
          ['A1', '2024-05-01 08:00:00', '2024-05-01 10:00:00', 'Calls'],
        ],
        now,
      }),
    );
    expect(data.agents.map((agent) => agent.agentId)).toEqual(['A1', 'A2']);
    expect(data.agents[0]?.segments.map((s) => [s.activity, formatNaive(s.start), formatNaive(s.end), s.row])).toEqual([
      ['Calls', '2024-05-01 08:00', '2024-05-01 10:00', 3],
      ['Break', '2024-05-01 10:00', '2024-05-01 10:15', 2],
    ]);
    expect(formatNaive(data.start)).toBe('2024-05-01 08:00');
    expect(formatNaive(data.end)).toBe('2024-05-01 10:15');
    expect(data.activities.map((a) => a.activity)).toEqual(['Break', 'Calls']);
  });

  it('extends an ongoing state (empty or null end) to now and marks it ongoing', () => {
    const data = ok(
      buildAgentTimeline({
        columns,
        rows: [
          ['A1', '2024-05-01 11:00:00', null, 'Calls'],
          ['A2', '2024-05-01 11:30:00', '', 'Chat'],
          ['A3', '2024-05-01 11:45:00', '2024-05-01 11:50:00', 'Calls'],
        ],
        now,
      }),
    );
    const [a1, a2, a3] = data.agents.map((agent) => agent.segments[0]!);
    expect(a1).toMatchObject({ ongoing: true, end: now });
    expect(a2).toMatchObject({ ongoing: true, end: now });
    expect(a3?.ongoing).toBe(false);
    expect(data.end).toBe(now);
  });

  it('draws an ongoing state that starts after now as a zero-length mark, not a negative one', () => {
    const data = ok(buildAgentTimeline({ columns, rows: [['A1', '2024-05-01 13:00:00', null, 'Calls']], now }));
    const segment = data.agents[0]!.segments[0]!;
    expect(segment.end).toBe(segment.start);
  });

  it('treats every state as ongoing when the optional endtime column is absent', () => {
    const data = ok(
      buildAgentTimeline({
        columns: ['AgentIdentifier', 'StartTime', 'Activity'],
        rows: [['A1', '2024-05-01 11:00:00', 'Calls']],
        now,
      }),
    );
    expect(data.agents[0]?.segments[0]).toMatchObject({ ongoing: true, end: now });
  });

  it('keeps identifiers exactly, so case and space variants are separate tracks', () => {
    const data = ok(
      buildAgentTimeline({
        columns: ['AGENTIDENTIFIER', 'starttime', 'EndTime', 'Activity'],
        rows: [
          ['a1', '2024-05-01 09:00:00', '2024-05-01 10:00:00', 'Calls'],
          ['A1 ', '2024-05-01 09:00:00', '2024-05-01 10:00:00', 'Calls'],
          ['A1', '2024-05-01 09:00:00', '2024-05-01 10:00:00', 'Calls'],
        ],
        now,
      }),
    );
    expect(data.agents.map((agent) => agent.agentId)).toEqual(['A1', 'A1 ', 'a1']);
  });

  it('counts rows it cannot draw instead of failing', () => {
    const data = ok(
      buildAgentTimeline({
        columns,
        rows: [
          ['A1', '2024-05-01 10:00:00', '2024-05-01 09:00:00', 'Calls'], // ends before it starts
          ['A1', 'soon', null, 'Calls'],
          ['A1', '2024-05-01 10:00:00', 'later', 'Calls'],
          [null, '2024-05-01 10:00:00', null, 'Calls'],
          ['A1', '2024-05-01 10:00:00', null, null],
          ['A1', '2024-05-01 10:00:00', '2024-05-01 10:30:00', 'Calls'],
        ],
        now,
      }),
    );
    expect(data.invalidRows).toBe(5);
    expect(data.agents[0]?.segments).toHaveLength(1);
  });

  it('says which columns are missing, and when there is nothing to draw', () => {
    expect(buildAgentTimeline({ columns: ['agentidentifier', 'endtime'], rows: [], now })).toEqual({
      ok: false,
      reason: 'missing-columns',
      missing: ['starttime', 'activity'],
    });
    expect(buildAgentTimeline({ columns, rows: [], now })).toEqual({ ok: false, reason: 'no-data' });
  });

  it('gives an activity the same colour whatever else is in the result, unless two would clash', () => {
    const alone = activityColours(['Break']);
    const withOthers = activityColours(['Calls', 'Break', 'Lunch']);
    // 'Break' sorts first, so it always keeps its own slot.
    expect(withOthers.get('Break')).toBe(alone.get('Break'));
    expect(activityColours(['Lunch', 'Calls', 'Break'])).toEqual(withOthers);
  });

  it('keeps up to a palette of activities apart, then falls back to hues', () => {
    const names = Array.from({ length: ACTIVITY_PALETTE.length }, (_, index) => `Activity ${index}`);
    const colours = activityColours(names);
    expect(new Set(colours.values()).size).toBe(ACTIVITY_PALETTE.length);
    expect([...colours.values()].every((colour) => ACTIVITY_PALETTE.includes(colour))).toBe(true);
    expect(activityColours([...names, 'One more']).get('One more')).toMatch(/^hsl\(\d+ 55% 45%\)$/);
  });

  it('lists the activities with their colours', () => {
    const data = ok(
      buildAgentTimeline({
        columns,
        rows: [
          ['A1', '2024-05-01 08:00:00', null, 'Calls'],
          ['A1', '2024-05-01 07:00:00', '2024-05-01 08:00:00', 'Admin'],
        ],
        now,
      }),
    );
    expect(data.activities).toEqual([
      { activity: 'Admin', colour: activityColours(['Admin', 'Calls']).get('Admin') },
      { activity: 'Calls', colour: activityColours(['Admin', 'Calls']).get('Calls') },
    ]);
  });
});
