/**
 * fast-check arbitraries: results that are valid by construction for each import type, in the
 * representations drivers use (naive text, ISO with offset, Date; numbers, numeric text, bigint),
 * and arbitrary driver values for robustness properties.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { ImportType } from '../../../src-shared/contract/model';
import { CHANNELS } from '../../../src-shared/validation/rule-sets';
import type { ResultSet } from './fixtures';

/** Zones with DST north and south, a half-hour offset and a half-hour DST shift (Lord Howe). */
export const ZONES = ['UTC', 'Europe/Brussels', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];

/** January 2026 has no DST change in any of ZONES, so every wall time exists exactly once. */
const JANUARY = Date.UTC(2026, 0, 1);
export const AFTER_JANUARY = new Date('2026-02-15T00:00:00Z');

export type TimeForm = 'naive' | 'naive-t' | 'offset' | 'date';
export type NumberForm = 'number' | 'text' | 'bigint';

const timeForm = fc.constantFrom<TimeForm>('naive', 'naive-t', 'offset', 'date');
const numberForm = fc.constantFrom<NumberForm>('number', 'text', 'bigint');

/** A wall-clock time (ms as if UTC) in the zone, delivered in one of the driver forms. */
export function timeValue(wallMs: number, zone: string, form: TimeForm): unknown {
  const iso = new Date(wallMs).toISOString();
  if (form === 'naive') return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  if (form === 'naive-t') return iso.slice(0, 23);
  const local = DateTime.fromISO(iso.slice(0, 23), { zone });
  return form === 'offset' ? local.toISO() : local.toJSDate();
}

export function numberValue(value: number, form: NumberForm): unknown {
  return form === 'number' ? value : form === 'text' ? String(value) : BigInt(value);
}

const queueIds = fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,10}$/), { minLength: 1, maxLength: 4 });
const channelChoice = fc.constantFrom<string | null>(null, ...CHANNELS);

export interface Generated {
  importType: ImportType;
  ruleSet: 'wfm-2024-05' | 'wfm-2023-12';
  intervalMinutes: 15 | 30;
  timeZone: string;
  now: Date;
  result: ResultSet;
}

export const validInterval: fc.Arbitrary<Generated> = fc
  .record({
    queues: queueIds,
    channels: fc.array(channelChoice, { minLength: 4, maxLength: 4 }),
    intervals: fc.integer({ min: 1, max: 30 }),
    startSlot: fc.integer({ min: 0, max: 1000 }),
    intervalMinutes: fc.constantFrom<15 | 30>(15, 30),
    timeZone: fc.constantFrom(...ZONES),
    time: timeForm,
    numbers: numberForm,
    counts: fc.array(fc.tuple(fc.nat(50), fc.nat(50), fc.nat(5000)), { minLength: 1, maxLength: 50 }),
  })
  .map((g) => {
    const rows: unknown[][] = [];
    const step = g.intervalMinutes * 60_000;
    for (let i = 0; i < g.intervals; i++) {
      const timestamp = timeValue(JANUARY + (g.startSlot + i) * step, g.timeZone, g.time);
      g.queues.forEach((queue, q) => {
        const [answered, extra, handling] = g.counts[(i + q) % g.counts.length] ?? [0, 0, 0];
        rows.push([
          queue,
          `${queue} name`,
          timestamp,
          numberValue(answered + extra, g.numbers),
          numberValue(answered, g.numbers),
          numberValue(handling, g.numbers),
          g.channels[q % g.channels.length] ?? null,
        ]);
      });
    }
    const columns = ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime', 'channel'];
    return {
      ...g,
      importType: 'interval' as const,
      ruleSet: 'wfm-2024-05' as const,
      now: AFTER_JANUARY,
      result: { columns, rows },
    };
  });

export const validContact: fc.Arbitrary<Generated> = fc
  .record({
    queues: queueIds,
    ruleSet: fc.constantFrom<'wfm-2024-05' | 'wfm-2023-12'>('wfm-2024-05', 'wfm-2023-12'),
    timeZone: fc.constantFrom(...ZONES),
    time: timeForm,
    numbers: numberForm,
    contacts: fc.array(
      fc.record({ second: fc.integer({ min: 0, max: 29 * 86_400 }), answered: fc.boolean(), duration: fc.nat(3600) }),
      { minLength: 1, maxLength: 40 },
    ),
    channel: channelChoice,
  })
  .map((g) => {
    const old = g.ruleSet === 'wfm-2023-12';
    const sorted = [...g.contacts].sort((a, b) => a.second - b.second);
    const rows = sorted.map((contact, i) => {
      const queue = g.queues[i % g.queues.length] ?? 'Q';
      const answered = contact.answered ? 1 : 0;
      const row: unknown[] = [queue, `${queue} name`, timeValue(JANUARY + contact.second * 1000, g.timeZone, g.time)];
      if (old) row.push(numberValue(1, g.numbers));
      // 2024-05 makes duration optional: unanswered contacts may leave it empty.
      row.push(
        numberValue(answered, g.numbers),
        !old && !contact.answered ? null : numberValue(contact.duration, g.numbers),
      );
      row.push(g.channel);
      return row;
    });
    const columns = [
      'queueidentifier',
      'queuename',
      'timestamp',
      ...(old ? ['offered'] : []),
      'answered',
      'duration',
      'channel',
    ];
    return {
      ...g,
      importType: 'contact' as const,
      intervalMinutes: 15 as const,
      now: AFTER_JANUARY,
      result: { columns, rows },
    };
  });

export const validAgentStates: fc.Arbitrary<Generated> = fc
  .record({
    agents: fc.uniqueArray(fc.nat(9999), { minLength: 1, maxLength: 5 }),
    timeZone: fc.constantFrom(...ZONES),
    time: timeForm,
    // Per agent: a start offset and the lengths (seconds) of consecutive states.
    plans: fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 20 * 86_400 }),
        lengths: fc.array(fc.integer({ min: 0, max: 7200 }), { minLength: 1, maxLength: 8 }),
        open: fc.boolean(),
      }),
      { minLength: 5, maxLength: 5 },
    ),
    activities: fc.array(fc.constantFrom('READY', 'BREAK', 'ACW', 'LOGIN', 'Not Ready'), {
      minLength: 1,
      maxLength: 8,
    }),
  })
  .map((g) => {
    const states: { agent: string; start: number; end: number | null; activity: string }[] = [];
    g.agents.forEach((n, a) => {
      const plan = g.plans[a % g.plans.length] ?? { start: 0, lengths: [60], open: false };
      let at = JANUARY + plan.start * 1000;
      plan.lengths.forEach((length, i) => {
        const last = i === plan.lengths.length - 1;
        states.push({
          agent: `agent-${n}`,
          start: at,
          end: last && plan.open ? null : at + length * 1000,
          activity: g.activities[i % g.activities.length] ?? 'READY',
        });
        at += length * 1000;
      });
    });
    states.sort((x, y) => x.start - y.start || (x.agent < y.agent ? -1 : x.agent > y.agent ? 1 : 0));
    // "now" is an hour after the latest time, so nothing is in the future; open states older than
    // 24 hours would be stale, so those are given an end.
    const instant = (wallMs: number): number =>
      DateTime.fromMillis(wallMs, { zone: 'UTC' }).setZone(g.timeZone, { keepLocalTime: true }).toMillis();
    const now = Math.max(...states.map((s) => instant(s.end ?? s.start))) + 3_600_000;
    const rows = states.map((s) => {
      const end = s.end === null && instant(s.start) < now - 86_400_000 ? s.start : s.end;
      return [
        s.agent,
        timeValue(s.start, g.timeZone, g.time),
        end === null ? null : timeValue(end, g.timeZone, g.time),
        s.activity,
      ];
    });
    const columns = ['agentidentifier', 'starttime', 'endtime', 'activity'];
    return {
      ...g,
      importType: 'agent-states' as const,
      ruleSet: 'wfm-2024-05' as const,
      intervalMinutes: 15 as const,
      now: new Date(now),
      result: { columns, rows },
    };
  });

/** Anything a driver might deliver, and things none should. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.bigInt(),
  fc.double(),
  fc.date({ noInvalidDate: false }),
  fc.uint8Array({ maxLength: 4 }),
  fc.constantFrom(null, undefined, '', ' ', 'calls', 'Chats', '12', '-3', '2026-03-29 02:30:00', '2026-10-25 02:30:00'),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/),
);
