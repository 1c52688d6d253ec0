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
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig, startRuntime } from '@pantau/local';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Reply, send } from './http-client.ts';
import { FORWARD_TO, LABELS, type Op, rawCalls, recorded, settle } from './raw-calls.ts';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const WARM_UP = 20;
const SEARCH = 'jalan rusak';

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
  send(`${runtime.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
const get = (path: string, token: string) =>
  send(`${runtime.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const tokenFor = async (agency: string, role: string) =>
  (
    (await (await post('/dev/tokens', { sub: `${agency}-${role}`, agency, role })).json()) as {
      token: string;
    }
  ).token;
const ok = async (res: Promise<Reply>, status: number) => {
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
    const viaApiRecorded = () => recorded(op, viaApi);
    const [a, b] =
      i % 2 === 0
        ? [await timed(viaApiRecorded), await timed(direct)]
        : [await timed(direct), await timed(viaApiRecorded)].reverse();
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
    // Each forwarding's ladder writes its letter (a PDF rendered) in the background, in this
    // process: on AWS that is the Tick's work, in another Lambda. The next pair waits for it,
    // so that neither side is timed beside the renderer.
    await settle(raw, 10);
  }
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
  // Each request reports its kind, so that a tail can be told apart by operation.
  type Kind = 'queue' | 'respond' | 'create';
  const kindOf = (dice: number): Kind =>
    dice < 0.6 ? 'queue' : dice < 0.85 ? 'respond' : 'create';
  const loadRun = async (step: (dice: number, c: number, i: number) => Promise<boolean>) => {
    const latencies: number[] = [];
    const byKind: Record<Kind, number[]> = { queue: [], respond: [], create: [] };
    let errors = 0;
    const until = performance.now() + LOAD_SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = 0; performance.now() < until; i += 1) {
          const t = performance.now();
          const dice = Math.random();
          const fine = await step(dice, c, i).catch(() => false);
          latencies.push(performance.now() - t);
          byKind[kindOf(dice)].push(performance.now() - t);
          if (!fine) errors += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      requests: latencies.length,
      rate: latencies.length / seconds,
      latencies,
      byKind,
      errors,
    };
  };
  // The set-up's forwardings made the embedded engine render 60+ forwarding letters (PDF) in
  // this process; on AWS that is the Tick's work, not the API's: wait it out first.
  await settle(raw);
  const viaApi = await loadRun(async (dice, c, i) => {
    let res: Reply;
    const kind = kindOf(dice);
    if (kind === 'queue') {
      res = await get('/v1/queue?limit=25', tenantTokens[pickTenant()]!);
    } else if (kind === 'respond') {
      const item = open[Math.floor(Math.random() * open.length)]!;
      res = await post(
        `/v1/cases/${item.caseId}/assignments/tenant-${item.tenant}/responses`,
        { kind: 'progress', message: `Perkembangan ${c}-${i}` },
        tenantTokens[item.tenant],
      );
    } else {
      res = await post('/v1/cases', complaint(i), central);
    }
    // 409 on a concurrent response to the same assignment is the contract, not an error.
    return !(res.status >= 500 || (res.status >= 400 && res.status !== 409));
  });
  await settle(raw);
  const direct = await loadRun(async (dice) => {
    const kind = kindOf(dice);
    if (kind === 'queue') await raws.tenantQueue(`tenant-${pickTenant()}`);
    else if (kind === 'respond')
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
    for (const [kind, xs] of Object.entries(run.byKind)) {
      if (xs.length === 0) continue;
      console.log(
        `       ${kind.padEnd(8)} ${String(xs.length).padStart(6)} requests, p50 ${percentile(xs, 0.5).toFixed(1)} ms, p99 ${percentile(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`,
      );
    }
  }
  console.log(`  throughput ratio API / raw: ${(viaApi.rate / direct.rate).toFixed(2)}`);
} finally {
  await runtime.stop();
  await rm(dataDir, { recursive: true, force: true });
}
