import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_INTEGRATIONS,
  DEMO_QUERIES,
  DEMO_SYSTEM_NAME,
  type DemoImportType,
} from '../../../src-main/demo/demo-queries';
import {
  DEMO_TIME_ZONE,
  generateDemoDatabase,
  type DemoDatabaseSummary,
} from '../../../src-main/demo/generate-demo-database';

type Row = Record<string, unknown>;

interface IntervalRow {
  queueidentifier: string;
  queuename: string;
  timestamp: string;
  offered: number;
  answered: number;
  handlingtime: number;
  channel: string;
}
interface ContactRow {
  queueidentifier: string;
  queuename: string;
  timestamp: string;
  answered: number;
  duration: number;
  channel: string;
}
interface AgentStateRow {
  agentidentifier: string;
  starttime: string;
  endtime: string | null;
  activity: string;
}

// Friday 14:00 in Brussels (summer time); the 35 days before it span the 2026-03-29 DST change.
const NOW = new Date('2026-04-10T12:00:00Z');
// Sunday 12:00 in Brussels: nobody is on shift.
const SUNDAY_NOW = new Date('2026-04-12T10:00:00Z');

const EXPECTED_COLUMNS: Record<DemoImportType, string[]> = {
  interval: ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime', 'channel'],
  contact: ['queueidentifier', 'queuename', 'timestamp', 'answered', 'duration', 'channel'],
  'agent-states': ['agentidentifier', 'starttime', 'endtime', 'activity'],
};

let dir = '';
let file = '';
let summary: DemoDatabaseSummary;

function query(dbFile: string, importType: DemoImportType): { columns: string[]; rows: Row[] } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const statement = db.prepare(DEMO_QUERIES[importType]);
    return { columns: statement.columns().map((column) => column.name), rows: statement.all() as Row[] };
  } finally {
    db.close();
  }
}

const intervals = (dbFile: string) => query(dbFile, 'interval').rows as unknown as IntervalRow[];
const contacts = (dbFile: string) => query(dbFile, 'contact').rows as unknown as ContactRow[];
const agentStates = (dbFile: string) => query(dbFile, 'agent-states').rows as unknown as AgentStateRow[];

const weekdays = new Map<string, number>();
/** Luxon weekday (1 = Monday … 7 = Sunday), cached per date because tests call it for every row. */
function weekdayOf(timestamp: string): number {
  const date = timestamp.slice(0, 10);
  let weekday = weekdays.get(date);
  if (weekday === undefined) {
    weekday = DateTime.fromISO(date, { zone: DEMO_TIME_ZONE }).weekday;
    weekdays.set(date, weekday);
  }
  return weekday;
}
const timeOf = (timestamp: string) => timestamp.slice(11);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-acd-'));
  file = path.join(dir, 'demo.sqlite');
  // A leftover from an interrupted run must not end up in the new file.
  fs.writeFileSync(`${file}.tmp`, 'stale garbage');
  summary = generateDemoDatabase(file, { now: NOW });
}, 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('generateDemoDatabase', () => {
  it('writes the file atomically and small', () => {
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    expect(fs.statSync(file).size).toBeLessThan(15 * 1024 * 1024);
    expect(summary.file).toBe(file);
    expect(summary.queues).toBeGreaterThanOrEqual(6);
    expect(summary.intervalRows).toBe(intervals(file).length);
    expect(summary.contactRows).toBe(contacts(file).length);
    expect(summary.agentStateRows).toBe(agentStates(file).length);
  });

  it('covers 35 days before now by default, up to the last completed local interval', () => {
    expect(summary.from).toBe('2026-03-06 00:00:00');
    expect(summary.to).toBe('2026-04-10 14:00:00');
    const rows = intervals(file);
    const dates = new Set(rows.map((row) => row.timestamp.slice(0, 10)));
    expect(dates.size).toBeGreaterThanOrEqual(30);
    // 14:00 local is 12:00 UTC in summer time: a wrong offset would stop an hour early or late.
    expect(rows.at(-1)?.timestamp).toBe('2026-04-10 13:45:00');
  });

  it.each(Object.keys(EXPECTED_COLUMNS) as DemoImportType[])(
    'runs the %s demo query with exactly the contract columns',
    (importType) => {
      const { columns, rows } = query(file, importType);
      expect(columns).toEqual(EXPECTED_COLUMNS[importType]);
      expect(rows.length).toBeGreaterThan(0);
    },
  );

  it('offers the demo queries as integrations', () => {
    expect(DEMO_SYSTEM_NAME).toBe('Demo ACD (embedded SQLite)');
    expect(DEMO_INTEGRATIONS.map((integration) => integration.importType).sort()).toEqual([
      'agent-states',
      'contact',
      'interval',
    ]);
    for (const integration of DEMO_INTEGRATIONS) expect(integration.sql).toBe(DEMO_QUERIES[integration.importType]);
  });

  it('has several queues over several WFM channels', () => {
    const rows = intervals(file);
    expect(new Set(rows.map((row) => row.queueidentifier)).size).toBeGreaterThanOrEqual(5);
    const channels = new Set(rows.map((row) => row.channel));
    expect(channels.size).toBeGreaterThanOrEqual(3);
    for (const channel of ['calls', 'chats', 'emails']) expect(channels).toContain(channel);
    for (const channel of channels)
      expect(['calls', 'chats', 'emails', 'social_media', 'documents', 'cases']).toContain(channel);
    // A queue's identifier and name never change.
    const names = new Map<string, Set<string>>();
    for (const row of rows)
      names.set(row.queueidentifier, (names.get(row.queueidentifier) ?? new Set()).add(row.queuename));
    for (const set of names.values()) expect(set.size).toBe(1);
  });

  it('puts every interval on the local 15-minute grid, across the DST change', () => {
    const rows = intervals(file);
    for (const timestamp of new Set(rows.map((row) => row.timestamp))) {
      expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:(00|15|30|45):00$/);
      // A wall-clock time inside a spring-forward gap would not exist in the zone.
      const local = DateTime.fromSQL(timestamp, { zone: DEMO_TIME_ZONE });
      expect(local.toFormat('yyyy-MM-dd HH:mm:ss')).toBe(timestamp);
    }
    // The weekdays before and after 2026-03-29 open at the same local time with the same grid.
    const timesOn = (date: string) =>
      rows.filter((row) => row.timestamp.startsWith(date)).map((row) => timeOf(row.timestamp));
    const before = timesOn('2026-03-27');
    const after = timesOn('2026-03-30');
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
    expect(after[0]).toBe('08:00:00');
    expect(timesOn('2026-03-28')[0]).toBe('09:00:00');
  });

  it('keeps counts consistent in every interval row', () => {
    const bad = intervals(file).filter((row) => {
      const counts = [row.offered, row.answered, row.handlingtime];
      if (!counts.every((value) => Number.isInteger(value) && value >= 0)) return true;
      if (row.answered > row.offered) return true;
      // Handling time exists exactly when something was handled, and is plausible per contact.
      if (row.answered === 0) return row.handlingtime !== 0;
      const average = row.handlingtime / row.answered;
      return average <= 20 || average >= 3_600;
    });
    expect(bad).toEqual([]);
  });

  it('follows opening hours and a realistic daily shape', () => {
    const rows = intervals(file);
    expect(rows.filter((row) => weekdayOf(row.timestamp) === 7)).toEqual([]);
    const outsideHours = rows.filter((row) => {
      const time = timeOf(row.timestamp);
      return weekdayOf(row.timestamp) === 6
        ? time < '09:00:00' || time >= '14:00:00'
        : time < '08:00:00' || time >= '20:00:00';
    });
    expect(outsideHours).toEqual([]);
    const weekdayAverage = (fromTime: string, toTime: string) => {
      const slice = rows.filter(
        (row) => weekdayOf(row.timestamp) <= 5 && timeOf(row.timestamp) >= fromTime && timeOf(row.timestamp) < toTime,
      );
      return slice.reduce((sum, row) => sum + row.offered, 0) / slice.length;
    };
    expect(weekdayAverage('10:00:00', '11:00:00')).toBeGreaterThan(2 * weekdayAverage('19:00:00', '20:00:00'));
    const saturday = rows.filter((row) => weekdayOf(row.timestamp) === 6);
    const weekday = rows.filter((row) => weekdayOf(row.timestamp) <= 5);
    const perDay = (list: IntervalRow[]) =>
      list.reduce((sum, row) => sum + row.offered, 0) / new Set(list.map((row) => row.timestamp.slice(0, 10))).size;
    expect(perDay(saturday)).toBeLessThan(perDay(weekday) / 2);
  });

  it('keeps one contact row per contact of the last week, matching the interval statistics', () => {
    const rows = contacts(file);
    const bad = rows.filter(
      (row) =>
        (row.answered !== 0 && row.answered !== 1) ||
        !Number.isInteger(row.duration) ||
        row.duration < 0 ||
        (row.answered === 0 && row.duration !== 0) ||
        row.timestamp < '2026-04-03 00:00:00' ||
        row.timestamp >= summary.to,
    );
    expect(bad).toEqual([]);
    const fromContacts = new Map<string, { offered: number; answered: number; duration: number }>();
    for (const row of rows) {
      const minute = Math.floor(Number(row.timestamp.slice(14, 16)) / 15) * 15;
      const key = `${row.queueidentifier} ${row.timestamp.slice(0, 14)}${String(minute).padStart(2, '0')}:00`;
      const totals = fromContacts.get(key) ?? { offered: 0, answered: 0, duration: 0 };
      fromContacts.set(key, {
        offered: totals.offered + 1,
        answered: totals.answered + row.answered,
        duration: totals.duration + row.duration,
      });
    }
    const recent = intervals(file).filter((row) => row.timestamp >= '2026-04-03 00:00:00');
    expect(recent.length).toBeGreaterThan(0);
    const expected = recent.map((row) => ({
      offered: row.offered,
      answered: row.answered,
      duration: row.handlingtime,
    }));
    const actual = recent.map(
      (row) => fromContacts.get(`${row.queueidentifier} ${row.timestamp}`) ?? { offered: 0, answered: 0, duration: 0 },
    );
    expect(actual).toEqual(expected);
    // Every contact belongs to an interval row.
    expect(fromContacts.size).toBeLessThanOrEqual(recent.length);
  });

  it('has contiguous, non-overlapping agent states with an ongoing one just before now', () => {
    const rows = agentStates(file);
    expect(new Set(rows.map((row) => row.agentidentifier)).size).toBeGreaterThanOrEqual(15);
    const ongoing = rows.filter((row) => row.endtime === null);
    expect(ongoing.length).toBeGreaterThanOrEqual(1);
    for (const row of ongoing)
      expect(row.starttime >= '2026-04-10 13:00:00' && row.starttime < '2026-04-10 14:00:00').toBe(true);
    expectWellFormedStates(rows);
  });

  it('shows an ongoing state even when nobody is on shift', () => {
    const sundayFile = path.join(dir, 'sunday.sqlite');
    generateDemoDatabase(sundayFile, { now: SUNDAY_NOW });
    const rows = agentStates(sundayFile);
    const ongoing = rows.filter((row) => row.endtime === null);
    expect(ongoing.length).toBeGreaterThanOrEqual(1);
    for (const row of ongoing)
      expect(row.starttime >= '2026-04-12 11:45:00' && row.starttime < '2026-04-12 12:00:00').toBe(true);
    expectWellFormedStates(rows);
    expect(intervals(sundayFile).some((row) => row.timestamp.startsWith('2026-04-12'))).toBe(false);
  });

  it('is deterministic for a seed and clock, and varies with the seed', () => {
    const again = path.join(dir, 'again.sqlite');
    const other = path.join(dir, 'other.sqlite');
    const againSummary = generateDemoDatabase(again, { now: NOW });
    generateDemoDatabase(other, { now: NOW, seed: 7 });
    expect({ ...againSummary, file }).toEqual(summary);
    for (const importType of Object.keys(DEMO_QUERIES) as DemoImportType[]) {
      expect(query(again, importType).rows).toEqual(query(file, importType).rows);
    }
    expect(intervals(other)).not.toEqual(intervals(file));
  });

  it('replaces an existing file and honours a shorter range', () => {
    const short = path.join(dir, 'short.sqlite');
    fs.writeFileSync(short, 'not a database');
    const shortSummary = generateDemoDatabase(short, { now: NOW, days: 3 });
    expect(shortSummary.from).toBe('2026-04-07 00:00:00');
    const dates = new Set(intervals(short).map((row) => row.timestamp.slice(0, 10)));
    expect([...dates].sort()).toEqual(['2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10']);
  });
});

/** No end before its start, one ongoing state at most per agent (its last), no overlaps. */
function expectWellFormedStates(rows: AgentStateRow[]): void {
  expect(rows.filter((row) => row.endtime !== null && row.endtime < row.starttime)).toEqual([]);
  const byAgent = new Map<string, AgentStateRow[]>();
  for (const row of rows) {
    const states = byAgent.get(row.agentidentifier) ?? [];
    states.push(row);
    byAgent.set(row.agentidentifier, states);
  }
  const overlapping: AgentStateRow[][] = [];
  for (const states of byAgent.values()) {
    states.sort((a, b) => a.starttime.localeCompare(b.starttime));
    states.forEach((state, index) => {
      const next = states[index + 1];
      if (next && (state.endtime === null || next.starttime < state.endtime)) overlapping.push([state, next]);
    });
  }
  expect(overlapping).toEqual([]);
}
