/**
 * The table's primitives under the access patterns: one document client (its errors turned into
 * the domain's), reads without key attributes, conditional and transactional writes that report
 * a lost condition as a `WriteConflict` and an item past 400 KB as `limit_exceeded`.
 */
import {
  GroupedCalls,
  type IdempotencyRecord,
  limitExceeded,
  MAX_COMMIT_ITEMS,
  pauseBeforeRetry,
  unavailable,
  type Page,
  type PageRequest,
  WriteConflict,
} from '@pantau/core';
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { assertItemFits, assertTransactionFits } from './item-size.ts';
import { idempotencyItem, type Item } from './items.ts';
import { keys } from './keys.ts';
import { queryAll, queryPage, type Stream } from './paging.ts';
import { SettingsCache } from './settings-cache.ts';

export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

const KEY_ATTRIBUTES = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'entity',
]);
/**
 * An item without its keys: the record as core knows it. Every item a request reads passes here
 * (a queue's page of 25 rows, about 75): copied in one loop, 0.4 µs an item against 1.2 to 1.8 µs
 * through `Object.entries` and `Object.fromEntries` (issue 17).
 */
export const record = <T>(item: Item): T => {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(item)) if (!KEY_ATTRIBUTES.has(key)) kept[key] = item[key];
  return kept as T;
};

/** An item's place in the table (its key, or the item itself), as one string. */
export const itemId = (i: { readonly pk?: unknown; readonly sk?: unknown }): string =>
  `${String(i.pk)}\u0000${String(i.sk)}`;

export interface DynamoStoreOptions {
  /** The low-level client (endpoint, region, the SDK's own retries); created once per process. */
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /**
   * The key of the HMACs that key the search index (lookups and word postings), so no index key
   * holds an identifier or a word in clear: from Secrets Manager on AWS, from the data dir
   * embedded. Needed by whatever writes a case's indexed fields or searches.
   */
  readonly searchKey?: string | Uint8Array;
  /**
   * How long this process may answer the policy, calendar and document settings from memory
   * (settings-cache.ts); 0 or absent reads them every time. The API sets a few seconds; the
   * engine and the re-arming jobs, which must see an edit at once, leave it off (the engine
   * keeps them by the settings' version instead: `at`).
   */
  readonly settingsTtlMs?: number;
}

/**
 * BatchGetItem (and BatchWriteItem) rounds for one chunk before giving up as `unavailable`: with
 * `pauseBeforeRetry`'s growing pauses (at most 200 ms each) about 1.3 s at the longest, well
 * inside the API's and the Tick's 29-30 s, and each round is itself retried by the SDK.
 */
export const MAX_UNPROCESSED_ROUNDS = 10;

/** DynamoDB's ceiling on the items of one TransactWriteItems (core sizes its commits by it). */
export const MAX_TRANSACTION_ITEMS = MAX_COMMIT_ITEMS;

export class DynamoTable {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  protected readonly settings: SettingsCache;

  constructor(options: DynamoStoreOptions) {
    this.settings = new SettingsCache(options.settingsTtlMs ?? 0);
    // Records leave optional fields undefined; they are simply not stored.
    this.client = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    // Every call goes through here once: throttling or a 5xx that outlived the SDK's own
    // retries leaves the store as the domain's `unavailable`, never as DynamoDB's error names.
    const send = this.client.send.bind(this.client) as (...args: unknown[]) => Promise<unknown>;
    this.client.send = ((...args: unknown[]) =>
      send(...args).catch((error: unknown) => {
        throw isUnavailable(error) ? unavailable(error) : error;
      })) as typeof this.client.send;
    this.tableName = options.tableName;
  }
  protected async get<T>(
    key: { pk: string; sk: string },
    consistent = false,
  ): Promise<T | undefined> {
    const out = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ...(consistent ? { ConsistentRead: true } : {}),
      }),
    );
    return out.Item ? record<T>(out.Item) : undefined;
  }

  /**
   * For writers that go around the store's methods (the seed's batch of calendar days), once
   * they are written: bumps the settings' version, and this process forgets what it kept.
   */
  async settingsWrittenAround(): Promise<void> {
    await this.settingsEdit(() =>
      this.client.send(new UpdateCommand(settingsVersionBump(this.tableName))),
    );
  }

  /**
   * A settings write; what this process kept is cleared once it is written, and also when it
   * fails (it may have landed all the same), so that no later read answers the old value.
   */
  protected async settingsEdit<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.settings.clear();
    }
  }

  /**
   * A settings edit: its writes and the settings' version bump in one transaction (a reader
   * that sees the new version sees the edit), `kinds` naming each write's conflict.
   */
  protected settingsTransact(items: TransactItem[], kinds: WriteConflict['kind'][]) {
    return this.settingsEdit(() =>
      this.transact(
        [...items, { Update: settingsVersionBump(this.tableName) }],
        [...kinds, 'version'],
      ),
    );
  }

  /**
   * Items by key, read consistently together with those that other callers of this process ask
   * for meanwhile (`GroupedCalls`: one BatchGetItem in flight, the next carrying everyone who
   * asked while it was out, up to 100 keys). For the reads that many at once make alike: the
   * embedded engine's steps, each reading its ladder's context.
   */
  protected batchGetTogether(itemKeys: readonly { pk: string; sk: string }[]): Promise<Item[]> {
    return this.groupedReads.call('consistent', itemKeys);
  }

  private readonly groupedReads = new GroupedCalls<readonly { pk: string; sk: string }[], Item[]>(
    async (_lane, requests) => {
      const unique = new Map<string, { pk: string; sk: string }>();
      for (const request of requests) for (const k of request) unique.set(itemId(k), k);
      const found = new Map(
        (await this.batchGet([...unique.values()], true)).map((i) => [itemId(i), i]),
      );
      return requests.map((request) =>
        request.flatMap((k) => {
          const item = found.get(itemId(k));
          return item ? [item] : [];
        }),
      );
    },
    (request) => request.length,
    100,
  );

  /**
   * Items by key, BatchGetItem 100 at a time; absent ones left out. Keys left unprocessed
   * (throttled: BatchGetItem answers them instead of failing, so neither the SDK's retries nor
   * `isUnavailable` see it) are asked again after a short random pause, as `batchWrite` does:
   * asked again at once, a hot key (the settings' version every forward and Tick reads) only
   * gets hotter. Still unprocessed after `MAX_UNPROCESSED_ROUNDS`, the read is the domain's
   * `unavailable` (a 503 as throttling is, a Step Functions retry with backoff) instead of a
   * spin until the Lambda's timeout.
   */
  protected async batchGet(
    itemKeys: readonly { pk: string; sk: string }[],
    consistent = false,
    /** Only these attributes of each item (names, each read through a placeholder). */
    attributes?: readonly string[],
  ): Promise<Item[]> {
    const projection = attributes && {
      ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
    };
    const out: Item[] = [];
    for (let i = 0; i < itemKeys.length; i += 100) {
      let requested: Item[] | undefined = itemKeys.slice(i, i + 100);
      for (let attempt = 1; requested && requested.length > 0; attempt += 1) {
        if (attempt > MAX_UNPROCESSED_ROUNDS)
          throw unavailable(
            new Error(
              `BatchGetItem left ${requested.length} key(s) unprocessed after ${MAX_UNPROCESSED_ROUNDS} rounds`,
            ),
          );
        if (attempt > 1) await pauseBeforeRetry(attempt);
        const res: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({
            RequestItems: {
              [this.tableName]: {
                Keys: requested,
                ...(consistent ? { ConsistentRead: true } : {}),
                ...projection,
              },
            },
          }),
        );
        out.push(...(res.Responses?.[this.tableName] ?? []));
        requested = res.UnprocessedKeys?.[this.tableName]?.Keys as Item[] | undefined;
      }
    }
    return out;
  }

  /**
   * Puts and deletes without conditions, BatchWriteItem 25 at a time; items left unprocessed
   * (throttled) are sent again after a short random pause, at most `MAX_UNPROCESSED_ROUNDS`
   * times, then `unavailable` (a batch write is repeatable: its caller retries it whole).
   */
  async batchWrite(
    requests: readonly ({ PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } })[],
  ): Promise<void> {
    for (let i = 0; i < requests.length; i += 25) {
      let pending: typeof requests | undefined = requests.slice(i, i + 25);
      for (let attempt = 1; pending && pending.length > 0; attempt += 1) {
        if (attempt > MAX_UNPROCESSED_ROUNDS)
          throw unavailable(
            new Error(
              `BatchWriteItem left ${pending.length} item(s) unprocessed after ${MAX_UNPROCESSED_ROUNDS} rounds`,
            ),
          );
        if (attempt > 1) await pauseBeforeRetry(attempt);
        const out = await this.client.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: [...pending] } }),
        );
        pending = out.UnprocessedItems?.[this.tableName] as typeof requests | undefined;
      }
    }
  }

  /** Every item of partition `pk` whose sort key starts with `prefix`, every page. */
  protected queryPrefix(
    pk: string,
    prefix: string,
    options: { projection?: string; consistent?: boolean } = {},
  ): Promise<Item[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ...(options.projection ? { ProjectionExpression: options.projection } : {}),
      ...(options.consistent ? { ConsistentRead: true } : {}),
    });
  }

  protected async page<T>(
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
  protected async conditionalPut(
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
  protected async plainPut(item: Item): Promise<void> {
    assertItemFits(item);
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    } catch (error) {
      throw tooLargeOr(error);
    }
  }

  protected createPut(item: Item) {
    return {
      TableName: this.tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    };
  }

  /** Create when `expectedVersion` is null, else replace only the version read. */
  protected versionedPut(item: Item, expectedVersion: number | null) {
    if (expectedVersion === null) return this.createPut(item);
    return { TableName: this.tableName, Item: item, ...this.atVersion(expectedVersion) };
  }

  /** The condition that an item is still at the version read (a put's, or a check's alone). */
  protected atVersion(expected: number) {
    return {
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expected },
    };
  }

  /** A transaction's check that the item at `key` is still at the version read. */
  protected unchangedSince(key: { pk: string; sk: string }, version: number): TransactItem {
    return { ConditionCheck: { TableName: this.tableName, Key: key, ...this.atVersion(version) } };
  }

  /** A transaction's check that the settings' version is still `version` (0: never bumped). */
  protected settingsUnchangedSince(version: number): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: keys.settingsVersion,
        ...(version === 0
          ? {
              ConditionExpression: 'attribute_not_exists(#version)',
              ExpressionAttributeNames: { '#version': 'version' },
            }
          : this.atVersion(version)),
      },
    };
  }

  /**
   * A key's record: created where none is, or replacing the expired one the command read (still
   * that one, by its `createdAt`), so that of two requests after expiry one writes it and the
   * other replays it, as of two before.
   */
  protected idempotencyPut(r: IdempotencyRecord) {
    const put = this.createPut(idempotencyItem(r));
    if (r.replaces === undefined) return put;
    return {
      ...put,
      ConditionExpression: 'attribute_not_exists(pk) OR #createdAt = :replaces',
      ExpressionAttributeNames: { '#createdAt': 'createdAt' },
      ExpressionAttributeValues: { ':replaces': r.replaces },
    };
  }

  /**
   * All or nothing. Each item is measured first: one that would pass 400 KB, or all of them
   * past 4 MB, refuses the whole transaction (`limit_exceeded`) before anything reaches DynamoDB.
   */
  protected async transact(items: TransactItem[], kinds: WriteConflict['kind'][]): Promise<void> {
    assertTransactionFits(items);
    if (items.length > MAX_TRANSACTION_ITEMS)
      throw limitExceeded(
        `this change needs ${items.length} writes, past DynamoDB's ${MAX_TRANSACTION_ITEMS} per transaction: nothing was written`,
      );
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
        // An item (an index key many writers share) was throttled: the SDK does not retry a
        // cancelled transaction, and nothing was written; the caller tries again shortly.
        if (
          reasons.some(
            (r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded',
          )
        )
          throw unavailable(error);
      }
      throw tooLargeOr(error);
    }
  }
}

/** Adds one to the settings' version (keys.ts `settingsVersion`). */
const settingsVersionBump = (tableName: string) => ({
  TableName: tableName,
  Key: keys.settingsVersion,
  UpdateExpression: 'SET entity = :entity ADD #version :one',
  ExpressionAttributeNames: { '#version': 'version' },
  ExpressionAttributeValues: { ':entity': 'settings_version', ':one': 1 },
});

/**
 * DynamoDB's own refusal of an item past 400 KB, or of a transaction past 4 MB (should the
 * measure ever fall short of its count), is the same 4xx as the store's, not a 500.
 */
function tooLargeOr(error: unknown): unknown {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'ValidationException' && /item size|size has exceeded/i.test(e.message ?? ''))
    return limitExceeded(
      "this change would pass DynamoDB's limit of 400 KB per item: nothing was written",
    );
  if (e?.name === 'ValidationException' && /transaction payload size/i.test(e.message ?? ''))
    return limitExceeded(
      "this change would pass DynamoDB's limit of 4 MB per transaction: nothing was written",
    );
  return error;
}

export const conflictOf = (expectedVersion: number | null, cause: unknown) =>
  new WriteConflict(
    expectedVersion === null ? 'exists' : 'version',
    'conditional write failed',
    cause,
  );

/** DynamoDB throttling, or its 5xx: what the SDK retried with backoff and still failed. */
function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    [
      'ProvisionedThroughputExceededException',
      'ThrottlingException',
      'RequestLimitExceeded',
      'InternalServerError',
      'ServiceUnavailable',
    ].includes(e.name ?? '') || (e.$metadata?.httpStatusCode ?? 0) >= 500
  );
}
