/**
 * The safety net, run on a schedule (on AWS every 15 minutes; embedded every minute and at
 * start). An execution is only a timer and the table is the truth, so:
 *
 * - a ladder whose timer is long past and whose execution is not running is started again:
 *   never started (StartExecution failed after the forward committed) under the same name,
 *   ended (failed after its retries, or replaced) with a new token, hence a new name. Names are
 *   deterministic, so two sweeps, or a sweep and the API, start nothing twice.
 * - letters in the outbox are delivered: a rung's letter held for letter hours once they begin
 *   (and the grace), one left by a crash between a step's write and its delivery once a few
 *   minutes old (the tick that wrote it goes first), one central sent again at once, one the
 *   mailer refused after its backoff (then `failed` for central); each only if it still holds,
 *   else `cancelled`, and to its parties' contacts as they are then (`failed` for central if
 *   none is left).
 * - e-mail receipts whose send failed at intake (SES throttled or down) are sent, once they are
 *   a few minutes old (younger, the intake may be sending it), each at most once
 *   (`sendPendingReceipts`); one still pending past a day is warned about and alarmed.
 *
 * Re-arming a ladder whose execution is merely slow is harmless: that execution stops at the
 * new token, and steps are exactly-once by their markers whichever execution takes them.
 */
import {
  type AssignmentRecord,
  Calendar,
  type LetterHours,
  type NotificationRecord,
  openEpisodeOf,
  queuedAt,
  ladderRefOf,
  rearmLadder,
  RECEIPT_GRACE_MS,
  sendPendingReceipts,
  type ServiceDeps,
  WriteConflict,
} from '@pantau/core';
import type { LadderExecutions } from './aws.ts';
import { METRIC, noMetrics } from './metrics.ts';
import { addressing, deliverIfTrue, readOnce } from './delivery.ts';
import type { EngineDeps } from './deps.ts';

export interface SweepDeps extends EngineDeps {
  /**
   * The ladders' executions (Step Functions). Embedded there is none: the local engine runs
   * every due ladder from the table itself, so its sweep only looks after the outbox.
   */
  readonly ladders?: LadderExecutions | undefined;
  /**
   * What the mail intake sends complainants' receipts with (its mailer's `reply`, the tracking
   * page, the Reply-To): the sweep sends those whose send failed. Absent: no receipt is tried.
   */
  readonly receipts?: ServiceDeps['receipts'];
}

export interface SweepOptions {
  /** How long past its timer a ladder must be before the sweep looks at it (15 minutes). */
  readonly ladderGraceMs?: number;
  /** How old a letter never tried must be before the sweep delivers it (5 minutes). */
  readonly outboxGraceMs?: number;
  /** Ladders per run (the next run takes the rest). */
  readonly limit?: number;
  /**
   * Letters per run, `LETTERS_PER_RUN` by default: the rungs' letters written overnight go out
   * through the sweep from 08:00 (letter hours), so a run takes as many as its time allows.
   */
  readonly letterLimit?: number;
  /** Pending e-mail receipts per run, `RECEIPTS_PER_RUN` by default (the next run takes the rest). */
  readonly receiptLimit?: number;
  /** How old a pending receipt must be before the sweep sends it (`RECEIPT_GRACE_MS`). */
  readonly receiptGraceMs?: number;
  /**
   * Milliseconds left in this invocation (Lambda's `getRemainingTimeInMillis`). With less than
   * `TIME_RESERVE_MS` left the sweep takes no further ladder or letter: it ends, publishes its
   * figures and leaves the rest to the next run, instead of being killed in the middle of a
   * send (a letter whose send never returned is not counted as tried, and came first again in
   * every run after). Without it (embedded), no limit.
   */
  readonly timeLeft?: () => number;
}

/**
 * What one more ladder or letter may need at worst: a letter's send and then its record, each
 * a call the SDK tries 3 times with 5 s limits (about 16 s each), with room to spare; a ladder's
 * look-up, start and write take less.
 */
export const TIME_RESERVE_MS = 40_000;

export interface SweepResult {
  /** Ladders started again (never started, or ended early). */
  readonly restarted: number;
  /** Of those, the ones whose execution had ended: a ladder that stopped escalating. */
  readonly failedLadders: number;
  /** Past due, but their execution runs (retrying, or late): left alone. */
  readonly running: number;
  /** Letters delivered, refused (to be retried) and given up (`failed`). */
  readonly delivered: number;
  readonly refused: number;
  readonly failedLetters: number;
  /**
   * Letters not sent because they no longer held when their time came (held overnight for
   * letter hours, or waiting out a retry, while the agency answered, say): `cancelled`.
   */
  readonly cancelledLetters: number;
  /** Age of the oldest letter still in the outbox, in seconds (0: empty). */
  readonly oldestUndeliveredSeconds: number;
  /** E-mail receipts whose send had failed, sent now; and those tried that failed again. */
  readonly receiptsSent: number;
  readonly receiptsPending: number;
  /** Receipts read still pending past a day (`RECEIPT_OVERDUE_MS`): warned about. */
  readonly receiptsOverdue: number;
  /** Receipts given up, still refused three days on (`RECEIPT_GIVE_UP_MS`): warned about. */
  readonly receiptsGivenUp: number;
  /** Age of the oldest receipt read and still pending after the run, in seconds (0: none). */
  readonly oldestPendingReceiptSeconds: number;
  /** Ladders, receipts and letters due but left to the next run: this one ran out of time. */
  readonly leftForTime: number;
}

/**
 * At most this many letters a run: about 80 s of sending at 200 ms a letter (SES and the PDF),
 * within a run's 2 minutes less its reserve; every 15 minutes, 1,600 an hour, 12,800 over a
 * day's letter hours (the marginal 300,000 complaints a year write about 3,000 rung letters a
 * working day).
 */
export const LETTERS_PER_RUN = 400;

/**
 * At most this many receipts a run: only those whose send failed come here (SES throttled or
 * down), each a send and a write; a backlog after an outage goes over a few runs.
 */
export const RECEIPTS_PER_RUN = 100;

export const LADDER_GRACE_MS = 15 * 60_000;
export const OUTBOX_GRACE_MS = 5 * 60_000;

/**
 * When the sweep takes a pending letter (ms): past its backoff or its hold for letter hours,
 * and one just written past the grace too (its Tick is delivering it); one central sent again
 * has no Tick, and goes at once, as does an activity's invitation letter (central's, written
 * by the API with the activity: the sweep is its only sender).
 */
export const sweepDueAt = (n: NotificationRecord, graceMs: number): number =>
  Math.max(
    n.nextAttemptAt ? Date.parse(n.nextAttemptAt) : 0,
    n.attempts === 0 && !n.resentAt && n.action !== 'invitation' ? queuedAt(n) + graceMs : 0,
  );

export async function sweep(deps: SweepDeps, options: SweepOptions = {}): Promise<SweepResult> {
  const limit = options.limit ?? 100;
  const timeLeft = options.timeLeft;
  const inTime = () => !timeLeft || timeLeft() >= TIME_RESERVE_MS;
  const ladders = deps.ladders
    ? await restartLadders(
        deps,
        deps.ladders,
        options.ladderGraceMs ?? LADDER_GRACE_MS,
        limit,
        inTime,
      )
    : { restarted: 0, failedLadders: 0, running: 0, leftForTime: 0 };
  // Before the letters: few, and a complainant waits for their tracking code; a backlog of
  // letters at 08:00 would otherwise take every run's time.
  const receipts = await sendPendingReceipts(deps, {
    graceMs: options.receiptGraceMs ?? RECEIPT_GRACE_MS,
    limit: options.receiptLimit ?? RECEIPTS_PER_RUN,
    inTime,
  });
  const letters = await sweepOutbox(
    deps,
    options.outboxGraceMs ?? OUTBOX_GRACE_MS,
    options.letterLimit ?? LETTERS_PER_RUN,
    inTime,
  );
  const result = {
    ...ladders,
    receiptsSent: receipts.sent,
    receiptsPending: receipts.pending,
    receiptsOverdue: receipts.overdue,
    receiptsGivenUp: receipts.givenUp,
    oldestPendingReceiptSeconds: receipts.oldestSeconds,
    ...letters,
    leftForTime: ladders.leftForTime + receipts.leftForTime + letters.leftForTime,
  };
  if (result.leftForTime > 0)
    deps.logger?.warn('ladder sweep out of time: the next run takes the rest', {
      leftForTime: result.leftForTime,
    });
  const metrics = deps.metrics ?? noMetrics;
  metrics.count(METRIC.laddersRestarted, result.restarted);
  metrics.count(METRIC.laddersFailed, result.failedLadders);
  // Every run, zero included: the alarm on it then sees data, and the dashboard a line.
  metrics.seconds(METRIC.oldestUndeliveredAge, result.oldestUndeliveredSeconds);
  metrics.seconds(METRIC.oldestPendingReceiptAge, result.oldestPendingReceiptSeconds);
  // Figures only: the receipt's address is the complainant's, and stays out of the logs.
  if (result.receiptsOverdue > 0)
    deps.logger?.warn('e-mail receipts pending for over a day: their sends keep failing', {
      overdue: result.receiptsOverdue,
      oldestSeconds: result.oldestPendingReceiptSeconds,
    });
  if (result.receiptsGivenUp > 0)
    deps.logger?.warn('e-mail receipts given up: still refused three days on, no longer sent', {
      givenUp: result.receiptsGivenUp,
    });
  deps.logger?.info('ladder sweep', { ...result });
  return result;
}

async function restartLadders(
  deps: SweepDeps,
  executions: LadderExecutions,
  graceMs: number,
  limit: number,
  inTime: () => boolean,
) {
  const now = deps.clock();
  const { items: stale } = await deps.store.listDueLadders(new Date(now.getTime() - graceMs), {
    limit,
  });
  let restarted = 0;
  let failedLadders = 0;
  let running = 0;
  for (const [i, ladder] of stale.entries()) {
    if (!inTime()) return { restarted, failedLadders, running, leftForTime: stale.length - i };
    const ref = ladderRefOf(ladder);
    const state = await executions.state(ref);
    if (state === 'running') {
      running += 1;
      deps.logger?.warn('ladder past due with its execution running', { ...ref });
      continue;
    }
    if (state === 'missing') {
      // Never started: start it under its own name (ExecutionAlreadyExists means it just was).
      await executions.arm(ref);
      restarted += 1;
      deps.logger?.warn('ladder never started: started', { ...ref });
      continue;
    }
    // Ended while the table says it is due: a new token, so a new execution name.
    const next = rearmLadder(ladder, now);
    try {
      await deps.store.putLadder({ record: next, expectedVersion: ladder.version });
    } catch (error) {
      // Only a lost version check means the ladder moved meanwhile (alive after all); anything
      // else (the store unavailable, a bug) fails the sweep, to be seen and run again.
      if (error instanceof WriteConflict && error.kind === 'version') continue;
      throw error;
    }
    await executions.arm(ladderRefOf(next));
    restarted += 1;
    failedLadders += 1;
    deps.logger?.error('ladder execution ended early: restarted', {
      ...ref,
      token: next.token,
    });
  }
  return { restarted, failedLadders, running, leftForTime: 0 };
}

async function sweepOutbox(deps: SweepDeps, graceMs: number, limit: number, inTime: () => boolean) {
  const now = deps.clock();
  // Oldest first; read past `limit` so letters waiting out their backoff do not hide the rest.
  const outbox = await deps.store.listAllUndelivered(Math.max(limit * 2, 1_000));
  // Counted from when each letter entered the outbox: a failed letter central sent again is
  // weeks old by its date, and no reason for the age alarm.
  const oldestUndeliveredSeconds = Math.max(
    0,
    ...outbox.map((n) => Math.round((now.getTime() - queuedAt(n)) / 1000)),
  );
  const due = outbox
    .filter((n) => n.status === 'pending' && sweepDueAt(n, graceMs) <= now.getTime())
    .slice(0, limit);
  let delivered = 0;
  let refused = 0;
  let failedLetters = 0;
  let cancelledLetters = 0;
  let leftForTime = 0;
  // A letter waited (overnight, or a retry's backoff): is it still true, and who are its
  // parties now? Each case read once; each calendar once, for a refused letter's retry in
  // letter hours; each agency and policy once, for the addresses (`addressing`).
  const book = addressing(deps.store);
  const caseOf = readOnce((id) => deps.store.getCase(id));
  const assignmentOf = async (n: NotificationRecord) =>
    (await caseOf(n.caseId))?.assignments.find((a) => a.agencyId === n.agencyId);
  // The episode its ladder is in: a rung of it goes whatever moved its deadline meanwhile.
  const episodeOf = async (n: NotificationRecord) =>
    openEpisodeOf(
      (await caseOf(n.caseId))?.ladders.find((l) => l.agencyId === n.agencyId),
      n.generation,
    );
  const calendarOf = readOnce((id) => deps.store.getCalendar(id).then((c) => c && new Calendar(c)));
  const hoursOf = async (a: AssignmentRecord | undefined): Promise<LetterHours | undefined> => {
    const calendar = a && (await calendarOf(a.calendarId));
    return calendar && { calendar, timeZone: a.timeZone };
  };
  for (const [i, n] of due.entries()) {
    if (!inTime()) {
      leftForTime = due.length - i;
      break;
    }
    const assignment = await assignmentOf(n);
    const outcome = await deliverIfTrue(
      deps,
      n,
      assignment,
      await hoursOf(assignment),
      book,
      await episodeOf(n),
    );
    if (outcome?.status === 'sent') delivered += 1;
    else if (outcome?.status === 'cancelled') cancelledLetters += 1;
    else if (outcome?.status === 'failed') failedLetters += 1;
    // Pending again: refused (an attempt made), or held to letter hours (none made).
    else if (outcome && outcome.attempts > n.attempts) refused += 1;
  }
  return {
    delivered,
    refused,
    failedLetters,
    cancelledLetters,
    oldestUndeliveredSeconds,
    leftForTime,
  };
}
