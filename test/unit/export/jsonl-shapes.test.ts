import { describe, expect, it } from 'vitest';
import { createJsonlRows } from '../../../src-shared/export';

const lines = (text: string) => text.split('\n');
const records = (
  columns: string[],
  rows: Parameters<ReturnType<typeof createJsonlRows>['row']>[0][],
  contract: Parameters<typeof createJsonlRows>[1],
) => {
  const jsonl = createJsonlRows(columns, contract);
  const text = jsonl.preamble + rows.map((row) => jsonl.row(row)).join('');
  expect(text.endsWith('\n')).toBe(true);
  return lines(text.slice(0, -1)).map((line) => JSON.parse(line) as unknown);
};

describe('JSON Lines: contact events in the WFM API shape', () => {
  const columns = ['queueidentifier', 'QueueName', 'timestamp', 'answered', 'duration', 'channel'];

  it('reads naive timestamps in Europe/Brussels across the autumn DST change (2024-10-27)', () => {
    const out = records(
      columns,
      [
        ['Q1', 'Sales', '2024-10-27 01:30:00', 1, 240, 'calls'],
        // 02:30 happens twice that night: read as the first (summer time) occurrence, as the validator does.
        ['Q1', 'Sales', '2024-10-27 02:30:00', 0, 0, null],
        ['Q2', 'Support', '2024-10-27 03:30:00', 1, { $bigint: '61' }, 'chats'],
      ],
      { importType: 'contact', ruleSet: 'wfm-2024-05', timeZone: 'Europe/Brussels' },
    );
    expect(out).toEqual([
      {
        queueIdentifier: 'Q1',
        queueName: 'Sales',
        timestamp: '2024-10-26T23:30:00.000Z',
        channel: 'calls',
        properties: { offered: true, handled: true, duration: 240 },
      },
      {
        queueIdentifier: 'Q1',
        queueName: 'Sales',
        timestamp: '2024-10-27T00:30:00.000Z',
        channel: 'calls',
        properties: { offered: true, handled: false, duration: 0 },
      },
      {
        queueIdentifier: 'Q2',
        queueName: 'Support',
        timestamp: '2024-10-27T02:30:00.000Z',
        channel: 'chats',
        properties: { offered: true, handled: true, duration: 61 },
      },
    ]);
  });

  it('counts every contact as offered under 2024-05, even when the query still returns offered', () => {
    const [event] = records(
      ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered'],
      [[42, 'Sales', '2024-03-31 01:45:00', 0, 0]],
      { importType: 'contact', ruleSet: 'wfm-2024-05', timeZone: 'Europe/Brussels' },
    );
    // No duration column: the handling time is unknown (null), not zero.
    expect(event).toEqual({
      queueIdentifier: '42',
      queueName: 'Sales',
      timestamp: '2024-03-31T00:45:00.000Z',
      channel: 'calls',
      properties: { offered: true, handled: false, duration: null },
    });
  });

  it('takes offered from its column under 2023-12, and times with an offset as they are', () => {
    const [event] = records(
      ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'duration', 'channel'],
      [['Q1', 'Sales', '2024-03-31T03:00:00+02:00', 0, 0, '15', '  ']],
      { importType: 'contact', ruleSet: 'wfm-2023-12', timeZone: 'America/New_York' },
    );
    expect(event).toMatchObject({
      timestamp: '2024-03-31T01:00:00.000Z',
      channel: 'calls',
      properties: { offered: false, handled: false, duration: 15 },
    });
  });

  it('writes null, not a guess, for values of an invalid row', () => {
    const [event] = records(
      ['queueidentifier', 'queuename', 'timestamp', 'answered', 'duration'],
      [[null, 'Sales', 'yesterday', 2, 'abc']],
      { importType: 'contact', ruleSet: 'wfm-2024-05', timeZone: 'UTC' },
    );
    expect(event).toEqual({
      queueIdentifier: null,
      queueName: 'Sales',
      timestamp: null,
      channel: 'calls',
      properties: { offered: true, handled: null, duration: null },
    });
  });
});

describe('JSON Lines: agent statuses in the WFM API shape', () => {
  it('converts start and end to UTC across the spring DST change (2024-03-31, Brussels) and keeps an open end null', () => {
    const out = records(
      ['AgentIdentifier', 'starttime', 'endtime', 'activity'],
      [
        ['A1', '2024-03-31 01:30:00', '2024-03-31 03:15:00', 'READY'],
        ['A1', '2024-03-31 03:15:00', null, 'BREAK'],
      ],
      { importType: 'agent-states', ruleSet: 'wfm-2024-05', timeZone: 'Europe/Brussels' },
    );
    expect(out).toEqual([
      {
        agentIdentifier: 'A1',
        activityIdentifier: 'READY',
        startTime: '2024-03-31T00:30:00.000Z',
        endTime: '2024-03-31T01:15:00.000Z',
      },
      { agentIdentifier: 'A1', activityIdentifier: 'BREAK', startTime: '2024-03-31T01:15:00.000Z', endTime: null },
    ]);
  });

  it('has endTime null when the query has no endtime column', () => {
    const [status] = records(['agentidentifier', 'starttime', 'activity'], [['A1', '2024-01-15 09:00:00', 'READY']], {
      importType: 'agent-states',
      ruleSet: 'wfm-2024-05',
      timeZone: 'Europe/Brussels',
    });
    expect(status).toEqual({
      agentIdentifier: 'A1',
      activityIdentifier: 'READY',
      startTime: '2024-01-15T08:00:00.000Z',
      endTime: null,
    });
  });
});

describe('JSON Lines: interval rows (our own shape)', () => {
  it('writes numbers as numbers and the interval start in UTC', () => {
    const out = records(
      ['queueidentifier', 'queuename', 'timestamp', 'offered', 'answered', 'handlingtime', 'channel'],
      [
        ['Q1', 'Sales', '2024-07-01 09:15:00', '12', 11, { $bigint: '2460' }, 'emails'],
        ['Q1', 'Sales', '2024-07-01 09:30:00', 9, '9.00', 1810, null],
      ],
      { importType: 'interval', ruleSet: 'wfm-2024-05', timeZone: 'Europe/Brussels' },
    );
    expect(out).toEqual([
      {
        queueIdentifier: 'Q1',
        queueName: 'Sales',
        timestamp: '2024-07-01T07:15:00.000Z',
        channel: 'emails',
        offered: 12,
        answered: 11,
        handlingTime: 2460,
      },
      {
        queueIdentifier: 'Q1',
        queueName: 'Sales',
        timestamp: '2024-07-01T07:30:00.000Z',
        channel: 'calls',
        offered: 9,
        answered: 9,
        handlingTime: 1810,
      },
    ]);
  });

  it('keeps a text with a line break on one line', () => {
    const jsonl = createJsonlRows(['queueidentifier', 'queuename', 'timestamp'], {
      importType: 'interval',
      ruleSet: 'wfm-2024-05',
      timeZone: 'UTC',
    });
    const line = jsonl.row(['Q1', 'Sales\r\nEast', '2024-07-01 09:15:00']);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect((JSON.parse(line) as { queueName: string }).queueName).toBe('Sales\r\nEast');
  });
});
