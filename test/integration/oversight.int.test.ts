/** Central oversight on DynamoDB Local: monitoring activities and the cross-agency worklists. */
import { Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  casePk,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
  stripAttributes,
} from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
const clock = manualClock('2026-06-01T03:00:00.000Z'); // Monday

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [
    { id: 'polri' },
    { id: 'pln' },
    { id: 'pemprov-bali', timeZone: 'Asia/Makassar' },
  ]);
});

async function forwarded(
  agencies: string[],
  type: 'light' | 'normative' | 'examination',
  at: string,
) {
  clock.set(at);
  return (await forwardedCase(service, agencies, type)).caseId;
}

describe('monitoring activities', () => {
  it('are planned, reported once, keep the case under monitoring meanwhile, and fill the calendar', async () => {
    const caseId = await forwarded(['polri'], 'normative', '2026-06-02T03:00:00.000Z');
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      scheduledAt: '2026-06-10T02:00:00.000Z',
      agencyIds: ['polri'],
      participants: ['Kabid Propam', 'Pengadu'],
      plan: 'Mediasi di kantor Asdep',
    });
    expect(planned).toMatchObject({ status: 'planned', overdueToReport: false });
    expect((await service.getCase(centralOfficer, caseId)).underMonitoring).toBe(true);
    await expect(
      service.planActivity(centralOfficer, caseId, {
        kind: 'clarification',
        agencyIds: ['nobody'],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      service.planActivity(officerOf('polri'), caseId, { kind: 'clarification' }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    clock.set('2026-06-11T03:00:00.000Z');
    const due = await service.listActivities(centralOfficer, {
      status: 'planned',
      limit: 25,
    } as never);
    expect(due.items.find((a) => a.id === planned.id)?.overdueToReport).toBe(true);
    await expect(
      service.reportActivity(centralOfficer, caseId, planned.id, {
        heldAt: '2026-06-12T02:00:00.000Z',
        outcome: 'sepakat',
        summary: 'x',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'heldAt' }] }); // held in the future
    const done = await service.reportActivity(centralOfficer, caseId, planned.id, {
      heldAt: '2026-06-10T02:00:00.000Z',
      outcome: 'Sepakat',
      summary: 'Para pihak sepakat.',
    });
    expect(done).toMatchObject({ status: 'done', outcome: 'Sepakat', overdueToReport: false });
    await expect(
      service.reportActivity(centralOfficer, caseId, planned.id, {
        heldAt: '2026-06-10T02:00:00.000Z',
        outcome: 'lagi',
        summary: 'x',
      }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await service.getCase(centralOfficer, caseId)).underMonitoring).toBe(false);
    const june = await service.listActivities(centralOfficer, {
      from: '2026-06-01T00:00:00.000Z',
      to: '2026-06-30T00:00:00.000Z',
      limit: 25,
    } as never);
    expect(june.items.map((a) => a.id)).toContain(planned.id);
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 50 });
    expect(timeline.items.map((e) => e.type)).toEqual(
      expect.arrayContaining(['activity_planned', 'activity_reported']),
    );
  });

  it('are the business of the agency they are held with, not of the case’s other agencies', async () => {
    const caseId = await forwarded(['polri', 'pln'], 'normative', '2026-06-15T03:00:00.000Z');
    const withPolri = await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      scheduledAt: '2026-06-16T02:00:00.000Z',
      agencyIds: ['polri'],
    });
    clock.set('2026-06-17T03:00:00.000Z');
    await service.reportActivity(centralOfficer, caseId, withPolri.id, {
      heldAt: '2026-06-16T02:00:00.000Z',
      outcome: 'Polri mengakui laporan belum ditangani',
      summary: 'x',
    });
    const conference = await service.planActivity(centralOfficer, caseId, {
      kind: 'case_conference',
      agencyIds: ['polri', 'pln'],
    });
    await service.cancelActivity(centralOfficer, caseId, conference.id, {
      reason: 'Digabung dengan rapat bulanan',
    });
    const activityEvents = async (agency: string) =>
      (await service.timeline(officerOf(agency), caseId, { limit: 50 })).items.filter((e) =>
        e.type.startsWith('activity_'),
      );
    // Polri reads its clarification and the conference it is part of…
    expect((await activityEvents('polri')).map((e) => [e.type, e.data.activityId])).toEqual([
      ['activity_planned', withPolri.id],
      ['activity_reported', withPolri.id],
      ['activity_planned', conference.id],
      ['activity_cancelled', conference.id],
    ]);
    // …PLN only the conference: not how central's clarification with Polri went.
    const pln = await activityEvents('pln');
    expect(pln.map((e) => e.data.activityId)).toEqual([conference.id, conference.id]);
    expect(JSON.stringify(pln)).not.toContain('mengakui');
  });
});

describe('cross-agency worklists', () => {
  it('list newly overdue since an instant, by complaint type, and redirected awaiting re-forward', async () => {
    const light = await forwarded(['pln'], 'light', '2026-07-06T03:00:00.000Z'); // acknowledge due Thu 9 July
    const exam = await forwarded(['pln'], 'examination', '2026-07-08T03:00:00.000Z'); // acknowledge due Mon 13 July
    const redirected = await forwarded(['pemprov-bali'], 'normative', '2026-07-08T04:00:00.000Z');
    await service.redirect(officerOf('pemprov-bali'), redirected, 'pemprov-bali', {
      reason: 'Bukan wewenang',
      suggestedAgencyId: 'pln',
    });

    clock.set('2026-07-14T03:00:00.000Z');
    const ids = async (filter: Record<string, unknown>) =>
      (await service.worklist(centralOfficer, { limit: 100, ...filter } as never)).items.map(
        (a) => a.caseId,
      );
    expect(await ids({ newlyOverdueSince: '2026-07-10T00:00:00.000Z' })).toEqual([exam]);
    expect(
      (await ids({ newlyOverdueSince: '2026-07-01T00:00:00.000Z' })).filter(
        (id) => id === light || id === exam,
      ),
    ).toEqual([light, exam]);
    // An instant after now (a browser clock ahead of the server's) is an empty list, not a 500.
    expect(await ids({ newlyOverdueSince: '2026-07-15T00:00:00.000Z' })).toEqual([]);
    expect(await ids({ overdue: true, type: 'light' })).toContain(light);
    expect(await ids({ overdue: true, type: 'light' })).not.toContain(exam);
    expect(await ids({ state: 'redirected' })).toEqual([redirected]);
    // Paused: nothing overdue.
    await service.pauseAssignment(officerOf('pln'), exam, 'pln', 'Menunggu pengadu');
    expect(await ids({ overdue: true })).not.toContain(exam);
    expect(await ids({ monitoring: true })).toEqual([]);
  });
});

describe('the monitoring worklist', () => {
  it('fills each page, however few of the list are under monitoring', async () => {
    // Nine assignments of one agency, forwarded a day apart; three reached central
    // intervention. The filter is the ladder's (read with each page), so a page read as the
    // list's next `limit` kept 0 or 1 of them, and "Muat lagi" under an empty page.
    await addAgencies(service, [{ id: 'bpjs' }]);
    const cases: string[] = [];
    for (let day = 0; day < 9; day++)
      cases.push(await forwarded(['bpjs'], 'normative', `2026-09-0${day + 1}T03:00:00.000Z`));
    const monitored = [cases[1]!, cases[5]!, cases[8]!];
    for (const caseId of monitored) {
      const [ladder] = (await store.getCase(caseId))!.ladders;
      await store.putLadder({
        record: {
          ...ladder!,
          level: 4,
          rung: 'central_intervention',
          lastStepAt: '2026-10-01T03:00:00.000Z',
          version: ladder!.version + 1,
        },
        expectedVersion: ladder!.version,
      });
    }
    clock.set('2026-10-05T03:00:00.000Z'); // every acknowledgement long overdue
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await service.worklist(centralOfficer, {
        agencyId: 'bpjs',
        monitoring: true,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      } as never);
      pages.push(page.items.map((a) => a.caseId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 10);
    expect(pages.flat().sort()).toEqual([...monitored].sort());
    // Full pages, then the rest: never a short page with more to come.
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
  });
});

describe('re-forwarding after a redirect', () => {
  it('starts the new agency’s clock fresh by default, or inherits the first forwarding date by policy', async () => {
    const admin = { ...centralOfficer, role: 'central_admin' as const };
    const caseId = await forwarded(['pemprov-bali'], 'light', '2026-08-03T03:00:00.000Z'); // Monday
    clock.set('2026-08-05T03:00:00.000Z');
    await service.redirect(officerOf('pemprov-bali'), caseId, 'pemprov-bali', {
      reason: 'Kewenangan PLN',
    });
    clock.set('2026-08-06T03:00:00.000Z');
    const fresh = (
      await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pln' }] })
    ).items[0]!;
    expect(fresh.clock).toEqual({
      basis: 'fresh',
      from: '2026-08-06T03:00:00.000Z',
      inheritedFrom: null,
    });
    expect(fresh.due.acknowledge).toBe('2026-08-11T16:59:59.999Z'); // 7, 10, 11 August

    const policy = await service.getPolicy('default');
    const { id: _id, version: _v, updatedAt: _u, ...body } = policy;
    await service.putPolicy(admin, 'default', { ...body, reforwardClock: 'inherit' });
    try {
      const second = await forwarded(['pemprov-bali'], 'light', '2026-08-03T03:00:00.000Z');
      clock.set('2026-08-05T03:00:00.000Z');
      await service.redirect(officerOf('pemprov-bali'), second, 'pemprov-bali', {
        reason: 'Kewenangan PLN',
      });
      clock.set('2026-08-06T03:00:00.000Z');
      const inherited = (
        await service.forward(centralOfficer, second, { assignments: [{ agencyId: 'pln' }] })
      ).items[0]!;
      expect(inherited.clock).toEqual({
        basis: 'inherited',
        from: '2026-08-03T03:00:00.000Z',
        inheritedFrom: 'pemprov-bali',
      });
      expect(inherited.due.acknowledge).toBe('2026-08-06T16:59:59.999Z'); // 4, 5, 6 August
      const timeline = await service.timeline(centralOfficer, second, { limit: 50 });
      expect(
        timeline.items.filter((e) => e.type === 'assignment_forwarded').at(-1)?.data,
      ).toMatchObject({ clock: { basis: 'inherited' } });
    } finally {
      await service.putPolicy(admin, 'default', body);
    }
  });
});

describe('a redirect and a re-forward in the same millisecond (a frozen clock, a script)', () => {
  const admin = { ...centralOfficer, role: 'central_admin' as const };

  it('counts as re-forwarded: the case resolves when the other agencies complete', async () => {
    const caseId = await forwarded(['polri', 'pemprov-bali'], 'light', '2026-10-05T03:00:00.000Z');
    // The clock never moves from here on: every write below happens at the same instant.
    await service.redirect(officerOf('pemprov-bali'), caseId, 'pemprov-bali', {
      reason: 'Kewenangan PLN',
    });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pln' }] });
    const final = { kind: 'final' as const, message: 'Selesai.' };
    await service.respond(officerOf('polri'), caseId, 'polri', final);
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('in_follow_up');
    await service.respond(officerOf('pln'), caseId, 'pln', final);
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('resolved');
    const timeline = await service.timeline(centralOfficer, caseId, { limit: 50 });
    expect(
      timeline.items.filter((e) => e.type === 'assignment_forwarded').at(-1)?.data,
    ).toMatchObject({ reforwardOf: [{ agencyId: 'pemprov-bali', generation: 1 }] });
  });

  it('a redirect already answered is not inherited again by a later forward in the same millisecond', async () => {
    const policy = await service.getPolicy('default');
    const { id: _id, version: _v, updatedAt: _u, ...body } = policy;
    await service.putPolicy(admin, 'default', { ...body, reforwardClock: 'inherit' });
    try {
      const caseId = await forwarded(['pemprov-bali'], 'light', '2026-10-12T03:00:00.000Z');
      await service.redirect(officerOf('pemprov-bali'), caseId, 'pemprov-bali', {
        reason: 'Kewenangan PLN',
      });
      const [pln] = (
        await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pln' }] })
      ).items;
      expect(pln?.clock).toMatchObject({ basis: 'inherited', inheritedFrom: 'pemprov-bali' });
      // Central adds an agency: nothing awaits a re-forward any more, so its clock is its own.
      const [polri] = (
        await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'polri' }] })
      ).items;
      expect(polri?.clock).toMatchObject({ basis: 'fresh', inheritedFrom: null });
    } finally {
      await service.putPolicy(admin, 'default', body);
    }
  });
});

describe('delegation to a member unit', () => {
  it('lets the focal point hand an assignment to a member unit that then works it, while staying accountable', async () => {
    await addAgencies(service, [
      { id: 'focal-x' },
      { id: 'member-x1', focalPointId: 'focal-x' },
      { id: 'member-x2', focalPointId: 'focal-x' },
    ]);
    const caseId = await forwarded(['focal-x'], 'normative', '2026-09-07T03:00:00.000Z');
    const coordinator = officerOf('focal-x', 'agency_coordinator');
    const member = officerOf('member-x1');
    await expect(service.acknowledge(member, caseId, 'focal-x')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      service.delegate(officerOf('focal-x'), caseId, 'focal-x', { memberId: 'member-x1' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service.delegate(coordinator, caseId, 'focal-x', { memberId: 'pln' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      service.delegate(member, caseId, 'focal-x', { memberId: 'member-x1' }),
    ).rejects.toMatchObject({ code: 'not_found' });

    const delegated = await service.delegate(coordinator, caseId, 'focal-x', {
      memberId: 'member-x1',
      note: 'Mohon ditangani Kanwil',
    });
    expect(delegated).toMatchObject({ agencyId: 'focal-x', delegatedTo: 'member-x1' });
    // The member unit finds it in its queue, reads and answers it; the other member does not see it.
    const queue = await service.queue(member, { scope: 'own', limit: 25 } as never);
    expect(queue.items.map((a) => a.caseId)).toEqual([caseId]);
    expect(
      (await service.queue(officerOf('member-x2'), { scope: 'own', limit: 25 } as never)).items,
    ).toEqual([]);
    await expect(service.getCase(officerOf('member-x2'), caseId)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await service.getCase(member, caseId)).assignments.map((a) => a.agencyId)).toEqual([
      'focal-x',
    ]);
    const answered = await service.respond(member, caseId, 'focal-x', {
      kind: 'final',
      message: 'Selesai oleh Kanwil.',
    });
    expect(answered.state).toBe('completed');
    // Accountability stays with the focal point: its queue and its statistics.
    const members = await service.queue(coordinator, {
      scope: 'members',
      state: 'completed',
      limit: 25,
    } as never);
    expect(members.items.filter((a) => a.caseId === caseId)).toHaveLength(1);
    const stats = await service.agencyStats(centralOfficer, {
      from: '2026-09-07',
      to: '2026-09-07',
    });
    expect(stats.items.find((s) => s.agencyId === 'focal-x')).toMatchObject({
      assigned: 1,
      responded: 1,
    });
    expect(stats.items.find((s) => s.agencyId === 'member-x1')).toMatchObject({ assigned: 0 });
  });
});

describe('a delegation sent again after its answer was lost', () => {
  const delegations = async (caseId: string) =>
    (await service.timeline(centralOfficer, caseId, { limit: 100 })).items.filter(
      (e) => e.type === 'assignment_delegated',
    );

  it('by the coordinator, to the unit it already has (or a take-back when none), writes nothing', async () => {
    await addAgencies(service, [{ id: 'focal-y' }, { id: 'member-y1', focalPointId: 'focal-y' }]);
    const caseId = await forwarded(['focal-y'], 'light', '2026-09-14T03:00:00.000Z');
    const coordinator = officerOf('focal-y', 'agency_coordinator');
    const first = await service.delegate(coordinator, caseId, 'focal-y', { memberId: 'member-y1' });
    const again = await service.delegate(coordinator, caseId, 'focal-y', { memberId: 'member-y1' });
    expect(again).toEqual(first);
    expect(await delegations(caseId)).toHaveLength(1);

    const back = await service.delegate(coordinator, caseId, 'focal-y', { memberId: null });
    expect(back.delegatedTo).toBeNull();
    const backAgain = await service.delegate(coordinator, caseId, 'focal-y', { memberId: null });
    expect(backAgain).toEqual(back);
    expect(await delegations(caseId)).toHaveLength(2);
  });

  it('by the member unit giving it back, with its Idempotency-Key, answers as the first did', async () => {
    await addAgencies(service, [{ id: 'focal-z' }, { id: 'member-z1', focalPointId: 'focal-z' }]);
    const caseId = await forwarded(['focal-z'], 'light', '2026-09-15T03:00:00.000Z');
    const coordinator = officerOf('focal-z', 'agency_coordinator');
    await service.delegate(coordinator, caseId, 'focal-z', { memberId: 'member-z1' });
    const unit = officerOf('member-z1');
    const body = { memberId: null, note: 'Bukan wilayah kami.' };
    const idem = { key: 'give-back-1', fingerprint: 'POST delegate give-back' };
    const first = await service.delegate(unit, caseId, 'focal-z', body, idem);
    expect(first).toMatchObject({ agencyId: 'focal-z', delegatedTo: null });
    // It no longer reads the case: without the key, the retry is a 404; with it, the answer.
    await expect(service.delegate(unit, caseId, 'focal-z', body)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await service.delegate(unit, caseId, 'focal-z', body, idem)).toEqual(first);
    expect(await delegations(caseId)).toHaveLength(2);
    // Another unit's key is its own (another tenant's records): no way into this answer.
    await addAgencies(service, [{ id: 'member-z2', focalPointId: 'focal-z' }]);
    await expect(
      service.delegate(officerOf('member-z2'), caseId, 'focal-z', body, idem),
    ).rejects.toMatchObject({ code: 'not_found' });
    // Nor is the coordinator's take-back key a way in for its agency's officer.
    await service.delegate(coordinator, caseId, 'focal-z', { memberId: 'member-z1' });
    const takeBack = { key: 'take-back-1', fingerprint: 'POST delegate take-back' };
    await service.delegate(coordinator, caseId, 'focal-z', { memberId: null }, takeBack);
    await expect(
      service.delegate(officerOf('focal-z'), caseId, 'focal-z', { memberId: null }, takeBack),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('a coordinator answering what its member unit holds', () => {
  it('the unit reads who acknowledged and who answered: its focal point’s coordinator, on the timeline', async () => {
    await addAgencies(service, [{ id: 'focal-w' }, { id: 'member-w1', focalPointId: 'focal-w' }]);
    const caseId = await forwarded(['focal-w'], 'normative', '2026-09-16T03:00:00.000Z');
    const coordinator = officerOf('focal-w', 'agency_coordinator');
    const unit = officerOf('member-w1');
    await service.delegate(coordinator, caseId, 'focal-w', { memberId: 'member-w1' });
    clock.set('2026-09-16T04:00:00.000Z');
    await service.acknowledge(coordinator, caseId, 'focal-w');
    clock.set('2026-09-16T05:00:00.000Z');
    await service.respond(coordinator, caseId, 'focal-w', {
      kind: 'progress',
      message: 'Dijawab koordinator.',
    });
    // The unit still holds it, and reads both as its focal point's coordinator's.
    const read = (await service.getCase(unit, caseId)).assignments[0]!;
    expect(read).toMatchObject({ delegatedTo: 'member-w1', state: 'responded' });
    const events = (await service.timeline(unit, caseId, { limit: 100 })).items;
    const byType = (type: string) => events.find((e) => e.type === type);
    expect(byType('assignment_acknowledged')).toMatchObject({
      agencyId: 'focal-w',
      at: '2026-09-16T04:00:00.000Z',
      actor: { agency: 'focal-w', role: 'agency_coordinator' },
    });
    expect(byType('response_submitted')).toMatchObject({
      agencyId: 'focal-w',
      actor: { agency: 'focal-w', role: 'agency_coordinator' },
      data: { kind: 'progress', message: 'Dijawab koordinator.' },
    });
  });
});

describe('who confirmed receipt, on the assignment', () => {
  it('is the member unit or its focal point, whoever acknowledged (null on a record older than it)', async () => {
    await addAgencies(service, [{ id: 'focal-v' }, { id: 'member-v1', focalPointId: 'focal-v' }]);
    const coordinator = officerOf('focal-v', 'agency_coordinator');
    const unit = officerOf('member-v1');
    const delegatedCase = async () => {
      const caseId = await forwarded(['focal-v'], 'normative', '2026-09-21T03:00:00.000Z');
      await service.delegate(coordinator, caseId, 'focal-v', { memberId: 'member-v1' });
      return caseId;
    };
    const byUnit = await delegatedCase();
    const byCoordinator = await delegatedCase();
    const answered = await delegatedCase();
    clock.set('2026-09-21T04:00:00.000Z');
    expect(await service.acknowledge(unit, byUnit, 'focal-v')).toMatchObject({
      acknowledgedBy: 'member-v1',
    });
    expect(await service.acknowledge(coordinator, byCoordinator, 'focal-v')).toMatchObject({
      acknowledgedBy: 'focal-v',
    });
    // An answer before any acknowledgement meets it too: by whoever answered.
    await service.respond(unit, answered, 'focal-v', { kind: 'progress', message: 'Ditangani.' });
    const read = async (p: typeof unit, caseId: string) =>
      (await service.getCase(p, caseId)).assignments[0]!;
    for (const p of [unit, coordinator]) {
      expect(await read(p, byUnit)).toMatchObject({
        met: { acknowledge: '2026-09-21T04:00:00.000Z' },
        acknowledgedBy: 'member-v1',
      });
      expect(await read(p, byCoordinator)).toMatchObject({ acknowledgedBy: 'focal-v' });
      expect(await read(p, answered)).toMatchObject({ acknowledgedBy: 'member-v1' });
    }
    // A second acknowledgement changes nothing: the first one's agency stays.
    await service.acknowledge(coordinator, byUnit, 'focal-v');
    expect(await read(coordinator, byUnit)).toMatchObject({ acknowledgedBy: 'member-v1' });

    // Acknowledged by a release that did not keep who: the time, and no one named.
    await stripAttributes(store, { pk: casePk(byUnit), sk: 'ASSIGN#focal-v' }, 'acknowledgedBy');
    expect(await read(unit, byUnit)).toMatchObject({
      met: { acknowledge: '2026-09-21T04:00:00.000Z' },
      acknowledgedBy: null,
    });
  });
});
