/**
 * A re-arming job that stopped (`failed`: a task kept failing after its retries) could not be
 * carried on. The console told the admin to save the edit again: a removed holiday is no longer
 * listed (its DELETE sent again is a 404), and the same time zone saved again starts nothing,
 * so the agency's open deadlines stayed split between two zones. `POST /v1/jobs/{id}/retry`
 * carries it on with a new job of the same scope and reason.
 */
import {
  finishJob,
  listJobPage,
  runRearmJob,
  Service,
  type JobRunner,
  type Store,
} from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-04-13T02:00:00.000Z'); // Monday 13 April 2026, 09:00 WIB
let store: Store;
/** Jobs run to their end inside the request (no runner). */
let service: Service;
/** Jobs recorded and "started" on a runner that does nothing: they wait, to be failed by hand. */
let idle: Service;
const idleRunner: JobRunner = { start: async () => undefined };

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  idle = new Service({ store, clock: clock.now, jobs: idleRunner });
  await addAgencies(service, [{ id: 'papua' }, { id: 'polri' }]);
}, 60_000);

/** The job stops as Step Functions' `FinishFailed` records it: after listing, before re-arming. */
async function failed(jobId: string) {
  const deps = { store, clock: clock.now };
  while (!(await listJobPage(deps, jobId)).listed);
  await finishJob(deps, jobId, 'States.TaskFailed');
  expect(await service.getJob(centralAdmin, jobId)).toMatchObject({ state: 'failed', done: 0 });
}

const dueOf = async (caseId: string, agencyId: string) =>
  (await service.getAssignment(centralOfficer, caseId, agencyId)).due;

describe('a job that stopped', () => {
  it('after a time zone corrected is carried on: the deadlines end in the new zone', async () => {
    const { caseId } = await forwardedCase(service, ['papua']);
    const before = await dueOf(caseId, 'papua');
    const edit = await idle.updateAgency(centralAdmin, 'papua', { timeZone: 'Asia/Jayapura' });
    await failed(edit.job!.id);
    expect(await dueOf(caseId, 'papua')).toEqual(before);
    // Saving the same zone again starts nothing (the zone is saved): that was the only advice.
    const saved = await service.getAgency(centralAdmin, 'papua');
    const again = await service.updateAgency(centralAdmin, 'papua', {
      timeZone: 'Asia/Jayapura',
      version: saved.version,
    });
    expect(again.job).toBeUndefined();
    expect(await dueOf(caseId, 'papua')).toEqual(before);

    const carried = await service.retryJob(centralAdmin, edit.job!.id);
    expect(carried).toMatchObject({
      kind: 'agency',
      scope: { kind: 'agency', agencyId: 'papua' },
      state: 'completed',
      done: 1,
      moved: 1,
    });
    expect(carried.id).not.toBe(edit.job!.id);
    // 23:59 WIT is two hours before 23:59 WIB.
    const after = await dueOf(caseId, 'papua');
    expect(Date.parse(before.acknowledge) - Date.parse(after.acknowledge)).toBe(2 * 3600_000);
    // The job it carried on says it stopped; asked again, the one that carried on answers.
    expect(await service.getJob(centralAdmin, edit.job!.id)).toMatchObject({ state: 'failed' });
    expect(await service.retryJob(centralAdmin, edit.job!.id)).toMatchObject({ id: carried.id });
    // That one completed with nothing failed: nothing to carry on.
    await expect(service.retryJob(centralAdmin, carried.id)).rejects.toMatchObject({
      code: 'invalid_transition',
    });
  }, 60_000);

  it('after a holiday removed is carried on, though the day can no longer be removed', async () => {
    const DAY = '2026-04-20';
    await service.putCalendarDay(centralAdmin, 'id', { date: DAY, kind: 'other', name: 'Libur' });
    const { caseId } = await forwardedCase(service, ['polri']);
    const withHoliday = await dueOf(caseId, 'polri');
    const removal = await idle.deleteCalendarDay(centralAdmin, 'id', DAY);
    await failed(removal.job.id);
    await expect(service.deleteCalendarDay(centralAdmin, 'id', DAY)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await dueOf(caseId, 'polri')).toEqual(withHoliday);

    const carried = await service.retryJob(centralAdmin, removal.job.id);
    expect(carried).toMatchObject({ kind: 'calendar', state: 'completed', failed: 0 });
    expect(carried.moved).toBeGreaterThan(0);
    const after = await dueOf(caseId, 'polri');
    expect(Date.parse(after.followUp)).toBeLessThan(Date.parse(withHoliday.followUp));
  }, 60_000);

  it('is central’s admin’s to carry on, and an unknown job is a 404', async () => {
    const { job } = await idle.putCalendarDay(centralAdmin, 'id', {
      date: '2026-05-04',
      kind: 'other',
      name: 'Libur',
    });
    await expect(service.retryJob(centralOfficer, job.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      service.retryJob(centralAdmin, '01JQ0000000000000000000000'),
    ).rejects.toMatchObject({ code: 'not_found' });
    // Under way (its runner slow): started, not doubled.
    expect(await service.retryJob(centralAdmin, job.id)).toMatchObject({
      id: job.id,
      state: 'completed',
    });
  }, 60_000);
});

describe('a job whose execution died without a word (its record still under way)', () => {
  it('is started while it may still run, and carried on by a new job once it has stood still', async () => {
    const { job } = await idle.putCalendarDay(centralAdmin, 'id', {
      date: '2026-05-11',
      kind: 'other',
      name: 'Libur',
    });
    // On AWS a start under the same execution name starts nothing: the idle runner is that.
    expect(await idle.retryJob(centralAdmin, job.id)).toMatchObject({ id: job.id });
    // Fifteen minutes without its record moving (every page and chunk moves it): stopped.
    clock.set(new Date(clock.now().getTime() + 16 * 60_000).toISOString());
    const carried = await idle.retryJob(centralAdmin, job.id);
    expect(carried.id).not.toBe(job.id);
    expect(carried).toMatchObject({ kind: 'calendar', state: 'listing' });
    // The new one supersedes it; run, it re-arms the calendar's scope.
    await runRearmJob({ store, clock: clock.now }, carried.id);
    expect(await service.getJob(centralAdmin, carried.id)).toMatchObject({ state: 'completed' });
  }, 60_000);
});

describe('a job whose last task fails (real ASL on the local interpreter)', () => {
  it('says it stopped, instead of running for ever', async () => {
    const { LocalJobRunner } = await import('../../packages/local/src/jobs.ts');
    // The cases' own deadlines, the last task's work, cannot be read (the table throttled
    // past every retry).
    const failing: Store = Object.create(store, {
      listCases: {
        value: async () => {
          throw new Error('throttled');
        },
      },
    });
    const runner = new LocalJobRunner({ store: failing, clock: clock.now });
    const withRunner = new Service({ store, clock: clock.now, jobs: runner });
    const { job } = await withRunner.putCalendarDay(centralAdmin, 'id', {
      date: '2026-05-05',
      kind: 'other',
      name: 'Libur',
    });
    await runner.idle();
    expect(await service.getJob(centralAdmin, job.id)).toMatchObject({ state: 'failed' });
  }, 60_000);
});
