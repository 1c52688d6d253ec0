/**
 * Re-arming jobs on the local interpreter: the real ASL (ListPage, the Map over chunks,
 * Finish) with the real task handler, on DynamoDB Local. An edit answers with a job still
 * listing; the job re-arms every open assignment in a few batches, counts each once, and a
 * second run, a retried batch or a second edit changes nothing twice.
 */
import {
  type AssignmentRecord,
  Calendar,
  DomainError,
  listJobPage,
  type Mailer,
  type RearmJobRecord,
  rearmJobChunk,
  Service,
  type Store,
  TARGETS,
  withDeadlines,
} from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { LocalLadderEngine } from './engine.ts';
import { LocalJobRunner } from './jobs.ts';

// Two agencies each: 120 open assignments, two chunks (100 and 20), and more failures than a
// job records (100).
const CASES = 60;
/** The assignments in the second chunk (the first holds 100). */
const SECOND_CHUNK = 2 * CASES - 100;
const clock = manualClock('2026-03-16T03:00:00.000Z'); // a Monday
const mailer: Mailer = { send: async () => undefined };
let store: DynamoStore;
let engine: LocalLadderEngine;

/** A service whose jobs run on `runner` over `jobStore` (the real store, or one with faults). */
function wiring(jobStore: Store = store) {
  const runner = new LocalJobRunner({ store: jobStore, clock: clock.now, ladders: engine });
  const service = new Service({ store, clock: clock.now, ladders: engine, jobs: runner });
  return { runner, service };
}

beforeAll(async () => {
  store = await freshStore();
  engine = new LocalLadderEngine({ store, clock: clock.now, mailer });
  const { service } = wiring();
  await addAgencies(service, [{ id: 'polri' }, { id: 'pln' }]);
  // Six at a time, as officers would: the engine and the table work while the test waits.
  for (let i = 0; i < CASES; i += 6)
    await Promise.all(
      Array.from({ length: Math.min(6, CASES - i) }, () =>
        forwardedCase(service, ['polri', 'pln']),
      ),
    );
  await engine.runDue();
}, 240_000);

async function openAssignments(): Promise<AssignmentRecord[]> {
  const out: AssignmentRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listWorklist({ now: clock.now() }, { limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Assignments whose stored deadlines differ from the current calendar's. */
async function stale(): Promise<string[]> {
  const calendar = new Calendar((await store.getCalendar('id'))!);
  return (await openAssignments())
    .filter((a) => {
      const fresh = withDeadlines(a, calendar);
      return TARGETS.some((t) => fresh.due[t] !== a.due[t]);
    })
    .map((a) => `${a.caseId}/${a.agencyId}`);
}

/** `deadlines_recomputed` events per assignment written by `jobId`. */
async function recomputedEvents(jobId: string): Promise<number> {
  let n = 0;
  for (const a of await openAssignments()) {
    const timeline = await store.listTimeline(a.caseId, { limit: 100 });
    n += timeline.items.filter(
      (e) =>
        e.type === 'deadlines_recomputed' && e.agencyId === a.agencyId && e.data.jobId === jobId,
    ).length;
  }
  return n;
}

const ladderTokens = async () =>
  (await store.getLadders(await openAssignments())).map(
    (l) => `${l.caseId}/${l.agencyId}@${l.token}`,
  );

const jobOf = async (id: string): Promise<RearmJobRecord> => (await store.getJob(id))!;

describe('a calendar edit re-arms in a job (real ASL on the local interpreter)', () => {
  let jobId: string;

  it('answers with the job still listing, then re-arms every open assignment once', async () => {
    const { runner, service } = wiring();
    const change = await service.putCalendarDay(centralAdmin, 'id', {
      date: '2026-03-17',
      kind: 'other',
      name: 'Libur uji',
    });
    jobId = change.job.id;
    expect(change.job).toMatchObject({ state: 'listing', total: 0, done: 0, kind: 'calendar' });
    await runner.idle();
    const job = await service.getJob(centralOfficer, jobId);
    expect(job).toMatchObject({
      state: 'completed',
      total: 2 * CASES,
      done: 2 * CASES,
      failed: 0,
      moved: 2 * CASES,
      skipped: 0,
      failures: [],
    });
    expect(job.finishedAt).not.toBeNull();
    expect(await stale()).toEqual([]);
    expect(await recomputedEvents(jobId)).toBe(2 * CASES);
    // Nothing but the counters stays: the chunks went as they were counted.
    expect(await store.getJobChunk(jobId, 0)).toBeUndefined();
  }, 120_000);

  it('run twice, changes nothing twice', async () => {
    const { runner } = wiring();
    const tokens = await ladderTokens();
    const before = await jobOf(jobId);
    await runner.run(jobId);
    expect(await jobOf(jobId)).toEqual(before);
    expect(await ladderTokens()).toEqual(tokens);
    expect(await recomputedEvents(jobId)).toBe(2 * CASES);
  }, 120_000);

  it('counts a batch the ASL retried once, and re-arms its assignments once', async () => {
    // The batch's work is done but its count fails, once: the Map's Retry runs it again.
    let failures = 0;
    const flaky: Store = Object.create(store, {
      completeJobChunk: {
        value: async (...args: Parameters<Store['completeJobChunk']>) => {
          if (args[1] === 1 && failures++ === 0) throw new Error('lost on the way back');
          return store.completeJobChunk(...args);
        },
      },
    });
    const { runner, service } = wiring(flaky);
    const change = await service.deleteCalendarDay(centralAdmin, 'id', '2026-03-17');
    await runner.idle();
    expect(failures).toBe(2);
    const job = await jobOf(change.job.id);
    expect(job).toMatchObject({ state: 'completed', total: 2 * CASES, done: 2 * CASES, failed: 0 });
    // The retried batch found its assignments moved already: done, not moved again.
    expect(job.moved).toBe(2 * CASES - SECOND_CHUNK);
    expect(await stale()).toEqual([]);
    expect(await recomputedEvents(change.job.id)).toBe(2 * CASES);
  }, 120_000);

  it('ends on the latest calendar when a second edit comes while the first job runs', async () => {
    const { runner, service } = wiring();
    const first = await service.putCalendarDay(centralAdmin, 'id', {
      date: '2026-03-18',
      kind: 'other',
      name: 'Libur uji 1',
    });
    const second = await service.putCalendarDay(centralAdmin, 'id', {
      date: '2026-03-20',
      kind: 'other',
      name: 'Libur uji 2',
    });
    await runner.idle();
    expect(await stale()).toEqual([]);
    expect(await jobOf(first.job.id)).toMatchObject({
      state: 'superseded',
      supersededBy: second.job.id,
    });
    expect(await jobOf(second.job.id)).toMatchObject({
      state: 'completed',
      total: 2 * CASES,
      done: 2 * CASES,
    });
    // Each assignment moved once per holiday at most: the superseded job left its chunks alone
    // or re-armed them under both days, and then the second found them current.
    const first1 = await jobOf(first.job.id);
    expect(first1.done + first1.skipped).toBe(first1.total);
    for (const date of ['2026-03-18', '2026-03-20']) {
      const { runner: r, service: s } = wiring();
      await s.deleteCalendarDay(centralAdmin, 'id', date);
      await r.idle();
    }
    expect(await stale()).toEqual([]);
  }, 240_000);
});

describe('a chunk re-arms its cases side by side', () => {
  it('fails as a whole when the table throttles, with no write left running, and its retry re-arms each once', async () => {
    // The edit's job recorded and listed, its chunks not run yet.
    const idle = new Service({
      store,
      clock: clock.now,
      ladders: engine,
      jobs: { start: async () => undefined },
    });
    const { job } = await idle.putCalendarDay(centralAdmin, 'id', {
      date: '2026-03-25',
      kind: 'other',
      name: 'Libur uji',
    });
    const deps = { store, clock: clock.now, ladders: engine };
    expect(await listJobPage(deps, job.id)).toMatchObject({ listed: true, chunks: [0, 1] });
    // The table throttles the chunk's 10th write; the others take a while to answer.
    let commits = 0;
    let inFlight = 0;
    const throttled: Store = Object.create(store, {
      commit: {
        value: async (...args: Parameters<Store['commit']>) => {
          if (++commits === 10) throw new DomainError('service_unavailable', 'throttled');
          inFlight += 1;
          try {
            await new Promise((r) => setTimeout(r, 20));
            return await store.commit(...args);
          } finally {
            inFlight -= 1;
          }
        },
      },
    });
    await expect(rearmJobChunk({ ...deps, store: throttled }, job.id, 0)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    // The task answered once every lane had stopped: nothing of it writes on behind the retry.
    expect(inFlight).toBe(0);
    const written = commits - 1;
    expect(written).toBeGreaterThanOrEqual(9);
    expect(written).toBeLessThan(100);
    // The job run to its end (the Map's retry of the chunk): each assignment re-armed once.
    await wiring().runner.run(job.id);
    expect(await jobOf(job.id)).toMatchObject({
      state: 'completed',
      done: 2 * CASES,
      moved: 2 * CASES - written,
      failed: 0,
    });
    expect(await stale()).toEqual([]);
    expect(await recomputedEvents(job.id)).toBe(2 * CASES);
    // Put right: the day removed again.
    const again = wiring();
    await again.service.deleteCalendarDay(centralAdmin, 'id', '2026-03-25');
    await again.runner.idle();
    expect(await stale()).toEqual([]);
  }, 120_000);
});

describe('a policy edit re-arms in a job', () => {
  it('re-arms ladders when only the steps change, once, and records failures capped', async () => {
    const { runner, service } = wiring();
    const policy = await service.getPolicy('default');
    const { id: _id, version: _v, updatedAt: _u, ...body } = policy;
    const steps = body.ladder.map((s, i) => (i === 0 ? { ...s, offsetWorkingDays: -2 } : s));
    const saved = await service.putPolicy(centralAdmin, 'default', { ...body, ladder: steps });
    await runner.idle();
    expect(await jobOf(saved.job.id)).toMatchObject({
      state: 'completed',
      done: 2 * CASES,
      moved: 0,
      failed: 0,
    });
    const ladders = await store.getLadders(await openAssignments());
    expect(ladders.every((l) => l.policyVersion === saved.policy.version)).toBe(true);
    const tokens = await ladderTokens();
    await runner.run(saved.job.id);
    expect(await ladderTokens()).toEqual(tokens);

    // Every case read fails: each assignment is counted and the first 100 recorded.
    const broken: Store = Object.create(store, {
      getCase: {
        value: async () => {
          throw new Error('corrupt item');
        },
      },
    });
    const failing = wiring(broken);
    const again = await failing.service.putPolicy(centralAdmin, 'default', body);
    await failing.runner.idle();
    const job = await failing.service.getJob(centralOfficer, again.job.id);
    expect(job).toMatchObject({ state: 'completed', done: 0, failed: 2 * CASES });
    expect(job.failures).toHaveLength(100);
    expect(job.failures[0]).toMatchObject({ code: 'internal' });
    // Only central reads jobs; an unknown id is a 404.
    await expect(failing.service.getJob(officerOf('polri'), again.job.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      failing.service.getJob(centralOfficer, '01ARZ3NDEKTSV4RRFFQ69G5FAV'),
    ).rejects.toMatchObject({ code: 'not_found' });
    // Put right by the next run of the policy's job.
    const fixed = await service.putPolicy(centralAdmin, 'default', body);
    await runner.idle();
    expect(await jobOf(fixed.job.id)).toMatchObject({ state: 'completed', failed: 0 });
  }, 240_000);
});

/** A service whose runner is unreachable once (Step Functions throttled), then runs. */
function throttledOnce() {
  const { runner } = wiring();
  const tried: string[] = [];
  const service = new Service({
    store,
    clock: clock.now,
    ladders: engine,
    jobs: {
      start: async (jobId) => {
        tried.push(jobId);
        if (tried.length === 1) throw new DomainError('service_unavailable', 'throttled');
        return runner.start(jobId);
      },
    },
  });
  return { runner, service, tried };
}

describe('a policy edit answered 503 (its job’s start was throttled)', () => {
  it('is finished by the same PUT sent again on its version: the policy as saved, its job started', async () => {
    const { runner, service, tried } = throttledOnce();
    const { id: _id, version, updatedAt: _u, ...body } = await service.getPolicy('default');
    // The console sends the version its form was loaded at, and sends it again on a retry.
    const edit = {
      ...body,
      ladder: body.ladder.map((s, i) => (i === 0 ? { ...s, offsetWorkingDays: -3 } : s)),
      version,
    };
    await expect(service.putPolicy(centralAdmin, 'default', edit)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    const again = await service.putPolicy(centralAdmin, 'default', edit);
    expect(again.policy).toMatchObject({ version: version + 1, ladder: edit.ladder });
    expect(again.job.id).toBe(tried[0]);
    await runner.idle();
    expect(await jobOf(again.job.id)).toMatchObject({
      state: 'completed',
      done: 2 * CASES,
      failed: 0,
    });
    const ladders = await store.getLadders(await openAssignments());
    expect(ladders.every((l) => l.policyVersion === version + 1)).toBe(true);
    // Sent once more (that answer lost too): the same policy and its job, ended; none again.
    const thrice = await service.putPolicy(centralAdmin, 'default', edit);
    expect(thrice.policy).toEqual(again.policy);
    expect(thrice.job).toMatchObject({ id: tried[0], state: 'completed' });
    expect(tried).toEqual([tried[0], tried[0]]);
    // Another body on that version is another admin's save over it: refused.
    await expect(
      service.putPolicy(centralAdmin, 'default', { ...edit, minimumSample: 7 }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
  }, 240_000);

  it('records and starts the job of a policy saved without one (before jobs were saved with it)', async () => {
    const { runner, service } = wiring();
    const { id: _id, version, updatedAt: _u, ...body } = await service.getPolicy('default');
    const edit = {
      ...body,
      ladder: body.ladder.map((s, i) => (i === 0 ? { ...s, offsetWorkingDays: -2 } : s)),
    };
    // The save committed and its job was never recorded (its own write failed after it).
    await store.putPolicy(
      { ...edit, id: 'default', version: version + 1, updatedAt: clock.now().toISOString() },
      version,
    );
    const again = await service.putPolicy(centralAdmin, 'default', { ...edit, version });
    expect(again.policy.version).toBe(version + 1);
    await runner.idle();
    expect(await jobOf(again.job.id)).toMatchObject({ state: 'completed', failed: 0 });
    const ladders = await store.getLadders(await openAssignments());
    expect(ladders.every((l) => l.policyVersion === version + 1)).toBe(true);
  }, 240_000);
});

describe('a holiday removed whose job did not start', () => {
  const DAY = '2026-04-06';

  /** Adds the day, and waits until every open deadline counts it. */
  async function withHoliday() {
    const { runner, service } = wiring();
    await service.putCalendarDay(centralAdmin, 'id', { date: DAY, kind: 'other', name: 'Libur' });
    await runner.idle();
    expect(await stale()).toEqual([]);
  }

  it('is finished by the DELETE sent again: the same job, answered 202, and deadlines move', async () => {
    await withHoliday();
    // The runner is unreachable once (Step Functions throttled): the first DELETE answers 503.
    const { runner, service: once, tried } = throttledOnce();
    await expect(once.deleteCalendarDay(centralAdmin, 'id', DAY)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    const again = await once.deleteCalendarDay(centralAdmin, 'id', DAY);
    expect(again.job.id).toBe(tried[0]);
    await runner.idle();
    expect(await jobOf(again.job.id)).toMatchObject({ state: 'completed', failed: 0 });
    expect(await stale()).toEqual([]);
    // Once it has run, a DELETE of the day is a 404 again.
    await expect(once.deleteCalendarDay(centralAdmin, 'id', DAY)).rejects.toMatchObject({
      code: 'not_found',
    });
  }, 120_000);

  it('answers a DELETE of a day never there 404, whatever job of the calendar is under way', async () => {
    // Another admin's edit, its job recorded and not started yet (a runner that is slow).
    const idle = new Service({
      store,
      clock: clock.now,
      ladders: engine,
      jobs: { start: async () => undefined },
    });
    await idle.putCalendarDay(centralAdmin, 'id', { date: '2026-04-07', kind: 'other', name: 'X' });
    await expect(idle.deleteCalendarDay(centralAdmin, 'id', '2026-04-08')).rejects.toMatchObject({
      code: 'not_found',
    });
    // Put right: the day removed, by a service whose runner runs.
    const { runner, service } = wiring();
    await service.deleteCalendarDay(centralAdmin, 'id', '2026-04-07');
    await runner.idle();
    expect(await stale()).toEqual([]);
  }, 120_000);

  it('has its job recorded with it: a failure after the removal leaves no deadline behind', async () => {
    await withHoliday();
    const { runner } = wiring();
    // The job's own write fails where it is a write of its own (a throttled table).
    const lossy: Store = Object.create(store, {
      createJob: {
        value: async () => {
          throw new DomainError('service_unavailable', 'throttled');
        },
      },
    });
    const service = new Service({ store: lossy, clock: clock.now, ladders: engine, jobs: runner });
    const removal = await service
      .deleteCalendarDay(centralAdmin, 'id', DAY)
      .catch(() => service.deleteCalendarDay(centralAdmin, 'id', DAY));
    await runner.idle();
    expect(await jobOf(removal.job.id)).toMatchObject({ state: 'completed', failed: 0 });
    expect(await stale()).toEqual([]);
  }, 120_000);
});

describe('a calendar edit moves the case’s own deadlines too', () => {
  it('the deadline to verify and forward, and the complainant’s reply window', async () => {
    const { runner, service } = wiring();
    const received = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Made Wirawan' },
      subject: 'Irigasi rusak',
      description: 'Sawah kering.',
    });
    // Answered in full at once: the complainant's reply window opens.
    const { caseId } = await forwardedCase(service, ['polri']);
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Sudah diperbaiki.',
    });
    // As the tracking page shows it to the complainant.
    const closesAt = async () => (await store.getCase(caseId))!.case.replyWindow!.closesAt;
    const verifyBy = async () =>
      (await service.getCase(centralOfficer, received.id)).verificationDueAt;
    const before = { verifyBy: await verifyBy(), closesAt: await closesAt() };
    // A day off on each deadline's own last day (its WIB date: the instant ends that day).
    const lastDay = (iso: string) => iso.slice(0, 10);
    const days = [...new Set([lastDay(before.verifyBy), lastDay(before.closesAt)])];
    for (const date of days)
      await service.putCalendarDay(centralAdmin, 'id', { date, kind: 'other', name: 'Libur' });
    await runner.idle();
    expect(await verifyBy()).not.toBe(before.verifyBy);
    expect(Date.parse(await verifyBy())).toBeGreaterThan(Date.parse(before.verifyBy));
    expect(Date.parse(await closesAt())).toBeGreaterThan(Date.parse(before.closesAt));
    const extended = await closesAt();
    // Each case's timeline says which of its own deadlines moved, from when to when, and why.
    const recomputed = async (id: string) =>
      (await store.listTimeline(id, { limit: 100 })).items.filter(
        (e) => e.type === 'deadlines_recomputed' && e.agencyId === null,
      );
    expect(await recomputed(received.id)).toMatchObject([
      {
        actor: { role: 'central_admin' },
        data: {
          calendarId: 'id',
          before: { verification: before.verifyBy },
          after: { verification: await verifyBy() },
        },
      },
    ]);
    expect((await recomputed(caseId)).at(-1)).toMatchObject({
      data: { before: { reply_window: before.closesAt }, after: { reply_window: extended } },
    });
    // Removed again: the deadline to forward is back where it was; the window the complainant
    // was told of is not shortened.
    for (const date of days) await service.deleteCalendarDay(centralAdmin, 'id', date);
    await runner.idle();
    expect({ verifyBy: await verifyBy(), closesAt: await closesAt() }).toEqual({
      verifyBy: before.verifyBy,
      closesAt: extended,
    });
  }, 120_000);
});
