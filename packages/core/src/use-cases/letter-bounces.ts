/**
 * A letter the mail service accepted and then could not deliver. Embedded, the mailer refuses a
 * wrong address at the send; on AWS, SES accepts the letter and reports the receiving server's
 * refusal (a bounce) minutes later, by event. Either way the letter ends `failed` with the
 * service's words, so central's desk, the by-agency flag and the ladder panel read both alike.
 */
import { copyOutcome, isCopyOfSent, undeliveredLetter } from '../ladder/outbox.ts';
import {
  type NotificationRecord,
  REFUSAL_REASON_MAX,
  type RefusedAddress,
} from '../notification.ts';
import { WriteConflict } from '../ports.ts';
import { retryOnConflict, type ServiceDeps } from './kernel/index.ts';

/** What the mail service reported of one message of a letter after accepting it. */
export interface LetterBounce {
  readonly caseId: string;
  readonly notificationId: string;
  /** When the mail service accepted that message: which send of the letter bounced. */
  readonly acceptedAt: string;
  /**
   * The mail service's words, for an operator (the letter's `lastError`, as a refused send's):
   * the addresses refused and why. Read for `failure` as a refusal at sending is.
   */
  readonly error: string;
  /**
   * The addresses refused, each with the server's words (a bounce names them; a reject, none).
   * When some To address is not among them, the letter reached it: it stays `sent`, and the
   * refused ones are recorded on it (`refusedAddresses`, `letterPartlyRefused`).
   */
  readonly refused?: readonly RefusedAddress[];
}

/**
 * What a bounce did: `recorded`, the letter is `failed` now; `unknown`, no such letter here.
 * `copy_refused`, the letter stays `sent`, the addresses refused recorded on it: it reached
 * another of its To addresses. The others leave the letter as it is: `already_failed` (the same
 * event again, or a second copy of a letter sent twice), `handled` (central closed it off),
 * `resent_since` (central sent it again after that message went: the bounce is of an earlier
 * round, and the round since stands, whether it is queued, went or failed on its own), `not_sent` (queued or cancelled:
 * a send whose record a crash lost; its next attempt goes to the same address, and that one's
 * bounce is recorded).
 */
export type LetterBounceOutcome =
  | 'recorded'
  | 'copy_refused'
  | 'unknown'
  | 'already_failed'
  | 'handled'
  | 'resent_since'
  | 'not_sent';

/**
 * Records a letter the mail service accepted and later reported undeliverable (on AWS, SES's
 * permanent bounce or reject: functions/ses-events.ts) as `failed`, as a refused send is
 * recorded at its last attempt. No principal: the mail service is no party to the case. A bounce
 * never reopens a letter central has acted on since (sent again, or marked handled), and one
 * sent again (EventBridge delivers at least once) writes nothing.
 */
export async function recordLetterBounce(
  deps: ServiceDeps,
  bounce: LetterBounce,
): Promise<LetterBounceOutcome> {
  return retryOnConflict(async () => {
    const n = await deps.store.getNotification(bounce.caseId, bounce.notificationId);
    if (!n) return 'unknown';
    const kept = keptAsItIs(n, bounce);
    if (kept) return kept;
    const { letter, copy } = bounced(n, bounce);
    // Only over the letter as read: a resend made meanwhile is read again, and then stands.
    if (!(await deps.store.recordUndelivered(letter, n)))
      throw new WriteConflict('version', `letter ${n.id} changed while its bounce was recorded`);
    return copy ? 'copy_refused' : 'recorded';
  });
}

/**
 * Sent letter `n` as the bounce leaves it: still `sent` with the addresses `bounce` refused
 * recorded on it (`refusedAddresses`, with those refused before), when it reached one of its To
 * addresses all the same (a head's Cc on a dead domain: the liaisons got it), else `failed`
 * (naming every address refused, when the bounce names them).
 */
function bounced(
  n: NotificationRecord,
  bounce: LetterBounce,
): { readonly letter: NotificationRecord; readonly copy: boolean } {
  if (!bounce.refused?.length)
    return isCopyOfSent(n)
      ? { letter: copyOutcome({ ...n, status: 'failed', lastError: bounce.error }), copy: true }
      : { letter: undeliveredLetter(n, bounce.error), copy: false };
  const refused = [...(n.refusedAddresses ?? []), ...bounce.refused]
    .map((r) => ({ address: r.address, reason: r.reason.slice(0, REFUSAL_REASON_MAX) }))
    .filter(
      (r, i, all) =>
        all.findIndex((o) => o.address.toLowerCase() === r.address.toLowerCase()) === i,
    );
  const out = new Set(refused.map((r) => r.address.toLowerCase()));
  const letter = { ...n, refusedAddresses: refused };
  // A copy central sent again (`isCopyOfSent`) reached its other addresses before: never failed.
  return n.recipients.every((a) => out.has(a.toLowerCase())) && !isCopyOfSent(n)
    ? { letter: undeliveredLetter(letter, bounce.error), copy: false }
    : { letter, copy: true };
}

/** Why a bounce leaves letter `n` as it is, or null when it fails the letter. */
function keptAsItIs(
  n: NotificationRecord,
  bounce: LetterBounce,
): Exclude<LetterBounceOutcome, 'recorded' | 'unknown'> | null {
  if (n.handled) return 'handled';
  // A resend follows the failure it answers by minutes at least: seconds of skew between the
  // mail service's clock and ours cannot put a round's own bounce before it.
  if (n.resentAt !== undefined && Date.parse(n.resentAt) > Date.parse(bounce.acceptedAt))
    return 'resent_since';
  if (n.status === 'failed') return 'already_failed';
  if (n.status !== 'sent') return 'not_sent';
  // The same bounce of a copy again: every address it names is recorded already.
  const known = new Set((n.refusedAddresses ?? []).map((r) => r.address.toLowerCase()));
  if (bounce.refused?.length && bounce.refused.every((r) => known.has(r.address.toLowerCase())))
    return 'already_failed';
  return null;
}
