/**
 * Every key format, written once. Each partition key (table and GSI) starts with the tenant
 * that owns the item, so IAM `dynamodb:LeadingKeys` can later act as a second guard. Records
 * held by the central unit (cases, agencies registry, calendars, policies) start with `setneg`.
 */
import { type AssignmentRecord, CENTRAL_TENANT, isOpen, nextDueAt } from '@pantau/core';
import { createHash } from 'node:crypto';

const C = CENTRAL_TENANT;

export const keys = {
  agency: (id: string) => ({ pk: `${C}#AGENCY`, sk: `AGENCY#${id}` }),
  agencyPrefix: { pk: `${C}#AGENCY`, skPrefix: 'AGENCY#' },
  /**
   * An agency's name as claimed (`sameName`: trimmed, spaces collapsed, lower case), in clear:
   * a name is public and at most 200 characters.
   */
  agencyName: (name: string) => ({ pk: `${C}#AGENCYNAME#${name}`, sk: 'AGENCYNAME' }),
  /** gsi1: a focal point's member units. */
  memberUnits: (focalPointId: string) => `${C}#FOCAL#${focalPointId}`,

  calendar: (id: string) => `${C}#CAL#${id}`,
  calendarDay: (id: string, date: string) => ({ pk: `${C}#CAL#${id}`, sk: `DAY#${date}` }),
  calendarYear: (id: string, year: number) => ({ pk: `${C}#CAL#${id}`, sk: `YEAR#${year}` }),
  policy: (id: string) => ({ pk: `${C}#POLICY`, sk: `POLICY#${id}` }),
  /**
   * The settings' version: a counter every edit of a policy, a calendar or the document
   * settings bumps in its own transaction (settings-cache.ts says who reads it).
   */
  settingsVersion: { pk: `${C}#SETTINGS`, sk: 'VERSION' },

  /** A case, its assignments and its timeline share one item collection. */
  casePk: (caseId: string) => `${C}#CASE#${caseId}`,
  case: (caseId: string) => ({ pk: `${C}#CASE#${caseId}`, sk: '#CASE' }),
  assignment: (caseId: string, agencyId: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `ASSIGN#${agencyId}`,
  }),
  event: (caseId: string, eventId: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `EVENT#${eventId}`,
  }),
  /** gsi1 / gsi2: central's case list, all and by status, newest first. */
  allCases: `${C}#CASES`,
  casesByStatus: (status: string) => `${C}#CASES#${status}`,

  /** An assignment's ladder sorts right after it, so a case read brings both. */
  ladder: (caseId: string, agencyId: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `ASSIGN#${agencyId}#LADDER`,
  }),
  /** An agency's extension requests sort with its assignment. */
  extension: (caseId: string, agencyId: string, id: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `ASSIGN#${agencyId}#EXT#${id}`,
  }),
  /**
   * An extension or ended pause of one generation of an assignment. `HIST#` sorts after
   * `EVENT#`, so reading a case (`sk < EVENT#`) leaves these histories out; the deadline
   * explanation reads one generation's with `begins_with`.
   */
  clockEntry: (caseId: string, agencyId: string, generation: number, id: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `HIST#${agencyId}#${generation}#${id}`,
  }),
  /** gsi1: extension requests waiting for central's decision, oldest first. */
  pendingExtensions: `${C}#EXT#pending`,
  /** A monitoring activity sorts in its case's collection (before the events). */
  activity: (caseId: string, id: string) => ({ pk: `${C}#CASE#${caseId}`, sk: `ACT#${id}` }),
  /**
   * The count of the clarifications central intervention proposed on a case, as its `version`
   * (`OpenActivities.proposalsWritten`): a new proposal is written under it, so that of two
   * agencies' steps at once one writes it and the other, read again, joins it. After every
   * activity id (`~`), read with them (`ACT#`).
   */
  ladderProposals: (caseId: string) => ({ pk: `${C}#CASE#${caseId}`, sk: 'ACT#~LADDER' }),
  /**
   * gsi1: central's activity calendar, a partition per status (a status's page reads that
   * status's activities only), by scheduled time (unscheduled first).
   */
  activities: (status: string) => `${C}#ACTIVITIES#${status}`,
  /**
   * One agency's invitation to a planned activity (`ActivityInvitation`), in its case's
   * collection. `INVITE#` sorts after `EVENT#`, so reading a case (`sk < EVENT#`) leaves it out.
   */
  invitation: (caseId: string, activityId: string, agencyId: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `INVITE#${activityId}#${agencyId}`,
  }),
  /**
   * The invitation of the member unit holding the assignment of `agencyId` (a focal point) to a
   * planned activity (`ActivityInvitation.via`): one through each agency, whichever unit holds
   * it, so a delegation elsewhere replaces it and a take-back deletes it by this key alone.
   */
  heldInvitation: (caseId: string, activityId: string, agencyId: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `INVITE#${activityId}#${agencyId}#HELD`,
  }),
  /** gsi1: an agency's coming activities, by when each is held (the agency's partition). */
  invitations: (agencyId: string) => `${agencyId}#INVITED`,
  /**
   * gsi1: the calendar's one partition before it was split by status, every status together.
   * Nothing is written there any more: an activity leaves it at its next write.
   */
  activitiesBeforeStatus: `${C}#ACTIVITIES`,
  policyPrefix: { pk: `${C}#POLICY`, skPrefix: 'POLICY#' },
  /** gsi1: the embedded engine's timers, soonest first (only ladders with a wake instant). */
  timers: `${C}#TIMERS`,
  /** A taken ladder step: its exactly-once marker. */
  step: (caseId: string, agencyId: string, generation: number, stepId: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `STEP#${agencyId}#${generation}#${stepId}`,
  }),
  notification: (caseId: string, id: string) => ({ pk: `${C}#CASE#${caseId}`, sk: `NOTIF#${id}` }),
  /** gsi1: every letter; gsi2: one agency's letters; by when each was written (`letterOrder`). */
  allNotifications: `${C}#NOTIFS`,
  agencyNotifications: (agencyId: string) => `${C}#NOTIFS#${agencyId}`,
  /**
   * A letter of a focal point's assignment shared with the member unit it is delegated to: one
   * item per letter (the unit holding it now), beside the case's letters. `LETTERSHARE#` sorts
   * after `EVENT#` (a case read leaves it out) and apart from `NOTIF#` (the case's letters).
   */
  letterShare: (caseId: string, agencyId: string, id: string) => ({
    pk: `${C}#CASE#${caseId}`,
    sk: `LETTERSHARE#${agencyId}#${id}`,
  }),
  /** gsi2: the letters shared with a member unit, by when each was written as its own are. */
  sharedNotifications: (memberId: string) => `${C}#NOTIFS_SHARED#${memberId}`,
  /** gsi3: letters still to send, oldest first (present only while pending). */
  outbox: `${C}#OUTBOX`,
  /** gsi3: letters given up after their delivery attempts, oldest first (central's desk). */
  failedLetters: `${C}#FAILED_LETTERS`,
  /** gsi3: cases whose e-mail receipt is still to send, oldest first (the sweep's to retry). */
  pendingReceipts: `${C}#RECEIPTS`,

  /** An agency's statistics counters, one item per forwarding date. */
  statsPk: (agencyId: string) => `${C}#STATS#${agencyId}`,
  /** A day (`YYYY-MM-DD`) or its month roll-up (`YYYY-MM`). */
  statsBucket: (agencyId: string, bucket: string) => ({
    pk: `${C}#STATS#${agencyId}`,
    sk: `${bucket.length === 7 ? 'MONTH' : 'DAY'}#${bucket}`,
  }),

  /**
   * Search index (search-index.ts): a lookup (an identifier's cases) and a postings partition
   * (a token head's cases), each keyed by an HMAC, never the value in clear; sorted by
   * `<receivedAt>#<caseId>`, newest first when read descending.
   */
  lookup: (hmac: string) => `${C}#LOOKUP#${hmac}`,
  postings: (hmac: string) => `${C}#WORD#${hmac}`,
  caseOrder: (receivedAt: string, caseId: string) => `${receivedAt}#${caseId}`,

  /**
   * The case a tracking code opens. The code is the complainant's credential and a key travels
   * further than an attribute (CloudTrail data events, Contributor Insights, error messages
   * naming a key): its SHA-256 (of the normalised code, as the claims' values), never the code.
   */
  trackingCode: (code: string) => ({
    pk: `${C}#TRACK#H#${createHash('sha256').update(code).digest('base64url')}`,
    sk: 'TRACK',
  }),
  /** The same item as written before the code was hashed: read only, when the hashed is absent. */
  legacyTrackingCode: (code: string) => ({ pk: `${C}#TRACK#${code}`, sk: 'TRACK' }),
  /**
   * A unique value one case holds (external reference, Message-ID, import row key, spent proof
   * of work). The value is hashed: a Message-ID may run to hundreds of characters, and a key
   * should not carry what a sender wrote.
   */
  claim: (kind: string, value: string) => ({
    pk: `${C}#CLAIM#${kind}#${createHash('sha256').update(value).digest('base64url')}`,
    sk: 'CLAIM',
  }),
  idempotency: (tenant: string, key: string) => ({ pk: `${tenant}#IDEM#${key}`, sk: 'IDEM' }),
  /** A list's cursor too long for a URL, kept a day (paging.ts): its own partition. */
  cursor: (id: string) => ({ pk: `CURSOR#${id}`, sk: 'CURSOR' }),

  /** gsi3 (sparse): assignments a focal point delegated to a member unit. */
  delegated: (memberId: string, bucket: string) => `${memberId}#DELEGATED#${bucket}`,
  /** gsi1: an agency's queue; gsi2: central's worklist. One partition per bucket. */
  queue: (agencyId: string, bucket: string) => `${agencyId}#QUEUE#${bucket}`,
  worklist: (bucket: string) => `${C}#WORK#${bucket}`,

  /** A re-arming job: its counters, its chunks of work (deleted as done), its failures. */
  job: (id: string) => ({ pk: `${C}#JOB#${id}`, sk: '#JOB' }),
  jobChunk: (id: string, index: number) => ({
    pk: `${C}#JOB#${id}`,
    sk: `CHUNK#${String(index).padStart(6, '0')}`,
  }),
  jobFailure: (id: string, caseId: string, agencyId: string) => ({
    pk: `${C}#JOB#${id}`,
    sk: `FAIL#${caseId}#${agencyId}`,
  }),
  /** Each scope's latest job (the one that supersedes the others). */
  jobScope: (scope: string) => ({ pk: `${C}#JOBS`, sk: `SCOPE#${scope}` }),
  jobScopePrefix: { pk: `${C}#JOBS`, skPrefix: 'SCOPE#' },
  /** The stored data's version the last completed upgrade job brought (`UPGRADE_VERSION`). */
  upgrade: { pk: `${C}#UPGRADE`, sk: 'UPGRADE' },
} as const;

/**
 * Open assignments share the `open` bucket, ordered by their soonest unmet deadline (so
 * "overdue" is a key condition: sort key < now); ended ones sit in a bucket per state,
 * ordered by when they ended.
 */
export const assignmentBucket = (a: AssignmentRecord): string => (isOpen(a) ? 'open' : a.state);
export const assignmentSortKey = (a: AssignmentRecord): string =>
  `${isOpen(a) ? (nextDueAt(a) ?? '9999') : a.updatedAt}#${a.caseId}#${a.agencyId}`;
