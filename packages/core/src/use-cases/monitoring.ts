/**
 * Monitoring: central plans activities on a case (clarification, visits) and reports them, or
 * calls them off.
 */
import { newUlid } from '../ids.ts';
import {
  activityAgency,
  type ActivityRecord,
  holdersOf,
  isActivityOpen,
  cancelActivity as cancelled,
  cancelledAlready,
  reportActivity as reported,
  reportedAlready,
  scheduleActivity as scheduled,
  scheduledAlready,
  untakenProposal,
  viewActivity,
} from '../activity.ts';
import { DEFAULT_TIME_ZONE, localDate, startOfLocalDay } from '../calendar.ts';
import { mapPage } from '../desk.ts';
import { partEndedAt } from '../case.ts';
import {
  DomainError,
  invalidInput,
  invalidTransition,
  limitExceeded,
  notFound,
  savedSince,
} from '../errors.ts';
import type { CaseBundle, Page } from '../ports.ts';
import { ACTIVITY_AGENCY_NOT_ON_CASE, ACTIVITY_AGENCY_PART_ENDED } from '../schemas/monitoring.ts';
import type {
  ActivitiesFilter,
  ActivityView,
  CancelActivityInput,
  InvitedActivitiesFilter,
  InvitedActivityView,
  PlanActivityInput,
  ReportActivityInput,
  ScheduleActivityInput,
} from '../schemas.ts';
import { actorOf, type EventType } from '../timeline.ts';
import type { Principal } from '../tenancy.ts';
import {
  AGENCY_ROLES,
  CENTRAL_ROLES,
  event,
  type Idempotency,
  idempotent,
  loadCase,
  put,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
  touchCase,
} from './kernel/index.ts';
import { invitationLetters } from './invitation-letters.ts';

/**
 * How many open activities (proposed or planned) a case may hold when central plans one more.
 * The case's view carries every open one (`caseActivities`), and a planned one at its input
 * limits (a 5,000-character plan, 50 participants of 200 characters, in a 3-byte script) takes
 * about 46 KB of it: 50 are about 2.3 MB, beside the 20 latest reported ones (about 2.1 MB) and
 * the case, within the 6,291,556 bytes Lambda can answer (some 130 were past it: a bare 500 on
 * `GET /v1/cases/{id}` and on every change that answers with the case). Every case read loads
 * them too. A unit holds a handful on a case; 50 is far past any real one.
 *
 * The ladder's proposals (one clarification a case, naming each agency silent up to central
 * intervention, `MAX_ACTIVITY_AGENCIES` at most, then another) are counted but never refused:
 * the ladder writes them with its step's letter, and a tick must not fail, or drop central's
 * notice of a silent agency, because central has planned a lot. They are
 * small (a fixed sentence, no participants), so a case past the cap through them alone stays
 * within a response; what would make one large is central taking it up, which is refused while
 * the case already holds `MAX_OPEN_ACTIVITIES` planned ones (`scheduleActivity`). So the view
 * never carries more than that many planned activities.
 */
export const MAX_OPEN_ACTIVITIES = 50;

/** The cap's refusal: `limit_exceeded` naming `open_activities`; nothing is written. */
const tooManyOpen = (held: string) =>
  limitExceeded(
    `this case holds ${MAX_OPEN_ACTIVITIES} ${held} activities, the most it may: report or ` +
      'cancel those held or not needed first',
    'open_activities',
  );

/**
 * Central plans a monitoring activity on a case (the case is then under monitoring);
 * `limit_exceeded` when the case holds `MAX_OPEN_ACTIVITIES` open ones already.
 */
export async function planActivity(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  input: PlanActivityInput,
  idem?: Idempotency,
): Promise<ActivityView> {
  requireRole(p, CENTRAL_ROLES);
  return idempotent(deps, p.agency, idem, (remember) =>
    retryOnConflict(async () => {
      const bundle = await loadCase(deps, caseId);
      // A plan on a case that is over would stay on the desk for good (a new date is refused).
      if (bundle.case.status === 'closed' || bundle.case.status === 'rejected')
        throw invalidTransition(
          `the case is ${bundle.case.status}: no activity is planned on it (its held ones can still be reported)`,
        );
      if (bundle.activities.filter(isActivityOpen).length >= MAX_OPEN_ACTIVITIES)
        throw tooManyOpen('open (proposed or planned)');
      await mayTakePart(deps, bundle, input.agencyIds ?? []);
      const now = deps.clock();
      const activity: ActivityRecord = {
        id: newUlid(now.getTime()),
        caseId,
        kind: input.kind,
        status: 'planned',
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt).toISOString() : null,
        agencyIds: input.agencyIds ?? [],
        participants: input.participants ?? [],
        plan: input.plan ?? null,
        venue: input.venue ?? null,
        heldAt: null,
        outcome: null,
        summary: null,
        createdBy: p.sub,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 1,
      };
      const body = viewActivity(activity, now, bundle.case.subject);
      const letters = await invitationLetters(deps, actorOf(p), bundle, null, activity, now);
      await deps.store.commit({
        case: put(bundle.case, touchCase(bundle.case, now)),
        // The member units holding its agencies' assignments are invited too: the case's
        // version orders this with any delegation.
        activities: [
          { record: activity, expectedVersion: null, holders: holdersOf(bundle.assignments) },
        ],
        events: [
          event(caseId, now, 'activity_planned', p, activityAgency(activity), {
            activityId: activity.id,
            kind: activity.kind,
            scheduledAt: activity.scheduledAt,
            agencyIds: activity.agencyIds,
          }),
          ...letters.events,
        ],
        letters: letters.letters,
        idempotency: remember(body),
      });
      return body;
    }),
  );
}

/**
 * Each agency taking part reads the activity on the case: it must be able to read the case (its
 * assignment, one delegated to it, or a member unit's as its focal point), and not be one whose
 * part ended without its doing the work, which reads no activity of the case (`viewCase`): it
 * would take part in one it cannot read. It reads as the case does for it: its own
 * assignments, its member units', and those delegated to it. A 400 naming `agencyIds.N`.
 */
async function mayTakePart(
  deps: ServiceDeps,
  bundle: CaseBundle,
  agencyIds: readonly string[],
): Promise<void> {
  const onCase = new Set(
    bundle.assignments.flatMap((a) => (a.delegatedTo ? [a.agencyId, a.delegatedTo] : [a.agencyId])),
  );
  for (const [i, agencyId] of agencyIds.entries()) {
    if (!(await deps.store.getAgency(agencyId)))
      throw invalidInput(`agencyIds.${i}`, 'unknown agency');
    const members = await deps.store.listMemberUnits(agencyId);
    if (!onCase.has(agencyId) && !members.some((m) => onCase.has(m.id)))
      throw invalidInput(`agencyIds.${i}`, ACTIVITY_AGENCY_NOT_ON_CASE);
    const reads = new Set([
      agencyId,
      ...members.map((m) => m.id),
      ...bundle.assignments.filter((a) => a.delegatedTo === agencyId).map((a) => a.agencyId),
    ]);
    if (partEndedAt(bundle.assignments, reads))
      throw invalidInput(`agencyIds.${i}`, ACTIVITY_AGENCY_PART_ENDED);
  }
}

/**
 * Central takes up a proposed activity (the ladder's clarification) by setting its time, or
 * moves a planned one: planned for then. Taking one up is refused (`limit_exceeded`) while the
 * case holds `MAX_OPEN_ACTIVITIES` planned ones: it would be one more central fills in.
 */
export function scheduleActivity(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  activityId: string,
  input: ScheduleActivityInput,
): Promise<ActivityView> {
  return changeActivity(deps, p, caseId, activityId, {
    version: input.version,
    already: (a) => scheduledAlready(a, input),
    allowed: async (a, bundle) => {
      if (
        a.status === 'proposed' &&
        bundle.activities.filter((x) => x.status === 'planned').length >= MAX_OPEN_ACTIVITIES
      )
        throw tooManyOpen('planned');
      // A new date with an agency whose part ended since (the ladder's proposal for an agency
      // central then withdrew): refused as a plan with it is; the activity can be called off.
      await mayTakePart(deps, bundle, a.agencyIds);
    },
    next: (a, now) => scheduled(a, input, now),
    openCase: true,
    event: (before) => [
      'activity_scheduled',
      {
        scheduledAt: new Date(input.scheduledAt).toISOString(),
        previous: before.scheduledAt,
      },
    ],
  });
}

/** Central reports how a planned (or ladder-proposed) activity went. */
export function reportActivity(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  activityId: string,
  input: ReportActivityInput,
): Promise<ActivityView> {
  return changeActivity(deps, p, caseId, activityId, {
    version: input.version,
    already: (a) => reportedAlready(a, input),
    next: (a, now) => reported(a, input, now),
    event: () => ['activity_reported', { outcome: input.outcome }],
  });
}

/**
 * Central calls off an activity that will not be held: a clarification the ladder proposed
 * before the agency answered, one planned twice. The case is no longer under monitoring for it.
 */
export function cancelActivity(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  activityId: string,
  input: CancelActivityInput,
): Promise<ActivityView> {
  return changeActivity(deps, p, caseId, activityId, {
    version: input.version,
    already: (a) => cancelledAlready(a, input.reason),
    next: (a, now) => cancelled(a, input.reason, now),
    event: () => ['activity_cancelled', { reason: input.reason }],
  });
}

/**
 * One of central's changes to an activity, with its timeline event: none when the same change
 * was made already (a request sent again after its answer was lost).
 */
async function changeActivity(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  activityId: string,
  change: {
    /** The activity's version the change was made on (the page's), when the client says. */
    version: number | undefined;
    already: (a: ActivityRecord) => boolean;
    /** Throws when the change may not be made, given the case as it is. */
    allowed?: (a: ActivityRecord, bundle: CaseBundle) => Promise<void> | void;
    next: (a: ActivityRecord, now: Date) => ActivityRecord;
    /** Its event's type and data, from the activity as it was. */
    event: (before: ActivityRecord) => [EventType, Record<string, unknown>];
    /** Only while the case is open (a new date: a closed case's activity was held already). */
    openCase?: boolean;
  },
): Promise<ActivityView> {
  requireRole(p, CENTRAL_ROLES);
  return retryOnConflict(async () => {
    const bundle = await loadCase(deps, caseId);
    const activity = bundle.activities.find((a) => a.id === activityId);
    if (!activity) throw notFound(`activity ${activityId}`);
    const now = deps.clock();
    if (change.already(activity)) return viewActivity(activity, now, bundle.case.subject);
    // Made on an older version (a colleague moved, reported or called it off since): refused,
    // not laid over a change the officer never saw. Checked after `already`: the same request
    // sent again (its answer lost) is answered as it was.
    if (change.version !== undefined && change.version !== activity.version)
      throw savedSince(`activity ${activityId}`, change.version, activity.version);
    if (change.openCase && (bundle.case.status === 'closed' || bundle.case.status === 'rejected'))
      throw invalidTransition(
        `the case is ${bundle.case.status}: its activity can be reported or called off, not given a new date`,
      );
    await change.allowed?.(activity, bundle);
    const next = change.next(activity, now);
    const [type, data] = change.event(activity);
    // A ladder proposal several silent agencies joined, called off or reported without a date:
    // each agency reads its own event, naming none of the others, as it read the proposal.
    const readers = untakenProposal(next) ? next.agencyIds.map((id) => [id]) : [next.agencyIds];
    // Its agencies' letters: an invitation, a new date, a cancellation (none for a report).
    const letters = await invitationLetters(deps, actorOf(p), bundle, activity, next, now);
    await deps.store.commit({
      case: put(bundle.case, touchCase(bundle.case, now)),
      activities: [
        {
          record: next,
          expectedVersion: activity.version,
          holders: holdersOf(bundle.assignments),
        },
      ],
      events: [
        ...readers.map((agencyIds) =>
          event(caseId, now, type, p, activityAgency({ agencyIds }), {
            activityId,
            kind: next.kind,
            // Whose to read (`agencySeesEvent`): with several agencies the event is the case's.
            agencyIds,
            ...data,
          }),
        ),
        ...letters.events,
      ],
      letters: letters.letters,
    });
    return viewActivity(next, now, bundle.case.subject);
  });
}

/** The central unit's calendar of activities: proposed, planned (overdue to report), done. */
export async function listActivities(
  deps: ServiceDeps,
  p: Principal,
  filter: ActivitiesFilter,
): Promise<Page<ActivityView>> {
  requireRole(p, CENTRAL_ROLES);
  const now = deps.clock();
  // The index sorts by UTC instants as text: bounds typed with an offset (08:00+07:00) are
  // the same instants in UTC, and a period backwards is the caller's to fix.
  const utc = (instant: string | undefined) => instant && new Date(instant).toISOString();
  const [from, to] = [utc(filter.from), utc(filter.to)];
  if (from && to && from > to) throw invalidInput('from', 'must not be after to');
  const page = await deps.store.listActivities({ ...filter, from, to }, filter);
  // The page's cases, for their subjects (one BatchGetItem for a page of up to 100).
  const cases = await deps.store.getCases(page.items.map((a) => a.caseId));
  const subjects = new Map(cases.map((c) => [c.id, c.subject]));
  return mapPage(page, (a) => viewActivity(a, now, subjects.get(a.caseId) ?? ''));
}

/**
 * An agency's coming activities: those it is invited to (`invitationsOf`), held from the start
 * of today in its zone on (one held this morning is still today's), soonest first; a member
 * unit's those of its focal point's assignments it holds (`via`); with `scope=members` a focal
 * point's coordinator's member units' too, as its queue (each activity once: one its unit holds
 * through it is its own). Each with its case's subject and agenda number, and nothing of the
 * other agencies taking part: who else is on a case is not the agency's to learn from a list.
 * One whose agency's part in the case ended (withdrawn, or redirected and settled; through a
 * focal point, the focal point's) is left out, as its case view shows it none of the case's
 * activities any more (`viewCase`), and so is one held through a focal point whose assignment
 * the unit no longer holds, or that it is no longer a member unit of (it no longer reads the
 * case: `readableCase`): a page may then hold fewer than `limit`.
 */
export async function invitedActivities(
  deps: ServiceDeps,
  p: Principal,
  filter: InvitedActivitiesFilter,
): Promise<Page<InvitedActivityView>> {
  requireRole(p, AGENCY_ROLES);
  if (filter.scope === 'members' && p.role !== 'agency_coordinator')
    throw new DomainError('forbidden', 'only a coordinator sees member units’ activities');
  const [own, members] = await Promise.all([
    deps.store.getAgency(p.agency),
    filter.scope === 'members' ? deps.store.listMemberUnits(p.agency) : Promise.resolve([]),
  ]);
  const zone = own?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = startOfLocalDay(localDate(deps.clock(), zone), zone).toISOString();
  const page = await deps.store.listInvitations(
    [p.agency, ...members.map((m) => m.id)],
    today,
    filter,
  );
  // Each listed agency's focal point now: a unit moved out no longer holds through its former.
  const focalPointOf = new Map<string, string | null | undefined>([
    [p.agency, own?.focalPointId],
    ...members.map((m): [string, string | null | undefined] => [m.id, m.focalPointId]),
  ]);
  // Whose part each invitation reads: the agency invited (a unit's, its focal point's).
  const whose = (i: (typeof page.items)[number]) => ({
    caseId: i.caseId,
    agencyId: i.via ?? i.agencyId,
  });
  // The page's cases (subject, agenda number) and the invited agencies' assignments on them,
  // in two batch reads of at most 100 keys each.
  const [cases, assignments] = await Promise.all([
    deps.store.getCases(page.items.map((i) => i.caseId)),
    deps.store.getAssignments(page.items.map(whose)),
  ]);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const ended = (i: (typeof page.items)[number]) => {
    const key = whose(i);
    const a = assignments.find((x) => x.caseId === key.caseId && x.agencyId === key.agencyId);
    // Through a focal point: while the unit holds its assignment, as its member. A delegation
    // moves the item in its own transaction; a move out gives it back by a job, later.
    if (
      i.via !== undefined &&
      (a?.delegatedTo !== i.agencyId || focalPointOf.get(i.agencyId) !== i.via)
    )
      return true;
    // Read alone, as a queue's row is (`caseNoticeFor`): a redirect is over once re-forwarded
    // or settled. A focal point invited through its member unit's assignment has none of its own.
    return a !== undefined && partEndedAt([a], new Set([a.agencyId])) !== null;
  };
  return {
    ...page,
    items: page.items.flatMap((i) => {
      const c = byId.get(i.caseId);
      if (!c || ended(i)) return [];
      return [
        {
          activityId: i.activityId,
          caseId: i.caseId,
          caseSubject: c.subject,
          agendaNumber: c.agendaNumber ?? null,
          kind: i.kind,
          scheduledAt: i.scheduledAt,
          venue: i.venue ?? null,
          agencyId: i.agencyId,
          via: i.via ?? null,
        },
      ];
    }),
  };
}
