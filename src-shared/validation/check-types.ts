/**
 * The contract between the validator and the row checks it looks up by id. The validator converts
 * each row once (types, empties, time zone) into cells; checks only see well-typed cells, so a
 * value with the wrong type is reported once, by the type check, and never again by a value check.
 */
import type { Finding, RuleId } from './finding';
import type { CheckRule } from './rule-set-types';
import type { ResolvedTimestamp, ZoneClock } from './time-zone';

/**
 * One contract column's value in a row: a number for integer columns, text for string columns,
 * a resolved timestamp for datetime columns; null when the value is empty; undefined when the
 * column is absent from the result or the value had the wrong type (already reported).
 */
export type Cell = number | string | ResolvedTimestamp | null | undefined;

/** Upper bound on the keys any per-queue or per-agent map may hold; see distinct-limit. */
export const MAX_TRACKED_KEYS = 100_000;

export interface CheckContext {
  /** The slot (index into the cells) of a contract column; throws when the rule set names an unknown column. */
  slot(column: string): number;
  /** Whether the result has the column. */
  present(column: string): boolean;
  readonly intervalMinutes: number;
  readonly clock: ZoneClock;
  readonly nowMs: number;
  /** Records a finding; returns it while fewer than maxFindings are kept, so a check may refine its message. */
  emit(rule: RuleId, row: number, slot: number | null, message: string): Finding | undefined;
  /** Reports once per column that a map hit MAX_TRACKED_KEYS and stopped growing. */
  limitReached(slot: number, what: string): void;
}

export interface RowCheck {
  /**
   * `valid`: the row has no error finding so far. Only checks that compare rows use it, and the
   * validator runs them after every check of the row alone, so it is then the row's verdict.
   */
  row(cells: readonly Cell[], row: number, valid: boolean): void;
  /**
   * True for a check that compares a row with earlier rows and reports errors (a duplicate key,
   * an overlap). Such a check remembers only rows that are valid, because an export leaves invalid
   * rows out: a row that is not written must never make a written one invalid (the duplicate of a
   * row that does not exist in the file is no duplicate). An invalid row is still compared with the
   * remembered ones, so its own findings stay complete.
   */
  readonly comparesRows?: boolean;
  finish?(): void;
}

export type CheckFactory<R extends CheckRule> = (rule: R, context: CheckContext) => RowCheck;

export function intCell(cells: readonly Cell[], slot: number): number | undefined {
  const cell = cells[slot];
  return typeof cell === 'number' ? cell : undefined;
}

export function textCell(cells: readonly Cell[], slot: number): string | undefined {
  const cell = cells[slot];
  return typeof cell === 'string' ? cell : undefined;
}

export function timeCell(cells: readonly Cell[], slot: number): ResolvedTimestamp | undefined {
  const cell = cells[slot];
  return typeof cell === 'object' && cell !== null ? cell : undefined;
}

export function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
