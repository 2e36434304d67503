import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src-shared/contract/api';
import {
  buildIntervalSeries,
  MAX_INTERVALS,
  normaliseChannel,
  type IntervalChartData,
} from '../../../src-renderer/features/charts/interval-series';
import { formatNaive } from '../../../src-renderer/features/charts/naive-time';

const columns = ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime'];
const row = (queue: string, time: string, offered: CellValue, answered: CellValue, handling: CellValue) => [
  queue,
  `Queue ${queue}`,
  time,
  offered,
  answered,
  handling,
];

function ok(data: IntervalChartData) {
  if (!data.ok) throw new Error(`expected a chart, got ${JSON.stringify(data)}`);
  return data;
}

describe('buildIntervalSeries', () => {
  it('puts a missing interval as null (a gap) and a zero row as 0', () => {
    const data = ok(
      buildIntervalSeries({
        columns,
        rows: [
          row('Q1', '2024-05-01 08:00:00', 10, 8, 800),
          // 08:15 has no row: a gap
          row('Q1', '2024-05-01 08:30:00', 0, 0, 0),
          row('Q1', '2024-05-01 08:45:00', 4, 2, 300),
        ],
        intervalMinutes: 15,
      }),
    );
    expect(data.x.map((x) => formatNaive(x))).toEqual([
      '2024-05-01 08:00',
      '2024-05-01 08:15',
      '2024-05-01 08:30',
      '2024-05-01 08:45',
    ]);
    const [series] = data.series;
    expect(series?.offered).toEqual([10, null, 0, 4]);
    expect(series?.answered).toEqual([8, null, 0, 2]);
    expect(series?.aht).toEqual([100, null, null, 150]);
    expect(series?.hasRow).toEqual([true, false, true, true]);
    expect(series?.gaps).toBe(1);
  });

  it('gives no average handling time when nothing was answered, even with handling time', () => {
    const data = ok(
      buildIntervalSeries({ columns, rows: [row('Q1', '2024-05-01 08:00:00', 5, 0, 120)], intervalMinutes: 15 }),
    );
    expect(data.series[0]?.aht).toEqual([null]);
    expect(data.series[0]?.offered).toEqual([5]);
  });

  it('uses a 30-minute grid, and counts off-grid rows in the interval they fall in', () => {
    const data = ok(
      buildIntervalSeries({
        columns,
        rows: [
          row('Q1', '2024-05-01 08:00:00', 1, 1, 10),
          row('Q1', '2024-05-01 08:15:00', 2, 2, 30),
          row('Q1', '2024-05-01 09:30:00', 3, 3, 30),
        ],
        intervalMinutes: 30,
      }),
    );
    expect(data.x.map((x) => formatNaive(x))).toEqual([
      '2024-05-01 08:00',
      '2024-05-01 08:30',
      '2024-05-01 09:00',
      '2024-05-01 09:30',
    ]);
    expect(data.series[0]?.offered).toEqual([3, null, null, 3]);
    expect(data.series[0]?.aht).toEqual([40 / 3, null, null, 10]);
    expect(data.offGridRows).toBe(1);
  });

  it('keeps a DST night evenly spaced: the naive axis has no missing or repeated hour', () => {
    const night = (date: string) =>
      ['00', '01', '02', '03'].map((hour) => row('Q1', `${date} ${hour}:00:00`, 1, 1, 60));
    for (const date of ['2024-03-31', '2024-10-27']) {
      const data = ok(buildIntervalSeries({ columns, rows: night(date), intervalMinutes: 30 }));
      expect(data.x).toHaveLength(7);
      expect(new Set(data.x.slice(1).map((x, index) => x - data.x[index]!))).toEqual(new Set([1800]));
      expect(formatNaive(data.x[4]!)).toBe(`${date} 02:00`);
      expect(data.series[0]?.gaps).toBe(3);
    }
  });

  it('reads ISO timestamps as the wall clock they show, ignoring a zone suffix', () => {
    const data = ok(
      buildIntervalSeries({
        columns,
        rows: [row('Q1', '2024-05-01T08:00:00.000Z', 1, 1, 1), row('Q1', '2024-05-01T08:15:00+02:00', 1, 1, 1)],
        intervalMinutes: 15,
      }),
    );
    expect(data.x.map((x) => formatNaive(x))).toEqual(['2024-05-01 08:00', '2024-05-01 08:15']);
  });

  it('finds columns whatever their case, and sums channels unless asked to split them', () => {
    const mixed = ['QueueIdentifier', 'QUEUENAME', 'TimeStamp', 'Offered', 'answered', 'HandlingTime', 'Channel'];
    const rows = [
      ['Q1', 'Sales', '2024-05-01 08:00:00', 3, 3, 30, 'calls'],
      ['Q1', 'Sales', '2024-05-01 08:00:00', 2, 1, 50, 'Chats'],
      ['Q1', 'Sales', '2024-05-01 08:15:00', 1, 1, 10, ''],
    ];
    const summed = ok(buildIntervalSeries({ columns: mixed, rows, intervalMinutes: 15 }));
    expect(summed.hasChannel).toBe(true);
    expect(summed.series).toHaveLength(1);
    expect(summed.series[0]).toMatchObject({ queueName: 'Sales', channel: null, offered: [5, 1], aht: [20, 10] });
    const split = ok(buildIntervalSeries({ columns: mixed, rows, intervalMinutes: 15, byChannel: true }));
    expect(split.series.map((series) => [series.channel, series.offered])).toEqual([
      ['calls', [3, 1]],
      ['chats', [2, null]],
    ]);
  });

  it('puts every queue on the same grid, so a queue that starts later has leading gaps', () => {
    const data = ok(
      buildIntervalSeries({
        columns,
        rows: [row('B', '2024-05-01 08:15:00', 1, 1, 1), row('A', '2024-05-01 08:00:00', 2, 2, 2)],
        intervalMinutes: 15,
      }),
    );
    expect(data.series.map((series) => [series.queueId, series.offered])).toEqual([
      ['A', [2, null]],
      ['B', [null, 1]],
    ]);
  });

  it('reads numbers from text and bigints, and leaves unusable rows out with a count', () => {
    const data = ok(
      buildIntervalSeries({
        columns,
        rows: [
          row('Q1', '2024-05-01 08:00:00', '7', { $bigint: '7' }, '70.0'),
          row('Q1', 'yesterday', 1, 1, 1),
          [null, 'x', '2024-05-01 08:00:00', 1, 1, 1],
          row('Q1', '2024-05-01 08:15:00', null, 'n/a', 5),
        ],
        intervalMinutes: 15,
      }),
    );
    expect(data.skippedRows).toBe(2);
    expect(data.series[0]).toMatchObject({ offered: [7, null], answered: [7, null], aht: [10, null], gaps: 0 });
  });

  it('says which columns are missing instead of failing', () => {
    expect(buildIntervalSeries({ columns: ['queueidentifier', 'timestamp'], rows: [], intervalMinutes: 15 })).toEqual({
      ok: false,
      reason: 'missing-columns',
      missing: ['offered', 'answered', 'handlingtime'],
    });
  });

  it('charts without queuename, labelled by the identifier', () => {
    const data = ok(
      buildIntervalSeries({
        columns: ['queueidentifier', 'timestamp', 'offered', 'answered', 'handlingtime'],
        rows: [['Q9', '2024-05-01 08:00:00', 1, 1, 1]],
        intervalMinutes: 15,
      }),
    );
    expect(data.series[0]?.queueName).toBe('Q9');
  });

  it('reports no data and refuses an absurd time range instead of allocating it', () => {
    expect(buildIntervalSeries({ columns, rows: [], intervalMinutes: 15 })).toEqual({ ok: false, reason: 'no-data' });
    const data = buildIntervalSeries({
      columns,
      rows: [row('Q1', '1900-01-01 00:00:00', 1, 1, 1), row('Q1', '2024-05-01 08:00:00', 1, 1, 1)],
      intervalMinutes: 15,
    });
    expect(data).toMatchObject({ ok: false, reason: 'range-too-large' });
    expect(!data.ok && data.reason === 'range-too-large' && data.intervals).toBeGreaterThan(MAX_INTERVALS);
  });

  it('normalises channels as the contract says', () => {
    expect([normaliseChannel(''), normaliseChannel(null), normaliseChannel(' Emails ')]).toEqual([
      'calls',
      'calls',
      'emails',
    ]);
  });
});
