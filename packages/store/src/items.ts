/**
 * Each entity as the item the table stores: its record with its keys (`keys.ts`) and an
 * `entity` tag. Written once here, used by the adapter's writes and by the test that measures
 * the largest item each entity can reach (`item-size.test.ts`).
 */
import {
  type ActivityInvitation,
  type ActivityRecord,
  type Agency,
  type AssignmentRecord,
  type CalendarDay,
  type CaseRecord,
  type ClockEntry,
  type ExtensionRequestRecord,
  type IdempotencyRecord,
  type JobChunk,
  type JobFailure,
  type LadderRecord,
  type LetterKey,
  letterPartlyRefused,
  type NotificationRecord,
  type RearmJobRecord,
  sameName,
  scopeKey,
  type SlaPolicy,
  type TimelineEvent,
  type UniqueClaim,
} from '@pantau/core';
import { assignmentBucket, assignmentSortKey, keys } from './keys.ts';
import { TTL_ATTRIBUTE } from './table.ts';

export type Item = Record<string, unknown>;

export const agencyItem = (agency: Agency): Item => ({
  ...keys.agency(agency.id),
  entity: 'agency',
  ...(agency.focalPointId
    ? { gsi1pk: keys.memberUnits(agency.focalPointId), gsi1sk: agency.id }
    : {}),
  ...agency,
});

/**
 * The claim of an agency's name (`sameName`), written with the agency that takes it: a second
 * agency's write claiming it is refused. `agencyId` says who holds it.
 */
export const agencyNameItem = (agency: Agency): Item => ({
  ...keys.agencyName(sameName(agency.name)),
  entity: 'agency_name',
  agencyId: agency.id,
});

export const policyItem = (policy: SlaPolicy): Item => ({
  ...keys.policy(policy.id),
  entity: 'policy',
  ...policy,
});

export const calendarDayItem = (calendarId: string, day: CalendarDay): Item => ({
  ...keys.calendarDay(calendarId, day.date),
  entity: 'calendar_day',
  ...day,
});

export const calendarYearItem = (calendarId: string, year: number): Item => ({
  ...keys.calendarYear(calendarId, year),
  entity: 'calendar_year',
  year,
});

export const caseItem = (c: CaseRecord): Item => ({
  ...keys.case(c.id),
  entity: 'case',
  gsi1pk: keys.allCases,
  gsi1sk: `${c.receivedAt}#${c.id}`,
  gsi2pk: keys.casesByStatus(c.status),
  gsi2sk: `${c.receivedAt}#${c.id}`,
  // gsi3 is sparse: listed while its e-mail receipt waits to be sent, for the sweep to retry a
  // failed send. On the case item itself, so the write that registers the case lists it and
  // the one that marks the receipt sent (or given up) takes it off, with nothing that could
  // drift apart. A claim on it (`mailReceipt.claimedUntil`) keeps it listed: a run holding one
  // may crash before marking it, and the sweep sends it once the claim lapses.
  ...(c.mailReceipt && !c.mailReceipt.sentAt && !c.mailReceipt.givenUpAt
    ? { gsi3pk: keys.pendingReceipts, gsi3sk: `${c.createdAt}#${c.id}` }
    : {}),
  ...c,
});

export const trackingCodeItem = (c: CaseRecord): Item => ({
  ...keys.trackingCode(c.trackingCode),
  entity: 'tracking_code',
  caseId: c.id,
});

export const claimItem = (c: CaseRecord, claim: UniqueClaim): Item => ({
  ...keys.claim(claim.kind, claim.value),
  entity: 'claim',
  kind: claim.kind,
  caseId: c.id,
});

export const assignmentItem = (a: AssignmentRecord): Item => {
  const bucket = assignmentBucket(a);
  const sortKey = assignmentSortKey(a);
  return {
    ...keys.assignment(a.caseId, a.agencyId),
    entity: 'assignment',
    gsi1pk: keys.queue(a.agencyId, bucket),
    gsi1sk: sortKey,
    gsi2pk: keys.worklist(bucket),
    gsi2sk: sortKey,
    ...(a.delegatedTo ? { gsi3pk: keys.delegated(a.delegatedTo, bucket), gsi3sk: sortKey } : {}),
    ...a,
  };
};

export const clockEntryItem = (e: ClockEntry): Item => ({
  ...keys.clockEntry(e.caseId, e.agencyId, e.generation, e.id),
  entity: 'clock_entry',
  ...e,
});

export const ladderItem = (l: LadderRecord): Item => ({
  ...keys.ladder(l.caseId, l.agencyId),
  entity: 'ladder',
  ...(l.wakeAt ? { gsi1pk: keys.timers, gsi1sk: `${l.wakeAt}#${l.caseId}#${l.agencyId}` } : {}),
  ...l,
});

export const ladderStepItem = (n: NotificationRecord, stepId: string): Item => ({
  ...keys.step(n.caseId, n.agencyId, n.generation, stepId),
  entity: 'ladder_step',
  at: n.createdAt,
});

export const extensionItem = (x: ExtensionRequestRecord): Item => ({
  ...keys.extension(x.caseId, x.agencyId, x.id),
  entity: 'extension_request',
  // Listed on central's desk while it waits for a decision (the index entry goes with it).
  ...(x.status === 'pending'
    ? {
        gsi1pk: keys.pendingExtensions,
        gsi1sk: `${x.requestedAt}#${x.caseId}#${x.agencyId}#${x.id}`,
      }
    : {}),
  ...x,
});

export const activityItem = (a: ActivityRecord): Item => ({
  ...keys.activity(a.caseId, a.id),
  entity: 'activity',
  // Every write puts it in its status's partition (one written before then moves there).
  gsi1pk: keys.activities(a.status),
  gsi1sk: `${a.scheduledAt ?? '0000'}#${a.id}`,
  ...a,
});

/**
 * How long an invitation outlives the moment it is held, past which the table's TTL removes it:
 * an activity held but not yet reported stays planned, and its list reads from the start of
 * today only (in the easternmost zone, 9 hours before UTC's), so after two days none reads it.
 */
export const INVITATION_AFTERLIFE_SECONDS = 2 * 24 * 60 * 60;

/** An invitation's key: the agency's own, or the one through its focal point (`via`). */
export const invitationKey = (i: ActivityInvitation) =>
  i.via === undefined
    ? keys.invitation(i.caseId, i.activityId, i.agencyId)
    : keys.heldInvitation(i.caseId, i.activityId, i.via);

/**
 * An agency's invitation (`ActivityInvitation`): on its agency's gsi1 partition by when it is
 * held, with its case and activity to read them by, and a member unit's the focal point it is
 * held through (`via`). A few hundred bytes at most: ids of at most 64 characters, a kind, an
 * instant (`item-size.test.ts`).
 */
export const invitationItem = (i: ActivityInvitation): Item => ({
  ...invitationKey(i),
  entity: 'activity_invitation',
  gsi1pk: keys.invitations(i.agencyId),
  gsi1sk: `${i.scheduledAt}#${i.caseId}#${i.activityId}`,
  caseId: i.caseId,
  activityId: i.activityId,
  agencyId: i.agencyId,
  ...(i.via !== undefined ? { via: i.via } : {}),
  kind: i.kind,
  scheduledAt: i.scheduledAt,
  ...(i.venue !== undefined ? { venue: i.venue } : {}),
  [TTL_ATTRIBUTE]: Math.ceil(Date.parse(i.scheduledAt) / 1000) + INVITATION_AFTERLIFE_SECONDS,
});

export const eventItem = (e: TimelineEvent): Item => ({
  ...keys.event(e.caseId, e.id),
  entity: 'event',
  ...e,
});

/**
 * A letter's place on the letters logs (gsi1, gsi2) and its shares' (`letterShareItem`): by when
 * it was written, its date. One written late (the ladder ran after the clock jumped, a re-arm
 * wrote a step due days before) is new to whoever looked since, and tops the log, as it arrived.
 */
export const letterOrder = (letter: { createdAt: string; id: string }): string =>
  `${letter.createdAt}#${letter.id}`;

export const notificationItem = (n: NotificationRecord): Item => ({
  ...keys.notification(n.caseId, n.id),
  entity: 'notification',
  gsi1pk: keys.allNotifications,
  gsi1sk: letterOrder(n),
  gsi2pk: keys.agencyNotifications(n.agencyId),
  gsi2sk: letterOrder(n),
  // gsi3 is sparse: the outbox while pending, central's list once failed (or sent with an
  // address refused: a copy that did not arrive), nothing once sent to all.
  ...(n.status === 'pending' ? { gsi3pk: keys.outbox, gsi3sk: `${n.createdAt}#${n.id}` } : {}),
  ...((n.status === 'failed' || letterPartlyRefused(n)) && !n.handled
    ? { gsi3pk: keys.failedLetters, gsi3sk: `${n.createdAt}#${n.id}` }
    : {}),
  ...n,
});

/**
 * A letter shared with the member unit `memberId` (`LetterShares`): on its gsi2 partition, by
 * when the letter was written and its id as the unit's own letters are on theirs, with what a
 * page needs to read the letter itself (its key) and to size the page (`bytes`), and whether it
 * was cancelled (the unit's badge leaves it out without reading the letter).
 */
export const letterShareItem = (
  share: { caseId: string; agencyId: string; memberId: string },
  letter: LetterKey,
): Item => ({
  ...keys.letterShare(share.caseId, share.agencyId, letter.id),
  entity: 'letter_share',
  gsi2pk: keys.sharedNotifications(share.memberId),
  gsi2sk: letterOrder(letter),
  caseId: share.caseId,
  agencyId: share.agencyId,
  memberId: share.memberId,
  notificationId: letter.id,
  createdAt: letter.createdAt,
  bytes: letter.bytes,
  ...(letter.cancelled ? { cancelled: true } : {}),
});

/**
 * A key's stored answer, with the table's TTL at its `expiresAt` (rounded up: DynamoDB never
 * deletes it while it still answers) so that the copy of the answer goes once it stops serving.
 */
export const idempotencyItem = ({ replaces, ...r }: IdempotencyRecord): Item => ({
  ...keys.idempotency(r.tenant, r.key),
  entity: 'idempotency',
  ...r,
  ...(r.expiresAt ? { [TTL_ATTRIBUTE]: Math.ceil(Date.parse(r.expiresAt) / 1000) } : {}),
});

/** A re-arming job's record: its counters, its listing's position (job-store.ts). */
export const jobItem = (job: RearmJobRecord): Item => ({
  ...keys.job(job.id),
  entity: 'job',
  ...job,
});

/** Its scope's pointer to its latest job. */
export const jobScopeItem = (job: RearmJobRecord): Item => ({
  ...keys.jobScope(scopeKey(job.scope)),
  entity: 'job_scope',
  jobId: job.id,
});

/** A chunk of a job's work, deleted as it is done. */
export const jobChunkItem = (chunk: JobChunk): Item => ({
  ...keys.jobChunk(chunk.jobId, chunk.index),
  entity: 'job_chunk',
  ...chunk,
});

/** One assignment a job could not re-arm (at most `MAX_RECORDED_FAILURES` a job). */
export const jobFailureItem = (jobId: string, failure: JobFailure): Item => ({
  ...keys.jobFailure(jobId, failure.caseId, failure.agencyId),
  entity: 'job_failure',
  ...failure,
});

/** The version of the stored data the last completed upgrade job brought. */
export const upgradeItem = (version: number, jobId: string | null, now: Date): Item => ({
  ...keys.upgrade,
  entity: 'upgrade',
  version,
  jobId,
  at: now.toISOString(),
});
