/**
 * The tracking page's URL carries the tracking code in its fragment only (`/track#CODE`).
 * Browsers never send a fragment to a server, nor put it in a Referer: no access log (API
 * Gateway, CloudFront, a proxy) keeps the complainant's only credential. The code reaches the
 * API in a POST body and nowhere else.
 */

/** The tracking code in a fragment (`#7QX2-M9KD-4HZ8R`), as typed; empty when there is none. */
export function codeFromFragment(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** The tracking page's URL for a code: the code in the fragment. */
export const trackingUrl = (code: string): string =>
  code ? `/track#${encodeURIComponent(code)}` : '/track';

/**
 * Where an old link (`/track/CODE`, the code in the path) should point now: `/track#CODE`.
 * Undefined for any other URL.
 */
export function fragmentUrlFor(pathname: string): string | undefined {
  const match = /^\/track\/(.*)$/.exec(pathname);
  if (!match) return undefined;
  return trackingUrl(codeFromFragment(match[1]!.replace(/\/+$/, '')));
}

/**
 * Moves the code of an old link into the fragment with `history.replaceState`, so the address
 * bar, the history and every request the console makes after it carry no code in a path.
 * Called first thing, before the console fetches anything.
 */
export function moveTrackingCodeToFragment(
  loc: Pick<Location, 'pathname'> = location,
  hist: Pick<History, 'replaceState' | 'state'> = history,
): void {
  const next = fragmentUrlFor(loc.pathname);
  if (next !== undefined) hist.replaceState(hist.state, '', next);
}
