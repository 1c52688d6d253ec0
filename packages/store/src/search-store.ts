/**
 * Search's access patterns: cases by identifier (lookup items), by words (postings), and by
 * id in one batch. A layer of `DynamoStore` (dynamo-store.ts), in its own file; the items and
 * what a change writes are in search-index.ts.
 */
import {
  type AssignmentRecord,
  type CaseRecord,
  headOf,
  invalidInput,
  type LookupHit,
  type LookupKey,
  type Page,
  type PageRequest,
  tokenMatches,
  type WordSearch,
} from '@pantau/core';
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type DynamoStoreOptions, itemId, record } from './dynamo-table.ts';
// Issue 15's documents layer sits below: the store is one class built in layers.
import { DocumentLayer } from './document-store.ts';
import { assignmentItem, type Item } from './items.ts';
import { PAGE_BYTES, queryPage, responseBytes } from './paging.ts';
import { keys } from './keys.ts';
import { indexWrites, SearchKeys } from './search-index.ts';
import { isDeepStrictEqual } from 'node:util';

/** An assignment item's index keys: the lists it is found in, and where. */
const INDEX_ATTRIBUTES = ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'] as const;

/** Postings read from each word's partition to judge which word is rarest. */
const PROBE = 50;
/** Postings read per Query once the rarest word is chosen. */
const BATCH = 200;
/**
 * Postings one request reads at most: past it the page ends early with a cursor (a query
 * whose every word is common and whose combination is rare would otherwise read a partition
 * to its end). Bounds a request to about 1,000 × 1 KB.
 */
const BUDGET = 1_000;

interface Posting {
  readonly sk: string;
  readonly caseId: string;
  readonly w?: string;
  readonly n?: string;
}

export class SearchStore extends DocumentLayer {
  protected readonly searchKeys: SearchKeys | undefined;

  constructor(options: DynamoStoreOptions) {
    super(options);
    this.searchKeys =
      options.searchKey === undefined ? undefined : new SearchKeys(options.searchKey);
  }

  #keys(): SearchKeys {
    if (!this.searchKeys) throw new Error('the store has no search key: it cannot search');
    return this.searchKeys;
  }

  /** Deletes the case's postings under `heads` (unconditional: one absent costs nothing). */
  async dropPostings(c: CaseRecord, heads: readonly string[]): Promise<void> {
    const search = this.#keys();
    const sk = keys.caseOrder(c.receivedAt, c.id);
    await this.batchWrite(
      [...new Set(heads.map(search.postingsPk))].map((pk) => ({
        DeleteRequest: { Key: { pk, sk } },
      })),
    );
  }

  /**
   * The upgrade's re-index of one case (core `reindexCase`): the items a new case's transaction
   * puts (`indexWrites` from null), read first, and only those missing or not as this release
   * writes them put, in one transaction (at most MAX_HEADS postings and 6 lookups) with a check
   * that the case is still at the version read. A case indexed whole writes nothing. Postings
   * under words the case no longer has (written by older rules) stay: their keys are HMACs of
   * those words, which nothing on the case names, and a word search reads the case it finds.
   */
  async reindexCase(c: CaseRecord): Promise<number> {
    const items = indexWrites(this.tableName, this.#keys(), null, c).flatMap((w) =>
      w.Put?.Item ? [w.Put.Item as Item] : [],
    );
    const stored = new Map(
      (await this.batchGet(items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })))).map((i) => [
        itemId(i),
        i,
      ]),
    );
    const missing = items.filter((i) => !isDeepStrictEqual(stored.get(itemId(i)), i));
    if (missing.length === 0) return 0;
    await this.transact(
      [
        this.unchangedSince(keys.case(c.id), c.version),
        ...missing.map((Item) => ({ Put: { TableName: this.tableName, Item } })),
      ],
      ['version', ...missing.map(() => 'version' as const)],
    );
    return missing.length;
  }

  /**
   * The upgrade's check of a case's assignments (core `upgradeCase`): those whose stored item's
   * index keys (the queue's, the worklist's, the member unit's: gsi1 to gsi3) are not the ones
   * `assignmentItem` gives them now, read consistently in one BatchGetItem. An item at another
   * version than `assignments` holds was written since, by this release: left out.
   */
  async staleAssignmentIndexes(
    assignments: readonly AssignmentRecord[],
  ): Promise<AssignmentRecord[]> {
    if (assignments.length === 0) return [];
    const stored = new Map(
      (
        await this.batchGet(
          assignments.map((a) => keys.assignment(a.caseId, a.agencyId)),
          true,
        )
      ).map((i) => [String(i.sk), i]),
    );
    return assignments.filter((a) => {
      const item = stored.get(keys.assignment(a.caseId, a.agencyId).sk);
      if (!item || item.version !== a.version) return false;
      const wanted = assignmentItem(a);
      return INDEX_ATTRIBUTES.some((name) => item[name] !== wanted[name]);
    });
  }

  /** Cases by id (BatchGetItem), in no particular order. */
  async getCases(caseIds: readonly string[]): Promise<CaseRecord[]> {
    const items = await this.batchGet([...new Set(caseIds)].map((id) => keys.case(id)));
    return items.map((i) => record<CaseRecord>(i));
  }

  /** Assignments by case and agency (BatchGetItem), in no particular order. */
  async getAssignments(
    refs: readonly { caseId: string; agencyId: string }[],
  ): Promise<AssignmentRecord[]> {
    const unique = [...new Map(refs.map((r) => [`${r.caseId}#${r.agencyId}`, r])).values()];
    const items = await this.batchGet(unique.map((r) => keys.assignment(r.caseId, r.agencyId)));
    return items.map((i) => record<AssignmentRecord>(i));
  }

  /**
   * The cases indexed under these identifiers: each identifier's lookup partition read newest
   * first and merged (`queryPage`), so every one of them is reached, page by page.
   */
  async findByLookups(lookups: readonly LookupKey[], page: PageRequest): Promise<Page<LookupHit>> {
    const search = this.#keys();
    const streams = lookups.map((k) => ({ partition: search.lookupPk(k), descending: true }));
    const found = await queryPage(this.client, this.tableName, streams, page);
    const hits = found.items.map((i) => ({
      caseId: String(i.caseId),
      field: i.field as LookupHit['field'],
      receivedAt: String(i.receivedAt),
    }));
    return {
      items: hits.filter((h, i) => hits.findIndex((x) => x.caseId === h.caseId) === i),
      nextCursor: found.nextCursor,
    };
  }

  /**
   * Word search: probes each word's postings partitions (`PROBE` newest; one per distinct head
   * of the stems it may meet, `variantsOf`: mostly one), reads on in the rarest word (the one
   * the probe exhausted with fewest postings, else the one whose probe reached furthest back in
   * time: the sparsest), its partitions merged newest first, filters those postings by every
   * word, then reads the surviving cases and asks `accept`. Newest first; cursor `{ d, k }`:
   * the driving word and the last posting key consumed (each of its partitions resumes after it).
   */
  async searchWords(query: WordSearch, page: PageRequest): Promise<Page<CaseRecord>> {
    const search = this.#keys();
    const words = query.words;
    const partitions = words.map((stems) => [
      ...new Set(stems.map((t) => search.postingsPk(headOf(t)))),
    ]);
    const matches = (p: Posting): boolean => {
      const tokens = [
        ...(p.w ?? '').split(' '),
        ...(query.includeNames ? (p.n ?? '').split(' ') : []),
      ];
      return words.every((stems) =>
        tokens.some((t) => t !== '' && stems.some((q) => tokenMatches(t, q))),
      );
    };
    const input = (pk: string, start?: Item, limit = BATCH): QueryCommandInput => ({
      TableName: this.tableName,
      KeyConditionExpression: query.received ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk',
      ExpressionAttributeValues: {
        ':pk': pk,
        ...(query.received
          ? {
              ':from': query.received.from.toISOString(),
              ':to': `${query.received.to.toISOString()}~`,
            }
          : {}),
      },
      ProjectionExpression: 'pk, sk, caseId, w, n',
      ScanIndexForward: false,
      Limit: limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    });

    let driving: number;
    /** The driving word's partitions: postings read and not yet consumed, and where to go on. */
    let parts: { pending: Posting[]; next: Item | undefined }[];
    let resumed = decodeCursor(page.cursor, words.length);
    // A cursor whose key lies outside the range (the caller changed `from`/`to` but kept it)
    // is one DynamoDB refuses as a start key: as paging.ts's `withinRange` does for every other
    // list, newest first, a key newer than the range starts the range over (the probe, as
    // without a cursor), and a key older than it ends the list.
    if (resumed && query.received) {
      if (resumed.k < query.received.from.toISOString()) return { items: [], nextCursor: null };
      if (resumed.k > `${query.received.to.toISOString()}~`) resumed = undefined;
    }
    if (resumed) {
      driving = resumed.d;
      const k = resumed.k;
      parts = partitions[driving]!.map((pk) => ({ pending: [], next: { pk, sk: k } }));
    } else {
      const probes = await Promise.all(
        partitions.map((pks) =>
          Promise.all(
            pks.map((pk) => this.client.send(new QueryCommand(input(pk, undefined, PROBE)))),
          ),
        ),
      );
      const reads = probes.map((word) =>
        word.map((p) => ({
          pending: (p.Items ?? []) as unknown as Posting[],
          next: p.LastEvaluatedKey,
        })),
      );
      const sizes = reads.map(probeOf);
      // A word with no posting at all: nothing can match every word.
      if (sizes.some((s) => s.exhausted && s.count === 0)) return { items: [], nextCursor: null };
      driving = rarest(sizes);
      parts = reads[driving]!;
    }

    const items: CaseRecord[] = [];
    let bytes = 0;
    let read = parts.reduce((n, p) => n + p.pending.length, 0);
    let lastKey: string | undefined;
    for (;;) {
      // Newest first across the partitions: only down to where every one still open was read.
      const open = parts.filter((p) => p.next !== undefined).map((p) => String(p.next!.sk));
      const floor = open.sort().at(-1);
      const seen = new Set<string>();
      const buffered = parts
        .flatMap((p) => {
          const taken = p.pending.filter((x) => floor === undefined || x.sk >= floor);
          p.pending = p.pending.slice(taken.length);
          return taken;
        })
        .sort((a, b) => (a.sk < b.sk ? 1 : a.sk > b.sk ? -1 : 0))
        // A case indexed under two of the word's heads: once.
        .filter((x) => !seen.has(x.sk) && seen.add(x.sk));
      const candidates = buffered.filter(matches);
      const cases = new Map(
        (await this.getCases(candidates.map((p) => p.caseId))).map((c) => [c.id, c]),
      );
      if (query.prepare && cases.size > 0) await query.prepare([...cases.values()]);
      for (const p of buffered) {
        const c = matches(p) ? cases.get(p.caseId) : undefined;
        if (c && (await query.accept(c))) {
          bytes += responseBytes(c);
          // Past what one page may carry: this case starts the next page.
          if (bytes > PAGE_BYTES && lastKey !== undefined && items.length > 0)
            return { items, nextCursor: encodeCursor(driving, lastKey) };
          items.push(c);
          if (items.length === page.limit) {
            // Full: go on after this posting (even if more of the batch would match).
            return { items, nextCursor: encodeCursor(driving, p.sk) };
          }
        }
        lastKey = p.sk;
      }
      if (parts.every((p) => p.next === undefined && p.pending.length === 0))
        return { items, nextCursor: null };
      if (read >= BUDGET)
        return { items, nextCursor: lastKey ? encodeCursor(driving, lastKey) : null };
      // Read on in each partition open with nothing left pending (the one the floor stopped at).
      await Promise.all(
        parts
          .filter((p) => p.next !== undefined && p.pending.length === 0)
          .map(async (p) => {
            const out = await this.client.send(new QueryCommand(input(String(p.next!.pk), p.next)));
            p.pending = (out.Items ?? []) as unknown as Posting[];
            p.next = out.LastEvaluatedKey;
            read += p.pending.length;
          }),
      );
    }
  }
}

/** What a word's probe says of it: its partitions' postings, merged. */
interface Probe {
  /** Postings read, all partitions together. */
  readonly count: number;
  /** Every partition read to its end. */
  readonly exhausted: boolean;
  /** Not exhausted: the newest point down to which every partition still open was read. */
  readonly reach: string;
}

function probeOf(parts: readonly { pending: readonly Posting[]; next: Item | undefined }[]): Probe {
  const open = parts.filter((p) => p.next !== undefined).map((p) => String(p.next!.sk));
  return {
    count: parts.reduce((n, p) => n + p.pending.length, 0),
    exhausted: open.length === 0,
    reach: open.sort().at(-1) ?? '',
  };
}

/** The rarest word by its probe: exhausted with fewest postings, else reaching furthest back. */
function rarest(probes: readonly Probe[]): number {
  let best = 0;
  const score = (p: Probe) =>
    p.exhausted ? `0${String(p.count).padStart(6, '0')}` : `1${p.reach}`;
  for (let i = 1; i < probes.length; i += 1) if (score(probes[i]!) < score(probes[best]!)) best = i;
  return best;
}

const encodeCursor = (d: number, k: string): string =>
  Buffer.from(JSON.stringify({ d, k })).toString('base64url');

function decodeCursor(
  cursor: string | undefined,
  words: number,
): { d: number; k: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      d?: unknown;
      k?: unknown;
    };
    if (
      Number.isInteger(c.d) &&
      (c.d as number) >= 0 &&
      (c.d as number) < words &&
      typeof c.k === 'string' &&
      /^\d{4}-\d\d-\d\dT[\d:.]+Z#[0-9A-Za-z_-]{1,64}$/.test(c.k)
    )
      return { d: c.d as number, k: c.k };
  } catch {
    // not a cursor of ours
  }
  throw invalidInput('cursor', 'not a cursor of this list');
}
