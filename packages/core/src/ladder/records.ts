/**
 * What the ladder writes, as records: a letter with its outbox entry and timeline event, the
 * clarification central intervention proposes, and the skipped steps. What becomes of a letter
 * in the outbox until it goes is outbox.ts.
 */
import { type ActivityRecord, LADDER_PROPOSER, MAX_ACTIVITY_AGENCIES } from '../activity.ts';
import type { AssignmentRecord } from '../assignment.ts';
import type { Calendar } from '../calendar.ts';
import type { CaseRecord } from '../case.ts';
import { type LetterParties, unaddressedReason } from '../letter-addresses.ts';
import { composeLetter } from '../letters.ts';
import type { NotificationRecord } from '../notification.ts';
import type { SlaPolicy } from '../policy.ts';
import type { LadderLetterWrite, OpenActivities } from '../ports.ts';
import { type Actor, newEventId, type TimelineEvent } from '../timeline.ts';
import { INVITATION_STEPS } from '../documents/invitation.ts';
import { ladderLetterDocument } from '../documents/letter-document.ts';
import type { DocumentSettings } from '../schemas/documents.ts';
import type { LadderLetter, SkippedStep } from './rules.ts';

/** A letter the ladder writes now: its outbox record, timeline event and proposed activity. */
export function letterWrite(input: {
  letter: LadderLetter;
  policy: SlaPolicy;
  case: CaseRecord;
  assignment: AssignmentRecord;
  parties: LetterParties;
  calendar: Calendar;
  now: Date;
  /** Issue 15: the letterhead and the letter's number, to send it as a PDF. */
  document?: { settings: DocumentSettings; number: string };
  /** The agency's letters about the case written before: a rung names its episode's sent ones. */
  earlier?: readonly NotificationRecord[];
  /** The console's address: the letter links to the case there (`composeLetter`). */
  consoleUrl?: string | undefined;
  /**
   * The case's open activities, read for a central intervention step: its proposal joins the
   * ladder's open one, or is none for an agency invited already (`proposedIntervention`).
   */
  open?: OpenActivities;
}): LadderLetterWrite {
  const { letter: event, assignment: a, now } = input;
  const step = input.policy.ladder.find((s) => s.name === event.step)!;
  // An intervention to an agency invited already names that activity, and proposes none.
  const activity =
    event.action === 'central_intervention' && input.open
      ? invitedActivity(a, input.open.activities, now)
      : undefined;
  const invited = activity && {
    ...activity,
    sent: invitationSent(activity.id, a.agencyId, input.earlier ?? []),
  };
  const letter = composeLetter({
    event,
    step,
    steps: input.policy.ladder,
    case: input.case,
    assignment: a,
    parties: input.parties,
    calendar: input.calendar,
    ...(input.earlier ? { earlier: input.earlier } : {}),
    consoleUrl: input.consoleUrl,
    unitContact: input.document?.settings.letterhead,
    invitedTo: invited,
  });
  // Addressed to no one (a step sent only to a head or a focal point the agency has no contact
  // for: only a liaison is required): not pretended sent (the embedded mailer wrote an .eml
  // with an empty To:, SES refused it hours later in its own words). It is written failed at
  // once, saying what is missing, onto central's list of failed letters, where central adds the
  // contact and sends it again (`resendLetter`, addressed by the contacts as they are then) or
  // marks it handled. Not sent to the liaisons instead: the ladder is data, and a penegasan the
  // policy addresses to the head, or an intervention to central, is not the liaisons' letter.
  const unaddressed = letter.to.length === 0;
  const notification: NotificationRecord = {
    id: newEventId(now),
    caseId: a.caseId,
    agencyId: a.agencyId,
    generation: a.generation,
    stepId: event.id,
    step: event.step,
    action: event.action,
    target: event.targets[0]!,
    targets: event.targets,
    named: Object.fromEntries(event.targets.map((t) => [t, a.due[t]])),
    channel: 'email',
    recipients: letter.to,
    cc: letter.cc,
    status: unaddressed ? 'failed' : 'pending',
    subject: letter.subject,
    body: letter.body,
    scheduledAt: event.scheduledAt,
    episode: event.episode,
    createdAt: now.toISOString(),
    ...(letter.datedOn ? { datedOn: letter.datedOn } : {}),
    sentAt: null,
    attempts: 0,
    lastError: unaddressed ? unaddressedReason(step, input.parties) : null,
    ...(input.document
      ? {
          letterNumber: input.document.number,
          document: ladderLetterDocument({
            letter,
            case: input.case,
            assignment: a,
            agency: input.parties.agency,
            settings: input.document.settings,
            number: input.document.number,
            now,
            step,
            focalPoint: input.parties.focalPoint,
          }),
        }
      : {}),
  };
  const stepEvent: TimelineEvent = {
    id: newEventId(now),
    caseId: a.caseId,
    at: now.toISOString(),
    type: 'escalation_step',
    actor: { system: 'escalation' },
    agencyId: a.agencyId,
    data: {
      step: event.step,
      action: event.action,
      targets: event.targets,
      scheduledAt: event.scheduledAt,
      episode: event.episode,
      notificationId: notification.id,
      // The date its letter bears (the working day it goes out): a step taken at 00:00 on a
      // Saturday reads on the timeline with the Monday its letter is dated.
      ...(letter.datedOn ? { datedOn: letter.datedOn } : {}),
    },
  };
  // Its ids drawn after the step's: the timeline lists the proposal after the step.
  const proposal =
    event.action === 'central_intervention'
      ? proposedIntervention(a, input.parties.agency.name, event, now, input.open)
      : {};
  return { stepId: event.id, notification, event: stepEvent, ...proposal };
}

/**
 * The activity still to be held on the case (proposed, or planned for a date not yet passed or
 * for none) that agency `a` is invited to already, or the member unit holding its assignment,
 * which works the case for it: invited, it is there.
 */
export function invitedActivity(
  a: Pick<AssignmentRecord, 'agencyId' | 'delegatedTo'>,
  activities: readonly ActivityRecord[],
  now: Date,
): ActivityRecord | undefined {
  const invitees = new Set([a.agencyId, ...(a.delegatedTo ? [a.delegatedTo] : [])]);
  return activities.find((x) => stillToHold(x, now) && x.agencyIds.some((id) => invitees.has(id)));
}

/**
 * Whether agency `agencyId`'s latest letter inviting it to activity `activityId` (its
 * invitation, or the new date it moved to) went out, among its letters about the case
 * (`earlier`): pending, held or refused, it did not (yet).
 */
export function invitationSent(
  activityId: string,
  agencyId: string,
  earlier: readonly NotificationRecord[],
): boolean {
  const latest = earlier
    .filter(
      (n) =>
        n.action === 'invitation' &&
        n.activityId === activityId &&
        n.agencyId === agencyId &&
        (n.step === INVITATION_STEPS.invitation || n.step === INVITATION_STEPS.moved),
    )
    .toSorted((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
  return latest?.status === 'sent';
}

/** The plan of a ladder proposal several agencies joined: each reads it (naming none). */
export const JOINED_PROPOSAL_PLAN =
  'Diusulkan oleh tangga eskalasi: setiap instansi yang tercantum belum memenuhi targetnya.';

/**
 * Central intervention lands on central's calendar as a proposed clarification, one a case, and
 * on the case's timeline as `activity_proposed` for the agency. The agency joins the ladder's
 * open proposal on the case when there is one (the oldest with room, `MAX_ACTIVITY_AGENCIES`),
 * under its version, so central schedules one meeting for all its silent agencies (five
 * separate proposals for one case could not be merged: the schedule form adds no agency).
 * None for an agency invited already to an activity still to be held on the case (proposed, or
 * planned for a date not yet passed or for none): its letter and step are written as ever.
 * Without `open` (not read) a new one, as before. Written whatever the case's count of open
 * activities (`MAX_OPEN_ACTIVITIES` refuses central's plans, never a tick: see there why).
 */
export function proposedIntervention(
  a: Pick<AssignmentRecord, 'caseId' | 'agencyId' | 'delegatedTo'>,
  agencyName: string,
  event: Pick<LadderLetter, 'targets'>,
  now: Date,
  open?: OpenActivities,
): Pick<LadderLetterWrite, 'proposal' | 'invitedTo'> {
  const activities = open?.activities ?? [];
  const invited = invitedActivity(a, activities, now);
  if (invited)
    return { invitedTo: { caseId: invited.caseId, id: invited.id, version: invited.version } };
  const joined = activities
    .filter(
      (x) =>
        x.status === 'proposed' &&
        x.createdBy === LADDER_PROPOSER &&
        x.agencyIds.length < MAX_ACTIVITY_AGENCIES,
    )
    .sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id))[0];
  const activity: ActivityRecord = joined
    ? {
        ...joined,
        agencyIds: [...joined.agencyIds, a.agencyId],
        plan: JOINED_PROPOSAL_PLAN,
        updatedAt: now.toISOString(),
        version: joined.version + 1,
      }
    : {
        id: newEventId(now),
        caseId: a.caseId,
        kind: 'clarification',
        status: 'proposed',
        scheduledAt: null,
        agencyIds: [a.agencyId],
        participants: [],
        plan: `Diusulkan oleh tangga eskalasi: ${agencyName} belum memenuhi ${event.targets.length} target.`,
        heldAt: null,
        outcome: null,
        summary: null,
        createdBy: LADDER_PROPOSER,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 1,
      };
  // The agency's own event, as each agency's was when each had a proposal of its own: it names
  // none of the others (`untakenProposal`), and central reads one for each agency proposed.
  const proposed: TimelineEvent = {
    id: newEventId(now),
    caseId: a.caseId,
    at: now.toISOString(),
    type: 'activity_proposed',
    actor: { system: 'escalation' },
    agencyId: a.agencyId,
    data: {
      activityId: activity.id,
      kind: activity.kind,
      scheduledAt: null,
      agencyIds: [a.agencyId],
    },
  };
  return {
    proposal: joined
      ? { activity, event: proposed, expectedVersion: joined.version }
      : {
          activity,
          event: proposed,
          ...(open ? { proposalsWritten: open.proposalsWritten } : {}),
        },
  };
}

/** Still to be held: proposed, or planned for no date yet or one not yet passed. */
const stillToHold = (x: ActivityRecord, now: Date): boolean =>
  x.status === 'proposed' ||
  (x.status === 'planned' && (x.scheduledAt === null || Date.parse(x.scheduledAt) > now.getTime()));

/** The `escalation_skipped` events of steps no longer true (with why). */
export function skippedEvents(
  skipped: readonly SkippedStep[],
  ref: { caseId: string; agencyId: string },
  actor: Actor,
  now: Date,
): TimelineEvent[] {
  return skipped.map((x) => ({
    id: newEventId(now),
    caseId: ref.caseId,
    at: now.toISOString(),
    type: 'escalation_skipped',
    actor,
    agencyId: ref.agencyId,
    data: { ...x, targets: [...x.targets] },
  }));
}
