/** Reading from the API in components: one call, or a cursor-paged list. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, error, loading, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** How long to wait before reading again after each failure (a lost connection, a cold API). */
const RETRY_AFTER_MS = [2_000, 4_000, 8_000, 16_000];

/**
 * `useLoad` for what every page needs (the agencies' names, the officer's own agency): read
 * again by itself after a failure, 2, 4, 8 and 16 s later, then left failed until reloaded.
 */
export function useLoadRetried<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const loaded = useLoad(load, deps);
  const { error, loading, reload } = loaded;
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (!loading && !error) setFailures(0);
  }, [loading, error]);
  useEffect(() => {
    const wait = RETRY_AFTER_MS[failures];
    if (!error || loading || wait === undefined) return;
    const timer = setTimeout(() => {
      setFailures((n) => n + 1);
      reload();
    }, wait);
    return () => clearTimeout(timer);
  }, [error, loading, failures, reload]);
  return loaded;
}

export interface Paged<T> {
  readonly items: readonly T[];
  readonly error: unknown;
  readonly loading: boolean;
  readonly hasMore: boolean;
  /** Every item the list holds, when the API counted them (`total=true`). */
  readonly total: number | undefined;
  loadMore(): void;
  reload(): void;
  /**
   * Items written since the list was read, that belong at its end (a list read oldest first),
   * none of them shown yet. The pages read stay: a list read to its end shows them below and
   * counts them; otherwise the count is read again and the reader reaches them by reading on.
   */
  arrived(fresh: readonly T[]): void;
}

/** Pages of `{ items, nextCursor }`, appended as the user asks for more; a new filter restarts. */
export function usePaged<T>(
  page: (
    cursor: string | undefined,
  ) => Promise<{ items: T[]; nextCursor?: string | null; total?: number }>,
  deps: readonly unknown[],
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const fetchPage = useCallback((from: string | undefined, append: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    // A page the API ended with nothing in it (a filtered list reads a bounded number of items
    // a request) is no page for a person: ask on, a bounded number of times.
    const load = async () => {
      const first = await page(from);
      let result = first;
      for (let hop = 0; result.items.length === 0 && result.nextCursor && hop < 20; hop += 1)
        result = await page(result.nextCursor);
      return { ...result, total: first.total };
    };
    load().then(
      (result) => {
        if (mine !== generation.current) return;
        setItems((prev) => (append ? [...prev, ...result.items] : result.items));
        // Counted on the first page; later pages keep it.
        if (!append) setTotal(result.total);
        setCursor(result.nextCursor ?? null);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, deps);

  useEffect(() => fetchPage(undefined, false), [fetchPage]);

  return {
    items,
    error,
    loading,
    hasMore: cursor !== null,
    total,
    loadMore: () => {
      if (cursor) fetchPage(cursor, true);
    },
    reload: () => fetchPage(undefined, false),
    arrived: (fresh) => {
      if (fresh.length === 0) return;
      if (cursor === null) {
        setItems((prev) => [...prev, ...fresh]);
        setTotal((counted) => (counted === undefined ? counted : counted + fresh.length));
        return;
      }
      // Whether the count was read before or after they were written is not known: read it again.
      const mine = generation.current;
      page(undefined).then(
        (first) => {
          if (mine === generation.current && first.total !== undefined) setTotal(first.total);
        },
        () => {},
      );
    },
  };
}

/**
 * Every item of a short paged list (20 requests at most: 2,000 items at 100 a page), such as a
 * case's letters written since a forward. Not for a list that may be longer (a case's timeline,
 * a case's letters): show that one a page at a time (`usePaged`), and read what is pending from
 * the records that hold it (the case lists its extension requests and activities).
 */
export const allItems = <T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
): Promise<T[]> => firstItems(page, Number.POSITIVE_INFINITY);

/**
 * Up to `want` items of a paged list from its start, asking on while pages come back short with
 * a cursor (a filtered list, such as an agency's timeline of a case sent to sixty, reads a
 * bounded number of items a request): 20 requests at most.
 */
export async function firstItems<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
  want: number,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let request = 0; request < 20; request += 1) {
    const got = await page(cursor);
    items.push(...got.items);
    if (items.length >= want || !got.nextCursor) break;
    cursor = got.nextCursor;
  }
  return items.slice(0, want);
}
