/**
 * An assignment central takes back before its follow-up fell due (forwarded by mistake, or the
 * case closed because the complainant withdrew) is not held against the agency: it leaves the
 * sample, as "not ours" does. One taken back after a missed follow-up stays a non-response.
 * The maintained counters say so, and equal the figures recomputed from the raw records.
 */
import { Service } from '@pantau/core';
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
import { statsReports } from '../support/stats.ts';

// Monday 2 March 2026, 09:00 WIB: a normative complaint's follow-up falls due a week later.
const clock = manualClock('2026-03-02T02:00:00.000Z');
let store: DynamoStore;
let service: Service;
const caseIds: string[] = [];

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }, { id: 'bpn' }]);
  const forwarded = async (agencies: string[]) => {
    const { caseId } = await forwardedCase(service, agencies);
    caseIds.push(caseId);
    return caseId;
  };
  const mistaken = await forwarded(['pln', 'bpn']);
  const answered = await forwarded(['pln']);
  const complainantWithdrew = await forwarded(['bpn']);
  const ignored = await forwarded(['bpn']);
  // The next day: pln was not the agency for the first case, and answers the second; the
  // complainant of the third withdraws the complaint.
  clock.set('2026-03-03T03:00:00.000Z');
  await service.withdrawAssignment(centralOfficer, mistaken, 'pln', {
    reason: 'Diteruskan ke instansi yang keliru.',
  });
  await service.respond(officerOf('pln'), answered, 'pln', { kind: 'final', message: 'Selesai.' });
  await service.closeCase(centralOfficer, complainantWithdrew, { outcome: 'withdrawn' });
  // Three weeks later the fourth, never answered, is closed: its follow-up was missed.
  clock.set('2026-03-23T03:00:00.000Z');
  await service.closeCase(centralOfficer, ignored, { outcome: 'withdrawn' });
}, 30_000);

const period = { from: '2026-03-01', to: '2026-03-31' };

describe('an assignment central took back', () => {
  it('before its follow-up fell due leaves the agency’s sample; after a missed one it stays', async () => {
    const report = await service.agencyStats(centralOfficer, period);
    const row = (agencyId: string) => report.items.find((s) => s.agencyId === agencyId);
    // Withdrawn by withdrawAssignment the day after: pln answered all it could act on.
    expect(row('pln')).toMatchObject({
      assigned: 2,
      withdrawn: 1,
      responded: 1,
      responseRate: 1,
      onTimeRate: 1,
    });
    // bpn: the close's withdrawal the day after is out of its sample; the case closed after
    // its missed follow-up, and the first case it still has open, stay in it unanswered.
    expect(row('bpn')).toMatchObject({
      assigned: 3,
      withdrawn: 1,
      responded: 0,
      responseRate: 0,
    });
    expect(report.totals).toMatchObject({ assigned: 5, withdrawn: 2, responseRate: 0.3333 });
  });

  it('is counted as the raw records say', async () => {
    const { maintained, recomputed } = await statsReports(service, store, caseIds, period);
    expect(maintained).toEqual(recomputed);
  });
});
