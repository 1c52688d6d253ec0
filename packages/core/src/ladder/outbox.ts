/**
 * A letter in the outbox until it goes: held for letter hours, claimed by its sender, sent,
 * refused and tried again, failed, or cancelled because what it says no longer holds; and, for
 * one that waited, what it says and to whom as things are when it goes.
 */
import { type AssignmentRecord, isOpen } from '../assignment.ts';
import { type Calendar, endOfLocalDay, localDate, TIME_ZONES, type TimeZone } from '../calendar.ts';
import {
  addressesNotReached,
  letterAddresses,
  type LetterParties,
  unaddressedReason,
} from '../letter-addresses.ts';
import {
  deadlineInLine,
  letterFollowedNow,
  letterNaming,
  letterRestating,
} from '../letter-rewrites.ts';
import {
  isLadderLetter,
  type LadderRecord,
  type LetterVoidReason,
  type NotificationRecord,
  REFUSAL_REASON_MAX,
} from '../notification.ts';
import type { LadderStep, Target } from '../policy.ts';
import type { Episode } from './rules.ts';
import { ladderState } from './state.ts';
import { nextLetterHour } from './letter-hours.ts';

// Letter hours, and the day a letter is dated by them, are the letters' too (letters.ts).
export { LETTER_HOURS, letterDateOf, nextLetterHour } from './letter-hours.ts';

/** Delivery attempts before a letter is marked failed (and left to central). */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * The wait after the first refused attempt, doubling with each one after: 15, 30, 60 and 120
 * minutes, so a letter is given up about four hours after it was written, not within seconds
 * of an SES hiccup, and a mailer that stays down is not hammered every sweep.
 */
export const DELIVERY_BACKOFF_MS = 15 * 60_000;

/** How long a letter being sent is kept from every other sender (a send takes seconds). */
export const SEND_LEASE_MS = 5 * 60_000;

/**
 * A letter claimed by the one about to send it (written over the copy it read, which a Tick
 * and the sweep may both hold): its attempt counted, and not due to anyone else until the
 * lease ends. Only one claim of a copy lands, so only one sender sends; after a crash during
 * the send, the letter is due again once the lease ends (at least once only across a crash).
 */
export const claimedForSending = (n: NotificationRecord, now: Date): NotificationRecord => ({
  ...n,
  attempts: n.attempts + 1,
  nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS).toISOString(),
});

/** A letter the mailer accepted. */
export const delivered = (n: NotificationRecord, now: Date): NotificationRecord => ({
  ...n,
  status: 'sent',
  sentAt: now.toISOString(),
  attempts: n.attempts + 1,
  lastError: null,
  nextAttemptAt: null,
});

/** A letter that no longer held when its time to go came: never sent, and why. */
export const cancelledLetter = (
  n: NotificationRecord,
  reason: LetterVoidReason,
  now: Date,
): NotificationRecord => ({
  ...n,
  status: 'cancelled',
  nextAttemptAt: null,
  cancelled: { at: now.toISOString(), reason },
});

/** The agency's calendar and time zone: what places a rung letter in letter hours. */
export interface LetterHours {
  readonly calendar: Calendar;
  readonly timeZone: TimeZone;
}

/**
 * A letter the mailer refused: pending, to be tried again after the backoff, or failed after
 * the last attempt (then it leaves the outbox for central's list of failed letters). Given the
 * agency's letter hours, a rung letter's retry that would fall outside them waits for the next
 * (refused at 15:55: tried again at 08:00 the next working day, not at 16:10), its age in the
 * outbox counted from then, as a held letter's. The forwarding letter, central's act, keeps
 * its backoff.
 */
export const deliveryFailed = (
  n: NotificationRecord,
  error: unknown,
  now: Date,
  hours?: LetterHours,
): NotificationRecord => {
  const attempts = n.attempts + 1;
  if (attempts >= MAX_DELIVERY_ATTEMPTS)
    return { ...n, status: 'failed', attempts, lastError: errorText(error), nextAttemptAt: null };
  const retry = new Date(now.getTime() + DELIVERY_BACKOFF_MS * 2 ** (attempts - 1));
  const outcome: NotificationRecord = {
    ...n,
    status: 'pending',
    attempts,
    lastError: errorText(error),
    nextAttemptAt: retry.toISOString(),
  };
  return hours && isLadderLetter(n)
    ? heldForLetterHours(outcome, hours.calendar, hours.timeZone, retry)
    : outcome;
};

/**
 * A letter the mail service accepted and reported later it could not deliver (on AWS, SES's
 * permanent bounce or its reject, minutes after the send): `failed` with the service's words, as
 * a letter refused at its last attempt reads, for central's list of failed letters. It reached
 * no mailbox, so it was never sent: no `sentAt`.
 */
export const undeliveredLetter = (n: NotificationRecord, error: string): NotificationRecord => ({
  ...n,
  status: 'failed',
  sentAt: null,
  lastError: error.slice(0, 500),
  nextAttemptAt: null,
});

const errorText = (error: unknown) =>
  error instanceof Error ? error.message.slice(0, 500) : 'delivery failed';

/**
 * A failed letter back in the outbox (central sends it again, its addresses as the parties'
 * contacts are now): a fresh round of delivery attempts, the sweep's to make. The letter itself
 * (its date, number, text and PDF) is the one written.
 */
export const resent = (
  n: NotificationRecord,
  addresses: { to: readonly string[]; cc: readonly string[] },
  now: Date,
  reached: readonly string[] = [],
): NotificationRecord => {
  // A new round: the addresses refused in the last are its to record; those it reached, given.
  const { refusedAddresses: _refused, reached: _reached, ...letter } = n;
  return {
    ...letter,
    status: 'pending',
    resentAt: now.toISOString(),
    recipients: addresses.to,
    cc: addresses.cc,
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    ...(reached.length > 0 ? { reached } : {}),
  };
};

/**
 * Whether letter `n` is the copy of a letter that went, sent again by central to the addresses
 * it had not reached (`reached`): it went, so its text stays as it was read, it is not voided
 * by what happened since (central judged it when it sent it again), and its copy refused leaves
 * it `sent` with those addresses recorded, never `failed`.
 */
export const isCopyOfSent = (n: Pick<NotificationRecord, 'reached'>): boolean =>
  (n.reached?.length ?? 0) > 0;

/**
 * A copy (`isCopyOfSent`) refused at its last attempt: still `sent` (it reached `reached`),
 * with the addresses it went to recorded refused, for central's list; any other outcome as it is.
 */
export const copyOutcome = (n: NotificationRecord): NotificationRecord =>
  isCopyOfSent(n) && n.status === 'failed'
    ? {
        ...n,
        status: 'sent',
        refusedAddresses: n.refusedAddresses?.length
          ? n.refusedAddresses
          : [...n.recipients, ...n.cc].map((address) => ({
              address,
              reason: (n.lastError ?? 'delivery failed').slice(0, REFUSAL_REASON_MAX),
            })),
      }
    : n;

/** A letter just written, held in the outbox until letter hours if it is outside them. */
export function heldForLetterHours(
  n: NotificationRecord,
  calendar: Calendar,
  tz: TimeZone,
  now: Date,
): NotificationRecord {
  if (n.status === 'failed') return n; // written failed (addressed to no one): nothing to hold
  const at = nextLetterHour(calendar, tz, now);
  if (at.getTime() <= now.getTime()) return n;
  return { ...n, nextAttemptAt: at.toISOString(), heldUntil: at.toISOString() };
}

/**
 * Since when a letter has been due in the outbox: written (or sent again by central), or, held
 * for letter hours, from their start. What the outbox's age alarm measures.
 */
export const queuedAt = (n: NotificationRecord): number =>
  Math.max(Date.parse(n.resentAt ?? n.createdAt), n.heldUntil ? Date.parse(n.heldUntil) : 0);

/**
 * Why a letter written earlier would say what no longer holds if it went now, or null. Its
 * assignment ended or was forwarded again; every target it names is met; its clock is paused;
 * a rung (reminder, formal warning, intervention) of targets none of which is overdue any more
 * (an extension moved them); a warning of deadlines all gone by, or all moved since it was
 * written (`deadline_moved`: an extension, a holiday, a resume; the ladder warns of the new
 * deadline in its turn, its warnings being keyed by the deadline). The ladder skips a step for
 * the same reasons when it comes to it; a letter held for letter hours, or sent again by
 * central, is checked again before it goes. A forwarding letter holds while its assignment is
 * open; an activity's invitation letter always (central's act, not the ladder's).
 */
export function letterVoidReason(
  n: NotificationRecord,
  a: AssignmentRecord | undefined,
  now: Date,
  episode?: OpenEpisode,
): LetterVoidReason | null {
  // Central's invitation holds whatever became of the assignment: the activity is central's,
  // and its new date or cancellation is a letter of its own.
  if (n.action === 'invitation') return null;
  if (!a || a.generation !== n.generation || !isOpen(a)) return 'ended';
  if (n.action === 'forwarding') return null;
  const open = n.targets.filter((t) => a.met[t] === null);
  // Met, it is untrue paused or not (a merely paused letter still goes: it was true when
  // written); whether a deadline is passed waits for the clock to run again.
  if (open.length === 0) return 'targets_met';
  const { standing, passed } = linesNow(n, a, now, episode);
  if (standing.length === 0) return n.action === 'warning' ? 'deadline_moved' : 'not_overdue';
  if (a.paused) return 'paused';
  if (n.action === 'warning') return standing.every(passed) ? 'deadline_passed' : null;
  return standing.some(passed) ? null : 'not_overdue';
}

/**
 * The overdue episode the letter's assignment's ladder is in now, as its record keeps it
 * (`ladderState(…).episode`, null: none), for the ladder's generation the letter is of;
 * undefined when not known.
 */
export type OpenEpisode = Episode | null | undefined;

/** The episode `ladder` is in now, as `letterVoidReason` takes it for a letter of `generation`. */
export const openEpisodeOf = (ladder: LadderRecord | undefined, generation: number): OpenEpisode =>
  ladder && ladder.generation === generation ? ladderState(ladder).episode : undefined;

/**
 * The zone whose local day ends at `at`, if any: a deadline is the end of a working day in its
 * assignment's zone, and each zone's days end at an hour of their own (16:59:59.999 UTC in WIB,
 * 15:59 in WITA, 14:59 in WIT).
 */
const zoneEndingAt = (at: string): TimeZone | undefined =>
  TIME_ZONES.find((z) => endOfLocalDay(localDate(new Date(at), z), z).toISOString() === at);

/**
 * Whether `named`, a deadline a letter names, is `due` (in `tz`) read in the zone the
 * assignment had when the letter was written: its agency's zone corrected since (its working
 * days end at 23:59:59 in the new zone), the same deadline.
 */
function sameDayElsewhere(named: string, due: string, tz: TimeZone): boolean {
  const zone = zoneEndingAt(named);
  return (
    zone !== undefined &&
    zone !== tz &&
    localDate(new Date(named), zone) === localDate(new Date(due), tz)
  );
}

/**
 * Of a letter's targets still open, those whose line may still go now (`standing`), and those
 * of them whose deadline moved since the line was written (`moved`). A line names the deadline
 * recorded in `named`; a letter written before that was recorded names the one its line reads
 * (`deadlineInLine`; none readable: moved). A warning's
 * line about a deadline that moved is dropped: the ladder warns of the new one itself; one
 * whose deadline is the same day read in the agency's corrected zone is written again in that
 * zone (the ladder counts that deadline warned about: `inZone`). A rung's is written again with
 * the deadline in force while that one is passed, and was by the letter's own date (paused or
 * not: it cannot say "late" of a deadline to come, nor of one after the date it bears) or the
 * rung is of the episode the ladder is still in (`episode`: it counts the rung given, and
 * writes it no more), and dropped otherwise.
 */
function linesNow(n: NotificationRecord, a: AssignmentRecord, now: Date, episode?: OpenEpisode) {
  const passed = (t: Target) => Date.parse(a.due[t]) <= now.getTime();
  // A letter written before letters recorded their deadlines (e648201): as its line reads.
  const named = (t: Target) => n.named?.[t] ?? deadlineInLine(n, t, a.due[t], a.timeZone);
  const movedSince = (t: Target) => named(t) !== a.due[t];
  const rezoned = (t: Target) =>
    movedSince(t) && named(t) !== undefined && sameDayElsewhere(named(t)!, a.due[t], a.timeZone);
  const open = n.targets.filter((t) => a.met[t] === null);
  // A rung's moved line is written again only for a deadline passed by the letter's own date:
  // one after it would be "late by 0 days" in a letter dated before it, beside the rung the
  // new episode writes for that deadline itself (central's send-again, a retry days on). Not
  // when the episode runs on: no new episode writes it (an agency's zone corrected to the west
  // after its deadline passed in both zones, while its reminder waited for letter hours).
  const passedByItsDate = (t: Target) => Date.parse(a.due[t]) < Date.parse(n.createdAt);
  const ofOpenEpisode = n.episode != null && n.episode === episode?.n;
  const standing = open.filter(
    (t) =>
      !movedSince(t) ||
      (n.action === 'warning' ? rezoned(t) : passed(t) && (passedByItsDate(t) || ofOpenEpisode)),
  );
  return { standing, moved: standing.filter(movedSince), passed };
}

/**
 * A letter that holds (`letterVoidReason` null, or merely `paused`) as it is to go now: naming
 * only the targets it names that still hold, with its number, date and all else as written. A
 * reminder held for 08:00 (or sent again by central) that names a target the agency met since
 * does not tell it that target is missing; one whose every target was met is void. For a rung
 * a target holds while open and overdue (an extension may have moved it past now), for a
 * warning while open, not yet passed and not moved; paused, while open (whether a deadline is
 * passed waits for the clock to run again). A rung's target whose deadline moved since and is
 * still passed has its line written again from the deadline in force, late up to the day the
 * letter is read (`letterRestating`, by the agency's `calendar`; without it, that line is
 * dropped rather than sent with a deadline no longer in force). Given the policy's `steps`
 * too, a rung says by when to act as the ladder counts it now (`letterFollowedNow`: a holiday
 * added while it was held moved the next rung; and, given the `episode` its ladder is in, a
 * pause and resume, or a pause still running as if the clock ran again `now`). The letter
 * itself when all hold as written.
 */
export function letterAsItHolds(
  n: NotificationRecord,
  a: AssignmentRecord,
  now: Date,
  calendar?: Calendar,
  episode?: OpenEpisode,
  steps?: readonly LadderStep[],
): NotificationRecord {
  if (!isLadderLetter(n)) return n;
  const { standing, moved, passed } = linesNow(n, a, now, episode);
  const holding = (
    a.paused ? standing : standing.filter((t) => (n.action === 'warning' ? !passed(t) : passed(t)))
  ).filter((t) => calendar || !moved.includes(t));
  // None: void, and `letterVoidReason` says why (never sent as an empty list); or, a rung's
  // moved lines with no calendar to count them by, the letter naming none (`deliverIfTrue`).
  if (holding.length === 0 && (calendar || moved.length === 0)) return n;
  const naming = letterNaming(n, holding);
  if (!calendar) return naming;
  const restated = letterRestating(
    naming,
    moved.filter((t) => holding.includes(t)),
    a,
    calendar,
  );
  return steps
    ? letterFollowedNow(
        restated,
        steps,
        a,
        calendar,
        episode === undefined ? undefined : { episode, now },
      )
    : restated;
}

/**
 * Letter `n` addressed as its parties' contacts are now (`letterAddresses`, by its policy
 * `step`; undefined for a forwarding letter or a step the policy has since dropped), about to
 * go after waiting (held for letter hours, which over a weekend or a cuti bersama is days, or a
 * refused letter's retry): a unit moved to another focal point meanwhile copies its new focal
 * point, not the one that can no longer open the case; a contact removed or corrected meanwhile
 * is not written to. Recorded with the addresses it goes to. Left addressed to no one: `failed`
 * at once, saying what is missing (`unaddressedReason`), as a letter written so is, for central
 * to add the contact and send it again; never sent to nobody. Its text and PDF stay as written
 * (the PDF's tembusan names the focal point it was written for). One central sent again after
 * some of its addresses got it goes to the others alone (`reached`). The letter itself when its
 * addresses are unchanged.
 */
export function letterAddressedNow(
  n: NotificationRecord,
  step: LadderStep | undefined,
  parties: LetterParties,
): NotificationRecord {
  const now = letterAddresses(n.action, step, parties);
  // Sent again after some of its addresses got it: not to those twice.
  const { to, cc } = n.reached ? addressesNotReached(now, n.reached) : now;
  if (to.length === 0)
    return {
      ...n,
      recipients: to,
      cc,
      status: 'failed',
      nextAttemptAt: null,
      lastError: unaddressedReason(
        isLadderLetter(n) && step ? step : { recipients: ['agency'] },
        parties,
      ),
    };
  const same = (xs: readonly string[], ys: readonly string[]) =>
    xs.length === ys.length && xs.every((x, i) => x === ys[i]);
  return same(to, n.recipients) && same(cc, n.cc) ? n : { ...n, recipients: to, cc };
}

/** Whether a letter is to be delivered now: pending, and past its backoff if it was refused. */
export const deliveryDue = (n: NotificationRecord, now: Date): boolean =>
  n.status === 'pending' && (!n.nextAttemptAt || Date.parse(n.nextAttemptAt) <= now.getTime());
