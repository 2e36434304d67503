import { describe, expect, it } from 'vitest';
import { createValidator } from '../../../src-shared/validation/create-validator';
import { essentials, INTERVAL_COLUMNS } from './fixtures';

const QUEUES = 40;
const INTERVALS = 5000; // 40 × 5000 = 200,000 rows: 52 days of 15-minute intervals from 2026-01-01.
const START = Date.UTC(2026, 0, 1);

/** Naive Brussels wall-clock text for interval i (January–February: no DST change). */
function stamp(i: number): string {
  const iso = new Date(START + i * 900_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

describe('a 200,000-row interval validation', () => {
  it('finds exactly the planted defects, in bounded memory (reports rows/s)', () => {
    const validator = createValidator({
      importType: 'interval',
      intervalMinutes: 15,
      timeZone: 'Europe/Brussels',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    expect(validator.setColumns(INTERVAL_COLUMNS)).toEqual([]);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    let row = 0;
    for (let i = 0; i < INTERVALS; i++) {
      const timestamp = stamp(i);
      for (let q = 0; q < QUEUES; q++) {
        row += 1;
        // Rows are generated on the fly so the measurement is the engine's, not the test data's.
        const values: unknown[] = [`Q${q}`, `Queue ${q}`, timestamp, 20 + (q % 7), 15 + (q % 5), 900 + q, 'calls'];
        if (row === 1_000) values[3] = -1;
        if (row === 100_000) [values[0], values[1]] = [`Q${q - 1}`, `Queue ${q - 1}`];
        if (row === 150_000) values[2] = `${timestamp.slice(0, 14)}07:00`;
        if (row === 199_999) values[6] = 'voice';
        validator.addRow(values);
      }
    }
    const summary = validator.finish();
    const seconds = (performance.now() - started) / 1000;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    console.log(
      `validation throughput: ${summary.rowsChecked} rows in ${seconds.toFixed(2)} s = ` +
        `${Math.round(summary.rowsChecked / seconds).toLocaleString('en-US')} rows/s; heap growth ${heapMb.toFixed(1)} MB`,
    );

    expect(summary.rowsChecked).toBe(200_000);
    expect(essentials(summary)).toEqual([
      { row: 1_000, column: 'offered', rule: 'negative-count', severity: 'error' },
      { row: 100_000, column: null, rule: 'duplicate-key', severity: 'error' },
      { row: 150_000, column: 'timestamp', rule: 'off-grid', severity: 'error' },
      { row: 199_999, column: 'channel', rule: 'unknown-channel', severity: 'error' },
    ]);
    expect(summary.distinct).toEqual({ queues: QUEUES, channels: 2, agents: 0, activities: 0 });
    expect(summary.firstTimestamp).toBe('2025-12-31T23:00:00.000Z');
    expect(summary.lastTimestamp).toBe(new Date(START + (INTERVALS - 1) * 900_000 - 3_600_000).toISOString());
  });
});
