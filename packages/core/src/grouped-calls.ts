/**
 * Calls that many callers of one process make at once, sent together: one call in flight per
 * lane, and whoever asks meanwhile rides in the next one, which leaves as soon as the first is
 * back (a database's group commit, for reads and counters). A caller alone waits for nothing:
 * on Lambda, one request per instance, every call goes at once as before. The embedded engine
 * ticks 16 ladders at a time, each step reading its context and reserving its letter's number;
 * DynamoDB serves one call of 16 contexts in about a quarter of the time of 16 calls
 * (BENCHMARKS, P3), so the step's reads stop being most of what it waits for.
 *
 * A group shares its call's fate: a failure (after the SDK's retries) fails each of its
 * callers, as it would have failed each alone. The registrations' agenda numbers
 * (`AgendaTurns`) use it too, with a `send` that answers each member of a failed group alone.
 */
interface Waiter<Req, Res> {
  readonly request: Req;
  readonly resolve: (value: Res) => void;
  readonly reject: (reason: unknown) => void;
}

export class GroupedCalls<Req, Res> {
  /** A lane's callers waiting for the call in flight to come back (present while one is). */
  readonly #waiting = new Map<string, Waiter<Req, Res>[]>();

  /**
   * @param send one call for a group's requests, in a lane; answers each request, in order.
   * @param weight how much of a call a request takes (a read's keys); a group takes callers in
   *   turn while their weights sum within `capacity` (always at least one).
   */
  readonly #send: (lane: string, requests: readonly Req[]) => Promise<readonly Res[]>;
  readonly #weight: (request: Req) => number;
  readonly #capacity: number;

  constructor(
    send: (lane: string, requests: readonly Req[]) => Promise<readonly Res[]>,
    weight: (request: Req) => number = () => 1,
    capacity = Number.POSITIVE_INFINITY,
  ) {
    this.#send = send;
    this.#weight = weight;
    this.#capacity = capacity;
  }

  /**
   * Whether a call of `lane` is in flight: a caller now would ride in the next one. A lane is
   * idle again before the callers of its last call hear the answer.
   */
  busy(lane: string): boolean {
    return this.#waiting.has(lane);
  }

  call(lane: string, request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      const waiter = { request, resolve, reject };
      const waiting = this.#waiting.get(lane);
      if (waiting) {
        waiting.push(waiter);
        return;
      }
      this.#waiting.set(lane, []);
      void this.#run(lane, [waiter]);
    });
  }

  async #run(lane: string, group: Waiter<Req, Res>[]): Promise<void> {
    try {
      const answers = await this.#send(
        lane,
        group.map((w) => w.request),
      );
      group.forEach((w, i) => w.resolve(answers[i]!));
    } catch (error) {
      for (const w of group) w.reject(error);
    }
    const waiting = this.#waiting.get(lane)!;
    if (waiting.length === 0) {
      this.#waiting.delete(lane);
      return;
    }
    let taken = 1;
    let weight = this.#weight(waiting[0]!.request);
    while (taken < waiting.length) {
      const next = this.#weight(waiting[taken]!.request);
      if (weight + next > this.#capacity) break;
      weight += next;
      taken += 1;
    }
    void this.#run(lane, waiting.splice(0, taken));
  }
}
