/**
 * The year's end: in December 2026 central's admin enters 2027's holidays one by one, while
 * examinations forwarded now have deadlines in 2027 (flagged: the year is not declared). A day
 * that moves none of them (one in June) must leave them as they are: no "Tenggat dihitung
 * ulang" in their timelines, no ladder re-armed, for each of the ~25 days entered.
 */
import { Service, type Store } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-12-01T02:00:00.000Z'); // Tuesday 1 December 2026, 09:00 WIB
let store: Store;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  // No runner: a calendar edit's job runs to its end inside the edit.
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }, { id: 'papua', timeZone: 'Asia/Jayapura' }]);
}, 60_000);

const recomputed = async (caseId: string) =>
  (await service.timeline(centralOfficer, caseId, { limit: 100 })).items.filter(
    (e) => e.type === 'deadlines_recomputed',
  );

describe('2027 entered day by day while its deadlines are flagged', () => {
  it('a day that moves no deadline writes nothing on the open assignments', async () => {
    const { caseId } = await forwardedCase(service, ['pln', 'papua'], 'examination');
    const before = (await service.getCase(centralOfficer, caseId)).assignments!;
    // 60 working days from 1 December: into February 2027, counted on weekends only.
    expect(before.map((a) => a.calendarWarnings.map((w) => w.year))).toEqual([[2027], [2027]]);

    // New Year's Day moves both resolutions a day: one event each.
    await service.putCalendarDay(centralAdmin, 'id', {
      date: '2027-01-01',
      kind: 'national_holiday',
      name: 'Tahun Baru 2027 Masehi',
    });
    expect(await recomputed(caseId)).toHaveLength(2);
    const moved = (await service.getCase(centralOfficer, caseId)).assignments!;

    // Pancasila Day, after every deadline: nothing moves, nothing is written.
    await service.putCalendarDay(centralAdmin, 'id', {
      date: '2027-06-01',
      kind: 'national_holiday',
      name: 'Hari Lahir Pancasila',
    });
    const after = (await service.getCase(centralOfficer, caseId)).assignments!;
    expect(after.map((a) => a.due)).toEqual(moved.map((a) => a.due));
    expect(after.map((a) => a.version)).toEqual(moved.map((a) => a.version));
    expect((await recomputed(caseId)).map((e) => (e.data as { date?: string }).date)).toEqual([
      '2027-01-01',
      '2027-01-01',
    ]);
  }, 60_000);
});
