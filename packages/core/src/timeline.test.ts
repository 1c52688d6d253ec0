import { describe, expect, it } from 'vitest';
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
});
