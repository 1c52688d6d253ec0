/**
 * A focal point's coordinator lists its queue by who holds each case (`delegatedTo`): what one
 * member unit was delegated, or what no unit holds yet. On DynamoDB Local through the HTTP app:
 * the filter pages as the queue does (full pages in deadline order, a cursor only while more
 * may come, the total of what the filter keeps), and it is the coordinator's alone.
 */
import { createApp } from '@pantau/api';
import { Service } from '@pantau/core';
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

let service: Service;
let app: ReturnType<typeof createApp>;
let issuer: TestIssuer;
const clock = manualClock('2026-09-07T03:00:00.000Z'); // Monday
const coordinator = officerOf('fp', 'agency_coordinator');

interface Row {
  caseId: string;
  agencyId: string;
  delegatedTo: string | null;
}
interface QueuePage {
  items: Row[];
  nextCursor: string | null;
  total?: number;
}

/** The cases, in the order they were forwarded: whom each was delegated to (null: none). */
const holders = ['unit-a', null, 'unit-b', 'unit-a', null, 'unit-a', 'unit-b', null] as const;
const caseIds: string[] = [];
/** A case unit-a held and the coordinator took back: no unit holds it. */
let takenBack = '';
/** A case of unit-a's own (forwarded to it): held by no one in the focal point's queue. */
let unitsOwn = '';
/** A case delegated to unit-c, which then left the focal point: back with it, held by none. */
let movedAway = '';
/** A case unit-a held, withdrawn: ended, still delegated to it. */
let ended = '';

beforeAll(async () => {
  const store = await freshStore();
  service = new Service({ store, clock: clock.now });
  issuer = await testIssuer();
  app = createApp({ store, verifier: issuer.verifier, clock: clock.now });
  await addAgencies(service, [
    { id: 'fp' },
    { id: 'unit-a', focalPointId: 'fp' },
    { id: 'unit-b', focalPointId: 'fp' },
    { id: 'unit-c', focalPointId: 'fp' },
    { id: 'polri' },
  ]);
  // A working day apart, so the deadlines (and the queue's order) differ.
  for (const [i, memberId] of holders.entries()) {
    clock.set(`2026-09-${String(7 + i).padStart(2, '0')}T03:00:00.000Z`);
    const { caseId } = await forwardedCase(service, ['fp']);
    caseIds.push(caseId);
    if (memberId) await service.delegate(coordinator, caseId, 'fp', { memberId });
  }
  clock.set('2026-09-16T03:00:00.000Z');
  takenBack = (await forwardedCase(service, ['fp'])).caseId;
  await service.delegate(coordinator, takenBack, 'fp', { memberId: 'unit-a' });
  await service.delegate(coordinator, takenBack, 'fp', { memberId: null });
  unitsOwn = (await forwardedCase(service, ['unit-a'])).caseId;
  movedAway = (await forwardedCase(service, ['fp'])).caseId;
  await service.delegate(coordinator, movedAway, 'fp', { memberId: 'unit-c' });
  await service.updateAgency(centralAdmin, 'unit-c', { focalPointId: null });
  ended = (await forwardedCase(service, ['fp'])).caseId;
  await service.delegate(coordinator, ended, 'fp', { memberId: 'unit-a' });
  await service.withdrawAssignment(centralOfficer, ended, 'fp', { reason: 'Salah alamat' });
}, 120_000);

async function get(path: string, agency = 'fp', role = 'agency_coordinator') {
  const authorization = await issuer.bearer({ sub: `${agency}-${role}`, agency, role });
  const res = await app.request(path, { headers: { authorization } });
  return { status: res.status, body: (await res.json()) as QueuePage & { code?: string } };
}

/** Every page of `query` at `limit` a page: the pages, as the console's "more" would read them. */
async function pages(query: string, limit: number) {
  const out: QueuePage[] = [];
  let cursor: string | null = null;
  do {
    const { status, body } = await get(
      `/v1/queue?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : '&total=true'}`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    out.push(body);
    cursor = body.nextCursor;
  } while (cursor && out.length < 20);
  return out;
}

/** The whole queue, unfiltered: the order the filtered lists must keep. */
async function wholeQueue() {
  return (await pages('scope=own', 100)).flatMap((p) => p.items);
}

describe('the queue by who holds each case (delegatedTo)', () => {
  it('lists what one member unit holds, a full page at a time, in the queue’s order', async () => {
    const expected = (await wholeQueue()).filter((a) => a.delegatedTo === 'unit-a');
    expect(expected.map((a) => a.caseId).sort()).toEqual(
      [caseIds[0], caseIds[3], caseIds[5]].sort(),
    );
    const read = await pages('delegatedTo=unit-a', 2);
    expect(read.map((p) => p.items.length)).toEqual([2, 1]);
    expect(read[0]!.total).toBe(3);
    expect(read.at(-1)!.nextCursor).toBeNull();
    expect(read.flatMap((p) => p.items.map((a) => a.caseId))).toEqual(
      expected.map((a) => a.caseId),
    );
  }, 60_000);

  it('lists what no unit holds: never delegated, taken back, or back from a unit that left', async () => {
    const expected = (await wholeQueue()).filter((a) => a.delegatedTo === null);
    expect(expected.map((a) => a.caseId).sort()).toEqual(
      [caseIds[1], caseIds[4], caseIds[7], takenBack, movedAway].sort(),
    );
    // One a page over a queue where most rows are delegated: no page before the last comes
    // out short with a cursor saying more.
    const read = await pages('delegatedTo=none', 1);
    expect(read[0]!.total).toBe(5);
    expect(read.slice(0, -1).every((p) => p.items.length === 1 && p.nextCursor)).toBe(true);
    expect(read.length).toBeLessThanOrEqual(6);
    expect(read.flatMap((p) => p.items.map((a) => a.caseId))).toEqual(
      expected.map((a) => a.caseId),
    );
    expect(read.flatMap((p) => p.items).some((a) => a.caseId === unitsOwn)).toBe(false);
  }, 60_000);

  it('goes with the other filters: the ended ones after, what arrived since', async () => {
    const open = (await pages('delegatedTo=unit-a', 10)).flatMap((p) => p.items);
    const all = (await pages('delegatedTo=unit-a&ended=true', 10)).flatMap((p) => p.items);
    expect(open.map((a) => a.caseId).sort()).toEqual([caseIds[0], caseIds[3], caseIds[5]].sort());
    expect(all.map((a) => a.caseId)).toEqual([...open.map((a) => a.caseId), ended]);
    const since = (
      await pages('delegatedTo=none&forwardedSince=2026-09-15T00:00:00.000Z', 10)
    ).flatMap((p) => p.items);
    expect(since.map((a) => a.caseId).sort()).toEqual([takenBack, movedAway].sort());
  }, 60_000);

  it('is a focal point’s coordinator’s alone', async () => {
    // A member unit's coordinator, an agency with no member units: a 400 naming the filter (`validation_failed`).
    for (const agency of ['unit-a', 'polri']) {
      const { status, body } = await get('/v1/queue?delegatedTo=none', agency);
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
    }
    // A unit that is not (or no longer) the focal point's member.
    for (const unit of ['polri', 'unit-c']) {
      const { status, body } = await get(`/v1/queue?delegatedTo=${unit}`);
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
    }
    // Its member units' own queues hold nothing the coordinator delegates.
    expect((await get('/v1/queue?delegatedTo=unit-a&scope=members')).status).toBe(400);
    // An officer of the focal point: as for member units' queues, forbidden.
    const officer = await get('/v1/queue?delegatedTo=none', 'fp', 'agency_officer');
    expect(officer.status).toBe(403);
  }, 60_000);
});
