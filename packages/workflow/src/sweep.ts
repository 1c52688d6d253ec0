/**
 * The safety net on AWS: an execution is only a timer, so a ladder whose timer is long past
 * (its execution failed after its retries, or never started because StartExecution failed
 * after the forward was committed) is re-armed with a new token, and letters a crash left in
 * the outbox are sent. Run on a schedule. Re-arming a ladder whose execution is merely slow
 * is harmless: that execution stops at the new token, and steps are exactly-once by their
 * markers whichever execution takes them.
 */
import { type LadderRef, type LadderStarter, rearmLadder, WriteConflict } from '@pantau/core';
import { deliver, type EngineDeps } from './tick.ts';

export interface SweepResult {
  readonly rearmed: number;
  readonly delivered: number;
}

export async function sweep(
  deps: EngineDeps & { readonly ladders: LadderStarter },
  options: { readonly graceMs?: number; readonly limit?: number } = {},
): Promise<SweepResult> {
  const now = deps.clock();
  const staleBefore = new Date(now.getTime() - (options.graceMs ?? 15 * 60_000));
  const stale = await deps.store.listDueLadders(staleBefore, options.limit ?? 100);
  let rearmed = 0;
  for (const ladder of stale) {
    const next = rearmLadder(ladder, now);
    try {
      await deps.store.putLadder({ record: next, expectedVersion: ladder.version });
    } catch (error) {
      // Only a lost version check means the ladder moved meanwhile (alive after all); anything
      // else (the store unavailable, a bug) fails the sweep, to be seen and run again.
      if (error instanceof WriteConflict && error.kind === 'version') continue;
      throw error;
    }
    const ref: LadderRef = {
      caseId: next.caseId,
      agencyId: next.agencyId,
      generation: next.generation,
      token: next.token,
    };
    await deps.ladders.arm(ref);
    rearmed += 1;
  }
  const pending = (await deps.store.listAllUndelivered(options.limit ?? 100)).filter(
    (n) => Date.parse(n.createdAt) < staleBefore.getTime(),
  );
  for (const n of pending) await deliver(deps, n);
  return { rearmed, delivered: pending.length };
}
