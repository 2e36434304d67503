/**
 * Checks that remember earlier rows of queue data: duplicate (queue, timestamp, channel) keys and
 * queue identifiers with several names.
 */
import { type CheckFactory, MAX_TRACKED_KEYS, quoted, textCell, timeCell } from './check-types';
import type { Finding } from './finding';
import { formatWallClock } from './parse-timestamp';
import type { CheckRule } from './rule-set-types';

type Rule<K extends CheckRule['id']> = Extract<CheckRule, { id: K }>;

/**
 * Which rows a duplicate is looked for among: the valid ones only (RowCheck.comparesRows). An
 * export leaves invalid rows out, so a row is a duplicate when its twin is in the file too. The
 * spring-forward gap is why this matters: 02:00–02:45 on the last Sunday of March does not exist
 * in Europe/Paris; such a row is an error (dst-gap), read with the earlier offset, which lands on
 * the instant of the genuine 03:00 row. Remembered, it made 03:00 a "duplicate", and the export
 * lost the genuine row along with the invalid one. The same holds for any invalid twin (a
 * negative count, say): the row the export writes is the valid one, wherever it stands.
 *
 * Keys are instants, not the database's naive text: the WFM system stores instants, so
 * 03:00+02:00 and 01:00Z are one interval to it. For naive values the two agree on valid rows,
 * since only gap times (errors) share an instant with another local time. In the repeated hour of
 * the fall-back (02:00–02:59 twice), two rows with the same naive text are one key in the
 * database's own terms as well: it cannot tell the two occurrences apart, and neither can the WFM
 * system, so the second is a duplicate; the message says how to keep them apart (an offset).
 *
 * Remembering every key of a 1,000,000-row result would grow with the rows. Import queries are
 * ordered by timestamp (the WFM system reads them incrementally), so a duplicate sits next to its
 * twin: the check keeps the keys of the last `windowTimestamps` distinct timestamps (and at most
 * `maxKeys` keys), evicting the least recently seen timestamp. The trade-off: in a result that is
 * not ordered by timestamp, a duplicate whose twin was evicted goes unnoticed — so the first row
 * that returns to an evicted timestamp gets one 'duplicate-check-window' info saying so.
 */
export const duplicateKey: CheckFactory<Rule<'duplicate-key'>> = (rule, context) => {
  const queueSlot = context.slot(rule.queue);
  const timeSlot = context.slot(rule.time);
  const channelSlot = context.slot(rule.channel);
  const channelPresent = context.present(rule.channel);
  const window = new Map<number, KeyBucket>();
  let keys = 0;
  let newestEvicted = Number.NEGATIVE_INFINITY;
  let lastTime: number | undefined;
  let warned = false;
  // Channel texts repeat on almost every row: normalise each distinct text once in a row.
  let lastChannelText: string | undefined;
  let lastChannel = rule.channelEmptyMeans;

  const evictOldest = (): void => {
    const oldest = window.entries().next();
    if (oldest.done === true) return;
    const [time, bucket] = oldest.value;
    window.delete(time);
    keys -= bucket.size;
    newestEvicted = Math.max(newestEvicted, time);
  };

  const bucketFor = (time: number, row: number): KeyBucket => {
    let bucket = window.get(time);
    if (bucket === undefined) {
      if (time <= newestEvicted && !warned) {
        warned = true;
        context.emit(
          'duplicate-check-window',
          row,
          timeSlot,
          `Rows are not ordered by ${rule.time}, so duplicates are only looked for among the last ` +
            `${rule.windowTimestamps} distinct timestamps. Add ORDER BY ${rule.time} to check every row.`,
        );
      }
      bucket = { size: 0, byChannel: new Map() };
      window.set(time, bucket);
      while (window.size > rule.windowTimestamps) evictOldest();
    } else if (time !== lastTime) {
      // Re-inserting moves the timestamp to the young end of the Map's insertion order.
      window.delete(time);
      window.set(time, bucket);
    }
    lastTime = time;
    return bucket;
  };

  const normalisedChannel = (text: string): string => {
    if (text !== lastChannelText) {
      lastChannelText = text;
      lastChannel = text.trim().toLowerCase();
    }
    return lastChannel;
  };

  return {
    comparesRows: true,
    row(cells, row, valid) {
      const queue = textCell(cells, queueSlot);
      const time = timeCell(cells, timeSlot);
      const channelCell = cells[channelSlot];
      if (queue === undefined || time === undefined) return;
      if (channelPresent && channelCell === undefined) return; // a wrongly typed channel: no key
      const channel = typeof channelCell === 'string' ? normalisedChannel(channelCell) : rule.channelEmptyMeans;
      // Keyed by channel, then queue: a timestamp has few channels, and no key text is built per row.
      const first = window.get(time.epochMs)?.byChannel.get(channel)?.get(queue);
      if (first !== undefined) {
        const repeated =
          time.flag === 'dst-repeated'
            ? ` This local time occurs twice in ${context.clock.zone}: if the rows are its two occurrences, ` +
              `return ${rule.time} with an offset or in UTC to keep them apart.`
            : '';
        context.emit(
          'duplicate-key',
          row,
          null,
          `Queue ${quoted(queue)}, channel ${channel}, ${rule.time} ${formatWallClock(time.wallMs)} already ` +
            `appeared at row ${first}. The WFM system expects one row per queue, channel and interval: ` +
            `aggregate with GROUP BY ${rule.queue}, ${rule.time}, ${rule.channel}.${repeated}`,
        );
        return;
      }
      // An invalid row is left out of an export: remembered, it would make its valid twin a duplicate.
      if (!valid) return;
      const bucket = bucketFor(time.epochMs, row);
      let queues = bucket.byChannel.get(channel);
      if (keys >= rule.maxKeys && window.size === 1) {
        context.limitReached(queueSlot, 'queue and channel keys in one interval');
        return;
      }
      if (queues === undefined) {
        queues = new Map();
        bucket.byChannel.set(channel, queues);
      }
      queues.set(queue, row);
      bucket.size += 1;
      keys += 1;
      while (keys > rule.maxKeys && window.size > 1) evictOldest();
    },
  };
};

/** The (queue, channel) keys seen at one timestamp, with the row each first appeared in. */
interface KeyBucket {
  size: number;
  byChannel: Map<string, Map<string, number>>;
}

const MAX_NAMES_LISTED = 10;

interface QueueNames {
  names: string[];
  more: boolean;
  finding: Finding | undefined;
  renamedAt: number;
}

/**
 * Every (identifier, name) pair becomes a queue in the WFM system, so one identifier with several
 * names splits its history. Reported once per identifier, at the row where the second name first
 * appears; the message is completed with every name when the run finishes.
 */
export const queueRenamed: CheckFactory<Rule<'queue-renamed'>> = (rule, context) => {
  const idSlot = context.slot(rule.identifier);
  const nameSlot = context.slot(rule.name);
  const queues = new Map<string, QueueNames>();

  const message = (id: string, entry: QueueNames): string =>
    `${rule.identifier} ${quoted(id)} has ${entry.more ? 'more than ' : ''}${entry.names.length} names: ` +
    `${entry.names.map(quoted).join(', ')} (the second from row ${entry.renamedAt}). The WFM system creates a ` +
    `queue for each identifier and name, so this splits the queue's history. If the queue was renamed, ` +
    `return its current name on every row (e.g. join the current queue table).`;

  return {
    row(cells, row) {
      const id = textCell(cells, idSlot);
      const name = textCell(cells, nameSlot);
      if (id === undefined || name === undefined) return;
      const entry = queues.get(id);
      if (entry === undefined) {
        if (queues.size >= MAX_TRACKED_KEYS) context.limitReached(idSlot, 'queue identifiers');
        else queues.set(id, { names: [name], more: false, finding: undefined, renamedAt: 0 });
        return;
      }
      if (entry.names.includes(name)) return;
      if (entry.names.length >= MAX_NAMES_LISTED) {
        entry.more = true;
        return;
      }
      entry.names.push(name);
      if (entry.names.length === 2) {
        entry.renamedAt = row;
        entry.finding = context.emit('queue-renamed', row, nameSlot, message(id, entry));
      }
    },
    finish() {
      for (const [id, entry] of queues) if (entry.finding !== undefined) entry.finding.message = message(id, entry);
    },
  };
};
