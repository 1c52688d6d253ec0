/**
 * Pagination with opaque cursors over one or more key-ordered Query streams, merged by sort
 * key (one stream for most lists; a focal point's queue merges its member units'). Items can
 * be filtered after reading; a cursor always points just past the last item *returned*, so
 * no item is skipped or repeated across pages.
 */
import { invalidInput, type Page, type PageRequest } from '@pantau/core';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { IndexName } from './table.ts';

type Item = Record<string, unknown>;

/** One key-ordered Query: a partition of the table or of an index, optionally a sort-key range. */
export interface Stream {
  readonly index?: IndexName;
  readonly partition: string;
  readonly range?:
    | { readonly op: '<' | '>=' | 'begins_with'; readonly value: string }
    | { readonly op: 'between'; readonly from: string; readonly to: string };
  readonly descending?: boolean;
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

const encode = (positions: Position[]): string =>
  Buffer.from(JSON.stringify(positions)).toString('base64url');

function decode(cursor: string | undefined, streams: readonly Stream[]): Position[] {
  if (cursor === undefined) return streams.map(() => null);
  try {
    const positions = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(positions) &&
      positions.length === streams.length &&
      positions.every((p, i) => p === null || p === 'done' || isKeyOf(p, streams[i]!))
    ) {
      return positions as Position[];
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

/** Reads up to `want` accepted items of one stream from `start`. */
async function readStream(
  client: DynamoDBDocumentClient,
  query: QueryCommandInput,
  start: Item | null,
  want: number,
  accept: (item: Item) => boolean,
): Promise<{ items: Item[]; exhausted: boolean }> {
  const items: Item[] = [];
  let exclusiveStartKey: Item | undefined = start ?? undefined;
  for (;;) {
    const out = await client.send(
      new QueryCommand({
        ...query,
        Limit: Math.max(want - items.length, 10),
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    const page = out.Items ?? [];
    for (const [i, item] of page.entries()) {
      if (accept(item)) items.push(item);
      if (items.length === want) {
        // The caller resumes after this item, unless it was the very last one.
        return { items, exhausted: !out.LastEvaluatedKey && i === page.length - 1 };
      }
    }
    if (!out.LastEvaluatedKey) return { items, exhausted: true };
    exclusiveStartKey = out.LastEvaluatedKey;
  }
}

/**
 * Every item a Query matches, following `LastEvaluatedKey` page after page: DynamoDB stops a
 * page at 1 MB (or at `Limit`), so a read of "all of" something that took only the first page
 * would silently drop the rest once a partition grew.
 */
export async function queryAll(
  client: DynamoDBDocumentClient,
  query: QueryCommandInput,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await client.send(new QueryCommand({ ...query, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** One page merged from `streams`, items in sort order, filtered by `accept`. */
export async function queryPage(
  client: DynamoDBDocumentClient,
  tableName: string,
  streams: readonly Stream[],
  page: PageRequest,
  filter?: (item: Item) => boolean,
): Promise<Page<Item>> {
  const accept = filter ?? (() => true);
  const positions = decode(page.cursor, streams);
  const fetched = await Promise.all(
    streams.map((stream, i) => {
      const position = positions[i]!;
      return position === 'done'
        ? { items: [], exhausted: true }
        : readStream(client, toQuery(tableName, stream), position, page.limit, accept);
    }),
  );
  const candidates = fetched.flatMap((f, i) => f.items.map((item) => ({ item, i })));
  const descending = streams[0]?.descending ?? false;
  const attribute = (c: { item: Item; i: number }) =>
    String(c.item[attributesOf(streams[c.i]!).sk]);
  candidates.sort(
    (a, b) =>
      (attribute(a) < attribute(b) ? -1 : attribute(a) > attribute(b) ? 1 : 0) *
      (descending ? -1 : 1),
  );
  const taken = candidates.slice(0, page.limit);

  const next: Position[] = streams.map((stream, i) => {
    const mine = taken.filter((c) => c.i === i);
    const all = fetched[i]!;
    if (mine.length === all.items.length && all.exhausted) return 'done';
    const last = mine.at(-1);
    return last ? pick(last.item, attributesOf(stream).key) : positions[i]!;
  });
  const more = next.some((p) => p !== 'done');
  const items = taken.map((c) => c.item);
  const nextCursor = more ? encode(next) : null;
  if (!page.total) return { items, nextCursor };
  const counts = await Promise.all(
    streams.map((stream) => countStream(client, toQuery(tableName, stream), filter)),
  );
  return { items, nextCursor, total: counts.reduce((sum, n) => sum + n, 0) };
}

/**
 * Every item of a stream `accept` takes, counted: DynamoDB counts for us when nothing is
 * filtered here (`Select: COUNT`, no items sent back), else the items are read and filtered.
 */
async function countStream(
  client: DynamoDBDocumentClient,
  query: QueryCommandInput,
  accept?: (item: Item) => boolean,
): Promise<number> {
  if (!accept) {
    let count = 0;
    let start: Item | undefined;
    do {
      const out = await client.send(
        new QueryCommand({ ...query, Select: 'COUNT', ExclusiveStartKey: start }),
      );
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  }
  return (await queryAll(client, query)).filter(accept).length;
}

const pick = (item: Item, attributes: readonly string[]): Item =>
  Object.fromEntries(attributes.map((a) => [a, item[a]]));
