/**
 * Run `fn` over the items with at most `limit` in flight, starting them in order. The pool bounds
 * CPU; this bounds how many input files are held in memory at once. `fn` is expected to catch its
 * own errors: one file's failure is a result, not a reason to stop the others.
 */
export async function forEachConcurrent<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
