/**
 * How the embedded engine's pass schedules the due ladders (each ladder's own run is
 * engine.int.test.ts's subject): a stand-in store answers `listDueLadders` from a map of timers,
 * and each run is recorded instead of running the definition.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { LadderRecord, LadderRef, PageRequest, Store } from '@pantau/core';
import { describe, expect, it, vi } from 'vitest';
import { LocalLadderEngine } from './engine.ts';

const NOW = '2026-07-15T03:00:00.000Z';
const DUE = '2026-07-15T02:00:00.000Z';

/**
 * Timers by case id, listed as the store lists them: due by now, soonest first, `limit` at most
 * a page, the cursor the next one's offset.
 */
function timers(count: number) {
  const wake = new Map<string, string | null>();
  for (let i = 0; i < count; i += 1) wake.set(`C${String(i).padStart(4, '0')}`, DUE);
  const store = {
    listDueLadders: async (now: Date, { limit, cursor }: PageRequest) => {
      const due = [...wake]
        .filter((entry): entry is [string, string] => entry[1] !== null)
        .filter(([, at]) => at <= now.toISOString())
        .sort(([a, x], [b, y]) => x.localeCompare(y) || a.localeCompare(b));
      const from = Number(cursor ?? 0);
      return {
        items: due
          .slice(from, from + limit)
          .map(
            ([caseId, wakeAt]) =>
              ({ caseId, agencyId: 'polri', generation: 1, token: 1, wakeAt }) as LadderRecord,
          ),
        nextCursor: from + limit < due.length ? String(from + limit) : null,
      };
    },
  } as Pick<Store, 'listDueLadders'> as Store;
  return { wake, store };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** An engine whose runs are `run` (the pass's scheduling is the subject). */
function engineWith(store: Store, run: (ref: LadderRef) => Promise<void>) {
  const engine = new LocalLadderEngine({
    store,
    clock: () => new Date(NOW),
    mailer: { send: async () => undefined },
    concurrency: 4,
  });
  engine.runOnce = run;
  return engine;
}

describe('a pass of the embedded engine', () => {
  it('runs each due ladder once, past one listing of 100, at most `concurrency` at a time', async () => {
    const { wake, store } = timers(250);
    const runs: string[] = [];
    let running = 0;
    let most = 0;
    await engineWith(store, async (ref) => {
      running += 1;
      most = Math.max(most, running);
      runs.push(ref.caseId);
      await tick();
      wake.set(ref.caseId, null); // its ladder ended
      running -= 1;
    }).runDue();
    expect(runs).toHaveLength(250);
    expect(new Set(runs).size).toBe(250);
    expect(most).toBe(4);
  });

  it('takes the next ladders while the slowest of a listing still runs', async () => {
    const { wake, store } = timers(150);
    const started = new Map<string, number>();
    const ended = new Map<string, number>();
    let order = 0;
    await engineWith(store, async (ref) => {
      started.set(ref.caseId, (order += 1));
      // The first ladder listed is slow (a letter's PDF, a slow mailer): 60 of the others' runs,
      // longer than the other three workers take for the rest of its listing (99 / 3).
      for (let i = 0; i < (ref.caseId === 'C0000' ? 60 : 1); i += 1) await tick();
      wake.set(ref.caseId, null);
      ended.set(ref.caseId, (order += 1));
    }).runDue();
    // The 101st ladder is in the second listing: it began before the first one ended.
    expect(started.get('C0100')!).toBeLessThan(ended.get('C0000')!);
    expect(started.size).toBe(150);
  });

  it('runs a ladder again that its run left due at a later timer; one that failed, once', async () => {
    const { wake, store } = timers(3);
    const runs: string[] = [];
    await engineWith(store, async (ref) => {
      runs.push(ref.caseId);
      await tick();
      // C0000 took one step and is due again (a long jump: its next rung has passed too);
      // C0001's run failed (its timer unchanged); C0002 is done.
      if (ref.caseId === 'C0000')
        wake.set('C0000', wake.get('C0000') === DUE ? '2026-07-15T02:30:00.000Z' : null);
      if (ref.caseId === 'C0002') wake.set('C0002', null);
    }).runDue();
    expect(runs.filter((id) => id === 'C0000')).toHaveLength(2);
    expect(runs.filter((id) => id === 'C0001')).toHaveLength(1);
    expect(runs.filter((id) => id === 'C0002')).toHaveLength(1);
  });

  it('reaches the ladders behind more than a listing of ladders that fail every time', async () => {
    // 120 ladders whose data is bad (each run fails, its timer unchanged) are due soonest;
    // 30 sound ones are due behind them. Every one is tried once in the pass.
    const { wake, store } = timers(150);
    const runs: string[] = [];
    await engineWith(store, async (ref) => {
      runs.push(ref.caseId);
      await tick();
      if (ref.caseId >= 'C0120') wake.set(ref.caseId, null);
    }).runDue();
    expect(new Set(runs).size).toBe(150);
    expect(runs).toHaveLength(150);
    expect([...wake.values()].filter((at) => at !== null)).toHaveLength(120);
  });

  it("logs the timer's failed passes (once, then once a minute), and when they pass again", async () => {
    let down = true;
    const store = {
      listDueLadders: async () => {
        if (down)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), {
            name: 'TimeoutError',
          });
        return { items: [], nextCursor: null };
      },
    } as Pick<Store, 'listDueLadders'> as Store;
    const logger = { error: vi.fn(), info: vi.fn() };
    const engine = new LocalLadderEngine({
      store,
      clock: () => new Date(NOW),
      mailer: { send: async () => undefined },
      logger: logger as Partial<Logger> as Logger,
    });
    engine.startTimer(5);
    try {
      await vi.waitFor(() => expect(logger.error).toHaveBeenCalled(), { timeout: 1_000 });
      // A table that stays down is not one line a second.
      await new Promise((r) => setTimeout(r, 100));
      expect(logger.error).toHaveBeenCalledTimes(1);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringMatching(/ladder timer/),
        expect.objectContaining({ failures: 1, error: expect.any(Error) }),
      );
      down = false;
      await vi.waitFor(
        () =>
          expect(logger.info).toHaveBeenCalledWith(
            expect.stringMatching(/ladder timer/),
            expect.objectContaining({ failures: expect.any(Number) }),
          ),
        { timeout: 1_000 },
      );
    } finally {
      await engine.stop();
    }
  });
});
