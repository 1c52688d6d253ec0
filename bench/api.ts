/**
 * Benchmark: the API's overhead over the DynamoDB calls it needs, and a load run.
 *
 * 1. Median and p99 of POST /v1/cases, POST …/responses and GET /v1/queue over HTTP on the
 *    embedded runtime, against the same DynamoDB Local calls each operation makes, issued raw
 *    with the same client in the same run (ratio = API / raw).
 * 2. 50 concurrent clients for 30 s: agency queue reads, responses and central case creation
 *    across 200 agencies with a skewed (Zipf-like) distribution: throughput, p50/p99, errors.
 *
 *   npm run bench:api            (BENCH_LOAD_SECONDS=10 for a shorter load run)
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
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';

const SAMPLES = 200;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CLIENTS = 50;
const TENANTS = 200;

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
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
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
    subject: `Bench ${i}`,
    description: 'Uraian',
  });

  // ---- 1. overhead -------------------------------------------------------------------
  const api: Record<string, number[]> = { create: [], respond: [], queue: [] };
  const base: Record<string, number[]> = { create: [], respond: [], queue: [] };
  const cases: string[] = [];
  for (let i = 0; i < SAMPLES + 20; i += 1) {
    const ms = await timed(async () =>
      cases.push(String((await ok(post('/v1/cases', complaint(i), central), 201)).id)),
    );
    if (i >= 20) api.create!.push(ms);
  }
  for (const id of cases) {
    await ok(
      post(`/v1/cases/${id}/verification`, { decision: 'accept', type: 'light' }, central),
      200,
    );
    await ok(
      post(`/v1/cases/${id}/assignments`, { assignments: [{ agencyId: 'polri' }] }, central),
      201,
    );
  }
  const polri = await tokenFor('polri', 'agency_officer');
  for (const [i, id] of cases.entries()) {
    const ms = await timed(() =>
      ok(
        post(
          `/v1/cases/${id}/assignments/polri/responses`,
          { kind: 'progress', message: 'Sedang ditangani' },
          polri,
        ),
        200,
      ),
    );
    if (i >= 20) api.respond!.push(ms);
  }
  for (let i = 0; i < SAMPLES + 20; i += 1) {
    const ms = await timed(() => ok(Promise.resolve(get('/v1/queue?limit=25', polri)), 200));
    if (i >= 20) api.queue!.push(ms);
  }

  // The same DynamoDB calls, raw, same client and engine, same run.
  const now = () => new Date().toISOString();
  const sampleCase = cases[0]!;
  for (let i = 0; i < SAMPLES + 20; i += 1) {
    const id = ulid();
    const createMs = await timed(async () => {
      await raw.send(new GetCommand({ TableName: TABLE_NAME, Key: keys.policy('default') }));
      await raw.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.calendar('id') },
        }),
      );
      await raw.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: TABLE_NAME,
                Item: {
                  ...keys.case(`raw-${id}`),
                  entity: 'raw',
                  gsi1pk: 'raw',
                  gsi1sk: id,
                  subject: 'Bench',
                  description: 'Uraian',
                  complainant: { name: 'Pengadu' },
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: TABLE_NAME,
                Item: { ...keys.trackingCode(`raw-${id}`), caseId: id },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: TABLE_NAME,
                Item: { ...keys.event(`raw-${id}`, id), type: 'raw', at: now() },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    });
    const respondMs = await timed(async () => {
      await raw.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          KeyConditionExpression: 'pk = :pk AND sk < :e',
          ExpressionAttributeValues: { ':pk': keys.casePk(sampleCase), ':e': 'EVENT#' },
        }),
      );
      await raw.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.calendar('id') },
        }),
      );
      await raw.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: TABLE_NAME, Item: { ...keys.case(`raw2-${id}`), v: 1 } } },
            {
              Put: {
                TableName: TABLE_NAME,
                Item: { ...keys.assignment(`raw2-${id}`, 'polri'), v: 1 },
              },
            },
            { Put: { TableName: TABLE_NAME, Item: { ...keys.event(`raw2-${id}`, id), v: 1 } } },
            {
              Update: {
                TableName: TABLE_NAME,
                Key: keys.statsBucket('raw', '2026-01-01'),
                UpdateExpression: 'ADD responded :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
            {
              Update: {
                TableName: TABLE_NAME,
                Key: keys.statsBucket('raw', '2026-01'),
                UpdateExpression: 'ADD responded :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    });
    const queueMs = await timed(async () => {
      const out = await raw.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.queue('polri', 'open') },
          Limit: 25,
        }),
      );
      const refs = (out.Items ?? [])
        .slice(0, 25)
        .map((item) => keys.ladder(String(item.caseId), 'polri'));
      if (refs.length > 0)
        await raw.send(new BatchGetCommand({ RequestItems: { [TABLE_NAME]: { Keys: refs } } }));
    });
    if (i >= 20) {
      base.create!.push(createMs);
      base.respond!.push(respondMs);
      base.queue!.push(queueMs);
    }
  }

  console.log(
    `\nAPI overhead over raw DynamoDB Local calls (${new Date().toISOString().slice(0, 10)}, ${process.version}, ${SAMPLES} samples each)`,
  );
  console.log(
    '  operation                       API p50   API p99   raw p50   raw p99   ratio p50  ratio p99',
  );
  for (const [name, label] of [
    ['create', 'POST /v1/cases'],
    ['respond', 'POST …/responses'],
    ['queue', 'GET /v1/queue'],
  ] as const) {
    const a = api[name]!;
    const b = base[name]!;
    console.log(
      `  ${label.padEnd(30)}  ${percentile(a, 0.5).toFixed(1).padStart(7)}   ${percentile(a, 0.99).toFixed(1).padStart(7)}   ${percentile(b, 0.5).toFixed(1).padStart(7)}   ${percentile(b, 0.99).toFixed(1).padStart(7)}   ${(percentile(a, 0.5) / percentile(b, 0.5)).toFixed(2).padStart(8)}  ${(percentile(a, 0.99) / percentile(b, 0.99)).toFixed(2).padStart(8)}`,
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
  for (let i = 0; i < 300; i += 1) {
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
  const latencies: number[] = [];
  let errors = 0;
  let requests = 0;
  const until = performance.now() + LOAD_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; performance.now() < until; i += 1) {
        const dice = Math.random();
        const t = performance.now();
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
        latencies.push(performance.now() - t);
        requests += 1;
        // 409 on a concurrent response to the same assignment is the contract, not an error.
        if (res.status >= 500 || (res.status >= 400 && res.status !== 409)) errors += 1;
      }
    }),
  );
  console.log(
    `\nLoad: ${CLIENTS} clients × ${LOAD_SECONDS} s, 60% queue reads / 25% responses / 15% new cases, ${TENANTS} agencies (Zipf-like)`,
  );
  console.log(
    `  requests ${requests}, throughput ${(requests / LOAD_SECONDS).toFixed(0)} req/s, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, errors ${errors}`,
  );
} finally {
  await runtime.stop();
  await rm(dataDir, { recursive: true, force: true });
}
