/**
 * A target met keeps the deadline it was met against. A policy saved (or a holiday, or an
 * agency's zone corrected) re-armed every deadline of an open assignment, the met ones too: an
 * agency that acknowledged on the third working day under the 3-day rule read, after the admin
 * made it 1 day, a deadline two days before its acknowledgement, the timeline said its
 * acknowledgement deadline moved, and the statistics' recomputation from the records called it
 * late while the counters kept it on time.
 */
import { runRearmJob, Service } from '@pantau/core';
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
} from '../support/dynamodb.ts';
import { statsReports } from '../support/stats.ts';

// Monday 7 September 2026, 10:00 WIB: the acknowledgement (3 working days) falls due on Thursday.
const clock = manualClock('2026-09-07T03:00:00.000Z');
let store: DynamoStore;
let service: Service;
const pln = officerOf('pln');

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }]);
}, 60_000);

describe('a policy saved after an agency met a target', () => {
  it('moves the deadlines still owed, never the one met', async () => {
    const { caseId } = await forwardedCase(service, ['pln']);
    const forwarded = await service.getAssignment(centralOfficer, caseId, 'pln');
    expect(forwarded.due.acknowledge).toBe('2026-09-10T16:59:59.999Z');
    clock.set('2026-09-10T03:00:00.000Z'); // Thursday: on time
    await service.acknowledge(pln, caseId, 'pln');

    const policy = await service.getPolicy('default');
    const { id: _id, version, updatedAt: _u, ...body } = policy;
    const saved = await service.putPolicy(centralAdmin, 'default', {
      ...body,
      version,
      acknowledgeWorkingDays: 1,
      followUpWorkingDays: body.followUpWorkingDays + 2,
    });
    try {
      await runRearmJob({ store, clock: clock.now }, saved.job.id);
      const after = await service.getAssignment(centralOfficer, caseId, 'pln');
      // The deadline it met is the one it was held to; the follow-up, still owed, moves.
      expect(after.due.acknowledge).toBe(forwarded.due.acknowledge);
      expect(after.due.followUp).not.toBe(forwarded.due.followUp);
      const explained = await service.deadlines(centralOfficer, caseId, 'pln');
      expect(explained.targets.find((x) => x.target === 'acknowledge')).toMatchObject({
        policyWorkingDays: 3,
        due: forwarded.due.acknowledge,
      });
      const moved = (await service.timeline(centralOfficer, caseId, { limit: 50 })).items.find(
        (e) => e.type === 'deadlines_recomputed',
      );
      expect(moved?.data.after).toMatchObject({ acknowledge: forwarded.due.acknowledge });

      // The statistics: on time, by the counters and by the records alike.
      const period = { from: '2026-09-01', to: '2026-09-30' };
      const { maintained, recomputed, row } = await statsReports(service, store, [caseId], period);
      expect(row('pln')).toMatchObject({ acknowledged: 1, acknowledgedOnTime: 1 });
      expect(recomputed).toEqual(maintained);
    } finally {
      const current = await service.getPolicy('default');
      await service.putPolicy(centralAdmin, 'default', { ...body, version: current.version });
    }
  }, 60_000);
});
