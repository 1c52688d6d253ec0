/**
 * The agenda number a registration claims: the year's counter read, plus one, written in the
 * same transaction as the case under the value read. Two registrations that read the same
 * value cannot both commit; the loser reads again and takes the next number, so numbers are
 * unique and gapless within a year.
 */
import { localDate } from '../calendar.ts';
import { type CaseChange, type Store, WriteConflict } from '../ports.ts';
import { pauseBeforeRetry } from '../retry.ts';
import { DEFAULT_DOCUMENT_SETTINGS } from './letter-document.ts';
import { formatNumber, sequenceName } from './numbering.ts';
import type { SequenceClaim } from './ports.ts';

/** Attempts before a registration gives up under contention (a 409 the client may retry). */
export const MAX_AGENDA_ATTEMPTS = 200;

/**
 * The most registrations one transaction holds. A registration is about 11 writes (the case,
 * its tracking code, its search postings and lookups, its event; the counter once a group),
 * 14 with three attachments: 6 of them stay well within DynamoDB's 100. A group that does not
 * fit is refused before it is sent, and its members go one by one (`AgendaTurns`).
 */
export const MAX_AGENDA_GROUP = 6;

/** What registering needs of the store: the counter and the numbering, and its commits. */
export type AgendaStore = Pick<
  Store,
  'getDocumentSettings' | 'getSequence' | 'commit' | 'commitAll'
>;

/** A registration's change under the agenda number given (without the counter), and its answer. */
export type AgendaBuild<T> = (agendaNumber: string) => {
  readonly change: CaseChange;
  readonly result: T;
};

interface Waiting {
  readonly store: AgendaStore;
  /** The registration's date in WIB (the unit's zone): it names the year and the month. */
  readonly date: string;
  /** The year's counter (`agenda#2026`). */
  readonly name: string;
  readonly build: AgendaBuild<unknown>;
  readonly done: (result: unknown) => void;
  readonly fail: (error: unknown) => void;
}

/**
 * Registrations in one process take their agenda numbers in turns, and the ones that arrive
 * while a turn is out go together in the next: one transaction of up to `MAX_AGENDA_GROUP`
 * cases and one write of the counter, from the value read to that plus their count, the
 * numbers in the order they arrived (a database's group commit). Without turns a crowd in one
 * process (the embedded runtime, the load test's clients) all read the same value, one
 * committed and the rest lost the transaction, paused and read again: 100 concurrent
 * registrations made 2,185 transactions and the load test's registrations waited up to 22 s
 * (issue 17). In turns one at a time they made 100, and under the load test waited for each
 * other (p50 531 to 695 ms against 207 to 251 ms for the same writes made directly); together,
 * 18 transactions, and 165 to 174 ms under the load (BENCHMARKS.md, P5).
 *
 * A registration that finds no turn under way goes at once, alone: on Lambda (one request an
 * instance) every one does, as before. A group whose transaction fails for any reason (a claim
 * another case holds, a counter another instance moved, more writes than one transaction
 * takes) is not retried as a group: its members are committed one by one, each succeeding or
 * failing on its own as it would have alone, so a registration's outcome never depends on
 * which others it met. Across processes nothing changes: the conditional write decides.
 */
export class AgendaTurns {
  readonly #waiting: Waiting[] = [];
  #serving = false;
  /** Each counter's value after this process's last commit, while no failure cast doubt on it. */
  readonly #committed = new Map<string, number>();

  /**
   * Commits the change `build` makes under the next agenda number of `now`'s year, with the
   * registrations waiting beside it; resolves to its result, or rejects with the error of its
   * own commit (a `WriteConflict` the caller decides on: `lostAgendaRace`).
   */
  commit<T>(store: AgendaStore, now: Date, build: AgendaBuild<T>): Promise<T> {
    const date = localDate(now, 'Asia/Jakarta');
    return new Promise<T>((done, fail) => {
      this.#waiting.push({
        store,
        date,
        name: sequenceName('agenda', date),
        build,
        done: done as (result: unknown) => void,
        fail,
      });
      if (!this.#serving) void this.#serve();
    });
  }

  async #serve(): Promise<void> {
    this.#serving = true;
    // Turns that found none under way read the counter: another instance may have moved it
    // since this one's last commit. The turns that follow start from the value committed.
    this.#committed.clear();
    for (;;) {
      const settle = await this.#turn(this.#nextGroup());
      // Serving ends before the last turn's callers hear how it went: a registration they send
      // next finds none under way, and reads the counter.
      const more = this.#waiting.length > 0;
      if (!more) this.#serving = false;
      settle();
      if (!more) return;
    }
  }

  /** The first waiting and those after it on the same store and counter, in arrival order. */
  #nextGroup(): Waiting[] {
    const head = this.#waiting[0]!;
    const group: Waiting[] = [];
    for (let i = 0; i < this.#waiting.length && group.length < MAX_AGENDA_GROUP;) {
      const w = this.#waiting[i]!;
      if (w.store === head.store && w.name === head.name) group.push(...this.#waiting.splice(i, 1));
      else i += 1;
    }
    return group;
  }

  /** Commits a group; resolves to what tells its members how it went. */
  async #turn(group: readonly Waiting[]): Promise<() => void> {
    try {
      const results = await this.#commitGroup(group);
      return () => group.forEach((w, i) => w.done(results[i]));
    } catch (error) {
      if (group.length === 1) return () => group[0]!.fail(error);
      const settles: (() => void)[] = [];
      for (const w of group) settles.push(await this.#turn([w]));
      return () => settles.forEach((settle) => settle());
    }
  }

  /** One transaction: each member's change under its number, the counter's write with the last. */
  async #commitGroup(group: readonly Waiting[]): Promise<unknown[]> {
    const { store, name } = group[0]!;
    // The value this process committed last, when it knows one: no read (the write checks it).
    const known = this.#committed.get(name);
    const [settings, current] = await Promise.all([
      store.getDocumentSettings(),
      known ?? store.getSequence(name),
    ]);
    const pattern = (settings ?? DEFAULT_DOCUMENT_SETTINGS).agendaNumberPattern;
    const built = group.map((w, i) => w.build(formatNumber(pattern, current + 1 + i, w.date)));
    const claim: SequenceClaim = { name, value: current + group.length, expected: current };
    const changes = built.map(({ change }, i) =>
      i === built.length - 1 ? { ...change, sequence: claim } : change,
    );
    try {
      await (changes.length === 1 ? store.commit(changes[0]!) : store.commitAll(changes));
    } catch (error) {
      this.#committed.delete(name);
      throw error;
    }
    this.#committed.set(name, claim.value);
    return built.map((b) => b.result);
  }
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
