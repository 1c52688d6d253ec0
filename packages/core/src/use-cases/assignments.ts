/**
 * Assignments, the agency's side: acknowledge, respond, redirect, and central's withdrawal.
 * Reads (one, queues, deadlines) are in `assignment-reads.ts`; a focal point's delegation to
 * its member units in `delegation.ts`.
 */
import {
  acknowledge as acknowledged,
  type AssignmentRecord,
  isOpen,
  redirect as redirected,
  respond as responded,
  viewAssignment,
  settleRedirect,
  withdraw,
} from '../assignment.ts';
import { type ClockChange, resume } from '../assignment-clock.ts';
import { computeDeadline, DEFAULT_TIME_ZONE } from '../calendar.ts';
import { noAgencyLeft, openReplyWindow, reconcile } from '../case.ts';
import { DomainError, invalidInput } from '../errors.ts';
import { armLadder, ladderTimer, skippedEvents } from '../ladder/index.ts';
import type { LadderRecord } from '../notification.ts';
import type { CaseBundle, VersionedPut } from '../ports.ts';
import type { AssignmentView, RedirectInput, ResponseInput, WithdrawInput } from '../schemas.ts';
import { counterDeltas } from '../stats.ts';
import { CENTRAL_TENANT, type Principal } from '../tenancy.ts';
import { actorOf, type EventType, newEventId } from '../timeline.ts';
import {
  actableAssignment,
  AGENCY_ROLES,
  armLadders,
  CENTRAL_ROLES,
  calendarById,
  defaultPolicy,
  event,
  type Idempotency,
  idempotent,
  ladderOf,
  lapsedRequests,
  put,
  readableAssignment,
  rearmedLadder,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
  statusEvents,
} from './kernel/index.ts';

export async function acknowledge(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
): Promise<AssignmentView> {
  return changeAssignment(deps, p, caseId, agencyId, undefined, (a, now) => ({
    next: acknowledged(a, now, p.agency),
    type: 'assignment_acknowledged',
    data: {},
  }));
}

export async function respond(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  input: ResponseInput,
  idem?: Idempotency,
): Promise<AssignmentView> {
  return changeAssignment(deps, p, caseId, agencyId, idem, async (a, now) => {
    assertForwarding(a, input.generation);
    const resumed = await pauseEnded(deps, a, now);
    return {
      next: responded(resumed?.assignment ?? a, input, now, p.agency),
      type: 'response_submitted',
      data: { kind: input.kind, message: input.message },
      resumed,
    };
  });
}

/**
 * An agency's action written for forwarding `generation` of the assignment (the page it was
 * typed on): when central has withdrawn that one and forwarded the case again since, with other
 * instructions and a fresh clock, it is refused (409), not recorded on the new forwarding as if
 * written for it. Without a generation (older clients): the current forwarding.
 */
export function assertForwarding(a: AssignmentRecord, generation: number | undefined): void {
  if (generation !== undefined && generation !== a.generation)
    throw new DomainError(
      'version_conflict',
      `the assignment of ${a.agencyId} on case ${a.caseId} was forwarded again since generation ${generation} (now ${a.generation}): read its instructions again`,
    );
}

/**
 * The pause in progress ended by an answer or "not ours": what the agency waited for came (or
 * the case is not its), so the clock runs again first, as a resume would have it, and the
 * paused days count for the agency, not against it. Central's withdrawal (or a close) ends it
 * too: the pause becomes a clock entry, never left running on an ended assignment. Undefined
 * when not paused.
 */
export async function pauseEnded(
  deps: ServiceDeps,
  a: AssignmentRecord,
  now: Date,
): Promise<ClockChange | undefined> {
  if (!a.paused || !isOpen(a)) return undefined;
  return resume(a, await calendarById(deps, a.calendarId), now, newEventId(now));
}

export async function redirect(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  input: RedirectInput,
  idem?: Idempotency,
): Promise<AssignmentView> {
  return changeAssignment(deps, p, caseId, agencyId, idem, async (a, now) => {
    assertForwarding(a, input.generation);
    // Checked once the caller may act on the assignment: before that, 400 or 404 would tell
    // a stranger which agency ids exist.
    if (input.suggestedAgencyId && !(await deps.store.getAgency(input.suggestedAgencyId)))
      throw invalidInput('suggestedAgencyId', 'unknown agency');
    const resumed = await pauseEnded(deps, a, now);
    return {
      next: redirected(resumed?.assignment ?? a, input, now),
      type: 'assignment_redirected',
      data: { reason: input.reason, suggestedAgencyId: input.suggestedAgencyId ?? null },
      resumed,
    };
  });
}

/**
 * Central takes one open assignment back, with a reason: forwarded to the wrong agency, or its
 * agency dissolved (the case then goes to the successor by a new forwarding). Its ladder stops
 * (the engine reads the assignment's state), a pending request for more time lapses, and the
 * case is reconciled: resolved if every other agency has completed. As in a close, the
 * agency's statistics keep it as forwarded, and take it out of the sample the rates are over
 * if it was withdrawn before its follow-up fell due, unanswered (`leftTheSample`: the agency
 * could not have failed it yet); withdrawn after a missed follow-up, it stays a non-response.
 * On an assignment redirected ("not ours") and still
 * awaiting its re-forward, the same request says none is needed (`settleRedirect`): the case
 * stops waiting for one, and resolves once the others have completed. Withdrawing the case's
 * last live assignment hands the case back to central to forward (`reconcile`: verified again);
 * settling its last redirect when no other agency has the case is refused (409): "none needed"
 * would leave nobody to answer the complainant, so a forward is needed instead.
 */
export async function withdrawAssignment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  input: WithdrawInput,
  idem?: Idempotency,
): Promise<AssignmentView> {
  return changeAssignment(
    deps,
    p,
    caseId,
    agencyId,
    idem,
    // A redirect awaiting its re-forward is settled instead: none is needed (its state stays).
    async (a, now, bundle) => {
      if (a.state !== 'redirected') {
        // A pause running ends with it: the withdrawn assignment's clock no longer waits.
        const resumed = await pauseEnded(deps, a, now);
        return {
          next: withdraw(resumed?.assignment ?? a, now),
          type: 'assignment_withdrawn',
          data: { reason: input.reason },
          resumed,
        };
      }
      const next = settleRedirect(a, bundle.assignments, input.reason, now);
      // No agency would have the case any more: it would go back to central.
      if (noAgencyLeft(bundle.assignments.map((x) => (x === a ? next : x))))
        throw new DomainError(
          'invalid_transition',
          'no other agency has this case: it needs a forward to the agency that should act ' +
            '(or closing), not a settled redirect',
        );
      return { next, type: 'redirect_settled', data: { reason: input.reason } };
    },
    'central',
  );
}

/** What an agency action makes of an assignment (`next` undefined: nothing to write). */
interface AssignmentStep {
  readonly next: AssignmentRecord | undefined;
  readonly type: EventType;
  readonly data: Record<string, unknown>;
  /** The pause this step ended first (`pauseEnded`): its clock entry and event go with it. */
  readonly resumed?: ClockChange | undefined;
}

/**
 * An agency action on its assignment (or, `by` central, central's): the assignment, its case
 * (reconciled under version), the counters; the last final answer also opens the
 * complainant's reply window.
 */
async function changeAssignment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  idem: Idempotency | undefined,
  /** The step, from the assignment and its case's records as read (`bundle`). */
  apply: (
    a: AssignmentRecord,
    now: Date,
    bundle: CaseBundle,
  ) => AssignmentStep | Promise<AssignmentStep>,
  by: 'agency' | 'central' = 'agency',
): Promise<AssignmentView> {
  requireRole(p, by === 'central' ? CENTRAL_ROLES : AGENCY_ROLES);
  const found = by === 'central' ? readableAssignment : actableAssignment;
  if (idem) await found(deps, p, caseId, agencyId); // authorised before a replay
  return idempotent(deps, p.agency, idem, (remember) =>
    retryOnConflict(async () => {
      const { bundle, assignment, reader } = await found(deps, p, caseId, agencyId);
      const now = deps.clock();
      const { next, type, data, resumed } = await apply(assignment, now, bundle);
      const ladder = ladderOf(bundle, agencyId);
      if (!next) return viewAssignment(assignment, now, reader, ladder);
      const written = put(assignment, next);
      const assignments = bundle.assignments.map((a) => (a === assignment ? written.record : a));
      // The case is always rewritten under its version, so that concurrent changes to
      // different assignments of one case serialize and its status stays true.
      let nextCase = reconcile(bundle.case, assignments, now);
      // The last final answer opens the complainant's reply window; its end is a ladder
      // step on the same engine (a timer on the case's own ladder).
      let replyLadder: VersionedPut<LadderRecord> | undefined;
      if (nextCase.status === 'resolved' && bundle.case.status !== 'resolved') {
        const policy = await defaultPolicy(deps);
        const closesAt = computeDeadline(
          await calendarById(deps, policy.calendarId),
          now,
          policy.replyWindowWorkingDays,
          DEFAULT_TIME_ZONE,
        ).dueAt;
        nextCase = openReplyWindow(nextCase, now, closesAt);
        const previous = ladderOf(bundle, CENTRAL_TENANT);
        const armed = armLadder(
          previous,
          { caseId, agencyId: CENTRAL_TENANT, generation: (previous?.generation ?? 0) + 1 },
          now,
        );
        const timer = ladderTimer(armed.record, closesAt.toISOString(), now);
        const version = armed.record.version;
        replyLadder = { record: { ...timer, version }, expectedVersion: armed.expectedVersion };
      }
      // An answer that ends an overdue episode re-arms the ladder: nothing else wakes it
      // before that episode's next rung, and a deadline passing meanwhile starts its own
      // episode, whose reminder I is due the moment it passes. One that ends a pause re-arms
      // it as a resume does (the parked ladder runs again, on the moved deadlines).
      const rearmed = await rearmedLadder(deps, ladder, assignment, next, now, {
        ifEpisodeEnds: !resumed,
      });
      const ladders = [replyLadder, rearmed?.put].filter((l) => l !== undefined);
      // Ended (a final answer, "not ours"): a request for more time waits for nothing now.
      const lapsed = isOpen(next) ? [] : lapsedRequests(bundle, [next], now);
      const body = viewAssignment(written.record, now, reader, rearmed?.put.record ?? ladder);
      // The calendar is read only when a first response needs its working days counted.
      const firstResponse =
        assignment.met.followUp === null && written.record.met.followUp !== null;
      const calendar = firstResponse ? await calendarById(deps, assignment.calendarId) : undefined;
      await deps.store.commit({
        case: put(bundle.case, nextCase),
        assignments: [written],
        ...(ladders.length > 0 ? { ladders } : {}),
        ...(lapsed.length > 0 ? { extensions: lapsed } : {}),
        counters: counterDeltas(assignment, written.record, calendar),
        ...(resumed?.entry ? { clockEntries: [resumed.entry] } : {}),
        events: [
          ...(resumed
            ? [
                event(caseId, now, 'assignment_resumed', p, agencyId, {
                  dueBefore: assignment.due,
                  due: resumed.assignment.due,
                }),
              ]
            : []),
          event(caseId, now, type, p, agencyId, data),
          ...skippedEvents(rearmed?.skipped ?? [], assignment, actorOf(p), now),
          ...statusEvents(bundle.case, nextCase, now, p, agencyId),
        ],
        idempotency: remember(body),
      });
      await armLadders(
        deps,
        ladders.map((l) => l.record),
      );
      return body;
    }),
  );
}
