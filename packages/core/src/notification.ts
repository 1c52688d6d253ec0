/** The engine's records: an assignment's ladder (its timer) and the letters it sends (the outbox). */
import { addCalendarDays, endOfLocalDay, localDate, startOfLocalDay } from './calendar.ts';
import type { LadderState } from './ladder/index.ts';
import type { LadderStep, Target } from './policy.ts';
import type { NotificationView } from './schemas.ts';
import type { LetterDocument } from './documents/letter-document.ts';

/** What a letter is: a ladder step's, the forwarding letter, or an activity's invitation. */
export type LetterAction = LadderStep['action'] | 'forwarding' | 'invitation';

/**
 * Whether a letter's action is a ladder step's (warning, reminder, penegasan, intervention):
 * one the ladder's rules hold (targets met, deadlines moved, letter hours). The forwarding
 * letter and an activity's invitation are central's acts: they go at once, as written, while
 * their assignment (the forwarding letter's) or always (an invitation) holds.
 */
export const isLadderAction = (action: LetterAction): action is LadderStep['action'] =>
  action !== 'forwarding' && action !== 'invitation';

/** `isLadderAction` of a letter. */
export const isLadderLetter = (
  n: Pick<NotificationRecord, 'action'>,
): n is Pick<NotificationRecord, 'action'> & { action: LadderStep['action'] } =>
  isLadderAction(n.action);

/**
 * One ladder per assignment. `token` counts how often it was (re-)armed: an execution that
 * carries an older token has been superseded and stops. `wakeAt` is when it next needs to act
 * (null: nothing more to do); the embedded engine keeps its timers here.
 */
export interface LadderRecord {
  readonly caseId: string;
  readonly agencyId: string;
  readonly generation: number;
  readonly token: number;
  readonly wakeAt: string | null;
  /** The rung the current round reached (0: none), and its action. */
  readonly level: number;
  readonly rung?: LadderStep['action'] | null;
  readonly lastStepAt: string | null;
  /** The overdue episode and what was warned (absent on records older than episodes). */
  readonly state?: LadderState;
  /**
   * The version of the policy whose steps the timer was last planned with by a re-arm (absent
   * on records older than it): a policy's re-arming job skips ladders already on its version.
   */
  readonly policyVersion?: number;
  /** Issue 15: `due` until the forwarding letter of this generation is written. */
  readonly forwardingLetter?: 'due' | 'written';
  readonly updatedAt: string;
  readonly version: number;
}

/** What identifies one execution of a ladder. */
export interface LadderRef {
  readonly caseId: string;
  readonly agencyId: string;
  readonly generation: number;
  readonly token: number;
}

/** The execution a ladder record is armed for. */
export const ladderRefOf = (l: LadderRecord): LadderRef => ({
  caseId: l.caseId,
  agencyId: l.agencyId,
  generation: l.generation,
  token: l.token,
});

/** Why a written letter would no longer be true if it went now (`letterVoidReason`). */
export const LETTER_VOID_REASONS = [
  'ended',
  'paused',
  'targets_met',
  'not_overdue',
  'deadline_passed',
  'deadline_moved',
] as const;
export type LetterVoidReason = (typeof LETTER_VOID_REASONS)[number];

/**
 * `cancelled`: a letter held for letter hours that no longer held when they came (the agency
 * answered, its deadline moved or paused, its assignment ended): never sent.
 */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The date letter `n` bears, as its e-mail and PDF say it: the working day a ladder letter goes
 * out (`datedOn`, in its agency's zone); a letter that records none, the day it was written in
 * WIB (the forwarding and invitation letters are central's, dated so; a ladder letter written
 * before dates were kept bore its agency's day, at most a day off this one in WITA or WIT).
 */
export const letterDate = (n: { readonly datedOn?: string; readonly createdAt: string }): string =>
  n.datedOn ?? localDate(new Date(n.createdAt), 'Asia/Jakarta');

/**
 * How many calendar days before the date it bears a letter may be written, at most: one written
 * after letter hours goes, and is dated, the next working day, after the longest run of days off
 * (Lebaran with its cuti bersama: 11 days in 2025, written Friday 28 March at 00:00, dated
 * Tuesday 8 April), with room to spare for a calendar's own days off.
 */
export const LETTER_HELD_DAYS = 21;

/**
 * When the letters dated from `from` to `to` (either end open) were written, at the widest: a
 * range of `createdAt` that holds every one of them (and a few more, dated outside the period,
 * that `letterDate` leaves out). From the start of `from` in WIT (the earliest zone's day) less
 * `LETTER_HELD_DAYS`; to the end of `to` in WIB (the latest's): never written after its date.
 */
export function writtenForDates(period: {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}): { readonly after?: Date; readonly until?: Date } {
  return {
    ...(period.from
      ? { after: startOfLocalDay(addCalendarDays(period.from, -LETTER_HELD_DAYS), 'Asia/Jayapura') }
      : {}),
    ...(period.to ? { until: endOfLocalDay(period.to, 'Asia/Jakarta') } : {}),
  };
}

export interface NotificationRecord {
  readonly id: string;
  readonly caseId: string;
  readonly agencyId: string;
  readonly generation: number;
  /** The ladder step's identity (its exactly-once key). */
  readonly stepId: string;
  readonly step: string;
  /**
   * `forwarding`: the surat penerusan written when the assignment was forwarded (issue 15);
   * `invitation`: central's letter about an activity it plans with the agency (its invitation,
   * a new date, its cancellation: `step`). Neither is a ladder step (`isLadderLetter`).
   */
  readonly action: LetterAction;
  /** The warned target, or for a rung the earliest overdue one. */
  readonly target: Target;
  readonly targets: readonly Target[];
  /**
   * The deadline each target's line names (`a.due` when the letter was written, or when a held
   * rung's line was written again): a deadline that moved since is no longer the one the letter
   * says (`letterVoidReason`, `letterAsItHolds`). Absent on older letters and forwarding ones.
   */
  readonly named?: Partial<Record<Target, string>>;
  readonly channel: 'email';
  readonly recipients: readonly string[];
  readonly cc: readonly string[];
  readonly status: NotificationStatus;
  readonly subject: string;
  readonly body: string;
  /** When the policy made the step due (`createdAt`: when the letter was written). */
  readonly scheduledAt: string;
  /** The overdue episode of a rung (null for warnings; absent on older letters). */
  readonly episode?: number | null;
  readonly createdAt: string;
  /**
   * The date a ladder letter bears (YYYY-MM-DD, in its agency's zone): the working day it goes
   * out (`letterDateOf`), its e-mail's "Tanggal", its PDF's and its number's. Absent on
   * forwarding letters (dated `createdAt` in WIB: they go when written) and on ladder letters
   * written before it, which bear `createdAt`'s date in the agency's zone.
   */
  readonly datedOn?: string;
  readonly sentAt: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  /**
   * Not before: when a letter the mailer refused may be tried again (the backoff), or, before
   * its first attempt, when letter hours begin (`LETTER_HOURS`); null or absent otherwise and
   * once sent.
   */
  readonly nextAttemptAt?: string | null;
  /** An invitation letter's activity (`action` `invitation`): its new date and cancellation name it. */
  readonly activityId?: string;
  /** Issue 15: the letter as a document (rendered to the PDF sent with it), and its number. */
  readonly document?: LetterDocument;
  readonly letterNumber?: string;
  /**
   * A failed letter central marked handled without sending it again (delivered another way,
   * or no longer needed), with how: it leaves central's list of failed letters.
   */
  readonly handled?: { readonly at: string; readonly note: string };
  /**
   * When central sent a failed letter again: it entered the outbox then, not at `createdAt`
   * (the outbox's age, and the sweep's grace, count from here).
   */
  readonly resentAt?: string;
  /** A rung's letter written outside letter hours: held until then (the outbox's age counts from it). */
  readonly heldUntil?: string;
  /** Why a held letter was not sent when letter hours came (`cancelled`). */
  readonly cancelled?: { readonly at: string; readonly reason: LetterVoidReason };
  /**
   * The addresses the mail service refused at the last attempt (`AddressesRefused`), which the
   * letter did not reach: a `sent` letter went to its other addresses (`recipients` and `cc`
   * are those it went to), and is on central's list of failed letters until that contact is
   * corrected and the letter marked handled; a pending or failed one, refused at every To.
   * Absent when none was.
   */
  readonly refusedAddresses?: readonly RefusedAddress[];
  /**
   * A letter sent with addresses refused that central sent again (to the addresses since
   * corrected): those it reached before, lower-cased, which it does not go to twice. Absent on
   * every other letter.
   */
  readonly reached?: readonly string[];
}

/** How much of the mail service's words about one refused address a letter keeps. */
export const REFUSAL_REASON_MAX = 200;

/** An address the mail service refused by name, with its words (for an operator). */
export interface RefusedAddress {
  readonly address: string;
  readonly reason: string;
}

/**
 * What a mailer throws when the mail service refused some of a letter's addresses by name and
 * so sent it to no one (a server refusing an unknown domain; SES refusing a whole message for
 * one address it will not take): its sender tries again at once without them (`sendClaimed`),
 * so one dead address does not keep the letter from the others. Its message reads as a
 * refused address does (`letterFailureOf`: `address_refused`).
 */
export class AddressesRefused extends Error {
  readonly refused: readonly RefusedAddress[];
  constructor(refused: readonly RefusedAddress[]) {
    super(refused.map((r) => `${r.address}: ${r.reason}`).join('; '));
    this.name = 'AddressesRefused';
    this.refused = refused.map((r) => ({
      address: r.address,
      reason: r.reason.slice(0, REFUSAL_REASON_MAX),
    }));
  }
}

/**
 * Whether letter `n` went but not to every address (`refusedAddresses`): on central's list of
 * failed letters, as a copy that did not arrive, until marked handled.
 */
export const letterPartlyRefused = (
  n: Pick<NotificationRecord, 'status' | 'refusedAddresses'>,
): boolean => n.status === 'sent' && (n.refusedAddresses?.length ?? 0) > 0;

/**
 * Why a failed letter did not reach its agency, sorted from the mailer's words for people who
 * act on it: `no_address`, written to no one (the contact its step needs is missing: add it);
 * `address_refused`, the receiving server refused the address (no such mailbox or domain: the
 * address is wrong, correct it); `mailer`, refused otherwise (the mail service itself).
 */
export const LETTER_FAILURES = ['no_address', 'address_refused', 'mailer'] as const;
export type LetterFailure = (typeof LETTER_FAILURES)[number];

/**
 * A refusal of the address itself: an SMTP "bad destination" status (5.1.x, RFC 3463) or how
 * servers and SES word one. A refused address reads the same whichever mailer said it.
 */
const ADDRESS_REFUSED =
  /\b5\.1\.\d{1,2}\b|no such (?:domain|user|mailbox|address)|user unknown|unknown user|mailbox (?:unavailable|not found|does not exist)|(?:recipient )?address rejected|illegal address|invalid (?:e-?mail |recipient )?address|domain (?:not found|does not exist)/i;

type Refusal = Pick<NotificationRecord, 'status' | 'recipients' | 'lastError'>;

/** Why the mailer refused letter `n` (`LETTER_FAILURES`), from its words. */
function refusalKind(n: Refusal): LetterFailure {
  // Written to no one (`unaddressedReason`), or, as a guard, the mailer's "no recipient".
  if (n.recipients.length === 0 || /^no (?:e-mail address|recipient)\b/.test(n.lastError ?? ''))
    return 'no_address';
  return ADDRESS_REFUSED.test(n.lastError ?? '') ? 'address_refused' : 'mailer';
}

/** Why letter `n` failed (`LETTER_FAILURES`); null unless it is `failed`. */
export const letterFailureOf = (n: Refusal): LetterFailure | null =>
  n.status === 'failed' ? refusalKind(n) : null;

/**
 * Why the mailer refused the last attempt of letter `n`, still to be tried again (`pending`
 * with a `lastError`): said as a failure is, so a letter refused four times reads as refused,
 * not as queued like one never tried. Null otherwise.
 */
export const letterRefusedOf = (n: Refusal): LetterFailure | null =>
  n.status === 'pending' && n.lastError ? refusalKind(n) : null;

/** When queued letter `n` goes (letter hours, or a refused one's retry); null once it went or ended. */
export const letterSendsAt = (n: Pick<NotificationRecord, 'status' | 'nextAttemptAt'>) =>
  n.status === 'pending' ? (n.nextAttemptAt ?? null) : null;

/**
 * Where an answer to letter `n` goes (its e-mail's `Reply-To`), decided here for both mailers:
 * the mailbox the deployment names (`deployment`: `-c lettersReplyTo`, `PANTAU_LETTERS_REPLY_TO`)
 * wins; else the unit's e-mail as the document settings the letter was written with name it
 * (`letterhead.email`, kept on its document: no read when it goes); else none. The From may
 * receive nothing: an agency head who answered by replying reached no one.
 */
export function letterReplyTo(
  n: Pick<NotificationRecord, 'document'>,
  deployment?: string,
): string | undefined {
  return deployment || n.document?.letterhead.email || undefined;
}

/** Delivers a letter: SES on AWS, an .eml file embedded. Must be safe to repeat for one id. */
export interface Mailer {
  /**
   * `at`: when it goes, the message's `Date:` (a letter held for letter hours goes days after it
   * was written, and a mailbox sorts it by that date); its text keeps the letter's own date.
   */
  send(notification: NotificationRecord, at?: Date): Promise<void>;
}

/**
 * A message to a complainant: the receipt of a complaint they e-mailed (`mail-receipt.ts`),
 * sent as an answer to their message (`In-Reply-To`, `References`), marked `Auto-Submitted:
 * auto-replied` by the mailer (RFC 3834: their auto-responder does not answer it).
 */
export interface ComplainantMessage {
  /** Its Message-ID's local part, the same on every attempt (a repeat is one message). */
  readonly id: string;
  readonly caseId: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** The complainant's Message-ID, with its angle brackets, when their message had one. */
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  /**
   * Where the complainant's reply should go: the address complaints arrive at (the letters'
   * `From:` may receive nothing). None: their client answers the `From:`.
   */
  readonly replyTo?: string | null;
  readonly createdAt: string;
}

/** Sends a complainant their receipt: the letters' mailer (SES on AWS, an .eml file embedded). */
export interface ComplainantMailer {
  reply(message: ComplainantMessage): Promise<void>;
}

/** Starts (or restarts) a ladder's execution. */
export interface LadderStarter {
  arm(ref: LadderRef): Promise<void>;
}

/** A letter as the API shows it; to an agency (`central` false) without central's own note. */
export const viewNotification = (n: NotificationRecord, central = true): NotificationView => ({
  id: n.id,
  caseId: n.caseId,
  agencyId: n.agencyId,
  target: n.target,
  targets: [...n.targets],
  step: n.step,
  action: n.action,
  channel: n.channel,
  recipients: [...n.recipients],
  cc: [...n.cc],
  status: n.status,
  subject: n.subject,
  body: n.body,
  scheduledAt: n.scheduledAt,
  createdAt: n.createdAt,
  sentAt: n.sentAt,
  attempts: n.attempts,
  lastError: n.lastError,
  failure: letterFailureOf(n),
  refused: letterRefusedOf(n),
  letterNumber: n.letterNumber ?? null,
  datedOn: n.datedOn ?? null,
  pdf: n.document !== undefined,
  handled: n.handled ? { at: n.handled.at, note: central ? n.handled.note : null } : null,
  sendsAt: letterSendsAt(n),
  cancelled: n.cancelled ? { at: n.cancelled.at, reason: n.cancelled.reason } : null,
  refusedAddresses: (n.refusedAddresses ?? []).map((r) => ({
    address: r.address,
    reason: r.reason,
  })),
  reached: [...(n.reached ?? [])],
});
