/**
 * Benchmark: N concurrent assignment ladders (default 10,000) driven through 60 working days
 * of virtual time on the embedded engine (DynamoDB Local in memory, the real ASL on
 * aws-local-stepfunctions, the real Tick handler). Prints wall time, steps executed, missed
 * and duplicated steps, and Step Functions state transitions per assignment. No assertions.
 *
 * Beside it, in the same run: the floor (as many raw TransactWriteItems as steps, each the
 * shape of a real step's commit captured from the SDK, replayed under fresh keys at the
 * engine's concurrency) and the engine's wall time over it; the DynamoDB calls per step by
 * operation, over the whole run and for one letter step and one timer-only pass of a probe
 * ladder ticked alone (so its round trips are exact).
 *
 *   npm run bench                      # 10,000 ladders
 *   BENCH_LADDERS=1000 npm run bench   # a quicker run
 *   BENCH_CONCURRENCY=32 npm run bench # ladders ticked at a time (16), raw commits in flight alike
 */
import {
  type AssignmentRecord,
  Calendar,
  DEFAULT_POLICY,
  INITIAL_LADDER_STATE,
  projectLadder,
  type Mailer,
  shiftWorkingDays,
  localDate,
  endOfLocalDay,
} from '@pantau/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { ensureTable, LocalLadderEngine, startDynamoDbLocal } from '@pantau/local';
import { DynamoStore, keys, seedBaseline } from '@pantau/store';
import { tick, type TickResult } from '@pantau/workflow';
import { agencyItems, batchPut, forwardedRecords, localClient } from './support.ts';
import {
  type CallCount,
  countCalls,
  describeCalls,
  type Input,
  onSend,
  replayTransaction,
} from './sdk-trace.ts';

const N = Number(process.env.BENCH_LADDERS ?? 10_000);
const AGENCIES = 200;
const START = new Date('2026-03-16T03:00:00.000Z');
/** Ladders ticked at a time, and raw commits in flight for the floor (the same on both sides). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const db = await startDynamoDbLocal({ inMemory: true });
try {
  const client = localClient(db.endpoint);
  const store = new DynamoStore({ client, tableName: 'bench', searchKey: 'bench' });
  await ensureTable(client, 'bench');
  await seedBaseline(store, START);
  const calendar = new Calendar((await store.getCalendar('id'))!);
  let now = START;
  const clock = () => now;
  let delivered = 0;
  const mailer: Mailer = { send: async () => void (delivered += 1) };
  // Errors only: an execution that fails says why (a count alone hides it).
  const logger = new Logger({ serviceName: 'bench', logLevel: 'ERROR' });
  const engine = new LocalLadderEngine({ store, clock, mailer, logger, concurrency: CONCURRENCY });

  // Agencies, and N forwarded normative cases spread over them (bulk-loaded: the subject is the engine).
  const put = (items: Record<string, unknown>[]) => batchPut(store, items);
  const loadStarted = performance.now();
  await put(agencyItems(AGENCIES, START));
  const assignments: AssignmentRecord[] = [];
  const batch: Record<string, unknown>[] = [];
  for (let i = 0; i < N; i += 1) {
    const { c, a, ladder } = forwardedRecords(i, { agencies: AGENCIES, at: START, calendar });
    const agencyId = a.agencyId;
    assignments.push(a);
    batch.push(
      { ...keys.case(c.id), entity: 'case', ...c },
      {
        ...keys.assignment(c.id, agencyId),
        entity: 'assignment',
        gsi1pk: keys.queue(agencyId, 'open'),
        gsi1sk: `${a.due.acknowledge}#${c.id}#${agencyId}`,
        ...a,
      },
      {
        ...keys.ladder(c.id, agencyId),
        entity: 'ladder',
        gsi1pk: keys.timers,
        gsi1sk: `${ladder.wakeAt}#${c.id}#${agencyId}`,
        ...ladder,
      },
    );
  }
  await put(batch);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const probe = await probeTicks(client, calendar);

  // Every call the run makes, and the first letter step's commit (the floor's shape).
  const calls = new Map<string, number>();
  let commit: Input | undefined;
  let sweeping = false;
  const stopTracing = onSend(({ name, input }) => {
    if (sweeping) return; // the morning sweep's calls are the outbox's, not the steps'
    calls.set(name, (calls.get(name) ?? 0) + 1);
    if (
      !commit &&
      name === 'TransactWriteItems' &&
      (input.TransactItems as Input[]).some((t) => String(t.Put?.Item?.sk).startsWith('NOTIF#'))
    )
      commit = input;
  });

  // Drive the clock one calendar day at a time through 60 working days.
  const end = endOfLocalDay(
    shiftWorkingDays(calendar, localDate(START, 'Asia/Jakarta'), 60),
    'Asia/Jayapura',
  );
  // The engine runs each simulated day at 10:00 WIB: a step due at midnight runs late, in
  // letter hours, and its Tick sends the letter; one due on a weekend or a holiday is held to
  // the next working day's 08:00 and goes by the sweeps, timed apart, as on AWS it is the
  // sweep's Lambda. A sweep reads at most a page of the outbox (1,000 letters), so each day
  // sweeps until a sweep finds nothing more to do. On AWS a run takes 400 and runs every 15
  // minutes (about 12,800 a day's letter hours): the bench shows what is sent, not the backlog
  // AWS would carry after the holiday week.
  const started = performance.now();
  let days = 0;
  let sweepMs = 0;
  let sweeps = 0;
  for (
    now = START;
    now.getTime() <= end.getTime() + 86_400_000;
    now = new Date(now.getTime() + 86_400_000)
  ) {
    await engine.runDue();
    const swept = performance.now();
    sweeping = true;
    for (;;) {
      const run = await engine.sweep({ letterLimit: 1_000 });
      sweeps += 1;
      if (run.delivered + run.cancelledLetters + run.refused + run.failedLetters === 0) break;
    }
    sweeping = false;
    sweepMs += performance.now() - swept;
    days += 1;
  }
  const seconds = (performance.now() - started - sweepMs) / 1000;
  stopTracing();

  // What should have happened, against what did.
  const expected = new Map(
    assignments.map((a) => [
      `${a.caseId}/${a.agencyId}`,
      new Set(
        projectLadder(
          { ...INITIAL_LADDER_STATE, observedAt: a.forwardedAt },
          { assignment: a, steps: DEFAULT_POLICY.ladder, calendar, now: new Date(a.forwardedAt) },
          32,
        )
          .filter((e) => Date.parse(e.at) <= now.getTime())
          .map((e) => e.id),
      ),
    ]),
  );
  const seen = new Map<string, number>();
  // Every letter as it ended: cancelled (by a sweep or a Tick), or still in the outbox.
  let cancelled = 0;
  let pending = 0;
  let cursor: string | undefined;
  do {
    const page = await store.listNotifications({}, { limit: 100, cursor });
    for (const n of page.items) {
      const key = `${n.caseId}/${n.agencyId}#${n.stepId}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (n.status === 'cancelled') cancelled += 1;
      if (n.status === 'pending') pending += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  let missed = 0;
  let expectedSteps = 0;
  for (const [ref, ids] of expected) {
    expectedSteps += ids.size;
    for (const id of ids) if (!seen.has(`${ref}#${id}`)) missed += 1;
  }
  const duplicates = [...seen.values()].filter((count) => count > 1).length;
  const steps = [...seen.values()].reduce((a, b) => a + b, 0);

  // The floor: one raw transaction of the commit's shape per step, CONCURRENCY at a time.
  if (!commit) throw new Error('no letter step was committed');
  const shape = commit.TransactItems as Input[];
  const floorStarted = performance.now();
  let replayed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (replayed < steps) {
        replayed += 1;
        await replayTransaction(store.client, store.tableName, shape);
      }
    }),
  );
  const floor = (performance.now() - floorStarted) / 1000;

  const rows: [string, string][] = [
    ['ladders (assignments)', N.toLocaleString('en')],
    ['agencies (WIB / WITA / WIT)', String(AGENCIES)],
    ['virtual time', `${days} calendar days (60 working days from 2026-03-16)`],
    ['bulk load', `${loadSeconds.toFixed(1)} s`],
    ['wall time, engine', `${seconds.toFixed(1)} s`],
    [
      'floor (steps × raw commit)',
      `${floor.toFixed(1)} s (TransactWriteItems of ${shape.length} items, ${CONCURRENCY} at a time)`,
    ],
    ['wall time / floor', `${(seconds / floor).toFixed(2)}×`],
    ['steps executed (letters)', steps.toLocaleString('en')],
    ['steps expected', expectedSteps.toLocaleString('en')],
    ['steps per second', (steps / seconds).toFixed(0)],
    ['missed steps', String(missed)],
    ['duplicate steps', String(duplicates)],
    [
      'letters delivered',
      `${delivered.toLocaleString('en')} (the engine runs each day at 10:00 WIB, in letter hours, and its Tick sends them; those held, a weekend's or a holiday's, go by the sweeps: ${sweeps} runs, ${(sweepMs / 1000).toFixed(1)} s, apart from the engine's time)`,
    ],
    [
      'letters not sent',
      `${cancelled.toLocaleString('en')} cancelled (no longer true when their hour came), ${pending.toLocaleString('en')} still in the outbox at the end`,
    ],
    ['local runs (park/resume)', engine.stats.runs.toLocaleString('en')],
    ['ladder executions failed', engine.stats.failures.toLocaleString('en')],
    ['state transitions per assignment', (engine.stats.transitions / N).toFixed(1)],
    [
      'ticks',
      `${engine.stats.ticks.toLocaleString('en')} (${(engine.stats.ticks / steps).toFixed(2)} a step)`,
    ],
    ['calls per step (whole run)', describeCalls(calls, steps)],
    ['calls per tick (whole run)', describeCalls(calls, engine.stats.ticks)],
    ...probe,
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(
    `\nEscalation engine benchmark (${new Date().toISOString().slice(0, 10)}, ${process.version})`,
  );
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  await engine.stop();
  client.destroy();
} finally {
  await db.stop();
}

/**
 * One ladder of its own table ticked alone, wake after wake, its calls counted per tick: the
 * last tick that wrote a letter, the last that only moved its timer, the last that wrote
 * nothing (each as printed rows).
 */
async function probeTicks(client: ReturnType<typeof localClient>, calendar: Calendar) {
  const store = new DynamoStore({ client, tableName: 'probe', searchKey: 'bench' });
  await ensureTable(client, 'probe');
  await seedBaseline(store, START);
  await batchPut(store, agencyItems(1, START));
  const { c, a, ladder } = forwardedRecords(0, { agencies: 1, at: START, calendar });
  await batchPut(store, [
    { ...keys.case(c.id), entity: 'case', ...c },
    { ...keys.assignment(c.id, a.agencyId), entity: 'assignment', ...a },
    { ...keys.ladder(c.id, a.agencyId), entity: 'ladder', ...ladder },
  ]);
  // The policy and calendar as a running engine keeps them (else its first tick reads them).
  const { settingsVersion } = await store.getAgenciesAndSettingsVersion([]);
  await store.getPolicy(a.policyId, settingsVersion);
  await store.getCalendar(a.calendarId, settingsVersion);
  let now = START;
  const deps = { store, clock: () => now, mailer: { send: async () => undefined } };
  const kinds = new Map<string, CallCount>();
  const input = { caseId: c.id, agencyId: a.agencyId, generation: 1, token: 1 };
  for (let i = 0; i < 40; i += 1) {
    let result: TickResult | undefined;
    const count = await countCalls(async () => (result = await tick(deps, input)));
    const kind =
      result!.taken > 0
        ? 'letter step'
        : count.calls.has('TransactWriteItems')
          ? 'timer-only pass'
          : 'pass writing nothing';
    // The last of each kind: settings this process keeps are then read already.
    kinds.set(kind, count);
    if (result!.wakeAt === null) break;
    // The same instant again (nothing to write), then the wake.
    if (kind === 'letter step' && !kinds.has('pass writing nothing')) continue;
    now = new Date(result!.wakeAt);
  }
  return [...kinds].map(([kind, count]): [string, string] => [
    `calls, probe ${kind}`,
    `${describeCalls(count.calls)}; ${count.roundTrips} round trips`,
  ]);
}
