/**
 * A focal point delegates its assignment to a member unit; the assignment ends (withdrawn, or
 * answered and the case reopened) and central forwards the case to the focal point again. The
 * new forwarding dropped the delegation without a word: the unit lost the case from its queue
 * (a 404 on it), and the coordinator's timeline still ended with "Didelegasikan ke …".
 */
import { centralAdmin, centralOfficer, officerOf } from '../support/dynamodb.ts';
import { Service } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgencies, forwardedCase, freshStore, manualClock } from '../support/dynamodb.ts';

let service: Service;
const clock = manualClock('2026-09-07T03:00:00.000Z');
const coordinator = officerOf('atr-bpn', 'agency_coordinator');

beforeAll(async () => {
  service = new Service({ store: await freshStore(), clock: clock.now });
  await addAgencies(service, [
    { id: 'atr-bpn' },
    { id: 'kanwil-jatim', focalPointId: 'atr-bpn' },
    { id: 'kanwil-ntb', focalPointId: 'atr-bpn' },
  ]);
}, 60_000);

/** A case forwarded to ATR/BPN, delegated to `member`, withdrawn and forwarded again. */
async function forwardedAgain(member: string, between?: () => Promise<unknown>) {
  const { caseId } = await forwardedCase(service, ['atr-bpn']);
  await service.delegate(coordinator, caseId, 'atr-bpn', { memberId: member });
  await service.withdrawAssignment(centralOfficer, caseId, 'atr-bpn', {
    reason: 'Diteruskan ulang',
  });
  await between?.();
  await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'atr-bpn' }] });
  return caseId;
}

describe('a focal point forwarded again', () => {
  it('keeps its delegation to the member unit that had the case, which still reads and queues it', async () => {
    const caseId = await forwardedAgain('kanwil-jatim');
    const unit = officerOf('kanwil-jatim');
    const assignment = await service.getAssignment(unit, caseId, 'atr-bpn');
    expect(assignment).toMatchObject({
      state: 'pending',
      generation: 2,
      delegatedTo: 'kanwil-jatim',
    });
    const queue = await service.queue(unit, { scope: 'own', limit: 100 });
    expect(queue.items.map((a) => a.caseId)).toContain(caseId);
    // The coordinator's timeline says the new forwarding is with the unit.
    const forwarded = (await service.timeline(coordinator, caseId, { limit: 100 })).items.filter(
      (e) => e.type === 'assignment_forwarded',
    );
    expect(forwarded.at(-1)!.data).toMatchObject({ generation: 2, delegatedTo: 'kanwil-jatim' });
  }, 60_000);

  it('does not hand it to a unit that has left the focal point meanwhile', async () => {
    const caseId = await forwardedAgain('kanwil-ntb', () =>
      service.updateAgency(centralAdmin, 'kanwil-ntb', { focalPointId: null }),
    );
    const assignment = await service.getAssignment(coordinator, caseId, 'atr-bpn');
    expect(assignment).toMatchObject({ generation: 2, delegatedTo: null });
    await expect(service.getCase(officerOf('kanwil-ntb'), caseId)).rejects.toMatchObject({
      code: 'not_found',
    });
  }, 60_000);
});

describe('a member unit moved away from its focal point', () => {
  it('sends back what it was delegated, counted as new in the coordinator’s queue', async () => {
    const { caseId } = await forwardedCase(service, ['atr-bpn']);
    await service.delegate(coordinator, caseId, 'atr-bpn', { memberId: 'kanwil-jatim' });
    const visit = '2026-09-07T04:00:00.000Z';
    clock.set('2026-09-07T05:00:00.000Z');
    await service.updateAgency(centralAdmin, 'kanwil-jatim', { focalPointId: null });
    const news = await service.queue(coordinator, {
      scope: 'own',
      limit: 100,
      forwardedSince: visit,
      total: true,
    });
    // This case, and the first test's (delegated to the same unit): both back, both new.
    expect(news.items.map((a) => a.caseId)).toContain(caseId);
    expect(news.items.map((a) => a.delegatedTo)).toEqual(news.items.map(() => null));
    expect(news.total).toBe(2);
  }, 60_000);
});
