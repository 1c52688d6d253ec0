/**
 * The DynamoDB single-table adapter behind core's `Store` port. Every access pattern is a
 * named method (listed in ../README.md); none scans. In layers, one file each: the table's
 * primitives (dynamo-table.ts), the escalation engine's patterns (escalation-store.ts: ladders;
 * letter-store.ts: letters and their delivery), the re-arming jobs' (job-store.ts), the documents' (document-store.ts), the search index's
 * (search-store.ts), the settings' (settings-store.ts), and here the rest (agencies, cases,
 * assignments, the commit, activities, counters).
 */
import type { WriteConflict } from '@pantau/core';
import {
  type Agency,
  type AgencyWrite,
  sameName,
  agencySeesEvent,
  readAgency,
  type StoredAgency,
  type AssignmentQuery,
  type AssignmentRecord,
  type CaseBundle,
  type CaseChange,
  type CaseQuery,
  type CaseRecord,
  type ClockEntry,
  type IdempotencyRecord,
  type LadderStepReads,
  type LadderRecord,
  type LetterShares,
  type ExtensionRequestRecord,
  type ActivityInvitation,
  activityInvitationWrites,
  type ActivityRecord,
  ACTIVITY_STATUSES,
  type InvitationWrite,
  type AgencyCounters,
  ENDED_STATES,
  type Page,
  type PageRequest,
  type TimelineView,
  type Store,
  type TimelineEvent,
  type TimelineReader,
  type UniqueClaim,
} from '@pantau/core';

import {
  activityItem,
  agencyItem,
  agencyNameItem,
  assignmentItem,
  caseItem,
  claimItem,
  clockEntryItem,
  eventItem,
  extensionItem,
  invitationItem,
  invitationKey,
  type Item,
  ladderItem,
  letterShareItem,
  notificationItem,
  trackingCodeItem,
} from './items.ts';
import { letterKeyOf } from './escalation-store.ts';
import { keys } from './keys.ts';
import { queryAll, type Stream } from './paging.ts';
import { assignmentFilter, assignmentStream } from './assignment-streams.ts';
import { record, type TransactItem } from './dynamo-table.ts';
import { SearchStore } from './search-store.ts';
import { indexWrites } from './search-index.ts';
import { counterUpdate, sumCounters } from './counters.ts';

export type { DynamoStoreOptions } from './dynamo-table.ts';

/** The agencies and the settings' version among the items of a batch read. */
function agenciesAndVersion(items: readonly Item[]) {
  const version = items.find((i) => i.sk === keys.settingsVersion.sk);
  return {
    agencies: items
      .filter((i) => i.entity === 'agency')
      .map((i) => readAgency(record<StoredAgency>(i))),
    settingsVersion: typeof version?.version === 'number' ? version.version : 0,
  };
}

/** An invitation as stored (`invitationItem`): its fields, none of the item's keys. */
const invitationOf = (i: Item): ActivityInvitation => ({
  caseId: String(i.caseId),
  activityId: String(i.activityId),
  agencyId: String(i.agencyId),
  kind: i.kind as ActivityInvitation['kind'],
  scheduledAt: String(i.scheduledAt),
  ...(typeof i.venue === 'string' ? { venue: i.venue } : {}),
  ...(typeof i.via === 'string' ? { via: i.via } : {}),
});

export class DynamoStore extends SearchStore implements Store {
  // ---- agencies ---------------------------------------------------------------------

  /** Agency by id (the registry is central's). */
  async getAgency(id: string): Promise<Agency | undefined> {
    const stored = await this.get<StoredAgency>(keys.agency(id));
    return stored && readAgency(stored);
  }

  /**
   * Agencies by id (absent ones left out) and the settings' version, in one batch read, read
   * consistently: the version then vouches for the settings kept under it (`at` of getPolicy,
   * getCalendar, getDocumentSettings).
   */
  async getAgenciesAndSettingsVersion(
    ids: readonly string[],
  ): Promise<{ agencies: Agency[]; settingsVersion: number }> {
    return agenciesAndVersion(
      await this.batchGet([keys.settingsVersion, ...ids.map(keys.agency)], true),
    );
  }

  /**
   * An agency's ladder step's reads (the case, the assignment and its ladder, the parties, the
   * settings' version) in one consistent batch read, instead of the case's whole item
   * collection beside a batch of the rest.
   */
  async getLadderContext(
    caseId: string,
    agencyId: string,
    partyIds: readonly string[],
  ): Promise<LadderStepReads> {
    // Read with the other steps' contexts under way in this process (the embedded engine's).
    const items = await this.batchGetTogether([
      keys.case(caseId),
      keys.assignment(caseId, agencyId),
      keys.ladder(caseId, agencyId),
      keys.settingsVersion,
      ...partyIds.map(keys.agency),
    ]);
    const one = <T>(entity: string) => {
      const item = items.find((i) => i.entity === entity);
      return item && record<T>(item);
    };
    return {
      case: one<CaseRecord>('case'),
      assignment: one<AssignmentRecord>('assignment'),
      ladder: one<LadderRecord>('ladder'),
      ...agenciesAndVersion(items),
    };
  }

  /** Every agency, by id. */
  async listAgencies(page: PageRequest): Promise<Page<Agency>> {
    const { pk, skPrefix } = keys.agencyPrefix;
    const out = await this.page<StoredAgency>(
      [{ partition: pk, range: { op: 'begins_with', value: skPrefix } }],
      page,
    );
    return { ...out, items: out.items.map(readAgency) };
  }

  /** A focal point's member units (gsi1). */
  async listMemberUnits(focalPointId: string): Promise<Agency[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.memberUnits(focalPointId) },
    });
    return items.map((i) => readAgency(record<StoredAgency>(i)));
  }

  async listMemberUnitsPage(focalPointId: string, page: PageRequest): Promise<Page<Agency>> {
    const out = await this.page<StoredAgency>(
      [{ index: 'gsi1', partition: keys.memberUnits(focalPointId) }],
      page,
    );
    return { ...out, items: out.items.map(readAgency) };
  }

  /**
   * Create (expectedVersion null) or update an agency under its version. A create or a rename
   * claims the name (`agencyNameItem`, absent before) in the same transaction, and a rename
   * releases the name it had: of two admins giving one name at once, the second's write is
   * refused whole (`name`). The old name's claim is deleted whoever holds it: only a name no
   * agency had could be claimed (the use case reads every agency first), and one an agency
   * stored before claims shares with another is still found by that read.
   */
  async putAgency(
    agency: Agency,
    expectedVersion: number | null,
    { idempotency, focalPoint, zoneChanged = false, renamedFrom }: AgencyWrite = {},
  ): Promise<void> {
    const put = this.versionedPut(agencyItem(agency), expectedVersion);
    const claims =
      expectedVersion === null ||
      (renamedFrom !== undefined && sameName(renamedFrom) !== sameName(agency.name));
    if (!claims && !idempotency && !focalPoint && !zoneChanged)
      return this.conditionalPut(put, expectedVersion);
    const items: TransactItem[] = [{ Put: put }];
    const kinds: WriteConflict['kind'][] = [expectedVersion === null ? 'exists' : 'version'];
    if (claims) {
      items.push({ Put: this.createPut(agencyNameItem(agency)) });
      kinds.push('name');
    }
    if (claims && renamedFrom !== undefined) {
      items.push({
        Delete: { TableName: this.tableName, Key: keys.agencyName(sameName(renamedFrom)) },
      });
      kinds.push('version');
    }
    if (focalPoint) {
      items.push(this.unchangedSince(keys.agency(focalPoint.id), focalPoint.version));
      kinds.push('version');
    }
    if (idempotency) {
      items.push({ Put: this.idempotencyPut(idempotency) });
      kinds.push('idempotency');
    }
    // Its deadlines are computed in its zone: a forward decided on the old one reads again.
    if (zoneChanged) await this.settingsTransact(items, kinds);
    else await this.transact(items, kinds);
  }

  // ---- cases ------------------------------------------------------------------------

  /**
   * A case with its assignments: one Query of the case's item collection, events (and the
   * letters, step markers and clock entries after them) excluded, read to its last page: a
   * collection past 1 MB (assignments stored with long pause arrays by an earlier version, many
   * activities) still yields every assignment.
   */
  async getCase(
    caseId: string,
    options: { readonly consistent?: boolean } = {},
  ): Promise<CaseBundle | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk < :events',
      ExpressionAttributeValues: { ':pk': keys.casePk(caseId), ':events': 'EVENT#' },
      ...(options.consistent ? { ConsistentRead: true } : {}),
    });
    const caseItem = items.find((i) => i.entity === 'case');
    if (!caseItem) return undefined;
    return {
      case: record<CaseRecord>(caseItem),
      assignments: items
        .filter((i) => i.entity === 'assignment')
        .map((i) => record<AssignmentRecord>(i)),
      ladders: items.filter((i) => i.entity === 'ladder').map((i) => record<LadderRecord>(i)),
      extensions: items
        .filter((i) => i.entity === 'extension_request')
        .map((i) => record<ExtensionRequestRecord>(i)),
      activities: items
        .filter((i) => i.entity === 'activity')
        .map((i) => record<ActivityRecord>(i)),
    };
  }

  /** The clock entries of one generation of an assignment, in the order they were written. */
  async listClockEntries(
    caseId: string,
    agencyId: string,
    generation: number,
  ): Promise<ClockEntry[]> {
    const items = await this.queryPrefix(
      keys.casePk(caseId),
      keys.clockEntry(caseId, agencyId, generation, '').sk,
    );
    return items.map((i) => record<ClockEntry>(i));
  }

  /**
   * The case a tracking code (normalised) belongs to: its item keyed by the code's hash, else
   * one written before codes were hashed, keyed by the code in clear (codes already handed out
   * keep working).
   */
  async findCaseIdByTrackingCode(code: string): Promise<string | undefined> {
    const item =
      (await this.get<{ caseId: string }>(keys.trackingCode(code))) ??
      (await this.get<{ caseId: string }>(keys.legacyTrackingCode(code)));
    return item?.caseId;
  }

  /** The case holding a unique value (external reference, Message-ID, row key), if any. */
  async findClaim(claim: UniqueClaim): Promise<string | undefined> {
    const item = await this.get<{ caseId: string }>(keys.claim(claim.kind, claim.value));
    return item?.caseId;
  }

  /**
   * Central's case list by the day received, newest first (or oldest: the desk's cases to verify
   * and forward, whose deadlines run from receipt): all (gsi1) or by status (gsi2). A cursor is
   * a key of the same partition in either order, so it goes on in the order it is given with.
   */
  async listCases(filter: CaseQuery, page: PageRequest): Promise<Page<CaseRecord>> {
    // Received in a period: a sort-key range (keys are `<receivedAt>#<id>`).
    const range = filter.received
      ? {
          op: 'between' as const,
          from: filter.received.from.toISOString(),
          to: `${filter.received.to.toISOString()}~`,
        }
      : undefined;
    const descending = filter.order !== 'oldest';
    const stream: Stream = filter.status
      ? {
          index: 'gsi2',
          partition: keys.casesByStatus(filter.status),
          descending,
          ...(range ? { range } : {}),
        }
      : { index: 'gsi1', partition: keys.allCases, descending, ...(range ? { range } : {}) };
    // Filtered after reading only when asked: without a filter a total is DynamoDB's count.
    const filtered = filter.agencyId !== undefined || filter.overdue !== undefined;
    return this.page<CaseRecord>(
      [stream],
      page,
      filtered
        ? (item) => {
            const c = item as unknown as CaseRecord;
            if (filter.agencyId && !c.agencyIds.includes(filter.agencyId)) return false;
            if (filter.overdue) {
              const overdue =
                c.nextDueAt !== null && Date.parse(c.nextDueAt) < filter.overdue.now.getTime();
              if (overdue !== filter.overdue.overdue) return false;
            }
            return true;
          }
        : undefined,
    );
  }

  /** A case's timeline, oldest first; optionally only what an agency reading as those sees. */
  async listTimeline(
    caseId: string,
    page: PageRequest,
    reader?: TimelineReader,
    view: TimelineView = {},
  ): Promise<Page<TimelineEvent>> {
    const { order = 'oldest', agencyId, type } = view;
    const sees = reader ? (e: TimelineEvent) => agencySeesEvent(e, reader) : () => true;
    // Filtered as read (within the page's read budget): a page of them may come out short.
    const keep =
      reader || agencyId || type
        ? (item: Record<string, unknown>) => {
            const e = item as unknown as TimelineEvent;
            return (!agencyId || e.agencyId === agencyId) && (!type || e.type === type) && sees(e);
          }
        : undefined;
    return this.page<TimelineEvent>(
      [
        {
          partition: keys.casePk(caseId),
          range: { op: 'begins_with', value: 'EVENT#' },
          descending: order === 'newest',
        },
      ],
      page,
      keep,
    );
  }

  /**
   * Whether the case's `agencyId` assignment was ever delegated to `memberId` (an
   * `assignment_delegated` event naming it): newest first, the type and unit filtered by
   * DynamoDB, stopping at the first found; a round trip per MB of timeline at most.
   */
  async wasDelegatedTo(caseId: string, agencyId: string, memberId: string): Promise<boolean> {
    const found = await queryAll(
      this.client,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
        FilterExpression: '#type = :delegated AND agencyId = :agency AND #data.memberId = :member',
        ProjectionExpression: 'sk',
        ExpressionAttributeNames: { '#type': 'type', '#data': 'data' },
        ExpressionAttributeValues: {
          ':pk': keys.casePk(caseId),
          ':events': 'EVENT#',
          ':delegated': 'assignment_delegated',
          ':agency': agencyId,
          ':member': memberId,
        },
        ScanIndexForward: false,
      },
      (items) => items.length > 0,
    );
    return found.length > 0;
  }

  async latestResponses(
    caseId: string,
    limit: number,
    finalsOf: ReadonlySet<string>,
  ): Promise<{ items: TimelineEvent[]; earlier: boolean }> {
    // Newest first, the type filtered by DynamoDB: each round trip reads up to 1 MB of the
    // timeline and returns only answers, until there are enough of them.
    const answers = await queryAll(
      this.client,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
        FilterExpression: '#type = :answer',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':pk': keys.casePk(caseId),
          ':events': 'EVENT#',
          ':answer': 'response_submitted',
        },
        ScanIndexForward: false,
      },
      (items) =>
        pickAnswers(
          items.map((i) => record<TimelineEvent>(i)),
          limit,
          finalsOf,
        ).enough,
    );
    const picked = pickAnswers(
      answers.map((i) => record<TimelineEvent>(i)),
      limit,
      finalsOf,
    );
    return { items: picked.items, earlier: picked.earlier };
  }

  // ---- assignments ------------------------------------------------------------------

  /** Agencies' queues (gsi1), merged soonest deadline first. */
  async listQueue(
    agencyIds: readonly string[],
    filter: AssignmentQuery,
    page: PageRequest,
    delegatedTo: readonly string[] = [],
  ): Promise<Page<AssignmentRecord>> {
    // What one unit holds of these agencies: its partition of delegations (gsi3), not every
    // agency's queue read and filtered. Its former focal point's stay there until a job gives
    // them back: only these agencies' count.
    const holder = filter.delegatedTo;
    if (holder) {
      const stream = assignmentStream('gsi3', (b) => keys.delegated(holder, b), filter);
      const theirs = (item: Item) => agencyIds.includes(String(item.agencyId));
      return this.page<AssignmentRecord>(
        [{ ...stream, accept: theirs }],
        page,
        assignmentFilter(filter),
      );
    }
    const streams = [
      ...agencyIds.map((id) => assignmentStream('gsi1', (b) => keys.queue(id, b), filter)),
      // Delegated to these units (gsi3, sparse): merged in by the same deadline order.
      ...delegatedTo.map((id) => assignmentStream('gsi3', (b) => keys.delegated(id, b), filter)),
    ];
    return this.page<AssignmentRecord>(streams, page, assignmentFilter(filter));
  }

  /**
   * The cases whose `agencyId` assignment is delegated to `memberId` (gsi3, sparse): its open
   * partition and each ended state's, read whole, only the case id returned.
   */
  async listDelegatedCaseIds(memberId: string, agencyId: string): Promise<string[]> {
    const buckets = ['open', ...ENDED_STATES];
    const items = await Promise.all(
      buckets.map((bucket) =>
        queryAll(this.client, {
          TableName: this.tableName,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk',
          // The unit's former focal point's delegations stay in its partitions until a job gives
          // them back: only this agency's count.
          FilterExpression: '#agency = :agency',
          ProjectionExpression: '#case',
          ExpressionAttributeNames: { '#agency': 'agencyId', '#case': 'caseId' },
          ExpressionAttributeValues: {
            ':pk': keys.delegated(memberId, bucket),
            ':agency': agencyId,
          },
        }),
      ),
    );
    return items.flat().map((i) => String(i.caseId));
  }

  /** Central's cross-agency worklist (gsi2), soonest deadline first. */
  async listWorklist(filter: AssignmentQuery, page: PageRequest): Promise<Page<AssignmentRecord>> {
    return this.page<AssignmentRecord>(
      [assignmentStream('gsi2', keys.worklist, filter)],
      page,
      assignmentFilter(filter),
    );
  }

  // ---- writes -----------------------------------------------------------------------

  /**
   * A stored idempotent response by (tenant, key), read consistently: a repeat is often sent
   * right after the first committed (a retry, a double submit), and a race's loser reads it
   * the moment its own write was refused.
   */
  async getIdempotency(tenant: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.get<IdempotencyRecord>(keys.idempotency(tenant, key), true);
  }

  /** Writes that must agree, in one TransactWriteItems. */
  async commit(change: CaseChange): Promise<void> {
    const { items, kinds } = this.changeItems(change);
    await this.transact(items, kinds);
  }

  /** Several changes' writes in one TransactWriteItems (registrations that waited together). */
  async commitAll(changes: readonly CaseChange[]): Promise<void> {
    const each = changes.map((change) => this.changeItems(change));
    await this.transact(
      each.flatMap((c) => c.items),
      each.flatMap((c) => c.kinds),
    );
  }

  /** A change's writes, each with the conflict its condition failing means. */
  private changeItems(change: CaseChange): {
    items: TransactItem[];
    kinds: WriteConflict['kind'][];
  } {
    const items: TransactItem[] = [];
    const kinds: WriteConflict['kind'][] = [];
    if (change.case) {
      const c = change.case.record;
      items.push({ Put: this.versionedPut(caseItem(c), change.case.expectedVersion) });
      kinds.push(change.case.expectedVersion === null ? 'exists' : 'version');
      if (change.case.expectedVersion === null) {
        items.push({ Put: this.createPut(trackingCodeItem(c)) });
        kinds.push('unique');
      }
      // A new case's unique values, or one a change adds (a follow-up e-mail's Message-ID).
      for (const claim of change.claims ?? []) {
        items.push({ Put: this.createPut(claimItem(c, claim)) });
        kinds.push('claimed');
      }
      // The search index moves with the case, in the same transaction (never stale). A
      // replace that does not say what it replaces (`previous`) changes no indexed field.
      const before = change.case.expectedVersion === null ? null : change.case.previous;
      if (before !== undefined) {
        const index = indexWrites(this.tableName, this.searchKeys, before, c);
        items.push(...index);
        kinds.push(...index.map(() => 'version' as const));
      }
    }
    for (const a of change.assignments ?? []) {
      items.push({ Put: this.versionedPut(assignmentItem(a.record), a.expectedVersion) });
      kinds.push('version');
    }
    for (const l of change.ladders ?? []) {
      items.push({ Put: this.versionedPut(ladderItem(l.record), l.expectedVersion) });
      kinds.push('version');
    }
    for (const x of change.extensions ?? []) {
      items.push({ Put: this.versionedPut(extensionItem(x.record), x.expectedVersion) });
      kinds.push('version');
    }
    for (const agency of change.agenciesAsRead ?? []) {
      items.push(this.unchangedSince(keys.agency(agency.id), agency.version));
      kinds.push('version');
    }
    for (const a of change.assignmentsAsRead ?? []) {
      items.push(this.unchangedSince(keys.assignment(a.caseId, a.agencyId), a.version));
      kinds.push('version');
    }
    if (change.settingsAsRead !== undefined) {
      items.push(this.settingsUnchangedSince(change.settingsAsRead));
      kinds.push('version');
    }
    for (const e of change.clockEntries ?? []) {
      items.push({ Put: this.createPut(clockEntryItem(e)) });
      kinds.push('exists');
    }
    for (const x of change.activities ?? []) {
      items.push({ Put: this.versionedPut(activityItem(x.record), x.expectedVersion) });
      kinds.push('version');
      // Its agencies' invitations (and their holders') move with it, in the same transaction
      // (never stale).
      const invitations = activityInvitationWrites(x.record, x.holders).map((w) =>
        this.invitationWriteItem(w),
      );
      items.push(...invitations);
      kinds.push(...invitations.map(() => 'version' as const));
    }
    // A delegation's: its member unit's invitations put or removed beside the assignment.
    for (const w of change.invitations ?? []) {
      items.push(this.invitationWriteItem(w));
      kinds.push('version');
    }
    for (const counter of change.counters ?? []) {
      items.push({ Update: counterUpdate(this.tableName, counter) });
      kinds.push('version');
    }
    for (const e of change.events ?? []) {
      // Append-only: an event is written once and never replaced.
      items.push({ Put: this.createPut(eventItem(e)) });
      kinds.push('exists');
    }
    if (change.idempotency) {
      items.push({ Put: this.idempotencyPut(change.idempotency) });
      kinds.push('idempotency');
    }
    if (change.letterShares) {
      const shares = this.shareItems(change.letterShares);
      items.push(...shares);
      kinds.push(...shares.map(() => 'version' as const));
    }
    // Central's letters (an activity's invitations): each created once, into the outbox.
    for (const { notification: n, sharedWith } of change.letters ?? []) {
      items.push({ Put: this.createPut(notificationItem(n)) });
      kinds.push('exists');
      if (sharedWith) {
        const share = { caseId: n.caseId, agencyId: n.agencyId, memberId: sharedWith };
        items.push({ Put: this.createPut(letterShareItem(share, letterKeyOf(n))) });
        kinds.push('exists');
      }
    }
    // Issue 15: an agenda number's counter, attachments (document-store.ts).
    const documents = this.documentItems(change);
    items.push(...documents.items);
    kinds.push(...documents.kinds);
    return { items, kinds };
  }

  /** An invitation put, or deleted (`removed`) by its key: one item of a transaction. */
  private invitationWriteItem(w: InvitationWrite): TransactItem {
    return w.removed
      ? { Delete: { TableName: this.tableName, Key: invitationKey(w.invitation) } }
      : { Put: { TableName: this.tableName, Item: invitationItem(w.invitation) } };
  }

  /**
   * A delegation's letter shares (`LetterShares`): each put on the member unit's partition, or
   * deleted (taken back), on the ladder and the assignment as read.
   */
  private shareItems(shares: LetterShares): TransactItem[] {
    const { caseId, agencyId, memberId } = shares;
    return [
      ...(shares.ladderVersion !== undefined
        ? [this.unchangedSince(keys.ladder(caseId, agencyId), shares.ladderVersion)]
        : []),
      ...(shares.assignmentVersion !== undefined
        ? [this.unchangedSince(keys.assignment(caseId, agencyId), shares.assignmentVersion)]
        : []),
      ...shares.letters.map((letter): TransactItem =>
        memberId === null
          ? {
              Delete: {
                TableName: this.tableName,
                Key: keys.letterShare(caseId, agencyId, letter.id),
              },
            }
          : {
              Put: {
                TableName: this.tableName,
                Item: letterShareItem({ caseId, agencyId, memberId }, letter),
              },
            },
      ),
    ];
  }

  /**
   * Central's activity calendar, by scheduled time: one status's gsi1 partition
   * (`setneg#ACTIVITIES#<status>`), or every status's merged. So the desk's proposals and plans
   * read only those, never the reported and cancelled ones that pile up year after year.
   * Activities last written before the split still sit together in `setneg#ACTIVITIES`, read
   * beside and filtered by status after reading: nothing is written there any more (each write
   * of an activity moves it out), so what that costs stays what it was on the day of the split.
   */
  async listActivities(
    filter: { status?: string | undefined; from?: string | undefined; to?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ActivityRecord>> {
    const range =
      filter.from || filter.to
        ? {
            range: {
              op: 'between' as const,
              from: filter.from ?? '0000',
              to: `${filter.to ?? '9999'}~`,
            },
          }
        : {};
    const { status } = filter;
    const partitions = status ? [keys.activities(status)] : ACTIVITY_STATUSES.map(keys.activities);
    return this.page<ActivityRecord>(
      [
        ...partitions.map((partition) => ({ index: 'gsi1' as const, partition, ...range })),
        {
          index: 'gsi1',
          partition: keys.activitiesBeforeStatus,
          ...range,
          ...(status ? { accept: (item: Item) => item.status === status } : {}),
        },
      ],
      page,
    );
  }

  /**
   * Agencies' invitations held from `from` on, soonest first: each agency's gsi1 partition
   * (`<agency>#INVITED`, present only while its activity is planned) from `from`, merged. One
   * held through an agency listed too (`via`) is passed over while reading, so a page stays
   * full: that agency's own lists the activity.
   */
  async listInvitations(
    agencyIds: readonly string[],
    from: string,
    page: PageRequest,
  ): Promise<Page<ActivityInvitation>> {
    const listed = new Set(agencyIds);
    const found = await this.page<Item>(
      agencyIds.map((agencyId) => ({
        index: 'gsi1' as const,
        partition: keys.invitations(agencyId),
        range: { op: '>=' as const, value: from },
        accept: (item: Item) => typeof item.via !== 'string' || !listed.has(item.via),
      })),
      page,
    );
    return { ...found, items: found.items.map(invitationOf) };
  }

  /** Every invitation on a case (`INVITE#`, every page): a few per planned activity. */
  async listCaseInvitations(caseId: string): Promise<ActivityInvitation[]> {
    const items = await this.queryPrefix(keys.casePk(caseId), 'INVITE#', { consistent: true });
    return items.map(invitationOf);
  }

  /** Extension requests still pending (gsi1, present only while pending), oldest first. */
  async listPendingExtensions(page: PageRequest): Promise<Page<ExtensionRequestRecord>> {
    return this.page<ExtensionRequestRecord>(
      [{ index: 'gsi1', partition: keys.pendingExtensions }],
      page,
    );
  }

  /**
   * Cases written before `before` whose e-mail receipt is still to send, oldest first (gsi3,
   * sparse: a case is there only while its receipt is pending).
   */
  listPendingReceipts(before: Date, page: PageRequest): Promise<Page<CaseRecord>> {
    return this.page<CaseRecord>(
      [
        {
          index: 'gsi3',
          partition: keys.pendingReceipts,
          range: { op: '<', value: before.toISOString() },
        },
      ],
      page,
    );
  }

  /** Sums each agency's day counters over the period (one Query per agency, in parallel). */
  getAgencyCounters(
    agencyIds: readonly string[],
    from: string,
    to: string,
  ): Promise<AgencyCounters[]> {
    return sumCounters(this, agencyIds, from, to);
  }
}

/**
 * Of a case's answers, newest first: the latest `limit`, then each agency's latest final answer
 * (of `finalsOf`) older than those; whether some answer is left out; and whether these answers
 * are `enough` to stop reading (all of the above found, and one left out seen).
 */
function pickAnswers(
  answers: readonly TimelineEvent[],
  limit: number,
  finalsOf: ReadonlySet<string>,
): { items: TimelineEvent[]; earlier: boolean; enough: boolean } {
  const items: TimelineEvent[] = [];
  const finals = new Set<string>();
  let leftOut = 0;
  for (const e of answers) {
    const final = e.data.kind === 'final' && e.agencyId !== null && !finals.has(e.agencyId);
    if (items.length < limit || (final && finalsOf.has(e.agencyId!))) items.push(e);
    else leftOut += 1;
    if (final) finals.add(e.agencyId!);
  }
  const enough =
    items.length >= limit && leftOut > 0 && [...finalsOf].every((id) => finals.has(id));
  return { items, earlier: leftOut > 0, enough };
}
