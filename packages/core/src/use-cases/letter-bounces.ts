/**
 * A letter the mail service accepted and then could not deliver. Embedded, the mailer refuses a
 * wrong address at the send; on AWS, SES accepts the letter and reports the receiving server's
 * refusal (a bounce) minutes later, by event. Either way the letter ends `failed` with the
 * service's words, so central's desk, the by-agency flag and the ladder panel read both alike.
 */
import { undeliveredLetter } from '../ladder/outbox.ts';
import type { NotificationRecord } from '../notification.ts';
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
}

/**
 * What a bounce did: `recorded`, the letter is `failed` now; `unknown`, no such letter here.
 * The others leave the letter as it is: `already_failed` (the same event again, or a second
 * copy of a letter sent twice), `handled` (central closed it off), `resent_since` (central sent
 * it again after that message went: the bounce is of an earlier round, and the round since
 * stands, whether it is queued, went or failed on its own), `not_sent` (queued or cancelled:
 * a send whose record a crash lost; its next attempt goes to the same address, and that one's
 * bounce is recorded).
 */
export type LetterBounceOutcome =
  'recorded' | 'unknown' | 'already_failed' | 'handled' | 'resent_since' | 'not_sent';

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
    // Only over the letter as read: a resend made meanwhile is read again, and then stands.
    if (!(await deps.store.recordUndelivered(undeliveredLetter(n, bounce.error), n)))
      throw new WriteConflict('version', `letter ${n.id} changed while its bounce was recorded`);
    return 'recorded';
  });
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
  return null;
}
