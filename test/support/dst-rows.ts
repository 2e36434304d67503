/**
 * Interval rows around the DST changes of Europe/Paris, as a naive-local ACD database holds them
 * (Avaya's hsplit: local switch time, no offset), for every year from 2015 to 2026:
 * - the last Sunday of March: 01:30–01:45 and 03:00–04:00 are genuine; 02:00–02:45 are rows of a
 *   local time that does not exist (the clocks jump from 02:00 to 03:00), which a misconfigured
 *   source or a clock sync writes. Read with the earlier offset, 02:00 lands on 03:00's instant.
 * - the last Sunday of October: 02:00–02:45 happen twice (03:00 becomes 02:00 again), so the
 *   source writes each of those naive times twice, once per occurrence.
 * Every row has a unique `id` (also its handling time), so a row can be found in any export format.
 * Dates are computed in UTC arithmetic: nothing here depends on the machine's time zone.
 */

export const DST_ZONE = 'Europe/Paris';
export const DST_YEARS = Array.from({ length: 12 }, (_, index) => 2015 + index);
/** After every row, so the future-timestamp rule never applies; passed as `now`, never read from the clock. */
export const DST_NOW = new Date('2026-12-01T00:00:00Z');

/** genuine: a real interval, valid; gap: a local time that does not exist; repeat: the second row of a repeated local time. */
export type DstKind = 'genuine' | 'gap' | 'repeat';

export interface DstRow {
  id: number;
  queue: string;
  /** The naive local time as the database prints it. */
  local: string;
  kind: DstKind;
}

/** 'YYYY-MM-DD' of the last Sunday of a month (1-12). */
export function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

const SPRING: [string, DstKind][] = [
  ['01:30', 'genuine'],
  ['01:45', 'genuine'],
  ['02:00', 'gap'],
  ['02:15', 'gap'],
  ['02:30', 'gap'],
  ['02:45', 'gap'],
  ['03:00', 'genuine'],
  ['03:15', 'genuine'],
  ['03:30', 'genuine'],
  ['03:45', 'genuine'],
  ['04:00', 'genuine'],
];

const AUTUMN: [string, DstKind][] = [
  ['01:45', 'genuine'],
  ...['02:00', '02:15', '02:30', '02:45'].flatMap((time): [string, DstKind][] => [
    [time, 'genuine'],
    [time, 'repeat'],
  ]),
  ['03:00', 'genuine'],
];

/** Every row of one queue, ordered by local time (as an ORDER BY on the naive column returns them). */
export function dstRows(queue = 'Q-PARIS', firstId = 1): DstRow[] {
  const rows: DstRow[] = [];
  for (const year of DST_YEARS) {
    for (const [day, times] of [
      [lastSunday(year, 3), SPRING],
      [lastSunday(year, 10), AUTUMN],
    ] as const) {
      for (const [time, kind] of times) {
        rows.push({ id: firstId + rows.length, queue, local: `${day} ${time}:00`, kind });
      }
    }
  }
  return rows;
}

/** The genuine rows of the spring days from 03:00 to 03:45: the ones a gap row used to cost. */
export function isAfterGap(row: DstRow): boolean {
  return row.kind === 'genuine' && row.local.slice(5, 7) === '03' && row.local.slice(11, 13) === '03';
}

export interface DstState {
  id: number;
  agent: string;
  start: string;
  end: string;
  /** False when the start or the end is a local time in the gap (an error of its own). */
  genuine: boolean;
}

/**
 * One agent's states on each spring day: A, D and E are genuine; B ends and C starts in the gap.
 * Read an hour off, B and C reach past 03:00 (C covers 03:15–03:45), so D looked like an overlap.
 */
const STATE_PLAN: [string, string, boolean][] = [
  ['01:00', '01:45', true],
  ['01:45', '02:15', false],
  ['02:15', '03:45', false],
  ['03:00', '03:30', true],
  ['03:30', '04:00', true],
];

export function dstStates(agent = 'agent-1', firstId = 1): DstState[] {
  return DST_YEARS.flatMap((year, y) => {
    const day = lastSunday(year, 3);
    return STATE_PLAN.map(([start, end, genuine], s) => ({
      id: firstId + y * STATE_PLAN.length + s,
      agent,
      start: `${day} ${start}:00`,
      end: `${day} ${end}:00`,
      genuine,
    }));
  });
}
