import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_TYPES } from '../../../src-shared/contract/model';
import { createValidator } from '../../../src-shared/validation/create-validator';
import { RULES, type RuleId, type ValidationSummary } from '../../../src-shared/validation/finding';
import { getRuleSet, RULE_SET_IDS } from '../../../src-shared/validation/rule-sets';
import type { ResultSet } from './fixtures';
import {
  AFTER_JANUARY,
  anyValue,
  type Generated,
  validAgentStates,
  validContact,
  validInterval,
  ZONES,
} from './generators';

function run(g: Omit<Generated, 'result'>, result: ResultSet, maxFindings?: number): ValidationSummary {
  const validator = createValidator({ ...g, maxFindings });
  validator.setColumns(result.columns);
  for (const row of result.rows) validator.addRow(row);
  return validator.finish();
}

/** Invariants every summary keeps, whatever the data. */
function expectConsistent(summary: ValidationSummary, rows: number, maxFindings = 1000): void {
  const counted = Object.entries(summary.findingCounts) as [RuleId, number][];
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const [rule, count] of counted) bySeverity[RULES[rule].severity] += count;
  expect(summary.countsBySeverity).toEqual(bySeverity);
  expect(summary.ok).toBe(summary.countsBySeverity.error === 0);
  expect(summary.rowsChecked).toBe(rows);
  expect(summary.findings.length).toBe(
    Math.min(
      maxFindings,
      counted.reduce((sum, [, n]) => sum + n, 0),
    ),
  );
  for (const found of summary.findings) {
    expect(found.row).toBeGreaterThanOrEqual(0);
    expect(found.row).toBeLessThanOrEqual(rows);
    expect(found.severity).toBe(RULES[found.rule].severity);
    expect(found.message.length).toBeGreaterThan(10);
  }
}

describe('validator properties', () => {
  it('never throws on arbitrary columns and row values, and keeps its summary consistent', () => {
    const contractNames = [
      ...new Set(
        RULE_SET_IDS.flatMap((id) =>
          IMPORT_TYPES.flatMap((t) => getRuleSet(id).importTypes[t].columns.map((c) => c.name)),
        ),
      ),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...IMPORT_TYPES),
        fc.constantFrom(...RULE_SET_IDS),
        fc.constantFrom(...ZONES),
        fc.constantFrom<15 | 30>(15, 30),
        fc.array(fc.oneof(fc.constantFrom(...contractNames), fc.string({ maxLength: 16 })), { maxLength: 9 }),
        fc.array(fc.array(anyValue, { maxLength: 10 }), { maxLength: 25 }),
        fc.integer({ min: 0, max: 30 }),
        (importType, ruleSet, timeZone, intervalMinutes, columns, rows, maxFindings) => {
          const options = { importType, ruleSet, timeZone, intervalMinutes, now: AFTER_JANUARY };
          const summary = run(options, { columns, rows }, maxFindings);
          expectConsistent(summary, rows.length, maxFindings);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['interval', validInterval],
    ['contact', validContact],
    ['agent-states', validAgentStates],
  ] as const)('%s rows that are valid by construction give zero findings', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (g) => {
        const summary = run(g, g.result);
        expect(summary.findings).toEqual([]);
        expect(summary.ok).toBe(true);
        expect(summary.rowsChecked).toBe(g.result.rows.length);
      }),
      { numRuns: 150 },
    );
  });

  it('ok is false exactly when an error finding exists', () => {
    const damaged = fc.oneof(validInterval, validContact, validAgentStates).chain((g) =>
      fc.array(fc.tuple(fc.nat(), fc.nat(), anyValue), { maxLength: 4 }).map((damage) => {
        const rows = g.result.rows.map((row) => [...row]);
        for (const [r, c, value] of damage) {
          const row = rows[r % rows.length];
          if (row !== undefined) row[c % row.length] = value;
        }
        return { ...g, result: { ...g.result, rows } };
      }),
    );
    fc.assert(
      fc.property(damaged, (g) => {
        const summary = run(g, g.result, 100_000);
        expectConsistent(summary, g.result.rows.length, 100_000);
        expect(summary.ok).toBe(!summary.findings.some((found) => found.severity === 'error'));
      }),
      { numRuns: 300 },
    );
  });
});
