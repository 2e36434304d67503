/**
 * The streaming validator: columns once, then rows one at a time, then a summary. Memory does not
 * grow with the rows: each row is converted into a reused cell array, checks keep per-queue and
 * per-agent state (bounded by MAX_TRACKED_KEYS) and a bounded duplicate-key window, and only the
 * first maxFindings findings are kept. Row values are whatever a driver delivers; no value makes
 * addRow throw. Bad options (unknown zone, rule set or check column) throw when the validator is made.
 * Checks that compare rows remember only rows without an error (RowCheck.comparesRows), so an
 * invalid row never makes another row invalid, and an export that leaves it out loses nothing else.
 */
import type { ImportType } from '../contract/model';
import { describeValue, EMPTY, INVALID, isBlankText, isEmptyValue, toInteger, toText, typeAdvice } from './cell-values';
import { checkColumns } from './check-columns';
import { createCheck } from './check-registry';
import { type Cell, type CheckContext, MAX_TRACKED_KEYS, type RowCheck, textCell, timeCell } from './check-types';
import { BoundedSet, DEFAULT_MAX_FINDINGS, FindingCollector } from './finding-collector';
import { finding, type Finding, type RuleId, type ValidationSummary } from './finding';
import { formatWallClock } from './parse-timestamp';
import type { ColumnRule, DistinctKind, RuleSet } from './rule-set-types';
import { getRuleSet, type RuleSetId } from './rule-sets';
import { formatUtc, ZoneClock } from './time-zone';

export interface ValidatorOptions {
  importType: ImportType;
  /** A rule set id (default wfm-2024-05) or a rule set object. */
  ruleSet?: RuleSetId | RuleSet;
  intervalMinutes: 15 | 30;
  /** The integration's database time zone (IANA); naive timestamps are read in it. */
  timeZone: string;
  /** The moment "future" and "older than 24 hours" are measured from. */
  now: Date;
  /** How many findings the summary keeps (default 1000); counting goes on past it. */
  maxFindings?: number;
  /**
   * Called with every finding as it is made, also past maxFindings. Row findings arrive during
   * the addRow call of the row they name, so a caller can tell which rows have an error.
   */
  onFinding?: (finding: Finding) => void;
}

export interface Validator {
  /** Call once, before the first row. Returns the column-level findings (row 0). */
  setColumns(names: readonly string[]): Finding[];
  addRow(values: readonly unknown[]): void;
  finish(): ValidationSummary;
}

type Converter = (value: unknown, row: number) => Cell;

const DISTINCT_KINDS: readonly DistinctKind[] = ['queues', 'channels', 'agents', 'activities'];

export function createValidator(options: ValidatorOptions): Validator {
  const ruleSet = typeof options.ruleSet === 'object' ? options.ruleSet : getRuleSet(options.ruleSet);
  const rules = ruleSet.importTypes[options.importType];
  if (rules === undefined) throw new RangeError(`Unknown import type "${String(options.importType)}"`);
  const clock = new ZoneClock(options.timeZone);
  const nowMs = options.now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now must be a valid Date');
  if (options.intervalMinutes !== 15 && options.intervalMinutes !== 30) {
    throw new RangeError('intervalMinutes must be 15 or 30');
  }
  const collector = new FindingCollector(Math.max(0, Math.floor(options.maxFindings ?? DEFAULT_MAX_FINDINGS)));
  const columns = rules.columns;
  const slotOf = new Map(columns.map((column, slot) => [column.name, slot]));
  const cells: Cell[] = columns.map(() => undefined);
  let resultIndex: (number | undefined)[] = columns.map(() => undefined);
  let resultNames: readonly string[] = [];
  let checks: RowCheck[] | undefined;
  let rowsChecked = 0;
  /** Whether the row being added has an error finding yet (see RowCheck.comparesRows). */
  let rowHasError = false;
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  const limited = new Set<number>();

  const columnName = (slot: number): string => {
    const index = resultIndex[slot];
    return (index === undefined ? undefined : resultNames[index]) ?? columns[slot]?.name ?? '';
  };

  const record = (item: Finding): Finding | undefined => {
    if (item.severity === 'error') rowHasError = true;
    options.onFinding?.(item);
    return collector.add(item);
  };

  const emit = (rule: RuleId, row: number, slot: number | null, message: string): Finding | undefined =>
    record(finding(rule, row, slot === null ? null : columnName(slot), message));

  const limitReached = (slot: number, what: string): void => {
    if (limited.has(slot)) return;
    limited.add(slot);
    const name = columnName(slot);
    emit(
      'distinct-limit',
      rowsChecked,
      slot,
      `More than ${MAX_TRACKED_KEYS.toLocaleString('en-US')} distinct ${what} in ${name}; later ones are not ` +
        `tracked, so checks that compare rows by ${name} are incomplete. Is ${name} the right column?`,
    );
  };

  const slot = (column: string): number => {
    const found = slotOf.get(column);
    if (found === undefined) throw new RangeError(`Rule set ${ruleSet.id} names unknown column "${column}"`);
    return found;
  };

  const context: CheckContext = {
    slot,
    present: (column) => resultIndex[slot(column)] !== undefined,
    intervalMinutes: options.intervalMinutes,
    clock,
    nowMs,
    emit,
    limitReached,
  };

  const distinct = DISTINCT_KINDS.map((kind) => {
    const spec = rules.distinct[kind];
    const at = spec === undefined ? undefined : slot(spec.column);
    const values = new BoundedSet(MAX_TRACKED_KEYS, () => at !== undefined && limitReached(at, kind));
    return { kind, at, emptyMeans: spec?.emptyMeans, values };
  });
  const timeSlot = slot(rules.timeColumn);

  /** Converts one value to its column's type, reporting empties, wrong types and DST problems. */
  const convert = (value: unknown, column: ColumnRule, at: number, row: number): Cell => {
    if (isEmptyValue(value)) {
      if (column.presence === 'required') {
        emit(
          'empty-required',
          row,
          at,
          `${column.name} is empty (${describeValue(value)}), but every row needs it (${column.meaning}). ` +
            `Filter such rows out or supply a value, e.g. with COALESCE.`,
        );
      }
      return null;
    }
    if (column.type === 'datetime') return convertTime(value, column, at, row);
    const converted = column.type === 'integer' ? toInteger(value) : toText(value);
    if (converted === EMPTY) return null;
    if (converted !== INVALID) return converted;
    const expected = column.type === 'integer' ? 'a whole number' : 'text';
    emit(
      column.type === 'integer' ? 'type-integer' : 'type-string',
      row,
      at,
      `${column.name} is ${describeValue(value)}, not ${expected}. ${typeAdvice(value, column.type)}`,
    );
    return undefined;
  };

  const convertTime = (value: unknown, column: ColumnRule, at: number, row: number): Cell => {
    const time = clock.resolve(value);
    if (time === undefined) {
      emit(
        'type-datetime',
        row,
        at,
        `${column.name} is ${describeValue(value)}, not a date and time. ${typeAdvice(value, 'datetime')}`,
      );
      return undefined;
    }
    if (time.flag === 'dst-gap') {
      emit(
        'dst-gap',
        row,
        at,
        `${column.name} ${describeValue(value)} does not exist in ${clock.zone}: the clocks jump forward over it. ` +
          `It was read as ${formatWallClock(time.epochMs + clock.offsetAt(time.epochMs) * 60_000)} ` +
          `(${formatUtc(time.epochMs)}); the WFM system may read it differently. Such times usually mean the ` +
          `data is not in ${clock.zone}: check the database time zone, or return timestamps with an offset.`,
      );
    } else if (time.flag === 'dst-repeated') {
      emit(
        'dst-repeated',
        row,
        at,
        `${column.name} ${describeValue(value)} occurs twice in ${clock.zone} (the clocks go back). It was read ` +
          `as the first occurrence (${formatUtc(time.epochMs)}); the WFM system may pick the other one. ` +
          `Return timestamps with an offset or in UTC to make them unambiguous.`,
      );
    }
    return time;
  };

  /**
   * Per column, the converter for the common case (a well-typed, non-blank value), falling back
   * to convert() for everything else, so findings do not change. It runs for every cell of
   * every row, hence the shortcut.
   */
  const converterFor = (column: ColumnRule, at: number): Converter => {
    if (column.type === 'integer') {
      return (value, row) =>
        typeof value === 'number' && Number.isInteger(value) ? value : convert(value, column, at, row);
    }
    if (column.type === 'datetime') {
      return (value, row) =>
        typeof value === 'string' && !isBlankText(value)
          ? convertTime(value, column, at, row)
          : convert(value, column, at, row);
    }
    return (value, row) => (typeof value === 'string' && !isBlankText(value) ? value : convert(value, column, at, row));
  };
  const converters = columns.map(converterFor);

  return {
    setColumns(names) {
      if (checks !== undefined) throw new Error('setColumns must be called once, before the first row');
      resultNames = [...names];
      const match = checkColumns(resultNames, rules, { importType: options.importType, ruleSetId: ruleSet.id });
      resultIndex = match.resultIndex;
      for (const item of match.findings) record(item);
      const made = rules.checks.map((rule) => createCheck(rule, context));
      // Checks that compare rows run last, so they know whether the row has an error of its own.
      checks = [...made.filter((check) => !check.comparesRows), ...made.filter((check) => check.comparesRows)];
      return match.findings;
    },

    addRow(values) {
      if (checks === undefined) throw new Error('setColumns must be called before addRow');
      const list: readonly unknown[] = Array.isArray(values) ? values : [];
      const row = ++rowsChecked;
      rowHasError = false;
      for (let at = 0; at < converters.length; at++) {
        const index = resultIndex[at];
        const converter = converters[at];
        cells[at] = index === undefined || converter === undefined ? undefined : converter(list[index], row);
      }
      for (const check of checks) check.row(cells, row, !rowHasError);
      for (const { at, emptyMeans, values: seen } of distinct) {
        if (at === undefined) continue;
        const text = textCell(cells, at);
        if (text !== undefined) seen.add(text);
        else if (emptyMeans !== undefined && (cells[at] === null || resultIndex[at] === undefined))
          seen.add(emptyMeans);
      }
      const time = timeCell(cells, timeSlot);
      if (time !== undefined) {
        firstMs = Math.min(firstMs, time.epochMs);
        lastMs = Math.max(lastMs, time.epochMs);
      }
    },

    finish() {
      for (const check of checks ?? []) check.finish?.();
      const count = (kind: DistinctKind): number => distinct.find((entry) => entry.kind === kind)?.values.size ?? 0;
      return {
        rowsChecked,
        findingCounts: { ...collector.counts },
        countsBySeverity: { ...collector.bySeverity },
        findings: [...collector.findings],
        ok: collector.ok,
        distinct: {
          queues: count('queues'),
          channels: count('channels'),
          agents: count('agents'),
          activities: count('activities'),
        },
        firstTimestamp: Number.isFinite(firstMs) ? formatUtc(firstMs) : null,
        lastTimestamp: Number.isFinite(lastMs) ? formatUtc(lastMs) : null,
      };
    },
  };
}
