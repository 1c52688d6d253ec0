/**
 * Central's admin moves a member unit out of its focal point. The move gave back, inside its
 * PATCH and one case at a time, every assignment the focal point had ever delegated to the unit:
 * a unit given thousands over the years would pass the API's 29 s, and the admin's request
 * failed with the unit half-moved. The move now answers at once with the job that gives them
 * back (`delegationsJob`); the unit stops reading them at the save.
 */
import { DomainError, runRearmJob, Service, type JobRunner, type Store } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let store: Store;
let service: Service;
const clock = manualClock('2026-09-07T03:00:00.000Z');
const coordinator = officerOf('kemenkumham', 'agency_coordinator');
const unit = officerOf('kanwil-kumham-sulsel');

/** A runner that starts nothing: the job waits, as it would for Step Functions. */
const started: string[] = [];
const idleRunner: JobRunner = { start: async (id) => void started.push(id) };

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [
    { id: 'kemenkumham' },
    { id: 'kanwil-kumham-sulsel', focalPointId: 'kemenkumham' },
    { id: 'kanwil-kumham-jatim', focalPointId: 'kemenkumham' },
  ]);
}, 60_000);

/** `n` cases forwarded to the focal point and delegated to `member`; the first `ended` answered. */
async function delegatedCases(member: string, n: number, ended = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const { caseId } = await forwardedCase(service, ['kemenkumham']);
    await service.delegate(coordinator, caseId, 'kemenkumham', { memberId: member });
    if (i < ended) {
      await service.acknowledge(coordinator, caseId, 'kemenkumham');
      await service.respond(coordinator, caseId, 'kemenkumham', {
        kind: 'final',
        message: 'Sudah ditindaklanjuti.',
      });
    }
    ids.push(caseId);
  }
  return ids;
}

/** The store, counting the case writes (each give-back is one). */
function counting(): { store: Store; commits: () => number } {
  let commits = 0;
  const counted: Store = Object.create(store, {
    commit: {
      value: async (...args: Parameters<Store['commit']>) => {
        commits += 1;
        return store.commit(...args);
      },
    },
  });
  return { store: counted, commits: () => commits };
}

describe('a member unit moved out of its focal point', () => {
  it('is moved at once, its delegations given back by the job the move answers with', async () => {
    const ids = await delegatedCases('kanwil-kumham-sulsel', 6, 2);
    const { store: counted, commits } = counting();
    const admin = new Service({ store: counted, clock: clock.now, jobs: idleRunner });
    const moved = await admin.updateAgency(centralAdmin, 'kanwil-kumham-sulsel', {
      focalPointId: null,
    });
    // The request wrote the agency alone, however many cases the unit was given.
    expect(commits()).toBe(0);
    expect(moved.focalPointId).toBeNull();
    expect(moved.delegationsJob).toMatchObject({
      kind: 'member',
      scope: { kind: 'member', memberId: 'kanwil-kumham-sulsel', focalPointId: null },
      state: 'listing',
    });
    expect(started).toContain(moved.delegationsJob!.id);
    // At the save the unit reads none of them, though the job has not run: nor does its queue
    // list them (subjects, deadlines), open or ended.
    await expect(service.getCase(unit, ids[0]!)).rejects.toMatchObject({ code: 'not_found' });
    for (const state of [undefined, 'completed'] as const) {
      const queue = await service.queue(unit, { scope: 'own', limit: 100, state });
      expect(queue.items.filter((a) => ids.includes(a.caseId))).toEqual([]);
    }

    await runRearmJob({ store, clock: clock.now }, moved.delegationsJob!.id);
    const job = await service.getJob(centralAdmin, moved.delegationsJob!.id);
    expect(job).toMatchObject({ state: 'completed', total: 6, done: 6, moved: 6, failed: 0 });
    for (const id of ids) {
      const a = await service.getAssignment(coordinator, id, 'kemenkumham');
      expect(a.delegatedTo).toBeNull();
    }
    // Each with its reason on the timeline, the job named.
    const timeline = await service.timeline(coordinator, ids[4]!, { limit: 100 });
    expect(timeline.items.at(-1)).toMatchObject({
      type: 'assignment_delegated',
      data: {
        memberId: null,
        reason: 'member_left',
        formerMemberId: 'kanwil-kumham-sulsel',
        jobId: job.id,
      },
    });
    // The unit's queue, open and ended, no longer lists them.
    for (const state of [undefined, 'completed'] as const) {
      const queue = await service.queue(unit, { scope: 'own', limit: 100, state });
      expect(queue.items.filter((a) => ids.includes(a.caseId))).toEqual([]);
    }
    // Run again (a task retried): nothing given back twice.
    await runRearmJob({ store, clock: clock.now }, job.id);
    const again = await service.timeline(coordinator, ids[4]!, { limit: 100 });
    expect(again.items.length).toBe(timeline.items.length);
  }, 60_000);

  it('gives nothing back when the move’s save failed after its job was recorded', async () => {
    const ids = await delegatedCases('kanwil-kumham-jatim', 2);
    // The job is recorded; the agency's write then fails (the table throttled past the SDK's
    // retries): the unit is still the focal point's member.
    const failing: Store = Object.create(store, {
      putAgency: {
        value: async () => {
          throw new DomainError('service_unavailable', 'throttled');
        },
      },
    });
    const admin = new Service({ store: failing, clock: clock.now, jobs: idleRunner });
    const before = started.length;
    await expect(
      admin.updateAgency(centralAdmin, 'kanwil-kumham-jatim', { focalPointId: null }),
    ).rejects.toMatchObject({ code: 'service_unavailable' });
    // Started all the same (it superseded the unit's last job, whose work it carries on).
    expect(started.length).toBe(before + 1);
    const jobId = started.at(-1)!;
    await runRearmJob({ store, clock: clock.now }, jobId);
    expect(await service.getJob(centralAdmin, jobId)).toMatchObject({
      state: 'completed',
      total: 2,
      moved: 0,
    });
    for (const id of ids)
      expect((await service.getAssignment(coordinator, id, 'kemenkumham')).delegatedTo).toBe(
        'kanwil-kumham-jatim',
      );
    expect(await service.getCase(officerOf('kanwil-kumham-jatim'), ids[0]!)).toBeDefined();
    // An edit that does not move the unit carries no job.
    const renamed = await service.updateAgency(centralAdmin, 'kanwil-kumham-jatim', {
      name: 'Kanwil Kemenkumham Jatim',
    });
    expect(renamed.delegationsJob).toBeUndefined();
  }, 60_000);

  it('answers the same move sent again with its job, and starts it if it had not run', async () => {
    await addAgencies(service, [{ id: 'kanwil-kumham-bali', focalPointId: 'kemenkumham' }]);
    const ids = await delegatedCases('kanwil-kumham-bali', 2);
    const shown = await service.getAgency(centralAdmin, 'kanwil-kumham-bali');
    const move = { focalPointId: null, version: shown.version };
    const admin = new Service({ store, clock: clock.now, jobs: idleRunner });
    const first = await admin.updateAgency(centralAdmin, 'kanwil-kumham-bali', move);
    // The answer was lost; the admin presses Save again, this time where jobs run in the edit.
    const again = await service.updateAgency(centralAdmin, 'kanwil-kumham-bali', move);
    expect(again.delegationsJob).toMatchObject({ id: first.delegationsJob!.id, moved: 2 });
    for (const id of ids)
      expect((await service.getAssignment(centralOfficer, id, 'kemenkumham')).delegatedTo).toBe(
        null,
      );
  }, 60_000);
});
