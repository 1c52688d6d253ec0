/**
 * Extensions and pauses: an agency asks for more time and central decides; the clock paused
 * while the complainant is awaited, then resumed. Each moves the open deadlines and re-arms the
 * ladder.
 */
import { newUlid } from '../ids.ts';
import { type AssignmentRecord, isOpen, viewAssignment } from '../assignment.ts';
import { type ClockChange, extend, pause, resume } from '../assignment-clock.ts';
import { DomainError, limitExceeded, notFound } from '../errors.ts';
import {
  decideExtension as decided,
  type ExtensionRequestRecord,
  viewExtensionRequest,
} from '../extension.ts';
import type {
  AssignmentView,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  ExtensionRequestView,
} from '../schemas.ts';
import { isCentral, type Principal } from '../tenancy.ts';
import { type EventType, newEventId } from '../timeline.ts';
import {
  actableAssignment,
  AGENCY_ROLES,
  armLadders,
  assertCanAct,
  assignmentChange,
  calendarById,
  CENTRAL_ROLES,
  event,
  type Idempotency,
  idempotent,
  ladderOf,
  loadCase,
  put,
  readableAssignment,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
  touchCase,
} from './kernel/index.ts';
import { assertForwarding } from './assignments.ts';

/**
 * How many extension requests one generation of an assignment may make, whatever became of
 * them (approved, refused, lapsed). An agency asks once or twice per forwarding, and each asks
 * up to 60 working days: 20 is 1,200 working days, years past any target. The cap bounds what
 * every case read loads (each request is an item it reads: 20 of at most 12.5 KB) and the
 * deadline explanation, which lists each approved one with its 2,000-character reason under
 * each of the three targets (about 360 KB more, beside the `MAX_PAUSES` pauses).
 */
export const MAX_EXTENSION_REQUESTS = 20;

/** The agency (or its focal point's coordinator) asks for more time; `limit_exceeded` past the cap. */
export async function requestExtension(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  input: ExtensionRequestInput,
  idem?: Idempotency,
): Promise<ExtensionRequestView> {
  requireRole(p, AGENCY_ROLES);
  if (idem) await actableAssignment(deps, p, caseId, agencyId); // authorised before a replay
  return idempotent(deps, p.agency, idem, (remember) =>
    retryOnConflict(async () => {
      const { bundle, assignment } = await actableAssignment(deps, p, caseId, agencyId);
      assertForwarding(assignment, input.generation);
      if (!isOpen(assignment)) {
        throw new DomainError(
          'invalid_transition',
          `an assignment that is ${assignment.state} cannot be extended`,
        );
      }
      const asked = bundle.extensions.filter(
        (x) => x.agencyId === agencyId && x.generation === assignment.generation,
      );
      const pending = asked.find((x) => x.status === 'pending');
      if (pending)
        throw new DomainError('already_exists', `extension request ${pending.id} is still pending`);
      if (asked.length >= MAX_EXTENSION_REQUESTS) {
        throw limitExceeded(
          `an assignment may make at most ${MAX_EXTENSION_REQUESTS} extension requests per ` +
            'forwarding, and this one has made that many',
          'extension_requests',
        );
      }
      const now = deps.clock();
      const request: ExtensionRequestRecord = {
        id: newUlid(now.getTime()),
        caseId,
        agencyId,
        generation: assignment.generation,
        workingDays: input.workingDays,
        reason: input.reason,
        status: 'pending',
        requestedBy: p.sub,
        requestedAt: now.toISOString(),
        decidedBy: null,
        decidedAt: null,
        note: null,
        version: 1,
      };
      const body = viewExtensionRequest(request);
      await deps.store.commit({
        case: put(bundle.case, touchCase(bundle.case, now)),
        extensions: [{ record: request, expectedVersion: null }],
        events: [
          event(caseId, now, 'extension_requested', p, agencyId, {
            requestId: request.id,
            workingDays: input.workingDays,
            reason: input.reason,
          }),
        ],
        idempotency: remember(body),
      });
      return body;
    }),
  );
}

/** Central approves (the open targets move and the ladder re-arms) or refuses. */
export async function decideExtension(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  requestId: string,
  input: ExtensionDecisionInput,
): Promise<ExtensionRequestView & { assignment: AssignmentView }> {
  requireRole(p, CENTRAL_ROLES);
  const result = await retryOnConflict(async () => {
    const bundle = await loadCase(deps, caseId);
    const request = bundle.extensions.find((x) => x.id === requestId && x.agencyId === agencyId);
    const assignment = bundle.assignments.find((a) => a.agencyId === agencyId);
    if (!request || !assignment) throw notFound(`extension request ${requestId}`);
    const now = deps.clock();
    // The same decision sent again (its answer lost on the way): the request as it stands.
    if (
      request.status === (input.approve ? 'approved' : 'refused') &&
      request.note === (input.note ?? null)
    )
      return {
        decision: request,
        view: viewAssignment(assignment, now, { central: true }, ladderOf(bundle, agencyId)),
        rearm: undefined,
      };
    const decision = decided(request, input.approve, input.note ?? null, p.sub, now);
    let extended: ClockChange | undefined;
    if (input.approve) {
      if (request.generation !== assignment.generation) {
        throw new DomainError(
          'invalid_transition',
          'the assignment was forwarded again since this request',
        );
      }
      extended = extend(
        assignment,
        request.workingDays,
        request.reason,
        await calendarById(deps, assignment.calendarId),
        now,
        newEventId(now),
      );
    }
    const next = extended?.assignment ?? assignment;
    const change = await assignmentChange(deps, bundle, assignment, next, now, input.approve);
    await deps.store.commit({
      ...change.change,
      extensions: [{ record: decision, expectedVersion: request.version }],
      ...(extended ? { clockEntries: [extended.entry] } : {}),
      events: [
        event(
          caseId,
          now,
          input.approve ? 'extension_approved' : 'extension_refused',
          p,
          agencyId,
          // Central's note is its answer to the agency (what to attach, why not): the
          // decision's only record either reads.
          {
            requestId,
            workingDays: request.workingDays,
            // Where the deadlines moved from, for the timeline ("Tindak lanjut: 30 Mar → 6 Apr").
            ...(input.approve ? { dueBefore: assignment.due } : {}),
            due: next.due,
            ...(input.note ? { note: input.note } : {}),
          },
        ),
        ...change.events(p),
      ],
    });
    return { decision, view: change.view({ central: true }), rearm: change.rearm };
  });
  if (result.rearm) await armLadders(deps, [result.rearm]);
  return { ...viewExtensionRequest(result.decision), assignment: result.view };
}

/**
 * Pause the assignment's clock (waiting for the complainant), with the reason recorded, and
 * what the complainant is asked to send (`asked`), which their tracking page shows while the
 * clock stands.
 */
export async function pauseAssignment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  reason: string,
  /** The forwarding the pause was asked for (`assertForwarding`); none: the current one. */
  generation?: number,
  asked?: string,
): Promise<AssignmentView> {
  const data = { reason, ...(asked ? { asked } : {}) };
  return clockChange(deps, p, caseId, agencyId, 'assignment_paused', data, (a, now) => {
    // Sent again after its answer was lost: paused already, for this reason.
    const current = a.paused ? a.pauses?.at(-1) : undefined;
    if (current?.reason === reason && current.asked === asked) return undefined;
    assertForwarding(a, generation);
    return { assignment: pause(a, reason, p.sub, now, asked) };
  });
}

/** Resume it: open deadlines move by the paused working days and the ladder re-arms. */
export async function resumeAssignment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
): Promise<AssignmentView> {
  return clockChange(deps, p, caseId, agencyId, 'assignment_resumed', {}, async (a, now) => {
    // Sent again after its answer was lost: running again after a pause (or ended, which ends
    // a pause too).
    if (!a.paused && (a.pauseCount ?? 0) > 0) return undefined;
    // Ended while paused (withdrawn before a withdrawal ended pauses): no deadline runs again.
    if (!isOpen(a))
      throw new DomainError(
        'invalid_transition',
        `the assignment is ${a.state}: its deadlines no longer run, to pause or resume`,
      );
    return resume(a, await calendarById(deps, a.calendarId), now, newEventId(now));
  });
}

/** Central, or whoever may act on the assignment as an agency, changes its clock. */
async function clockChange(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  type: EventType,
  data: Record<string, unknown>,
  /** The change, or `undefined` when the assignment already is as asked (a repeat). */
  apply: (
    a: AssignmentRecord,
    now: Date,
  ) =>
    | (Partial<ClockChange> & Pick<ClockChange, 'assignment'>)
    | undefined
    | Promise<ClockChange | undefined>,
): Promise<AssignmentView> {
  const result = await retryOnConflict(async () => {
    const { bundle, assignment, reader } = await readableAssignment(deps, p, caseId, agencyId);
    if (!isCentral(p)) await assertCanAct(deps, p, agencyId, assignment.delegatedTo);
    const now = deps.clock();
    const changed = await apply(assignment, now);
    if (!changed)
      return {
        view: viewAssignment(assignment, now, reader, ladderOf(bundle, agencyId)),
        rearm: undefined,
      };
    const { assignment: next, entry } = changed;
    const change = await assignmentChange(deps, bundle, assignment, next, now, true);
    await deps.store.commit({
      ...change.change,
      ...(entry ? { clockEntries: [entry] } : {}),
      events: [
        // The deadlines before and after (a resume moves them by the paused working days): the
        // timeline says where they went.
        event(caseId, now, type, p, agencyId, {
          ...data,
          dueBefore: assignment.due,
          due: next.due,
        }),
        ...change.events(p),
      ],
    });
    return { view: change.view(reader), rearm: change.rearm };
  });
  if (result.rearm) await armLadders(deps, [result.rearm]);
  return result.view;
}
