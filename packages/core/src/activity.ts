/**
 * Monitoring activities: what makes the central unit a monitor rather than a post office
 * (evaluasi awal, klarifikasi, konfirmasi, koordinasi, mediasi, investigasi, gelar pengaduan).
 * Each is planned (or proposed by the escalation ladder, then scheduled by central), then
 * reported; or cancelled, with the reason, when it is no longer needed.
 */
import { invalidInput, invalidTransition } from './errors.ts';
import type { CaseChange, CaseLetter, VersionedPut } from './ports.ts';
import { type Actor, newEventId, type TimelineEvent } from './timeline.ts';
import type { ActivityView, ScheduleActivityInput } from './schemas.ts';

export const ACTIVITY_KINDS = [
  'initial_evaluation',
  'clarification',
  'confirmation',
  'coordination',
  'mediation',
  'investigation',
  'case_conference',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_STATUSES = ['proposed', 'planned', 'done', 'cancelled'] as const;

export interface ActivityRecord {
  readonly id: string;
  readonly caseId: string;
  readonly kind: ActivityKind;
  readonly status: (typeof ACTIVITY_STATUSES)[number];
  readonly scheduledAt: string | null;
  readonly agencyIds: readonly string[];
  readonly participants: readonly string[];
  readonly plan: string | null;
  /**
   * Where it is held ("Ruang Rapat Lt. 2, Gedung III", "Daring melalui Zoom: …"), as central
   * wrote it; null or absent (written before it) when not said: the invitation letter then names
   * the unit's address from its letterhead.
   */
  readonly venue?: string | null;
  readonly heldAt: string | null;
  readonly outcome: string | null;
  readonly summary: string | null;
  /** Why it will not be held, and when central said so (absent on items before cancelling). */
  readonly cancellation?: { readonly reason: string; readonly at: string } | null;
  /** `escalation` (`LADDER_PROPOSER`) when central intervention proposed it. */
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** The `createdBy` of a clarification central intervention proposed (`proposedIntervention`). */
export const LADDER_PROPOSER = 'escalation';

/**
 * The most agencies one activity is held with: what a plan takes (`PlanActivityBody`), and so
 * what one invitation transaction holds (`closingRuns`). A ladder proposal joined by more
 * silent agencies than this starts another (`proposedIntervention`).
 */
export const MAX_ACTIVITY_AGENCIES = 18;

/**
 * A clarification central intervention proposed and central never gave a date: each of its
 * agencies was proposed it alone, when its own ladder reached that rung, and is not told of the
 * others (whether another agency on the case is late is not its to know). Taken up (a date
 * set), it is a meeting central chose to hold with all of them, read as any other.
 */
export const untakenProposal = (a: Pick<ActivityRecord, 'createdBy' | 'scheduledAt'>): boolean =>
  a.createdBy === LADDER_PROPOSER && a.scheduledAt === null;

/**
 * An activity as an agency reading as `agencies` reads it: an untaken ladder proposal
 * (`untakenProposal`) names only its own agencies among those it was proposed with.
 */
export const activityAsReadBy = (
  a: ActivityRecord,
  agencies: ReadonlySet<string>,
): ActivityRecord =>
  untakenProposal(a) && a.agencyIds.some((id) => !agencies.has(id))
    ? { ...a, agencyIds: a.agencyIds.filter((id) => agencies.has(id)) }
    : a;

/**
 * Whose an activity's timeline events are: the one agency it is held with (a clarification
 * with agency A is not agency B's to read, as the ladder's proposal for A is not), or the
 * case's (`null`: every agency on it) when it is with several or none.
 */
export const activityAgency = (a: Pick<ActivityRecord, 'agencyIds'>): string | null =>
  a.agencyIds.length === 1 ? a.agencyIds[0]! : null;

/**
 * Whether an agency (with its member units, `agencies`) reads an activity's record on its case:
 * one held with it. For an activity with one agency that is whose its timeline events are
 * (`activityAgency`); one with several is each of theirs, and one with none (central's own
 * evaluation) none of theirs: its plan and summary are central's.
 */
export const activityHeldWith = (
  a: Pick<ActivityRecord, 'agencyIds'>,
  agencies: ReadonlySet<string>,
): boolean => a.agencyIds.some((id) => agencies.has(id));

/**
 * An agency's invitation to an activity held with it: what its list of coming activities
 * (`GET /v1/activities/invited`) reads, one small item per agency beside the activity, written
 * in the activity's own transactions (its plan, new date, report, cancellation, its case's
 * close), so the two never disagree. It names no other agency: the list must not tell an agency
 * who else is on the case. A focal point's member unit holding its assignment on the case
 * (`delegatedTo`) gets one too, through it (`via`): the unit does the work, and goes to the
 * mediation.
 */
export interface ActivityInvitation {
  readonly caseId: string;
  readonly activityId: string;
  /** Whose list it is on: the agency invited, or the member unit holding its assignment. */
  readonly agencyId: string;
  readonly kind: ActivityKind;
  readonly scheduledAt: string;
  /** Where it is held, when central said (`ActivityRecord.venue`). */
  readonly venue?: string;
  /**
   * The focal point invited, whose assignment on the case `agencyId` (its member unit) holds:
   * its part in the case is what the list reads. Absent on an agency's own invitation.
   */
  readonly via?: string;
}

/**
 * Who holds each agency's assignment on a case for it: a focal point's id, the member unit it
 * delegated its assignment to (`delegatedTo`), as read with the case.
 */
export type Holders = ReadonlyMap<string, string>;

const NO_HOLDERS: Holders = new Map();

/** The holders of a case's assignments (`Holders`): those delegated to a member unit. */
export const holdersOf = (
  assignments: readonly { agencyId: string; delegatedTo?: string | null }[],
): Holders =>
  new Map(assignments.flatMap((a) => (a.delegatedTo ? [[a.agencyId, a.delegatedTo]] : [])));

/**
 * An activity's put with the member units holding its agencies' assignments as read with the
 * case (`holdersOf`): each gets its invitation beside the agency's (`invitationWrites`).
 * Absent: none holds one (a proposal, which has no date, needs none).
 */
export interface ActivityPut extends VersionedPut<ActivityRecord> {
  readonly holders?: Holders;
}

/** An invitation put, or (`removed`) deleted. */
export interface InvitationWrite {
  readonly invitation: ActivityInvitation;
  readonly removed?: boolean;
}

/**
 * The member unit `member`'s invitation through `agencyId` to `a`, while it holds the agency's
 * assignment; none when it has none, or is itself invited (it lists its own invitation, once).
 */
function heldInvitation(
  a: ActivityRecord,
  agencyId: string,
  member: string | null | undefined,
): ActivityInvitation | undefined {
  if (!member || a.scheduledAt === null || a.agencyIds.includes(member)) return undefined;
  return {
    caseId: a.caseId,
    activityId: a.id,
    agencyId: member,
    kind: a.kind,
    scheduledAt: a.scheduledAt,
    ...(a.venue ? { venue: a.venue } : {}),
    via: agencyId,
  };
}

/**
 * The invitation writes beside an activity's own (against `MAX_COMMIT_ITEMS`), once it has a
 * date (only a plan gives one, and a report or cancellation keeps it): for each of its agencies,
 * its own, and that of the member unit holding its assignment (`holders`, `heldInvitation`);
 * each put while the activity is planned, deleted once it is reported or cancelled. None before
 * (a proposal, a plan without a date: it never had any to take away, so a close calling off the
 * ladder's proposals writes what it always did).
 */
export function activityInvitationWrites(
  a: ActivityRecord,
  holders: Holders = NO_HOLDERS,
): InvitationWrite[] {
  const scheduledAt = a.scheduledAt;
  if (scheduledAt === null) return [];
  const removed = a.status !== 'planned';
  return a.agencyIds.flatMap((agencyId) => {
    const own: ActivityInvitation = {
      caseId: a.caseId,
      activityId: a.id,
      agencyId,
      kind: a.kind,
      scheduledAt,
      ...(a.venue ? { venue: a.venue } : {}),
    };
    const held = heldInvitation(a, agencyId, holders.get(agencyId));
    return [own, ...(held ? [held] : [])].map((invitation) =>
      removed ? { invitation, removed } : { invitation },
    );
  });
}

/**
 * The invitations an activity as written keeps: one per agency while it is planned with a date
 * (a plan without one has no "when" to list it by), and one per member unit holding an agency's
 * assignment (`holders`); none once reported or cancelled.
 */
export const invitationsOf = (a: ActivityRecord, holders?: Holders): ActivityInvitation[] =>
  a.status === 'planned' ? activityInvitationWrites(a, holders).map((w) => w.invitation) : [];

/** How many invitation writes an activity's put holds beside it (`activityInvitationWrites`). */
export const invitationWrites = (a: ActivityRecord, holders?: Holders): number =>
  activityInvitationWrites(a, holders).length;

/**
 * The member units' invitations a delegation of `agencyId`'s assignment writes, from the unit
 * holding it (`from`, null: none) to `to` (null: taken or given back): for each activity
 * planned with a date with the agency, `to`'s put (it replaces `from`'s: one item through each
 * agency), or `from`'s removed. A unit invited itself lists its own, and gets none through its
 * focal point. At most one a planned activity: `MAX_OPEN_ACTIVITIES` (50).
 */
export function delegatedInvitations(
  activities: readonly ActivityRecord[],
  agencyId: string,
  from: string | null,
  to: string | null,
): InvitationWrite[] {
  return activities.flatMap((a): InvitationWrite[] => {
    if (a.status !== 'planned' || !a.agencyIds.includes(agencyId)) return [];
    const next = heldInvitation(a, agencyId, to);
    if (next) return [{ invitation: next }];
    const before = heldInvitation(a, agencyId, from);
    return before ? [{ invitation: before, removed: true }] : [];
  });
}

/**
 * The reported or cancelled activities a case's view shows, the latest: with the proposed and
 * planned ones (all of them: what central still acts on) the view stays within a response
 * (at most about 37,000 characters each).
 */
export const CASE_CLOSED_ACTIVITIES = 20;

/** Open activities (proposed or planned) keep a case under monitoring. */
export const isActivityOpen = (a: Pick<ActivityRecord, 'status'>): boolean =>
  a.status === 'proposed' || a.status === 'planned';

/** The same report sent again (its answer lost on the way): done, with that report. */
export const reportedAlready = (
  a: ActivityRecord,
  report: { heldAt: string; outcome: string; summary: string },
): boolean =>
  a.status === 'done' &&
  a.heldAt === new Date(report.heldAt).toISOString() &&
  a.outcome === report.outcome &&
  a.summary === report.summary;

/** Reported or cancelled is final: only a proposed or planned activity changes. */
function assertOpen(a: ActivityRecord): void {
  if (a.status === 'done') throw invalidTransition('this activity was already reported');
  if (a.status === 'cancelled') throw invalidTransition('this activity was cancelled');
}

/** The activity with `fields` changed, as of `now`, under its next version. */
const changed = (
  a: ActivityRecord,
  fields: Partial<ActivityRecord>,
  now: Date,
): ActivityRecord => ({
  ...a,
  ...fields,
  updatedAt: now.toISOString(),
  version: a.version + 1,
});

export function reportActivity(
  a: ActivityRecord,
  report: { heldAt: string; outcome: string; summary: string },
  now: Date,
): ActivityRecord {
  assertOpen(a);
  if (Date.parse(report.heldAt) > now.getTime()) {
    throw invalidInput('heldAt', 'must not be in the future');
  }
  return changed(
    a,
    {
      status: 'done',
      heldAt: new Date(report.heldAt).toISOString(),
      outcome: report.outcome,
      summary: report.summary,
    },
    now,
  );
}

/** The same cancellation sent again (its answer lost on the way): cancelled, for that reason. */
export const cancelledAlready = (a: ActivityRecord, reason: string): boolean =>
  a.status === 'cancelled' && a.cancellation?.reason === reason;

/** Central calls off a proposed or planned activity: it will not be held, for `reason`. */
export function cancelActivity(a: ActivityRecord, reason: string, now: Date): ActivityRecord {
  assertOpen(a);
  return changed(a, { status: 'cancelled', cancellation: { reason, at: now.toISOString() } }, now);
}

/** The same schedule sent again (its answer lost on the way): planned for then, as asked. */
export const scheduledAlready = (a: ActivityRecord, s: ScheduleActivityInput): boolean =>
  a.status === 'planned' &&
  a.scheduledAt === new Date(s.scheduledAt).toISOString() &&
  (s.plan === undefined || a.plan === s.plan) &&
  (s.venue === undefined || (a.venue ?? null) === s.venue) &&
  (s.participants === undefined ||
    JSON.stringify(a.participants) === JSON.stringify(s.participants));

/**
 * Central sets when a proposed activity takes place (the ladder's clarification, taken up), or
 * moves a planned one: planned for then, with the participants and plan given (the others kept).
 */
export function scheduleActivity(
  a: ActivityRecord,
  s: ScheduleActivityInput,
  now: Date,
): ActivityRecord {
  assertOpen(a);
  return changed(
    a,
    {
      status: 'planned',
      scheduledAt: new Date(s.scheduledAt).toISOString(),
      ...(s.participants ? { participants: [...s.participants] } : {}),
      ...(s.plan !== undefined ? { plan: s.plan } : {}),
      ...(s.venue !== undefined ? { venue: s.venue } : {}),
    },
    now,
  );
}

/**
 * What central reads of an activity, with its case's subject (the calendar names the case).
 * Overdue to report: planned for a moment that has passed.
 */
export const viewActivity = (a: ActivityRecord, now: Date, caseSubject: string): ActivityView => ({
  id: a.id,
  caseId: a.caseId,
  caseSubject,
  kind: a.kind,
  status: a.status,
  scheduledAt: a.scheduledAt,
  agencyIds: [...a.agencyIds],
  participants: [...a.participants],
  plan: a.plan,
  venue: a.venue ?? null,
  heldAt: a.heldAt,
  outcome: a.outcome,
  summary: a.summary,
  overdueToReport:
    isActivityOpen(a) && a.scheduledAt !== null && Date.parse(a.scheduledAt) < now.getTime(),
  cancellation: a.cancellation ?? null,
  createdBy: a.createdBy,
  createdAt: a.createdAt,
  version: a.version,
});

/**
 * What a case's close calls off, however it closes (central's close, the complainant satisfied,
 * the reply window ending in silence): its proposed activities, and the planned ones not yet
 * held (no date, or a date still to come), each cancelled for `reason` with its
 * `activity_cancelled` event, as `actor` caused it. None stays on central's desk for a case
 * that waits for nothing. One whose date has passed was held: it stays, to be reported (a
 * cancellation is final, and its report is the record of what took place). `holders`: the
 * member units holding the case's assignments as read (`holdersOf`), whose invitations go too.
 * The letters they owe the agencies invited (`withCancellationLetters`) are added after: their
 * numbers are reserved from the store.
 */
export function calledOffByClose(
  activities: readonly ActivityRecord[],
  reason: string,
  actor: Actor,
  now: Date,
  holders?: Holders,
): CalledOff {
  const notHeld = activities.filter(
    (a) =>
      a.status === 'proposed' ||
      (a.status === 'planned' &&
        (a.scheduledAt === null || Date.parse(a.scheduledAt) > now.getTime())),
  );
  const cancelled = notHeld.map((a): ActivityPut => ({
    record: cancelActivity(a, reason, now),
    expectedVersion: a.version,
    ...(holders ? { holders } : {}),
  }));
  return {
    activities: cancelled,
    events: cancelled.map(({ record: a }) => ({
      id: newEventId(now),
      caseId: a.caseId,
      at: now.toISOString(),
      type: 'activity_cancelled' as const,
      actor,
      agencyId: activityAgency(a),
      // Whose to read (`agencySeesEvent`), as every activity event says.
      data: { activityId: a.id, kind: a.kind, agencyIds: a.agencyIds, reason },
    })),
  };
}

/** Activities called off, each with its event (the same order). */
export interface CalledOff {
  readonly activities: ActivityPut[];
  readonly events: TimelineEvent[];
  /**
   * Each activity's cancellation letters to the agencies invited to it, in the same order
   * (`withCancellationLetters`); absent: none.
   */
  readonly letters?: readonly CancellationLetters[];
}

/**
 * The "pembatalan" letters one activity called off owes the agencies holding its invitation
 * letter, each shared with the member unit holding the agency's assignment, and their
 * `invitation_letter` events: written in the activity's own transaction.
 */
export interface CancellationLetters {
  readonly letters: readonly CaseLetter[];
  readonly events: readonly TimelineEvent[];
}

/** The items `l` writes: each letter, its share with a member unit, and its event. */
export const letterItems = (l: CancellationLetters | undefined): number =>
  l ? l.letters.reduce((n, x) => n + (x.sharedWith ? 2 : 1), 0) + l.events.length : 0;

/** What a run of `calledOff` writes: the activities, their events and letters with theirs. */
export const calledOffWrites = (
  c: CalledOff,
): Required<Pick<CaseChange, 'activities' | 'events' | 'letters'>> => ({
  activities: c.activities,
  events: [...c.events, ...(c.letters ?? []).flatMap((l) => l.events)],
  letters: (c.letters ?? []).flatMap((l) => l.letters),
});

/**
 * `calledOff` in transactions of DynamoDB's 100 items: runs of at most 98 items to commit first,
 * and the last, of at most `room` items, to commit with the close itself (its case, ladder and
 * events beside them). Each activity weighs its own item, its event, its invitations'
 * (`invitationWrites`: up to 18 agencies, and a member unit holding each one's assignment: 36)
 * and its cancellation letters' (`letterItems`: a letter, its event and its share with that
 * unit: 54), at most 92: one never straddles two runs. A case whose silent agencies each got a
 * proposal can hold more than fit in one. A close interrupted between them is finished by its
 * retry: only what is still open is called off then, so each letter is written once.
 */
export function closingRuns(
  calledOff: CalledOff,
  room = 80,
): { runs: CalledOff[]; withClose: CalledOff } {
  const weight = (i: number) => {
    const { record, holders } = calledOff.activities[i]!;
    return 2 + invitationWrites(record, holders) + letterItems(calledOff.letters?.[i]);
  };
  const slice = (from: number, to: number): CalledOff => ({
    activities: calledOff.activities.slice(from, to),
    events: calledOff.events.slice(from, to),
    ...(calledOff.letters ? { letters: calledOff.letters.slice(from, to) } : {}),
  });
  // The last ones, as many as `room` holds, go with the close.
  let first = calledOff.activities.length;
  for (let used = 0; first > 0 && used + weight(first - 1) <= room; first -= 1)
    used += weight(first - 1);
  const runs: CalledOff[] = [];
  let [start, used] = [0, 0];
  for (let i = 0; i < first; i += 1) {
    if (used + weight(i) > 98) {
      runs.push(slice(start, i));
      [start, used] = [i, 0];
    }
    used += weight(i);
  }
  if (start < first) runs.push(slice(start, first));
  return { runs, withClose: slice(first, calledOff.activities.length) };
}
