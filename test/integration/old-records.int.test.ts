/**
 * Records written by an earlier release, read by this one (audit s25, findings 2 to 4): each
 * test writes its items through today's service, turns them into the shape the named earlier
 * commit stored (raw UpdateItem/PutItem on DynamoDB Local), and calls today's code.
 */
import {
  DEFAULT_DOCUMENT_SETTINGS,
  formatLocal,
  type LadderRef,
  type NotificationRecord,
  Service,
} from '@pantau/core';
import { type DynamoStore } from '@pantau/store';
import { sweep, tick } from '@pantau/workflow';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
  storeBeside,
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

const casePk = (caseId: string) => `setneg#CASE#${caseId}`;

/** Removes attributes from one stored item, as a release that never wrote them left it. */
async function strip(key: { pk: string; sk: string }, ...attributes: string[]) {
  await store.client.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: key,
      UpdateExpression: `REMOVE ${attributes.map((_, i) => `#a${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}

describe('a redirect re-forwarded before 3b1ef37 (no reforwardedAt, no reforwardOf)', () => {
  it('cannot be settled as needing no re-forward: the case was forwarded again', async () => {
    const { caseId } = await forwardedCase(service, ['pln']);
    clock.set('2026-05-05T03:00:00.000Z');
    await service.redirect(officerOf('pln'), caseId, 'pln', { reason: 'Bukan wewenang PLN' });
    clock.set('2026-05-06T03:00:00.000Z');
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'polri' }] });
    await strip({ pk: casePk(caseId), sk: 'ASSIGN#pln' }, 'reforwardedAt');
    await strip({ pk: casePk(caseId), sk: 'ASSIGN#polri' }, 'reforwardOf');

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
      '- konfirmasi penerimaan pengaduan: batas waktu 10 September 2026 pukul 23.59 WIB, terlambat 3 hari kerja.',
    );
    await extended(caseId, '2026-09-15', 1);
    clock.set('2026-09-15T01:05:00.000Z');
    await sweep({ store, clock: clock.now, mailer });
    expect(sent.map((n) => n.body.split('\n').filter((l) => l.startsWith('- ')))).toEqual([
      [
        '- konfirmasi penerimaan pengaduan: batas waktu 11 September 2026 pukul 23.59 WIB, terlambat 2 hari kerja.',
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
