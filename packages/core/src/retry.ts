/** One way to retry a read-decide-write that lost a conditional write to a concurrent writer. */
import { WriteConflict } from './ports.ts';

export const MAX_CONFLICT_ATTEMPTS = 5;

/**
 * Runs `attempt` again (it must re-read what it decides on) while it loses a conditional write
 * of one of `kinds`, up to `MAX_CONFLICT_ATTEMPTS` times; any other error, or the last
 * conflict, is thrown.
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
        continue;
      throw error;
    }
  }
}
