/**
 * Cost model from a real embedded run: one complaint forwarded to two agencies, one answering
 * on time, one silent through the whole ladder. Counts Step Functions state transitions, Lambda
 * invocations (API requests, Tick tasks) and DynamoDB capacity units (every call asks DynamoDB
 * Local for ReturnConsumedCapacity), then prices them.
 *
 *   npm run bench:cost
 *
 * Then the whole bill (issue 17, P6): the stack as deployed is synthesised (no bundling) and
 * its fixed parts counted from the template (alarms and their metrics, dashboards, secrets,
 * the web ACL and its rules, GuardDuty malware protection plans, the sweep's schedule); the
 * sweep runs once on the same table to count its reads; the log bytes the lifecycle writes are
 * counted. The unit's month (1,200 complaints a year, 50 staff) and the marginal cost of a
 * complaint at 300,000 a year are printed against the goals (≤ $40 a month, ≤ $0.001).
 *
 * Prices: US East (N. Virginia), on-demand, without free tiers (an upper bound; Jakarta,
 * ap-southeast-3, is dearer for most). Each with its source and when it was read in `PRICE`;
 * the assumptions (staff traffic, attachments) in `ASSUME`. BENCHMARKS.md "Cost of a complaint"
 * repeats both.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { createApp } from '@pantau/api';
import { DEFAULT_LADDER, type Mailer } from '@pantau/core';
import { METRIC, sweep } from '@pantau/workflow';
import { ASSUME, LAMBDA_GB, MONTH_DAYS, PRICE } from './cost-prices.ts';
import { initSeconds } from './lambda-init.ts';
import { inventory } from './stack-inventory.ts';
import { benchAuth, localClient } from './support.ts';
import { ensureTable, LocalLadderEngine, startDynamoDbLocal } from '@pantau/local';
import { DynamoStore, seedBaseline } from '@pantau/store';

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
  // SES bills each recipient of each e-mail.
  let emails = 0;
  const mailer: Mailer = {
    send: async (letter) => {
      emails += letter.recipients.length;
    },
  };
  // The loggers the functions have (INFO, as deployed), so the log bytes can be counted.
  const engine = new LocalLadderEngine({
    store,
    clock,
    mailer,
    logger: new Logger({ serviceName: 'pantau-ladder', logLevel: 'INFO' }),
  });
  const { verifier, sign } = await benchAuth();
  const app = createApp({
    store,
    verifier,
    clock,
    ladders: engine,
    logger: new Logger({ serviceName: 'pantau-api', logLevel: 'INFO' }),
  });
  // Log lines (Powertools writes JSON lines to stdout, as on Lambda) are counted, not printed.
  let logBytes = 0;
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    return true;
  }) as typeof process.stdout.write;
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
  const central = await sign('setneg', 'central_officer');
  const officers = {
    polri: await sign('polri', 'agency_officer'),
    pln: await sign('pln', 'agency_officer'),
  };

  /**
   * One complaint's lifecycle, counted: registered, verified, forwarded to two agencies, read
   * and answered by Polri; PLN answers on time too, or stays silent through its whole ladder;
   * 100 days of the engine, then central reads the timeline and closes the case.
   */
  const lifecycle = async (silentPln: boolean, start: Date) => {
    now = start;
    Object.assign(capacity, { read: 0, write: 0, calls: 0 });
    const before = { ticks: engine.stats.ticks, transitions: engine.stats.transitions, emails };
    logBytes = 0;
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
    // The ladders' first ticks (the forwarding letters) before any agency reads the case, as
    // on AWS, where a person takes minutes: the engine arms them in the background, and an
    // agency that answered first would have no letter owed to it (1 letter, 12 transitions in
    // some runs instead of 2 and 15).
    await engine.runDue();
    for (const [agency, token] of Object.entries(officers)) {
      if (agency === 'pln' && silentPln) continue;
      await call('GET', `/v1/queue`, token);
      await call('GET', `/v1/cases/${id}`, token);
      await call('POST', `/v1/cases/${id}/assignments/${agency}/acknowledge`, token, {});
      await call('POST', `/v1/cases/${id}/assignments/${agency}/responses`, token, {
        kind: 'final',
        message: 'Selesai.',
      });
    }
    const tickStarted = performance.now();
    for (let day = 0; day < 100; day += 1) {
      now = new Date(now.getTime() + 86_400_000);
      await engine.runDue();
    }
    const tickMs = performance.now() - tickStarted;
    await call('GET', `/v1/cases/${id}/timeline`, central);
    await call('POST', `/v1/cases/${id}/close`, central, {
      outcome: silentPln ? 'unresolved' : 'resolved',
    });
    const letters = (await store.listNotifications({ caseId: id }, { limit: 100 })).items.length;
    return {
      apiCalls,
      apiMs,
      tickMs,
      letters,
      ticks: engine.stats.ticks - before.ticks,
      transitions: engine.stats.transitions - before.transitions,
      emails: emails - before.emails,
      capacity: { ...capacity },
      logBytes,
    };
  };
  type Lifecycle = Awaited<ReturnType<typeof lifecycle>>;
  // From here on, each complaint's own lifecycle is counted, with the bytes its log lines take.
  const onTime = await lifecycle(false, new Date('2026-03-16T03:00:00.000Z'));
  const silent = await lifecycle(true, new Date('2026-07-06T03:00:00.000Z'));
  process.stdout.write = stdoutWrite;

  /** What a lifecycle's counts cost: the engine, the functions, the table, the traces. */
  const engineCost = (run: Lifecycle) => {
    const invocations = run.apiCalls + run.ticks;
    const gbSeconds = ((run.apiMs + run.tickMs) / 1000) * LAMBDA_GB;
    return {
      invocations,
      gbSeconds,
      stepFunctions: run.transitions * PRICE.transition,
      lambda: invocations * PRICE.lambdaRequest + gbSeconds * PRICE.gbSecond,
      dynamodb: run.capacity.write * PRICE.wru + run.capacity.read * PRICE.rru,
      // Active tracing, every invocation sampled at these volumes (an upper bound).
      xray: invocations * PRICE.trace,
    };
  };
  for (const [name, run] of [
    ['both agencies answer on time', onTime],
    ['one agency silent through the ladder', silent],
  ] as const) {
    const cost = engineCost(run);
    const perComplaint = cost.stepFunctions + cost.lambda + cost.dynamodb + cost.xray;
    console.log(
      `\nCost of one complaint lifecycle (2 agencies, ${name}; ${new Date().toISOString().slice(0, 10)})`,
    );
    console.log(
      `  API requests ${run.apiCalls}, Tick invocations ${run.ticks}, letters ${run.letters}`,
    );
    console.log(`  Step Functions state transitions ${run.transitions}`);
    console.log(
      `  DynamoDB calls ${run.capacity.calls}: ${run.capacity.write.toFixed(1)} write units, ${run.capacity.read.toFixed(1)} read units`,
    );
    console.log(
      `  Lambda compute ${cost.gbSeconds.toFixed(3)} GB-s (local wall time at ${LAMBDA_GB} GB, an upper bound)`,
    );
    console.log(
      `  $ per complaint: Step Functions ${cost.stepFunctions.toFixed(6)}, Lambda ${cost.lambda.toFixed(6)}, DynamoDB ${cost.dynamodb.toFixed(6)}, X-Ray ${cost.xray.toFixed(6)}, total ${perComplaint.toFixed(6)}`,
    );
  }
  // A staff request is priced at the silent lifecycle's time and log bytes per invocation.
  const { apiCalls, apiMs } = silent;

  // The sweep, every 15 minutes whatever happens: one run on this table, its reads counted.
  Object.assign(capacity, { read: 0, write: 0, calls: 0 });
  const sweepStarted = performance.now();
  // As on AWS, with the ladders' executions to look up (every one running: the reads of the
  // table are what is counted).
  await sweep({
    store,
    clock,
    mailer,
    ladders: { arm: async () => undefined, state: async () => 'running' as const },
  });
  const sweepRun = {
    ms: performance.now() - sweepStarted,
    // DynamoDB bills a query that finds nothing as half a read unit; DynamoDB Local reports 0.
    read: Math.max(capacity.read, capacity.calls * 0.5),
    write: capacity.write,
    calls: capacity.calls,
  };

  // What a cold start's INIT takes, by the bundles the stack deploys (bench/lambda-init.ts).
  const init = await initSeconds(
    {
      api: 'functions/api.ts',
      tick: 'functions/ladder-tick.ts',
      sweep: 'functions/ladder-sweep.ts',
    },
    5,
  );

  const stack = inventory();
  const rungs = new Set(DEFAULT_LADDER.map((step) => step.action)).size;
  // The business metrics (EMF, functions/observability.ts; names in @pantau/workflow's METRIC):
  // each name under its one service, LettersWritten once per rung. The SES configuration set
  // publishes its event types as metrics too (infra/notify.ts), counted as custom metrics here.
  const customMetrics = Object.values(METRIC).length - 1 + rungs + stack.sesEventTypes;
  const sweepsPerMonth = (MONTH_DAYS * 24 * 60) / stack.sweepMinutes;

  /**
   * One file's first year in S3 Intelligent-Tiering, where the blob store writes the checked
   * files (packages/documents/src/blob-s3.ts): the Frequent Access tier until 30 days after its
   * last read, the Infrequent Access tier until 90 days after it, Archive Instant Access for the
   * rest of the year (S3's own thresholds); the monthly monitoring charge on a file over 128 KB,
   * and GuardDuty's scan tag kept on it.
   */
  const tieredYear = (mb: number) => {
    const months = (from: number, to: number) =>
      (Math.min(to, 365) - Math.min(from, 365)) / MONTH_DAYS;
    const infrequentFrom = ASSUME.attachmentLastReadDay + 30;
    const archiveFrom = ASSUME.attachmentLastReadDay + 90;
    const perGb =
      months(0, infrequentFrom) * PRICE.s3GbMonth +
      months(infrequentFrom, archiveFrom) * PRICE.tieringInfrequentGbMonth +
      months(archiveFrom, 365) * PRICE.tieringArchiveInstantGbMonth;
    const monitoring = mb > 0.125 ? PRICE.tieringObjectMonth : 0;
    return (mb / 1024) * perGb + months(0, 365) * (monitoring + PRICE.s3TagMonth);
  };

  /**
   * Costs that follow the number of complaints: one complaint's, measured above and priced, with
   * `attachments` files of `ASSUME.attachmentMb` each.
   */
  const complaintCost = (
    run: Lifecycle,
    attachments: number,
    coldShare: number = ASSUME.coldStartShareAtScale,
  ) => {
    const cost = engineCost(run);
    const logGb = (run.logBytes + cost.invocations * ASSUME.platformLogBytes) / 1024 ** 3;
    const attachmentGb = (attachments * ASSUME.attachmentMb) / 1024;
    return {
      'Step Functions': cost.stepFunctions,
      Lambda: cost.lambda,
      // The INIT of the Ticks that start a new environment (Lambda bills it since 2025-08-01).
      'Lambda INIT': run.ticks * coldShare * init.tick * LAMBDA_GB * PRICE.gbSecond,
      DynamoDB: cost.dynamodb,
      'X-Ray': cost.xray,
      'API Gateway': run.apiCalls * PRICE.httpApiRequest,
      WAF: run.apiCalls * PRICE.wafRequest,
      'SES (letters)': run.emails * PRICE.sesEmail,
      'CloudWatch Logs': logGb * (PRICE.logIngestGb + PRICE.logStoreGbMonth),
      // Each attachment (packages/core/src/use-cases/attachments.ts): the form's upload, the
      // API's read of it and its checked copy, GuardDuty's read and tag of the copy, and each
      // download (its scan tag read, then the file); its first year stored.
      'S3 attachments':
        attachments * (3 * PRICE.s3Put + (2 + 2 * ASSUME.attachmentReads) * PRICE.s3Get) +
        attachments * tieredYear(ASSUME.attachmentMb),
      'GuardDuty scans':
        stack.malwarePlans > 0
          ? attachments * PRICE.malwareObject + attachmentGb * PRICE.malwareGb
          : 0,
    };
  };
  const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);
  // The bill's margin: the dearer lifecycle, with the assumed attachments (an upper bound).
  const complaint = complaintCost(silent, ASSUME.attachmentsPerComplaint);
  const marginal = sum(complaint);

  /**
   * The unit's month at a number of complaints a year: fixed parts, staff, complaints, with
   * `coldShare` of the complaints' Ticks starting a new environment.
   */
  const month = (complaintsPerYear: number, coldShare: number) => {
    const staffRequests = ASSUME.staff * ASSUME.requestsPerStaffDay * ASSUME.workingDaysPerMonth;
    const msPerRequest = apiMs / apiCalls;
    const staffLogGb =
      (staffRequests *
        (silent.logBytes / (silent.apiCalls + silent.ticks) + ASSUME.platformLogBytes) +
        staffRequests * ASSUME.accessLogBytes) /
      1024 ** 3;
    const sweepLogGb = (sweepsPerMonth * ASSUME.platformLogBytes) / 1024 ** 3;
    const coldStarts = ASSUME.coldStartsPerDay * MONTH_DAYS;
    return {
      // 50 staff are 50 monthly active users: inside the free tier.
      Cognito: Math.max(0, ASSUME.staff - PRICE.cognitoFreeMau) * PRICE.cognitoMau,
      'WAF (web ACL, rules)': stack.webAcls * PRICE.webAcl + stack.wafRules * PRICE.wafRule,
      'Secrets Manager':
        stack.secrets * PRICE.secret +
        coldStarts * ASSUME.secretReadsPerColdStart * PRICE.secretCall,
      'CloudWatch alarms': stack.alarmMetrics * PRICE.alarmMetric,
      'CloudWatch metrics': customMetrics * PRICE.customMetric,
      'CloudWatch dashboard': stack.dashboards * PRICE.dashboard,
      'CloudWatch Logs (staff, sweep)':
        (staffLogGb + sweepLogGb) * (PRICE.logIngestGb + PRICE.logStoreGbMonth),
      'Staff requests (API Gateway, WAF, Lambda, X-Ray)':
        staffRequests *
        (PRICE.httpApiRequest +
          PRICE.wafRequest +
          PRICE.lambdaRequest +
          PRICE.trace +
          (msPerRequest / 1000) * LAMBDA_GB * PRICE.gbSecond),
      'Sweep (Lambda, DynamoDB reads)':
        sweepsPerMonth *
        (PRICE.lambdaRequest +
          PRICE.trace +
          (sweepRun.ms / 1000) * LAMBDA_GB * PRICE.gbSecond +
          sweepRun.read * PRICE.rru +
          sweepRun.write * PRICE.wru),
      // Lambda's INIT, billed since 2025-08-01: the API's cold starts, and every sweep run's.
      'Cold starts (API, sweep: Lambda INIT)':
        (coldStarts * init.api + sweepsPerMonth * init.sweep) * LAMBDA_GB * PRICE.gbSecond,
      Complaints:
        (complaintsPerYear / 12) *
        sum(complaintCost(silent, ASSUME.attachmentsPerComplaint, coldShare)),
    };
  };

  const usd = (n: number, digits = 2) => `$${n.toFixed(digits)}`;
  console.log(`\nThe whole bill (prices: us-east-1, on-demand, no free tiers; see bench/cost.ts)`);
  console.log(
    `  Stack as deployed (synthesised): ${stack.alarms} alarms reading ${stack.alarmMetrics} metrics, ` +
      `${stack.dashboards} dashboard, ${customMetrics} custom metrics (${Object.values(METRIC).length - 1} names + ${rungs} rungs + ${stack.sesEventTypes} SES event types), ` +
      `${stack.secrets} secrets, ${stack.webAcls} web ACL with ${stack.wafRules} rules, ` +
      `${stack.malwarePlans} GuardDuty malware protection plan(s) (${stack.malwareBuckets.join(', ') || 'none'}), ` +
      `sweep every ${stack.sweepMinutes} min (${sweepsPerMonth.toFixed(0)} runs a month)`,
  );
  console.log(
    `  INIT of a cold start (its bundle imported, median of 5): API ${(init.api * 1000).toFixed(0)} ms, Tick ${(init.tick * 1000).toFixed(0)} ms, sweep ${(init.sweep * 1000).toFixed(0)} ms`,
  );
  console.log(
    `  One sweep run: ${sweepRun.calls} DynamoDB calls, ${sweepRun.read.toFixed(1)} read units, ${sweepRun.write.toFixed(1)} write units, ${sweepRun.ms.toFixed(0)} ms`,
  );
  console.log(
    `  One complaint with a silent agency: ${silent.emails} e-mails, ${(silent.logBytes / 1024).toFixed(1)} KB of log lines (+ ${ASSUME.platformLogBytes} B per invocation); both on time: ${onTime.emails} e-mails, ${(onTime.logBytes / 1024).toFixed(1)} KB`,
  );
  for (const [part, value] of Object.entries(complaint))
    console.log(`    ${part.padEnd(18)} ${usd(value, 6)}`);
  console.log(
    `  Marginal cost per complaint (at 300,000 a year): ${usd(marginal, 6)} (goal ≤ $0.001): ${marginal <= 0.001 ? 'met' : 'not met'}`,
  );
  console.log('  The margin by lifecycle and attachments (goal ≤ $0.001):');
  for (const [name, run] of [
    ['both on time', onTime],
    ['one silent', silent],
  ] as const)
    for (const files of [0, ASSUME.attachmentsPerComplaint]) {
      const parts = complaintCost(run, files);
      const total = sum(parts);
      console.log(
        `    ${name.padEnd(13)} ${files} attachment(s): ${usd(total, 6)} (SES ${usd(parts['SES (letters)'], 6)}, Step Functions ${usd(parts['Step Functions'], 6)}, S3 and GuardDuty ${usd(parts['S3 attachments'] + parts['GuardDuty scans'], 6)})${total <= 0.001 ? ': within the goal' : ''}`,
      );
    }
  for (const [perYear, coldShare] of [
    [1_200, 1],
    [300_000, ASSUME.coldStartShareAtScale],
  ] as const) {
    const bill = month(perYear, coldShare);
    const total = Object.values(bill).reduce((a, b) => a + b, 0);
    console.log(
      `  A month at ${perYear.toLocaleString('en')} complaints a year, ${ASSUME.staff} staff: ${usd(total)}` +
        (perYear === 1_200 ? ` (goal ≤ $40): ${total <= 40 ? 'met' : 'not met'}` : ''),
    );
    for (const [part, value] of Object.entries(bill))
      console.log(`    ${part.padEnd(48)} ${usd(value)}`);
  }
  client.destroy();
} finally {
  await db.stop();
}
