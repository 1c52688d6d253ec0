/**
 * The agenda number a registration claims: the year's counter read, plus one, written in the
 * same transaction as the case under the value read. Two registrations that read the same
 * value cannot both commit; the loser reads again and takes the next number, so numbers are
 * unique and gapless within a year.
 */
import { localDate } from '../calendar.ts';
import { GroupedCalls } from '../grouped-calls.ts';
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

/** A registration waiting for its turn: the store it commits to, and its build. */
interface Registration {
  readonly store: AgendaStore;
  /** The registration's date in WIB (the unit's zone): it names the year and the month. */
  readonly date: string;
  readonly build: AgendaBuild<unknown>;
}

/** How one registration's commit went: its result, or the error of its own commit. */
type Outcome =
  { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Registrations in one process take their agenda numbers in turns, and the ones that arrive
 * while a turn is out go together in the next: one transaction of up to `MAX_AGENDA_GROUP`
 * cases and one write of the counter, from the value read to that plus their count, the
 * numbers in the order they arrived (a database's group commit: `GroupedCalls`, a lane for
 * each store's counter of a year). Without turns a crowd in one process (the embedded runtime,
 * the load test's clients) all read the same value, one committed and the rest lost the
 * transaction, paused and read again: 100 concurrent registrations made 2,185 transactions and
 * the load test's registrations waited up to 22 s (issue 17). In turns one at a time they made
 * 100, and under the load test waited for each other (p50 531 to 695 ms against 207 to 251 ms
 * for the same writes made directly); together, 18 transactions, and 165 to 174 ms under the
 * load (BENCHMARKS.md, P5).
 *
 * A registration that finds no turn under way goes at once, alone: on Lambda (one request an
 * instance) every one does, as before. A group whose transaction fails for any reason (a claim
 * another case holds, a counter another instance moved, more writes than one transaction
 * takes) is not retried as a group: its members are committed one by one, each succeeding or
 * failing on its own as it would have alone, so a registration's outcome never depends on
 * which others it met. Across processes nothing changes: the conditional write decides.
 */
export class AgendaTurns {
  /** Each lane's counter value after this process's last commit, while nothing cast doubt on it. */
  readonly #committed = new Map<string, number>();
  readonly #stores = new WeakMap<AgendaStore, number>();
  #storeCount = 0;
  readonly #turns = new GroupedCalls<Registration, Outcome>(
    (lane, group) => this.#turn(lane, group),
    () => 1,
    MAX_AGENDA_GROUP,
  );

  /**
   * Commits the change `build` makes under the next agenda number of `now`'s year, with the
   * registrations waiting beside it; resolves to its result, or rejects with the error of its
   * own commit (a `WriteConflict` the caller decides on: `lostAgendaRace`).
   */
  async commit<T>(store: AgendaStore, now: Date, build: AgendaBuild<T>): Promise<T> {
    const date = localDate(now, 'Asia/Jakarta');
    const lane = `${this.#storeId(store)}#${sequenceName('agenda', date)}`;
    // A turn that finds none under way reads the counter: another instance may have moved it
    // since this one's last commit. The turns that follow start from the value committed.
    if (!this.#turns.busy(lane)) this.#committed.delete(lane);
    const outcome = await this.#turns.call(lane, { store, date, build });
    if (!outcome.ok) throw outcome.error;
    return outcome.result as T;
  }

  /** A number for each store seen (one in practice: the Service's), so that lanes never mix stores. */
  #storeId(store: AgendaStore): number {
    let id = this.#stores.get(store);
    if (id === undefined) this.#stores.set(store, (id = this.#storeCount++));
    return id;
  }

  /** A group's turn; a group that failed commits its members one by one. */
  async #turn(lane: string, group: readonly Registration[]): Promise<Outcome[]> {
    try {
      const results = await this.#commitGroup(lane, group);
      return results.map((result) => ({ ok: true, result }));
    } catch (error) {
      if (group.length === 1) return [{ ok: false, error }];
      const outcomes: Outcome[] = [];
      for (const registration of group) outcomes.push(...(await this.#turn(lane, [registration])));
      return outcomes;
    }
  }

  /** One transaction: each member's change under its number, the counter's write with the last. */
  async #commitGroup(lane: string, group: readonly Registration[]): Promise<unknown[]> {
    const { store, date } = group[0]!;
    const name = sequenceName('agenda', date);
    // The value this process committed last, when it knows one: no read (the write checks it).
    const known = this.#committed.get(lane);
    const [settings, current] = await Promise.all([
      store.getDocumentSettings(),
      known ?? store.getSequence(name),
    ]);
    const pattern = (settings ?? DEFAULT_DOCUMENT_SETTINGS).agendaNumberPattern;
    const built = group.map((r, i) => r.build(formatNumber(pattern, current + 1 + i, r.date)));
    const claim: SequenceClaim = { name, value: current + group.length, expected: current };
    const changes = built.map(({ change }, i) =>
      i === built.length - 1 ? { ...change, sequence: claim } : change,
    );
    try {
      await (changes.length === 1 ? store.commit(changes[0]!) : store.commitAll(changes));
    } catch (error) {
      this.#committed.delete(lane);
      throw error;
    }
    this.#committed.set(lane, claim.value);
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
