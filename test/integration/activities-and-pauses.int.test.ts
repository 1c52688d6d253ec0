/**
 * Monitoring activities, requests for more time and pauses, as central and the agencies use
 * them (through the service, on DynamoDB Local). An audit found:
 * - central's note on a decision about more time was kept on the request only, which no one
 *   reads once decided: the agency never learnt why it was refused;
 * - an activity could be planned on a closed case (from a page left open), where it stayed on
 *   the desk for good, and with an agency that cannot read the case, or the same one twice;
 * - a paused assignment withdrawn, or its case closed, stayed paused for ever, and a resume then
 *   moved the deadlines of an assignment that had ended.
 * - nothing bounded the open activities on a case, while its view carries every one: some 130
 *   with long plans took `GET /v1/cases/{id}` past what one response can carry.
 */
import { type ActivityRecord, Service, type Store } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let service: Service;
let store: Store;
const clock = manualClock('2026-09-07T03:00:00.000Z'); // Monday 10:00 WIB
const polri = officerOf('polri');

beforeAll(async () => {
  service = new Service({ store: (store = await freshStore()), clock: clock.now });
  await addAgencies(service, [
    { id: 'polri' },
    { id: 'pemprov' },
    { id: 'kemendagri' },
    { id: 'pemkab', focalPointId: 'kemendagri' },
    { id: 'pln' },
  ]);
}, 60_000);

const newest = async (who: typeof polri, caseId: string) =>
  (await service.timeline(who, caseId, { limit: 5, order: 'newest' })).items;

describe('a decision on a request for more time', () => {
  it('gives the agency central’s note, on the decision it reads', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    const asked = await service.requestExtension(polri, caseId, 'polri', {
      workingDays: 10,
      reason: 'Menunggu putusan pengadilan',
    });
    const note = 'Lampirkan jadwal sidang, lalu ajukan lagi.';
    await service.decideExtension(centralOfficer, caseId, 'polri', asked.id, {
      approve: false,
      note,
    });
    const [decided] = await newest(polri, caseId);
    expect(decided).toMatchObject({ type: 'extension_refused', data: { note, workingDays: 10 } });
  }, 60_000);
});

describe('planning an activity', () => {
  it('is refused on a case that is over (a page left open), and nothing is written', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    await service.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    const events = (await newest(centralOfficer, caseId)).length;
    await expect(
      service.planActivity(centralOfficer, caseId, { kind: 'mediation', agencyIds: ['polri'] }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await service.getCase(centralOfficer, caseId)).activities).toEqual([]);
    expect((await newest(centralOfficer, caseId)).length).toBe(events);
  }, 60_000);

  it('takes only agencies that read the case: its own, or a focal point of one of its units', async () => {
    const { caseId } = await forwardedCase(service, ['polri', 'pemkab']);
    // PLN has no assignment on the case: it could never open it to read the activity.
    await expect(
      service.planActivity(centralOfficer, caseId, {
        kind: 'case_conference',
        agencyIds: ['polri', 'pln'],
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'agencyIds.1', message: expect.stringContaining('not on this case') }],
    });
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'case_conference',
      agencyIds: ['polri', 'kemendagri'],
    });
    expect(planned.agencyIds).toEqual(['polri', 'kemendagri']);
    // Kemendagri reads it through its member unit's assignment.
    const seen = await service.getCase(officerOf('kemendagri'), caseId);
    expect(seen.activities.map((a) => a.id)).toEqual([planned.id]);
  }, 60_000);

  it('takes a member unit its focal point delegated the case to', async () => {
    const { caseId } = await forwardedCase(service, ['kemendagri']);
    await service.delegate(officerOf('kemendagri', 'agency_coordinator'), caseId, 'kemendagri', {
      memberId: 'pemkab',
    });
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      agencyIds: ['pemkab'],
    });
    const seen = await service.getCase(officerOf('pemkab'), caseId);
    expect(seen.activities.map((a) => a.id)).toEqual([planned.id]);
  }, 60_000);
});

describe('the open activities of a case, which its view carries every one of', () => {
  /** The cap the README documents: at most 50 open (proposed or planned) on a case. */
  const CAP = 50;
  const activity = (
    caseId: string,
    i: number,
    status: 'planned' | 'proposed',
    agencyIds: string[] = [],
  ): ActivityRecord => ({
    id: `01K0000000000000000000${String(i).padStart(4, '0')}`,
    caseId,
    kind: status === 'proposed' ? 'clarification' : 'coordination',
    status,
    scheduledAt: null,
    agencyIds,
    participants: [],
    plan: status === 'proposed' ? 'Diusulkan oleh tangga eskalasi' : `Rencana ${i}`,
    heldAt: null,
    outcome: null,
    summary: null,
    createdBy: status === 'proposed' ? 'escalation' : 'o1',
    createdAt: clock.now().toISOString(),
    updatedAt: clock.now().toISOString(),
    version: 1,
  });

  it('refuses a plan past the cap with a 422 naming it, and writes nothing', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    // 49 planned by central and one clarification the ladder proposed: 50 open.
    await store.commit({
      activities: [
        ...Array.from({ length: CAP - 1 }, (_, i) => activity(caseId, i, 'planned')),
        activity(caseId, CAP - 1, 'proposed', ['polri']),
      ].map((record) => ({ record, expectedVersion: null })),
    });
    const before = (await service.getCase(centralOfficer, caseId)).version;
    const events = (await newest(centralOfficer, caseId)).length;
    await expect(
      service.planActivity(centralOfficer, caseId, { kind: 'mediation', plan: 'Satu lagi' }),
    ).rejects.toMatchObject({ code: 'limit_exceeded', limit: 'open_activities' });
    const after = await service.getCase(centralOfficer, caseId);
    expect(after.activities).toHaveLength(CAP);
    expect(after.version).toBe(before);
    expect((await newest(centralOfficer, caseId)).length).toBe(events);
    // One reported (or called off) makes room for the next.
    await service.cancelActivity(centralOfficer, caseId, after.activities[0]!.id, {
      reason: 'Direncanakan dua kali',
    });
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      plan: 'Satu lagi',
    });
    expect(planned.status).toBe('planned');
  }, 60_000);

  it('takes a ladder proposal up only while the planned ones are under the cap', async () => {
    // 50 planned, and a proposal the ladder wrote beyond them (it is never refused).
    const { caseId } = await forwardedCase(service, ['polri']);
    await store.commit({
      activities: [
        ...Array.from({ length: CAP }, (_, i) => activity(caseId, i, 'planned')),
        activity(caseId, CAP, 'proposed', ['polri']),
      ].map((record) => ({ record, expectedVersion: null })),
    });
    const proposal = activity(caseId, CAP, 'proposed').id;
    const take = () =>
      service.scheduleActivity(centralOfficer, caseId, proposal, {
        scheduledAt: '2026-09-14T03:00:00.000Z',
        plan: 'Klarifikasi dengan Polri',
      });
    await expect(take()).rejects.toMatchObject({
      code: 'limit_exceeded',
      limit: 'open_activities',
    });
    const held = (await service.getCase(centralOfficer, caseId)).activities;
    expect(held.find((a) => a.id === proposal)).toMatchObject({ status: 'proposed' });
    // Moving one already planned is not taking one more up.
    const moved = await service.scheduleActivity(centralOfficer, caseId, held[0]!.id, {
      scheduledAt: '2026-09-15T03:00:00.000Z',
    });
    expect(moved.status).toBe('planned');
    await service.cancelActivity(centralOfficer, caseId, held[1]!.id, { reason: 'Tidak perlu' });
    expect(await take()).toMatchObject({ status: 'planned', plan: 'Klarifikasi dengan Polri' });
  }, 60_000);
});

describe('a paused assignment that ends by central’s hand', () => {
  const pausedCase = async () => {
    const { caseId } = await forwardedCase(service, ['polri', 'pemprov']);
    await service.pauseAssignment(polri, caseId, 'polri', 'Menunggu putusan pengadilan');
    clock.set('2026-09-10T03:00:00.000Z');
    return caseId;
  };

  it('withdrawn, is no longer paused: its pause is ended on the record, and a resume moves nothing', async () => {
    const caseId = await pausedCase();
    const withdrawn = await service.withdrawAssignment(centralOfficer, caseId, 'polri', {
      reason: 'Salah instansi',
    });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', paused: false });
    expect((await newest(polri, caseId)).map((e) => e.type).slice(0, 2)).toEqual([
      'assignment_withdrawn',
      'assignment_resumed',
    ]);
    const before = (await newest(polri, caseId)).length;
    const again = await service.resumeAssignment(polri, caseId, 'polri');
    expect(again).toMatchObject({ state: 'withdrawn', paused: false, due: withdrawn.due });
    expect((await newest(polri, caseId)).length).toBe(before);
  }, 60_000);

  it('withdrawn while paused before withdrawals ended pauses, reads as not paused', async () => {
    const caseId = await pausedCase();
    // As an earlier release left it: withdrawn, its pause still on the record.
    const bundle = (await store.getCase(caseId))!;
    const a = bundle.assignments.find((x) => x.agencyId === 'polri')!;
    await store.commit({
      assignments: [
        {
          record: { ...a, state: 'withdrawn', version: a.version + 1 },
          expectedVersion: a.version,
        },
      ],
    });
    const read = await service.getAssignment(polri, caseId, 'polri');
    expect(read).toMatchObject({ state: 'withdrawn', paused: false });
    await expect(service.resumeAssignment(polri, caseId, 'polri')).rejects.toMatchObject({
      code: 'invalid_transition',
    });
  }, 60_000);

  it('on a case that is closed, is withdrawn with its pause ended', async () => {
    const caseId = await pausedCase();
    const closed = await service.closeCase(centralOfficer, caseId, { outcome: 'unresolved' });
    expect(closed.assignments.map((a) => [a.agencyId, a.state, a.paused])).toEqual([
      ['pemprov', 'withdrawn', false],
      ['polri', 'withdrawn', false],
    ]);
    const types = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items
      .filter((e) => e.agencyId === 'polri')
      .map((e) => e.type);
    expect(types.slice(-3)).toEqual([
      'assignment_paused',
      'assignment_resumed',
      'assignment_withdrawn',
    ]);
  }, 60_000);
});
