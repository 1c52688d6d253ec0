/**
 * A case forwarded to two agencies: one says "not ours", the other answers in full. Central
 * decides no other agency is needed: the redirect is settled without a re-forward, the case
 * resolves on the other's final answer, and the complainant's reply window opens. Before, the
 * case waited for a re-forward forever (central could only close it, and the complainant never
 * got to reply).
 */
import { Service } from '@pantau/core';
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

beforeAll(async () => {
  service = new Service({ store: await freshStore(), clock: clock.now });
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
