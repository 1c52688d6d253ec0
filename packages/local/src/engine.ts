/**
 * The embedded workflow engine: runs the same ASL definition as Step Functions with
 * `aws-local-stepfunctions`, its `Tick` task overridden by state name to the same handler the
 * Lambda wraps. A `Wait` is a persisted timer: the tick writes the ladder's wake instant to the
 * table, the run is parked (aborted) when it enters `Sleep`, and when the clock passes the
 * instant the definition runs again from `StartAt`, which re-reads the table: a resume. So
 * after a crash every open ladder resumes from the table, and no step is lost or repeated.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { LadderRecord, LadderRef, LadderStarter } from '@pantau/core';
import {
  deliver,
  type EngineDeps,
  ladderDefinition,
  STATE,
  substitute,
  tick,
} from '@pantau/workflow';
import { StateMachine } from 'aws-local-stepfunctions';

/** The longest Wait override that does not overflow Node's setTimeout (it must never fire). */
const PARKED_MS = 2 ** 31 - 1;

export interface EngineStats {
  runs: number;
  transitions: number;
  /** Tick task executions (on AWS: the tick Lambda's invocations). */
  ticks: number;
}

export class LocalLadderEngine implements LadderStarter {
  private readonly machine: StateMachine;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  readonly stats: EngineStats = { runs: 0, transitions: 0, ticks: 0 };

  constructor(
    private readonly deps: EngineDeps & { readonly logger?: Logger; readonly concurrency?: number },
  ) {
    const definition = substitute(ladderDefinition, {
      TickFunctionArn: 'arn:aws:lambda:ap-southeast-3:000000000000:function:pantau-ladder-tick',
      ContinueFunctionArn:
        'arn:aws:lambda:ap-southeast-3:000000000000:function:pantau-ladder-continue',
    });
    this.machine = new StateMachine(definition as ConstructorParameters<typeof StateMachine>[0]);
  }

  /** A new or re-armed ladder: its record is already due, so run what is due (in the background). */
  async arm(_ref: LadderRef): Promise<void> {
    void this.runDue().catch((error: unknown) =>
      this.deps.logger?.error('ladder run failed', { error: error as Error }),
    );
  }

  /** Runs one ladder's definition until it parks at `Sleep` or ends. */
  async runOnce(ref: LadderRef): Promise<void> {
    const input: Record<string, string | number> = { ...ref };
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
    for (;;) {
      const due = (await this.deps.store.listDueLadders(this.deps.clock(), 100)).filter(
        (l) => !ran.has(key(l)),
      );
      if (due.length === 0) return;
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(concurrency, due.length) }, async () => {
          while (next < due.length) {
            const l = due[next++]!;
            ran.add(key(l));
            await this.runOnce({
              caseId: l.caseId,
              agencyId: l.agencyId,
              generation: l.generation,
              token: l.token,
            });
          }
        }),
      );
    }
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
      const wake = await this.deps.store.nextLadderWake(clock.now(), to);
      if (wake === null) break;
      clock.set(new Date(wake));
      await this.runDue();
    }
    clock.set(to);
    await this.runDue();
  }

  /** Sends letters a crash left in the outbox. */
  async sweepOutbox(): Promise<number> {
    const pending = await this.deps.store.listAllUndelivered(1000);
    for (const n of pending) await deliver(this.deps, n);
    return pending.length;
  }

  /** With the system clock: look for due ladders every `ms`. */
  startTimer(ms = 1000): void {
    this.timer = setInterval(() => void this.runDue().catch(() => undefined), ms);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
