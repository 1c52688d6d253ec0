/**
 * "Now" as the API counts it: deadlines are the API's, and its clock may not be the browser's
 * (a manual clock when embedded, a badly set PC elsewhere). Read once per page load; the
 * browser's own clock only measures the time since.
 */
import { useEffect, useState } from 'react';
import { api, unwrap } from './api/client';

let offset: Promise<number> | null = null;

/** Milliseconds to add to the browser's clock to get the API's (0 while unknown). */
export function serverOffset(): Promise<number> {
  offset ??= unwrap(api.GET('/v1/clock')).then(
    (clock) => Date.parse(clock.now) - Date.now(),
    () => {
      offset = null; // try again next time
      return 0;
    },
  );
  return offset;
}

/** Forgets the offset, as a new page load would (the tests, which share one page). */
export function forgetServerOffset(): void {
  offset = null;
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
