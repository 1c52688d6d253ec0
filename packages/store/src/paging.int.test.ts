/**
 * Paging with a read budget, on DynamoDB Local: a filter that keeps few items ends a page
 * early with a cursor instead of reading a whole partition, and across the pages every kept
 * item comes once, in the streams' merged order.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../../../test/support/dynamodb.ts';
import type { DynamoStore } from './dynamo-store.ts';
import { batchPut } from '../../../test/support/bulk.ts';
import { decodeCursor, encodeCursor, queryPage, type Stream } from './paging.ts';

let store: DynamoStore;
/** Two partitions of 40 items, their sort keys interleaved (a: 000, 002, …; b: 001, 003, …). */
const A = 'TEST#budget-a';
const B = 'TEST#budget-b';
/** A sparse partition: two items, the older kept. */
const C = 'TEST#budget-c';
const kept = new Set(['006', '007', '050', '051', '079']);

beforeAll(async () => {
  store = await freshStore();
  const items = Array.from({ length: 80 }, (_, n) => {
    const sk = String(n).padStart(3, '0');
    return { pk: n % 2 === 0 ? A : B, sk, keep: kept.has(sk) };
  });
  items.push({ pk: C, sk: '079', keep: false }, { pk: C, sk: '001', keep: true });
  for (let i = 0; i < items.length; i += 25)
    await store.client.send(
      new BatchWriteCommand({
        RequestItems: {
          [store.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
});

/** Every page until the end: the items, each request's reads, and each page's size. */
async function walk(streams: Stream[], limit: number, budget: number) {
  const sizes: number[] = [];
  const reads: number[] = [];
  const seen: string[] = [];
  const send = store.client.send.bind(store.client);
  let cursor: string | undefined;
  for (let request = 0; request < 100; request += 1) {
    let read = 0;
    const counting = {
      send: async (command: Parameters<typeof send>[0]) => {
        const out = (await send(command)) as { Items?: unknown[] };
        read += out.Items?.length ?? 0;
        return out;
      },
    } as typeof store.client;
    const page = await queryPage(
      counting,
      store.tableName,
      streams,
      { limit, cursor },
      (item) => item.keep === true,
      budget,
    );
    seen.push(...page.items.map((i) => String(i.sk)));
    sizes.push(page.items.length);
    reads.push(read);
    if (page.nextCursor === null) return { seen, sizes, reads };
    cursor = page.nextCursor;
  }
  throw new Error('did not end');
}

describe('a read budget per request', () => {
  it('one stream: pages end early, nothing is skipped or repeated, no request reads past it', async () => {
    const { seen, sizes, reads } = await walk([{ partition: A, descending: true }], 2, 8);
    expect(seen).toEqual(['050', '006']);
    expect(Math.max(...reads)).toBeLessThanOrEqual(8);
    expect(sizes).toContain(0); // a page cut short by the budget, with a cursor to go on
  });

  it('two streams merged: the kept items of both, in order, though one stream stops early', async () => {
    const streams = [
      { partition: A, descending: true },
      { partition: B, descending: true },
    ];
    const { seen, reads } = await walk(streams, 2, 6);
    expect(seen).toEqual(['079', '051', '050', '007', '006']);
    expect(Math.max(...reads)).toBeLessThanOrEqual(12);
    // Ascending too, and with room for everything the budget lets through.
    const up = await walk(
      streams.map((s) => ({ ...s, descending: false })),
      10,
      6,
    );
    expect(up.seen).toEqual(['006', '007', '050', '051', '079']);
  });

  it('a sparse stream read to its end waits for a dense one its budget stopped', async () => {
    // C's 001 is read at once, but A still has 050 and 006 unread ahead of it.
    const streams = [
      { partition: A, descending: true },
      { partition: C, descending: true },
    ];
    expect((await walk(streams, 10, 4)).seen).toEqual(['050', '006', '001']);
  });

  it('within the budget, a page is what it always was: full, and read in one go', async () => {
    const { seen, sizes } = await walk([{ partition: B, descending: true }], 10, 1_000);
    expect(seen).toEqual(['079', '051', '007']);
    expect(sizes).toEqual([3]);
  });
});

describe('a cursor from a range that has moved since (the desk’s "due within two days")', () => {
  const page = (stream: Stream, cursor?: string) =>
    queryPage(store.client, store.tableName, [stream], { limit: 2, cursor });
  const skOf = (p: Awaited<ReturnType<typeof page>>) => p.items.map((i) => String(i.sk));

  it('before the range now: goes on from the range’s start; past it: the list is done', async () => {
    for (const descending of [false, true]) {
      const then = { partition: A, descending, range: { op: 'between', from: '010', to: '040' } };
      const first = await page(then as Stream);
      expect(skOf(first)).toEqual(descending ? ['040', '038'] : ['010', '012']);
      // The bounds moved on (or back) while the page was open; DynamoDB refuses a start key
      // outside the key condition, which answered a 500.
      const moved = { ...then, range: { op: 'between', from: '030', to: '036' } } as Stream;
      const ahead = await page(
        descending
          ? ({ ...moved, range: { op: 'between', from: '000', to: '020' } } as Stream)
          : moved,
        first.nextCursor!,
      );
      expect(skOf(ahead)).toEqual(descending ? ['020', '018'] : ['030', '032']);
      const gone = {
        ...then,
        range: descending
          ? { op: 'between', from: '042', to: '060' }
          : { op: 'between', from: '000', to: '011' },
      } as Stream;
      const done = await page(gone, first.nextCursor!);
      expect([skOf(done), done.nextCursor]).toEqual([[], null]);
    }
  });
});

describe('many streams merged (a focal point’s queue with its member units)', () => {
  /** Stream j holds sort keys j, STREAMS + j, 2 × STREAMS + j…: every stream interleaved. */
  const STREAMS = 200;
  const PER_STREAM = 30;
  const partition = (j: number) => `TEST#many-${String(j).padStart(3, '0')}`;
  const streams = Array.from({ length: STREAMS }, (_, j) => ({ partition: partition(j) }));

  beforeAll(async () => {
    await batchPut(
      store,
      Array.from({ length: STREAMS * PER_STREAM }, (_, n) => ({
        pk: partition(n % STREAMS),
        sk: String(n).padStart(5, '0'),
      })),
    );
  });

  it('reads the heads it needs, not a page from every stream, and keeps the merged order', async () => {
    const send = store.client.send.bind(store.client);
    let read = 0;
    const counting = {
      send: async (command: Parameters<typeof send>[0]) => {
        const out = (await send(command)) as { Items?: unknown[] };
        read += out.Items?.length ?? 0;
        return out;
      },
    } as typeof store.client;
    const seen: string[] = [];
    const reads: number[] = [];
    let cursor: string | undefined;
    for (let p = 0; p < 3; p += 1) {
      read = 0;
      const page = await queryPage(counting, store.tableName, streams, { limit: 100, cursor });
      seen.push(...page.items.map((i) => String(i.sk)));
      reads.push(read);
      cursor = page.nextCursor!;
    }
    expect(seen).toEqual(Array.from({ length: 300 }, (_, n) => String(n).padStart(5, '0')));
    // A page from each of 200 streams would read 200 × 30 = 6,000 items for 100 returned.
    expect(Math.max(...reads)).toBeLessThanOrEqual(2_500);
  });

  it('a page of a sparse stream beside dense ones is full, and every item comes once', async () => {
    // The first stream's items come first and fill the page: it is read on, not cut short.
    const one = [{ partition: partition(0) }, ...streams.slice(1, 50)];
    const page = await queryPage(store.client, store.tableName, one, { limit: 100 });
    expect(page.items).toHaveLength(100);
    const all: string[] = page.items.map((i) => String(i.sk));
    let cursor = page.nextCursor;
    while (cursor) {
      const next = await queryPage(store.client, store.tableName, one, { limit: 100, cursor });
      all.push(...next.items.map((i) => String(i.sk)));
      cursor = next.nextCursor;
    }
    const expected = Array.from({ length: STREAMS * PER_STREAM }, (_, n) => n)
      .filter((n) => n % STREAMS < 50)
      .map((n) => String(n).padStart(5, '0'));
    expect(all).toEqual(expected);
  });
});

describe('a cursor kept in the table', () => {
  /** A position as a focal point's queue keeps one per member unit: the queue index's key. */
  const position = (j: number) => ({
    pk: `CASE#01KB${String(j).padStart(6, '0')}QZ8Y3M4N5P6R7S8T9V`,
    sk: `ASSIGN#pemkab-${String(j).padStart(4, '0')}-kabupaten-contoh`,
    gsi1pk: `pemkab-${String(j).padStart(4, '0')}-kabupaten-contoh#QUEUE#open`,
    gsi1sk: `2026-12-${String((j % 28) + 1).padStart(2, '0')}T16:59:59.999Z#01KB${String(j).padStart(6, '0')}QZ8Y3M4N5P6R7S8T9V`,
  });

  it('holds the positions of 3,000 member units, and reads them back', async () => {
    const positions = Array.from({ length: 3_000 }, (_, j) => position(j));
    const cursor = await encodeCursor(store.client, store.tableName, positions);
    expect(cursor.startsWith('~')).toBe(true);
    const streams = positions.map((p) => ({ index: 'gsi1' as const, partition: p.gsi1pk }));
    expect(await decodeCursor(store.client, store.tableName, cursor, streams)).toEqual(positions);
  });
});
