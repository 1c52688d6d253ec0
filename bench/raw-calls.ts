/**
 * The raw side of `bench/api.ts`: the DynamoDB calls each hot operation needs, issued directly.
 * Writes copy the shape of the API's own transaction, recorded from the SDK while the API
 * operation runs (`recorded`); reads are the ones the operation cannot do without.
 */
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { TABLE_NAME } from '@pantau/local';
import { keys } from '@pantau/store';
import { ulid } from 'ulid';

/** The operations timed, with how the benchmark prints them. */
export const LABELS = {
  create: 'POST /v1/cases',
  verify: 'POST …/verification',
  forward: 'POST …/assignments (3)',
  acknowledge: 'POST …/acknowledge',
  respond: 'POST …/responses',
  queue: 'GET /v1/queue',
  search: 'GET /v1/search',
} as const;
export type Op = keyof typeof LABELS;
/** The agencies a forward names. */
export const FORWARD_TO = ['polri', 'pln', 'pemprov-bali'];

// Every DynamoDB call of this process (the runtime's store and the raw client alike) passes
// through the SDK client's `send`: while an API operation runs, its transaction and (for the
// reads replayed) its reads are recorded, so that the raw side copies their shape.
type Input = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let recording: Op | undefined;
const captured = new Map<Op, { transact?: Input; queries: Input[]; batchGets: Input[] }>();
const clientProto = Object.getPrototypeOf(DynamoDBDocumentClient.prototype) as {
  send: (command: { input: Input }, ...rest: unknown[]) => Promise<unknown>;
};
const send = clientProto.send;
clientProto.send = function (this: unknown, command, ...rest) {
  if (recording) {
    const into = captured.get(recording) ?? { queries: [], batchGets: [] };
    captured.set(recording, into);
    const input = command.input;
    const name = command.constructor.name;
    // A case's own transaction writes its `#CASE` item; the ladders' background ones do not.
    if (
      name === 'TransactWriteCommand' &&
      (input.TransactItems as Input[]).some((t) => t.Put?.Item?.sk === '#CASE')
    )
      into.transact = input;
    else if (name === 'QueryCommand') into.queries.push(input);
    else if (name === 'BatchGetCommand') into.batchGets.push(input);
  }
  return send.call(this, command, ...rest);
};

/** Runs the API's side of `op`, recording its calls for the raw side to copy. */
export async function recorded(op: Op, viaApi: () => Promise<unknown>): Promise<void> {
  recording = op;
  captured.delete(op);
  try {
    await viaApi();
  } finally {
    recording = undefined;
  }
}

/** A fresh partition for a raw copy of an item (its index keys moved out of the way too). */
function relocated(item: Input, pk: string): Input {
  const out: Input = { ...item, pk };
  for (const k of ['gsi1pk', 'gsi2pk', 'gsi3pk']) if (k in out) out[k] = `raw#${String(out[k])}`;
  return out;
}

/** The calls each operation needs, issued raw. */
export function rawCalls(client: DynamoDBDocumentClient) {
  const shapeOf = (op: Op) => {
    const transact = captured.get(op)?.transact;
    if (!transact) throw new Error(`no transaction captured for ${op}`);
    return transact.TransactItems as Input[];
  };
  // The API's transaction item for item, under fresh keys: Puts keep their content (size,
  // index entries), Updates stay Updates (the counters' ADD), checks stay checks.
  const transactLike = (op: Op) => {
    const id = ulid();
    const items = shapeOf(op).map((t, n) => {
      const pk = `raw#${id}#${n}`;
      if (t.Put)
        return {
          Put: {
            TableName: TABLE_NAME,
            Item: relocated(t.Put.Item, pk),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        };
      const key = { pk, sk: String((t.Update ?? t.ConditionCheck ?? t.Delete).Key.sk) };
      if (t.Update)
        return {
          Update: {
            TableName: TABLE_NAME,
            Key: key,
            UpdateExpression: 'ADD #n :one',
            ExpressionAttributeNames: { '#n': 'n' },
            ExpressionAttributeValues: { ':one': 1 },
          },
        };
      return {
        ConditionCheck: {
          TableName: TABLE_NAME,
          Key: key,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    });
    return client.send(new TransactWriteCommand({ TransactItems: items }));
  };
  const readCase = (caseId: string) =>
    client.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'pk = :pk AND sk < :events',
        ExpressionAttributeValues: { ':pk': keys.casePk(caseId), ':events': 'EVENT#' },
      }),
    );
  // The queue's and the search's reads as the API issued them: queries together, then gets.
  const replayReads = async (op: Op) => {
    const reads = captured.get(op);
    if (!reads) throw new Error(`no reads captured for ${op}`);
    await Promise.all(reads.queries.map((q) => client.send(new QueryCommand(q as never))));
    await Promise.all(reads.batchGets.map((b) => client.send(new BatchGetCommand(b as never))));
  };
  const describeReads = (op: Op) => {
    const reads = captured.get(op);
    return `${reads?.queries.length ?? 0} Query ∥, ${reads?.batchGets.length ?? 0} BatchGetItem`;
  };
  const describeWrite = (op: Op) => {
    const items = captured.get(op)?.transact?.TransactItems as Input[] | undefined;
    return `TransactWriteItems(${items?.length ?? '?'})`;
  };
  return {
    async create() {
      const sequence = `agenda#${new Date().getUTCFullYear()}`;
      await client.send(
        new GetCommand({
          TableName: TABLE_NAME,
          Key: { pk: 'setneg#SEQ', sk: `SEQ#${sequence}` },
          ConsistentRead: true,
        }),
      );
      await transactLike('create');
    },
    /** verify, acknowledge, respond: the case's items, then the transaction. */
    async caseChange(op: 'verify' | 'acknowledge' | 'respond', caseId: string) {
      await readCase(caseId);
      await transactLike(op);
    },
    async forward(caseId: string) {
      await Promise.all([
        readCase(caseId),
        ...FORWARD_TO.map((id) =>
          client.send(new GetCommand({ TableName: TABLE_NAME, Key: keys.agency(id) })),
        ),
      ]);
      await transactLike('forward');
    },
    queue: () => replayReads('queue'),
    /** An agency's queue as the API reads it: its open and delegated items, then their ladders. */
    async tenantQueue(agencyId: string) {
      const reads = captured.get('queue');
      if (!reads) throw new Error('no reads captured for queue');
      const pages = await Promise.all(
        reads.queries.map((q) =>
          client.send(
            new QueryCommand(
              JSON.parse(JSON.stringify(q).replaceAll('"polri#', `"${agencyId}#`)) as never,
            ),
          ),
        ),
      );
      const ladders = pages
        .flatMap((p) => p.Items ?? [])
        .slice(0, 25)
        .map((item) => keys.ladder(String(item.caseId), String(item.agencyId)));
      if (ladders.length > 0)
        await client.send(
          new BatchGetCommand({ RequestItems: { [TABLE_NAME]: { Keys: ladders } } }),
        );
    },
    search: () => replayReads('search'),
    describe(op: Op) {
      switch (op) {
        case 'create':
          return `GetItem, ${describeWrite(op)}`;
        case 'forward':
          return `Query ∥ 3 GetItem, ${describeWrite(op)}`;
        case 'queue':
        case 'search':
          return describeReads(op);
        default:
          return `Query, ${describeWrite(op)}`;
      }
    },
  };
}

/** Waits until the embedded engine has no ladder due (the forwarding letters written). */
export async function settle(client: DynamoDBDocumentClient): Promise<void> {
  const until = performance.now() + 180_000;
  while (performance.now() < until) {
    const out = await client.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': keys.timers, ':now': new Date().toISOString() },
        Limit: 1,
      }),
    );
    if ((out.Items ?? []).length === 0) return;
    await new Promise((done) => setTimeout(done, 500));
  }
}
