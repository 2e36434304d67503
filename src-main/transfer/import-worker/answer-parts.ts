/**
 * A large answer crosses from the worker in parts. A plan of 20,000 systems is 5 MB: received in
 * one message, the main thread spends 100-300 ms deserialising it in one go, a stall every other
 * window would feel. Each top-level list longer than PART_ITEMS travels in parts of that size, and
 * the worker sends the next part only when the main thread asks, having run whatever else was
 * waiting: a port delivers every queued message in one go, so parts sent at once would stall alike.
 */
export const PART_ITEMS = 500;

export interface AnswerPart {
  key: string;
  items: unknown[];
}

/** Sends the long lists of `value` as parts, one at a time, and answers what remains (those lists emptied). */
export async function sendInParts(value: unknown, sendPart: (part: AnswerPart) => Promise<void>): Promise<unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, field] of Object.entries(rest)) {
    if (!Array.isArray(field) || field.length <= PART_ITEMS) continue;
    for (let start = 0; start < field.length; start += PART_ITEMS) {
      await sendPart({ key, items: field.slice(start, start + PART_ITEMS) });
    }
    rest[key] = [];
  }
  return rest;
}

/** The receiving side: collects parts, then restores them into the remaining answer. */
export class AnswerAssembler {
  private readonly lists = new Map<string, unknown[]>();

  add(part: AnswerPart): void {
    const list = this.lists.get(part.key);
    if (list) {
      for (const item of part.items) list.push(item);
    } else this.lists.set(part.key, part.items);
  }

  finish(rest: unknown): unknown {
    if (this.lists.size === 0) return rest;
    const value = { ...(rest as Record<string, unknown>) };
    for (const [key, list] of this.lists) value[key] = list;
    return value;
  }
}
