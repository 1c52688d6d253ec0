/**
 * A table an older release wrote, upgraded on deploy and on the embedded start (the seed records
 * the upgrade job, core `UPGRADE_VERSION`; the runtime's runner, the real ASL on the local
 * interpreter, resumes it): every case's search index written as a new case's, and redirects a
 * later forwarding answered marked `reforwardedAt` (version 1); assignment items indexed under
 * an older rule written again, and given their case's complaint type when they had none
 * (version 2). The older items are made raw, as the named commit's code stored them; the
 * table's upgrade marker is removed, as no release before 4337b64 wrote it, or set to 1. Found
 * by the audits of session 25 (first round: findings 1 and 2; second round: 2 and 4).
 */
import {
  DomainError,
  type Service as ServiceType,
  Service,
  type Store,
  UPGRADE_VERSION,
} from '@pantau/core';
import { LocalJobRunner } from '@pantau/local';
import { type DynamoStore, keys, seedBaseline } from '@pantau/store';
import { DeleteCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addAgencies,
  casePk,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
  redirectReforwardedBefore3b1ef37,
  stripAttributes,
  writtenPartitions,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-05-04T03:00:00.000Z'); // Monday 10:00 WIB
let service: ServiceType;
let store: DynamoStore;

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [
    { id: 'pln' },
    { id: 'polri' },
    { id: 'kemendagri' },
    { id: 'pemkab', focalPointId: 'kemendagri' },
  ]);
}, 60_000);

const strip = (key: { pk: string; sk: string }, ...attributes: string[]) =>
  stripAttributes(store, key, ...attributes);

/** No release before this one wrote the upgrade marker. */
const asOlderRelease = () =>
  store.client.send(new DeleteCommand({ TableName: store.tableName, Key: keys.upgrade }));

/** A case registered before bab9a46 (11-29): no LOOKUP# or WORD# item was written for it. */
async function unindexed(caseId: string, receivedAt: string): Promise<void> {
  const index = await store.client.send(
    new ScanCommand({
      TableName: store.tableName,
      FilterExpression: 'sk = :sk AND (begins_with(pk, :l) OR begins_with(pk, :w))',
      ExpressionAttributeValues: {
        ':sk': `${receivedAt}#${caseId}`,
        ':l': 'setneg#LOOKUP#',
        ':w': 'setneg#WORD#',
      },
    }),
  );
  expect(index.Items?.length).toBeGreaterThan(0);
  for (const item of index.Items ?? [])
    await store.client.send(
      new DeleteCommand({ TableName: store.tableName, Key: { pk: item.pk, sk: item.sk } }),
    );
}

/** The deploy's or the embedded start's: the seed, then the runner resumes what it recorded. */
async function start(on: Store = store): Promise<string | null> {
  const { upgradeJobId } = await seedBaseline(store, clock.now());
  const runner = new LocalJobRunner({ store: on, clock: clock.now });
  await runner.resume();
  await runner.idle();
  return upgradeJobId;
}

const foundBy = async (q: string) =>
  (await service.search(centralOfficer, { q, limit: 25 })).items.map((h) => h.id);

const awaitingOf = async (caseId: string) =>
  (await service.worklist(centralOfficer, { awaitingReforward: true, limit: 100 })).items
    .filter((a) => a.caseId === caseId)
    .map((a) => a.agencyId);

describe('the upgrade of a table an older release wrote (on the seed’s start)', () => {
  it('indexes the cases registered before the search index, and takes the redirects answered before 3b1ef37 off the awaiting list, once', async () => {
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Rahmat Hidayat', phone: '0813-2222-9191' },
      subject: 'Lampu jalan padam berbulan-bulan',
      description: 'Lampu penerangan jalan di Jalan Merpati padam sejak Januari.',
    });
    await unindexed(created.id, created.receivedAt);
    // Written by the code at ba33e8e..859e921 (11-23): forwarding again after "not ours" set
    // nothing on the redirected assignment, and the new one named no redirect it answered.
    const caseId = await redirectReforwardedBefore3b1ef37(store, service, clock);
    await asOlderRelease();
    // What the audit found: neither found by its phone nor its words; the redirect listed.
    expect([await foundBy('0813-2222-9191'), await foundBy('lampu merpati')]).toEqual([[], []]);
    expect(await awaitingOf(caseId)).toEqual(['pln']);

    const jobId = await start();
    expect(jobId).not.toBeNull();
    expect(await foundBy('0813-2222-9191')).toEqual([created.id]);
    expect(await foundBy('lampu merpati')).toEqual([created.id]);
    expect(await awaitingOf(caseId)).toEqual([]);
    const pln = (await store.getCase(caseId))!.assignments.find((a) => a.agencyId === 'pln')!;
    // Answered when Polri was forwarded it, as a forwarding marks it today.
    expect(pln.reforwardedAt).toBe('2026-05-06T03:00:00.000Z');
    // Nor can it be "settled" as needing no re-forward any more.
    await expect(
      service.withdrawAssignment(centralOfficer, caseId, 'pln', { reason: 'Sudah ke Polri.' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await service.getJob(centralOfficer, jobId!)).toMatchObject({
      kind: 'upgrade',
      state: 'completed',
      total: 2,
      done: 2,
      failed: 0,
      // Both cases changed: the first's index, the second's redirect.
      moved: 2,
    });
    expect(await store.upgradedVersion()).toBe(UPGRADE_VERSION);

    // The next start (or deploy): no job.
    expect(await start()).toBeNull();
    expect(await store.latestJobId('upgrade')).toBe(jobId);

    // Run again over the same table (a marker lost): every case read, nothing written.
    await asOlderRelease();
    const again = await start();
    expect(again).not.toBe(jobId);
    expect(await store.getJob(again!)).toMatchObject({ state: 'completed', done: 2, moved: 0 });
  }, 60_000);

  it('a job that stopped (the table throttled past its retries) records nothing done; the next start does it', async () => {
    const created = await service.createCase(centralOfficer, {
      channel: 'email',
      complainant: { name: 'Dewi Lestari', email: 'dewi.lestari@example.com' },
      subject: 'Jembatan gantung rusak',
      description: 'Jembatan gantung Desa Sukamaju putus sebagian.',
    });
    await unindexed(created.id, created.receivedAt);
    await asOlderRelease();
    // Recorded by a deploy whose start did not get through (rolled back): the next one starts
    // that job, records none.
    const recorded = (await seedBaseline(store, clock.now())).upgradeJobId;
    expect((await seedBaseline(store, clock.now())).upgradeJobId).toBe(recorded);
    const throttled: Store = Object.create(store, {
      reindexCase: {
        value: async () => {
          throw new DomainError('service_unavailable', 'throttled');
        },
      },
    });
    const stopped = await start(throttled);
    expect(stopped).toBe(recorded);
    expect(await store.getJob(stopped!)).toMatchObject({ state: 'failed' });
    expect(await store.upgradedVersion()).toBe(0);
    expect(await foundBy('dewi.lestari@example.com')).toEqual([]);

    const carried = await start();
    expect(carried).not.toBe(stopped);
    expect(await store.getJob(carried!)).toMatchObject({ state: 'completed', failed: 0 });
    expect(await foundBy('dewi.lestari@example.com')).toEqual([created.id]);
    expect(await foundBy('jembatan sukamaju')).toEqual([created.id]);
    expect(await store.upgradedVersion()).toBe(UPGRADE_VERSION);
  }, 60_000);
});

describe('assignments an older release wrote, upgraded (version 2)', () => {
  /** Sets attributes of one stored item, as an older release wrote them. */
  async function setRaw(key: { pk: string; sk: string }, set: Record<string, unknown>) {
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: key,
        UpdateExpression: `SET ${Object.keys(set)
          .map((_, i) => `#a${i} = :a${i}`)
          .join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(Object.keys(set).map((a, i) => [`#a${i}`, a])),
        ExpressionAttributeValues: Object.fromEntries(
          Object.values(set).map((v, i) => [`:a${i}`, v]),
        ),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  /** A table the upgrade of version 1 completed on (the release before this one). */
  async function upgradedTo1() {
    await asOlderRelease();
    await store.markUpgraded(1, null, clock.now());
  }

  /** Polri's assignment of `caseId` in central's worklist and in Polri's queue, overdue or not. */
  async function listed(caseId: string) {
    const worklist = async (overdue: boolean) =>
      (await service.worklist(centralOfficer, { overdue, limit: 100 })).items
        .filter((x) => x.caseId === caseId)
        .map((x) => x.agencyId);
    const queue = async (overdue: boolean) =>
      (await service.queue(officerOf('polri'), { overdue, limit: 100, scope: 'own' })).items
        .filter((x) => x.caseId === caseId)
        .map((x) => x.agencyId);
    return {
      worklistOverdue: await worklist(true),
      worklistNotOverdue: await worklist(false),
      queueOverdue: await queue(true),
      queueNotOverdue: await queue(false),
    };
  }

  const ofType = async (type: 'normative', caseId: string) =>
    (await service.worklist(centralOfficer, { type, limit: 100 })).items
      .filter((x) => x.caseId === caseId)
      .map((x) => x.agencyId);

  it('lists again an assignment paused before 69365b7 (keyed by its earliest deadline) and finds by type one forwarded before 97cdf3b (no complaintType)', async () => {
    clock.set('2026-06-01T03:00:00.000Z');
    const paused = (await forwardedCase(service, ['polri'], 'light')).caseId;
    const untyped = (await forwardedCase(service, ['polri'], 'normative')).caseId;
    clock.set('2026-06-02T03:00:00.000Z');
    await service.pauseAssignment(
      officerOf('polri'),
      paused,
      'polri',
      'Menunggu putusan pengadilan',
    );
    const a = (await store.getCase(paused))!.assignments[0]!;
    // The key 69365b7^'s nextDueAt gave it: its earliest unmet deadline, paused or not.
    const old = `${[a.due.acknowledge, a.due.followUp, a.due.resolution].sort()[0]}#${paused}#polri`;
    await setRaw({ pk: casePk(paused), sk: 'ASSIGN#polri' }, { gsi1sk: old, gsi2sk: old });
    await strip({ pk: casePk(untyped), sk: 'ASSIGN#polri' }, 'complaintType');
    await upgradedTo1();
    clock.set('2026-06-10T03:00:00.000Z'); // its old date long passed, still paused
    // What the audit found: in neither list while it stays paused; not found by its type.
    const none = {
      worklistOverdue: [],
      worklistNotOverdue: [],
      queueOverdue: [],
      queueNotOverdue: [],
    };
    expect(await listed(paused)).toEqual(none);
    expect(await ofType('normative', untyped)).toEqual([]);

    const jobId = await start();
    expect(jobId).not.toBeNull();
    expect(await store.getJob(jobId!)).toMatchObject({ state: 'completed', failed: 0, moved: 2 });
    expect(await store.upgradedVersion()).toBe(UPGRADE_VERSION);
    // Paused: not overdue, listed as such (at the end of the list, as a pause made today is).
    expect(await listed(paused)).toEqual({
      ...none,
      worklistNotOverdue: ['polri'],
      queueNotOverdue: ['polri'],
    });
    expect(await ofType('normative', untyped)).toEqual(['polri']);
    const upgraded = (await store.getCase(untyped))!.assignments[0]!;
    expect(upgraded).toMatchObject({ complaintType: 'normative' });
  }, 60_000);

  it('writes nothing for the cases this release wrote (the job of version 2 over a table of version 1)', async () => {
    clock.set('2026-06-15T03:00:00.000Z');
    await addAgencies(service, [{ id: 'polda-metro', focalPointId: 'polri' }]);
    // One of each shape an assignment is listed by: open, paused, delegated, answered, redirected.
    const open = (await forwardedCase(service, ['polri', 'pln'], 'light')).caseId;
    const pausedNow = (await forwardedCase(service, ['polri'])).caseId;
    await service.pauseAssignment(officerOf('polri'), pausedNow, 'polri', 'Menunggu putusan');
    const delegated = (await forwardedCase(service, ['polri'])).caseId;
    await service.delegate(officerOf('polri', 'agency_coordinator'), delegated, 'polri', {
      memberId: 'polda-metro',
    });
    await service.redirect(officerOf('pln'), open, 'pln', { reason: 'Bukan wewenang PLN' });
    // A mediation planned by this release: its invitations are stored, nothing to write.
    await service.planActivity(centralOfficer, delegated, {
      kind: 'mediation',
      scheduledAt: '2026-06-18T03:00:00.000Z',
      agencyIds: ['polri'],
    });
    await upgradedTo1();
    // The seed records the job (and writes its baseline); the job's own writes are counted.
    const { upgradeJobId: jobId } = await seedBaseline(store, clock.now());
    const send = vi.spyOn(store.client, 'send');
    try {
      const runner = new LocalJobRunner({ store, clock: clock.now });
      await runner.resume();
      await runner.idle();
      const job = await store.getJob(jobId!);
      expect(job).toMatchObject({ state: 'completed', failed: 0, moved: 0 });
      expect(job!.done).toBeGreaterThanOrEqual(3);
      // Every write the job made went to its own items (its record, chunks, the marker).
      const written = send.mock.calls.flatMap(([command]) => writtenPartitions(command));
      expect(written.length).toBeGreaterThan(0);
      expect(
        written.filter((pk) => !pk.startsWith('setneg#JOB') && pk !== keys.upgrade.pk),
      ).toEqual([]);
    } finally {
      send.mockRestore();
    }
    expect(await store.upgradedVersion()).toBe(UPGRADE_VERSION);
  }, 60_000);
});

describe('activities planned before their invitations were kept (version 8)', () => {
  it('puts each planned activity on its agencies’ lists of coming activities, once', async () => {
    clock.set('2026-07-06T02:00:00.000Z'); // Monday 09:00 WIB
    const { caseId } = await forwardedCase(service, ['polri', 'pln']);
    const mediation = await service.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      scheduledAt: '2026-07-09T03:00:00.000Z',
      agencyIds: ['polri', 'pln'],
    });
    // Neither a proposal nor a plan without a date is listed: nothing to write for them.
    await service.planActivity(centralOfficer, caseId, {
      kind: 'coordination',
      agencyIds: ['pln'],
    });
    // As its release left it: the activity, and no invitation beside it.
    for (const agencyId of ['polri', 'pln'])
      await store.client.send(
        new DeleteCommand({
          TableName: store.tableName,
          Key: keys.invitation(caseId, mediation.id, agencyId),
        }),
      );
    const upgradedTo7 = async () => {
      await asOlderRelease();
      await store.markUpgraded(7, null, clock.now());
    };
    await upgradedTo7();
    const listed = async (agencyId: string) =>
      (await service.invitedActivities(officerOf(agencyId), { limit: 100, scope: 'own' })).items
        .filter((a) => a.caseId === caseId)
        .map((a) => a.activityId);
    // What an agency read: nothing coming, though a mediation was planned with it.
    expect([await listed('polri'), await listed('pln')]).toEqual([[], []]);

    const jobId = await start();
    expect([await listed('polri'), await listed('pln')]).toEqual([[mediation.id], [mediation.id]]);
    expect(await store.getJob(jobId!)).toMatchObject({ state: 'completed', failed: 0 });
    const after = (await store.getCase(caseId))!.activities.find((a) => a.id === mediation.id)!;
    // Written again as it was, under its version.
    expect(after).toMatchObject({ status: 'planned', scheduledAt: mediation.scheduledAt });
    expect(after.version).toBe(mediation.version + 1);

    // Run again (a marker lost): the case read, nothing written for it.
    await upgradedTo7();
    const again = await start();
    expect(await store.getJob(again!)).toMatchObject({ state: 'completed', failed: 0 });
    expect(
      (await store.getCase(caseId))!.activities.find((a) => a.id === mediation.id)!.version,
    ).toBe(after.version);
  }, 60_000);

  it('puts it on the list of the member unit holding an invited focal point’s assignment', async () => {
    clock.set('2026-07-06T02:00:00.000Z'); // Monday 09:00 WIB
    const { caseId } = await forwardedCase(service, ['kemendagri', 'pln']);
    await service.delegate(officerOf('kemendagri', 'agency_coordinator'), caseId, 'kemendagri', {
      memberId: 'pemkab',
    });
    const mediation = await service.planActivity(centralOfficer, caseId, {
      kind: 'mediation',
      scheduledAt: '2026-07-09T03:00:00.000Z',
      agencyIds: ['kemendagri', 'pln'],
    });
    const conference = await service.planActivity(centralOfficer, caseId, {
      kind: 'case_conference',
      scheduledAt: '2026-07-10T03:00:00.000Z',
      agencyIds: ['kemendagri'],
    });
    // As the releases before left them: the mediation with none; the conference with its
    // agency's (invitations kept, not yet the member unit's).
    for (const key of [
      keys.invitation(caseId, mediation.id, 'kemendagri'),
      keys.invitation(caseId, mediation.id, 'pln'),
      keys.heldInvitation(caseId, mediation.id, 'kemendagri'),
      keys.heldInvitation(caseId, conference.id, 'kemendagri'),
    ])
      await store.client.send(new DeleteCommand({ TableName: store.tableName, Key: key }));
    await asOlderRelease();
    await store.markUpgraded(7, null, clock.now());
    const listed = async (agencyId: string) =>
      (await service.invitedActivities(officerOf(agencyId), { limit: 100, scope: 'own' })).items
        .filter((a) => a.caseId === caseId)
        .map((a) => [a.activityId, a.via]);
    // The unit doing the work read nothing coming on the case.
    expect(await listed('pemkab')).toEqual([]);
    expect(await listed('kemendagri')).toEqual([[conference.id, null]]);

    await start();
    expect(await listed('pemkab')).toEqual([
      [mediation.id, 'kemendagri'],
      [conference.id, 'kemendagri'],
    ]);
    expect(await listed('kemendagri')).toEqual([
      [mediation.id, null],
      [conference.id, null],
    ]);
    expect(await listed('pln')).toEqual([[mediation.id, null]]);
  }, 60_000);
});

describe('a tracking code issued before 1b0cfef (key TRACK#<code>, not TRACK#H#<sha256>)', () => {
  it('still opens its case on the tracking page', async () => {
    const { caseId } = await forwardedCase(service, ['pln']);
    const kase = await service.getCase(centralOfficer, caseId);
    const code = kase.trackingCode!;
    const hashed = createHash('sha256').update(code).digest('base64url');
    await store.client.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: { pk: `setneg#TRACK#H#${hashed}`, sk: 'TRACK' },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: `setneg#TRACK#${code}`, sk: 'TRACK', entity: 'tracking_code', caseId },
      }),
    );
    expect(await service.track(code)).toMatchObject({ status: 'forwarded' });
  });
});
