import { describe, expect, it } from 'vitest';
import { planXlinkImport } from '../../../src-main/transfer/xlink';
import { body, notesMatching, plan, sqlOf } from './xlink-test-helpers';

/**
 * Whole isps_ul.ini files that Windows' profile API (and so Xlink) reads differently from a
 * naive ini reader: the plan must contain what Xlink read, and a note must say what it did not.
 */

const CALL_DATA = [
  'DSN = acd',
  'CallDataTable = calls',
  'TimeStampColumn = ts',
  'QueueNameColumn = queue',
  'ValueTypes = n_offered;n_answered;talk_seconds',
];
const AGENT_STATES = [
  'AgentActivityTable = agent_log',
  'AgentColumn = agent',
  'ActivityColumn = state',
  'ActivityStartTimeStampColumn = start_col',
  'ActivityStartTimeStampType = 2',
];
const SUMS = /SUM\(c\.(\w+)\) AS (\w+)/g;
const sums = (sql: string) => [...sql.matchAll(SUMS)].map((match) => `${match[2]} ← ${match[1]}`);
const integrationNames = (result: ReturnType<typeof plan>) =>
  result.systems.map((system) => [system.name, system.integrations.map((item) => item.name)]);

describe('a repeated [section]: Windows reads only the first one', () => {
  const lines = ['[Universal ACD]', ...CALL_DATA, '[Other]', 'DSN = other', '[universal acd]', ...AGENT_STATES];

  it('builds the system from the first occurrence only, never from the keys of the later one', () => {
    const result = plan(lines);
    expect(integrationNames(result)).toEqual([
      ['Universal ACD', ['Intervals', 'Contacts']],
      ['Other', []],
    ]);
    expect(JSON.stringify(result.systems)).not.toContain('agent_log');
  });

  it('names the later header, its lines and keys, and says Xlink never read them', () => {
    const [warning, ...others] = notesMatching(plan(lines).notes, /appears again/);
    expect(others).toEqual([]);
    expect(warning).toEqual({
      severity: 'warning',
      section: 'Universal ACD',
      key: null,
      line: 9,
      message:
        'Section [universal acd] appears again on line 9 (first on line 1): Windows reads only the first [Universal ACD], so Xlink never read lines 10–14 (AgentActivityTable, AgentColumn, ActivityColumn, ActivityStartTimeStampColumn, ActivityStartTimeStampType) and the import ignores them too. Move what is needed into the section on line 1.',
    });
  });
});

describe('key names match exactly (ignoring case): near-misses are reported, never used', () => {
  it('sums the ValueTypes columns even when Value_Types comes first, and asks about Value_Types', () => {
    const result = plan([
      '[Universal ACD]',
      ...CALL_DATA.filter((line) => !line.startsWith('ValueTypes')),
      'Value_Types = wrong_a;wrong_b;wrong_c',
      'VALUETYPES = n_offered;n_answered;talk_seconds',
    ]);
    expect(sums(sqlOf(result, 'interval'))).toEqual([
      'offered ← n_offered',
      'answered ← n_answered',
      'handlingtime ← talk_seconds',
    ]);
    expect(JSON.stringify(result.systems)).not.toContain('wrong_');
    expect(notesMatching(result.notes, /^Value_Types/)).toEqual([
      {
        severity: 'warning',
        section: 'Universal ACD',
        key: 'Value_Types',
        line: 6,
        message:
          'Value_Types (line 6) is not a key Xlink read, so the import does not use it either (its value was "wrong_a;wrong_b;wrong_c"). Did you mean ValueTypes? If so, correct the name in the file and import again.',
      },
    ]);
  });

  it('does not read Valuetype as ValueTypes: the value types are missing, and the note points at it', () => {
    const result = plan(['[S]', ...CALL_DATA.map((line) => line.replace(/^ValueTypes =/, 'Valuetype ='))]);
    expect(body(sqlOf(result, 'interval'))).toContain('  0 AS offered,');
    expect(notesMatching(result.notes, /ValueTypes is missing or empty/)[0]?.severity).toBe('error');
    expect(notesMatching(result.notes, /^Valuetype \(line 6\) .* Did you mean ValueTypes\?/)).toHaveLength(1);
  });

  it('creates no intervals from TimeStampColum, and says which key it resembles', () => {
    const result = plan(['[S]', ...CALL_DATA.map((line) => line.replace('TimeStampColumn', 'TimeStampColum'))]);
    expect(result.systems[0]?.integrations).toEqual([]);
    expect(notesMatching(result.notes, /^Intervals and Contacts not created: TimeStampColumn is missing/)).toHaveLength(
      1,
    );
    expect(notesMatching(result.notes, /^TimeStampColum \(line 4\) .* Did you mean TimeStampColumn\?/)).toHaveLength(1);
  });

  it('reads keys in any case, and a DSN spelt with a stray underscore not at all', () => {
    const result = plan(['[S]', 'calldatatable = calls', 'TIMESTAMPCOLUMN = ts', 'queuenamecolumn = q', 'D_S_N = x']);
    expect(result.systems[0]?.dsn).toBeNull();
    expect(result.systems[0]?.integrations.map((item) => item.name)).toEqual(['Intervals', 'Contacts']);
    expect(notesMatching(result.notes, /^D_S_N \(line 5\) .* Did you mean DSN\?/)).toHaveLength(1);
  });

  it('says so when a section that is no system holds a misspelt universal key', () => {
    const result = plan(['[Site]', 'Value_Types = a;b', '[S]', 'DSN = x']);
    expect(notesMatching(result.notes, /^\[Site\] .* Value_Types \(line 2\) looks like ValueTypes misspelt/)).toEqual([
      expect.objectContaining({ severity: 'warning', section: 'Site' }),
    ]);
  });
});

describe('headers: [] is a section, a "[" line without "]" is not', () => {
  it('reads on after a header without "]": the lines after it stay in the section before, as Xlink read them', () => {
    const result = plan(['[A]', 'DSN = a', '[Universal ACD', 'DSN = u', ...CALL_DATA.slice(1), '[B]', 'DSN = b']);
    expect(result.systems.map((system) => [system.name, system.dsn])).toEqual([
      ['A', 'a'],
      ['B', 'b'],
    ]);
    expect(integrationNames(result)[0]).toEqual(['A', ['Intervals', 'Contacts']]);
    expect(notesMatching(result.notes, /line 3: "\[Universal ACD" has no closing "\]".* stay in \[A\]/)).toHaveLength(
      1,
    );
    expect(notesMatching(result.notes, /DSN appears twice in \[A\] \(lines 2 and 4\)/)).toHaveLength(1);
  });

  it('ends the section before at [], and imports nothing from under it', () => {
    const result = plan(['[A]', 'DSN = a', '[]', 'User = hidden', 'CallDataTable = calls', '[B]', 'DSN = b']);
    expect(result.systems.map((system) => [system.name, system.user, system.integrations.length])).toEqual([
      ['A', null, 0],
      ['B', null, 0],
    ]);
    expect(notesMatching(result.notes, /line 3: the section header \[\] has no name/)[0]?.message).toMatch(
      /Xlink never read lines 4–5 \(User, CallDataTable\)/,
    );
  });
});

describe('section names as Windows compares them', () => {
  it('keeps [Sales] and [Sales<no-break space>] apart as Windows does, but imports one system of that name', () => {
    const result = plan(['[Sales]', 'DSN = first', '[Sales\u00a0]', 'DSN = second']);
    expect(result.systems.map((system) => [system.name, system.dsn])).toEqual([['Sales', 'first']]);
    expect(notesMatching(result.notes, /^\[Sales\u00a0\] \(line 3\) was not imported: once trimmed/)).toHaveLength(1);
  });
});

describe('Ctrl-Z at the end of the file is blank', () => {
  const withCtrlZ = (lines: string[]) =>
    planXlinkImport({
      ini: Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), Buffer.from([0x1a])]),
      dialectForDsn: () => 'postgres',
    });

  it('never reaches the DSN, the connection string or the SQL', () => {
    const dsnLast = withCtrlZ(['[S]', ...CALL_DATA.slice(1), 'DSN = acd']);
    expect(dsnLast.systems[0]).toMatchObject({ dsn: 'acd', connectionString: 'DSN=acd;' });
    const tableLast = withCtrlZ([
      '[S]',
      ...CALL_DATA,
      'ActivityTimeSpanType = 2',
      ...AGENT_STATES.slice(1),
      AGENT_STATES[0] ?? '',
    ]);
    expect(JSON.stringify(tableLast)).not.toContain('\\u001a');
    expect(body(sqlOf(tableLast, 'agent-states'))).toContain('  FROM agent_log s\n');
  });

  it('never reaches a value a note quotes', () => {
    const result = withCtrlZ(['[S]', ...CALL_DATA, 'QueueSQL = select queue from queues']);
    expect(notesMatching(result.notes, /^QueueSQL is not needed/)[0]?.message).toMatch(
      /It was: "select queue from queues"$/,
    );
  });
});

describe('numbers as GetPrivateProfileInt reads them', () => {
  const agent = (spanType: string, extra: string[] = []) =>
    plan(['[S]', 'DSN = acd', ...AGENT_STATES, `ActivityTimeSpanType = ${spanType}`, ...extra]);

  it('reads "1 ;(start and end)" as 1 without a note: that is how Xlink documented it', () => {
    const result = agent('1 ;(start and end)', ['ActivityEndTimeStampColumn = end_col']);
    expect(body(sqlOf(result, 'agent-states'))).toContain('  s.end_col AS endtime,');
    expect(notesMatching(result.notes, /ActivityTimeSpanType/)).toEqual([]);
  });

  it('reads "abc" as 0 (start + duration), as Xlink did, with a warning', () => {
    const result = agent('abc', ['ActivityDurationColumn = dur_s']);
    expect(body(sqlOf(result, 'agent-states'))).toContain("s.start_col + s.dur_s * interval '1 second' AS endtime");
    expect(notesMatching(result.notes, /^ActivityTimeSpanType/)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 8,
        message:
          'ActivityTimeSpanType = "abc" is not a plain number: it does not start with a number, which Windows reads as 0, so Xlink read 0, and so does the import. Write the number plainly.',
      }),
    ]);
  });

  it('reads "0x2" the way Windows does (hexadecimal 2), with a warning', () => {
    const result = agent('0x2', ['LogOffActivities = LOGOFF']);
    expect(sqlOf(result, 'agent-states')).toContain("NOT IN ('LOGOFF')");
    expect(notesMatching(result.notes, /^ActivityTimeSpanType = "0x2" is not a plain number/)).toHaveLength(1);
  });

  it('treats an empty value like a missing key (GetPrivateProfileInt returns the default) and says so', () => {
    const result = agent('', ['ActivityDurationColumn = dur_s']);
    expect(notesMatching(result.notes, /^ActivityTimeSpanType is empty; 0 was assumed/)).toHaveLength(1);
  });

  it('reads timestamp types and interval lengths the same way', () => {
    const result = plan([
      '[S]',
      ...CALL_DATA,
      'IntervalLength = 30 minutes',
      ...AGENT_STATES.map((line) => line.replace('StampType = 2', 'StampType = datetime')),
      'ActivityTimeSpanType = 2',
    ]);
    expect(result.systems[0]?.integrations.map((item) => item.intervalMinutes)).toEqual([30, 30, 30]);
    expect(notesMatching(result.notes, /^IntervalLength = "30 minutes" .* 30 minutes are used/)).toHaveLength(1);
    expect(notesMatching(result.notes, /^ActivityStartTimeStampType = "datetime" .* Xlink read 0/)).toHaveLength(1);
    expect(notesMatching(result.notes, /ActivityStartTimeStampFormat is missing/)[0]?.severity).toBe('error');
  });
});

describe('acd_map.ini is read by the same rules', () => {
  const SECTION = ['[Universal ACD]', ...CALL_DATA.slice(0, 4), 'ValueTypes = vt_a;vt_b;vt_c'];

  it('reads only the first of a repeated section', () => {
    const map = ['[Universal ACD]', 'vt_c = offered', '[UNIVERSAL ACD]', 'vt_a = offered', 'vt_b = answered'];
    const result = plan(SECTION, 'postgres', map);
    expect(sums(sqlOf(result, 'interval'))).toEqual(['offered ← vt_c', 'answered ← vt_a', 'handlingtime ← vt_b']);
    expect(notesMatching(result.notes, /^Section \[UNIVERSAL ACD\] appears again on line 3/)).toHaveLength(1);
  });

  it('does not match a value type spelt differently, and says so', () => {
    const result = plan(SECTION, 'postgres', ['[Universal ACD]', 'VT-B = offered', 'vt_c = answered']);
    expect(sums(sqlOf(result, 'interval'))).toEqual(['offered ← vt_a', 'answered ← vt_c', 'handlingtime ← vt_b']);
    expect(notesMatching(result.notes, /line 2 .* maps offered, but not to "vt_b" as ValueTypes spells it/)).toEqual([
      expect.objectContaining({ severity: 'warning' }),
    ]);
  });
});
