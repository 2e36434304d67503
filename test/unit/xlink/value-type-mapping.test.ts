import { describe, expect, it } from 'vitest';
import { planXlinkImport, XlinkFileError } from '../../../src-main/transfer/xlink';
import { iniBytes, notesMatching, plan, sqlOf } from './xlink-test-helpers';

const SECTION = [
  '[Universal ACD]',
  'DSN = acd',
  'CallDataTable = calls',
  'TimeStampColumn = ts',
  'QueueNameColumn = queue',
  'ValueTypes = vt_a;vt_b;vt_c',
];

/** "offered ← column" for every SUM in the interval query. */
function mapping(lines: readonly string[], acdMap?: readonly string[]): string[] {
  const sql = sqlOf(plan(lines, 'postgres', acdMap), 'interval');
  return [...sql.matchAll(/SUM\(c\.(\w+)\) AS (\w+)/g)].map((match) => `${match[2]} ← ${match[1]}`);
}

describe('acd_map.ini variants', () => {
  it('reads "value type = measure" in a section named after the system', () => {
    const map = ['[Universal ACD]', 'vt_a = handling_time', 'vt_b = offered', 'vt_c = answered'];
    expect(mapping(SECTION, map)).toEqual(['offered ← vt_b', 'answered ← vt_c', 'handlingtime ← vt_a']);
    expect(notesMatching(plan(SECTION, 'postgres', map).notes, /by position/)).toEqual([]);
  });

  it('reads "measure = value type" in a global section, with the WFM API word "handled"', () => {
    const map = ['[ValueTypes]', 'Offered = vt_c', 'Handled = vt_a', 'HandlingTime = vt_b'];
    expect(mapping(SECTION, map)).toEqual(['offered ← vt_c', 'answered ← vt_a', 'handlingtime ← vt_b']);
  });

  it('reads keys written before any section as global, with talk_time for the handling time', () => {
    const map = ['; written by hand', 'vt_a = talk_time', 'vt_b = answered', 'vt_c = offered'];
    expect(mapping(SECTION, map)).toEqual(['offered ← vt_c', 'answered ← vt_b', 'handlingtime ← vt_a']);
  });

  it('reads a lone section named after no system as global', () => {
    const map = ['[Site Brussels]', 'vt_a = duration', 'vt_b = offered', 'vt_c = answered'];
    expect(mapping(SECTION, map)).toEqual(['offered ← vt_b', 'answered ← vt_c', 'handlingtime ← vt_a']);
  });

  it("prefers the system's own section over the global one", () => {
    const map = ['[Global]', 'vt_a = offered', '[universal acd]', 'vt_b = offered'];
    expect(mapping(SECTION, map)[0]).toBe('offered ← vt_b');
  });

  it('keeps the first of two mappings of one measure, with a warning', () => {
    const map = ['[Universal ACD]', 'vt_a = offered', 'vt_b = offered'];
    const result = plan(SECTION, 'postgres', map);
    expect(mapping(SECTION, map)[0]).toBe('offered ← vt_a');
    expect(
      notesMatching(result.notes, /acd_map\.ini line 3 \(\[Universal ACD\]\) maps offered to "vt_b" as well/),
    ).toHaveLength(1);
  });

  it('maps the rest by position when acd_map.ini maps only part, and says which were guessed', () => {
    const map = ['[Universal ACD]', 'vt_c = offered'];
    const result = plan(SECTION, 'postgres', map);
    expect(mapping(SECTION, map)).toEqual(['offered ← vt_c', 'answered ← vt_a', 'handlingtime ← vt_b']);
    expect(
      notesMatching(result.notes, /^ValueTypes: answered ← vt_a, handlingtime ← vt_b were mapped by position/),
    ).toHaveLength(1);
  });

  it('warns that AHT is an average while the contract wants a total', () => {
    const map = ['[Universal ACD]', 'vt_a = offered', 'vt_b = answered', 'vt_c = AHT'];
    const result = plan(SECTION, 'postgres', map);
    expect(mapping(SECTION, map)[2]).toBe('handlingtime ← vt_c');
    expect(notesMatching(result.notes, /maps "vt_c" to AHT \(an average\)/)[0]?.severity).toBe('warning');
  });

  it('notes a mapping of a value type this section does not list', () => {
    const result = plan(SECTION, 'postgres', ['[Universal ACD]', 'vt_z = offered']);
    expect(
      notesMatching(result.notes, /line 2 .* maps offered, but to nothing this section's ValueTypes lists/),
    ).toHaveLength(1);
  });

  it('notes acd_map.ini sections that belong to no system', () => {
    const result = plan(SECTION, 'postgres', ['[Universal ACD]', 'vt_a = offered', '[Old ACD]', 'x = offered']);
    expect(notesMatching(result.notes, /acd_map\.ini section \[Old ACD\] \(line 3\) names no system/)).toHaveLength(1);
  });

  it('refuses a binary acd_map.ini, naming that file', () => {
    const run = () =>
      planXlinkImport({ ini: iniBytes(SECTION), acdMap: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 8, 0]) });
    expect(run).toThrow(XlinkFileError);
    expect(run).toThrow(/^acd_map\.ini is not a text file/);
  });
});

describe('without acd_map.ini', () => {
  it('maps by column-name hints', () => {
    const lines = SECTION.map((line) => line.replace('vt_a;vt_b;vt_c', 'handle_time;calls_offered;calls_answered'));
    expect(mapping(lines)).toEqual([
      'offered ← calls_offered',
      'answered ← calls_answered',
      'handlingtime ← handle_time',
    ]);
    expect(notesMatching(plan(lines).notes, /by position/)).toEqual([]);
  });

  it('maps by position (1st offered, 2nd answered, 3rd handling time) with a warning to check it', () => {
    const result = plan(SECTION);
    expect(mapping(SECTION)).toEqual(['offered ← vt_a', 'answered ← vt_b', 'handlingtime ← vt_c']);
    const [warning] = notesMatching(result.notes, /by position/);
    expect(warning).toMatchObject({ severity: 'warning', section: 'Universal ACD', key: 'ValueTypes', line: 6 });
    expect(warning?.message).toMatch(/Check the Intervals and Contacts queries/);
  });

  it('says when a value type feeds no measure', () => {
    const lines = SECTION.map((line) => line.replace('vt_a;vt_b;vt_c', 'vt_a;vt_b;vt_c;vt_d'));
    expect(notesMatching(plan(lines).notes, /the value type "vt_d" feeds none/)).toHaveLength(1);
  });
});
