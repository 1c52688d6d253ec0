/**
 * Records written by an earlier release, read by this one (audit s25, findings 2 to 4; its
 * second round's finding 1, a ladder from before episodes): each
 * test writes its items through today's service, turns them into the shape the named earlier
 * commit stored (raw UpdateItem/PutItem on DynamoDB Local), and calls today's code.
 */
import {
  DEFAULT_DOCUMENT_SETTINGS,
  formatLocal,
  type LadderRef,
  type NotificationRecord,
  Service,
  type SlaPolicy,
} from '@pantau/core';
import { LocalLadderEngine } from '@pantau/local';
import { type DynamoStore } from '@pantau/store';
import { sweep, tick } from '@pantau/workflow';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addAgencies,
  casePk,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
  redirectReforwardedBefore3b1ef37,
  storeBeside,
  stripAttributes,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-05-04T03:00:00.000Z'); // Monday 10:00 WIB
let store: DynamoStore;
let service: Service;
/** The ladders the service armed (run here by calling their Tick). */
const armed: LadderRef[] = [];
const sent: NotificationRecord[] = [];
const mailer = { send: async (n: NotificationRecord) => void sent.push(n) };

beforeEach(async () => {
  store = await freshStore();
  service = new Service({
    store,
    clock: clock.now,
    ladders: { arm: async (r) => void armed.push(r) },
  });
  await addAgencies(service, [{ id: 'pln' }, { id: 'polri' }]);
  sent.length = 0;
}, 60_000);

const strip = (key: { pk: string; sk: string }, ...attributes: string[]) =>
  stripAttributes(store, key, ...attributes);

describe('a redirect re-forwarded before 3b1ef37 (no reforwardedAt, no reforwardOf)', () => {
  it('cannot be settled as needing no re-forward: the case was forwarded again', async () => {
    const caseId = await redirectReforwardedBefore3b1ef37(store, service, clock);

    const settle = service.withdrawAssignment(centralOfficer, caseId, 'pln', {
      reason: 'Sudah ke Polri.',
    });
    await expect(settle).rejects.toMatchObject({ code: 'invalid_transition' });
    const pln = await service.getAssignment(centralOfficer, caseId, 'pln');
    expect(pln).toMatchObject({ state: 'redirected' });
    expect(pln).not.toHaveProperty('redirectSettled');
  });
});

describe('a held letter written before e648201 (no `named`)', () => {
  /** The ladder's letters of `caseId`, newest first. */
  const letters = async (caseId: string) =>
    (await store.listNotifications({ caseId }, { limit: 10 })).items;

  /** Polri's case forwarded at `forwardedAt`, its first ladder letter written at `tickAt` (held for 08:00), stored as before e648201. */
  async function heldOldLetter(forwardedAt: string, tickAt: string) {
    clock.set(forwardedAt);
    const { caseId } = await forwardedCase(service, ['polri'], 'light');
    clock.set(tickAt);
    await tick({ store, clock: clock.now, mailer }, armed.at(-1)!);
    const [written] = (await letters(caseId)).filter((n) => n.action !== 'forwarding');
    expect(written).toMatchObject({ status: 'pending' });
    await strip({ pk: casePk(caseId), sk: `NOTIF#${written!.id}` }, 'named');
    return { caseId, written: written! };
  }

  /** Polri asks for `workingDays` more at 07:20 WIB of `day`, central approves at 07:30. */
  async function extended(caseId: string, day: string, workingDays: number) {
    clock.set(`${day}T00:20:00.000Z`);
    const req = await service.requestExtension(officerOf('polri'), caseId, 'polri', {
      workingDays,
      reason: 'Menunggu data dari Polda',
    });
    clock.set(`${day}T00:30:00.000Z`);
    await service.decideExtension(centralOfficer, caseId, 'polri', req.id, { approve: true });
  }

  it('does not send a warning naming a deadline that moved: cancelled deadline_moved', async () => {
    // Written Wednesday 13 May 00:00 WIB, held for 08:00; extended at 07:30.
    const { caseId, written } = await heldOldLetter(
      '2026-05-11T03:00:00.000Z',
      '2026-05-12T17:00:00.000Z',
    );
    expect(written.action).toBe('warning');
    const oldDate = formatLocal(
      (await service.getAssignment(centralOfficer, caseId, 'polri')).due.acknowledge,
      'Asia/Jakarta',
    );
    expect(written.body).toContain(oldDate);
    await extended(caseId, '2026-05-13', 5);
    clock.set('2026-05-13T01:05:00.000Z');
    await sweep({ store, clock: clock.now, mailer });
    expect(sent.map((n) => n.body)).toEqual([]);
    expect((await letters(caseId)).find((n) => n.id === written.id)).toMatchObject({
      status: 'cancelled',
      cancelled: { reason: 'deadline_moved' },
    });
  });

  it('sends a warning whose deadline did not move, as written', async () => {
    const { written } = await heldOldLetter('2026-05-11T03:00:00.000Z', '2026-05-12T17:00:00.000Z');
    clock.set('2026-05-13T01:05:00.000Z');
    await sweep({ store, clock: clock.now, mailer });
    expect(sent.map((n) => [n.id, n.body])).toEqual([[written.id, written.body]]);
  });

  it('sends a reminder whose deadline moved with its line written from the deadline in force', async () => {
    // Written Tuesday 15 September 00:00 WIB; one more working day approved at 07:30.
    const { caseId, written } = await heldOldLetter(
      '2026-09-07T03:00:00.000Z',
      '2026-09-14T17:00:00.000Z',
    );
    expect(written.body).toContain(
      '- Konfirmasi penerimaan pengaduan: batas waktu 10 September 2026 pukul 23.59 WIB, terlambat 3 hari kerja.',
    );
    await extended(caseId, '2026-09-15', 1);
    clock.set('2026-09-15T01:05:00.000Z');
    await sweep({ store, clock: clock.now, mailer });
    expect(sent.map((n) => n.body.split('\n').filter((l) => l.startsWith('- ')))).toEqual([
      [
        '- Konfirmasi penerimaan pengaduan: batas waktu 11 September 2026 pukul 23.59 WIB, terlambat 2 hari kerja.',
      ],
    ]);
  });
});

describe('document settings saved before 37f1922 (text today’s input rules refuse)', () => {
  it('still read: the settings page shows them, and letters are written with them', async () => {
    // Half of a UTF-16 pair (JSON's \ud800, from a script) and a NIP written with dots.
    const older = {
      ...DEFAULT_DOCUMENT_SETTINGS,
      signatory: {
        name: 'Dr. Budi\uD800',
        position: 'Asisten Deputi',
        nip: '19700101.199503.1.001',
      },
      version: 1,
      updatedAt: '2026-11-20T02:00:00.000Z',
    };
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: 'setneg#SETTINGS', sk: 'DOCUMENTS', entity: 'document_settings', ...older },
      }),
    );
    // Read by another instance (no settings cached from before the write).
    const own = storeBeside(store);
    const fresh = new Service({
      store: own,
      clock: clock.now,
      ladders: { arm: async (r) => void armed.push(r) },
      forwardingLetters: true,
    });
    expect(await fresh.documentSettings(centralAdmin)).toMatchObject({
      signatory: older.signatory,
      version: 1,
    });
    const { caseId } = await forwardedCase(fresh, ['polri']);
    await tick({ store: own, clock: clock.now, mailer }, armed.at(-1)!);
    const [letter] = (await own.listNotifications({ caseId }, { limit: 10 })).items;
    expect(letter).toMatchObject({ action: 'forwarding' });
    expect(letter!.document).toBeDefined();
    expect(JSON.stringify(letter!.document)).toContain('19700101.199503.1.001');
  });
});

describe('a ladder written before episodes (before 1e6f0f2: no `state`, warnings keyed by their instant)', () => {
  /** Sets attributes of one stored item and removes others, as an older release left it. */
  async function reshape(
    key: { pk: string; sk: string },
    remove: readonly string[],
    set: Record<string, unknown>,
  ) {
    const names = Object.fromEntries([
      ...remove.map((a, i) => [`#r${i}`, a]),
      ...Object.keys(set).map((a, i) => [`#s${i}`, a]),
    ]);
    const values = Object.fromEntries(Object.values(set).map((v, i) => [`:s${i}`, v]));
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: key,
        UpdateExpression: [
          Object.keys(set).length
            ? `SET ${Object.keys(set)
                .map((_, i) => `#s${i} = :s${i}`)
                .join(', ')}`
            : '',
          remove.length ? `REMOVE ${remove.map((_, i) => `#r${i}`).join(', ')}` : '',
        ].join(' '),
        ExpressionAttributeNames: names,
        ...(Object.keys(set).length ? { ExpressionAttributeValues: values } : {}),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  /** A letter's exactly-once marker moved from today's key to the one the older engine gave it. */
  async function rekeyStep(caseId: string, n: NotificationRecord, oldId: string) {
    const stored = await store.client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: { pk: casePk(caseId), sk: `NOTIF#${n.id}` },
      }),
    );
    const at = (id: string) => ({
      pk: casePk(caseId),
      sk: `STEP#${n.agencyId}#${n.generation}#${id}`,
    });
    const marker = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: at(String(stored.Item!.stepId)) }),
    );
    expect(marker.Item).toBeDefined();
    await store.client.send(
      new DeleteCommand({ TableName: store.tableName, Key: at(String(stored.Item!.stepId)) }),
    );
    await store.client.send(
      new PutCommand({ TableName: store.tableName, Item: { ...marker.Item, ...at(oldId) } }),
    );
  }

  it('warns about a deadline once: a re-arm ticking between a warning the older engine sent and its deadline sends none again', async () => {
    const engine = new LadderEngineFor();
    const time = { now: clock.now, set: (to: Date) => clock.set(to.toISOString()) };
    clock.set('2026-06-01T03:00:00.000Z'); // Monday 10:00 WIB
    const { caseId } = await forwardedCase(engine.service, ['polri'], 'light');
    await engine.ladders.runDue();
    // Wednesday 09:00 WIB: the warning of Thursday's acknowledge deadline went at 08:00.
    await engine.ladders.passTime(time, new Date('2026-06-03T02:00:00.000Z'));
    const letters = async () =>
      (await store.listNotifications({ caseId }, { limit: 100 })).items.filter(
        (n) => n.action === 'warning',
      );
    const [warning, ...none] = await letters();
    expect([warning?.targets, none]).toEqual([['acknowledge'], []]);
    // As b8c859d..1e6f0f2 stored it: no state on the ladder record (no episode, nothing warned),
    // `lastStepAt` moved on by each step, warnings included; the step's marker keyed by its
    // instant; the letter without `named` or `episode`.
    await rekeyStep(caseId, warning!, `warning@${warning!.scheduledAt}`);
    await reshape(
      { pk: casePk(caseId), sk: 'ASSIGN#polri#LADDER' },
      ['state', 'policyVersion', 'forwardingLetter'],
      { level: 0, rung: null, lastStepAt: warning!.scheduledAt },
    );
    await strip({ pk: casePk(caseId), sk: `NOTIF#${warning!.id}` }, 'named', 'episode');

    // After the deploy, Wednesday 11:00 WIB, Thursday's deadline still ahead: an admin saves the
    // policy (its sample size: no deadline moves), which re-arms every open ladder under it, as
    // the deploy's own re-arm jobs do, whether or not the upgrade job has got to the case.
    clock.set('2026-06-03T04:00:00.000Z');
    const policy = (await store.getPolicy('default')) as SlaPolicy;
    const { id: _id, version, updatedAt: _u, ...fields } = policy;
    await engine.service.putPolicy(centralAdmin, 'default', {
      ...fields,
      minimumSample: policy.minimumSample + 1,
      version,
    });
    await engine.ladders.runDue();
    // On to the end of the ladder: every deadline passes unmet, each rung comes.
    await engine.ladders.passTime(time, new Date('2026-06-19T02:00:00.000Z'));
    expect(engine.ladders.stats.failures).toBe(0);
    // Polri is warned once about each deadline (Thursday's acknowledge the once, before the
    // deploy; the later ones in their turn), and each rung of its overdue episode comes once.
    const written = (await store.listNotifications({ caseId }, { limit: 100 })).items
      .filter((n) => n.action !== 'forwarding')
      .sort((x, y) => x.scheduledAt.localeCompare(y.scheduledAt) || x.step.localeCompare(y.step))
      .map((n) => [n.step, n.episode ?? null, n.targets]);
    expect(written).toEqual([
      ['warning', null, ['acknowledge']],
      ['reminder_1', 1, ['acknowledge']],
      ['warning', null, ['followUp', 'resolution']],
      ['reminder_2', 1, ['acknowledge', 'followUp', 'resolution']],
    ]);
  }, 120_000);
});

/** A service whose ladders run on the real ASL (the local interpreter), with this file's mailer. */
class LadderEngineFor {
  readonly ladders = new LocalLadderEngine({ store, clock: clock.now, mailer });
  readonly service = new Service({ store, clock: clock.now, ladders: this.ladders });
}
