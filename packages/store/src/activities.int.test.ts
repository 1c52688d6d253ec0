/**
 * Central's activity calendar on DynamoDB Local: a page of one status reads that status's
 * activities only, however many were reported or cancelled before; the whole calendar is still
 * one order by scheduled time across statuses, page after page; activities written before the
 * calendar was split by status (gsi1 `setneg#ACTIVITIES`) are still listed, under their status.
 */
import { type ActivityRecord, CENTRAL_TENANT, DomainError } from '@pantau/core';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { freshStore } from '../../../test/support/dynamodb.ts';
import type { DynamoStore } from './dynamo-store.ts';
import { activityItem, type Item } from './items.ts';

/** The items DynamoDB read for the Queries sent since the last `reset` (`ScannedCount`). */
function countingClient() {
  const reads = { queries: 0, items: 0 };
  const client = new DynamoDBClient({
    endpoint: inject('dynamoDbEndpoint'),
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (context.commandName === 'QueryCommand') {
        reads.queries += 1;
        reads.items += (out.output as { ScannedCount?: number }).ScannedCount ?? 0;
      }
      return out;
    },
    { step: 'initialize', name: 'countQueryReads' },
  );
  const reset = () => Object.assign(reads, { queries: 0, items: 0 });
  return { client, reads, reset };
}

const NOW = '2026-04-06T03:00:00.000Z';
/** The desk's "to report up to the end of this week" (Sunday's end in WIB). */
const WEEK_END = '2026-04-12T16:59:59.999Z';

const activity = (
  id: string,
  status: ActivityRecord['status'],
  scheduledAt: string | null,
): ActivityRecord => ({
  id,
  caseId: `01KCASE${id.slice(-6)}`,
  kind: 'clarification',
  status,
  scheduledAt,
  agencyIds: ['polri'],
  participants: [],
  plan: 'Rencana',
  heldAt: status === 'done' ? scheduledAt : null,
  outcome: status === 'done' ? 'Selesai' : null,
  summary: status === 'done' ? 'Ringkasan' : null,
  cancellation: status === 'cancelled' ? { reason: 'Tidak perlu', at: NOW } : null,
  createdBy: 'officer-1',
  createdAt: NOW,
  updatedAt: NOW,
  version: 1,
});

/** The n-th day from 1 January 2025 at 02:00 UTC. */
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 2)).toISOString();

/** The calendar's own order: unscheduled first, then by time, then by id. */
const sortKey = (a: ActivityRecord) => `${a.scheduledAt ?? '0000'}#${a.id}`;
const inOrder = (list: readonly ActivityRecord[]) =>
  [...list].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)).map((a) => a.id);

async function write(store: DynamoStore, items: readonly Item[]) {
  for (let i = 0; i < items.length; i += 25)
    await store.client.send(
      new BatchWriteCommand({
        RequestItems: {
          [store.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
}

/** Every page of a list, `limit` at a time: the ids in order, and the first page's total. */
async function walk(
  store: DynamoStore,
  filter: { status?: string; from?: string; to?: string },
  limit: number,
) {
  const ids: string[] = [];
  let total: number | undefined;
  let cursor: string | undefined;
  for (let request = 0; request < 200; request += 1) {
    const page = await store.listActivities(filter, {
      limit,
      ...(cursor ? { cursor } : { total: true }),
    });
    total ??= page.total;
    ids.push(...page.items.map((a) => a.id));
    if (page.nextCursor === null) return { ids, total };
    cursor = page.nextCursor;
  }
  throw new Error('did not end');
}

describe('a page of one status reads that status only', () => {
  const counting = countingClient();
  let store: DynamoStore;
  // Two years of reported and cancelled activities, and what is still open.
  const closed = Array.from({ length: 300 }, (_, n) =>
    activity(`01KACTCLOSED${String(n).padStart(6, '0')}`, n % 3 ? 'done' : 'cancelled', day(n)),
  );
  const open = [
    activity('01KACTOPEN00000000000001', 'planned', null),
    activity('01KACTOPEN00000000000002', 'planned', '2026-04-01T02:00:00.000Z'),
    activity('01KACTOPEN00000000000003', 'planned', '2026-04-08T02:00:00.000Z'),
    activity('01KACTOPEN00000000000004', 'planned', '2026-04-20T02:00:00.000Z'),
    activity('01KACTOPEN00000000000005', 'proposed', null),
    activity('01KACTOPEN00000000000006', 'proposed', null),
  ];
  const all = [...closed, ...open];

  beforeAll(async () => {
    store = await freshStore({ client: counting.client });
    await write(store, all.map(activityItem));
  });

  it('the desk’s cards read their own activities, not the unit’s history', async () => {
    counting.reset();
    const planned = await store.listActivities(
      { status: 'planned', to: WEEK_END },
      { limit: 20, total: true },
    );
    expect(planned.items.map((a) => a.id)).toEqual(inOrder(open.slice(0, 3)));
    expect([planned.total, planned.nextCursor]).toEqual([3, null]);
    // The page's three and the total's three: nothing of the 300 reported or cancelled (read
    // through by a filter after reading, the page and its total read all 306 twice: 610).
    expect(counting.reads.items).toBe(2 * 3);

    counting.reset();
    const proposed = await store.listActivities({ status: 'proposed' }, { limit: 20, total: true });
    expect(proposed.items.map((a) => a.id)).toEqual(inOrder(open.slice(4)));
    expect(proposed.total).toBe(2);
    expect(counting.reads.items).toBe(2 * 2);
  });

  it('the whole calendar: every status in one order by time, page after page, with its total', async () => {
    for (const limit of [7, 50]) {
      const { ids, total } = await walk(store, {}, limit);
      expect(ids).toEqual(inOrder(all));
      expect(total).toBe(all.length);
    }
    // A period, across statuses.
    const from = day(250);
    const within = all.filter((a) => a.scheduledAt && a.scheduledAt >= from);
    expect(within.length).toBeGreaterThan(50);
    const { ids, total } = await walk(store, { from }, 9);
    expect(ids).toEqual(inOrder(within));
    expect(total).toBe(within.length);
  });

  it('one status, page after page', async () => {
    const done = all.filter((a) => a.status === 'done');
    const { ids, total } = await walk(store, { status: 'done' }, 30);
    expect(ids).toEqual(inOrder(done));
    expect(total).toBe(done.length);
  });
});

describe('activities written before the calendar was split by status', () => {
  const counting = countingClient();
  let store: DynamoStore;
  const LEGACY = `${CENTRAL_TENANT}#ACTIVITIES`;
  const legacy = [
    ...Array.from({ length: 20 }, (_, n) =>
      activity(`01KACTOLD${String(n).padStart(6, '0')}`, n % 4 ? 'done' : 'cancelled', day(2 * n)),
    ),
    activity('01KACTOLDPLANNED0000001', 'planned', null),
    activity('01KACTOLDPLANNED0000002', 'planned', '2026-04-07T02:00:00.000Z'),
    activity('01KACTOLDPROPOSED000001', 'proposed', null),
  ];
  const current = [
    ...Array.from({ length: 10 }, (_, n) =>
      activity(`01KACTNEW${String(n).padStart(6, '0')}`, 'done', day(2 * n + 1)),
    ),
    activity('01KACTNEWPLANNED0000001', 'planned', '2026-04-02T02:00:00.000Z'),
    activity('01KACTNEWPLANNED0000002', 'planned', '2026-04-09T02:00:00.000Z'),
    activity('01KACTNEWPROPOSED000001', 'proposed', null),
  ];
  let all = [...legacy, ...current];
  /** Those of `legacy` written since (so in their status's partition). */
  const movedOut = new Set<string>();

  beforeAll(async () => {
    store = await freshStore({ client: counting.client });
    await write(store, [
      // As the store wrote them then: one partition for every status.
      ...legacy.map((a) => ({ ...activityItem(a), gsi1pk: LEGACY })),
      ...current.map(activityItem),
    ]);
  });

  it('are listed with the others, with and without a status, in order', async () => {
    for (const status of ['planned', 'proposed', 'done', 'cancelled'] as const) {
      const those = all.filter((a) => a.status === status);
      const { ids, total } = await walk(store, { status }, 2);
      expect(ids).toEqual(inOrder(those));
      expect(total).toBe(those.length);
    }
    const desk = await walk(store, { status: 'planned', to: WEEK_END }, 20);
    expect(desk.ids).toEqual(inOrder(all.filter((a) => a.status === 'planned')));
    const { ids, total } = await walk(store, {}, 4);
    expect(ids).toEqual(inOrder(all));
    expect(total).toBe(all.length);
  });

  it('one reported since moves to its status, listed once', async () => {
    const before = legacy.find((a) => a.id === '01KACTOLDPLANNED0000002')!;
    const after: ActivityRecord = {
      ...before,
      status: 'done',
      heldAt: before.scheduledAt,
      outcome: 'Selesai',
      summary: 'Ringkasan',
      version: 2,
    };
    await store.commit({ activities: [{ record: after, expectedVersion: 1 }] });
    all = all.map((a) => (a.id === after.id ? after : a));
    movedOut.add(after.id);
    expect((await walk(store, { status: 'planned' }, 20)).ids).not.toContain(after.id);
    const done = await walk(store, { status: 'done' }, 20);
    expect(done.ids).toEqual(inOrder(all.filter((a) => a.status === 'done')));
    expect(done.ids.filter((id) => id === after.id)).toHaveLength(1);
    expect((await walk(store, {}, 20)).ids).toEqual(inOrder(all));
  });

  it('are read beside, at a cost that no longer grows', async () => {
    const desk = async () => {
      counting.reset();
      const page = await store.listActivities(
        { status: 'planned', to: WEEK_END },
        { limit: 20, total: true },
      );
      return { ids: page.items.map((a) => a.id), total: page.total, read: counting.reads.items };
    };
    const before = await desk();
    const planned = all.filter((a) => a.status === 'planned');
    expect([before.ids, before.total]).toEqual([inOrder(planned), planned.length]);
    // The old partition is read whole (the page and the total), the new one its plans only.
    const old = new Set(legacy.filter((a) => !movedOut.has(a.id)).map((a) => a.id));
    const plannedNew = planned.filter((a) => !old.has(a.id));
    expect(before.read).toBe(2 * old.size + 2 * plannedNew.length);
    // A hundred more reported: the desk reads what it read.
    const more = Array.from({ length: 100 }, (_, n) =>
      activity(`01KACTMORE${String(n).padStart(6, '0')}`, 'done', day(n)),
    );
    await write(store, more.map(activityItem));
    all = [...all, ...more];
    expect(await desk()).toEqual(before);
  });

  it('a cursor the list handed out before is a 400, never a 500', async () => {
    // One position, in the one partition the calendar read then.
    const { pk, sk, gsi1sk } = activityItem(legacy[0]!);
    const oldCursor = Buffer.from(JSON.stringify([{ pk, sk, gsi1pk: LEGACY, gsi1sk }])).toString(
      'base64url',
    );
    for (const filter of [{}, { status: 'planned' }]) {
      const error = await store.listActivities(filter, { limit: 5, cursor: oldCursor }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('validation_failed');
    }
  });
});
