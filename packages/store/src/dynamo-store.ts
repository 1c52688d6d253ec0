/**
 * The DynamoDB single-table adapter behind core's `Store` port. Every access pattern is a
 * named method (listed in ../README.md); none scans.
 */
import {
  type Agency,
  readAgency,
  type StoredAgency,
  type AssignmentQuery,
  type AssignmentRecord,
  type CaseBundle,
  type CaseChange,
  type CaseQuery,
  type CaseRecord,
  type CalendarDay,
  type ClockEntry,
  type IdempotencyRecord,
  isTargetOverdue,
  type LadderRecord,
  type ExtensionRequestRecord,
  type ActivityRecord,
  type AgencyCounters,
  type CounterUpdate,
  counterRanges,
  type LadderWrite,
  type NotificationQuery,
  type NotificationRecord,
  type VersionedPut,
  type Page,
  type PageRequest,
  type SlaPolicy,
  SlaPolicySchema,
  type Store,
  type TimelineEvent,
  type WorkingCalendar,
  WriteConflict,
  limitExceeded,
} from '@pantau/core';
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { assertItemFits } from './item-size.ts';
import {
  activityItem,
  agencyItem,
  assignmentItem,
  calendarDayItem,
  calendarYearItem,
  caseItem,
  clockEntryItem,
  eventItem,
  extensionItem,
  idempotencyItem,
  type Item,
  ladderItem,
  ladderStepItem,
  notificationItem,
  policyItem,
  trackingCodeItem,
} from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage, type Stream } from './paging.ts';
type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'entity',
];
/** An item without its keys: the record as core knows it. */
const record = <T>(item: Item): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.includes(k))) as T;

export interface DynamoStoreOptions {
  /** The low-level client (endpoint, region, the SDK's own retries); created once per process. */
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

export class DynamoStore implements Store {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;

  constructor(options: DynamoStoreOptions) {
    // Records leave optional fields undefined; they are simply not stored.
    this.client = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.tableName = options.tableName;
  }

  // ---- agencies ---------------------------------------------------------------------

  /** Agency by id (the registry is central's). */
  async getAgency(id: string): Promise<Agency | undefined> {
    const stored = await this.get<StoredAgency>(keys.agency(id));
    return stored && readAgency(stored);
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

  /** Create (expectedVersion null) or update an agency under its version. */
  async putAgency(
    agency: Agency,
    expectedVersion: number | null,
    idempotency?: IdempotencyRecord,
  ): Promise<void> {
    const put = this.versionedPut(agencyItem(agency), expectedVersion);
    if (!idempotency) return this.conditionalPut(put, expectedVersion);
    await this.transact(
      [{ Put: put }, { Put: this.idempotencyPut(idempotency) }],
      [expectedVersion === null ? 'exists' : 'version', 'idempotency'],
    );
  }

  // ---- calendars and policies --------------------------------------------------------

  /** A holiday calendar: its days and the years it declares complete (one paged Query). */
  async getCalendar(id: string): Promise<WorkingCalendar | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.calendar(id) },
    });
    if (items.length === 0) return undefined;
    return {
      id,
      years: items.filter((i) => i.entity === 'calendar_year').map((i) => Number(i.year)),
      days: items.filter((i) => i.entity === 'calendar_day').map((i) => record<CalendarDay>(i)),
    };
  }

  /** An SLA policy by id. */
  async getPolicy(id: string): Promise<SlaPolicy | undefined> {
    const stored = await this.get<unknown>(keys.policy(id));
    // Parsing fills what older records lack (a policy stored before ladders existed).
    return stored === undefined ? undefined : SlaPolicySchema.parse(stored);
  }

  /** Every SLA policy (every page of them). */
  async listPolicies(): Promise<SlaPolicy[]> {
    const { pk, skPrefix } = keys.policyPrefix;
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
    });
    return items.map((p) => SlaPolicySchema.parse(record(p)));
  }

  /** Creates or replaces a policy under its version. */
  async putPolicy(policy: SlaPolicy, expectedVersion: number | null): Promise<void> {
    const item = policyItem(policy);
    // Seeded policies predate versions: version 0 means "stored without one".
    const put =
      expectedVersion === 0
        ? {
            TableName: this.tableName,
            Item: item,
            ConditionExpression:
              'attribute_exists(pk) AND (attribute_not_exists(#version) OR #version = :zero)',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':zero': 0 },
          }
        : this.versionedPut(item, expectedVersion);
    await this.conditionalPut(put, expectedVersion);
  }

  /** Adds or replaces one day of a calendar. */
  async putCalendarDay(calendarId: string, day: CalendarDay): Promise<void> {
    await this.plainPut(calendarDayItem(calendarId, day));
  }

  /** Removes one day of a calendar; false when there was none. */
  async deleteCalendarDay(calendarId: string, date: string): Promise<boolean> {
    const out = await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: keys.calendarDay(calendarId, date),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return out.Attributes !== undefined;
  }

  /** Declares a calendar's holidays for a year complete. */
  async putCalendarYear(calendarId: string, year: number): Promise<void> {
    await this.plainPut(calendarYearItem(calendarId, year));
  }

  // ---- cases ------------------------------------------------------------------------

  /**
   * A case with its assignments: one Query of the case's item collection, events (and the
   * letters, step markers and clock entries after them) excluded, read to its last page: a
   * collection past 1 MB (assignments stored with long pause arrays by an earlier version, many
   * activities) still yields every assignment.
   */
  async getCase(caseId: string): Promise<CaseBundle | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk < :events',
      ExpressionAttributeValues: { ':pk': keys.casePk(caseId), ':events': 'EVENT#' },
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
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.casePk(caseId),
        ':prefix': keys.clockEntry(caseId, agencyId, generation, '').sk,
      },
    });
    return items.map((i) => record<ClockEntry>(i));
  }

  /** The case a tracking code belongs to. */
  async findCaseIdByTrackingCode(code: string): Promise<string | undefined> {
    const item = await this.get<{ caseId: string }>(keys.trackingCode(code));
    return item?.caseId;
  }

  /** Central's case list, newest first: all (gsi1) or by status (gsi2). */
  async listCases(filter: CaseQuery, page: PageRequest): Promise<Page<CaseRecord>> {
    // Received in a period: a sort-key range (keys are `<receivedAt>#<id>`).
    const range = filter.received
      ? {
          op: 'between' as const,
          from: filter.received.from.toISOString(),
          to: `${filter.received.to.toISOString()}~`,
        }
      : undefined;
    const stream: Stream = filter.status
      ? {
          index: 'gsi2',
          partition: keys.casesByStatus(filter.status),
          descending: true,
          ...(range ? { range } : {}),
        }
      : { index: 'gsi1', partition: keys.allCases, descending: true, ...(range ? { range } : {}) };
    return this.page<CaseRecord>([stream], page, (item) => {
      const c = item as unknown as CaseRecord;
      if (filter.agencyId && !c.agencyIds.includes(filter.agencyId)) return false;
      if (filter.overdue) {
        const overdue =
          c.nextDueAt !== null && Date.parse(c.nextDueAt) < filter.overdue.now.getTime();
        if (overdue !== filter.overdue.overdue) return false;
      }
      return true;
    });
  }

  /** A case's timeline, oldest first; optionally only case-level events and those agencies'. */
  async listTimeline(
    caseId: string,
    page: PageRequest,
    agencyIds?: ReadonlySet<string>,
  ): Promise<Page<TimelineEvent>> {
    return this.page<TimelineEvent>(
      [{ partition: keys.casePk(caseId), range: { op: 'begins_with', value: 'EVENT#' } }],
      page,
      (item) => !agencyIds || item.agencyId === null || agencyIds.has(String(item.agencyId)),
    );
  }

  // ---- assignments ------------------------------------------------------------------

  /** Agencies' queues (gsi1), merged soonest deadline first. */
  async listQueue(
    agencyIds: readonly string[],
    filter: AssignmentQuery,
    page: PageRequest,
    delegatedTo: readonly string[] = [],
  ): Promise<Page<AssignmentRecord>> {
    const streams = [
      ...agencyIds.map((id) => assignmentStream('gsi1', (b) => keys.queue(id, b), filter)),
      // Delegated to these units (gsi3, sparse): merged in by the same deadline order.
      ...delegatedTo.map((id) => assignmentStream('gsi3', (b) => keys.delegated(id, b), filter)),
    ];
    return this.page<AssignmentRecord>(streams, page, assignmentFilter(filter));
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

  /** A stored idempotent response by (tenant, key). */
  async getIdempotency(tenant: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.get<IdempotencyRecord>(keys.idempotency(tenant, key));
  }

  /** Writes that must agree, in one TransactWriteItems. */
  async commit(change: CaseChange): Promise<void> {
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
    for (const e of change.clockEntries ?? []) {
      items.push({ Put: this.createPut(clockEntryItem(e)) });
      kinds.push('exists');
    }
    for (const x of change.activities ?? []) {
      items.push({ Put: this.versionedPut(activityItem(x.record), x.expectedVersion) });
      kinds.push('version');
    }
    for (const counter of change.counters ?? []) {
      items.push({ Update: this.counterUpdate(counter) });
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
    await this.transact(items, kinds);
  }

  // ---- the escalation engine ---------------------------------------------------------

  /** The ids of the ladder steps taken for one generation of an assignment. */
  async listStepsTaken(caseId: string, agencyId: string, generation: number): Promise<Set<string>> {
    const prefix = keys.step(caseId, agencyId, generation, '').sk;
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.casePk(caseId), ':prefix': prefix },
      ProjectionExpression: 'sk',
    });
    return new Set(items.map((i) => String(i.sk).slice(prefix.length)));
  }

  /**
   * A ladder's new state under its version, with each letter's marker (exactly once), outbox
   * record, timeline event and proposed activity, and the skipped steps' events: one
   * transaction (at most 4 letters × 4 items + 1 + a few events, far below the 100-item limit).
   */
  async commitLadder(write: LadderWrite): Promise<void> {
    const items: TransactItem[] = [
      { Put: this.versionedPut(ladderItem(write.ladder.record), write.ladder.expectedVersion) },
    ];
    const kinds: WriteConflict['kind'][] = ['version'];
    const created = (item: Item) => {
      items.push({ Put: this.createPut(item) });
      kinds.push('exists');
    };
    for (const l of write.letters) {
      const n = l.notification;
      created(ladderStepItem(n, l.stepId));
      created(notificationItem(n));
      created(eventItem(l.event));
      if (l.activity) created(activityItem(l.activity));
    }
    for (const e of write.events) created(eventItem(e));
    await this.transact(items, kinds);
  }

  /** A ladder's new state (timer) under its version. */
  async putLadder(put: VersionedPut<LadderRecord>): Promise<void> {
    await this.conditionalPut(
      this.versionedPut(ladderItem(put.record), put.expectedVersion),
      put.expectedVersion,
    );
  }

  /** The ladders of these assignments (BatchGetItem, 100 keys at a time). */
  async getLadders(refs: readonly { caseId: string; agencyId: string }[]): Promise<LadderRecord[]> {
    const out: LadderRecord[] = [];
    for (let i = 0; i < refs.length; i += 100) {
      let requested: Item[] | undefined = refs
        .slice(i, i + 100)
        .map((r) => keys.ladder(r.caseId, r.agencyId));
      while (requested && requested.length > 0) {
        const res: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: requested } } }),
        );
        out.push(
          ...(res.Responses?.[this.tableName] ?? []).map((item) => record<LadderRecord>(item)),
        );
        requested = res.UnprocessedKeys?.[this.tableName]?.Keys as Item[] | undefined;
      }
    }
    return out;
  }

  /**
   * Ladders whose timer is due by `now`, soonest first (gsi1 `setneg#TIMERS`): a batch of at
   * most `limit`, not all of them (the engine takes the next batch once these are done).
   */
  async listDueLadders(now: Date, limit: number): Promise<LadderRecord[]> {
    const page = await this.page<LadderRecord>(
      [
        {
          index: 'gsi1',
          partition: keys.timers,
          range: { op: '<', value: `${now.toISOString()}~` },
        },
      ],
      { limit },
    );
    return page.items;
  }

  /** The soonest ladder timer in (after, until], if any (the manual clock passing time). */
  async nextLadderWake(after: Date, until: Date): Promise<string | null> {
    const page = await this.page<LadderRecord>(
      [
        {
          index: 'gsi1',
          partition: keys.timers,
          range: { op: 'between', from: `${after.toISOString()}~`, to: `${until.toISOString()}~` },
        },
      ],
      { limit: 1 },
    );
    return page.items[0]?.wakeAt ?? null;
  }

  /** Every letter oldest first (gsi1), one agency's (gsi2), or one case's (its item collection). */
  async listNotifications(
    query: NotificationQuery,
    page: PageRequest,
  ): Promise<Page<NotificationRecord>> {
    // Dated after `since`: a sort-key range on the indexes (keys are `<scheduledAt>#<id>`).
    const after = query.since
      ? { range: { op: '>=' as const, value: `${query.since.toISOString()}~` } }
      : {};
    const stream: Stream = query.caseId
      ? { partition: keys.casePk(query.caseId), range: { op: 'begins_with', value: 'NOTIF#' } }
      : query.agencyId
        ? { index: 'gsi2', partition: keys.agencyNotifications(query.agencyId), ...after }
        : { index: 'gsi1', partition: keys.allNotifications, ...after };
    return this.page<NotificationRecord>(
      [stream],
      page,
      (item) =>
        (!query.agencyId || item.agencyId === query.agencyId) &&
        (!query.since || String(item.scheduledAt) > query.since.toISOString()),
    );
  }

  /** Extension requests still pending (gsi1, present only while pending), oldest first. */
  async listPendingExtensions(page: PageRequest): Promise<Page<ExtensionRequestRecord>> {
    return this.page<ExtensionRequestRecord>(
      [{ index: 'gsi1', partition: keys.pendingExtensions }],
      page,
    );
  }

  /** Letters of one assignment not yet delivered (every page of the case's letters). */
  async listUndelivered(caseId: string, agencyId: string): Promise<NotificationRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.casePk(caseId), ':prefix': 'NOTIF#' },
    });
    return items
      .map((i) => record<NotificationRecord>(i))
      .filter((n) => n.agencyId === agencyId && n.status !== 'sent');
  }

  /**
   * Letters still to send, oldest first (the sparse outbox index gsi3; failed ones leave it):
   * a batch of at most `limit`, not all of them (the sweep comes back for the rest).
   */
  async listAllUndelivered(limit: number): Promise<NotificationRecord[]> {
    const page = await this.page<NotificationRecord>([{ index: 'gsi3', partition: keys.outbox }], {
      limit,
    });
    return page.items;
  }

  /** A letter's delivery status. */
  async putNotification(notification: NotificationRecord): Promise<void> {
    await this.plainPut(notificationItem(notification));
  }

  /** Central's activity calendar (gsi1 `setneg#ACTIVITIES`), by scheduled time. */
  async listActivities(
    filter: { status?: string | undefined; from?: string | undefined; to?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ActivityRecord>> {
    const range =
      filter.from || filter.to
        ? { op: 'between' as const, from: filter.from ?? '0000', to: `${filter.to ?? '9999'}~` }
        : undefined;
    return this.page<ActivityRecord>(
      [{ index: 'gsi1', partition: keys.activities, ...(range ? { range } : {}) }],
      page,
      (item) => !filter.status || item.status === filter.status,
    );
  }

  // ---- statistics -------------------------------------------------------------------

  /** Sums each agency's day counters over the period (one Query per agency, in parallel). */
  async getAgencyCounters(
    agencyIds: readonly string[],
    from: string,
    to: string,
  ): Promise<AgencyCounters[]> {
    const ranges = counterRanges(from, to);
    const one = async (agencyId: string): Promise<AgencyCounters> => {
      const sums: Record<string, number> = {};
      for (const range of ranges) {
        // Days are `DAY#YYYY-MM-DD` and month roll-ups `MONTH#YYYY-MM`: one range each.
        const month = range.from.length === 7;
        const items = await queryAll(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.statsPk(agencyId),
            ':from': `${month ? 'MONTH' : 'DAY'}#${range.from}`,
            ':to': `${month ? 'MONTH' : 'DAY'}#${range.to}`,
          },
        });
        for (const item of items) {
          for (const [k, v] of Object.entries(item))
            if (typeof v === 'number') sums[k] = (sums[k] ?? 0) + v;
        }
      }
      const histogram = new Map<number, number>();
      for (const [k, v] of Object.entries(sums))
        if (/^h\d+$/.test(k) && v > 0) histogram.set(Number(k.slice(1)), v);
      return {
        agencyId,
        assigned: sums.assigned ?? 0,
        redirected: sums.redirected ?? 0,
        responded: sums.responded ?? 0,
        respondedOnTime: sums.respondedOnTime ?? 0,
        completed: sums.completed ?? 0,
        histogram,
      };
    };
    const out: AgencyCounters[] = [];
    for (let i = 0; i < agencyIds.length; i += 16)
      out.push(...(await Promise.all(agencyIds.slice(i, i + 16).map(one))));
    return out;
  }

  private counterUpdate(c: CounterUpdate) {
    const entries = Object.entries(c.add);
    return {
      TableName: this.tableName,
      Key: keys.statsBucket(c.agencyId, c.date),
      UpdateExpression: `SET entity = :entity, agencyId = :agency, #date = :date ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#date': 'date',
        ...Object.fromEntries(entries.map(([k], i) => [`#c${i}`, k])),
      },
      ExpressionAttributeValues: {
        ':entity': 'stats_day',
        ':agency': c.agencyId,
        ':date': c.date,
        ...Object.fromEntries(entries.map(([, v], i) => [`:c${i}`, v])),
      },
    };
  }

  // ---- helpers ----------------------------------------------------------------------

  private async get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return out.Item ? record<T>(out.Item) : undefined;
  }

  private async page<T>(
    streams: Stream[],
    page: PageRequest,
    accept?: (item: Item) => boolean,
  ): Promise<Page<T>> {
    const out = await queryPage(this.client, this.tableName, streams, page, accept);
    return {
      items: out.items.map((i) => record<T>(i)),
      nextCursor: out.nextCursor,
      ...(out.total === undefined ? {} : { total: out.total }),
    };
  }

  /** One conditional Put; losing the condition is a `WriteConflict`. */
  private async conditionalPut(
    put: ConstructorParameters<typeof PutCommand>[0],
    expectedVersion: number | null,
  ): Promise<void> {
    if (put.Item) assertItemFits(put.Item);
    try {
      await this.client.send(new PutCommand(put));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw conflictOf(expectedVersion, error);
      throw tooLargeOr(error);
    }
  }

  /** One unconditional Put (last writer wins: a calendar day, a letter's delivery status). */
  private async plainPut(item: Item): Promise<void> {
    assertItemFits(item);
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    } catch (error) {
      throw tooLargeOr(error);
    }
  }

  private createPut(item: Item) {
    return {
      TableName: this.tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    };
  }

  /** Create when `expectedVersion` is null, else replace only the version read. */
  private versionedPut(item: Item, expectedVersion: number | null) {
    if (expectedVersion === null) return this.createPut(item);
    return {
      TableName: this.tableName,
      Item: item,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    };
  }

  private idempotencyPut(r: IdempotencyRecord) {
    return this.createPut(idempotencyItem(r));
  }

  /**
   * All or nothing. Each item is measured first: one that would pass 400 KB refuses the whole
   * transaction (`limit_exceeded`) before anything reaches DynamoDB.
   */
  private async transact(items: TransactItem[], kinds: WriteConflict['kind'][]): Promise<void> {
    for (const item of items) if (item.Put?.Item) assertItemFits(item.Put.Item);
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        if (failed >= 0)
          throw new WriteConflict(
            kinds[failed] ?? 'version',
            `conditional write failed (${kinds[failed]})`,
            error,
          );
        // Another transaction held one of the items: same as losing the race.
        if (reasons.some((r) => r.Code === 'TransactionConflict'))
          throw new WriteConflict('version', 'transaction conflict', error);
      }
      throw tooLargeOr(error);
    }
  }
}

/**
 * DynamoDB's own refusal of an item past 400 KB (should the measure ever fall short of its
 * count) is the same 4xx as the store's, not a 500.
 */
function tooLargeOr(error: unknown): unknown {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'ValidationException' && /item size|size has exceeded/i.test(e.message ?? ''))
    return limitExceeded(
      "this change would pass DynamoDB's limit of 400 KB per item: nothing was written",
    );
  return error;
}

const conflictOf = (expectedVersion: number | null, cause: unknown) =>
  new WriteConflict(
    expectedVersion === null ? 'exists' : 'version',
    'conditional write failed',
    cause,
  );

const OPEN_STATES = new Set(['pending', 'acknowledged', 'responded']);

/**
 * The stream for an assignment list: the open bucket (soonest deadline first, overdue and
 * due-before as sort-key ranges) unless an ended state is asked for (most recent first).
 */
function assignmentStream(
  index: 'gsi1' | 'gsi2' | 'gsi3',
  partition: (bucket: string) => string,
  filter: AssignmentQuery,
): Stream {
  if (filter.state && !OPEN_STATES.has(filter.state)) {
    return { index, partition: partition(filter.state), descending: true };
  }
  const now = filter.now.toISOString();
  // DynamoDB refuses a BETWEEN whose bounds are reversed: a range that is empty by its
  // bounds (an instant after now, a due-before already past) is asked as an empty one.
  const between = (from: string, to: string) =>
    ({ op: 'between', from: from <= to ? from : to, to }) as const;
  if (filter.overdueSince) {
    return {
      index,
      partition: partition('open'),
      range: between(filter.overdueSince.toISOString(), now),
    };
  }
  let upper = filter.dueBefore?.toISOString();
  if (filter.overdue === true && (!upper || now < upper)) upper = now;
  if (filter.overdue === false) {
    return upper
      ? { index, partition: partition('open'), range: between(now, upper) }
      : { index, partition: partition('open'), range: { op: '>=', value: now } };
  }
  return upper
    ? { index, partition: partition('open'), range: { op: '<', value: upper } }
    : { index, partition: partition('open') };
}

const assignmentFilter = (filter: AssignmentQuery) => (item: Item) => {
  const a = item as unknown as AssignmentRecord;
  if (filter.state && a.state !== filter.state) return false;
  if (filter.overdue === true && filter.state && !OPEN_STATES.has(filter.state)) return false;
  if (filter.target && !isTargetOverdue(a, filter.target, filter.now)) return false;
  if (filter.complaintType && a.complaintType !== filter.complaintType) return false;
  if (filter.forwardedSince && a.forwardedAt <= filter.forwardedSince.toISOString()) return false;
  // A forwarding answered this redirect: no longer awaiting central.
  if (filter.awaitingReforward && (a.state !== 'redirected' || a.reforwardedAt)) return false;
  // A paused clock has nothing overdue, whatever its dates.
  if (filter.overdue === true && a.paused) return false;
  return true;
};
