/**
 * A forward computes its deadlines on the settings and the agencies' zones as they are when it
 * commits. An edit's re-arming job moves the open assignments it lists; a forward that read the
 * settings before the edit and committed after the job had listed kept the old deadlines for
 * good: when the edit landed between the forward's reads and its commit (a few milliseconds),
 * and, on AWS, whenever the forward ran on another API instance within the 5 s it keeps the
 * calendar and the policy.
 */
import { API_SETTINGS_TTL_MS, type DynamoStore } from '@pantau/store';
import { Service, type Store } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  storeBeside,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-04-13T02:00:00.000Z'); // Monday 13 April 2026, 09:00 WIB
let admin: Service;
let store: DynamoStore;

beforeAll(async () => {
  store = await freshStore();
  // The admin's instance, without a runner: an edit's job runs to its end inside the edit.
  admin = new Service({ store, clock: clock.now });
  await addAgencies(admin, [{ id: 'papua' }, { id: 'pln' }, { id: 'bpn' }]);
}, 60_000);

/** Another API instance: its own store on the table, keeping settings as the API's does. */
function instance(beforeCommit?: () => Promise<unknown>): Service {
  const own = storeBeside(store, { settingsTtlMs: API_SETTINGS_TTL_MS });
  let pending = beforeCommit;
  const racing = new Proxy(own, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === 'commit')
        return async (change: Parameters<Store['commit']>[0]) => {
          // The edit lands between this write's reads and its commit, its job run to its end.
          const edit = change.assignments?.some((a) => a.expectedVersion === null) && pending;
          if (edit) {
            pending = undefined;
            await edit();
          }
          return target.commit(change);
        };
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return new Service({ store: racing, clock: clock.now });
}

const assignmentOf = async (service: Service, caseId: string, agencyId: string) =>
  (await service.getCase(centralOfficer, caseId)).assignments!.find(
    (a) => a.agencyId === agencyId,
  )!;

describe('a forward racing an edit of what its deadlines are computed from', () => {
  it('made on another instance within its 5 s of kept settings, counts the holiday declared', async () => {
    const other = instance();
    // The instance has read the calendar (its first forward) and keeps it.
    const first = await forwardedCase(other, ['pln']);
    const before = await assignmentOf(admin, first.caseId, 'pln');
    await admin.putCalendarDay(centralAdmin, 'id', {
      date: '2026-04-15',
      kind: 'other',
      name: 'Libur daerah',
    });
    const rearmed = await assignmentOf(admin, first.caseId, 'pln');
    expect(rearmed.due.resolution > before.due.resolution).toBe(true);
    // Forwarded at the same instant after the edit: the same deadlines as the re-armed one.
    const second = await forwardedCase(other, ['pln']);
    expect((await assignmentOf(admin, second.caseId, 'pln')).due).toEqual(rearmed.due);
  }, 60_000);

  it('whose agency’s zone is corrected between its reads and its commit, takes the new zone', async () => {
    const other = instance(() =>
      admin.updateAgency(centralAdmin, 'papua', { timeZone: 'Asia/Jayapura' }),
    );
    const { caseId } = await forwardedCase(other, ['papua']);
    const assignment = await assignmentOf(admin, caseId, 'papua');
    expect(assignment.timeZone).toBe('Asia/Jayapura');
    for (const due of Object.values(assignment.due)) expect(due).toMatch(/T14:59:59\.999Z$/);
  }, 60_000);

  it('when a holiday is declared between its reads and its commit, counts it', async () => {
    const plain = await forwardedCase(admin, ['bpn']);
    const other = instance(() =>
      admin.putCalendarDay(centralAdmin, 'id', {
        date: '2026-04-16',
        kind: 'other',
        name: 'Libur daerah',
      }),
    );
    const raced = await forwardedCase(other, ['bpn']);
    const rearmed = await assignmentOf(admin, plain.caseId, 'bpn');
    expect((await assignmentOf(admin, raced.caseId, 'bpn')).due).toEqual(rearmed.due);
  }, 60_000);
});
