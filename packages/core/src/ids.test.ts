import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { monotonicUlids, newUlid } from './ids.ts';

describe('ids from the pooled random bytes', () => {
  it('are ULIDs of the time given, and none repeats across many refills of the pool', () => {
    const time = Date.parse('2026-03-16T03:00:00.000Z');
    const ids = Array.from({ length: 5_000 }, () => newUlid(time));
    for (const id of ids.slice(0, 50)) {
      expect(isValid(id)).toBe(true);
      expect(decodeTime(id)).toBe(time);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(decodeTime(newUlid())).toBeGreaterThanOrEqual(Date.now() - 1_000);
  });

  it('draw every character of the random part about evenly (a byte / 256, as ulid does)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i += 1)
      for (const c of newUlid(0).slice(10)) counts.set(c, (counts.get(c) ?? 0) + 1);
    // 32,000 characters over Crockford's 32: 1,000 each expected.
    expect(counts.size).toBe(32);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });

  it('sort as they were made from a monotonic generator, even within one millisecond', () => {
    const next = monotonicUlids();
    const time = Date.parse('2026-03-16T03:00:00.000Z');
    const ids = Array.from({ length: 1_000 }, (_, i) => next(time + Math.floor(i / 100)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
