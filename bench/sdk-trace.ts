/**
 * What the benchmarks learn from the SDK itself: every DynamoDB call of the process (a store's
 * and a raw client's alike) passes through the document client's `send`, so one hook sees each
 * command, its input and how many calls were in flight when it started. `bench/api.ts` records
 * the API's transaction to replay its shape; `bench/ladders.ts` counts the engine's calls and
 * replays its commit for the floor. `replayTransaction` is that replay, shared.
 */
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newUlid } from '@pantau/core';

export type Input = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A command sent: its name without `Command` (`Query`, `TransactWriteItems`…) and its input. */
export type Listener = (command: { name: string; input: Input; concurrent: boolean }) => void;

const listeners = new Set<Listener>();
let inFlight = 0;
const clientProto = Object.getPrototypeOf(DynamoDBDocumentClient.prototype) as {
  send: (command: { input: Input }, ...rest: unknown[]) => Promise<unknown>;
};
const send = clientProto.send;
clientProto.send = function (this: unknown, command, ...rest) {
  if (listeners.size > 0) {
    const name = OPERATION[command.constructor.name] ?? command.constructor.name;
    for (const listener of listeners)
      listener({ name, input: command.input, concurrent: inFlight > 0 });
  }
  inFlight += 1;
  return send.call(this, command, ...rest).finally(() => (inFlight -= 1));
};

/** The API operation behind each document-client command. */
const OPERATION: Record<string, string> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactWriteCommand: 'TransactWriteItems',
};

/** Calls `listener` for every command sent until the returned function is called. */
export function onSend(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The calls by operation, and the round trips (calls started while none was in flight). */
export interface CallCount {
  readonly calls: Map<string, number>;
  roundTrips: number;
}

/** Counts the calls `run` makes; meant for one sequential piece of work at a time. */
export async function countCalls(run: () => Promise<unknown>): Promise<CallCount> {
  const count: CallCount = { calls: new Map(), roundTrips: 0 };
  const stop = onSend(({ name, concurrent }) => {
    count.calls.set(name, (count.calls.get(name) ?? 0) + 1);
    if (!concurrent) count.roundTrips += 1;
  });
  try {
    await run();
  } finally {
    stop();
  }
  return count;
}

/** `3 Query, 1 TransactWriteItems` (a count's calls, most frequent first). */
export const describeCalls = (calls: ReadonlyMap<string, number>, per = 1): string =>
  [...calls]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${n / per < 0.005 ? '<0.01' : Number((n / per).toFixed(2))} ${name}`)
    .join(', ');

/** A fresh partition for a raw copy of an item (its index keys moved out of the way too). */
function relocated(item: Input, pk: string): Input {
  const out: Input = { ...item, pk };
  for (const k of ['gsi1pk', 'gsi2pk', 'gsi3pk']) if (k in out) out[k] = `raw#${String(out[k])}`;
  return out;
}

/**
 * A captured transaction's shape issued again under fresh keys: Puts keep their content (size,
 * index entries) under a create condition, Updates stay Updates (a counter's ADD), checks and
 * deletes become checks.
 */
export function replayTransaction(
  client: DynamoDBDocumentClient,
  tableName: string,
  transactItems: readonly Input[],
) {
  const id = newUlid();
  const items = transactItems.map((t, n) => {
    const pk = `raw#${id}#${n}`;
    if (t.Put)
      return {
        Put: {
          TableName: tableName,
          Item: relocated(t.Put.Item, pk),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    const key = { pk, sk: String((t.Update ?? t.ConditionCheck ?? t.Delete).Key.sk) };
    if (t.Update)
      return {
        Update: {
          TableName: tableName,
          Key: key,
          UpdateExpression: 'ADD #n :one',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      };
    return {
      ConditionCheck: {
        TableName: tableName,
        Key: key,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  });
  return client.send(new TransactWriteCommand({ TransactItems: items }));
}
