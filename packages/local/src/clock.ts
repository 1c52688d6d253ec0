/**
 * The embedded runtime's clock: the system's, or a manual one (`PANTAU_CLOCK=manual`) that
 * only moves when asked (`POST /dev/clock`) and is kept in the data dir, so a restart resumes
 * where it stopped. Never moves back.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DomainError, invalidInput } from '@pantau/core';

export interface RuntimeClock {
  readonly mode: 'system' | 'manual';
  now(): Date;
  /** Moves a manual clock forward to `to`; refuses the system clock and going back (409). */
  set(to: Date): void;
}

export const systemClock = (): RuntimeClock => ({
  mode: 'system',
  now: () => new Date(),
  set: () => {
    throw new DomainError(
      'invalid_transition',
      'the clock is the system clock: start with PANTAU_CLOCK=manual to move it',
    );
  },
});

export function manualClock(file: string, start: Date | undefined): RuntimeClock {
  let now = existsSync(file)
    ? new Date((JSON.parse(readFileSync(file, 'utf8')) as { now: string }).now)
    : (start ?? new Date());
  const persist = () => {
    writeFileSync(`${file}.tmp`, JSON.stringify({ now: now.toISOString() }));
    renameSync(`${file}.tmp`, file);
  };
  persist();
  return {
    mode: 'manual',
    now: () => new Date(now),
    set(to) {
      if (to.getTime() < now.getTime()) {
        throw new DomainError(
          'invalid_transition',
          `the clock never goes back: it is ${now.toISOString()}`,
        );
      }
      now = new Date(to);
      persist();
    },
  };
}

/**
 * An ISO 8601 duration of weeks, days, hours, minutes and seconds (`P3D`, `PT36H`, `P1W2DT3H`)
 * in milliseconds. Months and years have no fixed length: refused.
 */
export function parseDuration(text: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T'))
    throw invalidInput('advance', 'an ISO 8601 duration of W, D, H, M, S such as P3D or PT12H');
  const [, w, d, h, min, s] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return ((((w! * 7 + d!) * 24 + h!) * 60 + min!) * 60 + s!) * 1000;
}
