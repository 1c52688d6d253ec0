/**
 * "New since your last visit" for an agency's queue and letters: the instant of the last visit
 * (by the API's clock) is kept per user in localStorage, and the badge counts what the API
 * lists after it (`total` of a one-item page): for the queue, what was forwarded since, or (a
 * member unit) delegated to it since; for the letters, those written since, save any cancelled.
 */
import { useEffect, useState } from 'react';
import { api, unwrap } from './api/client';

export type Inbox = 'queue' | 'letters';

const EVENT = 'pantau:visited';
const key = (sub: string, inbox: Inbox) => `pantau.visited.${inbox}.${sub}`;

export function lastVisit(sub: string, inbox: Inbox): string | null {
  return typeof localStorage === 'undefined' ? null : localStorage.getItem(key(sub, inbox));
}

/**
 * Records a visit at the API's now, read afresh (an estimate from the browser's clock could
 * fall a request's latency before something that arrived with the page), and tells the badges.
 */
export async function markVisited(sub: string, inbox: Inbox): Promise<void> {
  const { now } = await unwrap(api.GET('/v1/clock'));
  localStorage.setItem(key(sub, inbox), now);
  window.dispatchEvent(new Event(EVENT));
}

/** Marks the inbox visited while its page is open. */
export function useVisited(sub: string, inbox: Inbox): void {
  useEffect(() => {
    void markVisited(sub, inbox);
  }, [sub, inbox]);
}

// Before any visit, everything counts as new.
const EPOCH = '1970-01-01T00:00:00.000Z';

async function countNew(sub: string, inbox: Inbox): Promise<number> {
  const since = lastVisit(sub, inbox) ?? EPOCH;
  const page =
    inbox === 'queue'
      ? await unwrap(
          api.GET('/v1/queue', {
            params: { query: { forwardedSince: since, limit: 1, total: 'true' } },
          }),
        )
      : // Letters written since (however long before they fell due), none cancelled (never sent).
        await unwrap(
          api.GET('/v1/notifications', {
            params: { query: { since, cancelled: 'false', limit: 1, total: 'true' } },
          }),
        );
  return page.total ?? 0;
}

/** How many items arrived since the last visit; re-counted on navigation and after a visit. */
export function useUnread(sub: string, inbox: Inbox, location: string): number {
  const [count, setCount] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    window.addEventListener(EVENT, bump);
    return () => window.removeEventListener(EVENT, bump);
  }, []);
  useEffect(() => {
    let live = true;
    countNew(sub, inbox).then(
      (n) => live && setCount(n),
      () => live && setCount(0),
    );
    return () => {
      live = false;
    };
  }, [sub, inbox, location, tick]);
  return count;
}
