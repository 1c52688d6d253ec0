/**
 * What central's desk and the agencies' queues read, on DynamoDB Local: totals, "due soon"
 * without the overdue, "newly overdue" by the service's clock (since the previous working day
 * began), redirects leaving the re-forward list once answered, the queue running on into ended
 * assignments, pending extension requests, and what removing a holiday would move before it is
 * removed.
 */
import { createApp } from '@pantau/api';
import { Service } from '@pantau/core';
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
import { testIssuer, type TestIssuer } from '../support/tokens.ts';

let store: DynamoStore;
let service: Service;
let app: ReturnType<typeof createApp>;
let issuer: TestIssuer;
const clock = manualClock('2026-07-06T03:00:00.000Z'); // Monday

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  // The HTTP app on the same table and clock: what the console reads, as JSON.
  issuer = await testIssuer();
  app = createApp({ store, verifier: issuer.verifier, clock: clock.now });
  await addAgencies(service, [{ id: 'polri' }, { id: 'pln' }, { id: 'bpn' }]);
});

/** GET `path` as `claims`' holder: the JSON body (200 expected). */
const read = async <T>(path: string, claims: Record<string, string>): Promise<T> => {
  const res = await app.request(path, {
    headers: { authorization: await issuer.bearer(claims) },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

const keysOf = (items: readonly { caseId: string; agencyId: string }[]) =>
  items.map((a) => `${a.caseId}/${a.agencyId}`);

describe('the central desk’s lists', () => {
  it('count their total when asked, on the first page as on the next', async () => {
    clock.set('2026-07-06T03:00:00.000Z');
    for (let i = 0; i < 3; i += 1) await forwardedCase(service, ['pln']);
    const first = await service.worklist(centralOfficer, {
      agencyId: 'pln',
      limit: 2,
      total: true,
    });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    const second = await service.worklist(centralOfficer, {
      agencyId: 'pln',
      limit: 2,
      cursor: first.nextCursor!,
      total: true,
    });
    expect(second).toMatchObject({ total: 3, nextCursor: null });
    // Not asked: not counted.
    expect((await service.worklist(centralOfficer, { agencyId: 'pln', limit: 2 })).total).toBe(
      undefined,
    );
    const cases = await service.listCases(centralOfficer, { limit: 1, total: true });
    expect(cases.total).toBeGreaterThanOrEqual(3);
  });

  it('name each row’s case by its agenda number too: two cases of one subject are told apart', async () => {
    clock.set('2026-07-06T03:00:00.000Z');
    const cases = [await forwardedCase(service, ['bpn']), await forwardedCase(service, ['bpn'])];
    const numbers = await Promise.all(
      cases.map(async ({ caseId }) => (await service.getCase(centralOfficer, caseId)).agendaNumber),
    );
    expect(numbers.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    const rows = (await service.worklist(centralOfficer, { agencyId: 'bpn', limit: 100 })).items;
    for (const [i, { caseId }] of cases.entries())
      expect(rows.find((r) => r.caseId === caseId)?.agendaNumber).toBe(numbers[i]);
  });

  it('“due within n working days” holds a deadline at the end of the n-th working day (a WIB agency’s too)', async () => {
    // Forwarded on Monday 10:00 WIB: acknowledgement is due at the end of the 3rd working day
    // after, Thursday 23:59:59.999 WIB, the very bound of "within 3 working days" asked then.
    clock.set('2026-07-20T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn']);
    const { due } = await service.getAssignment(centralOfficer, caseId, 'bpn');
    expect(due.acknowledge).toBe('2026-07-23T16:59:59.999Z');
    const within = async (n: number) =>
      keysOf((await service.worklist(centralOfficer, { dueWithin: n, limit: 100 })).items).filter(
        (k) => k === `${caseId}/bpn`,
      );
    expect(await within(3)).toHaveLength(1);
    expect(await within(2)).toHaveLength(0);
  });

  it('“due within 2 working days” holds no overdue item; “newly overdue” goes by the service’s clock', async () => {
    clock.set('2026-07-13T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['polri']);
    const polri = (items: readonly { caseId: string; agencyId: string }[]) =>
      keysOf(items).filter((k) => k === `${caseId}/polri`);
    const { due } = await service.getAssignment(centralOfficer, caseId, 'polri');
    // Just before acknowledgement is due: due soon, not overdue.
    clock.set(new Date(Date.parse(due.acknowledge) - 3_600_000).toISOString());
    expect(
      polri((await service.worklist(centralOfficer, { dueWithin: 2, limit: 100 })).items),
    ).toHaveLength(1);
    expect(
      polri((await service.worklist(centralOfficer, { newlyOverdue: true, limit: 100 })).items),
    ).toHaveLength(0);
    // Two hours later it is overdue: it leaves "due soon" and is newly overdue.
    clock.set(new Date(Date.parse(due.acknowledge) + 3_600_000).toISOString());
    expect(
      polri((await service.worklist(centralOfficer, { dueWithin: 2, limit: 100 })).items),
    ).toHaveLength(0);
    expect(
      polri((await service.worklist(centralOfficer, { newlyOverdue: true, limit: 100 })).items),
    ).toHaveLength(1);
    // Two days on it is still overdue, no longer newly.
    clock.set(new Date(Date.parse(due.acknowledge) + 2 * 86_400_000).toISOString());
    expect(
      polri((await service.worklist(centralOfficer, { newlyOverdue: true, limit: 100 })).items),
    ).toHaveLength(0);
    expect(
      polri((await service.worklist(centralOfficer, { overdue: true, limit: 100 })).items),
    ).toHaveLength(1);
  });

  it('“newly overdue” on a Monday holds Friday’s deadlines, and after a holiday the last working day’s', async () => {
    const ackDue = async (forwardedAt: string) => {
      clock.set(forwardedAt);
      const { caseId } = await forwardedCase(service, ['bpn']);
      return { caseId, due: (await service.getAssignment(centralOfficer, caseId, 'bpn')).due };
    };
    const newly = async (at: string) => {
      clock.set(at);
      return keysOf(
        (await service.worklist(centralOfficer, { newlyOverdue: true, limit: 100 })).items,
      );
    };
    // Forwarded Tuesday 7 July: acknowledgement due at the end of Friday 10 July (WIB).
    const friday = await ackDue('2026-07-07T03:00:00.000Z');
    expect(friday.due.acknowledge).toBe('2026-07-10T16:59:59.999Z');
    // Forwarded Monday 6 July: due at the end of Thursday 9 July, overdue since Friday.
    const thursday = await ackDue('2026-07-06T03:00:00.000Z');
    expect(thursday.due.acknowledge).toBe('2026-07-09T16:59:59.999Z');
    // Monday 13 July, 09:00 WIB: what went overdue since Friday began.
    const monday = await newly('2026-07-13T02:00:00.000Z');
    expect(monday).toContain(`${friday.caseId}/bpn`);
    expect(monday).not.toContain(`${thursday.caseId}/bpn`);

    // 14 and 15 May 2026 are days off (Ascension, cuti bersama): on Monday 18 May the last
    // working day was Wednesday 13 May, whose deadlines went overdue on the holiday.
    const wednesday = await ackDue('2026-05-08T03:00:00.000Z');
    expect(wednesday.due.acknowledge).toBe('2026-05-13T16:59:59.999Z');
    const tuesday = await ackDue('2026-05-07T03:00:00.000Z');
    expect(tuesday.due.acknowledge).toBe('2026-05-12T16:59:59.999Z');
    const afterHoliday = await newly('2026-05-18T02:00:00.000Z');
    expect(afterHoliday).toContain(`${wednesday.caseId}/bpn`);
    expect(afterHoliday).not.toContain(`${tuesday.caseId}/bpn`);
  });

  it('“awaiting re-forward” drops a redirect once the case is forwarded again', async () => {
    clock.set('2026-07-20T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln', 'polri']);
    await service.redirect(officerOf('pln'), caseId, 'pln', {
      reason: 'Bukan kewenangan PLN',
      suggestedAgencyId: 'bpn',
    });
    const awaiting = async () =>
      keysOf(
        (await service.worklist(centralOfficer, { awaitingReforward: true, limit: 100 })).items,
      ).filter((k) => k.startsWith(caseId));
    expect(await awaiting()).toEqual([`${caseId}/pln`]);
    clock.set('2026-07-20T05:00:00.000Z');
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'bpn' }] });
    expect(await awaiting()).toEqual([]);
    // Still listed as redirected: the history stays.
    const redirected = await service.worklist(centralOfficer, { state: 'redirected', limit: 100 });
    expect(keysOf(redirected.items)).toContain(`${caseId}/pln`);
  });
});

describe('an agency’s queue', () => {
  it('runs on into its ended assignments when asked, page by page without repeats, with a total', async () => {
    await addAgencies(service, [{ id: 'pemkot' }]);
    clock.set('2026-08-03T03:00:00.000Z');
    const open = await forwardedCase(service, ['pemkot']);
    const done = await forwardedCase(service, ['pemkot']);
    const moved = await forwardedCase(service, ['pemkot']);
    const officer = officerOf('pemkot');
    await service.respond(officer, done.caseId, 'pemkot', { kind: 'final', message: 'Selesai.' });
    await service.redirect(officer, moved.caseId, 'pemkot', { reason: 'Bukan kewenangan' });

    const own = await service.queue(officer, { scope: 'own', limit: 25 });
    expect(own.items.map((a) => a.caseId)).toEqual([open.caseId]);

    const seen: string[] = [];
    let cursor: string | undefined;
    let total: number | undefined;
    do {
      const page = await service.queue(officer, {
        scope: 'own',
        ended: true,
        limit: 1,
        total: cursor === undefined,
        ...(cursor ? { cursor } : {}),
      });
      total ??= page.total;
      seen.push(...page.items.map((a) => `${a.caseId}:${a.state}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      `${open.caseId}:pending`,
      `${done.caseId}:completed`,
      `${moved.caseId}:redirected`,
    ]);
    expect(total).toBe(3);
    await expect(
      service.queue(officer, { scope: 'own', ended: true, limit: 1, cursor: '7~x' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('says how many working days its next deadline has left, or how late it is, over the holidays in the agency’s zone', async () => {
    // A Jayapura agency (WIT), forwarded Thursday 13 August 2026 09:00 WIT: its acknowledgement
    // (3 working days) skips the weekend and Monday 17 August (Hari Kemerdekaan), due at the end
    // of Wednesday 19 August WIT.
    await addAgencies(service, [{ id: 'jayapura', timeZone: 'Asia/Jayapura' }]);
    clock.set('2026-08-13T00:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['jayapura']);
    const officer = { sub: 'j1', agency: 'jayapura', role: 'agency_officer' };
    const central = { sub: 'c1', agency: 'setneg', role: 'central_officer' };
    type Row = {
      caseId: string;
      nextDueAt: string | null;
      nextDueWorkingDaysLeft?: number | null;
      nextDueWorkingDaysLate?: number | null;
    };
    const figures = async () => {
      const [queued] = (await read<{ items: Row[] }>('/v1/queue?limit=25', officer)).items;
      const [listed] = (
        await read<{ items: Row[] }>('/v1/assignments?agencyId=jayapura&limit=25', central)
      ).items;
      expect(queued?.caseId).toBe(caseId);
      const of = (a: Row | undefined) => ({
        left: a?.nextDueWorkingDaysLeft,
        late: a?.nextDueWorkingDaysLate,
      });
      // Central's worklist reads the same figures as the agency's queue.
      expect(of(listed)).toEqual(of(queued));
      return of(queued);
    };

    // Friday 14 August, 10:00 WIT: Tuesday 18 and Wednesday 19 are left (5 calendar days, 3
    // weekdays: Monday 17 is a holiday).
    clock.set('2026-08-14T01:00:00.000Z');
    const [row] = (await read<{ items: Row[] }>('/v1/queue?limit=25', officer)).items;
    expect(row?.nextDueAt).toBe('2026-08-19T14:59:59.999Z');
    expect(await figures()).toEqual({ left: 2, late: null });
    // The case page's deadlines count each running target the same way (the follow-up, 5
    // working days, due Friday 21; the resolution, 14, due Friday 4 September, past Maulid).
    const running = await read<{
      targets: { target: string; workingDaysLeft: number | null; workingDaysLate: number | null }[];
    }>(`/v1/cases/${caseId}/assignments/jayapura/deadlines`, officer);
    expect(running.targets.map((t) => [t.target, t.workingDaysLeft, t.workingDaysLate])).toEqual([
      ['acknowledge', 2, null],
      ['followUp', 4, null],
      ['resolution', 13, null],
    ]);
    // Wednesday 19 August, 10:00 WIT: its last working day.
    clock.set('2026-08-19T01:00:00.000Z');
    expect(await figures()).toEqual({ left: 0, late: null });
    // Wednesday 26 August, 10:00 WIT: late Thursday 20, Friday 21, Monday 24 and Wednesday 26
    // (Tuesday 25 is Maulid Nabi), as the ladder's letters count it: not 5.
    clock.set('2026-08-26T01:00:00.000Z');
    expect(await figures()).toEqual({ left: null, late: 4 });
    // The case page's deadlines say the same of each overdue target (the follow-up, due Friday
    // 21 August: Monday 24 and Wednesday 26).
    const { targets } = await read<{
      targets: { target: string; overdue: boolean; workingDaysLate: number | null }[];
    }>(`/v1/cases/${caseId}/assignments/jayapura/deadlines`, officer);
    expect(targets.map((t) => [t.target, t.overdue, t.workingDaysLate])).toEqual([
      ['acknowledge', true, 4],
      ['followUp', true, 2],
      ['resolution', false, null],
    ]);
    // Paused, no deadline runs: neither.
    await service.pauseAssignment(officerOf('jayapura'), caseId, 'jayapura', 'Menunggu pengadu');
    expect(await figures()).toEqual({ left: null, late: null });
  });

  it('counts what was forwarded since a visit', async () => {
    await addAgencies(service, [{ id: 'pemkab' }]);
    clock.set('2026-08-10T03:00:00.000Z');
    await forwardedCase(service, ['pemkab']);
    const visit = '2026-08-10T04:00:00.000Z';
    clock.set('2026-08-10T05:00:00.000Z');
    await forwardedCase(service, ['pemkab']);
    const since = await service.queue(officerOf('pemkab'), {
      scope: 'own',
      limit: 1,
      forwardedSince: visit,
      total: true,
    });
    expect(since.total).toBe(1);
  });
});

describe('extension requests waiting for central', () => {
  it('are listed with their case’s subject until decided', async () => {
    clock.set('2026-08-17T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn']);
    const request = await service.requestExtension(officerOf('bpn'), caseId, 'bpn', {
      workingDays: 5,
      reason: 'Menunggu hasil ukur ulang',
    });
    const pending = await service.pendingExtensions(centralOfficer, { limit: 100, total: true });
    expect(pending.items).toContainEqual(
      expect.objectContaining({
        id: request.id,
        caseId,
        agencyId: 'bpn',
        workingDays: 5,
        status: 'pending',
        subject: 'Sertifikat tanah belum terbit',
        agencyName: 'Agency bpn',
      }),
    );
    expect(pending.total).toBe(pending.items.length);
    await expect(service.pendingExtensions(officerOf('bpn'), { limit: 10 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await service.decideExtension(centralOfficer, caseId, 'bpn', request.id, {
      approve: true,
    });
    const after = await service.pendingExtensions(centralOfficer, { limit: 100 });
    expect(after.items.map((x) => x.id)).not.toContain(request.id);
  });

  it('say whether the agency asks in time or late, by its soonest deadline in its own zone', async () => {
    clock.set('2026-09-01T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn']);
    const inTime = await service.requestExtension(officerOf('bpn'), caseId, 'bpn', {
      workingDays: 5,
      reason: 'Menunggu hasil ukur ulang',
    });
    const listed = async (id: string) =>
      (await service.pendingExtensions(centralOfficer, { limit: 100 })).items.find(
        (x) => x.id === id,
      );
    const before = await listed(inTime.id);
    expect(before).toMatchObject({
      deadline: { target: 'acknowledge', overdue: false },
      timeZone: 'Asia/Jakarta',
      escalationLevel: 0,
    });
    // The acknowledgement's deadline passes unmet while the request waits: the desk says so.
    clock.set('2026-09-08T03:00:00.000Z');
    expect(await listed(inTime.id)).toMatchObject({
      deadline: { target: 'acknowledge', dueAt: before!.deadline!.dueAt, overdue: true },
    });
    // Acknowledged (late), the next deadline it owes is the follow-up's.
    await service.acknowledge(officerOf('bpn'), caseId, 'bpn');
    expect((await listed(inTime.id))?.deadline?.target).toBe('followUp');
  });

  it('say the deadline approval would give, counted over the holidays as approval counts it', async () => {
    // Monday 10 August 2026: acknowledgement due Thursday 13th. Two working days more are
    // Friday 14th and Tuesday 18th, Monday 17th being Independence Day (weekdays alone: 17th).
    clock.set('2026-08-10T03:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn']);
    const request = await service.requestExtension(officerOf('bpn'), caseId, 'bpn', {
      workingDays: 2,
      reason: 'Menunggu hasil ukur ulang',
    });
    const listed = async () =>
      (await service.pendingExtensions(centralOfficer, { limit: 100 })).items.find(
        (x) => x.id === request.id,
      );
    const onCase = async () =>
      (await service.getCase(centralOfficer, caseId)).extensionRequests.find(
        (x) => x.id === request.id,
      );
    const tuesday18th = '2026-08-18T16:59:59.999Z';
    expect(await listed()).toMatchObject({
      deadline: { target: 'acknowledge', dueAt: '2026-08-13T16:59:59.999Z' },
      proposedDueAt: tuesday18th,
    });
    expect((await onCase())?.proposedDueAt).toBe(tuesday18th);
    // Paused (waiting for the complainant): no deadline runs, so none to say.
    await service.pauseAssignment(officerOf('bpn'), caseId, 'bpn', 'Menunggu KTP pengadu');
    expect((await listed())?.proposedDueAt).toBeNull();
    expect((await onCase())?.proposedDueAt).toBeNull();
    await service.resumeAssignment(officerOf('bpn'), caseId, 'bpn');
    expect((await listed())?.proposedDueAt).toBe(tuesday18th);
    // The case central's own change answers with says it too, as the case read again does.
    const restated = await service.restateCase(centralOfficer, caseId, {
      agencyDescription: 'Pengadu meminta pengukuran ulang bidang tanahnya.',
    });
    expect(restated.extensionRequests.find((x) => x.id === request.id)?.proposedDueAt).toBe(
      tuesday18th,
    );
    // Approved: the deadline is the one the desk said.
    const decided = await service.decideExtension(centralOfficer, caseId, 'bpn', request.id, {
      approve: true,
    });
    expect(decided.assignment.due.acknowledge).toBe(tuesday18th);
  });

  it('leave the list, and its count, once their assignment has ended: nothing is left to decide', async () => {
    clock.set('2026-08-18T03:00:00.000Z');
    const asks = async (agency: string) => {
      const { caseId } = await forwardedCase(service, [agency]);
      const r = await service.requestExtension(officerOf(agency), caseId, agency, {
        workingDays: 3,
        reason: 'Menunggu data',
      });
      return { caseId, id: r.id };
    };
    const answered = await asks('polri');
    const redirected = await asks('pln');
    const closed = await asks('pln');
    const waiting = await asks('bpn');
    await service.respond(officerOf('polri'), answered.caseId, 'polri', {
      kind: 'final',
      message: 'Sudah selesai ditangani.',
    });
    await service.redirect(officerOf('pln'), redirected.caseId, 'pln', {
      reason: 'Bukan kewenangan kami',
    });
    await service.closeCase(centralOfficer, closed.caseId, { outcome: 'withdrawn' });
    const pending = await service.pendingExtensions(centralOfficer, { limit: 1, total: true });
    const all: string[] = [];
    let page = pending;
    for (;;) {
      all.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) break;
      page = await service.pendingExtensions(centralOfficer, {
        limit: 1,
        cursor: page.nextCursor,
      });
    }
    expect(all).toContain(waiting.id);
    expect(all).not.toContain(answered.id);
    expect(all).not.toContain(redirected.id);
    expect(all).not.toContain(closed.id);
    expect(pending.total).toBe(all.length);
    // They lapsed with their assignment: nothing is left to decide.
    for (const [ended, agency] of [
      [answered, 'polri'],
      [redirected, 'pln'],
      [closed, 'pln'],
    ] as const) {
      const stored = (await store.getCase(ended.caseId))!.extensions.find((x) => x.id === ended.id);
      expect(stored, agency).toMatchObject({ status: 'lapsed' });
      await expect(
        service.decideExtension(centralOfficer, ended.caseId, agency, ended.id, { approve: false }),
      ).rejects.toMatchObject({ code: 'invalid_transition' });
    }
  });
});

describe('removing a holiday', () => {
  it('says beforehand how many deadlines it will move, as many as then move', async () => {
    clock.set('2026-08-24T03:00:00.000Z');
    await forwardedCase(service, ['polri', 'pln']);
    const { items } = await service.getCalendarDays('id', 2026);
    const holiday = items.find((d) => d.date > '2026-08-24')!;
    const impact = await service.holidayRemovalImpact(centralAdmin, 'id', holiday.date);
    expect(impact.assignments).toBeGreaterThan(0);
    expect(impact.deadlines).toBeGreaterThanOrEqual(impact.assignments);
    // Nothing changed by asking.
    expect((await service.getCalendarDays('id', 2026)).items).toContainEqual(holiday);
    const change = await service.deleteCalendarDay(centralAdmin, 'id', holiday.date);
    // Without a job runner the job runs inside the edit: finished when it answers.
    expect(change.job).toMatchObject({ state: 'completed', moved: impact.assignments });
    await expect(
      service.holidayRemovalImpact(centralAdmin, 'id', holiday.date),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
