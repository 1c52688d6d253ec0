/**
 * Delivering the ladder's letters: one attempt at a letter that is due, recorded on it (sent, or
 * refused and retried in letter hours, or failed after the last attempt), and a letter that
 * waited checked again before it goes. Used by the Tick (the letters it has just written, and
 * an outbox a crash left) and by the sweep (letters held for letter hours, retries).
 */
import {
  type AssignmentRecord,
  Calendar,
  cancelledLetter,
  delivered,
  deliveryDue,
  deliveryFailed,
  heldForLetterHours,
  letterVoidReason,
  type NotificationRecord,
} from '@pantau/core';
import { METRIC, noMetrics } from './metrics.ts';
import type { EngineDeps } from './tick.ts';

/**
 * Sends the letters of one assignment still in the outbox. A crash between the step's commit
 * and here leaves them pending; the next tick (or the embedded runtime's start) sends them.
 * Delivery is at least once; the mailers make a repeat harmless (one file, one message id).
 */
export async function deliverOutbox(
  deps: EngineDeps,
  caseId: string,
  assignment: AssignmentRecord,
): Promise<void> {
  for (const n of await deps.store.listUndelivered(caseId, assignment.agencyId))
    await deliverIfTrue(deps, n, assignment);
}

/**
 * A letter that waited (held for letter hours, refused and tried again, left by a crash): sent
 * if it is due and still true (`letterVoidReason`), else `cancelled` with the reason, never
 * sent. A pause alone does not cancel it: it was true when written and its rung counts as
 * given (the ladder does not write it again after the resume). Returns what was recorded.
 */
export async function deliverIfTrue(
  deps: EngineDeps,
  n: NotificationRecord,
  assignment: AssignmentRecord | undefined,
): Promise<NotificationRecord | undefined> {
  const now = deps.clock();
  if (!deliveryDue(n, now)) return undefined;
  const reason = letterVoidReason(n, assignment, now);
  if (!reason || reason === 'paused') return deliver(deps, n, assignment);
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
 * A refused rung letter's retry, moved into letter hours (on the agency's calendar, in its time
 * zone) when its backoff would end outside them: one refused at 15:55 is tried again at 08:00
 * the next working day, not at 16:10. Its age in the outbox counts from then, as a held
 * letter's. The forwarding letter, central's act, keeps its backoff.
 */
async function retryInLetterHours(
  deps: EngineDeps,
  outcome: NotificationRecord,
  assignment: AssignmentRecord | undefined,
): Promise<NotificationRecord> {
  if (!assignment || outcome.action === 'forwarding' || !outcome.nextAttemptAt) return outcome;
  const stored = await deps.store.getCalendar(assignment.calendarId);
  if (!stored) return outcome;
  const retry = new Date(outcome.nextAttemptAt);
  return heldForLetterHours(outcome, new Calendar(stored), assignment.timeZone, retry);
}

/**
 * One delivery attempt of a letter that is due (pending, past its backoff), recorded on the
 * letter: sent, or refused (retried after the backoff, in letter hours when its `assignment` is
 * given; `failed` after the last attempt). Returns what was recorded, or undefined when the
 * letter was not due.
 */
export async function deliver(
  deps: EngineDeps,
  n: NotificationRecord,
  assignment?: AssignmentRecord,
): Promise<NotificationRecord | undefined> {
  const now = deps.clock();
  if (!deliveryDue(n, now)) return undefined;
  let outcome: NotificationRecord;
  try {
    await deps.mailer.send(n);
    outcome = delivered(n, deps.clock());
  } catch (error) {
    outcome = await retryInLetterHours(deps, deliveryFailed(n, error, now), assignment);
  }
  // Ids and the step only: the letter's recipients and text stay out of the logs.
  const fields = {
    notificationId: n.id,
    caseId: n.caseId,
    agencyId: n.agencyId,
    step: n.step,
    attempts: outcome.attempts,
  };
  // Only over the letter as it was read: another delivery, or central's resend, may have
  // changed it since (a stale outcome would undo the resend). One that went is recorded sent
  // over a cancellation the sweep made meanwhile (`recordDelivery`).
  if (!(await deps.store.recordDelivery(outcome, n))) {
    deps.logger?.warn('letter changed during its delivery: outcome not recorded', fields);
    return undefined;
  }
  if (outcome.status === 'sent') {
    deps.logger?.info('letter delivered', fields);
    return outcome;
  }
  const metrics = deps.metrics ?? noMetrics;
  metrics.count(METRIC.deliveriesFailed, 1);
  if (outcome.status === 'failed') {
    metrics.count(METRIC.lettersFailed, 1);
    deps.logger?.error('letter failed after its last attempt', {
      ...fields,
      error: outcome.lastError,
    });
  } else {
    deps.logger?.warn('letter delivery refused; retried later', {
      ...fields,
      error: outcome.lastError,
      nextAttemptAt: outcome.nextAttemptAt,
    });
  }
  return outcome;
}
