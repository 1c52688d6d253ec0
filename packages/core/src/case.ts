/**
 * A complaint (pengaduan) as the central unit holds it, and its lifecycle (DOMAIN.md):
 * received → verified | rejected | needs_info → forwarded → in_follow_up → resolved → closed;
 * resolved → reopened (the complainant is not satisfied) → forwarded again. What each reader
 * sees of it is in case-view.ts.
 */
import {
  answersRedirect as answers,
  type AssignmentRecord,
  awaitsReforward,
  isOpen,
  nextDueAt,
} from './assignment.ts';
import {
  addCalendarDays,
  type Calendar,
  computeDeadline,
  DEFAULT_TIME_ZONE,
  endOfLocalDay,
  localDate,
} from './calendar.ts';
import { invalidInput, invalidTransition } from './errors.ts';
import type { ComplaintType, SlaPolicy } from './policy.ts';
import type {
  CaseView,
  CloseInput,
  Complainant,
  CreateCaseInput,
  ExternalRef,
  RestateCaseInput,
  VerificationInput,
} from './schemas.ts';
import type { LetterRef } from './schemas/documents.ts';
import {
  CLOSED_SATISFIED_NOTE,
  CLOSED_UNANSWERED_NOTE,
  RESTATABLE,
  RESTATE_HIDDEN_EMAIL,
} from './case-notes.ts';

export type CaseStatus = CaseView['status'];

export interface CaseRecord {
  readonly id: string;
  readonly trackingCode: string;
  readonly status: CaseStatus;
  readonly statusHistory: readonly { status: CaseStatus; at: string }[];
  /**
   * How many statuses the case has been in, the first included: more than `statusHistory`
   * holds once it was trimmed (`MAX_STATUS_HISTORY`). Absent: as many as it holds.
   */
  readonly statusCount?: number;
  readonly channel: CaseView['channel'];
  readonly receivedAt: string;
  readonly subject: string;
  readonly description: string;
  /**
   * The complaint as the agencies read it, restated by central while verifying or after (an e-mail's
   * signature taken out when the identity is hidden); the complainant's own text, `description`,
   * then stays central's. Absent or null: the agencies read `description`.
   */
  readonly agencyDescription?: string | null;
  /** Null for an anonymous complaint (the public form, a LAPOR! import). */
  readonly complainant: Complainant | null;
  readonly identityHidden: boolean;
  readonly confidential: boolean;
  readonly respondent: string | null;
  readonly location: CaseView['location'];
  /**
   * An e-mail that came as bulk mail (a newsletter, a list's: `IncomingMail.bulk`), for central
   * to sort at a glance; absent on any other case, and on those registered before it was kept.
   */
  readonly bulkMail?: boolean;
  /** Its id in another system (unique per pair); absent on cases stored before it existed. */
  readonly externalRef?: ExternalRef | null;
  /** A case from a spreadsheet import: when it was imported, and its row key. */
  readonly imported?: { readonly at: string; readonly rowKey: string } | null;
  readonly classification: {
    type: ComplaintType;
    category: string | null;
    note: string | null;
  } | null;
  readonly verificationDueAt: string;
  /**
   * When its deadline to verify and forward was counted from, when not when it was received
   * (or imported): accepted after `needs_info`, from the acceptance.
   */
  readonly verificationFrom?: string;
  /**
   * The legal outer limit (Perpres 76/2013: calendar days from a complete file), set when the
   * case is accepted; absent on cases accepted before it was kept, and on those not accepted.
   */
  readonly legalLimitAt?: string | null;
  /** Agencies ever assigned (for the `agencyId` filter and agency read access). */
  readonly agencyIds: readonly string[];
  /** Soonest open deadline of the case or its assignments; `overdue` derives from it. */
  readonly nextDueAt: string | null;
  readonly closure: Closure | null;
  /** Open after the final answers came in: the complainant may reply until `closesAt`. */
  readonly replyWindow?: { readonly opensAt: string; readonly closesAt: string } | null;
  readonly replies?: readonly ComplainantReply[];
  /**
   * What central asked the complainant to send (set by needs_info, cleared by a decision), and
   * when the complainant's e-mail last answered it (`followUpMail`).
   */
  readonly infoRequest?: {
    readonly missing: string | null;
    readonly at: string;
    readonly answeredAt?: string;
  } | null;
  /**
   * Why central rejected it: `reason` in words the complainant reads on the tracking page,
   * `note` central's own. Absent on cases rejected before it was kept.
   */
  readonly rejection?: {
    readonly reason: string | null;
    readonly note: string | null;
    readonly at: string;
  } | null;
  /** Issue 15: the agenda number (absent on cases registered before it) and incoming letter. */
  readonly agendaNumber?: string | null;
  readonly letter?: LetterRef | null;
  /**
   * An e-mail complainant's receipt (`mail-receipt.ts`): written with the case, pending, to
   * the message's sender and in answer to it; `sentAt` once it went, `givenUpAt` once the
   * sweep stopped trying (still refused `RECEIPT_GIVE_UP_MS` on). Central's: no view shows it.
   */
  readonly mailReceipt?: {
    readonly to: string;
    readonly inReplyTo: string | null;
    readonly references: readonly string[];
    readonly sentAt: string | null;
    readonly givenUpAt?: string;
    /**
     * Until when the run that last claimed it may be sending it (`RECEIPT_CLAIM_MS` on): no
     * other sender sends it before. Written with the case by the intake that registers it;
     * absent on receipts written before claims were kept (unclaimed).
     */
    readonly claimedUntil?: string;
  } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** How a case was closed: its outcome, central's own note (or the API's, below), when, by whom. */
export interface Closure {
  readonly outcome: NonNullable<CaseView['closure']>['outcome'];
  readonly note: string | null;
  readonly at: string;
  /**
   * Who closed it: central (`close`), the complainant's "satisfied" (`reply`), or their reply
   * window ending in silence (`closeUnanswered`). Absent on cases closed before it was kept:
   * `closedBy` reads it from the note the API wrote then.
   */
  readonly by?: ClosedBy;
}
export type ClosedBy = 'central' | 'complainant' | 'reply_window';

/** Who closed the case (`Closure.by`; on one closed before it was kept, from its note). */
export const closedBy = (closure: Closure): ClosedBy =>
  closure.by ??
  (closure.note === CLOSED_SATISFIED_NOTE
    ? 'complainant'
    : closure.note === CLOSED_UNANSWERED_NOTE
      ? 'reply_window'
      : 'central');

/**
 * When the complainant, not satisfied, last reopened the case (the latest `reopened` in its
 * status history), if ever.
 */
export const reopenedAt = (c: Pick<CaseRecord, 'statusHistory'>): string | null =>
  c.statusHistory.findLast((s) => s.status === 'reopened')?.at ?? null;

/**
 * The case as it stood at `at`: its status then (its status history's latest entry by then),
 * its closure and its reply window only if they came by then. What an agency whose part in the
 * case ended at `at` reads of it (`partEndedAt`, `viewCase`): its timeline shows none of the
 * case's events after then, so its case does not say it was answered, reopened or closed since
 * either. A history trimmed past `at` (`MAX_STATUS_HISTORY` statuses since) no longer says
 * which status it was: `forwarded`, as it was when the agency had its part.
 */
export function caseAsOf(c: CaseRecord, at: string): CaseRecord {
  const history = c.statusHistory;
  const i = history.findLastIndex((s) => s.at <= at);
  const trimmed = statusCount(c) > history.length && history.length > 1;
  const status: CaseStatus =
    trimmed && i < 1 ? 'forwarded' : (history[Math.max(i, 0)]?.status ?? c.status);
  return {
    ...c,
    status,
    closure: c.closure && c.closure.at <= at ? c.closure : null,
    replyWindow: c.replyWindow && c.replyWindow.opensAt <= at ? c.replyWindow : null,
  };
}

const TERMINAL: readonly CaseStatus[] = ['rejected', 'closed'];

/**
 * What the case item keeps of its histories, so that it cannot outgrow DynamoDB's 400 KB
 * however often it is reopened and forwarded again (each change is also a timeline event of
 * its own): the first status and the latest ones, and the latest complainant replies.
 */
export const MAX_STATUS_HISTORY = 100;
export const MAX_REPLIES = 10;

/** How many statuses the case has been in (its history may hold fewer). */
export const statusCount = (c: CaseRecord): number => c.statusCount ?? c.statusHistory.length;

/** The status history with `entry` appended: its first entry (received) and the latest ones. */
const appendStatus = (
  history: CaseRecord['statusHistory'],
  entry: CaseRecord['statusHistory'][number],
): CaseRecord['statusHistory'] => {
  const next = [...history, entry];
  return next.length <= MAX_STATUS_HISTORY
    ? next
    : [next[0]!, ...next.slice(next.length - MAX_STATUS_HISTORY + 1)];
};

export interface ComplainantReply {
  readonly satisfied: boolean;
  readonly rating: number;
  readonly message: string | null;
  readonly at: string;
}

/** The case once its final answers are in: the complainant's reply window opens. */
export const openReplyWindow = (c: CaseRecord, now: Date, closesAt: Date): CaseRecord => ({
  ...c,
  replyWindow: { opensAt: now.toISOString(), closesAt: closesAt.toISOString() },
});

export const isReplyWindowOpen = (c: CaseRecord, now: Date): boolean =>
  c.status === 'resolved' && !!c.replyWindow && now.getTime() <= Date.parse(c.replyWindow.closesAt);

/**
 * The complainant's reply sent again (a phone that lost the answer, a double tap): the case's
 * last reply is this one, and the case is where that reply took it. Such a repeat is answered
 * with the case as it is, not refused as a reply with nothing left to reply to.
 */
export function repliedAlready(c: CaseRecord, input: Omit<ComplainantReply, 'at'>): boolean {
  const last = c.replies?.at(-1);
  return (
    last !== undefined &&
    last.satisfied === input.satisfied &&
    last.rating === input.rating &&
    (last.message ?? null) === (input.message ?? null) &&
    c.status === (input.satisfied ? 'closed' : 'reopened')
  );
}

/**
 * The complainant replies to the final answer: satisfied closes the case; not satisfied
 * reopens it to central (`reopened`: central may forward it again, to the same agencies
 * too). Only inside the window.
 */
export function reply(c: CaseRecord, input: Omit<ComplainantReply, 'at'>, now: Date): CaseRecord {
  if (c.status !== 'resolved' || !c.replyWindow) {
    throw invalidTransition('there is no final answer to reply to yet');
  }
  if (!isReplyWindowOpen(c, now)) {
    throw invalidTransition(`the reply window closed at ${c.replyWindow.closesAt}`);
  }
  // The latest few stay on the case; every reply is also a timeline event of its own.
  const replies = [...(c.replies ?? []), { ...input, at: now.toISOString() }].slice(-MAX_REPLIES);
  if (input.satisfied) {
    return withStatus(c, 'closed', now, {
      replies,
      replyWindow: null,
      nextDueAt: null,
      closure: {
        outcome: 'resolved',
        note: CLOSED_SATISFIED_NOTE,
        at: now.toISOString(),
        by: 'complainant',
      },
    });
  }
  return withStatus(c, 'reopened', now, { replies, replyWindow: null });
}

/** The window ended in silence: the case closes as resolved. */
export function closeUnanswered(c: CaseRecord, now: Date): CaseRecord {
  return withStatus(c, 'closed', now, {
    replyWindow: null,
    nextDueAt: null,
    closure: {
      outcome: 'resolved',
      note: CLOSED_UNANSWERED_NOTE,
      at: now.toISOString(),
      by: 'reply_window',
    },
  });
}

/**
 * What every channel registers: the officer's form, and the channels without one (public
 * form, e-mail, import), where the complainant may be anonymous (null).
 */
export type Registration = Omit<CreateCaseInput, 'complainant'> & {
  readonly complainant: Complainant | null;
};

/**
 * The number a case goes by in what people read (letters, PDFs, the receipt): its agenda number,
 * or its id for a case registered before agenda numbers existed.
 */
export const agendaOf = (c: Pick<CaseRecord, 'id' | 'agendaNumber'>): string =>
  c.agendaNumber ?? c.id;

export function newCase(input: {
  id: string;
  trackingCode: string;
  body: Registration;
  now: Date;
  verificationDueAt: Date;
  imported?: { readonly rowKey: string } | undefined;
  agendaNumber?: string | null;
}): CaseRecord {
  const { body, now } = input;
  const at = now.toISOString();
  const receivedAt = body.receivedAt ? new Date(body.receivedAt).toISOString() : at;
  const verificationDueAt = input.verificationDueAt.toISOString();
  return {
    id: input.id,
    trackingCode: input.trackingCode,
    status: 'received',
    statusHistory: [{ status: 'received', at: receivedAt }],
    channel: body.channel,
    receivedAt,
    subject: body.subject,
    description: body.description,
    complainant: body.complainant,
    identityHidden: body.identityHidden ?? false,
    confidential: body.confidential ?? false,
    respondent: body.respondent ?? null,
    location: body.location ?? null,
    externalRef: body.externalRef ?? null,
    imported: input.imported ? { at, rowKey: input.imported.rowKey } : null,
    classification: null,
    verificationDueAt,
    agencyIds: [],
    nextDueAt: verificationDueAt,
    closure: null,
    agendaNumber: input.agendaNumber ?? null,
    letter: body.letter ?? null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const withStatus = (
  c: CaseRecord,
  status: CaseStatus,
  now: Date,
  patch: Partial<CaseRecord> = {},
): CaseRecord => {
  const at = now.toISOString();
  return {
    ...c,
    ...patch,
    status,
    ...(c.status === status
      ? {}
      : {
          statusHistory: appendStatus(c.statusHistory, { status, at }),
          statusCount: statusCount(c) + 1,
        }),
    updatedAt: at,
    version: c.version + 1,
  };
};

/**
 * The same verification sent again (an answer lost on the way): the case is where that
 * decision took it, with the same classification and subject. Answered with the case as it
 * is, not refused as a case that cannot be verified any more. Asking for information again
 * records the latest request, unless it is the request standing (the same `missing`, subject
 * and restatement): that one keeps its date, the one the complainant was told.
 */
export function verifiedAlready(c: CaseRecord, input: VerificationInput): boolean {
  if (input.subject !== undefined && input.subject !== c.subject) return false;
  if (input.identityHidden && !c.identityHidden) return false;
  // A restatement that differs is a correction, not the same request: refused (409) once the
  // case is past verifying, never answered 200 while the agencies keep reading the first.
  if (input.description !== undefined && input.description !== c.agencyDescription) return false;
  if (input.decision === 'reject')
    return (
      c.status === 'rejected' &&
      // Rejected before the reason was kept: nothing to compare.
      (!c.rejection ||
        (c.rejection.reason === (input.reason ?? null) &&
          c.rejection.note === (input.note ?? null)))
    );
  if (input.decision === 'needs_info')
    return c.status === 'needs_info' && c.infoRequest?.missing === (input.missing ?? null);
  const kept = c.classification;
  if (input.decision !== 'accept' || c.status !== 'verified' || kept === null) return false;
  return (
    kept.type === input.type &&
    kept.category === (input.category ?? null) &&
    kept.note === (input.note ?? null)
  );
}

/**
 * Central's verification decision on a received (or info-awaiting) complaint. `restartedDue`:
 * the deadline to forward counted anew from now, for a complaint accepted once the complainant
 * sent what was asked (its verification clock stood while it waited).
 */
export function verify(
  c: CaseRecord,
  input: VerificationInput,
  now: Date,
  limits: { readonly restartedDue?: Date; readonly legalLimitDays: number },
): CaseRecord {
  const { restartedDue, legalLimitDays } = limits;
  if (c.status !== 'received' && c.status !== 'needs_info') {
    throw invalidTransition(`a case that is ${c.status} cannot be verified`);
  }
  // Central may restate the subject as it reads the complaint (search follows it), restate the
  // complaint for the agencies, and keep the complainant's identity from them when they asked.
  const restated = {
    ...(input.subject === undefined ? {} : { subject: input.subject }),
    ...(input.description === undefined ? {} : { agencyDescription: input.description }),
    ...(input.identityHidden ? { identityHidden: true } : {}),
  };
  if (input.decision === 'accept') {
    // An e-mail's text is the whole mail, its signature (name, phone) included: agencies read it
    // only as central restates it once the identity is hidden.
    const hidden = c.identityHidden || input.identityHidden === true;
    if (hidden && c.channel === 'email' && !(input.description ?? c.agencyDescription))
      throw invalidInput('description', RESTATE_HIDDEN_EMAIL);
    const restarted = c.status === 'needs_info' && restartedDue !== undefined;
    const due = restarted ? restartedDue.toISOString() : c.verificationDueAt;
    // The file is complete as received (an imported letter: as the register received it, not
    // when it was imported), or once the complainant sent what was missing.
    const complete = restarted ? now.toISOString() : c.receivedAt;
    return withStatus(c, 'verified', now, {
      ...restated,
      ...(restarted ? { verificationFrom: now.toISOString() } : {}),
      verificationDueAt: due,
      legalLimitAt: legalLimit(complete, legalLimitDays),
      classification: {
        type: input.type!,
        category: input.category ?? null,
        note: input.note ?? null,
      },
      // Its deadline is to verify *and forward* (DOMAIN.md): it stands until the first forward.
      nextDueAt: due,
      infoRequest: null,
    });
  }
  if (input.decision === 'reject')
    return withStatus(c, 'rejected', now, {
      ...restated,
      nextDueAt: null,
      infoRequest: null,
      rejection: { reason: input.reason ?? null, note: input.note ?? null, at: now.toISOString() },
    });
  // needs_info pauses the verification clock while the complainant is asked; what they are
  // asked for is shown to them on the tracking page (asked again: the latest request).
  return withStatus(c, 'needs_info', now, {
    ...restated,
    nextDueAt: null,
    infoRequest: { missing: input.missing ?? null, at: now.toISOString() },
  });
}

/**
 * The case once a follow-up e-mail of its complainant joined it: central's desk lists a case
 * waiting for information as answered (until central decides, or asks again).
 */
export const followUpMail = (c: CaseRecord, now: Date): CaseRecord => ({
  ...c,
  ...(c.status === 'needs_info' && c.infoRequest
    ? { infoRequest: { ...c.infoRequest, answeredAt: now.toISOString() } }
    : {}),
  updatedAt: now.toISOString(),
});

/**
 * Whether the case reads already as the restatement asks: the same sent again (its answer
 * lost), or what another officer restated alike. Answered as it is, and nothing is written.
 */
export const restatedAlready = (c: CaseRecord, input: RestateCaseInput): boolean =>
  (input.subject === undefined || input.subject === c.subject) &&
  (input.agencyDescription === undefined || input.agencyDescription === c.agencyDescription);

/**
 * Central restates a verified case for the agencies: its subject (what the register, the
 * letters and search show) and the complaint as they read it from now on. Letters written
 * before keep the text they were written with: they are the record of what was sent.
 */
export function restate(c: CaseRecord, input: RestateCaseInput, now: Date): CaseRecord {
  if (!RESTATABLE.includes(c.status))
    throw invalidTransition(
      c.status === 'rejected'
        ? 'a rejected case is read by no agency: there is nothing to restate'
        : `a case that is ${c.status} is restated while it is verified (POST …/verification)`,
    );
  return {
    ...c,
    ...(input.subject === undefined ? {} : { subject: input.subject }),
    ...(input.agencyDescription === undefined
      ? {}
      : { agencyDescription: input.agencyDescription }),
    updatedAt: now.toISOString(),
  };
}

/** The end (WIB) of the calendar day `days` after the local day of `from`. */
export const legalLimit = (from: string, days: number): string =>
  endOfLocalDay(
    addCalendarDays(localDate(new Date(from), DEFAULT_TIME_ZONE), days),
    DEFAULT_TIME_ZONE,
  ).toISOString();

/** Whether an open case is past its legal outer limit (resolved or ended: no longer running). */
export const isPastLegalLimit = (c: CaseRecord, now: Date): boolean =>
  !!c.legalLimitAt &&
  !['resolved', 'closed', 'rejected'].includes(c.status) &&
  Date.parse(c.legalLimitAt) < now.getTime();

/**
 * The case's own deadlines counted again on `calendar` and `policy` (a holiday added or removed,
 * a policy edited): the deadline to verify and forward, while it runs (received, verified and
 * not yet forwarded), and the complainant's reply window, while open, only ever later (the
 * complainant keeps the days they were told of). Undefined when neither moved.
 */
export function withCaseDeadlines(
  c: CaseRecord,
  calendar: Calendar,
  policy: Pick<SlaPolicy, 'verificationWorkingDays' | 'replyWindowWorkingDays'>,
  now: Date,
): CaseRecord | undefined {
  const counted = (from: string, days: number) =>
    computeDeadline(calendar, new Date(from), days, DEFAULT_TIME_ZONE).dueAt.toISOString();
  if (c.status === 'received' || c.status === 'verified') {
    const from = c.verificationFrom ?? c.imported?.at ?? c.receivedAt;
    const due = counted(from, policy.verificationWorkingDays);
    return due === c.verificationDueAt
      ? undefined
      : { ...c, verificationDueAt: due, nextDueAt: due, updatedAt: now.toISOString() };
  }
  if (c.replyWindow && isReplyWindowOpen(c, now)) {
    // Never earlier than the complainant was told: a window announced is not shortened.
    const recounted = counted(c.replyWindow.opensAt, policy.replyWindowWorkingDays);
    const closesAt = recounted > c.replyWindow.closesAt ? recounted : c.replyWindow.closesAt;
    return closesAt === c.replyWindow.closesAt
      ? undefined
      : { ...c, replyWindow: { ...c.replyWindow, closesAt }, updatedAt: now.toISOString() };
  }
  return undefined;
}

/** The case once central has forwarded it to at least one agency (again, when reopened). */
export const markForwarded = (c: CaseRecord, now: Date): CaseRecord =>
  c.status === 'verified' || c.status === 'reopened' ? withStatus(c, 'forwarded', now) : c;

/** Cases central may forward (again). */
export const FORWARDABLE: readonly CaseStatus[] = [
  'verified',
  'forwarded',
  'in_follow_up',
  'reopened',
];

export function assertForwardable(c: CaseRecord): void {
  if (!FORWARDABLE.includes(c.status)) {
    throw invalidTransition(`a case that is ${c.status} cannot be forwarded`);
  }
}

/** Assignments an agency still holds: open, or completed (withdrawn and redirected are not). */
const liveAssignments = (assignments: readonly AssignmentRecord[]): AssignmentRecord[] =>
  assignments.filter((a) => a.state !== 'redirected' && a.state !== 'withdrawn');

/**
 * Whether no agency has the case any more: every assignment withdrawn, or redirected with no
 * re-forward awaited (settled, or answered by one since withdrawn). Such a case is not forwarded
 * (DOMAIN.md: forwarded means at least one agency on it) and would be on no list: it goes back
 * to central to forward (`reconcile`). A redirect without its details (none is written so) is
 * taken as awaiting, as central's "awaiting re-forward" list takes it.
 */
export const noAgencyLeft = (assignments: readonly AssignmentRecord[]): boolean =>
  assignments.length > 0 &&
  liveAssignments(assignments).length === 0 &&
  awaitingReforward(assignments).length === 0 &&
  assignments.every((a) => a.state !== 'redirected' || a.redirect !== null);

/**
 * The case after its assignments changed: status follows what agencies did, and the case's
 * soonest deadline follows theirs. A case no agency has any more (`noAgencyLeft`: its only
 * assignment withdrawn) is verified again, on central's "to forward" list, its deadline to
 * forward (from receipt) its soonest again.
 */
export function reconcile(
  c: CaseRecord,
  assignments: readonly AssignmentRecord[],
  now: Date,
): CaseRecord {
  const agencyIds = [...new Set([...c.agencyIds, ...assignments.map((a) => a.agencyId)])].sort();
  const dues = assignments.map(nextDueAt).filter((d): d is string => d !== null);
  const nextDue = dues.length === 0 ? null : dues.sort()[0]!;
  let status = c.status;
  if (
    ['verified', 'forwarded', 'in_follow_up', 'resolved'].includes(c.status) &&
    assignments.length > 0
  ) {
    const live = liveAssignments(assignments);
    if (noAgencyLeft(assignments))
      return withStatus(c, 'verified', now, { agencyIds, nextDueAt: c.verificationDueAt });
    if (
      live.length > 0 &&
      live.every((a) => a.state === 'completed') &&
      awaitingReforward(assignments).length === 0
    ) {
      status = 'resolved';
    } else if (assignments.some((a) => a.met.followUp !== null && isOpenOrDone(a)))
      status = 'in_follow_up';
    else status = 'forwarded';
  }
  return withStatus(c, status, now, { agencyIds, nextDueAt: nextDue });
}

const isOpenOrDone = (a: AssignmentRecord): boolean => isOpen(a) || a.state === 'completed';

/**
 * The redirected assignments still awaiting central's re-forward: a redirect ("not ours") hands
 * the case back to central to forward elsewhere, and until central forwards it again (to
 * anyone) the case is not resolved, whatever the other agencies did. Which forwarding answers a
 * redirect: `awaitsReforward` (assignment.ts), the rule `settleRedirect` refuses by too. One
 * central settled without a re-forward (`settleRedirect`) awaits nothing.
 */
export const awaitingReforward = (all: readonly AssignmentRecord[]): AssignmentRecord[] =>
  all.filter((a) => awaitsReforward(a, all));

/**
 * Redirects a later forwarding answered (`awaitingReforward` no longer counts them) whose record
 * does not say so: no `reforwardedAt`, which central's list of those awaiting a re-forward reads
 * (it cannot see the case's other assignments). Before 3b1ef37 a forwarding marked nothing on
 * the redirects it answered. Each with the instant it was answered: the earliest answering
 * forwarding's `forwardedAt`, as a forwarding today marks it.
 */
export const unmarkedAnsweredRedirects = (
  all: readonly AssignmentRecord[],
): { readonly redirect: AssignmentRecord; readonly answeredAt: string }[] =>
  all.flatMap((a) => {
    if (a.state !== 'redirected' || a.redirect === null || a.redirectSettled || a.reforwardedAt)
      return [];
    const at = all
      .filter((b) => answers(b, a))
      .map((b) => b.forwardedAt)
      .sort()[0];
    return at === undefined ? [] : [{ redirect: a, answeredAt: at }];
  });

/**
 * When the part in the case of an agency reading as `agencies` ended without its doing the
 * work: every assignment it reads withdrawn by central, or redirected ("not ours") and settled
 * (forwarded again elsewhere, or settled by central without a re-forward). The latest such
 * instant. Null while one of them is open, completed (the agency did the work: it keeps what it
 * read), or redirected still awaiting central's re-forward, and when it reads none. DOMAIN.md
 * (Confidentiality): the identity goes to agencies so they can act on the complaint. An agency
 * whose part ended reads the case as a hidden identity's and nothing of it after that instant;
 * forwarded to again (a new generation, open), it reads it as before. `closure`: the case's,
 * when read (`endedWithClose`: a part central's close ended ends with it).
 */
export function partEndedAt(
  all: readonly AssignmentRecord[],
  agencies: ReadonlySet<string>,
  closure?: Closure | null,
): string | null {
  const mine = all.filter((a) => agencies.has(a.agencyId));
  const awaiting = mine.some((a) => a.state === 'redirected') ? awaitingReforward(all) : [];
  let ended: string | null = null;
  for (const a of mine) {
    const at =
      a.state === 'withdrawn'
        ? (a.withdrawnAt ?? a.updatedAt)
        : a.state === 'redirected' && !awaiting.includes(a)
          ? (a.reforwardedAt ?? a.redirectSettled?.at ?? a.updatedAt)
          : null;
    if (at === null) return null;
    const end = endedWithClose(a, at, closure);
    if (ended === null || end > ended) ended = end;
  }
  return ended;
}

/**
 * When the part of assignment `a`, ended at `at`, ended as its agency reads the case: a part
 * central's close ended (`endedByClose`) ends with the close (`closure`, once the case is
 * closed): a close of more assignments than one transaction holds withdraws them in runs, and
 * one interrupted and tried again closes the case later than it withdrew the first ones, whose
 * agencies read the close all the same, as the others it withdrew do.
 */
export const endedWithClose = (
  a: Pick<AssignmentRecord, 'endedByClose'>,
  at: string,
  closure: Closure | null | undefined,
): string =>
  a.endedByClose && closure && closedBy(closure) === 'central' && closure.at > at ? closure.at : at;

/** The same close sent again: the case is closed, with that outcome and note. */
export const closedAlready = (c: CaseRecord, input: CloseInput): boolean =>
  c.status === 'closed' &&
  c.closure?.outcome === input.outcome &&
  c.closure.note === (input.note ?? null);

/** Central closes the case; open assignments are withdrawn by the caller. */
export function close(c: CaseRecord, input: CloseInput, now: Date): CaseRecord {
  if (TERMINAL.includes(c.status))
    throw invalidTransition(`a case that is ${c.status} cannot be closed`);
  return withStatus(c, 'closed', now, {
    closure: {
      outcome: input.outcome,
      note: input.note ?? null,
      at: now.toISOString(),
      by: 'central',
    },
    nextDueAt: null,
  });
}

export const isCaseOverdue = (c: CaseRecord, now: Date): boolean =>
  c.nextDueAt !== null && Date.parse(c.nextDueAt) < now.getTime();

/**
 * Whether a letter dated `date` (YYYY-MM-DD) is dated after the day it was received: the day of
 * receipt taken in WIT, the easternmost zone (its day is the latest), so no letter from any zone
 * received early on its own date is refused.
 */
export const letterAfterReceipt = (date: string, receivedAt: Date): boolean =>
  date > localDate(receivedAt, 'Asia/Jayapura');
