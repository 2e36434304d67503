/**
 * Runs `work` on every item with at most `limit` at a time, in order of the items. Used for the
 * previews after an import: each one forks a driver process, and a large ini must not start
 * dozens of them against one database at once.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
