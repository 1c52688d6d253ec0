/**
 * The embedded workflow engine: runs the same ASL definition as Step Functions with
 * `aws-local-stepfunctions`, its `Tick` task overridden by state name to the same handler the
 * Lambda wraps. A `Wait` is a persisted timer: the tick writes the ladder's wake instant to the
 * table, the run is parked (aborted) when it enters `Sleep`, and when the clock passes the
 * instant the definition runs again from `StartAt`, which re-reads the table: a resume. So
 * after a crash every open ladder resumes from the table, and no step is lost or repeated.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { type LadderRecord, type LadderRef, ladderRefOf, type LadderStarter } from '@pantau/core';
import {
  type EngineDeps,
  ladderDefinition,
  OUTBOX_GRACE_MS,
  sweepDueAt,
  STATE,
  sweep,
  type SweepDeps,
  type SweepOptions,
  type SweepResult,
  tick,
} from '@pantau/workflow';
import type { StateMachine } from 'aws-local-stepfunctions';
import { localStateMachine } from './state-machine.ts';

/** The longest Wait override that does not overflow Node's setTimeout (it must never fire). */
const PARKED_MS = 2 ** 31 - 1;

/** Correlation ids remembered for ladders armed since start (an execution's input on AWS). */
const MAX_CORRELATIONS = 10_000;

/** How often the system-clock runtime sweeps the outbox (one query of a mostly empty index). */
const SWEEP_EVERY_MS = 60_000;

/** A timer that keeps failing logs its first failure, then one line per this many. */
const TIMER_FAILURES_PER_LINE = 60;

export interface EngineStats {
  runs: number;
  transitions: number;
  /** Tick task executions (on AWS: the tick Lambda's invocations). */
  ticks: number;
  /** Executions that failed (a Tick that kept failing: on AWS, the sweep's to restart). */
  failures: number;
}

const refKey = (ref: LadderRef) => `${ref.caseId}/${ref.agencyId}/${ref.generation}/${ref.token}`;

export type LocalEngineDeps = EngineDeps & {
  readonly logger?: Logger;
  readonly concurrency?: number;
  /** The correlation id of the work in progress (the API request that arms a ladder). */
  readonly correlationId?: () => string | undefined;
};

export class LocalLadderEngine implements LadderStarter {
  private readonly machine: StateMachine;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping: Promise<SweepResult> | undefined;
  /** The ladder timer's passes that failed in a row (the table unreachable, say). */
  private timerFailures = 0;
  /** By ladder ref: the id of the request that armed it, which its ticks' log lines name. */
  private readonly correlations = new Map<string, string>();
  readonly stats: EngineStats = { runs: 0, transitions: 0, ticks: 0, failures: 0 };

  private readonly deps: LocalEngineDeps;
  /** What the SMTP intake sends receipts with, once it listens (`sendsReceipts`). */
  private receipts: SweepDeps['receipts'];

  constructor(deps: LocalEngineDeps) {
    this.deps = deps;
    this.machine = localStateMachine(ladderDefinition, {
      TickFunctionArn: 'arn:aws:lambda:ap-southeast-3:000000000000:function:pantau-ladder-tick',
      ContinueFunctionArn:
        'arn:aws:lambda:ap-southeast-3:000000000000:function:pantau-ladder-continue',
    });
  }

  /** A new or re-armed ladder: its record is already due, so run what is due (in the background). */
  async arm(ref: LadderRef): Promise<void> {
    const correlationId = this.deps.correlationId?.();
    if (correlationId) {
      if (this.correlations.size >= MAX_CORRELATIONS) {
        this.correlations.delete(this.correlations.keys().next().value!);
      }
      this.correlations.set(refKey(ref), correlationId);
    }
    void this.runDue().catch((error: unknown) =>
      this.deps.logger?.error('ladder run failed', { error: error as Error }),
    );
  }

  /** Runs one ladder's definition until it parks at `Sleep` or ends. */
  async runOnce(ref: LadderRef): Promise<void> {
    const correlationId = this.correlations.get(refKey(ref));
    const input: Record<string, string | number> = {
      ...ref,
      ...(correlationId ? { correlationId } : {}),
    };
    const execution = this.machine.run(input, {
      overrides: {
        taskResourceLocalHandlers: {
          [STATE.tick]: (input: unknown) => tick(this.deps, input) as never,
          // Locally every run starts afresh, so there is no history to hand over.
          [STATE.continueAsNew]: async () => ({}),
        },
        waitTimeOverrides: { [STATE.sleep]: PARKED_MS },
        retryIntervalOverrides: { [STATE.tick]: 5, [STATE.continueAsNew]: 5 },
      },
      noThrowOnAbort: true,
    });
    this.stats.runs += 1;
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') {
        this.stats.transitions += 1;
        if (event.state.name === STATE.tick) this.stats.ticks += 1;
        if (event.state.name === STATE.sleep) {
          execution.abort();
          break;
        }
      }
      if (event.type === 'ExecutionFailed') {
        this.stats.failures += 1;
        this.deps.logger?.error('ladder execution failed', {
          caseId: ref.caseId,
          agencyId: ref.agencyId,
          error: event.Error,
          cause: event.Cause,
        });
      }
    }
    await execution.result.catch(() => undefined);
  }

  /**
   * Runs every ladder whose timer is due by the clock's now, until none is (a tick sets the
   * next timer after now). Calls made while a pass runs are folded into one more pass.
   */
  runDue(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async pass(): Promise<void> {
    const concurrency = this.deps.concurrency ?? 8;
    // A ladder that comes back due with the timer it was run for made no progress (its run
    // failed): it waits for the next pass instead of spinning in this one.
    const ran = new Set<string>();
    const key = (l: LadderRecord) => `${l.caseId}/${l.agencyId}@${l.token}@${l.wakeAt}`;
    const queue: LadderRecord[] = [];
    let listing: Promise<number> | undefined;
    // The due ladders not yet taken, into the queue (how many): listed as soon as the queue is
    // empty, while the last ones taken still run (they are among `ran`), so no worker waits
    // for the slowest of a batch. Workers that find it empty share one listing, which reads on
    // past a page of ladders taken already (those that failed stay due at the head).
    const list = () =>
      (listing ??= (async () => {
        let cursor: string | undefined;
        do {
          const due = await this.deps.store.listDueLadders(this.deps.clock(), {
            limit: 100,
            cursor,
          });
          const fresh = due.items.filter((l) => !ran.has(key(l)));
          for (const l of fresh) ran.add(key(l));
          queue.push(...fresh);
          if (fresh.length > 0) return fresh.length;
          cursor = due.nextCursor ?? undefined;
        } while (cursor);
        return 0;
      })().finally(() => {
        listing = undefined;
      }));
    const worker = async () => {
      for (;;) {
        const l = queue.shift();
        if (l) await this.runOnce(ladderRefOf(l));
        else if ((await list()) === 0 && queue.length === 0) return;
      }
    };
    // Once every worker is done, a ladder its run left due at a later timer is listed again.
    while ((await list()) > 0) await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /**
   * Moves a manual clock to `to` as time would pass: the clock stops at each ladder's wake
   * instant on the way and the engine runs then, so a long jump writes every letter on its
   * own day, as if the runtime had been running all along (an outage is the other case: the
   * ladder then wakes late and writes only what is still true).
   */
  async passTime(clock: { now(): Date; set(to: Date): void }, to: Date): Promise<void> {
    await this.runDue();
    for (;;) {
      // The next ladder step, or the next moment a letter in the outbox is due to go (letter
      // hours begin, a refused one's backoff ends; with the sweep's grace): whichever is first.
      const [wake, letter] = await Promise.all([
        this.deps.store.nextLadderWake(clock.now(), to),
        this.nextLetterDue(clock.now(), to),
      ]);
      const next = [wake, letter].filter((t): t is string => t !== null).sort()[0];
      if (next === undefined) break;
      clock.set(new Date(next));
      await this.runDue();
      // The outbox at a letter's instant, as the system clock's runtime sweeps it each minute
      // (a ladder's own letters in letter hours its tick has just sent).
      if (next === letter) await this.sweep();
    }
    clock.set(to);
    await this.runDue();
    await this.sweep();
  }

  /** When the soonest letter waiting in the outbox is due to the sweep, within (after, until]. */
  private async nextLetterDue(after: Date, until: Date): Promise<string | null> {
    const due = (await this.deps.store.listAllUndelivered(500))
      .filter((n) => n.nextAttemptAt)
      .map((n) => sweepDueAt(n, OUTBOX_GRACE_MS))
      .filter((t) => t > after.getTime() && t <= until.getTime())
      .sort((a, b) => a - b)[0];
    return due === undefined ? null : new Date(due).toISOString();
  }

  /**
   * The AWS sweep's outbox half (`sweep` from @pantau/workflow, without ladders: this engine
   * runs every due ladder from the table itself): delivers letters a crash left in the outbox
   * and retries refused ones after their backoff, then marks them failed; and sends e-mail
   * receipts whose send failed at intake (`sendsReceipts`). One at a time.
   */
  sweep(options: SweepOptions = {}): Promise<SweepResult> {
    const deps = this.receipts ? { ...this.deps, receipts: this.receipts } : this.deps;
    this.sweeping ??= sweep(deps, options).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /**
   * The SMTP intake's receipts (its mailer, the tracking page): the sweep sends those whose
   * send failed with them. Told once the listener's address (the tracking page's) is known,
   * after the engine started.
   */
  sendsReceipts(receipts: NonNullable<SweepDeps['receipts']>): void {
    this.receipts = receipts;
  }

  /** With the system clock: look for due ladders every `ms`, and sweep the outbox each minute. */
  startTimer(ms = 1000): void {
    this.timer = setInterval(
      () =>
        void this.runDue().then(
          () => this.timerPassed(),
          (error: unknown) => this.timerFailed(error),
        ),
      ms,
    );
    this.timer.unref();
    this.sweepTimer = setInterval(
      () =>
        void this.sweep().catch((error: unknown) =>
          this.deps.logger?.error('sweep failed', { error: error as Error }),
        ),
      SWEEP_EVERY_MS,
    );
    this.sweepTimer.unref();
  }

  /**
   * A failed pass of the timer: no ladder moves until one succeeds, so it is logged, by its
   * error alone (a pass fails on listing the timers; a ladder's own run logs its ids). Every
   * second would bury the log while the table is down: the first, then one per minute or so.
   */
  private timerFailed(error: unknown): void {
    this.timerFailures += 1;
    if (this.timerFailures % TIMER_FAILURES_PER_LINE !== 1) return;
    this.deps.logger?.error(
      'ladder timer: a pass failed, no ladder step is taken until one succeeds',
      {
        failures: this.timerFailures,
        error: error as Error,
      },
    );
  }

  private timerPassed(): void {
    if (this.timerFailures === 0) return;
    this.deps.logger?.info('ladder timer: passes succeed again', { failures: this.timerFailures });
    this.timerFailures = 0;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.running?.catch(() => undefined);
    await this.sweeping?.catch(() => undefined);
  }
}
