/**
 * A case forwarded to two agencies: one says "not ours", the other answers in full. Central
 * decides no other agency is needed: the redirect is settled without a re-forward, the case
 * resolves on the other's final answer, and the complainant's reply window opens. Before, the
 * case waited for a re-forward forever (central could only close it, and the complainant never
 * got to reply).
 */
import { type ActivityRecord, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-05-04T03:00:00.000Z'); // Monday 10:00 WIB
let service: Service;
let store: DynamoStore;

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }, { id: 'polri' }]);
}, 60_000);

describe('a redirect that needs no re-forward', () => {
  it('is settled by central, and the case resolves on the other agency’s final answer', async () => {
    const { caseId } = await forwardedCase(service, ['pln', 'polri']);
    clock.set('2026-05-05T03:00:00.000Z');
    await service.redirect(officerOf('pln'), caseId, 'pln', { reason: 'Bukan wewenang PLN' });
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Pungutan sudah dihentikan dan petugas diperiksa.',
    });
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('in_follow_up');
    const awaiting = async () =>
      (await service.worklist(centralOfficer, { awaitingReforward: true, limit: 100 })).items
        .filter((a) => a.caseId === caseId)
        .map((a) => a.agencyId);
    expect(await awaiting()).toEqual(['pln']);

    clock.set('2026-05-06T03:00:00.000Z');
    const settled = await service.withdrawAssignment(centralOfficer, caseId, 'pln', {
      reason: 'Sudah diselesaikan Polri; tidak perlu instansi lain.',
    });
    // What the agency said stays: not ours.
    expect(settled.state).toBe('redirected');
    const kase = await service.getCase(centralOfficer, caseId);
    expect(kase.status).toBe('resolved');
    expect(await awaiting()).toEqual([]);
    const events = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items;
    expect(events.find((e) => e.type === 'redirect_settled')).toMatchObject({
      agencyId: 'pln',
      data: { reason: 'Sudah diselesaikan Polri; tidak perlu instansi lain.' },
    });
    // The complainant may reply now: the reply window is open.
    const tracked = await service.track(kase.trackingCode!);
    expect(tracked.replyWindowClosesAt).not.toBeNull();

    // Settled once: again is a 409, and an open assignment is still withdrawn as before.
    await expect(
      service.withdrawAssignment(centralOfficer, caseId, 'pln', { reason: 'lagi' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});

const awaitingOf = async (caseId: string) =>
  (await service.worklist(centralOfficer, { awaitingReforward: true, limit: 100 })).items
    .filter((a) => a.caseId === caseId)
    .map((a) => a.agencyId);

const activityIds = async (status: 'proposed' | 'planned' | 'cancelled') =>
  (await service.listActivities(centralOfficer, { status, limit: 100 })).items.map((a) => a.id);

/** A clarification the escalation ladder proposed for Polri, as it writes one, now. */
const proposalOf = (caseId: string, id: string): ActivityRecord => {
  const at = clock.now().toISOString();
  return {
    id,
    caseId,
    kind: 'clarification',
    status: 'proposed',
    scheduledAt: null,
    agencyIds: ['polri'],
    participants: [],
    plan: 'Diusulkan oleh tangga eskalasi.',
    heldAt: null,
    outcome: null,
    summary: null,
    createdBy: 'escalation',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
};

describe('closing a case', () => {
  it('settles the redirect awaiting its re-forward and calls off its open activities, with events', async () => {
    clock.set('2026-05-11T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln', 'polri']);
    await service.redirect(officerOf('pln'), caseId, 'pln', { reason: 'Bukan wewenang PLN' });
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      scheduledAt: '2026-05-20T03:00:00.000Z',
      agencyIds: ['polri'],
    });
    // Central intervention's proposal, as the escalation ladder writes it.
    const proposal = proposalOf(caseId, '01KPROPOSALCLOSE0000000000');
    await store.commit({ activities: [{ record: proposal, expectedVersion: null }] });
    expect(await awaitingOf(caseId)).toEqual(['pln']);
    expect(await activityIds('proposed')).toContain(proposal.id);
    expect(await activityIds('planned')).toContain(planned.id);

    clock.set('2026-05-12T03:00:00.000Z');
    const closed = await service.closeCase(centralOfficer, caseId, {
      outcome: 'unresolved',
      note: 'Pengadu mencabut pengaduannya.',
    });
    expect(closed.status).toBe('closed');
    // Nothing of it is left on the desk: the case waits for nothing now.
    expect(await awaitingOf(caseId)).toEqual([]);
    expect(await activityIds('proposed')).not.toContain(proposal.id);
    expect(await activityIds('planned')).not.toContain(planned.id);
    expect(await activityIds('cancelled')).toEqual(
      expect.arrayContaining([proposal.id, planned.id]),
    );
    // "Not ours" is what PLN said: its assignment stays redirected, settled.
    expect((await service.getAssignment(centralOfficer, caseId, 'pln')).state).toBe('redirected');
    const events = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items;
    // The close's outcome, never central's note: that stays central's (agencies read these).
    const reason = 'Pengaduan ditutup (Tidak terselesaikan)';
    expect(events.filter((e) => e.type === 'redirect_settled')).toEqual([
      expect.objectContaining({ agencyId: 'pln', data: { reason } }),
    ]);
    expect(
      events
        .filter((e) => e.type === 'activity_cancelled')
        .map((e) => e.data['activityId'])
        .sort(),
    ).toEqual([proposal.id, planned.id].sort());
    expect(events.find((e) => e.type === 'activity_cancelled')).toMatchObject({
      data: { reason },
    });
    // All in the close's own transaction: one instant, the close last.
    const closing = events.filter((e) => e.at === '2026-05-12T03:00:00.000Z').map((e) => e.type);
    expect(closing).toEqual(
      expect.arrayContaining([
        'assignment_withdrawn',
        'redirect_settled',
        'activity_cancelled',
        'case_closed',
      ]),
    );
    // What PLN reads of it: the outcome, not the note.
    const asPln = await service.getAssignment(officerOf('pln'), caseId, 'pln');
    expect(asPln.redirect?.settled?.reason).toBe(reason);
    const plnTimeline = (await service.timeline(officerOf('pln'), caseId, { limit: 100 })).items;
    expect(JSON.stringify(plnTimeline)).not.toContain('mencabut');
  });

  it('keeps an activity already held to be reported: only those not yet held are called off', async () => {
    clock.set('2026-05-11T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['polri']);
    const held = await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      scheduledAt: '2026-05-12T03:00:00.000Z',
      agencyIds: ['polri'],
    });
    const later = await service.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      scheduledAt: '2026-05-25T03:00:00.000Z',
      agencyIds: ['polri'],
    });
    // The clarification took place on Tuesday; central closes the case on Wednesday, before
    // writing its report.
    clock.set('2026-05-13T03:00:00.000Z');
    await service.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    expect(await activityIds('planned')).toContain(held.id);
    expect(await activityIds('cancelled')).toContain(later.id);
    // Not given a new date: a planned activity on a closed case would stay for ever.
    await expect(
      service.scheduleActivity(centralOfficer, caseId, held.id, {
        scheduledAt: '2026-05-20T03:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    const reported = await service.reportActivity(centralOfficer, caseId, held.id, {
      heldAt: '2026-05-12T03:00:00.000Z',
      outcome: 'Polri memberi klarifikasi',
      summary: 'Polri menjelaskan langkah yang sudah diambil.',
    });
    expect(reported.status).toBe('done');
  });

  it('closes on the complainant’s word however many proposals it holds (past one transaction)', async () => {
    clock.set('2026-05-11T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['polri']);
    // Sixty proposals, as a ladder proposing one per silent agency could leave.
    const proposals = Array.from({ length: 60 }, (_, i) =>
      proposalOf(caseId, `01KPROPOSALMANY${String(i).padStart(11, '0')}`),
    );
    for (const run of [proposals.slice(0, 30), proposals.slice(30)])
      await store.commit({ activities: run.map((record) => ({ record, expectedVersion: null })) });
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Sudah diselesaikan.',
    });
    const { trackingCode } = await service.getCase(centralOfficer, caseId);
    await service.reply(trackingCode!, { satisfied: true, rating: 5 });
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('closed');
    const proposed = await activityIds('proposed');
    expect(proposals.filter((p) => proposed.includes(p.id))).toEqual([]);
  });

  it('calls off the activities not yet held however the case closes: the complainant satisfied', async () => {
    clock.set('2026-05-11T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['polri']);
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      scheduledAt: '2026-05-28T03:00:00.000Z',
      agencyIds: ['polri'],
    });
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'final',
      message: 'Sudah diselesaikan.',
    });
    const { trackingCode } = await service.getCase(centralOfficer, caseId);
    await service.reply(trackingCode!, { satisfied: true, rating: 5 });
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('closed');
    expect(await activityIds('planned')).not.toContain(planned.id);
    expect(await activityIds('cancelled')).toContain(planned.id);
  });
});

describe('a case left with no agency to act', () => {
  it('goes back to central’s “to forward” list when its only open assignment is withdrawn', async () => {
    clock.set('2026-05-18T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln']);
    clock.set('2026-05-18T05:00:00.000Z');
    await service.withdrawAssignment(centralOfficer, caseId, 'pln', {
      reason: 'Diteruskan ke instansi yang keliru.',
    });
    const kase = await service.getCase(centralOfficer, caseId);
    expect(kase.status).toBe('verified');
    const toForward = await service.listCases(centralOfficer, { status: 'verified', limit: 100 });
    expect(toForward.items.map((c) => c.id)).toContain(caseId);
    const events = (await service.timeline(centralOfficer, caseId, { limit: 100 })).items;
    expect(
      events.find((e) => e.type === 'case_status_changed' && e.at === clock.now().toISOString()),
    ).toMatchObject({ data: { from: 'forwarded', to: 'verified' } });
    // Forwarded to the right agency, it is forwarded again.
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'polri' }] });
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('forwarded');
  });

  it('refuses to settle its only redirect with no other agency on it: a forward is needed', async () => {
    clock.set('2026-05-19T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln']);
    await service.redirect(officerOf('pln'), caseId, 'pln', { reason: 'Bukan wewenang PLN' });
    await expect(
      service.withdrawAssignment(centralOfficer, caseId, 'pln', { reason: 'Tidak perlu.' }),
    ).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringMatching(/forward/),
    });
    // Still waiting for its re-forward, where central sees it.
    expect(await awaitingOf(caseId)).toEqual(['pln']);
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('forwarded');

    // With another agency still working on it, settling is allowed.
    const other = await forwardedCase(service, ['pln', 'polri']);
    await service.redirect(officerOf('pln'), other.caseId, 'pln', { reason: 'Bukan wewenang PLN' });
    const settled = await service.withdrawAssignment(centralOfficer, other.caseId, 'pln', {
      reason: 'Cukup Polri.',
    });
    expect(settled.state).toBe('redirected');
    expect(await awaitingOf(other.caseId)).toEqual([]);
  });
});
