/**
 * `fn` over `items`, at most `n` at a time, results in order: reads side by side, a bounded
 * number at once (the SDK keeps a pool of sockets; a focal point may merge hundreds of queues).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  n: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
  return out;
}
