/**
 * An agency's coming activities (`GET /v1/activities/invited`), on DynamoDB Local. Before, an
 * invited agency learnt of a mediation only by opening its case: its queue showed nothing, so
 * one at 10.00 WITA on Thursday was easily missed. Each invited agency lists its own, from one
 * small item per agency written in the activity's own transactions (plan, schedule, cancel,
 * report, the case's close), never another agency's or another tenant's.
 */
import { createApp } from '@pantau/api';
import { Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  casePk,
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
      agencyId: 'polri',
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
