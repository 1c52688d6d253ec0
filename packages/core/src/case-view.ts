/**
 * What each reader sees of a case: central all of it; an agency its own part, without the
 * complainant's credential or a hidden identity; the complainant, on the public tracking page,
 * its status, steps and the agencies' answers (a confidential report: its status only).
 * The case itself and its lifecycle are in case.ts.
 */
import { type AssignmentRecord, isOpen, isTargetOverdue, viewAssignment } from './assignment.ts';
import { extendedDueAt } from './assignment-clock.ts';
import type { Calendar } from './calendar.ts';
import {
  activityAsReadBy,
  activityHeldWith,
  type ActivityRecord,
  CASE_CLOSED_ACTIVITIES,
  isActivityOpen,
  viewActivity,
} from './activity.ts';
import {
  caseAsOf,
  type CaseRecord,
  type CaseStatus,
  closedBy,
  type ClosedBy,
  type Closure,
  endedWithClose,
  isCaseOverdue,
  isPastLegalLimit,
  isReplyWindowOpen,
  partEndedAt,
  reopenedAt,
  statusCount,
} from './case.ts';
import { awaitsDecision, type ExtensionRequestRecord } from './extension.ts';
import type { LadderRecord } from './notification.ts';
import { TARGETS } from './policy.ts';
import type { CaseNotice, CaseNoticeCode, CaseView, TrackingAnswer } from './schemas.ts';
import type { Reader } from './tenancy.ts';

/** What an agency reads in place of an e-mail's own text that central has not restated. */
export const DESCRIPTION_WITHHELD =
  'Uraian pengaduan ini belum dirumuskan ulang oleh Asdep Pengaduan Masyarakat untuk instansi: ' +
  'identitas pengadu dirahasiakan, dan teks surelnya memuat tanda tangan pengirim. Mintalah ' +
  'uraiannya kepada Asdep Pengaduan Masyarakat.';

/**
 * The complaint as the agencies read it (their case view, the forwarding letter, their
 * search): as central restated it; the complainant's own text otherwise, except an e-mail's
 * whose identity is hidden (its signature names the sender), which is withheld until central
 * restates it (one accepted before a restatement was required).
 */
export const descriptionForAgencies = (
  c: Pick<CaseRecord, 'description' | 'agencyDescription' | 'identityHidden' | 'channel'>,
): string =>
  c.agencyDescription ??
  (c.identityHidden && c.channel === 'email' ? DESCRIPTION_WITHHELD : c.description);

import type { TimelineEvent } from './timeline.ts';

/**
 * The case as a reader may see it. Central sees everything. An agency sees only its own
 * assignments (and its member units'), nothing of another agency's (not even whether it is
 * late), no central notes, no import row key, no complainant when the identity is
 * hidden (UU 25/2009 art. 42) or its part in the case ended without its doing the work
 * (`Reader.endedAt`: then none of its activities either, and the case's status, closure and
 * reply window as they stood then, `caseAsOf`), and never the tracking code: it is
 * the complainant's credential (whoever holds it may reply as them and close the case, grading
 * the agency's own answer).
 * With what is still to act on, from the case's own records (not its timeline, which a case sent
 * to sixty agencies makes long): the extension requests awaiting a decision and its activities.
 * A list of cases passes none of them (the case is read for those): to an agency, a case
 * in it is then not overdue (its `overdue` is of its own assignments, never another agency's).
 */
export function viewCase(
  c: CaseRecord,
  assignments: readonly AssignmentRecord[],
  now: Date,
  reader: Reader,
  ladders: readonly LadderRecord[] = [],
  activities: readonly ActivityRecord[] = [],
  extensions: readonly ExtensionRequestRecord[] = [],
  /**
   * The calendars of the assignments with a request awaiting a decision, by id: where approving
   * it would put their deadline (`proposedDueAt`). Without its calendar, a request's is null.
   */
  calendars: ReadonlyMap<string, Calendar> = new Map(),
): CaseView {
  const visible = reader.central
    ? assignments
    : assignments.filter((a) => reader.agencies.has(a.agencyId));
  // An agency whose part ended reads none (`Reader.endedAt`): a report written since may name
  // the complainant ("Pengadu … hadir"), as their files, which it no longer reads, may.
  const readable = reader.central
    ? activities
    : reader.endedAt
      ? []
      : activities
          .filter((a) => activityHeldWith(a, reader.agencies))
          // A ladder proposal several silent agencies joined names only the reader's own.
          .map((a) => activityAsReadBy(a, reader.agencies));
  const shown = caseActivities(readable);
  // An agency whose part ended without its doing the work reads it as a hidden identity's
  // (`partEndedAt`): what it was given the identity for is over.
  const withheld = !reader.central && (c.identityHidden || Boolean(reader.endedAt));
  // And as it stood then (`caseAsOf`): its status, closure and reply window, as its timeline
  // shows none of the case's events since (the answers, a reopening, a close).
  const endedAt = reader.central ? null : (reader.endedAt ?? null);
  const asRead = endedAt ? caseAsOf(c, endedAt) : c;
  return {
    id: c.id,
    ...(reader.central ? { trackingCode: c.trackingCode } : {}),
    status: asRead.status,
    agendaNumber: c.agendaNumber ?? null,
    letter: withheld ? null : (c.letter ?? null),
    channel: c.channel,
    receivedAt: c.receivedAt,
    subject: c.subject,
    description: reader.central
      ? c.description
      : descriptionForAgencies({ ...c, identityHidden: withheld }),
    agencyDescription: reader.central ? (c.agencyDescription ?? null) : null,
    complainant: withheld ? null : c.complainant,
    identityHidden: c.identityHidden,
    confidential: c.confidential,
    // Central's, to sort its inbox: an agency reads a case central verified and forwarded.
    bulkMail: reader.central && c.bulkMail === true,
    respondent: c.respondent,
    location: c.location,
    externalRef: c.externalRef ?? null,
    // The row key holds the sender's name and the subject as the register wrote it, before
    // central restated it (to take a name out): central's, as the subject it came in with is.
    imported: c.imported ? (reader.central ? c.imported : { at: c.imported.at }) : null,
    classification:
      c.classification && !reader.central ? { ...c.classification, note: null } : c.classification,
    assignments: visible.map((a) => ({
      ...viewAssignment(
        a,
        now,
        reader,
        ladders.find((l) => l.agencyId === a.agencyId),
      ),
      caseNotice: caseNoticeFor(c, a, assignments),
    })),
    agencyIds: reader.central
      ? [...c.agencyIds]
      : c.agencyIds.filter((id) => reader.agencies.has(id)),
    // An agency's: of the activities it is in (another agency's clarification is not its to know).
    underMonitoring: readable.some(isActivityOpen),
    verificationDueAt: c.verificationDueAt,
    legalLimit: c.legalLimitAt
      ? { at: c.legalLimitAt, passed: isPastLegalLimit(asRead, endedAt ? new Date(endedAt) : now) }
      : null,
    replyWindowClosesAt: isReplyWindowOpen(asRead, now) ? asRead.replyWindow!.closesAt : null,
    // An agency's: of its own assignments (the case's soonest deadline may be another's).
    overdue: reader.central
      ? isCaseOverdue(c, now)
      : visible.some((a) => TARGETS.some((t) => isTargetOverdue(a, t, now))),
    // The outcome is the agency's to know; the note is central's (why, in its own words). Who
    // closed it each assignment's `caseNotice` says (the agency: as far as it may know).
    closure: asRead.closure && {
      outcome: asRead.closure.outcome,
      note: reader.central ? asRead.closure.note : null,
      at: asRead.closure.at,
    },
    infoRequest: reader.central ? infoRequestOf(c) : null,
    rejection: reader.central && c.status === 'rejected' ? (c.rejection ?? null) : null,
    extensionRequests: extensions
      .filter((x) => awaitsDecision(x, visible))
      .sort((x, y) => x.requestedAt.localeCompare(y.requestedAt))
      .map((x) => {
        const a = visible.find((y) => y.agencyId === x.agencyId)!;
        const calendar = calendars.get(a.calendarId);
        return {
          id: x.id,
          agencyId: x.agencyId,
          workingDays: x.workingDays,
          reason: x.reason,
          requestedAt: x.requestedAt,
          proposedDueAt: calendar ? extendedDueAt(a, x.workingDays, calendar, now) : null,
        };
      }),
    activities: shown.items.map((a) => viewActivity(a, now, c.subject)),
    earlierActivities: shown.earlier,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

const CLOSED: Record<ClosedBy, CaseNoticeCode> = {
  central: 'closed_by_central',
  complainant: 'closed_satisfied',
  reply_window: 'closed_unanswered',
};

/**
 * How the case ended or went on, as the agency of assignment `a` may know it (`CaseNotice`):
 * closed (by whom, when, how: never central's note), or reopened by the complainant, not
 * satisfied (the latest reopening, until the case closes). Nothing that came after its part
 * ended without its doing the work (`partEndedAt`: withdrawn, or redirected and settled), as it
 * reads none of the case's events after then; a part the close ended ends with it
 * (`endedWithClose`: the close's own withdrawals, in however many tries), so said. `all`: the case's assignments, when read; without them (a queue's row,
 * read without its case's others) a redirect's part ends by its own marks (re-forwarded,
 * settled), one with neither is taken as still awaiting.
 */
export function caseNoticeFor(
  c: Pick<CaseRecord, 'status' | 'closure' | 'statusHistory'>,
  a: AssignmentRecord,
  all?: readonly AssignmentRecord[],
): CaseNotice | null {
  const ended = all
    ? partEndedAt(all, new Set([a.agencyId]), c.closure)
    : ownPartEndedAt(a, c.closure);
  const known = (at: string) => ended === null || at <= ended;
  if (c.status === 'closed' && c.closure) {
    const { at, outcome } = c.closure;
    return known(at) ? { code: CLOSED[closedBy(c.closure)], at, outcome } : null;
  }
  const reopened = reopenedAt(c);
  return reopened !== null && known(reopened)
    ? { code: 'reopened_unsatisfied', at: reopened, outcome: null }
    : null;
}

/** `partEndedAt` of one assignment read alone (`caseNoticeFor`). */
function ownPartEndedAt(a: AssignmentRecord, closure: Closure | null): string | null {
  const at =
    a.state === 'withdrawn'
      ? (a.withdrawnAt ?? a.updatedAt)
      : a.state === 'redirected'
        ? (a.reforwardedAt ?? a.redirectSettled?.at ?? null)
        : null;
  return at === null ? null : endedWithClose(a, at, closure);
}

/**
 * The activities a case's view lists, oldest first: every open one, and the latest
 * `CASE_CLOSED_ACTIVITIES` reported or cancelled (`earlier`: there are more).
 */
function caseActivities(activities: readonly ActivityRecord[]): {
  items: ActivityRecord[];
  earlier: boolean;
} {
  const closed = activities
    .filter((a) => !isActivityOpen(a))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
  const kept = new Set(closed.slice(0, CASE_CLOSED_ACTIVITIES));
  return {
    items: activities
      .filter((a) => isActivityOpen(a) || kept.has(a))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    earlier: closed.length > CASE_CLOSED_ACTIVITIES,
  };
}

/** What the complainant is asked for, while the case waits for it. */
const infoRequestOf = (c: CaseRecord) =>
  c.status === 'needs_info' && c.infoRequest
    ? {
        missing: c.infoRequest.missing,
        requestedAt: c.infoRequest.at,
        ...(c.infoRequest.answeredAt ? { answeredAt: c.infoRequest.answeredAt } : {}),
      }
    : null;

const STEP_LABELS: Record<CaseStatus, string> = {
  received: 'Pengaduan diterima',
  needs_info: 'Menunggu kelengkapan informasi dari pengadu',
  verified: 'Pengaduan telah diverifikasi',
  rejected: 'Pengaduan tidak dapat ditindaklanjuti',
  forwarded: 'Pengaduan diteruskan kepada instansi terkait',
  in_follow_up: 'Instansi terkait sedang menindaklanjuti',
  resolved: 'Tindak lanjut instansi telah selesai',
  reopened: 'Pengadu belum puas; pengaduan dibuka kembali',
  closed: 'Pengaduan ditutup',
};

/**
 * The agencies' answers as the complainant reads them, oldest first: the progress and final
 * texts from the timeline, each by its agency's name and date. Nothing else of the event
 * (who wrote it, the agency's id) leaves: the tracking page is public to whoever has the code.
 */
export function answersFrom(
  events: readonly TimelineEvent[],
  agencyName: (agencyId: string) => string,
): TrackingAnswer[] {
  return events.flatMap((e) => {
    const { kind, message } = e.data;
    if (e.type !== 'response_submitted' || e.agencyId === null) return [];
    if ((kind !== 'progress' && kind !== 'final') || typeof message !== 'string') return [];
    return [{ agencyName: agencyName(e.agencyId), kind, message, at: e.at }];
  });
}

/**
 * The answers the public tracking page shows, the latest first chosen: at 20,000 characters
 * each, 30 are at most about 1.8 MB of the response (6 MB on Lambda).
 */
export const TRACKING_ANSWERS = 30;

/**
 * What the public tracking page shows: status steps, the agencies' answers, what central
 * asks the complainant to send; never identity. A confidential report: its status only.
 */
export function viewTracking(
  c: CaseRecord,
  now: Date,
  extra: {
    answers?: readonly TrackingAnswer[];
    /** The case has answers older than those given (`TRACKING_ANSWERS`). */
    earlierAnswers?: boolean;
    sendTo?: { readonly name: string; readonly email: string } | null;
    /** The unit's postal address (its letterhead), for what is asked to come by letter. */
    postalAddress?: string;
    /** What agencies waiting for the complainant ask of them (their clocks paused). */
    agencyRequests?: readonly AgencyRequest[];
    /** By when the agencies still owing their final answer are due to give it (`answersDueBy`). */
    answersDueBy?: string | null;
  } = {},
) {
  const asked = infoRequestOf(c);
  return {
    trackingCode: c.trackingCode,
    status: c.status,
    receivedAt: c.receivedAt,
    updatedAt: c.updatedAt,
    replyWindowClosesAt: isReplyWindowOpen(c, now) ? c.replyWindow!.closesAt : null,
    // What the receipt said; once decided, the page says what comes next instead.
    verificationDueAt: c.status === 'received' && !c.confidential ? c.verificationDueAt : null,
    // A confidential report: its status only, so no date either (as `verificationDueAt`).
    answersDueBy: c.confidential ? null : (extra.answersDueBy ?? null),
    steps: c.confidential
      ? []
      : c.statusHistory.map((s) => ({ status: s.status, at: s.at, label: STEP_LABELS[s.status] })),
    // The history keeps the first status and the latest ones: those between are left out.
    earlierSteps: !c.confidential && statusCount(c) > c.statusHistory.length,
    answers: c.confidential ? [] : [...(extra.answers ?? [])],
    earlierAnswers: !c.confidential && (extra.earlierAnswers ?? false),
    // A confidential report: its status only (API.md), so not how it was settled either.
    outcome: c.confidential ? null : (c.closure?.outcome ?? null),
    confidential: c.confidential,
    infoRequest: asked && {
      missing: c.confidential ? null : asked.missing,
      requestedAt: asked.requestedAt,
      sendTo: extra.sendTo ? { name: extra.sendTo.name, email: extra.sendTo.email } : null,
      postalAddress: extra.postalAddress ?? null,
      // What to quote in the mail or letter: never the tracking code, the complainant's
      // credential, which an e-mail would carry in the clear to a mailbox (and, sent to the
      // intake address, into a case the agencies read).
      reference: c.agendaNumber ?? null,
    },
    // A confidential report: its status only, so not why it was rejected either.
    rejection:
      c.status === 'rejected'
        ? { reason: c.confidential ? null : (c.rejection?.reason ?? null) }
        : null,
    contact: extra.sendTo ? { name: extra.sendTo.name, email: extra.sendTo.email } : null,
    // Sent through central (which holds who complained), as what central asks for is.
    agencyRequests:
      !c.confidential && extra.agencyRequests?.length
        ? {
            items: [...extra.agencyRequests],
            sendTo: extra.sendTo ? { name: extra.sendTo.name, email: extra.sendTo.email } : null,
            postalAddress: extra.postalAddress ?? null,
            reference: c.agendaNumber ?? null,
          }
        : null,
  };
}

/**
 * By when the agencies still owing their final answer are due to give it: the latest
 * resolution deadline of the open assignments (the complaint is answered once all have
 * answered), as each holds it now, so an approved extension moves it. Null when none is open,
 * and while any of their clocks is paused: no deadline runs until it resumes, and a date that
 * will move is not one to give the complainant.
 */
export function answersDueBy(assignments: readonly AssignmentRecord[]): string | null {
  const owing = assignments.filter((a) => isOpen(a) && a.met.resolution === null);
  if (owing.length === 0 || owing.some((a) => a.paused)) return null;
  return owing.map((a) => a.due.resolution).reduce((x, y) => (y > x ? y : x));
}

/** An agency's request of the complainant, as their tracking page shows it. */
export interface AgencyRequest {
  readonly agencyName: string;
  readonly asked: string;
  readonly askedAt: string;
}

/**
 * The open assignments whose clock stands waiting for the complainant to send what it asks
 * (`Pause.asked`), oldest request first; a pause for the agency's own reasons is not listed.
 */
export function agencyRequestsOf(
  assignments: readonly AssignmentRecord[],
): { agencyId: string; asked: string; askedAt: string }[] {
  return assignments
    .flatMap((a) => {
      const current = isOpen(a) && a.paused ? a.pauses?.at(-1) : undefined;
      return current?.asked && current.to === null
        ? [{ agencyId: a.agencyId, asked: current.asked, askedAt: current.from }]
        : [];
    })
    .sort((x, y) => x.askedAt.localeCompare(y.askedAt));
}
