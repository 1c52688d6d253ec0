/** One way to retry a read-decide-write that lost a conditional write to a concurrent writer. */
import { WriteConflict } from './ports.ts';

export const MAX_CONFLICT_ATTEMPTS = 10;

/**
 * Runs `attempt` again (it must re-read what it decides on) while it loses a conditional write
 * of one of `kinds`, up to `MAX_CONFLICT_ATTEMPTS` times, after a short random pause
 * (`pauseBeforeRetry`); any other error, or the last conflict, is thrown. Writers that lost to
 * one another, retried at once, meet again: a burst of forwards, which all check the settings'
 * version, collided on every one of five immediate attempts and some answered 409.
 */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  kinds: readonly WriteConflict['kind'][] = ['version'],
): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof WriteConflict && kinds.includes(error.kind) && i < MAX_CONFLICT_ATTEMPTS)
        await pauseBeforeRetry(i);
      else throw error;
    }
  }
}

/**
 * A random pause ("full jitter") before retry `attempt` (1 for the first): up to 5 ms × 2^attempt,
 * at most 200 ms, so writers that collided spread out instead of colliding again.
 */
export const pauseBeforeRetry = (attempt: number): Promise<void> =>
  new Promise((done) =>
    setTimeout(done, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))),
  );
