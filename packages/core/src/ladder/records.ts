/**
 * What the ladder writes, as records: a letter with its outbox entry and timeline event, the
 * clarification central intervention proposes, and the skipped steps. What becomes of a letter
 * in the outbox until it goes is outbox.ts.
 */
import { activityAgency, type ActivityRecord } from '../activity.ts';
import type { AssignmentRecord } from '../assignment.ts';
import type { Calendar } from '../calendar.ts';
import type { CaseRecord } from '../case.ts';
import { composeLetter, type LetterParties, unaddressedReason } from '../letters.ts';
import type { NotificationRecord } from '../notification.ts';
import type { SlaPolicy } from '../policy.ts';
import type { LadderLetterWrite } from '../ports.ts';
import { type Actor, newEventId, type TimelineEvent } from '../timeline.ts';
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
}): LadderLetterWrite {
  const { letter: event, assignment: a, now } = input;
  const step = input.policy.ladder.find((s) => s.name === event.step)!;
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
    },
  };
  // Its ids drawn after the step's: the timeline lists the proposal after the step.
  const proposal =
    event.action === 'central_intervention'
      ? proposedIntervention(a, input.parties.agency.name, event, now)
      : undefined;
  return { stepId: event.id, notification, event: stepEvent, ...(proposal ? { proposal } : {}) };
}

/**
 * Central intervention lands on central's calendar as a proposed clarification, and on the
 * case's timeline as `activity_proposed`. Written whatever the case's count of open activities
 * (`MAX_OPEN_ACTIVITIES` refuses central's plans, never a tick: see there why).
 */
function proposedIntervention(
  a: AssignmentRecord,
  agencyName: string,
  event: LadderLetter,
  now: Date,
): { activity: ActivityRecord; event: TimelineEvent } {
  const activity: ActivityRecord = {
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
    createdBy: 'escalation',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  return {
    activity,
    event: {
      id: newEventId(now),
      caseId: a.caseId,
      at: now.toISOString(),
      type: 'activity_proposed',
      actor: { system: 'escalation' },
      agencyId: activityAgency(activity),
      data: {
        activityId: activity.id,
        kind: activity.kind,
        scheduledAt: null,
        agencyIds: activity.agencyIds,
      },
    },
  };
}

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
