/**
 * What the domain needs from persistence. packages/store implements it on DynamoDB; every
 * call is scoped by what the caller may see, and there is no unscoped "get by id" for
 * tenant data outside these names.
 */
import type { AssignmentRecord, AssignmentState } from './assignment.ts';
import type { ClockEntry } from './assignment-clock.ts';
import type { CalendarDay, WorkingCalendar } from './calendar.ts';
import type { CaseRecord, CaseStatus } from './case.ts';
import { DomainError } from './errors.ts';
import type { ComplaintType, SlaPolicy, Target } from './policy.ts';
import type { Agency } from './schemas.ts';
import type {
  ActivityInvitation,
  ActivityPut,
  ActivityRecord,
  InvitationWrite,
} from './activity.ts';
import type { ExtensionRequestRecord } from './extension.ts';
import type { AgencyCounters, CounterUpdate } from './stats.ts';
import type { LadderRecord, NotificationRecord, NotificationStatus } from './notification.ts';
import type {
  AssignmentKey,
  JobChunk,
  JobCounts,
  JobEnd,
  JobFailure,
  RearmJobRecord,
} from './rearm-job.ts';
import type { EventType, TimelineEvent, TimelineReader } from './timeline.ts';
import type { DocumentStore, SequenceClaim } from './documents/ports.ts';
import type { AttachmentRecord } from './documents/attachments.ts';
import type { LookupField, LookupKey } from './search/document.ts';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
  /** Also count every item the list holds (reads the whole list). */
  readonly total?: boolean | undefined;
}
/** Which end of a case's timeline a page starts from. */
export type TimelineOrder = 'oldest' | 'newest';
/** Which of a case's events a page lists, from which end. */
export interface TimelineView {
  readonly order?: TimelineOrder;
  /** Only those of one agency (its assignment's: `agencyId` on the event). */
  readonly agencyId?: string;
  /** Only those of one type (an agency's answers: `response_submitted`). */
  readonly type?: EventType;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  /** Every item the list holds, when the request asked for it. */
  readonly total?: number;
}

/**
 * Every item of a paged list, read page after page to its end: what an "all of" read is (never
 * one page taken for the whole).
 */
export async function everyItem<T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  limit = 100,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** A stored response to replay for a repeated `Idempotency-Key`, for a day (`IDEMPOTENCY_WINDOW_MS`). */
export interface IdempotencyRecord {
  readonly tenant: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly body: unknown;
  readonly createdAt: string;
  /**
   * When the record stops answering; the store has the table's TTL delete it after. Absent on
   * records written before records expired (2026-12-02): theirs is `createdAt` and the window.
   */
  readonly expiresAt?: string;
  /**
   * Written only: the `createdAt` of the expired record under the key that this one replaces
   * (the write must find that record still there, or none), so that two requests after expiry
   * still make one record.
   */
  readonly replaces?: string;
}

/** A versioned write: `expectedVersion` null creates, a number must match what is stored. */
/** What an agency's queue row reads of its assignment's ladder (`getLaddersAndCases`). */
export type QueueRowLadder = Pick<
  LadderRecord,
  'caseId' | 'agencyId' | 'generation' | 'level' | 'rung'
>;
/**
 * What an agency's queue row reads of its case: how it ended or went on (`caseNoticeFor`), and
 * its agenda number (the row named as the case page names it).
 */
export type QueueRowCase = Pick<
  CaseRecord,
  'id' | 'status' | 'closure' | 'statusHistory' | 'agendaNumber'
>;

export interface VersionedPut<T> {
  readonly record: T;
  readonly expectedVersion: number | null;
  /** The record as read, which this replaces: the store diffs a case's search index from it. */
  readonly previous?: T;
}

/**
 * A value only one case may hold, claimed in the transaction that creates the case: an
 * external reference (`system:id`), an e-mail's Message-ID, an import's row key, a spent
 * proof of work. A second claim of it is a `WriteConflict` of kind `claimed`.
 */
export interface UniqueClaim {
  readonly kind: 'external_ref' | 'message_id' | 'import_row' | 'proof_of_work';
  readonly value: string;
}

/**
 * The most writes one `commit` holds: DynamoDB's ceiling on a TransactWriteItems, which the
 * store refuses past as `limit_exceeded`. A change that can grow past it is split by the use
 * case (closing a case, the redirects a forward answers), never by the store.
 */
export const MAX_COMMIT_ITEMS = 100;

/** Writes that must agree, committed all-or-nothing. */
export interface CaseChange {
  readonly case?: VersionedPut<CaseRecord>;
  /**
   * Values the case claims, with `case` only: a new case's, or one a change adds (a follow-up
   * e-mail's Message-ID, so its redelivery is known).
   */
  readonly claims?: readonly UniqueClaim[];
  readonly assignments?: readonly VersionedPut<AssignmentRecord>[];
  readonly events?: readonly TimelineEvent[];
  readonly ladders?: readonly VersionedPut<LadderRecord>[];
  readonly extensions?: readonly VersionedPut<ExtensionRequestRecord>[];
  /** Each with its agencies' invitations, and their holders' (`activityInvitationWrites`). */
  readonly activities?: readonly ActivityPut[];
  /**
   * A delegation's invitations of its member unit to the activities planned with its focal
   * point (`delegatedInvitations`), put or removed, beside the assignment.
   */
  readonly invitations?: readonly InvitationWrite[];
  /** Agencies the change was decided on (a delegation's member unit), unchanged since read. */
  readonly agenciesAsRead?: readonly Pick<Agency, 'id' | 'version'>[];
  /**
   * Assignments the change was decided on, unchanged since read: the upgrade's invitations
   * written for the member units holding them (a delegation meanwhile makes it read again).
   */
  readonly assignmentsAsRead?: readonly Pick<AssignmentRecord, 'caseId' | 'agencyId' | 'version'>[];
  /**
   * The settings' version the change's deadlines were computed on (`getAgenciesAndSettingsVersion`),
   * unchanged since read: an edit of the calendar, a policy or an agency's zone landing
   * meanwhile (its re-arming job listing before this commit) makes the change read again.
   */
  readonly settingsAsRead?: number;
  /** Extensions and ended pauses, each created once as an item of its own. */
  readonly clockEntries?: readonly ClockEntry[];
  /** Statistics counters to add to, in the same transaction. */
  readonly counters?: readonly CounterUpdate[];
  readonly idempotency?: IdempotencyRecord;
  /** Issue 15: a yearly counter claimed with the case (its agenda number), and attachments. */
  readonly sequence?: SequenceClaim;
  readonly attachments?: readonly VersionedPut<AttachmentRecord>[];
  /** Attachments given up (refused, abandoned) removed, each while at the version read. */
  readonly attachmentsRemoved?: readonly Pick<AttachmentRecord, 'caseId' | 'id' | 'version'>[];
  /** A delegation's letters shared with its member unit, or taken from it (`LetterShares`). */
  readonly letterShares?: LetterShares;
  /**
   * Central's letters written with the change (an activity's invitations: `invitationLetterWrite`),
   * each created once into the outbox, and shared with the member unit holding its agency's
   * assignment (`sharedWith`) as the ladder shares its letters. Their events go in `events`.
   */
  readonly letters?: readonly CaseLetter[];
}

/** A letter a `CaseChange` writes, and the member unit it is shared with (`LetterShares`). */
export interface CaseLetter {
  readonly notification: NotificationRecord;
  readonly sharedWith?: string;
}

/** One letter of an assignment as its shares name it (`listAssignmentLetters`). */
export interface LetterKey {
  readonly id: string;
  /** When the letter was written (`createdAt`): the logs' order, and what the badge counts by. */
  readonly createdAt: string;
  /** The letter's size as a list's response carries it: a page of shared letters is sized by it. */
  readonly bytes: number;
  /** Cancelled (never sent): not new to the unit's badge (`NotificationQuery.cancelled`). */
  readonly cancelled?: boolean;
}

/** A letter shared with a member unit, as stored (`listLetterShares`). */
export interface LetterShare {
  readonly agencyId: string;
  readonly memberId: string;
  readonly letter: LetterKey;
}

/**
 * The letters of a focal point's assignment listed on the letters log of the member unit it is
 * delegated to (`NotificationQuery.sharedWith`), beside the unit's own: written with the
 * delegation for the letters written before it, moved with it to another unit, taken with it
 * back (`memberId` null); the ladder shares each letter it writes while delegated.
 */
export interface LetterShares {
  readonly caseId: string;
  readonly agencyId: string;
  readonly memberId: string | null;
  readonly letters: readonly LetterKey[];
  /**
   * The assignment's ladder as read with the letters: written only while it stands at this
   * version, so that no letter the ladder wrote meanwhile is left unshared (every new letter
   * bumps it). Absent when the assignment has no ladder.
   */
  readonly ladderVersion?: number;
  /**
   * Written only while the assignment stands at this version: the shares that did not fit the
   * delegation's own transaction, written after it, unless another delegation came since.
   */
  readonly assignmentVersion?: number;
}

export interface CaseBundle {
  readonly case: CaseRecord;
  readonly assignments: AssignmentRecord[];
  readonly ladders: LadderRecord[];
  readonly extensions: ExtensionRequestRecord[];
  readonly activities: ActivityRecord[];
}

/**
 * What an agency's ladder step reads (`getLadderContext`): the case, that agency's assignment
 * and ladder (each absent when not stored), the letters' parties and the settings' version.
 */
export interface LadderStepReads {
  readonly case: CaseRecord | undefined;
  readonly assignment: AssignmentRecord | undefined;
  readonly ladder: LadderRecord | undefined;
  readonly agencies: Agency[];
  readonly settingsVersion: number;
}

/** A letter the ladder writes: its marker (exactly once), outbox record and timeline event. */
export interface LadderLetterWrite {
  readonly stepId: string;
  readonly notification: NotificationRecord;
  readonly event: TimelineEvent;
  /**
   * Central intervention proposes a clarification on the central unit's calendar, with its
   * `activity_proposed` event (the case lists the activity itself, for the case page's actions):
   * one a case, the agency added to the ladder's open proposal when there is one
   * (`proposedIntervention`).
   */
  readonly proposal?: {
    readonly activity: ActivityRecord;
    readonly event: TimelineEvent;
    /** The open proposal the agency joins, at the version read; absent: a new one. */
    readonly expectedVersion?: number;
    /**
     * A new one: the ladder's proposals written on the case as read (`OpenActivities`), so that
     * of two agencies' steps at once one writes it and the other, read again, joins it.
     */
    readonly proposalsWritten?: number;
  };
  /**
   * No proposal: the agency is invited to this open activity already, as read (still so when the
   * step commits: one called off or taken up meanwhile makes the step read again).
   */
  readonly invitedTo?: Pick<ActivityRecord, 'caseId' | 'id' | 'version'>;
}

/** What central intervention reads of its case (`listOpenActivities`). */
export interface OpenActivities {
  /** The case's open activities: proposed, or planned. */
  readonly activities: readonly ActivityRecord[];
  /** How many proposals the ladder has written on the case (0: none, or none since counted). */
  readonly proposalsWritten: number;
}

/** What one look at a ladder wrote, all or nothing: its record, its letters, skipped steps. */
export interface LadderWrite {
  readonly ladder: VersionedPut<LadderRecord>;
  /**
   * The assignment as the step read it (its version): a step decided on an assignment answered,
   * paused or withdrawn since is not written (a conflict; the Tick reads and decides again).
   */
  readonly assignment?: {
    readonly caseId: string;
    readonly agencyId: string;
    readonly version: number;
    /** Its member unit then (a focal point's delegation): each letter is shared with it. */
    readonly delegatedTo?: string | null;
  };
  readonly letters: readonly LadderLetterWrite[];
  /** `escalation_skipped` events. */
  readonly events: readonly TimelineEvent[];
}

export interface NotificationQuery {
  readonly caseId?: string | undefined;
  readonly agencyId?: string | undefined;
  /** Only letters written after this instant (`createdAt`: what arrived since a visit). */
  readonly since?: Date | undefined;
  /** `false`: the letters cancelled (never sent) left out; `true`: only those. */
  readonly cancelled?: boolean | undefined;
  /** Only the letters in this status. */
  readonly status?: NotificationStatus | undefined;
  /** Only the letters of this step (`step`: a ladder step's name, `forwarding`, `invitation`…). */
  readonly step?: string | undefined;
  /** Only the letters dated from `from` to `to`, either end open (`letterDate`, YYYY-MM-DD). */
  readonly dated?:
    { readonly from?: string | undefined; readonly to?: string | undefined } | undefined;
  /**
   * With `agencyId` (no `caseId`): also the letters shared with this member unit, those of its
   * focal point's assignments delegated to it now (`LetterShares`), merged with its own.
   */
  readonly sharedWith?: string | undefined;
}

export interface CaseQuery {
  readonly status?: CaseStatus | undefined;
  readonly agencyId?: string | undefined;
  /** Only cases received in [from, to] (newest first). */
  readonly received?: { readonly from: Date; readonly to: Date } | undefined;
  /** `{ overdue, now }`: only cases whose soonest open deadline is (not) past `now`. */
  readonly overdue?: { readonly overdue: boolean; readonly now: Date } | undefined;
  /** By the day received: newest first (the default) or oldest first. */
  readonly order?: 'newest' | 'oldest' | undefined;
}

/** A case a lookup item points to, and the identifier it was indexed under. */
export interface LookupHit {
  readonly caseId: string;
  readonly field: LookupField;
  readonly receivedAt: string;
}

/** A word search over the token index (see `searchWords`). */
export interface WordSearch {
  /**
   * Stemmed query words, each as the stems it may meet (`parseQuery`'s `variants`, its own
   * first): each word must match a token of the case by one of them, as a prefix from 4 letters.
   */
  readonly words: readonly (readonly string[])[];
  /** Whether the complainant's name counts (central only). */
  readonly includeNames: boolean;
  /** Only cases received in [from, to]: a key range of every posting partition. */
  readonly received?: { readonly from: Date; readonly to: Date } | undefined;
  /** Whether the caller may see a candidate and it passes the other filters. */
  readonly accept: (c: CaseRecord) => boolean | Promise<boolean>;
  /**
   * Called with each batch of candidates before `accept` is asked about them one by one: what
   * `accept` needs of them read once a batch (an agency's assignments on them).
   */
  readonly prepare?: ((cases: readonly CaseRecord[]) => Promise<void>) | undefined;
}

export interface AssignmentQuery {
  readonly state?: AssignmentState | undefined;
  readonly overdue?: boolean | undefined;
  /** Only assignments whose `target` is overdue (implies overdue). */
  readonly target?: Target | undefined;
  /** Only open assignments with a deadline at or before this instant. */
  readonly dueBefore?: Date | undefined;
  /** Only assignments whose soonest open deadline passed in [since, now). */
  readonly overdueSince?: Date | undefined;
  readonly complaintType?: ComplaintType | undefined;
  /**
   * Only assignments that arrived after this instant: forwarded, or delegated to `reader` (a
   * member unit; the coordinator who delegated does not count its own act as news).
   */
  readonly forwardedSince?: Date | undefined;
  readonly reader?: string | undefined;
  /** Only redirected assignments no forwarding of the case has answered yet. */
  readonly awaitingReforward?: boolean | undefined;
  /**
   * Only assignments delegated to this member unit (a queue reads them from its partition of
   * delegations, those of the queue's agencies alone), or, null, those delegated to none.
   */
  readonly delegatedTo?: string | null | undefined;
  readonly now: Date;
}

// Issue 15: the documents' access patterns (documents/ports.ts).
export interface Store extends DocumentStore {
  getAgency(id: string): Promise<Agency | undefined>;
  /**
   * Agencies by id (absent ones left out) and the settings' version (bumped by every edit of a
   * policy, a calendar or the document settings), in one consistent read; the version is then
   * passed as `at` to the settings' getters (the escalation engine's step: `getLadderContext`).
   */
  getAgenciesAndSettingsVersion(
    ids: readonly string[],
  ): Promise<{ agencies: Agency[]; settingsVersion: number }>;
  /**
   * One agency's ladder step's reads in one consistent request: the case, the agency's
   * assignment and ladder, the agencies `partyIds` (the letters' parties, absent ones left out)
   * and the settings' version. Consistent, so a Tick started the moment its forward committed
   * sees the ladder it was started for.
   */
  getLadderContext(
    caseId: string,
    agencyId: string,
    partyIds: readonly string[],
  ): Promise<LadderStepReads>;
  /** Every agency, by id. */
  listAgencies(page: PageRequest): Promise<Page<Agency>>;
  /** The member units a focal-point agency coordinates. */
  listMemberUnits(focalPointId: string): Promise<Agency[]>;
  /** The same, a page at a time, by id. */
  listMemberUnitsPage(focalPointId: string, page: PageRequest): Promise<Page<Agency>>;
  /**
   * Create (`expectedVersion` null) or update an agency under its version, with what `write`
   * says goes with it, all or nothing. A create, and a rename (`write.renamedFrom`), claim the
   * agency's name (`sameName`): a name another agency claimed is a `WriteConflict` of kind
   * `name`, so two admins giving two agencies one name at the same moment cannot both succeed.
   */
  putAgency(agency: Agency, expectedVersion: number | null, write?: AgencyWrite): Promise<void>;

  /**
   * With `at` (a settings version read before), the calendar as this process kept it for that
   * version or a newer one, else read afresh: never older than the version.
   */
  getCalendar(id: string, at?: number): Promise<WorkingCalendar | undefined>;
  /** `at` as for getCalendar. */
  getPolicy(id: string, at?: number): Promise<SlaPolicy | undefined>;
  listPolicies(): Promise<SlaPolicy[]>;
  /** Replaces a policy under its version (null: create), with `job` as `putCalendarDay`. */
  putPolicy(policy: SlaPolicy, expectedVersion: number | null, job?: RearmJobRecord): Promise<void>;
  // A calendar edit and `job`, the re-arming it starts (as `createJob`), are one write.
  /** Adds or replaces a day, as `putCalendarDays`. */
  putCalendarDay(calendarId: string, day: CalendarDay, job?: RearmJobRecord): Promise<void>;
  /**
   * Adds or replaces several days in one transaction: all of them or none. A day with a
   * `version` is written at it, checked in the write: at 1 only if the calendar does not have
   * the day (else a `WriteConflict` of kind `exists`), at n only over the day stored at n - 1
   * (else kind `version`); nothing, the job neither, is written. One without replaces.
   */
  putCalendarDays(
    calendarId: string,
    days: readonly CalendarDay[],
    job?: RearmJobRecord,
  ): Promise<void>;
  /** Removes a day; false when there was none (and nothing, the job neither, was written). */
  deleteCalendarDay(calendarId: string, date: string, job?: RearmJobRecord): Promise<boolean>;
  /** Declares a year's holidays complete. */
  putCalendarYear(calendarId: string, year: number, job?: RearmJobRecord): Promise<void>;

  /**
   * A case with its assignments, ladders, extension requests and activities: all of them.
   * `consistent`: a strongly consistent read (every write that landed is seen), at twice the
   * cost; by default eventually consistent.
   */
  getCase(
    caseId: string,
    options?: { readonly consistent?: boolean },
  ): Promise<CaseBundle | undefined>;
  /** The clock entries (extensions, ended pauses) of one generation of an assignment, in order. */
  listClockEntries(caseId: string, agencyId: string, generation: number): Promise<ClockEntry[]>;
  findCaseIdByTrackingCode(code: string): Promise<string | undefined>;
  /** The case holding a unique value, if one does. */
  findClaim(claim: UniqueClaim): Promise<string | undefined>;
  /** Cases by id, one batch read (ids of no case are left out). */
  getCases(caseIds: readonly string[]): Promise<CaseRecord[]>;
  /** These assignments, one batch read (those that do not exist are left out). */
  getAssignments(
    refs: readonly { caseId: string; agencyId: string }[],
  ): Promise<AssignmentRecord[]>;
  /**
   * The cases indexed under these identifiers (normalised), newest first, a page at a time
   * (one complainant may have hundreds: a serial complainant's phone). A case indexed under
   * two of them comes once in a page.
   */
  findByLookups(keys: readonly LookupKey[], page: PageRequest): Promise<Page<LookupHit>>;
  /**
   * Cases whose tokens match every word, newest first: reads the postings of the rarest word
   * and filters by the others, so its cost follows that word, not the table. A page may hold
   * fewer than `limit` items with a cursor to go on when the read budget of one request ran out.
   */
  searchWords(query: WordSearch, page: PageRequest): Promise<Page<CaseRecord>>;
  /**
   * Deletes the case's postings under these token heads, if any (a head it has none under
   * costs nothing): postings written under rules of an earlier release, which the document's
   * diff no longer knows of (`stalePostingHeads`).
   */
  dropPostings(c: CaseRecord, heads: readonly string[]): Promise<void>;
  /** Central's case list, newest first. */
  listCases(filter: CaseQuery, page: PageRequest): Promise<Page<CaseRecord>>;
  /**
   * The newest `limit` answers agencies gave on a case (`response_submitted` events), newest
   * first, then the latest final answer of each agency in `finalsOf` not among them; and
   * whether it has earlier answers left out. The public tracking page's read: its answer is
   * bounded however long the timeline grows; its reads, a round trip per MB of timeline at
   * most, stop once it has these.
   */
  latestResponses(
    caseId: string,
    limit: number,
    finalsOf: ReadonlySet<string>,
  ): Promise<{ readonly items: TimelineEvent[]; readonly earlier: boolean }>;
  /**
   * Whether the case's `agencyId` assignment was ever delegated to the member unit `memberId`
   * (an `assignment_delegated` event naming it), taken back or not since: read only for the
   * 404 of a unit that may no longer read the case (`readableCase`). Stops at the first found.
   */
  wasDelegatedTo(caseId: string, agencyId: string, memberId: string): Promise<boolean>;
  /**
   * A case's events, oldest first (`newest`: newest first), of one agency or type when
   * `view` says; with `reader`, only those that agency sees (`agencySeesEvent`).
   */
  listTimeline(
    caseId: string,
    page: PageRequest,
    reader?: TimelineReader,
    view?: TimelineView,
  ): Promise<Page<TimelineEvent>>;
  /**
   * The queue of one or more agencies, soonest next deadline first, with the assignments
   * delegated to `delegatedTo` units merged in. With `filter.delegatedTo` a unit: only the
   * agencies' assignments delegated to it, read from its delegations (as many reads as it holds).
   */
  listQueue(
    agencyIds: readonly string[],
    filter: AssignmentQuery,
    page: PageRequest,
    delegatedTo?: readonly string[],
  ): Promise<Page<AssignmentRecord>>;
  /**
   * The ids of the cases whose `agencyId` assignment is delegated to the member unit
   * `memberId`, open or ended: what a member unit's search may find of its focal point's cases,
   * read once instead of a case per posting. Costs what the unit was delegated, not what the
   * focal point has.
   */
  listDelegatedCaseIds(memberId: string, agencyId: string): Promise<string[]>;
  /** Central's cross-agency worklist, soonest next deadline first. */
  listWorklist(filter: AssignmentQuery, page: PageRequest): Promise<Page<AssignmentRecord>>;

  getIdempotency(tenant: string, key: string): Promise<IdempotencyRecord | undefined>;
  commit(change: CaseChange): Promise<void>;
  /**
   * Several changes in one transaction, all or none: registrations that waited for their agenda
   * numbers together (`AgendaTurns`), the counter written once, with the last. Fails as
   * `commit` does, and past the same ceiling of writes in all.
   */
  commitAll(changes: readonly CaseChange[]): Promise<void>;

  /** The ids of the ladder steps already taken for one generation of an assignment. */
  listStepsTaken(caseId: string, agencyId: string, generation: number): Promise<Set<string>>;
  /**
   * Writes a ladder's new state with its letters; a `WriteConflict` of kind `version` or
   * `exists` means another execution moved first.
   */
  commitLadder(write: LadderWrite): Promise<void>;
  putLadder(put: VersionedPut<LadderRecord>): Promise<void>;
  /** The ladders of these assignments (one batch read). */
  getLadders(refs: readonly { caseId: string; agencyId: string }[]): Promise<LadderRecord[]>;
  /**
   * The ladders of these assignments and their cases, in one batch read (100 keys a request):
   * an agency's queue, whose rows say how their case ended or went on (`caseNoticeFor`).
   */
  getLaddersAndCases(
    refs: readonly { caseId: string; agencyId: string }[],
  ): Promise<{ ladders: QueueRowLadder[]; cases: QueueRowCase[] }>;
  /** Ladders whose timer is due by `now`, soonest first, a page at a time (the engine, the sweep). */
  listDueLadders(now: Date, page: PageRequest): Promise<Page<LadderRecord>>;
  /** The soonest ladder timer in (after, until], if any (the manual clock passing time). */
  nextLadderWake(after: Date, until: Date): Promise<string | null>;
  /** The statistics counters of these agencies summed over forwarding dates from–to (inclusive). */
  getAgencyCounters(
    agencyIds: readonly string[],
    from: string,
    to: string,
  ): Promise<AgencyCounters[]>;
  /**
   * A case's open activities and the count of the ladder's proposals on it, read consistently
   * (one Query of its activities): what a central intervention step decides on.
   */
  listOpenActivities(caseId: string): Promise<OpenActivities>;
  /** Central's activity calendar by scheduled time (unscheduled ones first). */
  listActivities(
    filter: { status?: string | undefined; from?: string | undefined; to?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ActivityRecord>>;
  /**
   * The invitations (`ActivityInvitation`) of these agencies held from `from` (an instant) on,
   * soonest first, a page at a time: one partition an agency, merged. One a member unit holds
   * through an agency listed too (`via`: a coordinator's own, with its units') is left out:
   * the agency's own lists the activity, once.
   */
  listInvitations(
    agencyIds: readonly string[],
    from: string,
    page: PageRequest,
  ): Promise<Page<ActivityInvitation>>;
  /**
   * Every invitation stored on a case (`ActivityInvitation`; its activities' agencies, while
   * planned): what the upgrade compares with the activities (`invitationsOf`).
   */
  listCaseInvitations(caseId: string): Promise<ActivityInvitation[]>;
  /** Extension requests still waiting for central's decision, oldest first. */
  listPendingExtensions(page: PageRequest): Promise<Page<ExtensionRequestRecord>>;
  /**
   * Cases created before `before` whose e-mail receipt is still pending (`mailReceipt` not
   * sent), oldest first, a page at a time: the sweep sends them (`sendPendingReceipts`).
   */
  listPendingReceipts(before: Date, page: PageRequest): Promise<Page<CaseRecord>>;
  /**
   * Every letter, newest written first, or one agency's; one case's oldest first (as its ladder
   * sent them).
   */
  listNotifications(query: NotificationQuery, page: PageRequest): Promise<Page<NotificationRecord>>;
  /**
   * Every letter of one assignment, all its generations (the case's letters read, a few
   * agencies' at most): what a delegation shares with its member unit.
   */
  listAssignmentLetters(caseId: string, agencyId: string): Promise<LetterKey[]>;
  /** The letter shares of a case's assignments, each with its member unit (`LetterShares`). */
  listLetterShares(caseId: string): Promise<LetterShare[]>;
  /** Letters of one assignment not yet delivered (the outbox). */
  listUndelivered(caseId: string, agencyId: string): Promise<NotificationRecord[]>;
  /** Every letter not yet delivered (a sweep after a restart). */
  listAllUndelivered(limit: number): Promise<NotificationRecord[]>;
  /**
   * Letters given up after their delivery attempts (`failed`) and not marked handled, oldest
   * first; `agencyId`: that agency's only.
   */
  listFailedNotifications(
    page: PageRequest,
    filter?: { readonly agencyId?: string | undefined },
  ): Promise<Page<NotificationRecord>>;
  /**
   * A failed letter central acted on (`next`: sent again, back in the outbox; or marked handled)
   * with its timeline event, all or nothing; only while it stands as `previous` (failed, the
   * same attempts and round, not marked handled), else a `WriteConflict`.
   */
  changeFailedNotification(
    next: NotificationRecord,
    previous: NotificationRecord,
    event: TimelineEvent,
  ): Promise<void>;
  /**
   * A delivery attempt's outcome, only while the letter stands as `previous` (pending, the same
   * attempts and round; not marked handled): false, and nothing written, when another delivery
   * or central's resend changed it meanwhile. A letter that went (`sent`) is recorded over a
   * cancellation made while it went, too: the sweep found it untrue, but it had reached the
   * agency.
   */
  recordDelivery(outcome: NotificationRecord, previous: NotificationRecord): Promise<boolean>;
  /**
   * A letter the mail service accepted and later reported undeliverable, recorded `failed`, only
   * while it stands as `previous` (sent, the same attempts and round; not marked handled):
   * false, and nothing written, when central's resend changed it meanwhile.
   */
  recordUndelivered(outcome: NotificationRecord, previous: NotificationRecord): Promise<boolean>;

  // Re-arming jobs (rearm-job.ts): one record of counters, chunks of work, capped failures.
  /** Creates a job and makes it the latest of its scope (superseding the one before). */
  createJob(job: RearmJobRecord): Promise<void>;
  getJob(id: string): Promise<RearmJobRecord | undefined>;
  /** The id of the latest job of a scope (`scopeKey`), if any. */
  latestJobId(scope: string): Promise<string | undefined>;
  /** Every scope's latest job (what a restart resumes). */
  listLatestJobs(): Promise<RearmJobRecord[]>;
  /**
   * One step of a job's listing, from where it stood (`from`, else a `WriteConflict`): the
   * chunk of `refs` found (none written when empty) and the new position (`cursor` null: the
   * listing is complete and the job is `running`).
   */
  advanceJobListing(
    jobId: string,
    from: { readonly cursor: string | null; readonly chunks: number },
    to: { readonly cursor: string | null; readonly refs: readonly AssignmentKey[] },
    now: Date,
  ): Promise<void>;
  getJobChunk(jobId: string, index: number): Promise<JobChunk | undefined>;
  /**
   * Deletes a chunk and adds its counts to its job, all or nothing; a `WriteConflict` of kind
   * `exists` when the chunk is gone (its counts are in already), `version` when another
   * batch's write held the job at that instant.
   */
  completeJobChunk(jobId: string, index: number, counts: JobCounts, now: Date): Promise<void>;
  putJobFailure(jobId: string, failure: JobFailure): Promise<void>;
  listJobFailures(jobId: string, limit: number): Promise<JobFailure[]>;
  /** Ends a job still listing or running; false when it had ended already. */
  endJob(jobId: string, end: JobEnd, now: Date): Promise<boolean>;

  // The upgrade of what older releases stored (rearm-job.ts `UPGRADE_VERSION`).
  /**
   * Writes the case's search index as a new case's is written, only its items missing or not as
   * they would be written now, with a check that the case is still at the version read (a
   * `WriteConflict`, `version`, when it moved: its own change wrote its index). Answers how
   * many items it wrote (0: the index was whole). Postings under words the case no longer has
   * are left: their keys cannot be found from the case.
   */
  reindexCase(c: CaseRecord): Promise<number>;
  /**
   * Those of a case's `assignments` (as read) whose stored item is indexed otherwise than this
   * release indexes it (its lists' keys written under an older rule), for the upgrade to write
   * again. One read of the items; one at another version than read is left out (written since).
   */
  staleAssignmentIndexes(assignments: readonly AssignmentRecord[]): Promise<AssignmentRecord[]>;
  /**
   * Writes again the index keys of a case's letters and of their shares (`LetterShares`) that
   * are not as this release writes them (stored before the logs went by when a letter was
   * written, or a share before it knew its letter cancelled): only those keys and attributes,
   * each while its item is there. Answers how many items it wrote (0: all current).
   */
  reindexLetters(caseId: string): Promise<number>;
  /** The version of the last upgrade completed on this table (0: none). */
  upgradedVersion(): Promise<number>;
  /** Records `version` as completed by `jobId` (never lowers the version recorded). */
  markUpgraded(version: number, jobId: string | null, now: Date): Promise<void>;
}

/** What an agency's write carries with it (`Store.putAgency`). */
export interface AgencyWrite {
  /** The create's idempotency record. */
  readonly idempotency?: IdempotencyRecord;
  /**
   * The agency made its focal point, as read (still at that version when this is written, so
   * two agencies cannot each become the other's focal point at once).
   */
  readonly focalPoint?: Pick<Agency, 'id' | 'version'>;
  /**
   * The agency's time zone is corrected, which its deadlines are computed in: the settings'
   * version is bumped with it (a forward decided on the old zone reads again).
   */
  readonly zoneChanged?: boolean;
  /** A rename: the name it had, whose claim is released as the new one is taken. */
  readonly renamedFrom?: string;
}

/**
 * A conditional write lost: `version` (someone else changed the record first), `exists` (a
 * record with that identity exists), `idempotency` (the key was used concurrently), `unique`
 * (a unique value such as a tracking code was taken), `claimed` (a `UniqueClaim` another case
 * holds), `name` (an agency's name another agency claimed: `Store.putAgency`).
 */
export class WriteConflict extends DomainError {
  readonly kind: 'version' | 'exists' | 'idempotency' | 'unique' | 'claimed' | 'name';
  constructor(kind: WriteConflict['kind'], message: string, cause?: unknown) {
    super(
      kind === 'exists' || kind === 'claimed' ? 'already_exists' : 'version_conflict',
      message,
      { cause },
    );
    this.kind = kind;
  }
}
