/**
 * A list's filters and sort kept in the URL's query, so a link, a bookmark or a reload shows
 * the same list. Defaults stay out of the URL; changes replace the history entry (a filter is
 * not a page to go back to).
 */
import { useSearchParams } from 'wouter';

export function useUrlState<K extends string>(
  defaults: Record<K, string>,
): [Record<K, string>, (patch: Partial<Record<K, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const names = Object.keys(defaults) as K[];
  const value = Object.fromEntries(
    names.map((name) => [name, params.get(name) ?? defaults[name]]),
  ) as Record<K, string>;
  const set = (patch: Partial<Record<K, string>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [name, v] of Object.entries(patch) as [K, string | undefined][]) {
          if (v === undefined || v === defaults[name]) next.delete(name);
          else next.set(name, v);
        }
        return next;
      },
      { replace: true },
    );
  return [value, set];
}
