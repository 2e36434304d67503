import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { INTERVAL_MINUTES, INTERVAL_SECONDS } from './demo-constants';
import { createDemoRandom, deriveSeed, type DemoRandom } from './demo-random';
import { INDEXES, SCHEMA } from './demo-schema';
import { AGENTS, SATURDAY_SHIFT, STATE_CODES, WEEKDAY_SHIFTS, type DemoAgent, type ShiftTemplate } from './demo-staff';
import { QUEUES, WEEKDAY_FACTOR, intradayShape, openingHours, type DemoQueue } from './demo-traffic-profile';

/**
 * Writes the embedded demo ACD database: a vendor-neutral telephony reporting schema filled with
 * plausible, seeded data, so a newcomer can write and run import queries without a database
 * server. Like most real ACDs it stores naive local timestamps, in DEMO_TIME_ZONE.
 */

export const DEMO_TIME_ZONE = 'Europe/Brussels';

export interface DemoDatabaseOptions {
  now?: Date;
  /** Whole days of interval history before today; today's completed intervals come on top. */
  days?: number;
  seed?: number;
}

export interface DemoDatabaseSummary {
  file: string;
  queues: number;
  intervalRows: number;
  contactRows: number;
  agentStateRows: number;
  /** Start of the covered range, naive local text in DEMO_TIME_ZONE. */
  from: string;
  /** End (exclusive) of the covered range: the end of the last completed 15-minute interval. */
  to: string;
}

const DEFAULT_DAYS = 35;
const DEFAULT_SEED = 20240501;
/** Per-contact rows and agent states are kept for a week only, to keep the file small. */
const DETAIL_DAYS = 7;

interface AgentState {
  login: string;
  code: string;
  start: number;
  /** null while the state is still going on at `now`. */
  end: number | null;
}

const pad = (value: number): string => String(value).padStart(2, '0');

function localText(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: DEMO_TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** A wall-clock time of a local day; `set` keeps the wall clock, unlike adding minutes across a DST change. */
function atMinute(day: DateTime, minuteOfDay: number): DateTime {
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 });
}

export function generateDemoDatabase(file: string, options: DemoDatabaseOptions = {}): DemoDatabaseSummary {
  const now = options.now ?? new Date();
  const days = options.days ?? DEFAULT_DAYS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);

  const tmp = `${file}.tmp`;
  // A stale journal next to a fresh file would be "rolled back" into it, so clear every leftover.
  for (const leftover of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(leftover, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const db = new Database(tmp);
  let summary: DemoDatabaseSummary;
  try {
    // The file only becomes visible through the final rename, so crash safety while writing is not needed.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    summary = db.transaction(() => fill(db, file, now, days, seed))();
    db.exec(INDEXES);
    db.exec('ANALYZE');
    db.close();
  } catch (error) {
    if (db.open) db.close();
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fs.renameSync(tmp, file);
  return summary;
}

function fill(db: Database.Database, file: string, now: Date, days: number, seed: number): DemoDatabaseSummary {
  const nowMs = now.getTime();
  const nowLocal = DateTime.fromMillis(nowMs, { zone: DEMO_TIME_ZONE });
  const today = nowLocal.startOf('day');
  const firstDay = today.minus({ days });
  const detailFrom = today.minus({ days: DETAIL_DAYS });

  const insertInfo = db.prepare('INSERT INTO acd_system_info (key, value) VALUES (?, ?)');
  insertInfo.run('time_zone', DEMO_TIME_ZONE);
  insertInfo.run('timestamp_format', 'naive local time, YYYY-MM-DD HH:MM:SS');
  insertInfo.run('generated_for', localText(nowMs));

  const insertQueue = db.prepare(
    'INSERT INTO queues (queue_id, queue_code, display_name, media_type) VALUES (?, ?, ?, ?)',
  );
  for (const queue of QUEUES) insertQueue.run(queue.id, queue.code, queue.name, queue.mediaType);
  const insertCode = db.prepare('INSERT INTO state_codes (state_code, description) VALUES (?, ?)');
  for (const [code, description] of STATE_CODES) insertCode.run(code, description);
  const insertAgent = db.prepare('INSERT INTO agents (agent_login, full_name, team) VALUES (?, ?, ?)');
  for (const agent of AGENTS) insertAgent.run(agent.login, agent.name, agent.team);

  const traffic = writeTraffic(db, firstDay, today, detailFrom, nowMs, seed);
  const agentStateRows = writeAgentStates(db, detailFrom, today, nowMs, seed);

  const lastGridMinute = Math.floor(nowLocal.minute / INTERVAL_MINUTES) * INTERVAL_MINUTES;
  return {
    file,
    queues: QUEUES.length,
    intervalRows: traffic.intervalRows,
    contactRows: traffic.contactRows,
    agentStateRows,
    from: `${firstDay.toISODate() ?? ''} 00:00:00`,
    to: `${nowLocal.toISODate() ?? ''} ${pad(nowLocal.hour)}:${pad(lastGridMinute)}:00`,
  };
}

interface PendingContact {
  queue: DemoQueue;
  offsetSeconds: number;
  answered: boolean;
  waitSeconds: number;
  handleSeconds: number;
}

/** Interval statistics for every completed interval, and the matching contact rows for the last week. */
function writeTraffic(
  db: Database.Database,
  firstDay: DateTime,
  today: DateTime,
  detailFrom: DateTime,
  nowMs: number,
  seed: number,
) {
  const insertInterval = db.prepare(
    `INSERT INTO interval_stats (queue_id, interval_start, calls_offered, calls_answered, calls_abandoned,
       answered_in_sl, talk_seconds, hold_seconds, wrap_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = db.prepare(
    `INSERT INTO contact_log (queue_id, media_type, arrived_at, answered, wait_seconds, handle_seconds)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  let intervalRows = 0;
  let contactRows = 0;

  for (let day = firstDay; day <= today; day = day.plus({ days: 1 })) {
    const hours = openingHours(day.weekday);
    if (!hours) continue;
    const date = day.toISODate() ?? '';
    // One stream per day keeps a day's data the same whatever `now` or `days` is.
    const random = createDemoRandom(deriveSeed(seed, `traffic ${date}`));
    const weekdayFactor = WEEKDAY_FACTOR[day.weekday] ?? 1;
    const dayFactor = weekdayFactor * random.normal(1, 0.06);
    const keepContacts = day >= detailFrom;

    for (let slot = hours.open; slot < hours.close; slot += INTERVAL_MINUTES) {
      const start = atMinute(day, slot);
      // ACDs write an interval row once the interval is over.
      if (start.toMillis() + INTERVAL_SECONDS * 1000 > nowMs) break;
      const hour = Math.floor(slot / 60);
      const minute = slot % 60;
      const intervalStart = `${date} ${pad(hour)}:${pad(minute)}:00`;
      const contacts: PendingContact[] = [];

      for (const queue of QUEUES) {
        const planned = queue.peakRate * weekdayFactor * intradayShape(queue, slot, hours.open);
        const expected = planned * (dayFactor / weekdayFactor) * random.normal(1, 0.12);
        const offered = random.poisson(Math.max(0, expected));
        // More arrivals than staffed for means longer waits and more abandons; the slack keeps
        // small queues, where a couple of extra contacts is a large ratio, from collapsing.
        const overload = Math.max(0, (offered - 1.1 * planned - 2) / Math.max(planned, 4));
        const answerRate = Math.min(1, Math.max(0.55, queue.answerRate - 0.3 * overload));
        const totals = { answered: 0, inServiceLevel: 0, talk: 0, hold: 0, wrap: 0 };

        for (let index = 0; index < offered; index += 1) {
          const contact = drawContact(random, queue, answerRate, 1 + overload);
          if (contact.answered) {
            totals.answered += 1;
            if (contact.waitSeconds <= queue.serviceLevelSeconds) totals.inServiceLevel += 1;
            totals.talk += contact.talk;
            totals.hold += contact.hold;
            totals.wrap += contact.wrap;
          }
          if (keepContacts)
            contacts.push({ queue, ...contact, handleSeconds: contact.talk + contact.hold + contact.wrap });
        }
        insertInterval.run(
          queue.id,
          intervalStart,
          offered,
          totals.answered,
          offered - totals.answered,
          totals.inServiceLevel,
          totals.talk,
          totals.hold,
          totals.wrap,
        );
        intervalRows += 1;
      }

      // Insert in arrival order so contact ids grow with time, as an ACD assigns them.
      contacts.sort((a, b) => a.offsetSeconds - b.offsetSeconds);
      for (const contact of contacts) {
        const second = contact.offsetSeconds;
        const arrivedAt = `${date} ${pad(hour)}:${pad(minute + Math.floor(second / 60))}:${pad(second % 60)}`;
        insertContact.run(
          contact.queue.id,
          contact.queue.mediaType,
          arrivedAt,
          contact.answered ? 1 : 0,
          contact.waitSeconds,
          contact.handleSeconds,
        );
        contactRows += 1;
      }
    }
  }
  return { intervalRows, contactRows };
}

function drawContact(random: DemoRandom, queue: DemoQueue, answerRate: number, waitFactor: number) {
  const offsetSeconds = random.int(0, INTERVAL_SECONDS - 1);
  const answered = random.chance(answerRate);
  if (!answered) {
    // Abandoned contacts gave up after a while and have no handling time.
    const waitSeconds = Math.round(5 + random.exponential(queue.waitMean * 1.5 * waitFactor));
    return { offsetSeconds, answered, waitSeconds, talk: 0, hold: 0, wrap: 0 };
  }
  const waitSeconds = Math.round(random.exponential(queue.waitMean * waitFactor));
  const talk = Math.max(15, Math.round(random.logNormal(queue.talkMean, 0.6)));
  const hold = random.chance(queue.holdShare) ? Math.round(random.exponential(60)) : 0;
  const wrap = Math.max(3, Math.round(random.logNormal(queue.wrapMean, 0.5)));
  return { offsetSeconds, answered, waitSeconds, talk, hold, wrap };
}

/** Shifts for the last week, cut off at `now`: the state in progress then gets a NULL end. */
function writeAgentStates(
  db: Database.Database,
  detailFrom: DateTime,
  today: DateTime,
  nowMs: number,
  seed: number,
): number {
  const states: AgentState[] = [];
  const lastEnd = new Map<string, number>();

  for (let day = detailFrom; day <= today; day = day.plus({ days: 1 })) {
    if (!openingHours(day.weekday)) continue;
    // A day number independent of `now`, so the shift rotation of a date never changes.
    const dayNumber = Math.round(day.toMillis() / 86_400_000);
    const date = day.toISODate() ?? '';
    AGENTS.forEach((agent, index) => {
      const template = pickShift(day.weekday, index, dayNumber);
      if (!template) return;
      // One stream per agent and day, so one agent's day does not depend on another's.
      const random = createDemoRandom(deriveSeed(seed, `agent ${agent.login} ${date}`));
      for (const state of buildShift(random, agent, day, template)) {
        if (state.start >= nowMs) break;
        if (state.end !== null && state.end > nowMs) state.end = null;
        states.push(state);
        lastEnd.set(agent.login, state.end ?? nowMs);
      }
    });
  }

  if (!states.some((state) => state.end === null)) addBackOfficeSession(states, lastEnd, nowMs, seed);

  const insert = db.prepare(
    'INSERT INTO agent_state_log (agent_login, state_code, state_start, state_end) VALUES (?, ?, ?, ?)',
  );
  states.sort((a, b) => a.start - b.start || a.login.localeCompare(b.login));
  for (const state of states)
    insert.run(state.login, state.code, localText(state.start), state.end === null ? null : localText(state.end));
  return states.length;
}

/** Rotating early/middle/late shifts, one weekday off for part-timers, a small Saturday crew. */
function pickShift(weekday: number, agentIndex: number, dayNumber: number): ShiftTemplate | null {
  if (weekday === 6) return (agentIndex + dayNumber) % 4 === 0 ? SATURDAY_SHIFT : null;
  if (weekday === 7) return null;
  if (agentIndex % 3 === 0 && (agentIndex % 5) + 1 === weekday) return null;
  return WEEKDAY_SHIFTS[(agentIndex + dayNumber) % WEEKDAY_SHIFTS.length] ?? null;
}

/** One contiguous shift: LOGIN, contact cycles interrupted by planned pauses, LOGOUT. */
function buildShift(random: DemoRandom, agent: DemoAgent, day: DateTime, template: ShiftTemplate): AgentState[] {
  const states: AgentState[] = [];
  const shiftStart = atMinute(day, template.start).toMillis() + random.int(-300, 420) * 1000;
  const plannedEnd = atMinute(day, template.end).toMillis() + random.int(-120, 300) * 1000;
  const meeting = random.chance(0.15);
  const pauses = [...template.pauses, ...(meeting ? [{ at: 60, minutes: 30, code: 'MEETING' }] : [])]
    .map((pause) => ({ ...pause, at: shiftStart + (pause.at + random.int(-10, 10)) * 60_000 }))
    .sort((a, b) => a.at - b.at);
  let t = shiftStart;
  const push = (code: string, seconds: number) => {
    const end = t + Math.max(1, Math.round(seconds)) * 1000;
    states.push({ login: agent.login, code, start: t, end });
    t = end;
  };

  push('LOGIN', random.int(45, 180));
  let nextPause = 0;
  while (t < plannedEnd) {
    const pause = pauses[nextPause];
    if (pause && t >= pause.at) {
      // An agent finishes the current contact first, so a pause starts late rather than cutting it.
      push(pause.code, pause.minutes * 60 + random.int(-60, 180));
      nextPause += 1;
      continue;
    }
    if (agent.team === 'voice') {
      push('AVAILABLE', 5 + random.exponential(80));
      push('TALK', random.logNormal(280, 0.6));
      if (random.chance(0.75)) push('ACW', random.logNormal(45, 0.5));
    } else {
      push('AVAILABLE', 5 + random.exponential(50));
      push('DIGITAL', random.logNormal(420, 0.5));
      if (random.chance(0.5)) push('ACW', random.logNormal(30, 0.5));
    }
  }
  push('LOGOUT', random.int(30, 120));
  return states;
}

/**
 * The demo must show an ongoing state (empty endtime) whatever the clock says. When nobody is on
 * shift at `now` (nights, Sundays), one agent is logged in for back-office work since a few minutes.
 */
function addBackOfficeSession(states: AgentState[], lastEnd: Map<string, number>, nowMs: number, seed: number): void {
  const random = createDemoRandom(deriveSeed(seed, `back office ${nowMs}`));
  // The agent whose last shift ended longest ago cannot overlap it.
  const agent = [...AGENTS].sort((a, b) => (lastEnd.get(a.login) ?? 0) - (lastEnd.get(b.login) ?? 0))[0];
  if (!agent) return;
  const start = Math.max(lastEnd.get(agent.login) ?? 0, nowMs - random.int(6, 14) * 60_000);
  const loginEnd = start + random.int(45, 120) * 1000;
  if (loginEnd < nowMs) {
    states.push({ login: agent.login, code: 'LOGIN', start, end: loginEnd });
    states.push({ login: agent.login, code: 'ADMIN', start: loginEnd, end: null });
  } else {
    states.push({ login: agent.login, code: 'ADMIN', start, end: null });
  }
}
