/**
 * The raw side of `bench/api.ts`: the DynamoDB calls each hot operation needs, issued directly.
 * Writes copy the shape of the API's own transaction, recorded from the SDK while the API
 * operation runs (`recorded`); reads are the ones the operation cannot do without.
 */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { TABLE_NAME } from '@pantau/local';
import { keys } from '@pantau/store';
import { type Input, onSend, replayTransaction } from './sdk-trace.ts';

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

// While an API operation runs, its transaction and (for the reads replayed) its reads are
// recorded from the SDK (sdk-trace.ts), so that the raw side copies their shape.
let recording: Op | undefined;
const captured = new Map<Op, { transact?: Input; queries: Input[]; batchGets: Input[] }>();
onSend(({ name, input }) => {
  if (!recording) return;
  const into = captured.get(recording) ?? { queries: [], batchGets: [] };
  captured.set(recording, into);
  // A case's own transaction writes its `#CASE` item; the ladders' background ones do not.
  if (
    name === 'TransactWriteItems' &&
    (input.TransactItems as Input[]).some((t) => t.Put?.Item?.sk === '#CASE')
  )
    into.transact = input;
  else if (name === 'Query') into.queries.push(input);
  else if (name === 'BatchGetItem') into.batchGets.push(input);
});

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

/** The calls each operation needs, issued raw. */
export function rawCalls(client: DynamoDBDocumentClient) {
  const shapeOf = (op: Op) => {
    const transact = captured.get(op)?.transact;
    if (!transact) throw new Error(`no transaction captured for ${op}`);
    return transact.TransactItems as Input[];
  };
  // The API's transaction, item for item, under fresh keys (sdk-trace.ts).
  const transactLike = (op: Op) => replayTransaction(client, TABLE_NAME, shapeOf(op));
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
      // The agencies' zones and the settings' version the transaction checks, one consistent read.
      await Promise.all([
        readCase(caseId),
        client.send(
          new BatchGetCommand({
            RequestItems: {
              [TABLE_NAME]: {
                Keys: [keys.settingsVersion, ...FORWARD_TO.map((id) => keys.agency(id))],
                ConsistentRead: true,
              },
            },
          }),
        ),
      ]);
      await transactLike('forward');
    },
    queue: () => replayReads('queue'),
    /**
     * An agency's queue as the API reads it: its open and delegated items, then their ladders and
     * cases in one BatchGetItem, projected as the API projects it (the captured request's).
     */
    async tenantQueue(agencyId: string) {
      const reads = captured.get('queue');
      if (!reads) throw new Error('no reads captured for queue');
      const captured0 = reads.batchGets[0] as
        | {
            RequestItems: Record<
              string,
              { ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> }
            >;
          }
        | undefined;
      const projection = captured0?.RequestItems[TABLE_NAME];
      const pages = await Promise.all(
        reads.queries.map((q) =>
          client.send(
            new QueryCommand(
              JSON.parse(JSON.stringify(q).replaceAll('"polri#', `"${agencyId}#`)) as never,
            ),
          ),
        ),
      );
      const rows = pages.flatMap((p) => p.Items ?? []).slice(0, 25);
      const keysRead = [
        ...rows.map((item) => keys.ladder(String(item.caseId), String(item.agencyId))),
        ...[...new Set(rows.map((item) => String(item.caseId)))].map((id) => keys.case(id)),
      ];
      if (keysRead.length > 0)
        await client.send(
          new BatchGetCommand({
            RequestItems: {
              [TABLE_NAME]: {
                Keys: keysRead,
                ...(projection?.ProjectionExpression && projection.ExpressionAttributeNames
                  ? {
                      ProjectionExpression: projection.ProjectionExpression,
                      ExpressionAttributeNames: projection.ExpressionAttributeNames,
                    }
                  : {}),
              },
            },
          }),
        );
    },
    search: () => replayReads('search'),
    describe(op: Op) {
      switch (op) {
        case 'create':
          return `GetItem, ${describeWrite(op)}`;
        case 'forward':
          return `Query ∥ BatchGetItem (3 agencies + settings version), ${describeWrite(op)}`;
        case 'queue':
        case 'search':
          return describeReads(op);
        default:
          return `Query, ${describeWrite(op)}`;
      }
    },
  };
}

/**
 * Waits until the embedded engine has no ladder due (the forwarding letters written), looking
 * every `pollMs`.
 */
export async function settle(client: DynamoDBDocumentClient, pollMs = 500): Promise<void> {
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
    await new Promise((done) => setTimeout(done, pollMs));
  }
}
