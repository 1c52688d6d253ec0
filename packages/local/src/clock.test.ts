import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkClock, keepLastSeen, manualClock } from './clock.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-last-seen-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-03-16T03:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const lastSeenIn = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'last-seen.json'), 'utf8')) as { lastSeen: string }).lastSeen;

describe('the system clock at start, against the last time this data dir saw', () => {
  // A host clock kept in local time, or restored from Friday after a weekend off: the start's
  // catch-up would close reply windows early (irreversible) and date records wrongly.
  it('refuses a clock more than 5 minutes earlier, naming both times and the override', () => {
    expect(() => checkClock(minutes(60), NOW)).toThrow(
      /2026-03-16T03:00:00.000Z.*1 h 0 min earlier.*2026-03-16T04:00:00.000Z.*PANTAU_CLOCK_CHECK=off/s,
    );
    expect(() => checkClock(minutes(7 * 60 + 2), NOW)).toThrow(/7 h 2 min earlier/);
    expect(() => checkClock(minutes(3 * 24 * 60), NOW)).toThrow(/3 days earlier/);
  });

  it('takes a first start, a later clock, and a few minutes back (NTP slewing, a restart)', () => {
    expect(() => checkClock(undefined, NOW)).not.toThrow();
    expect(() => checkClock(minutes(-3 * 24 * 60), NOW)).not.toThrow();
    expect(() => checkClock(minutes(5), NOW)).not.toThrow();
  });

  it('keeps the last time seen in the data dir (0600), each minute and at stop, never moving back', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      const dir = freshDir();
      const { keeper, warning } = keepLastSeen(dir, { check: true, warn: () => undefined });
      expect(warning).toBeUndefined();
      expect(lastSeenIn(dir)).toBe(NOW.toISOString());
      expect(statSync(join(dir, 'last-seen.json')).mode & 0o777).toBe(0o600);
      keeper.start();
      vi.advanceTimersByTime(60_000);
      expect(lastSeenIn(dir)).toBe(minutes(1).toISOString());
      // The clock steps back (a correction after it ran ahead): the later time stays.
      vi.setSystemTime(minutes(-30));
      vi.advanceTimersByTime(60_000);
      expect(lastSeenIn(dir)).toBe(minutes(1).toISOString());
      vi.setSystemTime(minutes(10));
      keeper.stop();
      expect(lastSeenIn(dir)).toBe(minutes(10).toISOString());
      // Written atomically: no temporary file is left beside it.
      expect(readdirSync(dir)).toEqual(['last-seen.json']);
      // The next start, an hour earlier, is refused and leaves the file as it was.
      vi.setSystemTime(minutes(-50));
      expect(() => keepLastSeen(dir, { check: true, warn: () => undefined })).toThrow(
        /1 h 0 min earlier/,
      );
      expect(lastSeenIn(dir)).toBe(minutes(10).toISOString());
    } finally {
      vi.useRealTimers();
    }
  });

  it('warns once when the clock steps back while running', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      const warn = vi.fn();
      const { keeper } = keepLastSeen(freshDir(), { check: true, warn });
      keeper.start();
      vi.setSystemTime(minutes(-60));
      vi.advanceTimersByTime(3 * 60_000);
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]![0]).toMatch(/went back/);
      keeper.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts anyway with PANTAU_CLOCK_CHECK=off, saying so, and from then on keeps the clock’s time', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    try {
      const dir = freshDir();
      writeFileSync(join(dir, 'last-seen.json'), JSON.stringify({ lastSeen: minutes(60) }));
      const { keeper, warning } = keepLastSeen(dir, { check: false, warn: () => undefined });
      expect(warning).toMatch(/PANTAU_CLOCK_CHECK=off.*1 h 0 min earlier/s);
      expect(lastSeenIn(dir)).toBe(NOW.toISOString());
      keeper.stop();
      // The next start needs no override.
      expect(keepLastSeen(dir, { check: true, warn: () => undefined }).warning).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a last-seen file it cannot read, naming it (unless told to start anyway)', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'last-seen.json'), '{"lastSeen":');
    expect(() => keepLastSeen(dir, { check: true, warn: () => undefined })).toThrow(
      /last-seen\.json.*PANTAU_CLOCK_CHECK=off/s,
    );
    expect(keepLastSeen(dir, { check: false, warn: () => undefined }).warning).toMatch(
      /last-seen\.json/,
    );
  });
});

describe('the manual clock', () => {
  it('keeps its time in a file readable by its owner only (0600)', () => {
    const dir = freshDir();
    const previous = process.umask(0o022);
    try {
      manualClock(join(dir, 'clock.json'), NOW);
    } finally {
      process.umask(previous);
    }
    expect(statSync(join(dir, 'clock.json')).mode & 0o777).toBe(0o600);
  });
});
