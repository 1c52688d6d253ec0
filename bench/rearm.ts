/**
 * Benchmark: a holiday added with N open assignments (default 20,000) on the embedded runtime's
 * parts (DynamoDB Local in memory, the Hono app over a real JWT, the re-arm ASL on
 * aws-local-stepfunctions with the real task handler). Prints the edit request's own latency
 * (it answers 202 once the job is recorded) and the time the job takes to re-arm every
 * assignment, then the same edit's job run again (everything current: nothing changes), then
 * the removal's preview (what the admin's confirmation waits for) and the removal. The
 * ladders' executions are counted, not run: their cost is `bench/ladders.ts`'s subject.
 *
 *   npm run bench:rearm                       # 20,000 assignments
 *   BENCH_ASSIGNMENTS=2000 npm run bench:rearm  # a quicker run
 */
import { Calendar, type LadderStarter } from '@pantau/core';
import { createApp } from '@pantau/api';
import { ensureTable, LocalJobRunner, startDynamoDbLocal } from '@pantau/local';
import { assignmentItem, DynamoStore, keys, seedBaseline } from '@pantau/store';
import { agencyItems, batchPut, forwardedRecords, benchAuth, localClient } from './support.ts';

const N = Number(process.env.BENCH_ASSIGNMENTS ?? 20_000);
const AGENCIES = 200;
const START = new Date('2026-03-16T03:00:00.000Z'); // a Monday
const HOLIDAY = '2026-03-17'; // inside every assignment's first deadline: all of them move

const db = await startDynamoDbLocal({ inMemory: true });
try {
  const client = localClient(db.endpoint);
  const store = new DynamoStore({ client, tableName: 'bench' });
  await ensureTable(client, 'bench');
  await seedBaseline(store, START);
  const calendar = new Calendar((await store.getCalendar('id'))!);
  const clock = () => START;
  let armed = 0;
  const ladders: LadderStarter = { arm: async () => void (armed += 1) };
  const jobs = new LocalJobRunner({ store, clock, ladders });
  const { verifier, sign } = await benchAuth();
  const app = createApp({ store, verifier, clock, ladders, jobs });
  const admin = await sign('setneg', 'central_admin');

  // N open assignments with their cases and ladders, bulk-loaded (the subject is the job).
  const loadStarted = performance.now();
  const items: Record<string, unknown>[] = [...agencyItems(AGENCIES, START)];
  for (let i = 0; i < N; i += 1) {
    const { c, a, ladder } = forwardedRecords(i, {
      agencies: AGENCIES,
      at: START,
      calendar,
      wakeAt: 'acknowledge',
    });
    const agencyId = a.agencyId;
    items.push({ ...keys.case(c.id), entity: 'case', ...c }, assignmentItem(a), {
      ...keys.ladder(c.id, agencyId),
      entity: 'ladder',
      ...ladder,
    });
  }
  await batchPut(store, items);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  /** The edit over HTTP, then its job to the end: both timed. */
  const edit = async (method: 'PUT' | 'DELETE') => {
    const started = performance.now();
    const res = await app.request(`/v1/calendars/id/days/${HOLIDAY}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      ...(method === 'PUT' ? { body: JSON.stringify({ kind: 'other', name: 'Libur uji' }) } : {}),
    });
    const requestMs = performance.now() - started;
    if (res.status !== 202)
      throw new Error(`${method} answered ${res.status}: ${await res.text()}`);
    const { job } = (await res.json()) as { job: { id: string } };
    await jobs.idle();
    const jobSeconds = (performance.now() - started) / 1000;
    return { requestMs, jobSeconds, job: (await store.getJob(job.id))! };
  };

  const add = await edit('PUT');
  const armedByAdd = armed;
  // The same job again: every assignment is current, so it reads and changes nothing.
  const againStarted = performance.now();
  await jobs.run(add.job.id);
  const againSeconds = (performance.now() - againStarted) / 1000;
  // What the admin's confirmation waits for before the removal: what it would move.
  const impactStarted = performance.now();
  const impactRes = await app.request(`/v1/calendars/id/days/${HOLIDAY}/impact`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  const impactMs = performance.now() - impactStarted;
  if (impactRes.status !== 200)
    throw new Error(`impact answered ${impactRes.status}: ${await impactRes.text()}`);
  const impact = (await impactRes.json()) as { assignments: number; deadlines: number };
  const remove = await edit('DELETE');

  const rows: [string, string][] = [
    ['open assignments', N.toLocaleString('en')],
    ['bulk load (cases, assignments, ladders)', `${loadSeconds.toFixed(1)} s`],
    ['add a holiday: the request (202)', `${add.requestMs.toFixed(0)} ms`],
    ['add a holiday: the job, to the end', `${add.jobSeconds.toFixed(1)} s`],
    ['  assignments per second', (N / add.jobSeconds).toFixed(0)],
    [
      '  total / done / moved / failed',
      [add.job.total, add.job.done, add.job.moved, add.job.failed].join(' / '),
    ],
    ['  chunks (batches)', String(add.job.chunks)],
    ['  ladders re-armed (executions started)', armedByAdd.toLocaleString('en')],
    ['the same job run again (all current)', `${againSeconds.toFixed(1)} s`],
    ['remove it: what it would move (the preview)', `${impactMs.toFixed(0)} ms`],
    [
      '  assignments / deadlines it would move',
      [impact.assignments, impact.deadlines].map((n) => n.toLocaleString('en')).join(' / '),
    ],
    ['remove it: the request (202)', `${remove.requestMs.toFixed(0)} ms`],
    ['remove it: the job, to the end', `${remove.jobSeconds.toFixed(1)} s`],
    ['  total / done / moved', [remove.job.total, remove.job.done, remove.job.moved].join(' / ')],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(
    `\nRe-arming benchmark (${new Date().toISOString().slice(0, 10)}, ${process.version})`,
  );
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  await jobs.stop();
  client.destroy();
} finally {
  await db.stop();
}
