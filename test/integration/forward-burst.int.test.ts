/**
 * Every forward checks the settings' version in its transaction (`settingsAsRead`), so forwards
 * committing at the same moment overlap on that item. DynamoDB cancels a transaction that
 * overlaps one in progress (`TransactionConflict`), and the forward reads again and retries:
 * five attempts, which went one right after the other, so a burst of forwards (several officers
 * at once) collided again each time, and some answered 409. DynamoDB Local runs transactions one
 * at a time, so the overlap is stood in for by a store that refuses a forward's commit while
 * another is in progress, as DynamoDB does.
 */
import { type CaseChange, Service, WriteConflict } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgencies, centralOfficer, freshStore, manualClock } from '../support/dynamodb.ts';
import type { DynamoStore } from '@pantau/store';

const clock = manualClock('2026-04-13T02:00:00.000Z');
let store: DynamoStore;
let service: Service;
const AGENCIES = ['papua', 'pln', 'bpn'];

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(
    service,
    AGENCIES.map((id) => ({ id })),
  );
}, 60_000);

/** The store as DynamoDB treats transactions on one item: one in progress cancels the other. */
function overlapping() {
  let inProgress = 0;
  let cancelled = 0;
  const racing = new Proxy(store, {
    get(target, name) {
      if (name === 'commit')
        return async (change: CaseChange) => {
          if (change.settingsAsRead === undefined) return target.commit(change);
          if (inProgress > 0) {
            cancelled += 1;
            throw new WriteConflict('version', 'transaction conflict');
          }
          inProgress += 1;
          try {
            return await target.commit(change);
          } finally {
            inProgress -= 1;
          }
        };
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { service: new Service({ store: racing, clock: clock.now }), cancelled: () => cancelled };
}

describe('a burst of forwards', () => {
  it('all land, each on its case, though they overlap on the settings’ version', async () => {
    const cases: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const c = await service.createCase(centralOfficer, {
        channel: 'letter',
        complainant: { name: `Pengadu ${i}` },
        subject: `Perihal ${i}`,
        description: 'Uraian.',
      });
      await service.verifyCase(centralOfficer, c.id, { decision: 'accept', type: 'light' });
      cases.push(c.id);
    }
    const burst = overlapping();
    const results = await Promise.allSettled(
      cases.map((id) =>
        burst.service.forward(centralOfficer, id, {
          assignments: AGENCIES.map((agencyId) => ({ agencyId })),
        }),
      ),
    );
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(refused).toEqual([]);
    // They did overlap: the test stood for the case it is about.
    expect(burst.cancelled()).toBeGreaterThan(0);
    for (const id of cases)
      expect((await service.getCase(centralOfficer, id)).assignments).toHaveLength(3);
  }, 60_000);
});
