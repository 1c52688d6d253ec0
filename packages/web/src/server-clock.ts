/**
 * "Now" as the API counts it: deadlines are the API's, and its clock may not be the browser's
 * (a manual clock when embedded, a badly set PC elsewhere). Read again when a page asks after
 * `FRESH_MS` since the last read (the embedded manual clock moves while a page stays open: a
 * desk opened after it moved computed its week from the time before); between reads the
 * browser's own clock measures the time since.
 */
import { useEffect, useState } from 'react';
import { api, unwrap } from './api/client';

/** How long a read of the API's clock serves (every page asks when it mounts). */
const FRESH_MS = 5_000;
let offset: Promise<number> | null = null;
let readAt = 0;

/** Milliseconds to add to the browser's clock to get the API's (0 while unknown). */
export function serverOffset(): Promise<number> {
  if (offset && Date.now() - readAt <= FRESH_MS) return offset;
  const previous = offset;
  readAt = Date.now();
  offset = unwrap(api.GET('/v1/clock'))
    .then((clock) => {
      const at = Date.parse(clock.now);
      if (Number.isNaN(at)) throw new Error('the API gave no time');
      return at - Date.now();
    })
    .catch(() => {
      // Try again next time; meanwhile the last offset known, else none.
      offset = previous;
      readAt = 0;
      return previous ?? 0;
    });
  return offset;
}

/** Forgets the offset, as a new page load would (the tests, which share one page). */
export function forgetServerOffset(): void {
  offset = null;
  readAt = 0;
}

/** The API's now, or null until it is known. */
export function useServerNow(): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    let live = true;
    void serverOffset().then((ms) => {
      if (live) setNow(new Date(Date.now() + ms));
    });
    return () => {
      live = false;
    };
  }, []);
  return now;
}
