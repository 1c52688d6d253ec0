/**
 * BatchGetItem's unprocessed keys against a mocked document client: DynamoDB Local never
 * throttles, so the answer that leaves a hot key (the settings' version) unread is injected.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@pantau/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoStore } from './dynamo-store.ts';
import { MAX_UNPROCESSED_ROUNDS } from './dynamo-table.ts';
import { keys } from './keys.ts';

const TABLE = 't';
const CASE_ID = '01KQE58DW08PMNQ8X03RWWZSG1';
const key = keys.case(CASE_ID);
const unprocessed = { Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [key] } } };
const found = { Responses: { [TABLE]: [{ ...key, entity: 'case', id: CASE_ID }] } };

describe('batchGet: keys DynamoDB left unprocessed', () => {
  let mock: ReturnType<typeof mockClient>;
  /** The fake clock's time of each BatchGetItem sent. */
  let sentAt: number[];

  beforeEach(() => {
    // Installed before the store is built: the store binds the client's `send` once.
    mock = mockClient(DynamoDBDocumentClient);
    sentAt = [];
    vi.useFakeTimers();
    // Each pause at its longest (full jitter's top), so the spacing can be asserted exactly.
    vi.spyOn(Math, 'random').mockReturnValue(1);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    mock.restore();
  });

  const store = () =>
    new DynamoStore({
      client: new DynamoDBClient({
        region: 'local',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      }),
      tableName: TABLE,
    });

  /**
   * Answers the first `n` BatchGetItems with the key unprocessed, then with the item. Past
   * `SPIN` calls it fails the read instead, so a loop without a cap ends the test rather than
   * filling the worker's heap.
   */
  const SPIN = 1_000;
  const throttleFor = (n: number) => {
    let calls = 0;
    mock.on(BatchGetCommand).callsFake(async () => {
      sentAt.push(Date.now());
      calls += 1;
      if (calls > SPIN) throw new Error(`still asked again after ${SPIN} unprocessed answers`);
      return calls <= n ? unprocessed : found;
    });
  };

  it('asks again after a growing pause and returns the item once it is processed', async () => {
    throttleFor(3);
    const reading = store().getCases([CASE_ID]);
    await vi.runAllTimersAsync();
    const cases = await reading;
    expect(cases.map((c) => c.id)).toEqual([CASE_ID]);
    expect(sentAt).toHaveLength(4);
    // pauseBeforeRetry(attempt) at Math.random() = 1: 5 ms × 2^attempt for attempts 2, 3, 4.
    const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
    expect(gaps).toEqual([20, 40, 80]);
  });

  it('gives up as the domain’s unavailable after a bounded number of rounds', async () => {
    throttleFor(Number.POSITIVE_INFINITY);
    const reading = store()
      .getCases([CASE_ID])
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    await vi.runAllTimersAsync();
    const error = await reading;
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'service_unavailable' });
    // Bounded, still paused between rounds, and never sent again once given up.
    expect(sentAt).toHaveLength(MAX_UNPROCESSED_ROUNDS);
    expect(sentAt.slice(1).every((t, i) => t > sentAt[i]!)).toBe(true);
    await vi.runAllTimersAsync();
    expect(sentAt).toHaveLength(MAX_UNPROCESSED_ROUNDS);
  });
});

describe('batchWrite: items DynamoDB left unprocessed', () => {
  let mock: ReturnType<typeof mockClient>;
  beforeEach(() => {
    mock = mockClient(DynamoDBDocumentClient);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    mock.restore();
  });

  it('gives up as the domain’s unavailable after a bounded number of rounds, paused between', async () => {
    const item = { pk: 'TEST#1', sk: 'A' };
    let sent = 0;
    mock.on(BatchWriteCommand).callsFake(async () => {
      sent += 1;
      if (sent > 1_000) throw new Error('still sent again after 1000 unprocessed answers');
      return { UnprocessedItems: { [TABLE]: [{ PutRequest: { Item: item } }] } };
    });
    const store = new DynamoStore({
      client: new DynamoDBClient({
        region: 'local',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      }),
      tableName: TABLE,
    });
    const writing = store.batchWrite([{ PutRequest: { Item: item } }]).then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.runAllTimersAsync();
    expect(await writing).toMatchObject({ code: 'service_unavailable' });
    expect(sent).toBe(MAX_UNPROCESSED_ROUNDS);
  });
});
