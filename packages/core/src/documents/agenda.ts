/**
 * The agenda number a registration claims: the year's counter read, plus one, written in the
 * same transaction as the case under the value read. Two registrations that read the same
 * value cannot both commit; the loser reads again and takes the next number, so numbers are
 * unique and gapless within a year.
 */
import { Mutex } from 'async-mutex';
import { localDate } from '../calendar.ts';
import { WriteConflict } from '../ports.ts';
import { pauseBeforeRetry } from '../retry.ts';
import { DEFAULT_DOCUMENT_SETTINGS } from './letter-document.ts';
import { formatNumber, sequenceName } from './numbering.ts';
import type { DocumentStore, SequenceClaim } from './ports.ts';

/** Attempts before a registration gives up under contention (a 409 the client may retry). */
export const MAX_AGENDA_ATTEMPTS = 200;

/**
 * Registrations in one process take their agenda numbers one at a time, each one queued behind
 * another starting from the value that one committed. Without it a crowd in one process (the
 * embedded runtime, a spreadsheet import, the load test's clients) all read the same value, one
 * commits and the rest lose the transaction, pause and read again: 100 concurrent registrations
 * made 2,185 transactions and the load test's registrations waited up to 22 s (issue 17).
 * Across processes (Lambda instances) nothing changes: the conditional write decides, and a
 * loser forgets the value, reads and tries again.
 */
export class AgendaTurns {
  readonly #lock = new Mutex();
  readonly #committed = new Map<string, number>();

  /**
   * Runs one registration's claim-and-commit after the others of this process. Only one that
   * waited for another starts from the value that one committed: a registration that found no
   * other under way (the usual case, and on Lambda, one request per instance, the only one)
   * reads the counter, which another instance may have moved since this one's last commit.
   */
  inTurn<T>(task: () => Promise<T>): Promise<T> {
    const waited = this.#lock.isLocked();
    return this.#lock.runExclusive(() => {
      if (!waited) this.#committed.clear();
      return task();
    });
  }

  /** The counter's value after this process's last commit, if no conflict has cast doubt on it. */
  last(name: string): number | undefined {
    return this.#committed.get(name);
  }

  committed(claim: SequenceClaim): void {
    this.#committed.set(claim.name, claim.value);
  }

  /** After a failed commit: the next claim reads the counter. */
  forget(claim: SequenceClaim): void {
    this.#committed.delete(claim.name);
  }
}

export async function claimAgendaNumber(
  store: DocumentStore,
  now: Date,
  turns?: AgendaTurns,
): Promise<{ number: string; claim: SequenceClaim }> {
  // The registration's date in WIB (the unit's zone) names the year and the month.
  const date = localDate(now, 'Asia/Jakarta');
  const name = sequenceName('agenda', date);
  // The value this process committed last, when it knows one: no read (the write checks it).
  const known = turns?.last(name);
  const [settings, current] = await Promise.all([
    store.getDocumentSettings(),
    known ?? store.getSequence(name),
  ]);
  const pattern = (settings ?? DEFAULT_DOCUMENT_SETTINGS).agendaNumberPattern;
  const value = current + 1;
  return { number: formatNumber(pattern, value, date), claim: { name, value, expected: current } };
}

/**
 * Whether a failed write lost a race on a contended item (a registration its number, an upload
 * its case's version) and may try again after a short random pause, so that a crowd spreads
 * out instead of colliding again.
 */
export async function lostAgendaRace(error: unknown, attempt: number): Promise<boolean> {
  if (!(error instanceof WriteConflict) || error.kind !== 'version') return false;
  if (attempt >= MAX_AGENDA_ATTEMPTS) return false;
  await pauseBeforeRetry(attempt);
  return true;
}
