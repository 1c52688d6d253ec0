/**
 * Delivering the ladder's letters: one attempt at a letter that is due, recorded on it (sent, or
 * refused and retried in letter hours, or failed after the last attempt), and a letter that
 * waited checked again before it goes. Used by the Tick (the letters it has just written, and
 * an outbox a crash left) and by the sweep (letters held for letter hours, retries).
 */
import {
  AddressesRefused,
  type Agency,
  type AssignmentRecord,
  CENTRAL_TENANT,
  cancelledLetter,
  claimedForSending,
  copyOutcome,
  delivered,
  deliveryDue,
  deliveryFailed,
  heldForLetterHours,
  isCopyOfSent,
  isLadderLetter,
  letterAbout,
  letterAddressedNow,
  letterAsItHolds,
  type LetterHours,
  type LetterVoidReason,
  letterVoidReason,
  type NotificationRecord,
  type OpenEpisode,
  type RefusedAddress,
  type SlaPolicy,
  type Store,
} from '@pantau/core';
import { METRIC, noMetrics } from './metrics.ts';
import type { EngineDeps } from './deps.ts';

/**
 * Where a letter about to go reads who it goes to now: the agencies (its own, its focal point,
 * central) and the policies (its step's recipients), each read once by whoever holds it (a
 * sweep's run, as it does calendars; a Tick's outbox) rather than once a letter.
 */
export interface Addressing {
  readonly agency: (id: string) => Promise<Agency | undefined>;
  readonly policy: (id: string) => Promise<SlaPolicy | undefined>;
}

/**
 * `read`, made once per id for as long as the returned function is held (a sweep's run, a
 * Tick's outbox): the promise is kept, so reads asked at once share it.
 */
export function readOnce<T>(read: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (id) => {
    let value = kept.get(id);
    if (!value) kept.set(id, (value = read(id)));
    return value;
  };
}

/** An `Addressing` reading `store`, each agency and policy once. */
export function addressing(store: Store): Addressing {
  return {
    agency: readOnce((id) => store.getAgency(id)),
    policy: readOnce((id) => store.getPolicy(id)),
  };
}

/**
 * Letter `n` addressed as its parties are now (`letterAddressedNow`): the assignment's agency,
 * its focal point now (a unit moved meanwhile) and central, and its step as the assignment's
 * policy says. As written when the agency or the policy cannot be read (a table never seeded).
 */
async function addressedNow(
  book: Addressing,
  n: NotificationRecord,
  a: AssignmentRecord | undefined,
): Promise<NotificationRecord> {
  const agency = await book.agency(n.agencyId);
  if (!agency) return n;
  const ladder = isLadderLetter(n);
  const [focalPoint, central, policy] = await Promise.all([
    agency.focalPointId ? book.agency(agency.focalPointId) : undefined,
    book.agency(CENTRAL_TENANT),
    ladder && a ? book.policy(a.policyId) : undefined,
  ]);
  if (ladder && !policy) return n;
  const step = policy?.ladder.find((s) => s.name === n.step);
  return letterAddressedNow(n, step, { agency, focalPoint, central });
}

/**
 * Sends the letters of one assignment still in the outbox. A crash between the step's commit
 * and here leaves them pending; the next tick (or the embedded runtime's start) sends them.
 * Each letter is claimed before it goes (`deliver`), so two senders holding it send it once.
 */
export async function deliverOutbox(
  deps: EngineDeps,
  caseId: string,
  assignment: AssignmentRecord,
  hours: LetterHours,
  episode?: OpenEpisode,
): Promise<void> {
  const book = addressing(deps.store);
  for (const n of await deps.store.listUndelivered(caseId, assignment.agencyId))
    await deliverIfTrue(deps, n, assignment, hours, book, episode);
}

/**
 * A letter that waited (held for letter hours, refused and tried again, left by a crash): sent
 * if it is due and still true (`letterVoidReason`) in letter hours (held again to their next
 * start outside them), else `cancelled` with the reason, never sent. A pause alone does not
 * cancel it: it was true when written and its rung counts as given (the ladder does not write
 * it again after the resume). One that names a target met since goes naming only what still
 * holds, and a rung one whose deadline moved since (an extension, a holiday, a resume) with
 * that deadline as it is now, and by when to act as the ladder counts it now
 * (`letterAsItHolds`: its number and date as written), and is
 * recorded so. It goes to its parties' contacts as they are now (`letterAddressedNow`, read
 * through `book`: a unit moved to another focal point, a contact removed while it waited), and
 * is recorded with them; left with no one to go to, it is recorded `failed` with why, for
 * central, never sent. `episode`: the episode the assignment's ladder is in now
 * (`openEpisodeOf`), whose rungs go whatever moved their deadlines while they waited, passed
 * still (no new episode writes them again), and whose last one says by when to act as that
 * episode counts its next rung (a pause and resume while it waited moved it on). Returns what
 * was recorded.
 */
export async function deliverIfTrue(
  deps: EngineDeps,
  n: NotificationRecord,
  assignment: AssignmentRecord | undefined,
  hours: LetterHours | undefined,
  book: Addressing = addressing(deps.store),
  episode?: OpenEpisode,
): Promise<NotificationRecord | undefined> {
  const now = deps.clock();
  if (!deliveryDue(n, now)) return undefined;
  // A copy of a letter that went: central judged it true when it sent it again; it goes as read.
  const copy = isCopyOfSent(n);
  const reason = copy ? null : letterVoidReason(n, assignment, now, episode);
  if (!reason || reason === 'paused') {
    // Found outside letter hours (the runtime was down at 08:00, a Tick crashed at 15:58): a
    // rung's letter waits for the next 08:00 again. Central's sending again, like its
    // forwarding, is a person's act and goes at once.
    const later =
      hours && isLadderLetter(n) && !n.resentAt
        ? heldForLetterHours(n, hours.calendar, hours.timeZone, now)
        : n;
    if (later !== n) return (await deps.store.recordDelivery(later, n)) ? later : undefined;
    // The policy's steps as they are now: a rung says by when to act as the ladder counts it
    // (a holiday added while it was held moved the next rung). Read once with its addresses,
    // its agency beside it (`addressedNow` reads both from `book`): one round trip, not two.
    const [policy] = await Promise.all([
      assignment && isLadderLetter(n) ? book.policy(assignment.policyId) : undefined,
      assignment ? book.agency(n.agencyId) : undefined,
    ]);
    const steps = policy?.ladder;
    const holding =
      assignment && !copy
        ? letterAsItHolds(n, assignment, now, hours?.calendar, episode, steps)
        : n;
    // A rung whose every line names a deadline moved since, and no calendar to count the
    // lateness of the new one by (the assignment's calendar could not be read): not sent with
    // a deadline no longer in force. (A forwarding letter names no target at all.)
    if (isLadderLetter(n) && holding.targets.length === 0)
      return cancel(deps, n, 'not_overdue', now);
    // About the subject as central restated it meanwhile (a name taken out), to whom it goes now.
    const about = assignment ? letterAbout(holding, assignment.subject) : holding;
    // An invitation may be to an agency with no assignment of its own on the case (a focal
    // point invited through its member unit's): addressed by its agency alone.
    const going =
      assignment || !isLadderLetter(n) ? await addressedNow(book, about, assignment) : about;
    if (going.status === 'failed') return unaddressed(deps, n, going);
    if (about !== holding)
      // Ids only: a subject may name the complainant (why it was restated).
      deps.logger?.info('letter written about the subject as restated since', {
        notificationId: n.id,
        caseId: n.caseId,
        agencyId: n.agencyId,
        step: n.step,
      });
    if (going !== about)
      // Ids and the step only: the addresses stay out of the logs.
      deps.logger?.info('letter addressed as its parties are now: their contacts changed', {
        notificationId: n.id,
        caseId: n.caseId,
        agencyId: n.agencyId,
        step: n.step,
      });
    if (holding !== n)
      deps.logger?.info(
        'letter names targets met or moved since it was written: sent as they are now',
        {
          notificationId: n.id,
          caseId: n.caseId,
          agencyId: n.agencyId,
          step: n.step,
          targets: going.targets,
        },
      );
    return deliver(deps, n, hours, going);
  }
  return cancel(deps, n, reason, now);
}

/**
 * A letter about to go whose parties have no address for it now (`letterAddressedNow`: the
 * only head removed while it was held), recorded `failed` with why over `n` as read, for
 * central's list of failed letters (never sent).
 */
async function unaddressed(
  deps: EngineDeps,
  n: NotificationRecord,
  outcome: NotificationRecord,
): Promise<NotificationRecord | undefined> {
  if (!(await deps.store.recordDelivery(outcome, n))) return undefined;
  (deps.metrics ?? noMetrics).count(METRIC.lettersFailed, 1);
  deps.logger?.error('letter addressed to no one now: recorded failed for central', {
    notificationId: n.id,
    caseId: n.caseId,
    agencyId: n.agencyId,
    step: n.step,
  });
  return outcome;
}

/** A letter that no longer holds, recorded `cancelled` with why (never sent). */
async function cancel(
  deps: EngineDeps,
  n: NotificationRecord,
  reason: LetterVoidReason,
  now: Date,
): Promise<NotificationRecord | undefined> {
  const outcome = cancelledLetter(n, reason, now);
  if (!(await deps.store.recordDelivery(outcome, n))) return undefined;
  deps.logger?.info('letter no longer holds: not sent', {
    notificationId: n.id,
    caseId: n.caseId,
    agencyId: n.agencyId,
    step: n.step,
    reason,
  });
  return outcome;
}

/**
 * One delivery attempt of a letter that is due (pending, past its backoff), recorded on the
 * letter: sent, or refused (retried after the backoff, in the agency's letter `hours` when
 * given; `failed` after the last attempt). `going`: the letter to send and record in place of
 * `n` as read (naming fewer targets: `letterAsItHolds`). Returns what was recorded, or
 * undefined when the letter was not due.
 */
export async function deliver(
  deps: EngineDeps,
  n: NotificationRecord,
  hours?: LetterHours,
  going: NotificationRecord = n,
): Promise<NotificationRecord | undefined> {
  const now = deps.clock();
  if (!deliveryDue(n, now)) return undefined;
  // Claimed first: a copy another sender has claimed (or sent) since it was read goes no further.
  const claim = claimedForSending(going, now);
  if (!(await deps.store.recordDelivery(claim, n))) return undefined;
  return sendClaimed(deps, going, claim, hours);
}

/** What one attempt came to: `outcome`, and the addresses refused on the way. */
interface Attempted {
  readonly outcome: NotificationRecord;
  readonly refused: readonly RefusedAddress[];
}

/**
 * One delivery attempt of claimed letter `n`. An address the mail service refuses by name
 * (`AddressesRefused`: it sent the message to no one) does not sink the letter: it goes at once
 * to its other addresses (the claim still held, so no other sender sends it meanwhile; none of
 * them got it, so none gets it twice), and is recorded `sent` to them. Refused at every To, it
 * is refused as a whole (retried, `failed` after the last attempt), to the addresses it had.
 */
async function attempt(
  deps: EngineDeps,
  n: NotificationRecord,
  now: Date,
  hours?: LetterHours,
): Promise<Attempted> {
  let going = n;
  const refused: RefusedAddress[] = [];
  // Each round drops at least one address, so it ends.
  for (;;) {
    try {
      await deps.mailer.send(going, now);
      return { outcome: delivered(going, deps.clock()), refused };
    } catch (error) {
      const named = error instanceof AddressesRefused ? refusedOf(going, error) : [];
      if (named.length > 0) refused.push(...named);
      const without = withoutAddresses(going, named);
      if (named.length === 0 || without.recipients.length === 0)
        return { outcome: deliveryFailed(n, error, now, hours), refused };
      going = without;
    }
  }
}

/** The addresses of `n` that `error` names (a mailer may name one twice, or one not there). */
function refusedOf(n: NotificationRecord, error: AddressesRefused): RefusedAddress[] {
  const own = new Set([...n.recipients, ...n.cc].map((a) => a.toLowerCase()));
  return error.refused.filter((r) => own.delete(r.address.toLowerCase()));
}

/** Letter `n` to its addresses but `refused`. */
function withoutAddresses(
  n: NotificationRecord,
  refused: readonly RefusedAddress[],
): NotificationRecord {
  const out = new Set(refused.map((r) => r.address.toLowerCase()));
  const kept = (xs: readonly string[]) => xs.filter((a) => !out.has(a.toLowerCase()));
  return { ...n, recipients: kept(n.recipients), cc: kept(n.cc) };
}

/** The outcome recorded with the addresses refused at this attempt (none: none kept from before). */
function refusing({ outcome, refused }: Attempted): NotificationRecord {
  const { refusedAddresses: _earlier, ...rest } = outcome;
  return refused.length > 0 ? { ...rest, refusedAddresses: refused } : rest;
}

/**
 * Sends letter `n` that its caller holds the claim of (`claim`, written over `n`: by `deliver`,
 * or by the Tick's commit that wrote the letter), and records the outcome over the claim.
 */
export async function sendClaimed(
  deps: EngineDeps,
  n: NotificationRecord,
  claim: NotificationRecord,
  hours?: LetterHours,
): Promise<NotificationRecord | undefined> {
  const now = deps.clock();
  // A copy refused stays `sent` (the letter reached its other addresses before).
  const outcome = copyOutcome(refusing(await attempt(deps, n, now, hours)));
  // Ids and the step only: the letter's recipients and text stay out of the logs.
  const fields = {
    notificationId: n.id,
    caseId: n.caseId,
    agencyId: n.agencyId,
    step: n.step,
    attempts: outcome.attempts,
  };
  // Only over the letter as claimed: central's resend may have changed it since (a stale
  // outcome would undo the resend). One that went is recorded sent over a cancellation made
  // meanwhile (`recordDelivery`).
  if (!(await deps.store.recordDelivery(outcome, claim))) {
    deps.logger?.warn('letter changed during its delivery: outcome not recorded', fields);
    return undefined;
  }
  if (outcome.status === 'sent') {
    if (outcome.refusedAddresses) {
      // Not `LettersFailed` (its alarm is the operators'): a contact for central to correct,
      // from its list of failed letters. How many, not which: the addresses stay out of logs.
      deps.logger?.warn('letter delivered, but the mail service refused some addresses', {
        ...fields,
        refusedAddresses: outcome.refusedAddresses.length,
      });
    } else deps.logger?.info('letter delivered', fields);
    return outcome;
  }
  const metrics = deps.metrics ?? noMetrics;
  metrics.count(METRIC.deliveriesFailed, 1);
  // Refused by name, the mailer's words list the addresses: how many, not which, in the logs.
  const why = outcome.refusedAddresses?.length
    ? { refusedAddresses: outcome.refusedAddresses.length }
    : { error: outcome.lastError };
  if (outcome.status === 'failed') {
    metrics.count(METRIC.lettersFailed, 1);
    deps.logger?.error('letter failed after its last attempt', { ...fields, ...why });
  } else {
    deps.logger?.warn('letter delivery refused; retried later', {
      ...fields,
      ...why,
      nextAttemptAt: outcome.nextAttemptAt,
    });
  }
  return outcome;
}
