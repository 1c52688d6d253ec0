/**
 * The embedded runtime's clock: the system's, or a manual one (`PANTAU_CLOCK=manual`) that
 * only moves when asked (`POST /dev/clock`) and is kept in the data dir, so a restart resumes
 * where it stopped. Never moves back.
 *
 * The system clock is checked at start against the last time the runtime saw on this data dir
 * (`keepLastSeen`): the start's catch-up runs every ladder due "by now", so a clock that is
 * wrong at boot would act on the wrong time, irreversibly (reply windows closed early).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, invalidInput } from '@pantau/core';
import { writeKeyFile } from './search-key.ts';

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
    writeFileSync(`${file}.tmp`, JSON.stringify({ now: now.toISOString() }), { mode: 0o600 });
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

/** How far the system clock may be behind the last time seen (NTP slewing, a restart). */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;
/** How often the last time seen is written while the runtime runs. */
const LAST_SEEN_EVERY_MS = 60_000;

/** A gap of time as an operator reads it: `3 days`, `7 h 2 min`, `12 min`. */
function span(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 2 * 24 * 60) return `${Math.floor(minutes / (24 * 60))} days`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes} min`;
}

/**
 * Refuses a system clock more than `CLOCK_TOLERANCE_MS` earlier than `lastSeen`, the latest
 * time this data dir saw (`undefined`: none yet): a host clock kept in local time and corrected
 * since, a box without a battery-backed clock that restored Friday's time on Monday. Started
 * so, the catch-up would act on the wrong time and every record would carry it.
 */
export function checkClock(lastSeen: Date | undefined, now: Date): void {
  if (!lastSeen || now.getTime() >= lastSeen.getTime() - CLOCK_TOLERANCE_MS) return;
  throw new Error(
    `the system clock (${now.toISOString()}) is ${span(lastSeen.getTime() - now.getTime())} earlier ` +
      `than the last time Pantau saw on this data dir (${lastSeen.toISOString()}): started on a ` +
      'wrong clock, it would run deadlines, reminders and escalations at the wrong time (reply ' +
      'windows closed early, irreversibly) and date every record by it. Set the system clock ' +
      'right first (`timedatectl`: NTP on, and the hardware clock in UTC, not local time). If it ' +
      'is right, and the last time seen was wrong (the clock ran ahead before), start once with ' +
      'PANTAU_CLOCK_CHECK=off.',
  );
}

/** The last time seen, written while the runtime runs. */
export interface LastSeen {
  /** Writes it each minute from now on. */
  start(): void;
  /** Stops writing it, after writing it once more. */
  stop(): void;
}

/**
 * Checks the system clock against the data dir's `last-seen.json` (`checkClock`), then keeps
 * the latest time seen there (0600, written atomically): now, each minute once started, and at
 * stop. It never moves back while running: a clock that steps back (a correction after it ran
 * ahead) is warned of once, and the next start is refused until the clock passes it again, or
 * with PANTAU_CLOCK_CHECK=off (`check: false`), which starts anyway (`warning`) and keeps the
 * clock's time from then on.
 */
export function keepLastSeen(
  dataDir: string,
  options: { readonly check: boolean; readonly warn: (message: string) => void },
): { keeper: LastSeen; warning?: string } {
  const file = join(dataDir, 'last-seen.json');
  const now = new Date();
  let latest = now;
  let warning: string | undefined;
  try {
    const stored = storedLastSeen(file);
    checkClock(stored, now);
    if (stored && stored > now) latest = stored;
  } catch (error) {
    if (options.check) throw error;
    warning = `started with PANTAU_CLOCK_CHECK=off: ${(error as Error).message}`;
  }
  let wentBack = false;
  const touch = () => {
    const seen = new Date();
    if (seen.getTime() < latest.getTime() - CLOCK_TOLERANCE_MS) {
      if (!wentBack)
        options.warn(
          `the system clock went back ${span(latest.getTime() - seen.getTime())}, to ` +
            `${seen.toISOString()} from ${latest.toISOString()} or later: records written now carry ` +
            'the earlier time, and the next start is refused until the clock passes the later one ' +
            '(or with PANTAU_CLOCK_CHECK=off).',
        );
      wentBack = true;
    } else wentBack = false;
    if (seen > latest) latest = seen;
    writeKeyFile(file, `${JSON.stringify({ lastSeen: latest.toISOString() })}\n`, false);
  };
  touch();
  // Once running, a failed write (a full disk) is the log's, not a crash of the runtime.
  const keep = () => {
    try {
      touch();
    } catch (error) {
      options.warn(`could not write ${file}: ${(error as Error).message}`);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    keeper: {
      start() {
        timer ??= setInterval(keep, LAST_SEEN_EVERY_MS).unref();
      },
      stop() {
        clearInterval(timer);
        timer = undefined;
        keep();
      },
    },
    ...(warning === undefined ? {} : { warning }),
  };
}

function storedLastSeen(file: string): Date | undefined {
  if (!existsSync(file)) return undefined;
  let lastSeen: Date | undefined;
  try {
    const text = (JSON.parse(readFileSync(file, 'utf8')) as { lastSeen?: unknown }).lastSeen;
    if (typeof text === 'string') lastSeen = new Date(text);
  } catch {
    // reported below
  }
  if (!lastSeen || Number.isNaN(lastSeen.getTime()))
    throw new Error(
      `${file} does not say when Pantau last ran on this data dir (it is damaged), so the system ` +
        'clock cannot be checked against it. Check that the clock is right (`timedatectl`), then ' +
        'start once with PANTAU_CLOCK_CHECK=off.',
    );
  return lastSeen;
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
