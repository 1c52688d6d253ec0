/**
 * Cost model from a real embedded run: one complaint forwarded to two agencies, one answering
 * on time, one silent through the whole ladder. Counts Step Functions state transitions, Lambda
 * invocations (API requests, Tick tasks) and DynamoDB capacity units (every call asks DynamoDB
 * Local for ReturnConsumedCapacity), then prices them.
 *
 *   npm run bench:cost
 *
 * Prices (us-east-1, on-demand, as published by AWS and in force since 2024-11-01 for
 * DynamoDB; Jakarta ap-southeast-3 is dearer): Step Functions Standard $0.025 per 1,000 state
 * transitions; Lambda arm64 $0.20 per million requests and $0.0000133334 per GB-second;
 * DynamoDB on-demand $0.625 per million write request units and $0.125 per million read
 * request units.
 */
import { createApp } from '@pantau/api';
import { DEFAULT_LADDER, type Mailer } from '@pantau/core';
import { METRIC } from '@pantau/workflow';
import { benchAuth, localClient } from './support.ts';
import { ensureTable, LocalLadderEngine, startDynamoDbLocal } from '@pantau/local';
import { DynamoStore, seedBaseline } from '@pantau/store';

const PRICE = {
  transition: 0.025 / 1_000,
  lambdaRequest: 0.2 / 1_000_000,
  gbSecond: 0.0000133334,
  wru: 0.625 / 1_000_000,
  rru: 0.125 / 1_000_000,
  // Observability (infra/observability.ts): X-Ray $5 per million traces recorded (100,000 a
  // month free), CloudWatch $0.10 per standard alarm metric a month, $0.30 per custom metric
  // a month (first 10,000), $3 per dashboard a month (3 free, up to 50 metrics each).
  trace: 5 / 1_000_000,
  alarmMetric: 0.1,
  customMetric: 0.3,
  dashboard: 3,
};
const LAMBDA_GB = 1; // infra/function.ts: 1,024 MB

const db = await startDynamoDbLocal({ inMemory: true });
try {
  const client = localClient(db.endpoint);
  // Every DynamoDB call reports the capacity it consumed.
  const capacity = { read: 0, write: 0, calls: 0 };
  const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      capacity.calls += 1;
      const consumed = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
        (sum: number, c) => sum + ((c as { CapacityUnits?: number }).CapacityUnits ?? 0),
        0,
      );
      if (WRITES.test(context.commandName ?? '')) capacity.write += units;
      else capacity.read += units;
      return out;
    },
    { step: 'initialize', name: 'consumedCapacity' },
  );
  const store = new DynamoStore({ client, tableName: 'cost', searchKey: 'bench' });
  await ensureTable(client, 'cost');
  let now = new Date('2026-03-16T03:00:00.000Z');
  const clock = () => now;
  await seedBaseline(store, now);
  const mailer: Mailer = { send: async () => undefined };
  const engine = new LocalLadderEngine({ store, clock, mailer });
  const { verifier, sign } = await benchAuth();
  const app = createApp({ store, verifier, clock, ladders: engine });
  const admin = await sign('setneg', 'central_admin');
  for (const id of ['polri', 'pln']) {
    await app.request('/v1/agencies', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id,
        name: id,
        kind: 'agency',
        contacts: [{ name: 'L', email: `l@${id}.example.go.id` }],
      }),
    });
  }
  // From here on, the complaint's own lifecycle is counted.
  Object.assign(capacity, { read: 0, write: 0, calls: 0 });
  let apiCalls = 0;
  let apiMs = 0;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const t = performance.now();
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    apiMs += performance.now() - t;
    apiCalls += 1;
    return (await res.json()) as Record<string, unknown>;
  };
  const central = await sign('setneg', 'central_officer');
  const polri = await sign('polri', 'agency_officer');
  const created = await call('POST', '/v1/cases', central, {
    channel: 'letter',
    complainant: { name: 'Pengadu' },
    subject: 'S',
    description: 'D',
  });
  const id = String(created.id);
  await call('POST', `/v1/cases/${id}/verification`, central, {
    decision: 'accept',
    type: 'normative',
  });
  await call('POST', `/v1/cases/${id}/assignments`, central, {
    assignments: [{ agencyId: 'polri' }, { agencyId: 'pln' }],
  });
  await call('GET', `/v1/queue`, polri);
  await call('GET', `/v1/cases/${id}`, polri);
  await call('POST', `/v1/cases/${id}/assignments/polri/acknowledge`, polri, {});
  await call('POST', `/v1/cases/${id}/assignments/polri/responses`, polri, {
    kind: 'final',
    message: 'Selesai.',
  });
  const tickStarted = performance.now();
  for (let day = 0; day < 100; day += 1) {
    now = new Date(now.getTime() + 86_400_000);
    await engine.runDue();
  }
  const tickMs = performance.now() - tickStarted;
  await call('GET', `/v1/cases/${id}/timeline`, central);
  await call('POST', `/v1/cases/${id}/close`, central, { outcome: 'unresolved' });

  const letters = (await store.listNotifications({ caseId: id }, { limit: 100 })).items.length;
  const lambdaInvocations = apiCalls + engine.stats.ticks;
  const gbSeconds = ((apiMs + tickMs) / 1000) * LAMBDA_GB;
  const cost = {
    stepFunctions: engine.stats.transitions * PRICE.transition,
    lambda: lambdaInvocations * PRICE.lambdaRequest + gbSeconds * PRICE.gbSecond,
    dynamodb: capacity.write * PRICE.wru + capacity.read * PRICE.rru,
    // Active tracing, every invocation sampled at these volumes (an upper bound).
    xray: lambdaInvocations * PRICE.trace,
  };
  const perComplaint = cost.stepFunctions + cost.lambda + cost.dynamodb + cost.xray;
  console.log(
    `\nCost of one complaint lifecycle (2 agencies, one silent through the ladder; ${new Date().toISOString().slice(0, 10)})`,
  );
  console.log(
    `  API requests ${apiCalls}, Tick invocations ${engine.stats.ticks}, letters ${letters}`,
  );
  console.log(`  Step Functions state transitions ${engine.stats.transitions}`);
  console.log(
    `  DynamoDB calls ${capacity.calls}: ${capacity.write.toFixed(1)} write units, ${capacity.read.toFixed(1)} read units`,
  );
  console.log(
    `  Lambda compute ${gbSeconds.toFixed(3)} GB-s (local wall time at ${LAMBDA_GB} GB, an upper bound)`,
  );
  console.log(
    `  $ per complaint: Step Functions ${cost.stepFunctions.toFixed(6)}, Lambda ${cost.lambda.toFixed(6)}, DynamoDB ${cost.dynamodb.toFixed(6)}, X-Ray ${cost.xray.toFixed(6)}, total ${perComplaint.toFixed(6)}`,
  );
  console.log(`  $ per 100,000 complaints a year: ${(perComplaint * 100_000).toFixed(2)}`);

  // Fixed, whatever the volume: the alarms (16 standard alarms; the API 5xx share reads two
  // metrics), the business metrics (one per name and service, LettersWritten one per rung) and
  // the dashboard (a fourth dashboard in an account that has three).
  const alarmMetrics = 16 + 1;
  const rungs = new Set(DEFAULT_LADDER.map((step) => step.action)).size;
  const customMetrics = Object.values(METRIC).length - 1 + rungs;
  const monthly =
    alarmMetrics * PRICE.alarmMetric + customMetrics * PRICE.customMetric + PRICE.dashboard;
  console.log(
    `  Monitoring a month: ${alarmMetrics} alarm metrics $${(alarmMetrics * PRICE.alarmMetric).toFixed(2)}, ` +
      `${customMetrics} custom metrics $${(customMetrics * PRICE.customMetric).toFixed(2)}, dashboard $${PRICE.dashboard.toFixed(2)} ` +
      `(at most; 3 dashboards are free): $${monthly.toFixed(2)}, $${(monthly * 12).toFixed(2)} a year`,
  );
  client.destroy();
} finally {
  await db.stop();
}
