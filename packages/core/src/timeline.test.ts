import { describe, expect, it } from 'vitest';
import { decodeTime } from 'ulid';
import { newEventId } from './timeline.ts';

describe('timeline event ids', () => {
  it('keep the order of events written at the same instant', () => {
    const at = new Date('2026-03-16T03:00:00.000Z');
    const ids = [newEventId(at), newEventId(at), newEventId(at)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it('sort an event stamped earlier before one written first but stamped later', () => {
    // A request writes at .187 while a tick that read its clock at .164 is still rendering.
    const later = newEventId(new Date('2026-11-29T14:35:09.187Z'));
    const earlier = newEventId(new Date('2026-11-29T14:35:09.164Z'));
    expect(earlier < later).toBe(true);
  });

  it('keep the order of events written together at an instant earlier than the last one', () => {
    // A frozen clock behind one that ran ahead in the same process (a previous test file, or a
    // tick whose `now` was taken before a long render): a redirect and the re-forward it
    // causes, written in the same millisecond, must still list in the order they were made.
    newEventId(new Date('2026-12-01T00:00:00.000Z'));
    for (let round = 0; round < 50; round++) {
      const at = new Date(Date.UTC(2026, 10, 1, 0, 0, round));
      const ids = Array.from({ length: 4 }, () => newEventId(at));
      expect([...ids].sort()).toEqual(ids);
      expect(ids.every((id) => decodeTime(id) === at.getTime())).toBe(true);
    }
  });
});
