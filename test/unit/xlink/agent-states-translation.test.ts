import { describe, expect, it } from 'vitest';
import { checkPreviewable } from '../../../src-shared/sql/classify-statement';
import type { Dialect } from '../../../src-shared/sql/dialect';
import { DIALECTS } from '../../../src-shared/sql/dialect';
import { body, notesMatching, plan, sqlOf } from './xlink-test-helpers';

/** What each timestamp type must become, per dialect, for a column `s.col` (the spec's table). */
const CONVERTED: Readonly<Record<0 | 1 | 2, Readonly<Record<Dialect, (column: string) => string>>>> = {
  2: {
    postgres: (c) => c,
    mysql: (c) => c,
    mssql: (c) => c,
    sqlite: (c) => c,
    generic: (c) => c,
  },
  1: {
    postgres: (c) => `to_timestamp(${c}) AT TIME ZONE 'UTC'`,
    mysql: (c) => `FROM_UNIXTIME(${c})`,
    mssql: (c) => `DATEADD(second, ${c}, '1970-01-01')`,
    sqlite: (c) => `datetime(${c}, 'unixepoch')`,
    generic: (c) => `{fn TIMESTAMPADD(SQL_TSI_SECOND, ${c}, {ts '1970-01-01 00:00:00'})}`,
  },
  0: {
    postgres: (c) => `to_timestamp(${c}, 'YYYY-MM-DD HH24:MI:SS')::timestamp`,
    mysql: (c) => `STR_TO_DATE(${c}, '%Y-%m-%d %H:%i:%s')`,
    mssql: (c) => `CONVERT(datetime2, ${c}, 120)`,
    sqlite: (c) => c,
    generic: (c) => c,
  },
};

const PLUS_SECONDS: Readonly<Record<Dialect, (start: string, seconds: string) => string>> = {
  postgres: (start, seconds) => `${/\s/.test(start) ? `(${start})` : start} + ${seconds} * interval '1 second'`,
  mysql: (start, seconds) => `TIMESTAMPADD(SECOND, ${seconds}, ${start})`,
  mssql: (start, seconds) => `DATEADD(second, ${seconds}, ${start})`,
  sqlite: (start, seconds) => `datetime(${start}, '+' || ${seconds} || ' seconds')`,
  generic: (start, seconds) => `{fn TIMESTAMPADD(SQL_TSI_SECOND, ${seconds}, ${start})}`,
};

function sectionFor(spanType: 0 | 1 | 2, timestampType: 0 | 1 | 2): string[] {
  return [
    '[ACD]',
    'DSN = acd',
    'AgentActivityTable = agent_log',
    'AgentColumn = agent',
    'ActivityColumn = state',
    `ActivityTimeSpanType = ${spanType}`,
    'ActivityStartTimeStampColumn = start_col',
    `ActivityStartTimeStampType = ${timestampType}`,
    'ActivityStartTimeStampFormat = %Y-%m-%d %H:%M:%S',
    ...(spanType === 1
      ? [
          'ActivityEndTimeStampColumn = end_col',
          `ActivityEndTimeStampType = ${timestampType}`,
          'ActivityEndTimeStampFormat = yyyy-MM-dd HH:mm:ss',
        ]
      : []),
    ...(spanType === 0 ? ['ActivityDurationColumn = dur_s'] : []),
    ...(spanType === 2 ? ["LogOffActivities = LOGOFF; Log'out"] : []),
  ];
}

function expectedBody(spanType: 0 | 1 | 2, timestampType: 0 | 1 | 2, dialect: Dialect): string {
  const start = CONVERTED[timestampType][dialect]('s.start_col');
  if (spanType === 2) {
    return [
      'SELECT',
      '  l.agentidentifier,',
      '  l.starttime,',
      '  l.endtime,',
      '  l.activity',
      'FROM (',
      '  SELECT',
      '    s.agent AS agentidentifier,',
      `    ${start} AS starttime,`,
      `    LEAD(${start}) OVER (PARTITION BY s.agent ORDER BY ${start}) AS endtime,`,
      '    s.state AS activity',
      '  FROM agent_log s',
      ') l',
      "WHERE l.activity NOT IN ('LOGOFF', 'Log''out')",
      'ORDER BY l.starttime, l.agentidentifier',
    ].join('\n');
  }
  const end = spanType === 1 ? CONVERTED[timestampType][dialect]('s.end_col') : PLUS_SECONDS[dialect](start, 's.dur_s');
  return [
    'SELECT',
    '  s.agent AS agentidentifier,',
    `  ${start} AS starttime,`,
    `  ${end} AS endtime,`,
    '  s.state AS activity',
    'FROM agent_log s',
    'ORDER BY 2, 1',
  ].join('\n');
}

const SPAN_TYPES = [0, 1, 2] as const;
const TIMESTAMP_TYPES = [0, 1, 2] as const;
const cases = SPAN_TYPES.flatMap((span) =>
  TIMESTAMP_TYPES.flatMap((timestamp) => DIALECTS.map((dialect) => [span, timestamp, dialect] as const)),
);

describe('agent states: every ActivityTimeSpanType x timestamp type x dialect', () => {
  it.each(cases)('span type %i, timestamp type %i, %s', (spanType, timestampType, dialect) => {
    const result = plan(sectionFor(spanType, timestampType), dialect);
    const sql = sqlOf(result, 'agent-states');
    expect(body(sql)).toBe(expectedBody(spanType, timestampType, dialect));
    expect(sql).toMatch(/^-- Agent states generated from isps_ul\.ini section \[ACD\]/);
    const check = checkPreviewable(sql, dialect);
    expect(check.ok, check.ok ? '' : check.message).toBe(true);
    const integration = result.systems[0]?.integrations.find((item) => item.importType === 'agent-states');
    expect(integration).toMatchObject({
      name: 'Agent states',
      intervalMinutes: 15,
      ruleSet: 'wfm-2024-05',
      realTime: false,
      reconciliation: true,
    });
  });
});

describe('agent states: notes on timestamp conversions', () => {
  it('says the system time zone must be UTC for Unix time', () => {
    const notes = notesMatching(plan(sectionFor(1, 1), 'postgres').notes, /Unix time/);
    expect(notes.map((item) => item.severity)).toEqual(['warning', 'warning']);
    expect(notes[0]?.message).toMatch(/set this system's database time zone to UTC/);
  });

  it('returns the raw column with an error note for a non-ISO text format where no conversion exists', () => {
    const lines = sectionFor(1, 0).map((line) => line.replace(/Format = .*/, 'Format = dd/MM/yyyy HH:mm'));
    for (const dialect of ['sqlite', 'mssql', 'generic'] as const) {
      const result = plan(lines, dialect);
      expect(body(sqlOf(result, 'agent-states'))).toContain('  s.start_col AS starttime,');
      expect(body(sqlOf(result, 'agent-states'))).toContain('  s.end_col AS endtime,');
      expect(notesMatching(result.notes, /holds text timestamps in the format "dd\/MM\/yyyy HH:mm"/)).toHaveLength(2);
      expect(notesMatching(result.notes, /holds text timestamps/).every((item) => item.severity === 'error')).toBe(
        true,
      );
    }
    expect(body(sqlOf(plan(lines, 'postgres'), 'agent-states'))).toContain(
      "to_timestamp(s.start_col, 'DD/MM/YYYY HH24:MI')::timestamp AS starttime",
    );
  });

  it('returns the raw column with an error note when a text timestamp has no format key', () => {
    const lines = sectionFor(2, 0).filter((line) => !line.startsWith('ActivityStartTimeStampFormat'));
    const result = plan(lines, 'postgres');
    expect(body(sqlOf(result, 'agent-states'))).toContain('    s.start_col AS starttime,');
    expect(notesMatching(result.notes, /ActivityStartTimeStampFormat is missing/)[0]?.severity).toBe('error');
  });

  it('warns that adding a duration to text timestamps may fail on an unknown (generic) server', () => {
    const result = plan(sectionFor(0, 0), 'generic');
    expect(notesMatching(result.notes, /added to text timestamps/)[0]?.severity).toBe('warning');
    expect(notesMatching(plan(sectionFor(0, 2), 'generic').notes, /added to text timestamps/)).toEqual([]);
  });

  it('notes an unused format key when the timestamps are not text', () => {
    const result = plan(sectionFor(2, 2), 'postgres');
    expect(notesMatching(result.notes, /ActivityStartTimeStampFormat is not used/)).toHaveLength(1);
  });
});

describe('agent states: keys that are missing or wrong', () => {
  it('reads the leading integer of a numeric key with a trailing comment (the seed writes "1 ;(start and end time only)")', () => {
    const lines = sectionFor(1, 2).map((line) =>
      line
        .replace('ActivityTimeSpanType = 1', 'ActivityTimeSpanType = 1 ;(start and end time only)')
        .replace(/(ActivityStartTimeStampType = 2)/, '$1 ;(date/time field)'),
    );
    expect(body(sqlOf(plan(lines), 'agent-states'))).toBe(expectedBody(1, 2, 'postgres'));
  });

  it('assumes a span type from the columns when ActivityTimeSpanType is missing, with a warning', () => {
    const lines = sectionFor(0, 2).filter((line) => !line.startsWith('ActivityTimeSpanType'));
    const result = plan(lines);
    expect(body(sqlOf(result, 'agent-states'))).toBe(expectedBody(0, 2, 'postgres'));
    expect(
      notesMatching(result.notes, /ActivityTimeSpanType is missing; 0 was assumed because a duration column is given/),
    ).toHaveLength(1);
  });

  it('creates no agent states for an unknown span type, and says so', () => {
    const lines = sectionFor(1, 2).map((line) => line.replace('ActivityTimeSpanType = 1', 'ActivityTimeSpanType = 7'));
    const result = plan(lines);
    expect(result.systems[0]?.integrations).toEqual([]);
    expect(notesMatching(result.notes, /ActivityTimeSpanType is 7/)[0]?.severity).toBe('error');
  });

  it('creates no agent states when a required key is missing, and lists it', () => {
    const result = plan(sectionFor(1, 2).filter((line) => !line.startsWith('AgentColumn')));
    expect(result.systems[0]?.integrations).toEqual([]);
    expect(notesMatching(result.notes, /^Agent states not created: AgentColumn is missing/)).toHaveLength(1);
  });

  it('creates no agent states for span type 1 without an end column', () => {
    const lines = sectionFor(1, 2).filter((line) => !line.startsWith('ActivityEndTimeStampColumn'));
    const result = plan(lines);
    expect(result.systems[0]?.integrations).toEqual([]);
    expect(
      notesMatching(result.notes, /ActivityTimeSpanType 1 not created: ActivityEndTimeStampColumn is missing/),
    ).toHaveLength(1);
  });

  it('keeps every state when span type 2 has no LogOffActivities, with a warning', () => {
    const result = plan(sectionFor(2, 2).filter((line) => !line.startsWith('LogOffActivities')));
    expect(sqlOf(result, 'agent-states')).not.toContain('WHERE');
    expect(notesMatching(result.notes, /without LogOffActivities/)[0]?.severity).toBe('warning');
  });

  it('accepts LogOffActivities separated by commas and leaves out a backslash value on a generic connection', () => {
    const lines = sectionFor(2, 2).map((line) =>
      line.replace(/^LogOffActivities = .*/, 'LogOffActivities = LOGOFF, DOM\\OUT'),
    );
    expect(sqlOf(plan(lines, 'postgres'), 'agent-states')).toContain("NOT IN ('LOGOFF', 'DOM\\OUT')");
    const generic = plan(lines, 'generic');
    expect(sqlOf(generic, 'agent-states')).toContain("NOT IN ('LOGOFF')");
    expect(notesMatching(generic.notes, /"DOM\\\\OUT" holds a backslash/)[0]?.severity).toBe('error');
  });
});
