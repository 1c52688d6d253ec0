/**
 * Benchmark: N concurrent assignment ladders (default 10,000) driven through 60 working days
 * of virtual time on the embedded engine (DynamoDB Local in memory, the real ASL on
 * aws-local-stepfunctions, the real Tick handler). Prints wall time, steps executed, missed
 * and duplicated steps, and Step Functions state transitions per assignment. No assertions.
 *
 *   npm run bench                      # 10,000 ladders
 *   BENCH_LADDERS=1000 npm run bench   # a quicker run
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
import { ensureTable, LocalLadderEngine, startDynamoDbLocal } from '@pantau/local';
import { DynamoStore, keys, seedBaseline } from '@pantau/store';
import { agencyItems, batchPut, forwardedRecords, localClient } from './support.ts';

const N = Number(process.env.BENCH_LADDERS ?? 10_000);
const AGENCIES = 200;
const START = new Date('2026-03-16T03:00:00.000Z');

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
  const engine = new LocalLadderEngine({ store, clock, mailer, concurrency: 16 });

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

  // Drive the clock one calendar day at a time through 60 working days.
  const end = endOfLocalDay(
    shiftWorkingDays(calendar, localDate(START, 'Asia/Jakarta'), 60),
    'Asia/Jayapura',
  );
  const started = performance.now();
  let days = 0;
  for (
    now = START;
    now.getTime() <= end.getTime() + 86_400_000;
    now = new Date(now.getTime() + 86_400_000)
  ) {
    await engine.runDue();
    days += 1;
  }
  const seconds = (performance.now() - started) / 1000;

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
  let cursor: string | undefined;
  do {
    const page = await store.listNotifications({}, { limit: 100, cursor });
    for (const n of page.items) {
      const key = `${n.caseId}/${n.agencyId}#${n.stepId}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
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

  const rows: [string, string][] = [
    ['ladders (assignments)', N.toLocaleString('en')],
    ['agencies (WIB / WITA / WIT)', String(AGENCIES)],
    ['virtual time', `${days} calendar days (60 working days from 2026-03-16)`],
    ['bulk load', `${loadSeconds.toFixed(1)} s`],
    ['wall time, engine', `${seconds.toFixed(1)} s`],
    ['steps executed (letters)', steps.toLocaleString('en')],
    ['steps expected', expectedSteps.toLocaleString('en')],
    ['steps per second', (steps / seconds).toFixed(0)],
    ['missed steps', String(missed)],
    ['duplicate steps', String(duplicates)],
    ['letters delivered', delivered.toLocaleString('en')],
    ['local runs (park/resume)', engine.stats.runs.toLocaleString('en')],
    ['state transitions per assignment', (engine.stats.transitions / N).toFixed(1)],
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
