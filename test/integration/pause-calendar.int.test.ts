/**
 * A day off added to (or removed from) the calendar inside a pause that has already ended. The
 * pause's days are the working days it lasted: a holiday inside it was never a day the agency
 * lost, so the pause counts one day fewer and the deadline stays where it was. Before, the
 * pause kept the days stored when it ended, and the deadline moved a day too far (and a day
 * too soon when a day off inside it was removed).
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
  officerOf,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-04-13T02:00:00.000Z'); // Monday 13 April 2026, 09:00 WIB
let store: Store;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  // No runner: a calendar edit's job runs to its end inside the edit.
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }, { id: 'polri' }]);
}, 60_000);

const explanation = (caseId: string, agencyId: string) =>
  service.deadlines(officerOf(agencyId), caseId, agencyId);

describe('a day off inside a pause that has ended', () => {
  it('leaves the deadline where it was, and the explanation counts the pause a day shorter', async () => {
    const { caseId } = await forwardedCase(service, ['pln', 'polri']);
    // pln waits for the complainant from Tuesday to the next Tuesday: five working days.
    clock.set('2026-04-14T03:00:00.000Z');
    await service.pauseAssignment(officerOf('pln'), caseId, 'pln', 'Menunggu dokumen pengadu');
    clock.set('2026-04-21T03:00:00.000Z');
    await service.resumeAssignment(officerOf('pln'), caseId, 'pln');
    const before = await explanation(caseId, 'pln');
    const resolution = (e: typeof before) => e.targets.find((t) => t.target === 'resolution')!;
    expect(resolution(before).adjustments).toMatchObject([{ kind: 'pause', workingDays: 5 }]);
    const unpaused = (await explanation(caseId, 'polri')).targets.find(
      (t) => t.target === 'resolution',
    )!;

    // Thursday 16 April, inside the pause, becomes a day off.
    await service.putCalendarDay(centralAdmin, 'id', {
      date: '2026-04-16',
      kind: 'other',
      name: 'Libur daerah',
    });
    const after = await explanation(caseId, 'pln');
    // The agency lost no working day to it: its deadline stays.
    expect(resolution(after).due).toBe(resolution(before).due);
    expect(resolution(after).adjustments).toMatchObject([{ kind: 'pause', workingDays: 4 }]);
    expect(resolution(after).workingDays).toBe(resolution(before).workingDays - 1);
    // The agency that was not paused gets the day.
    const polri = (await explanation(caseId, 'polri')).targets.find(
      (t) => t.target === 'resolution',
    )!;
    expect(Date.parse(polri.due)).toBeGreaterThan(Date.parse(unpaused.due));

    // Removed again: the pause has its five days back, the deadline still where it was.
    await service.deleteCalendarDay(centralAdmin, 'id', '2026-04-16');
    const removed = await explanation(caseId, 'pln');
    expect(resolution(removed).due).toBe(resolution(before).due);
    expect(resolution(removed).adjustments).toMatchObject([{ kind: 'pause', workingDays: 5 }]);
    const view = await service.getCase(centralOfficer, caseId);
    expect(view.assignments?.find((a) => a.agencyId === 'pln')?.due.resolution).toBe(
      resolution(before).due,
    );
  }, 60_000);
});

describe('a pause that lasted an hour across midnight', () => {
  it('moves no deadline, however often it is taken', async () => {
    const { caseId } = await forwardedCase(service, ['pln']);
    const due = async () => (await explanation(caseId, 'pln')).targets.map((t) => t.due);
    const before = await due();
    // Three nights running, 23:30 to 00:30 WIB.
    for (const night of ['2026-04-14', '2026-04-15', '2026-04-16']) {
      clock.set(`${night}T16:30:00.000Z`);
      await service.pauseAssignment(officerOf('pln'), caseId, 'pln', 'Menunggu pengadu');
      clock.set(`${night}T17:30:00.000Z`);
      await service.resumeAssignment(officerOf('pln'), caseId, 'pln');
    }
    expect(await due()).toEqual(before);
    const resolution = (await explanation(caseId, 'pln')).targets.find(
      (t) => t.target === 'resolution',
    )!;
    // Listed as pauses, each adding nothing.
    expect(resolution.adjustments).toEqual([]);
    expect(resolution.pausedIntervals).toHaveLength(3);
  }, 60_000);
});

describe('an answer sent while the clock is paused', () => {
  it('ends the pause first: the paused days are not counted against the agency', async () => {
    const { caseId } = await forwardedCase(service, ['polri']);
    const view = async () =>
      (await service.getCase(centralOfficer, caseId)).assignments!.find(
        (a) => a.agencyId === 'polri',
      )!;
    const forwarded = await view();
    // Paused on Tuesday 14 April 10:00 WIB, waiting for the complainant; the follow-up's date
    // passes meanwhile (no reminder: paused). The complainant's answer comes two weeks later
    // and the officer answers at once, without pressing "Lanjutkan tenggat" first.
    clock.set('2026-04-14T03:00:00.000Z');
    await service.pauseAssignment(officerOf('polri'), caseId, 'polri', 'Menunggu data pengadu');
    clock.set('2026-04-28T03:00:00.000Z');
    expect(Date.parse(forwarded.due.followUp)).toBeLessThan(clock.now().getTime());
    await service.respond(officerOf('polri'), caseId, 'polri', {
      kind: 'progress',
      message: 'Data dari pengadu sudah kami terima dan sedang kami periksa.',
    });
    const answered = await view();
    expect(answered.paused).toBe(false);
    // Ten working days paused (Tuesday 10:00 to Tuesday two weeks later, 10:00): every target
    // moved by them, the follow-up included, and the answer met it in time.
    expect(answered.due.followUp).not.toBe(forwarded.due.followUp);
    expect(Date.parse(answered.met.followUp!)).toBeLessThanOrEqual(
      Date.parse(answered.due.followUp),
    );
    const explained = await explanation(caseId, 'polri');
    for (const target of explained.targets)
      expect(target.adjustments).toMatchObject([{ kind: 'pause', workingDays: 10 }]);
    // The timeline says the clock ran again, then the answer.
    const { items } = await service.timeline(centralOfficer, caseId, { limit: 100 });
    const types = items.map((e) => e.type);
    expect(types.indexOf('assignment_resumed')).toBeGreaterThan(-1);
    expect(types.indexOf('assignment_resumed')).toBeLessThan(types.indexOf('response_submitted'));
    // Where its deadlines went, as the agency reads it ("Tindak lanjut: … → …").
    const own = await service.timeline(officerOf('polri'), caseId, { limit: 100 });
    expect(own.items.find((e) => e.type === 'assignment_resumed')!.data).toMatchObject({
      dueBefore: { followUp: forwarded.due.followUp },
      due: { followUp: answered.due.followUp },
    });
    // And the statistics count it as on time.
    const report = await service.agencyStats(centralOfficer, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    const polri = report.items.find((r) => r.agencyId === 'polri')!;
    expect(polri.respondedOnTime).toBe(polri.responded);
  }, 60_000);

  it('a final answer leaves no pause running on an ended assignment', async () => {
    const { caseId } = await forwardedCase(service, ['pln']);
    clock.set('2026-04-14T03:00:00.000Z');
    await service.pauseAssignment(officerOf('pln'), caseId, 'pln', 'Menunggu data pengadu');
    clock.set('2026-04-16T03:00:00.000Z');
    await service.respond(officerOf('pln'), caseId, 'pln', {
      kind: 'final',
      message: 'Sambungan listrik pengadu sudah dipulihkan.',
    });
    const pln = (await service.getCase(centralOfficer, caseId)).assignments!.find(
      (a) => a.agencyId === 'pln',
    )!;
    expect(pln.state).toBe('completed');
    expect(pln.paused).toBe(false);
  }, 60_000);
});
