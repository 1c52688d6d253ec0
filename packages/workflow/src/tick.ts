/**
 * The `Tick` task: the one handler the state machine calls, on AWS through a Lambda and
 * embedded in process. It re-reads the assignment (the table is the truth), takes each ladder
 * step whose instant has come exactly once (a conditional write keyed by the step's identity,
 * with its letter in the outbox and its timeline event, all in one transaction), delivers the
 * letters it wrote in letter hours (outside them the sweep does, from 08:00), and answers when
 * to wake next.
 */
import {
  advance,
  everyItem,
  type Agency,
  type AssignmentRecord,
  Calendar,
  type CaseBundle,
  type CaseRecord,
  calledOffByClose,
  calledOffWrites,
  cancelledLetter,
  CLOSED_UNANSWERED_NOTE,
  closeUnanswered,
  closingRuns,
  claimedForSending,
  deliveryDue,
  heldForLetterHours,
  holdersOf,
  isOpen,
  type LadderLetter,
  type LadderLetterWrite,
  type LadderState,
  ladderState,
  ladderTimer,
  letterDateOf,
  letterVoidReason,
  letterWrite,
  nextLadderRecord,
  newEventId,
  retryOnConflict,
  skippedEvents,
  withCancellationLetters,
  type SlaPolicy,
  CENTRAL_TENANT,
} from '@pantau/core';
// zod's small build: Tick parses only its input (BENCHMARKS, "Cold start").
import * as z from 'zod/mini';
import { MAX_PASSES_PER_EXECUTION } from './definition.ts';
import { deliverOutbox, sendClaimed } from './delivery.ts';
import { correlated, type EngineDeps } from './deps.ts';
import { METRIC, noMetrics, RUNG_DIMENSION } from './metrics.ts';

/**
 * A correlation id: the API request that armed the ladder (or the sweep that restarted it),
 * carried in the execution's input so Tick's and the mailer's log lines name it.
 */
export const CorrelationId = z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,128}$/));
// Issue 15: letters as numbered documents, and the forwarding letter.
import {
  forwardingDue,
  forwardingWrite,
  letterNumbering,
  type LetterNumbering,
} from './documents.ts';

export const TickInput = z.looseObject({
  caseId: z.string().check(z.minLength(1)),
  agencyId: z.string().check(z.minLength(1)),
  generation: z.int().check(z.minimum(1)),
  token: z.int().check(z.minimum(1)),
  segment: z._default(z.int().check(z.minimum(0)), 0),
  tick: z.optional(z.looseObject({ passes: z.int().check(z.minimum(0)) })),
  correlationId: z.optional(CorrelationId),
});
export type TickInput = z.input<typeof TickInput>;

export interface TickResult {
  readonly done: boolean;
  readonly wakeAt: string | null;
  readonly continueAsNew: boolean;
  readonly passes: number;
  /** Letters this tick wrote (0 when another execution had written them already). */
  readonly taken: number;
}

export async function tick(deps: EngineDeps, raw: unknown): Promise<TickResult> {
  const input = TickInput.parse(raw);
  const passes = (input.tick?.passes ?? 0) + 1;
  const scoped = correlated(deps, input.correlationId);
  // Another execution of the same ladder moved first: read again, decide again.
  const result = await retryOnConflict(
    () => tickOnce(scoped, input, passes),
    ['version', 'exists'],
  );
  scoped.logger?.info('ladder tick', {
    caseId: input.caseId,
    agencyId: input.agencyId,
    generation: input.generation,
    token: input.token,
    segment: input.segment,
    taken: result.taken,
    wakeAt: result.wakeAt,
    done: result.done,
  });
  return result;
}

async function tickOnce(
  deps: EngineDeps,
  ref: z.output<typeof TickInput>,
  passes: number,
): Promise<TickResult> {
  const { store } = deps;
  const stop: TickResult = { done: true, wakeAt: null, continueAsNew: false, passes, taken: 0 };
  if (ref.agencyId === CENTRAL_TENANT) {
    const bundle = await store.getCase(ref.caseId);
    return bundle ? replyWindowTick(deps, ref, passes, bundle) : stop;
  }
  // In one request: the case, the assignment and its ladder; the agency and central (the
  // letters' parties, read whether or not a letter is due: the same one request); and the
  // settings' version, which vouches for the policy, calendar and document settings this
  // process kept (an edit bumps it in its own transaction, so a calendar edit is seen by the
  // very next tick).
  const context = await store.getLadderContext(ref.caseId, ref.agencyId, [
    ref.agencyId,
    CENTRAL_TENANT,
  ]);
  const { case: c, assignment, ladder } = context;
  // A re-armed or re-forwarded ladder has a newer token or generation: this execution is done.
  if (
    !c ||
    !assignment ||
    !ladder ||
    ladder.token !== ref.token ||
    ladder.generation !== ref.generation ||
    assignment.generation !== ref.generation
  ) {
    return stop;
  }
  const at = context.settingsVersion;
  const [policy, storedCalendar] = await Promise.all([
    store.getPolicy(assignment.policyId, at),
    store.getCalendar(assignment.calendarId, at),
  ]);
  if (!policy || !storedCalendar)
    throw new Error(`policy ${assignment.policyId} or calendar ${assignment.calendarId} missing`);
  const calendar = new Calendar(storedCalendar);
  const hours = { calendar, timeZone: assignment.timeZone };
  const now = deps.clock();
  // A record from before episodes is read with what it warned (`ladderState`).
  const ladderCtx = { assignment, steps: policy.ladder, calendar };
  const plan = advance(ladderState(ladder, ladderCtx), { ...ladderCtx, now });
  const next = nextLadderRecord(ladder, plan.state, plan.wakeAt, now, policy.ladder);
  // Only when it moved: `observedAt` alone need not be written (nothing moved the deadlines).
  const remembered = (x: LadderState) => JSON.stringify({ ...x, observedAt: null });
  const forwarding = forwardingDue(ladder);
  // Owed, but only to an agency that still has the case: one withdrawn, redirected or closed
  // before this first tick (a late start, a retry) gets no letter, and takes no number. Either
  // way the ladder owes it no more (`written`: settled for this generation).
  const forwardingLetter = forwarding && isOpen(assignment);
  const unchanged =
    !forwarding &&
    plan.letters.length === 0 &&
    ladder.wakeAt === plan.wakeAt &&
    remembered(ladderState(ladder, ladderCtx)) === remembered(plan.state);
  const writes: LadderLetterWrite[] = [];
  // A rung's letter is written and dated when due, and delivered in letter hours (a midnight
  // step's at 08:00). The forwarding letter goes as central forwards: a person's act.
  const held = (w: LadderLetterWrite): LadderLetterWrite => ({
    ...w,
    notification: heldForLetterHours(w.notification, hours.calendar, hours.timeZone, now),
  });
  if (!unchanged) {
    if (forwardingLetter || plan.letters.length > 0) {
      const parties = partiesOf(context.agencies, ref.agencyId);
      const numbering = await letterNumbering(store, now, at);
      if (forwardingLetter)
        writes.push(
          await forwardingWrite(
            store,
            c,
            assignment,
            parties.agency,
            numbering,
            now,
            deps.consoleUrl,
          ),
        );
      if (plan.letters.length > 0)
        writes.push(
          ...(
            await letterWrites(deps, c, assignment, plan.letters, policy, calendar, {
              parties,
              numbering,
              now,
            })
          ).map(held),
        );
    }
    // A letter that goes now is written claimed by this Tick (its attempt counted, kept from
    // every other sender for the lease): it goes without a second write to claim it. It is
    // checked as a letter that waited is (`deliverIfTrue`): one that would not hold is written
    // cancelled, with why, and never sent.
    const outgoing = writes.map((w) => {
      const reason = letterVoidReason(w.notification, assignment, now);
      if (reason && reason !== 'paused') {
        const cancelled = cancelledLetter(w.notification, reason, now);
        return { written: cancelled, claim: null, write: { ...w, notification: cancelled } };
      }
      const claim = deliveryDue(w.notification, now)
        ? claimedForSending(w.notification, now)
        : null;
      return { written: w.notification, claim, write: claim ? { ...w, notification: claim } : w };
    });
    await store.commitLadder({
      ladder: {
        record: {
          ...next,
          lastStepAt: plan.letters.at(-1)?.at ?? ladder.lastStepAt,
          ...(forwarding ? { forwardingLetter: 'written' as const } : {}),
        },
        expectedVersion: ladder.version,
      },
      // Decided on the assignment as read: answered or withdrawn meanwhile, read again. Its
      // letters are shared with the member unit it is delegated to, which works it.
      assignment: {
        caseId: ref.caseId,
        agencyId: ref.agencyId,
        version: assignment.version,
        delegatedTo: assignment.delegatedTo ?? null,
      },
      letters: outgoing.map((o) => o.write),
      events: skippedEvents(plan.skipped, ref, { system: 'escalation' }, now),
    });
    const metrics = deps.metrics ?? noMetrics;
    for (const write of writes) {
      metrics.count(METRIC.lettersWritten, 1, {
        [RUNG_DIMENSION]: write.notification.action,
      });
    }
    // Written failed, addressed to no one (`letterWrite`): on central's list of failed letters.
    for (const { written } of outgoing) {
      if (written.status !== 'failed') continue;
      metrics.count(METRIC.lettersFailed, 1);
      deps.logger?.error('letter addressed to no one: written failed for central', {
        notificationId: written.id,
        caseId: written.caseId,
        agencyId: written.agencyId,
        step: written.step,
      });
    }
    // The letters just written are delivered as written, without reading them back. The
    // outbox is read only by a tick that wrote none on a ladder that wrote some before: the
    // Tick retried after a crash between a commit and its delivery finds nothing new to write
    // and its letters waiting. Whatever else waits (a refused delivery's retry) the sweep
    // delivers.
    for (const { written, claim } of outgoing)
      if (claim) await sendClaimed(deps, written, claim, hours);
  }
  if (writes.length === 0 && (ladder.lastStepAt !== null || ladder.forwardingLetter === 'written'))
    await deliverOutbox(deps, ref.caseId, assignment, hours, plan.state.episode);
  return {
    done: plan.wakeAt === null,
    wakeAt: plan.wakeAt,
    continueAsNew: plan.wakeAt !== null && passes >= MAX_PASSES_PER_EXECUTION,
    passes,
    taken: plan.letters.length,
  };
}

/** The assignment's agency and central among the agencies read, or a throw (retried). */
function partiesOf(agencies: readonly Agency[], agencyId: string) {
  const agency = agencies.find((a) => a.id === agencyId);
  if (!agency) throw new Error(`agency ${agencyId} missing`);
  return { agency, central: agencies.find((a) => a.id === CENTRAL_TENANT) };
}

/** Each letter with its outbox record, timeline event and proposed activity. */
async function letterWrites(
  deps: EngineDeps,
  c: CaseRecord,
  assignment: AssignmentRecord,
  letters: readonly LadderLetter[],
  policy: SlaPolicy,
  calendar: Calendar,
  {
    parties,
    numbering,
    now,
  }: { parties: ReturnType<typeof partiesOf>; numbering: LetterNumbering; now: Date },
) {
  const { agency, central } = parties;
  // Each letter is numbered by the date it bears (its month, year and series): the working day
  // it goes out, in the agency's zone, as `composeLetter` dates it. A pass's letters (the
  // follow-up's warning and reminder I share one) take theirs in one call.
  const dates = letters.map((letter) =>
    letterDateOf(calendar, assignment.timeZone, new Date(letter.at)),
  );
  const numbersRead = numbering.numbers(dates);
  // Read beside the letters' numbers (no round trip of their own): the focal point, only
  // when the agency has one (most have none); and, for a rung after its episode's first, every
  // letter of the agency's for the case, whose episode's sent ones it names (`composeLetter`),
  // as an intervention says whether its invitation went (`invitationSent`): a few times in an
  // assignment's life. Marked handled until awaited: a failure is seen there.
  const focalRead = agency.focalPointId
    ? deps.store.getAgency(agency.focalPointId)
    : Promise.resolve(undefined);
  const earlierRead = letters.some((l) => l.level > 1 || l.action === 'central_intervention')
    ? everyItem((page) =>
        deps.store.listNotifications({ caseId: c.id, agencyId: assignment.agencyId }, page),
      )
    : Promise.resolve([]);
  // And at central intervention (once an episode), the case's open activities: its proposal
  // joins the ladder's open one, or is none for an agency invited already (`proposedIntervention`).
  const openRead = letters.some((l) => l.action === 'central_intervention')
    ? deps.store.listOpenActivities(c.id)
    : Promise.resolve(undefined);
  for (const read of [numbersRead, focalRead, earlierRead, openRead]) read.catch(() => undefined);
  const numbers = await numbersRead;
  const writes = [];
  for (const [i, letter] of letters.entries()) {
    const number = numbers[i]!;
    writes.push(
      letterWrite({
        letter,
        policy,
        case: c,
        assignment,
        parties: { agency, focalPoint: await focalRead, central },
        calendar,
        now,
        document: { settings: numbering.settings, number },
        earlier: await earlierRead,
        consoleUrl: deps.consoleUrl,
        ...(letter.action === 'central_intervention' ? { open: await openRead } : {}),
      }),
    );
  }
  return writes;
}

/**
 * The case's own ladder (keyed by the central tenant): the complainant's reply window. When
 * it ends in silence the case closes as resolved, exactly once (under the case's version, so a
 * reply that came in meanwhile wins and this finds nothing left to do).
 */
async function replyWindowTick(
  deps: EngineDeps,
  ref: z.output<typeof TickInput>,
  passes: number,
  bundle: CaseBundle,
): Promise<TickResult> {
  const { store } = deps;
  const ladder = bundle.ladders.find((l) => l.agencyId === CENTRAL_TENANT);
  const stop: TickResult = { done: true, wakeAt: null, continueAsNew: false, passes, taken: 0 };
  if (!ladder || ladder.token !== ref.token || ladder.generation !== ref.generation) return stop;
  const c = bundle.case;
  const now = deps.clock();
  const closesAt = c.status === 'resolved' && c.replyWindow ? c.replyWindow.closesAt : null;
  const settle = (wakeAt: string | null) =>
    store.putLadder({ record: ladderTimer(ladder, wakeAt, now), expectedVersion: ladder.version });
  if (closesAt === null) {
    if (ladder.wakeAt !== null) await settle(null);
    return stop;
  }
  if (now.getTime() <= Date.parse(closesAt)) {
    // The window is open through its last millisecond: wake just after it. Woken at that
    // instant itself (the manual clock stops exactly there) it slept again for the same
    // instant, which no clock stops at twice: the case closed only at the next stop, days late.
    const wakeAt = new Date(Date.parse(closesAt) + 1).toISOString();
    if (ladder.wakeAt !== wakeAt) await settle(wakeAt);
    return { done: false, wakeAt, continueAsNew: false, passes, taken: 0 };
  }
  const closed = closeUnanswered(c, now);
  const actor = { system: 'escalation' as const };
  // Closed: what was planned for it and not yet held is called off, with a letter to each agency
  // its invitation letter went to (owed only where one was written: the API writes them).
  const { runs, withClose: calledOff } = closingRuns(
    await withCancellationLetters(
      { store, consoleUrl: deps.consoleUrl, invitationLetters: true },
      bundle,
      calledOffByClose(
        bundle.activities,
        `Pengaduan ditutup: ${closed.closure?.note}`,
        actor,
        now,
        holdersOf(bundle.assignments),
      ),
      actor,
      now,
    ),
  );
  for (const run of runs) await store.commit(calledOffWrites(run));
  const { activities, events, letters } = calledOffWrites(calledOff);
  await store.commit({
    case: { record: { ...closed, version: c.version + 1 }, expectedVersion: c.version },
    ...(activities.length > 0 ? { activities } : {}),
    ...(letters.length > 0 ? { letters } : {}),
    ladders: [
      {
        record: { ...ladderTimer(ladder, null, now), lastStepAt: closesAt },
        expectedVersion: ladder.version,
      },
    ],
    events: [
      {
        id: newEventId(now),
        caseId: c.id,
        at: now.toISOString(),
        type: 'reply_window_ended',
        actor,
        agencyId: null,
        data: { closesAt },
      },
      {
        id: newEventId(now),
        caseId: c.id,
        at: now.toISOString(),
        type: 'case_closed',
        actor,
        agencyId: null,
        // Why: a code the console says in the reader's words, and its sentence in Indonesian
        // (before, `reason` was English: "no reply within the reply window").
        data: { outcome: 'resolved', code: 'closed_unanswered', reason: CLOSED_UNANSWERED_NOTE },
      },
      ...events,
    ],
  });
  return { ...stop, taken: 1 };
}
