/**
 * A member unit opening a case its coordinator took back (a bookmark, a notification, the
 * browser's history), on DynamoDB Local through the HTTP app: the 404 every agency gets for a
 * case it may not read, and, for a unit that held it, whose it is now (`takenBackBy`: its own
 * focal point). Nothing more for anyone else, and nothing of the case for anyone; the 404 path
 * alone reads more, and only for a member unit of a focal point on the case.
 */
import { createApp } from '@pantau/api';
import { Service } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  countingClient,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';
import { testIssuer, type TestIssuer } from '../support/tokens.ts';

let service: Service;
let app: ReturnType<typeof createApp>;
let issuer: TestIssuer;
const clock = manualClock('2026-09-07T03:00:00.000Z'); // Monday
/** The DynamoDB commands the client sent, as the SDK's middleware sees them. */
const sent: string[] = [];

beforeAll(async () => {
  const client = countingClient(sent);
  const store = await freshStore({ client });
  service = new Service({ store, clock: clock.now });
  issuer = await testIssuer();
  app = createApp({ store, verifier: issuer.verifier, clock: clock.now });
  await addAgencies(service, [
    { id: 'fp' },
    { id: 'unit-a', focalPointId: 'fp' },
    { id: 'unit-b', focalPointId: 'fp' },
    { id: 'polri' },
    { id: 'other-fp' },
    { id: 'other-unit', focalPointId: 'other-fp' },
  ]);
}, 60_000);

const coordinator = officerOf('fp', 'agency_coordinator');

/** GET `path` as an officer of `agency` (central: `setneg`): status, body and the calls sent. */
async function read(path: string, agency: string) {
  const role = agency === 'setneg' ? 'central_officer' : 'agency_officer';
  const authorization = await issuer.bearer({ sub: `${agency}-1`, agency, role });
  sent.length = 0;
  const res = await app.request(path, { headers: { authorization } });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    calls: [...sent],
  };
}

/** A problem with its per-request parts left out: what tells one 404 from another. */
const shape = ({ requestId: _, ...rest }: Record<string, unknown>) => rest;

describe('a case its coordinator took back from a member unit, opened afresh', () => {
  it('answers the unit that held it 404 naming its focal point, and anyone else the 404 as before', async () => {
    const { caseId } = await forwardedCase(service, ['fp']);
    await service.delegate(coordinator, caseId, 'fp', { memberId: 'unit-a', note: 'Wilayah Anda' });
    const held = await read(`/v1/cases/${caseId}`, 'unit-a');
    expect(held.status).toBe(200);
    await service.delegate(coordinator, caseId, 'fp', { memberId: null });

    const former = await read(`/v1/cases/${caseId}`, 'unit-a');
    const neverHeld = await read(`/v1/cases/${caseId}`, 'unit-b'); // the same focal point's
    const stranger = await read(`/v1/cases/${caseId}`, 'polri'); // stands alone
    const otherUnit = await read(`/v1/cases/${caseId}`, 'other-unit'); // another focal point's
    for (const r of [former, neverHeld, stranger, otherUnit]) expect(r.status).toBe(404);
    const plain = {
      type: 'urn:pantau:problem:not_found',
      title: 'Not Found',
      status: 404,
      code: 'not_found',
      detail: `case ${caseId} not found`,
    };
    for (const r of [neverHeld, stranger, otherUnit]) expect(shape(r.body)).toEqual(plain);
    // Its own focal point, which it knows anyway: nothing else of the case.
    expect(shape(former.body)).toEqual({ ...plain, takenBackBy: 'fp' });
    expect(JSON.stringify(former.body)).not.toMatch(/Sertifikat|Siti|Wilayah Anda|0812/);

    // Its other routes on the case say so alike (the timeline, an assignment).
    const timeline = await read(`/v1/cases/${caseId}/timeline`, 'unit-a');
    expect(timeline).toMatchObject({ status: 404, body: { takenBackBy: 'fp' } });
    const assignment = await read(`/v1/cases/${caseId}/assignments/fp`, 'unit-a');
    expect(assignment).toMatchObject({ status: 404, body: { takenBackBy: 'fp' } });
    expect((await read(`/v1/cases/${caseId}/timeline`, 'unit-b')).body).not.toHaveProperty(
      'takenBackBy',
    );
  });

  it('delegated on to another unit: the unit that held it is told so, the new holder reads it', async () => {
    const { caseId } = await forwardedCase(service, ['fp']);
    await service.delegate(coordinator, caseId, 'fp', { memberId: 'unit-a' });
    await service.delegate(coordinator, caseId, 'fp', { memberId: 'unit-b' });
    expect((await read(`/v1/cases/${caseId}`, 'unit-b')).status).toBe(200);
    expect((await read(`/v1/cases/${caseId}`, 'unit-a')).body).toMatchObject({
      code: 'not_found',
      takenBackBy: 'fp',
    });
  });

  it('given back by the unit itself: it is told whose it is now', async () => {
    const { caseId } = await forwardedCase(service, ['fp']);
    await service.delegate(coordinator, caseId, 'fp', { memberId: 'unit-a' });
    await service.delegate(officerOf('unit-a'), caseId, 'fp', {
      memberId: null,
      note: 'Bukan wilayah kami.',
    });
    expect((await read(`/v1/cases/${caseId}`, 'unit-a')).body).toMatchObject({
      takenBackBy: 'fp',
    });
  });

  it('a unit that has left the focal point since is told nothing more', async () => {
    await addAgencies(service, [{ id: 'fp-2' }, { id: 'unit-moves', focalPointId: 'fp-2' }]);
    const { caseId } = await forwardedCase(service, ['fp-2']);
    const coordinator2 = officerOf('fp-2', 'agency_coordinator');
    await service.delegate(coordinator2, caseId, 'fp-2', { memberId: 'unit-moves' });
    await service.delegate(coordinator2, caseId, 'fp-2', { memberId: null });
    expect((await read(`/v1/cases/${caseId}`, 'unit-moves')).body).toMatchObject({
      takenBackBy: 'fp-2',
    });
    await service.updateAgency(centralAdmin, 'unit-moves', { focalPointId: 'fp' });
    expect((await read(`/v1/cases/${caseId}`, 'unit-moves')).body).not.toHaveProperty(
      'takenBackBy',
    );
  });

  it('reads more on the 404 path only: nothing for central, its own agency record for an agency, the timeline only for a member unit of a focal point on the case', async () => {
    const { caseId } = await forwardedCase(service, ['fp', 'polri']);
    await service.delegate(coordinator, caseId, 'fp', { memberId: 'unit-a' });
    // The success paths as they were: the case's collection, and an agency's member units.
    expect((await read(`/v1/cases/${caseId}`, 'setneg')).calls).toEqual(['Query']);
    expect((await read(`/v1/cases/${caseId}`, 'polri')).calls).toEqual(['Query', 'Query']);
    expect((await read(`/v1/cases/${caseId}`, 'unit-a')).calls).toEqual([
      'Query',
      'Query',
      'GetItem',
    ]);
    await service.delegate(coordinator, caseId, 'fp', { memberId: null });
    const missing = await read('/v1/cases/no-such-case', 'unit-a');
    expect(missing).toMatchObject({ status: 404, calls: ['Query'] });
    expect(missing.body).not.toHaveProperty('takenBackBy');
    // A focal point on the case is not this agency's: its own record says so, nothing more.
    expect((await read(`/v1/cases/${caseId}`, 'other-unit')).calls).toEqual([
      'Query',
      'Query',
      'GetItem',
    ]);
    expect((await read(`/v1/cases/${caseId}`, 'unit-b')).calls).toEqual([
      'Query',
      'Query',
      'GetItem',
      'Query',
    ]);
    expect((await read(`/v1/cases/${caseId}`, 'unit-a')).calls).toEqual([
      'Query',
      'Query',
      'GetItem',
      'Query',
    ]);
  });
});
