import type { CellValue } from '../../../src-shared/contract/api';
import { locateColumns, toKey, toNumber } from './columns';
import { parseNaiveTimestamp } from './naive-time';

export interface IntervalSeriesInput {
  columns: string[];
  rows: CellValue[][];
  intervalMinutes: 15 | 30;
  /** One series per queue and channel instead of the queue's channels summed. */
  byChannel?: boolean;
}

/** One queue (or queue and channel) on the shared interval grid; null means "no value". */
export interface QueueSeries {
  key: string;
  queueId: string;
  queueName: string;
  /** The normalised channel ('calls' for an empty one), or null when channels are summed. */
  channel: string | null;
  offered: (number | null)[];
  answered: (number | null)[];
  /** Average handling time in seconds: handling time / answered; null when nothing was answered. */
  aht: (number | null)[];
  /** Per interval: whether any row exists (false = a gap, whatever the measures say). */
  hasRow: boolean[];
  /** Intervals of the grid without any row for this series. */
  gaps: number;
}

export type IntervalChartData =
  | {
      ok: true;
      intervalMinutes: 15 | 30;
      /** Interval starts, wall-clock seconds (see naive-time.ts), shared by every series. */
      x: number[];
      series: QueueSeries[];
      hasChannel: boolean;
      /** Rows without a usable queue identifier or timestamp. */
      skippedRows: number;
      /** Rows whose timestamp is not an interval start; counted in the interval they fall in. */
      offGridRows: number;
    }
  | { ok: false; reason: 'missing-columns'; missing: string[] }
  | { ok: false; reason: 'no-data' }
  | { ok: false; reason: 'range-too-large'; intervals: number };

/** A wrong year in one row must not allocate millions of points; ~5.7 years of 15 minutes. */
export const MAX_INTERVALS = 200_000;

// queuename is part of the contract but a chart can label a queue by its identifier, so a missing
// name does not stop the chart (the validation reports it).
const REQUIRED = ['queueidentifier', 'timestamp', 'offered', 'answered', 'handlingtime'] as const;
const OPTIONAL = ['queuename', 'channel'] as const;

interface Slot {
  offered: number | null;
  answered: number | null;
  ahtHandling: number;
  ahtAnswered: number;
}

interface Accumulator {
  queueId: string;
  queueName: string | null;
  channel: string | null;
  slots: Map<number, Slot>;
}

/**
 * Interval rows → one series per queue on the interval grid from the first to the last
 * timestamp of the result. An interval with no row is null (a gap, drawn as a break), which is
 * not the same as a row saying 0. Several rows in one interval (duplicates, or channels summed)
 * are added up, and the average handling time is computed from the sums.
 */
export function buildIntervalSeries(input: IntervalSeriesInput): IntervalChartData {
  const located = locateColumns(input.columns, REQUIRED, OPTIONAL);
  if (!located.ok) return { ok: false, reason: 'missing-columns', missing: located.missing };
  const col = located.index;
  const hasChannel = col.channel >= 0;
  const step = input.intervalMinutes * 60;
  const series = new Map<string, Accumulator>();
  let skippedRows = 0;
  let offGridRows = 0;
  let first = Infinity;
  let last = -Infinity;

  for (const row of input.rows) {
    const queueId = toKey(row[col.queueidentifier]);
    const time = parseNaiveTimestamp(row[col.timestamp] ?? null);
    if (queueId === null || time === null) {
      skippedRows++;
      continue;
    }
    const slotStart = Math.floor(time / step) * step;
    if (slotStart !== time) offGridRows++;
    first = Math.min(first, slotStart);
    last = Math.max(last, slotStart);
    const channel = input.byChannel && hasChannel ? normaliseChannel(row[col.channel]) : null;
    const key = channel === null ? queueId : `${queueId}\u0000${channel}`;
    let accumulator = series.get(key);
    if (!accumulator) {
      accumulator = { queueId, queueName: null, channel, slots: new Map() };
      series.set(key, accumulator);
    }
    accumulator.queueName ??= col.queuename >= 0 ? toKey(row[col.queuename]) : null;
    addToSlot(accumulator.slots, slotStart, row, col);
  }

  if (series.size === 0) return { ok: false, reason: 'no-data' };
  const intervals = (last - first) / step + 1;
  if (intervals > MAX_INTERVALS) return { ok: false, reason: 'range-too-large', intervals };

  const x = Array.from({ length: intervals }, (_, index) => first + index * step);
  const built = [...series.entries()].map(([key, accumulator]) => toSeries(key, accumulator, x));
  built.sort(
    (a, b) =>
      a.queueName.localeCompare(b.queueName) ||
      a.queueId.localeCompare(b.queueId) ||
      (a.channel ?? '').localeCompare(b.channel ?? ''),
  );
  return { ok: true, intervalMinutes: input.intervalMinutes, x, series: built, hasChannel, skippedRows, offGridRows };
}

function addToSlot(
  slots: Map<number, Slot>,
  slotStart: number,
  row: CellValue[],
  col: Record<'offered' | 'answered' | 'handlingtime', number>,
): void {
  const slot = slots.get(slotStart) ?? { offered: null, answered: null, ahtHandling: 0, ahtAnswered: 0 };
  const offered = toNumber(row[col.offered]);
  const answered = toNumber(row[col.answered]);
  const handling = toNumber(row[col.handlingtime]);
  if (offered !== null) slot.offered = (slot.offered ?? 0) + offered;
  if (answered !== null) slot.answered = (slot.answered ?? 0) + answered;
  // Only rows that have both parts count towards the average, or it would be skewed.
  if (answered !== null && handling !== null) {
    slot.ahtHandling += handling;
    slot.ahtAnswered += answered;
  }
  slots.set(slotStart, slot);
}

function toSeries(key: string, accumulator: Accumulator, x: number[]): QueueSeries {
  const offered: (number | null)[] = [];
  const answered: (number | null)[] = [];
  const aht: (number | null)[] = [];
  const hasRow: boolean[] = [];
  let gaps = 0;
  for (const start of x) {
    const slot = accumulator.slots.get(start);
    if (!slot) gaps++;
    hasRow.push(slot !== undefined);
    offered.push(slot ? slot.offered : null);
    answered.push(slot ? slot.answered : null);
    aht.push(slot && slot.ahtAnswered > 0 ? slot.ahtHandling / slot.ahtAnswered : null);
  }
  return {
    key,
    queueId: accumulator.queueId,
    queueName: accumulator.queueName ?? accumulator.queueId,
    channel: accumulator.channel,
    offered,
    answered,
    aht,
    hasRow,
    gaps,
  };
}

/** The contract: an empty channel means calls; compare without case or surrounding spaces. */
export function normaliseChannel(value: CellValue | undefined): string {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return text === '' ? 'calls' : text;
}
