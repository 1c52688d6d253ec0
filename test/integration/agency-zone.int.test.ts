/**
 * Correcting an agency's time zone re-arms its open assignments in the new zone. An agency
 * created without a zone is in WIB; a Papua agency moved to WIT had its console switch at once
 * while its open deadlines, letters and ladder still ended at 23:59 WIB (01:59 WIT the next
 * day): each assignment kept the zone it was forwarded with.
 */
import { DomainError, runRearmJob, Service, type Store } from '@pantau/core';
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

const clock = manualClock('2026-04-13T02:00:00.000Z'); // Monday 13 April 2026, 09:00 WIB
let store: Store;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  // No runner: the edit's job runs to its end inside the edit.
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [
    { id: 'papua' },
    { id: 'papua-kab', focalPointId: 'papua' },
    { id: 'pln' },
  ]);
}, 60_000);

const assignmentOf = async (caseId: string, agencyId: string) =>
  (await service.getCase(centralOfficer, caseId)).assignments!.find(
    (a) => a.agencyId === agencyId,
  )!;

const recomputed = async (caseId: string) =>
  (await service.timeline(centralOfficer, caseId, { limit: 100 })).items.filter(
    (e) => e.type === 'deadlines_recomputed',
  );

describe('an agency moved from WIB to WIT', () => {
  it('has its open deadlines end at 23:59 WIT, once, and no other agency’s', async () => {
    const { caseId } = await forwardedCase(service, ['papua', 'pln']);
    // A second case, delegated to the member unit: still Papua's own assignment.
    const delegated = await forwardedCase(service, ['papua']);
    await service.delegate(officerOf('papua', 'agency_coordinator'), delegated.caseId, 'papua', {
      memberId: 'papua-kab',
    });
    // A third, paused all of Friday 17 April WIB (Thursday 17:00Z to Friday 17:00Z): a whole
    // working day in WIB, but 02:00 Friday to 02:00 Saturday in WIT, 22 hours of it: none.
    const paused = await forwardedCase(service, ['papua']);
    clock.set('2026-04-16T17:00:00.000Z');
    await service.pauseAssignment(officerOf('papua'), paused.caseId, 'papua', 'Menunggu pengadu');
    clock.set('2026-04-17T17:00:00.000Z');
    await service.resumeAssignment(officerOf('papua'), paused.caseId, 'papua');
    const pausedBefore = await assignmentOf(paused.caseId, 'papua');
    const tokens = async () =>
      (
        await store.getLadders([
          { caseId, agencyId: 'papua' },
          { caseId, agencyId: 'pln' },
        ])
      )
        .sort((a, b) => a.agencyId.localeCompare(b.agencyId))
        .map((l) => l.token);
    const [papuaToken, plnToken] = await tokens();
    const before = await assignmentOf(caseId, 'papua');
    const pln = await assignmentOf(caseId, 'pln');
    expect(before.timeZone).toBe('Asia/Jakarta');
    for (const due of Object.values(before.due)) expect(due).toMatch(/T16:59:59\.999Z$/);

    const edited = await service.updateAgency(centralAdmin, 'papua', {
      timeZone: 'Asia/Jayapura',
    });
    expect(edited.timeZone).toBe('Asia/Jayapura');

    for (const id of [caseId, delegated.caseId]) {
      const after = await assignmentOf(id, 'papua');
      expect(after.timeZone).toBe('Asia/Jayapura');
      // The same local days, ending at 23:59:59.999 WIT.
      for (const [target, due] of Object.entries(after.due))
        expect(due).toBe(
          before.due[target as keyof typeof before.due].slice(0, 10) + 'T14:59:59.999Z',
        );
    }
    expect(edited.job).toMatchObject({ kind: 'agency', state: 'completed', total: 3, moved: 3 });
    // The pause recounted in WIT: no working day, so the deadlines are the unpaused case's.
    const pausedAfter = await assignmentOf(paused.caseId, 'papua');
    expect(pausedAfter.timeZone).toBe('Asia/Jayapura');
    expect(pausedAfter.due).toEqual((await assignmentOf(caseId, 'papua')).due);
    expect(pausedAfter.due.resolution < pausedBefore.due.resolution).toBe(true);
    // Papua's ladder re-armed, PLN's left alone.
    expect(await tokens()).toEqual([papuaToken! + 1, plnToken]);
    expect((await assignmentOf(delegated.caseId, 'papua')).delegatedTo).toBe('papua-kab');
    expect(await assignmentOf(caseId, 'pln')).toEqual(pln);
    const events = await recomputed(caseId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ agencyId: 'papua' });

    // The same edit again changes nothing twice.
    const again = await service.updateAgency(centralAdmin, 'papua', {
      timeZone: 'Asia/Jayapura',
    });
    expect(again.job?.moved ?? 0).toBe(0);
    expect(await recomputed(caseId)).toHaveLength(1);
    expect(await recomputed(delegated.caseId)).toHaveLength(1);
  }, 60_000);
});

describe('a zone correction answered 503 (its job’s start was throttled)', () => {
  it('is finished by the same PATCH sent again on its version: the agency as saved, its job started', async () => {
    await addAgencies(service, [{ id: 'maluku' }]);
    const { caseId } = await forwardedCase(service, ['maluku']);
    // The runner is unreachable once (Step Functions throttled): the first PATCH answers 503.
    const tried: string[] = [];
    const deps = { store, clock: clock.now };
    const once = new Service({
      ...deps,
      jobs: {
        start: async (jobId) => {
          tried.push(jobId);
          if (tried.length === 1) throw new DomainError('service_unavailable', 'throttled');
          await runRearmJob(deps, jobId);
        },
      },
    });
    const { version } = await service.getAgency(centralAdmin, 'maluku');
    // The console sends the version its form was loaded at, and sends it again on a retry.
    const edit = { timeZone: 'Asia/Jayapura' as const, version };
    await expect(once.updateAgency(centralAdmin, 'maluku', edit)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    expect((await assignmentOf(caseId, 'maluku')).timeZone).toBe('Asia/Jakarta');

    const again = await once.updateAgency(centralAdmin, 'maluku', edit);
    expect(again).toMatchObject({ timeZone: 'Asia/Jayapura', version: version + 1 });
    expect(again.job?.id).toBe(tried[0]);
    expect(tried).toEqual([tried[0], tried[0]]);
    expect(await store.getJob(tried[0]!)).toMatchObject({ state: 'completed', moved: 1 });
    expect((await assignmentOf(caseId, 'maluku')).timeZone).toBe('Asia/Jayapura');
    expect(await recomputed(caseId)).toHaveLength(1);
    // Another edit made on that version is another admin's save over it: still refused.
    await expect(
      once.updateAgency(centralAdmin, 'maluku', { timeZone: 'Asia/Makassar', version }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
  }, 60_000);
});
