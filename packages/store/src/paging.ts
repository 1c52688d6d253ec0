/**
 * Pagination with opaque cursors over one or more key-ordered Query streams, merged by sort
 * key (one stream for most lists; a focal point's queue merges its member units'). Items can
 * be filtered after reading; a cursor always points just past the last item *returned* (or,
 * when the read budget ran out, the last item *read*), so no item is skipped or repeated
 * across pages, and pages keep the streams' order.
 *
 * A stream may carry a filter of its own, applied with the page's to its items only (central's
 * activity calendar filters the one partition written before it was split by status).
 *
 * A filter that keeps few items (central's register by one agency, an agency's timeline of a
 * case sent to sixty) would otherwise read a whole partition to fill one page: each stream
 * reads at most `READ_BUDGET` items a request, and a page cut short by it holds fewer than
 * `limit` items (possibly none) and a cursor to go on.
 */
import { invalidInput, limitExceeded, type Page, type PageRequest } from '@pantau/core';
import { randomUUID } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { itemSize, MAX_ITEM_BYTES } from './item-size.ts';
import { keys } from './keys.ts';
import { mapLimited } from './lanes.ts';
import { type IndexName, TTL_ATTRIBUTE } from './table.ts';

type Item = Record<string, unknown>;

/** One key-ordered Query: a partition of the table or of an index, optionally a sort-key range. */
export interface Stream {
  readonly index?: IndexName;
  readonly partition: string;
  readonly range?:
    | { readonly op: '<' | '>=' | 'begins_with'; readonly value: string }
    | { readonly op: 'between'; readonly from: string; readonly to: string };
  readonly descending?: boolean;
  /** Of this stream's items, those to keep (with the page's filter); code, never in a cursor. */
  readonly accept?: (item: Item) => boolean;
}

/** What a stream keeps: the page's filter and its own, or `undefined` when it keeps all. */
function acceptOf(
  stream: Stream,
  filter: ((item: Item) => boolean) | undefined,
): ((item: Item) => boolean) | undefined {
  const own = stream.accept;
  if (!own || !filter) return own ?? filter;
  return (item) => filter(item) && own(item);
}

const attributesOf = (stream: Stream) => {
  const pk = stream.index ? `${stream.index}pk` : 'pk';
  const sk = stream.index ? `${stream.index}sk` : 'sk';
  return { pk, sk, key: stream.index ? ['pk', 'sk', pk, sk] : ['pk', 'sk'] };
};

function toQuery(tableName: string, stream: Stream): QueryCommandInput {
  const { pk, sk } = attributesOf(stream);
  const values: Item = { ':pk': stream.partition };
  let condition = '#pk = :pk';
  const range = stream.range;
  if (range?.op === 'between') {
    condition += ' AND #sk BETWEEN :from AND :to';
    Object.assign(values, { ':from': range.from, ':to': range.to });
  } else if (range?.op === 'begins_with') {
    condition += ' AND begins_with(#sk, :sk)';
    values[':sk'] = range.value;
  } else if (range) {
    condition += ` AND #sk ${range.op} :sk`;
    values[':sk'] = range.value;
  }
  return {
    TableName: tableName,
    IndexName: stream.index,
    KeyConditionExpression: condition,
    ExpressionAttributeNames: range ? { '#pk': pk, '#sk': sk } : { '#pk': pk },
    ExpressionAttributeValues: values,
    ScanIndexForward: !stream.descending,
  };
}

type Position = Item | null | 'done';

/**
 * What one page may hold, in bytes as a response carries it (`responseBytes`). On AWS a list
 * answers through Lambda's JSON envelope of at most 6,291,556 bytes, past which the invocation
 * fails with a bare 500; a hundred cases of 20,000 characters full of quotes (which an e-mail to
 * the intake address can carry) take 8 MB that way. The rest of the envelope is left for what a
 * view adds to its records and for the headers.
 */
export const PAGE_BYTES = 4_500_000;

/**
 * The bytes `value` takes as JSON inside a JSON string, as Lambda's envelope carries a body:
 * its JSON's UTF-8 bytes, plus one for each quote and backslash escaped once more (JSON has
 * already written every control character as an escape).
 */
export function responseBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let escapes = 0;
  for (let i = 0; i < json.length; i += 1) {
    const c = json.charCodeAt(i);
    if (c === 34 || c === 92) escapes += 1;
  }
  return Buffer.byteLength(json) + escapes;
}

/**
 * The first of `entries` whose items add up to at most `PAGE_BYTES`, and at least one. `bytesOf`
 * weighs an item read in place of what the page returns (a letter shared with a member unit,
 * read after the page: its size as the share records it).
 */
export function withinPageBytes<T>(
  entries: readonly T[],
  itemOf: (entry: T) => unknown,
  bytesOf: (item: unknown) => number = responseBytes,
): T[] {
  let used = 0;
  for (const [i, entry] of entries.entries()) {
    used += bytesOf(itemOf(entry));
    if (used > PAGE_BYTES && i > 0) return entries.slice(0, i);
  }
  return [...entries];
}

/** Items one request reads from a stream at most while filtering (about 1,000 × a few KB). */
export const READ_BUDGET = 1_000;

/**
 * A cursor up to this long goes to the caller as it is. A longer one (a focal point's queue
 * merges a stream per member unit, and keeps a position of about 270 characters for each it
 * has read from) is kept in the table and the caller given its id: a cursor travels in a
 * URL, which the API takes up to 2,000 characters of.
 */
export const INLINE_CURSOR_CHARS = 1_500;
/** How long a kept cursor stays readable (the table's TTL removes it after). */
const KEPT_CURSOR_SECONDS = 24 * 60 * 60;
/** What starts a kept cursor's id (never the first character of base64url JSON). */
const KEPT = '~';

/** A cursor kept in the table under `id`: its positions' JSON deflated, for a day from `now`. */
export const keptCursorItem = (id: string, json: string, now: number): Item => ({
  ...keys.cursor(id),
  entity: 'cursor',
  packed: deflateRawSync(json),
  [TTL_ATTRIBUTE]: Math.floor(now / 1000) + KEPT_CURSOR_SECONDS,
});

/**
 * A cursor for `positions`: inline when short, else kept in the table, deflated (positions
 * repeat their keys' prefixes: 3,000 member units' fit in a few tens of KB). Past an item's
 * 400 KB even so, the list is refused in a sentence rather than DynamoDB's 500.
 */
export async function encodeCursor(
  client: DynamoDBDocumentClient,
  tableName: string,
  positions: Position[],
): Promise<string> {
  const json = JSON.stringify(positions);
  const inline = Buffer.from(json).toString('base64url');
  if (inline.length <= INLINE_CURSOR_CHARS) return inline;
  const id = randomUUID();
  const item = keptCursorItem(id, json, Date.now());
  if (itemSize(item) > MAX_ITEM_BYTES)
    throw limitExceeded(
      `this list merges ${positions.length} queues, too many to page through together: ` +
        'list fewer (one unit’s queue at a time)',
    );
  await client.send(new PutCommand({ TableName: tableName, Item: item }));
  return `${KEPT}${id}`;
}

/** The positions a cursor holds (a kept one read back), checked against the streams. */
export async function decodeCursor(
  client: DynamoDBDocumentClient,
  tableName: string,
  cursor: string | undefined,
  streams: readonly Stream[],
): Promise<Position[]> {
  if (cursor === undefined) return streams.map(() => null);
  let json: string | undefined;
  if (cursor.startsWith(KEPT)) {
    const id = cursor.slice(KEPT.length);
    // Consistent: the next page is often asked for the moment this one answered.
    const kept = /^[0-9a-f-]{36}$/.test(id)
      ? (
          await client.send(
            new GetCommand({ TableName: tableName, Key: keys.cursor(id), ConsistentRead: true }),
          )
        ).Item
      : undefined;
    // Past its day (the TTL removes an item up to days later): expired, as promised.
    const lapsed = Number(kept?.[TTL_ATTRIBUTE] ?? 0) * 1000 <= Date.now();
    // `positions` (base64url JSON) in a cursor kept before they were deflated (a day at most).
    const packed = kept?.packed instanceof Uint8Array ? kept.packed : undefined;
    if ((!packed && typeof kept?.positions !== 'string') || lapsed)
      throw invalidInput(
        'cursor',
        'this list’s cursor has expired: start again from its first page',
      );
    json = packed
      ? inflateRawSync(packed).toString('utf8')
      : Buffer.from(String(kept!.positions), 'base64url').toString('utf8');
  }
  try {
    const positions = JSON.parse(
      json ?? Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown;
    if (
      Array.isArray(positions) &&
      positions.length === streams.length &&
      positions.every((p, i) => p === null || p === 'done' || isKeyOf(p, streams[i]!))
    ) {
      return (positions as Position[]).map((p, i) => withinRange(p, streams[i]!));
    }
  } catch {
    // fall through: not a cursor of ours
  }
  throw invalidInput('cursor', 'not a cursor of this list');
}

/**
 * A cursor position must be a key in the very partition the stream reads (no tenant hopping),
 * and one DynamoDB takes: no key attribute empty or past a sort key's 1,024 bytes (a forged
 * cursor is the caller's 400, never DynamoDB's ValidationException and a 500).
 */
function isKeyOf(position: unknown, stream: Stream): boolean {
  if (typeof position !== 'object' || position === null || Array.isArray(position)) return false;
  const key = position as Item;
  const { pk, key: attributes } = attributesOf(stream);
  return (
    Object.keys(key).length === attributes.length &&
    attributes.every((a) => typeof key[a] === 'string' && isKeyValue(key[a])) &&
    key[pk] === stream.partition
  );
}

const isKeyValue = (value: string): boolean =>
  value.length > 0 && Buffer.byteLength(value, 'utf8') <= 1_024;

/**
 * A position outside the stream's sort-key range, which DynamoDB refuses as a start key: a
 * range that moves with the clock (the desk's "due within two days", "overdue since
 * yesterday") has moved past it since the page before, or the range was changed. Before the
 * range (in the stream's order), the stream starts at the range's start: everything after the
 * position that is still in range; past its end, the stream is done.
 */
function withinRange(position: Position, stream: Stream): Position {
  const range = stream.range;
  if (position === null || position === 'done' || !range) return position;
  const sk = String(position[attributesOf(stream).sk]);
  const [below, above] =
    range.op === 'between'
      ? [sk < range.from, sk > range.to]
      : range.op === '<'
        ? [false, sk >= range.value]
        : range.op === '>='
          ? [sk < range.value, false]
          : [sk < range.value, !sk.startsWith(range.value) && sk > range.value];
  const [before, past] = stream.descending ? [above, below] : [below, above];
  return before ? null : past ? 'done' : position;
}

interface StreamRead {
  readonly items: Item[];
  readonly exhausted: boolean;
  /** The key of the last item read when the budget ran out first (resume after it). */
  readonly stoppedAt?: Item;
  /** Items read (accepted or not), against the budget. */
  readonly read: number;
}

/** Reads up to `want` accepted items of one stream from `start`, at most `budget` read. */
async function readStream(
  client: DynamoDBDocumentClient,
  query: QueryCommandInput,
  start: Item | null,
  want: number,
  accept: (item: Item) => boolean,
  budget: number,
): Promise<StreamRead> {
  const items: Item[] = [];
  let read = 0;
  let exclusiveStartKey: Item | undefined = start ?? undefined;
  for (;;) {
    const out = await client.send(
      new QueryCommand({
        ...query,
        Limit: Math.min(Math.max(want - items.length, 10), budget - read),
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    const page = out.Items ?? [];
    read += page.length;
    for (const [i, item] of page.entries()) {
      if (accept(item)) items.push(item);
      if (items.length === want) {
        // The caller resumes after this item, unless it was the very last one.
        return { items, exhausted: !out.LastEvaluatedKey && i === page.length - 1, read };
      }
    }
    if (!out.LastEvaluatedKey) return { items, exhausted: true, read };
    if (read >= budget) return { items, exhausted: false, stoppedAt: out.LastEvaluatedKey, read };
    exclusiveStartKey = out.LastEvaluatedKey;
  }
}

/**
 * Every item a Query matches, following `LastEvaluatedKey` page after page: DynamoDB stops a
 * page at 1 MB (or at `Limit`), so a read of "all of" something that took only the first page
 * would silently drop the rest once a partition grew. With `enough`, it stops after the first
 * page whose items, with those before, are enough (a newest-first read that needs the latest).
 */
export async function queryAll(
  client: DynamoDBDocumentClient,
  query: QueryCommandInput,
  enough: (items: readonly Item[]) => boolean = () => false,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await client.send(new QueryCommand({ ...query, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && !enough(items));
  return items;
}

/** Queries one page sends at once (the SDK keeps 50 sockets; a focal point may have hundreds of units). */
const PARALLEL_READS = 16;

/** How many times a page reads on from the streams that hold it back before it comes out short. */
const MAX_ROUNDS = 8;

/**
 * One page merged from `streams`, items in sort order, filtered by `filter` (and each stream's
 * items by its own `accept`).
 *
 * With many streams (a focal point's queue: one per member unit), a page does not read `limit`
 * items from each: it reads a head from every stream (a share of the page, at least one
 * Query's 10), then reads on only from the stream whose last read item comes first, until the
 * page's `limit` items all come before every unread item. One stream reads `limit` at once,
 * as it always did.
 */
export async function queryPage(
  client: DynamoDBDocumentClient,
  tableName: string,
  streams: readonly Stream[],
  page: PageRequest,
  filter?: (item: Item) => boolean,
  budget = READ_BUDGET,
  bytesOf?: (item: Item) => number,
): Promise<Page<Item>> {
  const positions = await decodeCursor(client, tableName, page.cursor, streams);
  const descending = streams[0]?.descending ?? false;
  const skOf = (item: Item, i: number) => String(item[attributesOf(streams[i]!).sk]);
  /** Negative when `a` comes first in the streams' order. */
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) * (descending ? -1 : 1);
  const accepts = streams.map((stream) => acceptOf(stream, filter) ?? (() => true));
  const read = (i: number, start: Item | null, want: number, left: number) =>
    readStream(client, toQuery(tableName, streams[i]!), start, want, accepts[i]!, left);
  const head = Math.min(page.limit, Math.max(10, Math.ceil((2 * page.limit) / streams.length)));
  const fetched: StreamRead[] = await mapLimited(streams, PARALLEL_READS, (_, i) => {
    const position = positions[i]!;
    return position === 'done'
      ? Promise.resolve({ items: [], exhausted: true, read: 0 })
      : read(i, position, head, budget);
  });
  /**
   * Where a stream's unread items begin (after its last item read), or none when it has
   * none: nothing of the others past the earliest of these may be returned yet, or the next
   * page would go back in order.
   */
  const frontier = (f: StreamRead, i: number): string | undefined =>
    f.exhausted ? undefined : skOf(f.stoppedAt ?? f.items.at(-1)!, i);
  let cut: string | undefined;
  for (let round = 0; ; round += 1) {
    const frontiers = fetched.map(frontier);
    cut = frontiers.filter((x) => x !== undefined).sort(order)[0];
    if (cut === undefined || round === MAX_ROUNDS) break;
    const before = fetched.reduce(
      (n, f, i) => n + f.items.filter((item) => order(skOf(item, i), cut!) <= 0).length,
      0,
    );
    if (before >= page.limit) break;
    // The streams holding the page back, that their budget lets read on.
    const behind = fetched.flatMap((f, i) =>
      frontiers[i] === cut && !f.stoppedAt && f.read < budget ? [i] : [],
    );
    if (behind.length === 0) break;
    await mapLimited(behind, PARALLEL_READS, async (i) => {
      const f = fetched[i]!;
      const more = await read(
        i,
        pick(f.items.at(-1)!, attributesOf(streams[i]!).key),
        page.limit,
        budget - f.read,
      );
      fetched[i] = { ...more, items: [...f.items, ...more.items], read: f.read + more.read };
    });
  }
  const candidates = fetched
    .flatMap((f, i) => f.items.map((item) => ({ item, i, sk: skOf(item, i) })))
    .filter((c) => cut === undefined || order(c.sk, cut) <= 0);
  candidates.sort((a, b) => order(a.sk, b.sk));
  // At most `limit` items, and at most `PAGE_BYTES` of them: the rest come on the next page.
  const taken = withinPageBytes(
    candidates.slice(0, page.limit),
    (c) => c.item,
    bytesOf as ((item: unknown) => number) | undefined,
  );

  const next: Position[] = streams.map((stream, i) => {
    const mine = taken.filter((c) => c.i === i);
    const all = fetched[i]!;
    if (mine.length === all.items.length && all.exhausted) return 'done';
    // Everything it read was returned or refused: it resumes where its budget stopped it.
    if (mine.length === all.items.length && all.stoppedAt) return all.stoppedAt;
    const last = mine.at(-1);
    return last ? pick(last.item, attributesOf(stream).key) : positions[i]!;
  });
  const more = next.some((p) => p !== 'done');
  const items = taken.map((c) => c.item);
  const nextCursor = more ? await encodeCursor(client, tableName, next) : null;
  if (!page.total) return { items, nextCursor };
  const counts = await mapLimited(streams, PARALLEL_READS, (stream) =>
    countStream(client, toQuery(tableName, stream), acceptOf(stream, filter)),
  );
  return { items, nextCursor, total: counts.reduce((sum, n) => sum + n, 0) };
}

/**
 * Every item of a stream `accept` takes, counted page by page, nothing held: DynamoDB counts
 * for us when nothing is filtered here (`Select: COUNT`, no items sent back), else each page's
 * items are read, counted and let go. A list answers without a filter when none is asked for
 * (`DynamoStore`'s lists), so the console's usual totals take the first way.
 */
async function countStream(
  client: DynamoDBDocumentClient,
  query: QueryCommandInput,
  accept?: (item: Item) => boolean,
): Promise<number> {
  let count = 0;
  let start: Item | undefined;
  do {
    const out = await client.send(
      new QueryCommand({
        ...query,
        ...(accept ? {} : { Select: 'COUNT' as const }),
        ExclusiveStartKey: start,
      }),
    );
    count += accept ? (out.Items ?? []).filter(accept).length : (out.Count ?? 0);
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

const pick = (item: Item, attributes: readonly string[]): Item =>
  Object.fromEntries(attributes.map((a) => [a, item[a]]));
