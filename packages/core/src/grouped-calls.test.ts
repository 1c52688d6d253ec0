import { describe, expect, it } from 'vitest';
import { GroupedCalls } from './grouped-calls.ts';

/** A `send` whose calls wait until the test lets each go, recording each group it was given. */
function gated<Req>() {
  const groups: { lane: string; requests: readonly Req[] }[] = [];
  const gates: { release: () => void; fail: (e: unknown) => void }[] = [];
  const send = (lane: string, requests: readonly Req[]) => {
    groups.push({ lane, requests });
    return new Promise<readonly string[]>((resolve, reject) => {
      gates.push({
        release: () => resolve(requests.map((r) => `${lane}:${String(r)}`)),
        fail: reject,
      });
    });
  };
  return { groups, gates, send };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupedCalls', () => {
  it('sends a caller alone at once, without waiting for company', async () => {
    const { groups, gates, send } = gated<number>();
    const calls = new GroupedCalls(send);
    const answer = calls.call('a', 1);
    expect(groups).toEqual([{ lane: 'a', requests: [1] }]);
    gates[0]!.release();
    expect(await answer).toBe('a:1');
  });

  it('carries everyone who asked while a call was out in the next call, each answered its own', async () => {
    const { groups, gates, send } = gated<number>();
    const calls = new GroupedCalls(send);
    const first = calls.call('a', 1);
    const later = [2, 3, 4].map((n) => calls.call('a', n));
    expect(groups).toHaveLength(1); // the three wait for the first call
    gates[0]!.release();
    await settled();
    expect(groups[1]).toEqual({ lane: 'a', requests: [2, 3, 4] });
    gates[1]!.release();
    expect(await first).toBe('a:1');
    expect(await Promise.all(later)).toEqual(['a:2', 'a:3', 'a:4']);
    // The lane is free again: the next caller goes at once.
    void calls.call('a', 5);
    expect(groups).toHaveLength(3);
  });

  it('says a lane is busy while a call is out, and idle before its callers hear the answer', async () => {
    const { gates, send } = gated<number>();
    const calls = new GroupedCalls(send);
    expect(calls.busy('a')).toBe(false);
    const answer = calls.call('a', 1).then((a) => ({ a, busy: calls.busy('a') }));
    expect(calls.busy('a')).toBe(true);
    expect(calls.busy('b')).toBe(false);
    gates[0]!.release();
    expect(await answer).toEqual({ a: 'a:1', busy: false });
  });

  it('keeps lanes apart: a call in one does not hold another', () => {
    const { groups, send } = gated<number>();
    const calls = new GroupedCalls(send);
    void calls.call('a', 1);
    void calls.call('b', 2);
    expect(groups.map((g) => g.lane)).toEqual(['a', 'b']);
  });

  it('fills a call up to its capacity by weight, in the order asked; the rest go next', async () => {
    const { groups, gates, send } = gated<number>();
    // Weights are the numbers themselves, at most 10 a call.
    const calls = new GroupedCalls(send, (n) => n, 10);
    void calls.call('a', 1);
    const waiting = [4, 5, 2, 12, 3].map((n) => calls.call('a', n));
    gates[0]!.release();
    await settled();
    expect(groups[1]!.requests).toEqual([4, 5]); // 4 + 5 = 9; with 2 it would be 11
    gates[1]!.release();
    await settled();
    expect(groups[2]!.requests).toEqual([2]); // 2 + 12 is over: 12 waits for its own
    gates[2]!.release();
    await settled();
    expect(groups[3]!.requests).toEqual([12]); // heavier than a call: it goes alone
    gates[3]!.release();
    await settled();
    expect(groups[4]!.requests).toEqual([3]);
    gates[4]!.release();
    expect(await Promise.all(waiting)).toEqual(['a:4', 'a:5', 'a:2', 'a:12', 'a:3']);
  });

  it('fails each caller of a failed call, and goes on with those who waited for it', async () => {
    const { groups, gates, send } = gated<number>();
    const calls = new GroupedCalls(send);
    const first = calls.call('a', 1);
    const second = calls.call('a', 2);
    const third = calls.call('a', 3);
    gates[0]!.release();
    await settled();
    const lost = new Error('throttled');
    gates[1]!.fail(lost);
    await expect(second).rejects.toBe(lost);
    await expect(third).rejects.toBe(lost);
    expect(await first).toBe('a:1');
    const fourth = calls.call('a', 4);
    expect(groups).toHaveLength(3);
    gates[2]!.release();
    expect(await fourth).toBe('a:4');
  });

  it('fails the callers of a send that throws before it returns a promise', async () => {
    const calls = new GroupedCalls<number, number>(() => {
      throw new Error('bad request');
    });
    await expect(calls.call('a', 1)).rejects.toThrow('bad request');
    await expect(calls.call('a', 2)).rejects.toThrow('bad request');
  });
});
