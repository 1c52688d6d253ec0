/**
 * Benchmark: the API's overhead over the DynamoDB calls it needs, and a load run.
 *
 * 1. Median and p99 of the seven hot operations (register a case, verify, forward to three
 *    agencies, acknowledge, respond, the queue, a search) over HTTP on the embedded runtime,
 *    against the DynamoDB calls each one needs, issued raw with the same client in the same
 *    run, sample by sample (ratio = API / raw). The raw writes copy the shape of the API's own
 *    transaction (captured from its calls: the same items, sizes and index keys, under fresh
 *    keys); the raw reads are the ones the operation cannot do without (the queue's and the
 *    search's are the API's own, replayed).
 * 2. Load: 50 concurrent clients for 30 s: agency queue reads, responses and central case
 *    creation across 200 agencies with a skewed (Zipf-like) distribution, through the API;
 *    then the same mix of raw calls at the same concurrency: throughput, p50/p99, errors.
 *
 *   npm run bench:api   (BENCH_SAMPLES=100 BENCH_LOAD_SECONDS=10 BENCH_OPEN_CASES=60: shorter)
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  BatchGetCommand,
} from '@aws-sdk/lib-dynamodb';
import { loadConfig, startRuntime, TABLE_NAME } from '@pantau/local';
import { keys } from '@pantau/store';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const WARM_UP = 20;
const FORWARD_TO = ['polri', 'pln', 'pemprov-bali'];
const SEARCH = 'jalan rusak';
const LABELS = {
  create: 'POST /v1/cases',
  verify: 'POST …/verification',
  forward: 'POST …/assignments (3)',
  acknowledge: 'POST …/acknowledge',
  respond: 'POST …/responses',
  queue: 'GET /v1/queue',
  search: 'GET /v1/search',
} as const;

// Every DynamoDB call of this process (the runtime's store and the raw client alike) passes
// through the SDK client's `send`: while an API operation runs, its transaction and (for the
// reads replayed) its reads are recorded, so that the raw side copies their shape.
type Input = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let recording: string | undefined;
const captured = new Map<string, { transact?: Input; queries: Input[]; batchGets: Input[] }>();
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

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CLIENTS = 50;
const TENANTS = 200;
/** Open assignments the load's responses go to (BENCH_OPEN_CASES for a shorter set-up). */
const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 300);

const dataDir = await mkdtemp(join(tmpdir(), 'pantau-bench-'));
const runtime = await startRuntime(
  loadConfig({
    PORT: '0',
    PANTAU_DATA_DIR: dataDir,
    LOG_LEVEL: 'SILENT',
    PANTAU_SEED_DEMO: 'true',
  }),
);
const raw = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    endpoint: runtime.dynamoDbEndpoint,
    region: 'local',
    // DynamoDB Local keeps one database per access key: the runtime's, from its data dir.
    credentials: JSON.parse(await readFile(join(dataDir, 'dynamodb-credentials.json'), 'utf8')) as {
      accessKeyId: string;
      secretAccessKey: string;
    },
  }),
  { marshallOptions: { removeUndefinedValues: true } },
);

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const timed = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const post = (path: string, body: unknown, token?: string) =>
  fetch(`${runtime.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
const get = (path: string, token: string) =>
  fetch(`${runtime.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const tokenFor = async (agency: string, role: string) =>
  (
    (await (await post('/dev/tokens', { sub: `${agency}-${role}`, agency, role })).json()) as {
      token: string;
    }
  ).token;
const ok = async (res: Promise<Response>, status: number) => {
  const r = await res;
  if (r.status !== status) throw new Error(`${r.status}: ${await r.text()}`);
  return r.json() as Promise<Record<string, unknown>>;
};

try {
  const central = await tokenFor('setneg', 'central_officer');
  const admin = await tokenFor('setneg', 'central_admin');
  const complaint = (i: number) => ({
    channel: 'letter',
    complainant: { name: 'Pengadu' },
    subject: `Bench ${i}: jalan rusak`,
    description: 'Uraian',
  });

  // ---- 1. overhead -------------------------------------------------------------------
  // Each sample times the operation through the API, then its raw calls (alternating which
  // goes first), so that the shared machine's load drifts over both alike.
  const ops = Object.keys(LABELS) as Op[];
  const api = Object.fromEntries(ops.map((o) => [o, [] as number[]])) as Record<Op, number[]>;
  const base = Object.fromEntries(ops.map((o) => [o, [] as number[]])) as Record<Op, number[]>;
  const polri = await tokenFor('polri', 'agency_officer');
  const cases: string[] = [];
  const raws = rawCalls(raw);
  const pair = async (
    op: Op,
    i: number,
    viaApi: () => Promise<unknown>,
    direct: () => Promise<unknown>,
  ) => {
    const recorded = async () => {
      recording = op;
      captured.delete(op);
      try {
        await viaApi();
      } finally {
        recording = undefined;
      }
    };
    const [a, b] =
      i % 2 === 0
        ? [await timed(recorded), await timed(direct)]
        : [await timed(direct), await timed(recorded)].reverse();
    if (i >= WARM_UP) {
      api[op].push(a!);
      base[op].push(b!);
    }
  };
  const n = SAMPLES + WARM_UP;
  // Register: the agenda number's consistent read, then one transaction of the API's shape.
  for (let i = 0; i < n; i += 1) {
    await pair(
      'create',
      i,
      async () => cases.push(String((await ok(post('/v1/cases', complaint(i), central), 201)).id)),
      () => raws.create(),
    );
  }
  for (const [i, id] of cases.entries()) {
    await pair(
      'verify',
      i,
      () =>
        ok(
          post(`/v1/cases/${id}/verification`, { decision: 'accept', type: 'light' }, central),
          200,
        ),
      () => raws.caseChange('verify', cases[0]!),
    );
  }
  for (const [i, id] of cases.entries()) {
    await pair(
      'forward',
      i,
      () =>
        ok(
          post(
            `/v1/cases/${id}/assignments`,
            { assignments: FORWARD_TO.map((agencyId) => ({ agencyId })) },
            central,
          ),
          201,
        ),
      () => raws.forward(cases[0]!),
    );
  }
  // The forwarding letters the ladders write in the background are not the operations'.
  await settle(raw);
  for (const [i, id] of cases.entries()) {
    await pair(
      'acknowledge',
      i,
      () => ok(post(`/v1/cases/${id}/assignments/polri/acknowledge`, {}, polri), 200),
      () => raws.caseChange('acknowledge', cases[0]!),
    );
  }
  for (const [i, id] of cases.entries()) {
    await pair(
      'respond',
      i,
      () =>
        ok(
          post(
            `/v1/cases/${id}/assignments/polri/responses`,
            { kind: 'progress', message: 'Sedang ditangani' },
            polri,
          ),
          200,
        ),
      () => raws.caseChange('respond', cases[0]!),
    );
  }
  for (let i = 0; i < n; i += 1) {
    await pair(
      'queue',
      i,
      () => ok(Promise.resolve(get('/v1/queue?limit=25', polri)), 200),
      () => raws.queue(),
    );
  }
  for (let i = 0; i < n; i += 1) {
    await pair(
      'search',
      i,
      () => ok(Promise.resolve(get(`/v1/search?q=${encodeURIComponent(SEARCH)}`, central)), 200),
      () => raws.search(),
    );
  }

  console.log(
    `\nAPI overhead over raw DynamoDB Local calls (${new Date().toISOString().slice(0, 10)}, ${process.version}, ${SAMPLES} samples each, load average ${loadavg()[0]!.toFixed(1)})`,
  );
  console.log(
    '  operation                       API p50   API p99   raw p50   raw p99   ratio p50  ratio p99   raw calls',
  );
  for (const op of ops) {
    const a = api[op];
    const b = base[op];
    console.log(
      `  ${LABELS[op].padEnd(30)}  ${percentile(a, 0.5).toFixed(1).padStart(7)}   ${percentile(a, 0.99).toFixed(1).padStart(7)}   ${percentile(b, 0.5).toFixed(1).padStart(7)}   ${percentile(b, 0.99).toFixed(1).padStart(7)}   ${(percentile(a, 0.5) / percentile(b, 0.5)).toFixed(2).padStart(8)}  ${(percentile(a, 0.99) / percentile(b, 0.99)).toFixed(2).padStart(8)}   ${raws.describe(op)}`,
    );
  }

  // ---- 2. load -----------------------------------------------------------------------
  for (let i = 0; i < TENANTS; i += 1) {
    await post(
      '/v1/agencies',
      {
        id: `tenant-${i}`,
        name: `Instansi ${i}`,
        kind: 'agency',
        contacts: [{ name: 'L', email: `l@t${i}.example.go.id` }],
      },
      admin,
    );
  }
  // Skewed: tenant k gets weight 1/(k+1).
  const weights = Array.from({ length: TENANTS }, (_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickTenant = () => {
    let r = Math.random() * total;
    for (let k = 0; k < TENANTS; k += 1) if ((r -= weights[k]!) <= 0) return k;
    return TENANTS - 1;
  };
  const tenantTokens = await Promise.all(
    Array.from({ length: TENANTS }, (_, k) => tokenFor(`tenant-${k}`, 'agency_officer')),
  );
  const open: { caseId: string; tenant: number }[] = [];
  for (let i = 0; i < OPEN_CASES; i += 1) {
    const tenant = pickTenant();
    const id = String((await ok(post('/v1/cases', complaint(i), central), 201)).id);
    await ok(
      post(`/v1/cases/${id}/verification`, { decision: 'accept', type: 'normative' }, central),
      200,
    );
    await ok(
      post(
        `/v1/cases/${id}/assignments`,
        { assignments: [{ agencyId: `tenant-${tenant}` }] },
        central,
      ),
      201,
    );
    open.push({ caseId: id, tenant });
  }
  // One runner for both sides: the same clients, the same mix, the same dice.
  const loadRun = async (step: (dice: number, c: number, i: number) => Promise<boolean>) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + LOAD_SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = 0; performance.now() < until; i += 1) {
          const t = performance.now();
          const fine = await step(Math.random(), c, i).catch(() => false);
          latencies.push(performance.now() - t);
          if (!fine) errors += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { requests: latencies.length, rate: latencies.length / seconds, latencies, errors };
  };
  // The set-up's forwardings made the embedded engine render 60+ forwarding letters (PDF) in
  // this process; on AWS that is the Tick's work, not the API's: wait it out first.
  await settle(raw);
  const viaApi = await loadRun(async (dice, c, i) => {
    let res: Response;
    if (dice < 0.6) {
      res = await get('/v1/queue?limit=25', tenantTokens[pickTenant()]!);
    } else if (dice < 0.85 && open.length > 0) {
      const item = open[Math.floor(Math.random() * open.length)]!;
      res = await post(
        `/v1/cases/${item.caseId}/assignments/tenant-${item.tenant}/responses`,
        { kind: 'progress', message: `Perkembangan ${c}-${i}` },
        tenantTokens[item.tenant],
      );
    } else {
      res = await post('/v1/cases', complaint(i), central);
    }
    await res.arrayBuffer();
    // 409 on a concurrent response to the same assignment is the contract, not an error.
    return !(res.status >= 500 || (res.status >= 400 && res.status !== 409));
  });
  await settle(raw);
  const direct = await loadRun(async (dice) => {
    if (dice < 0.6) await raws.tenantQueue(`tenant-${pickTenant()}`);
    else if (dice < 0.85 && open.length > 0)
      await raws.caseChange('respond', open[Math.floor(Math.random() * open.length)]!.caseId);
    else await raws.create();
    return true;
  });
  console.log(
    `\nLoad: ${CLIENTS} clients × ${LOAD_SECONDS} s each side, 60% queue reads / 25% responses / 15% new cases, ${TENANTS} agencies (Zipf-like), load average ${loadavg()[0]!.toFixed(1)}`,
  );
  for (const [label, run] of [
    ['API', viaApi],
    ['raw', direct],
  ] as const) {
    console.log(
      `  ${label.padEnd(4)} requests ${run.requests}, throughput ${run.rate.toFixed(0)} req/s, p50 ${percentile(run.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(run.latencies, 0.99).toFixed(1)} ms, errors ${run.errors}`,
    );
  }
  console.log(`  throughput ratio API / raw: ${(viaApi.rate / direct.rate).toFixed(2)}`);
} finally {
  await runtime.stop();
  await rm(dataDir, { recursive: true, force: true });
}

/** A fresh partition for a raw copy of an item (its index keys moved out of the way too). */
function relocated(item: Input, pk: string): Input {
  const out: Input = { ...item, pk };
  for (const k of ['gsi1pk', 'gsi2pk', 'gsi3pk']) if (k in out) out[k] = `raw#${String(out[k])}`;
  return out;
}

/** The calls each operation needs, issued raw. */
function rawCalls(client: DynamoDBDocumentClient) {
  const shapeOf = (op: string) => {
    const transact = captured.get(op)?.transact;
    if (!transact) throw new Error(`no transaction captured for ${op}`);
    return transact.TransactItems as Input[];
  };
  // The API's transaction item for item, under fresh keys: Puts keep their content (size,
  // index entries), Updates stay Updates (the counters' ADD), checks stay checks.
  const transactLike = (op: string) => {
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
  const replayReads = async (op: string) => {
    const reads = captured.get(op);
    if (!reads) throw new Error(`no reads captured for ${op}`);
    await Promise.all(reads.queries.map((q) => client.send(new QueryCommand(q as never))));
    await Promise.all(reads.batchGets.map((b) => client.send(new BatchGetCommand(b as never))));
  };
  const describeReads = (op: string) => {
    const reads = captured.get(op);
    return `${reads?.queries.length ?? 0} Query ∥, ${reads?.batchGets.length ?? 0} BatchGetItem`;
  };
  const describeWrite = (op: string) => {
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
type Op = keyof typeof LABELS;

/** Waits until the embedded engine has no ladder due (the forwarding letters written). */
async function settle(client: DynamoDBDocumentClient): Promise<void> {
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
