/**
 * Checks that look at one row at a time and keep no state: counts, flags, channels, the interval
 * grid and the clock. Each reads its columns from the rule's parameters.
 */
import { type CheckFactory, intCell, quoted, textCell, timeCell } from './check-types';
import { formatWallClock } from './parse-timestamp';
import type { CheckRule } from './rule-set-types';
import { closestName } from './string-distance';
import { formatUtc } from './time-zone';

type Rule<K extends CheckRule['id']> = Extract<CheckRule, { id: K }>;

const MINUTE = 60_000;

export const negativeCount: CheckFactory<Rule<'negative-count'>> = (rule, context) => {
  const slots = rule.columns.map((column) => ({ column, slot: context.slot(column) }));
  return {
    row(cells, row) {
      for (const { column, slot } of slots) {
        const value = intCell(cells, slot);
        if (value === undefined || value >= 0) continue;
        context.emit(
          'negative-count',
          row,
          slot,
          `${column} is ${value}; counts and durations cannot be negative. ` +
            `Check the source column or the expression that computes it.`,
        );
      }
    },
  };
};

export const answeredExceedsOffered: CheckFactory<Rule<'answered-exceeds-offered'>> = (rule, context) => {
  const answeredSlot = context.slot(rule.answered);
  const offeredSlot = context.slot(rule.offered);
  return {
    row(cells, row) {
      const answered = intCell(cells, answeredSlot);
      const offered = intCell(cells, offeredSlot);
      // Negative values are negative-count's finding; comparing them would report one defect twice.
      if (answered === undefined || offered === undefined || answered < 0 || offered < 0) return;
      if (answered <= offered) return;
      context.emit(
        'answered-exceeds-offered',
        row,
        answeredSlot,
        `${rule.answered} (${answered}) is greater than ${rule.offered} (${offered}). A contact can only be ` +
          `answered if it was offered: take both from the same queue, channel and interval.`,
      );
    },
  };
};

export const flagNot01: CheckFactory<Rule<'flag-not-01'>> = (rule, context) => {
  const slots = rule.columns.map((column) => ({ column, slot: context.slot(column) }));
  return {
    row(cells, row) {
      for (const { column, slot } of slots) {
        const value = intCell(cells, slot);
        if (value === undefined || value === 0 || value === 1) continue;
        context.emit(
          'flag-not-01',
          row,
          slot,
          `${column} is ${value}, but in contact data it is a flag: 1 (yes) or 0 (no). ` +
            `Use CASE WHEN … THEN 1 ELSE 0 END.`,
        );
      }
    },
  };
};

/**
 * Channels are matched exactly: the contract lists lower-case codes and the WFM system compares
 * codes as strings. A value that only differs by case or spaces is a warning (it may well be
 * accepted, but nothing guarantees it); anything else is an error.
 */
export const unknownChannel: CheckFactory<Rule<'unknown-channel'>> = (rule, context) => {
  const slot = context.slot(rule.column);
  const allowed = new Set(rule.allowed);
  const list = `${rule.allowed.join(', ')} (empty means ${rule.emptyMeans})`;
  return {
    row(cells, row) {
      const value = textCell(cells, slot);
      if (value === undefined || allowed.has(value)) return;
      const normalised = value.trim().toLowerCase();
      if (allowed.has(normalised)) {
        context.emit(
          'channel-case',
          row,
          slot,
          `${rule.column} ${quoted(value)} is not spelt exactly like the code ${normalised}. ` +
            `Return the lower-case code without spaces, e.g. LOWER(TRIM(…)).`,
        );
        return;
      }
      const near = closestName(normalised, rule.allowed);
      const hint = near === undefined ? '' : ` Did you mean ${near}?`;
      context.emit(
        'unknown-channel',
        row,
        slot,
        `${rule.column} ${quoted(value)} is not a known channel.${hint} Map it in the query (CASE … END) ` +
          `to one of ${list}.`,
      );
    },
  };
};

export const offGrid: CheckFactory<Rule<'off-grid'>> = (rule, context) => {
  const slot = context.slot(rule.column);
  const step = context.intervalMinutes * MINUTE;
  const marks = Array.from(
    { length: 60 / context.intervalMinutes },
    (_, i) => `:${String(i * context.intervalMinutes).padStart(2, '0')}`,
  ).join(', ');
  return {
    row(cells, row) {
      const time = timeCell(cells, slot);
      if (time === undefined) return;
      const remainder = ((time.wallMs % step) + step) % step;
      if (remainder === 0 && !time.subMillisecond) return;
      const start = formatWallClock(time.wallMs - remainder);
      context.emit(
        'off-grid',
        row,
        slot,
        `${rule.column} ${formatWallClock(time.wallMs)} is not on the ${context.intervalMinutes}-minute grid ` +
          `(${marks}, zero seconds). Interval rows start at an interval boundary: round down to ${start} ` +
          `in the query and group by the rounded value.`,
      );
    },
  };
};

export const futureTimestamp: CheckFactory<Rule<'future-timestamp'>> = (rule, context) => {
  const slots = rule.columns.map((column) => ({ column, slot: context.slot(column) }));
  const limit = context.nowMs + rule.toleranceSeconds * 1000;
  return {
    row(cells, row) {
      for (const { column, slot } of slots) {
        const time = timeCell(cells, slot);
        if (time === undefined || time.epochMs <= limit) continue;
        context.emit(
          'future-timestamp',
          row,
          slot,
          `${column} ${formatWallClock(time.wallMs)} (${formatUtc(time.epochMs)}) is in the future ` +
            `(now is ${formatUtc(context.nowMs)}). Check the database time zone (${context.clock.zone}): ` +
            `a wrong zone shifts every timestamp. Planned or test rows must be filtered out.`,
        );
      }
    },
  };
};
