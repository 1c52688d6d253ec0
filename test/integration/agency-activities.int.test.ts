/**
 * An agency's coming activities (`GET /v1/activities/invited`), on DynamoDB Local. Before, an
 * invited agency learnt of a mediation only by opening its case: its queue showed nothing, so
 * one at 10.00 WITA on Thursday was easily missed. Each invited agency lists its own, from one
 * small item per agency written in the activity's own transactions (plan, schedule, cancel,
 * report, the case's close), never another agency's or another tenant's.
 */
import { createApp } from '@pantau/api';
import { type JobRunner, runRearmJob, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  casePk,
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
// Monday 7 September 2026, 09:00 WITA.
const clock = manualClock('2026-09-07T01:00:00.000Z');
const THURSDAY_10_WITA = '2026-09-10T02:00:00.000Z';
const polri = officerOf('polri');
const pln = officerOf('pln');

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  issuer = await testIssuer();
  app = createApp({ store, verifier: issuer.verifier, clock: clock.now });
  await addAgencies(service, [
    { id: 'polri', timeZone: 'Asia/Makassar' },
    { id: 'pln' },
    { id: 'pemprov' },
    { id: 'kemendagri' },
    { id: 'pemkab', focalPointId: 'kemendagri' },
    { id: 'pemkot', focalPointId: 'kemendagri' },
  ]);
}, 60_000);

const invited = async (who: typeof polri, query: { limit?: number; scope?: 'members' } = {}) =>
  (await service.invitedActivities(who, { limit: 20, scope: 'own', ...query })).items;

/** The invitation items stored on a case (raw), to see that none is left behind. */
const storedInvitations = async (caseId: string) =>
  (
    await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :invite)',
        ExpressionAttributeValues: { ':pk': casePk(caseId), ':invite': 'INVITE#' },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

describe('an agency’s coming activities', () => {
  it('lists each agency exactly its own, soonest first, paged, and follows every change', async () => {
    clock.set('2026-09-07T01:00:00.000Z');
    const shared = (await forwardedCase(service, ['polri', 'pln'])).caseId;
    const own = (await forwardedCase(service, ['polri'])).caseId;
    const elsewhere = (await forwardedCase(service, ['pemprov'])).caseId;
    const mediation = await service.planActivity(centralOfficer, shared, {
      kind: 'mediation',
      scheduledAt: THURSDAY_10_WITA,
      agencyIds: ['polri', 'pln'],
      participants: ['Kapolres', 'Manajer UP3'],
      plan: 'Mediasi di kantor Asdep',
    });
    const clarification = await service.planActivity(centralOfficer, own, {
      kind: 'clarification',
      scheduledAt: '2026-09-08T02:00:00.000Z',
      agencyIds: ['polri'],
    });
    // Another tenant's activity, and one with no agency (central's own evaluation).
    await service.planActivity(centralOfficer, elsewhere, {
      kind: 'confirmation',
      scheduledAt: '2026-09-08T01:00:00.000Z',
      agencyIds: ['pemprov'],
    });
    await service.planActivity(centralOfficer, shared, {
      kind: 'initial_evaluation',
      scheduledAt: '2026-09-08T03:00:00.000Z',
    });

    const forPolri = await invited(polri);
    expect(forPolri.map((a) => a.activityId)).toEqual([clarification.id, mediation.id]);
    expect(forPolri[1]).toEqual({
      activityId: mediation.id,
      caseId: shared,
      caseSubject: 'Sertifikat tanah belum terbit',
      agendaNumber: (await service.getCase(polri, shared)).agendaNumber,
      kind: 'mediation',
      scheduledAt: THURSDAY_10_WITA,
      venue: null,
      agencyId: 'polri',
      via: null,
    });
    // Nothing names the other agencies on the case (PLN), nor the plan or the participants.
    expect(JSON.stringify(forPolri)).not.toMatch(/pln|Kapolres|Asdep/);
    expect((await invited(pln)).map((a) => a.activityId)).toEqual([mediation.id]);
    expect(JSON.stringify(await invited(pln))).not.toContain('polri');
    expect((await invited(officerOf('pemprov'))).map((a) => a.kind)).toEqual(['confirmation']);

    // Two pages of one.
    const first = await service.invitedActivities(polri, { limit: 1, scope: 'own' });
    expect(first.items.map((a) => a.activityId)).toEqual([clarification.id]);
    const second = await service.invitedActivities(polri, {
      limit: 1,
      scope: 'own',
      cursor: first.nextCursor!,
    });
    expect(second.items.map((a) => a.activityId)).toEqual([mediation.id]);

    // Moved to Tuesday 08.00 WITA, before the clarification: moved in both lists.
    await service.scheduleActivity(centralOfficer, shared, mediation.id, {
      scheduledAt: '2026-09-08T00:00:00.000Z',
    });
    expect((await invited(polri)).map((a) => [a.activityId, a.scheduledAt])).toEqual([
      [mediation.id, '2026-09-08T00:00:00.000Z'],
      [clarification.id, '2026-09-08T02:00:00.000Z'],
    ]);
    expect((await invited(pln)).map((a) => a.scheduledAt)).toEqual(['2026-09-08T00:00:00.000Z']);
    expect(await storedInvitations(shared)).toHaveLength(2);

    // Cancelled: gone, its item with it.
    await service.cancelActivity(centralOfficer, own, clarification.id, {
      reason: 'Sudah dijawab',
    });
    expect((await invited(polri)).map((a) => a.activityId)).toEqual([mediation.id]);
    expect(await storedInvitations(own)).toEqual([]);

    // Reported (held early): gone from both lists, and from the table.
    await service.reportActivity(centralOfficer, shared, mediation.id, {
      heldAt: '2026-09-07T01:00:00.000Z',
      outcome: 'Sepakat',
      summary: 'Para pihak sepakat.',
    });
    expect(await invited(polri)).toEqual([]);
    expect(await invited(pln)).toEqual([]);
    expect(await storedInvitations(shared)).toEqual([]);
  }, 60_000);

  it('the case’s close calls off what is still to come, and takes it off the lists', async () => {
    clock.set('2026-09-07T01:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln', 'pemprov']);
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'case_conference',
      scheduledAt: '2026-09-09T03:00:00.000Z',
      agencyIds: ['pln', 'pemprov'],
    });
    expect((await invited(pln)).map((a) => a.activityId)).toContain(planned.id);
    await service.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    expect((await invited(pln)).map((a) => a.activityId)).not.toContain(planned.id);
    expect((await invited(officerOf('pemprov'))).map((a) => a.activityId)).not.toContain(
      planned.id,
    );
    expect(await storedInvitations(caseId)).toEqual([]);
  }, 60_000);

  it('lists from today on, in each agency’s zone: one held this morning still, yesterday’s not', async () => {
    // Wednesday 9 September, 14.00 WITA (13.00 WIB).
    clock.set('2026-09-09T06:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['polri', 'pln']);
    const yesterday = await service.planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      scheduledAt: '2026-09-08T08:00:00.000Z',
      agencyIds: ['polri', 'pln'],
    });
    // 00.30 WITA today for Polri (Makassar), 23.30 WIB yesterday for PLN (Jakarta).
    const atMidnight = await service.planActivity(centralOfficer, caseId, {
      kind: 'confirmation',
      scheduledAt: '2026-09-08T16:30:00.000Z',
      agencyIds: ['polri', 'pln'],
    });
    const thisMorning = await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      scheduledAt: '2026-09-09T01:00:00.000Z',
      agencyIds: ['polri', 'pln'],
    });
    const forPolri = (await invited(polri)).map((a) => a.activityId);
    expect(forPolri).toEqual(expect.arrayContaining([atMidnight.id, thisMorning.id]));
    expect(forPolri).not.toContain(yesterday.id);
    const forPln = (await invited(pln)).map((a) => a.activityId);
    expect(forPln).toContain(thisMorning.id);
    expect(forPln).not.toContain(atMidnight.id);
    expect(forPln).not.toContain(yesterday.id);
  }, 60_000);

  it('an agency whose part in the case ended no longer lists its activities', async () => {
    clock.set('2026-09-07T01:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['polri', 'pln']);
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      scheduledAt: '2026-09-11T02:00:00.000Z',
      agencyIds: ['polri', 'pln'],
    });
    await service.withdrawAssignment(centralOfficer, caseId, 'pln', {
      reason: 'Bukan kewenangan PLN',
    });
    // As its case view shows it none of the case's activities any more.
    expect((await service.getCase(pln, caseId)).activities).toEqual([]);
    expect((await invited(pln)).map((a) => a.activityId)).not.toContain(planned.id);
    expect((await invited(polri)).map((a) => a.activityId)).toContain(planned.id);
  }, 60_000);

  it('a focal point’s coordinator lists its member units’ too; its officer may not ask', async () => {
    clock.set('2026-09-07T01:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pemkab']);
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      scheduledAt: '2026-09-10T01:00:00.000Z',
      agencyIds: ['pemkab'],
    });
    const coordinator = officerOf('kemendagri', 'agency_coordinator');
    expect(await invited(coordinator)).toEqual([]);
    expect(await invited(coordinator, { scope: 'members' })).toEqual([
      expect.objectContaining({ activityId: planned.id, agencyId: 'pemkab' }),
    ]);
    expect((await invited(officerOf('pemkab'))).map((a) => a.activityId)).toEqual([planned.id]);
    await expect(invited(officerOf('kemendagri'), { scope: 'members' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(invited(centralOfficer)).rejects.toMatchObject({ code: 'forbidden' });
  }, 60_000);
});

describe('a member unit holding its focal point’s delegated assignment', () => {
  const coordinator = officerOf('kemendagri', 'agency_coordinator');
  const focalPoint = officerOf('kemendagri');
  const unit = officerOf('pemkab');
  /** `who`'s coming activities on `caseId`: the activity, the agency listed and through whom. */
  const on = async (
    caseId: string,
    who: typeof polri,
    query: { scope?: 'members' } = {},
  ): Promise<[string, string, string | null][]> =>
    (await invited(who, query))
      .filter((a) => a.caseId === caseId)
      .map((a) => [a.activityId, a.agencyId, a.via]);
  /** Each invitation item stored on the case: whose list it is on, and for which activity. */
  const stored = async (caseId: string) =>
    (await storedInvitations(caseId))
      .map((i) => `${String(i.activityId)}:${String(i.agencyId)}:${String(i.via ?? '-')}`)
      .sort();

  it('lists what central plans with its focal point, and follows the plan and the delegation', async () => {
    clock.set('2026-09-07T01:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['kemendagri', 'pln']);
    await service.delegate(coordinator, caseId, 'kemendagri', { memberId: 'pemkab' });
    const mediation = await service.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      scheduledAt: THURSDAY_10_WITA,
      agencyIds: ['kemendagri', 'pln'],
    });
    // The unit that does the work lists it, through its focal point; the focal point its own.
    expect(await on(caseId, unit)).toEqual([[mediation.id, 'pemkab', 'kemendagri']]);
    expect((await invited(unit)).find((a) => a.activityId === mediation.id)).toEqual({
      activityId: mediation.id,
      caseId,
      caseSubject: 'Sertifikat tanah belum terbit',
      agendaNumber: (await service.getCase(unit, caseId)).agendaNumber,
      kind: 'mediation',
      scheduledAt: THURSDAY_10_WITA,
      venue: null,
      agencyId: 'pemkab',
      via: 'kemendagri',
    });
    expect(JSON.stringify(await invited(unit))).not.toContain('pln');
    expect(await on(caseId, focalPoint)).toEqual([[mediation.id, 'kemendagri', null]]);
    // Its coordinator, its units' included, sees it once: as its own.
    expect(await on(caseId, coordinator, { scope: 'members' })).toEqual([
      [mediation.id, 'kemendagri', null],
    ]);
    expect(await on(caseId, officerOf('pln'))).toEqual([[mediation.id, 'pln', null]]);

    // A new date: moved on the unit's list too.
    await service.scheduleActivity(centralOfficer, caseId, mediation.id, {
      scheduledAt: '2026-09-08T00:00:00.000Z',
    });
    expect(
      (await invited(unit)).filter((a) => a.caseId === caseId).map((a) => a.scheduledAt),
    ).toEqual(['2026-09-08T00:00:00.000Z']);

    // Taken back: off the unit's list, still the focal point's, no item of the unit's left.
    await service.delegate(coordinator, caseId, 'kemendagri', { memberId: null });
    expect(await on(caseId, unit)).toEqual([]);
    expect(await on(caseId, focalPoint)).toEqual([[mediation.id, 'kemendagri', null]]);
    expect(await stored(caseId)).toEqual([`${mediation.id}:kemendagri:-`, `${mediation.id}:pln:-`]);

    // Delegated after it was planned (to the other unit, then to this one): the holder lists it.
    await service.delegate(coordinator, caseId, 'kemendagri', { memberId: 'pemkot' });
    expect(await on(caseId, officerOf('pemkot'))).toEqual([[mediation.id, 'pemkot', 'kemendagri']]);
    await service.delegate(coordinator, caseId, 'kemendagri', { memberId: 'pemkab' });
    expect(await on(caseId, officerOf('pemkot'))).toEqual([]);
    expect(await on(caseId, unit)).toEqual([[mediation.id, 'pemkab', 'kemendagri']]);
    const times = (await invited(unit)).filter((a) => a.caseId === caseId);
    expect(times.map((a) => a.scheduledAt)).toEqual(['2026-09-08T00:00:00.000Z']);

    // Invited itself too: listed once, as its own.
    const conference = await service.planActivity(centralOfficer, caseId, {
      kind: 'case_conference',
      scheduledAt: '2026-09-09T02:00:00.000Z',
      agencyIds: ['kemendagri', 'pemkab'],
    });
    expect(await on(caseId, unit)).toEqual([
      [mediation.id, 'pemkab', 'kemendagri'],
      [conference.id, 'pemkab', null],
    ]);

    // Cancelled, reported: gone from every list, and no item left behind.
    await service.cancelActivity(centralOfficer, caseId, conference.id, { reason: 'Digabung' });
    await service.reportActivity(centralOfficer, caseId, mediation.id, {
      heldAt: '2026-09-07T01:00:00.000Z',
      outcome: 'Sepakat',
      summary: 'Para pihak sepakat.',
    });
    for (const who of [unit, focalPoint, officerOf('pln'), officerOf('pemkot')])
      expect(await on(caseId, who)).toEqual([]);
    expect(await on(caseId, coordinator, { scope: 'members' })).toEqual([]);
    expect(await storedInvitations(caseId)).toEqual([]);
  }, 60_000);

  it('leaves the list of a unit moved out of its focal point, and the close takes the rest', async () => {
    clock.set('2026-09-07T01:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['kemendagri']);
    await service.delegate(coordinator, caseId, 'kemendagri', { memberId: 'pemkot' });
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      scheduledAt: THURSDAY_10_WITA,
      agencyIds: ['kemendagri'],
    });
    const moving = officerOf('pemkot');
    expect(await on(caseId, moving)).toEqual([[planned.id, 'pemkot', 'kemendagri']]);
    // Moved out: at the save it no longer lists it (it no longer reads the case), and the job
    // giving its delegations back takes its invitation with them.
    const idle: JobRunner = { start: async () => undefined };
    const admin = new Service({ store, clock: clock.now, jobs: idle });
    const moved = await admin.updateAgency(centralAdmin, 'pemkot', { focalPointId: null });
    expect(await on(caseId, moving)).toEqual([]);
    await runRearmJob({ store, clock: clock.now }, moved.delegationsJob!.id);
    expect(await stored(caseId)).toEqual([`${planned.id}:kemendagri:-`]);
    expect(await on(caseId, focalPoint)).toEqual([[planned.id, 'kemendagri', null]]);

    // Delegated to the other unit, then the case closed: off every list, no item left.
    await service.delegate(coordinator, caseId, 'kemendagri', { memberId: 'pemkab' });
    expect(await on(caseId, unit)).toEqual([[planned.id, 'pemkab', 'kemendagri']]);
    await service.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    expect(await on(caseId, unit)).toEqual([]);
    expect(await storedInvitations(caseId)).toEqual([]);
  }, 60_000);
});

describe('GET /v1/activities/invited', () => {
  const get = async (path: string, claims: { agency: string; role: string }) =>
    app.request(path, {
      headers: { authorization: await issuer.bearer({ sub: 'u1', ...claims }) },
    });

  it('answers the agency its page, and central a 403 in the one problem shape', async () => {
    clock.set('2026-09-07T01:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pemprov']);
    const planned = await service.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      scheduledAt: THURSDAY_10_WITA,
      agencyIds: ['pemprov'],
    });
    const res = await get('/v1/activities/invited?limit=50', {
      agency: 'pemprov',
      role: 'agency_officer',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { activityId: string }[]; nextCursor: unknown };
    expect(body.items.map((a) => a.activityId)).toContain(planned.id);
    const refused = await get('/v1/activities/invited', {
      agency: 'setneg',
      role: 'central_officer',
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const members = await get('/v1/activities/invited?scope=members', {
      agency: 'pemprov',
      role: 'agency_officer',
    });
    expect(members.status).toBe(403);
  }, 60_000);
});
