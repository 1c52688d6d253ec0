/**
 * An agency whose part in a case ended without its doing the work (its assignment withdrawn by
 * central, or redirected and settled: forwarded elsewhere, or settled by central) reads the case
 * as a hidden identity's: no complainant, none of the case's events after its part ended, no
 * hit in its word search, none of the case's files (audit s24, finding 1). One that did the
 * work keeps what it read; one forwarded to again reads as before. And the tracking code, the
 * complainant's credential, is in no key of the table in clear (finding 3). How the case ended
 * or went on (`caseNotice`, on its queue row and its case's assignment): who closed it, when,
 * how, never central's note, or that the complainant reopened it; nothing of it after its part
 * ended.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaseChange, uploadKey, type Principal, Service, type Store } from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { type DynamoStore, keys } from '@pantau/store';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { SMALL_PDF } from '../support/documents.ts';
import {
  addAgencies,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-08-04T03:00:00.000Z');
let service: Service;
let store: DynamoStore;
let blobs: FileBlobStore;
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    endpoint: inject('dynamoDbEndpoint'),
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }),
);

beforeAll(async () => {
  store = await freshStore();
  blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), 'pantau-ended-')), clock.now);
  service = new Service({ store, clock: clock.now, blobs, inspect: inspectUpload });
  await addAgencies(service, [
    { id: 'polri' },
    { id: 'bpn' },
    { id: 'pemkot' },
    { id: 'kemendagri' },
    { id: 'dukcapil', focalPointId: 'kemendagri' },
  ]);
}, 60_000);

const SITI = {
  name: 'Siti Aminah',
  idNumber: '3201234567890123',
  phone: '081234567890',
  email: 'siti.aminah@warga.example.id',
  address: 'Jl. Melati 5, Bogor',
};

/** A letter of Siti's, registered and verified by central, its identity not hidden. */
const register = async () => {
  const created = await service.createCase(centralOfficer, {
    channel: 'letter',
    complainant: SITI,
    letter: { number: '12/SA/VIII/2026', date: '2026-08-01', sender: 'Siti Aminah' },
    subject: 'Pungutan liar oleh oknum polisi',
    description: 'Oknum meminta uang saat pengurusan SIM.',
  });
  await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type: 'normative' });
  return created;
};

const forward = (caseId: string, agencies: string[]) =>
  service.forward(centralOfficer, caseId, {
    assignments: agencies.map((agencyId) => ({ agencyId })),
  });

const withdraw = (caseId: string, agencyId: string) =>
  service.withdrawAssignment(centralOfficer, caseId, agencyId, {
    reason: 'Salah instansi: yang diadukan adalah oknum instansi ini',
  });

const finds = async (p: Principal, caseId: string, q = 'pungutan') =>
  (await service.search(p, { q, limit: 20 })).items.some((h) => h.id === caseId);

/** Its own assignment on `caseId` in an agency's queue, the ended ones too (`?ended=true`). */
const rowOf = async (p: Principal, caseId: string, ended = true) =>
  (await service.queue(p, { ended, scope: 'own', limit: 100 } as never)).items.find(
    (a) => a.caseId === caseId,
  );

/** A file central attached to the case, for the agencies: its id. */
const attachToCase = async (caseId: string) => {
  const started = await service.createAttachment(centralOfficer, caseId, {
    name: 'bukti.pdf',
    size: SMALL_PDF.byteLength,
    visibility: 'agencies',
  });
  const { id } = started.attachment;
  await blobs.write(uploadKey(caseId, id), SMALL_PDF);
  await service.completeAttachment(centralOfficer, caseId, id);
  return id;
};

const tick = (minutes: number) =>
  clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());

describe('an agency whose assignment central withdrew', () => {
  const REPLY = 'Saya Siti Aminah, rumah saya di Jl. Melati 5 didatangi oknum itu lagi kemarin.';
  const polri = officerOf('polri');
  const bpn = officerOf('bpn');
  let caseId: string;

  // Forwarded to Polri and BPN; central sees Polri is the agency complained about and takes it
  // off; BPN answers; the complainant, unsatisfied, writes again on the tracking page.
  beforeAll(async () => {
    const created = await register();
    caseId = created.id;
    await forward(caseId, ['polri', 'bpn']);
    tick(10);
    await withdraw(caseId, 'polri');
    tick(10);
    await service.respond(bpn, caseId, 'bpn', { kind: 'final', message: 'Sudah ditindaklanjuti.' });
    tick(10);
    await service.reply(created.trackingCode!, { satisfied: false, rating: 1, message: REPLY });
  }, 30_000);

  it('no longer reads who complained (nor the letter they wrote)', async () => {
    const seen = await service.getCase(polri, caseId);
    expect({ complainant: seen.complainant, letter: seen.letter }).toEqual({
      complainant: null,
      letter: null,
    });
    // Still its own: the case itself, and its assignment.
    expect(seen.subject).toBe('Pungutan liar oleh oknum polisi');
    expect(seen.assignments.map((a) => [a.agencyId, a.state])).toEqual([['polri', 'withdrawn']]);
    // The agency still on the case reads it all.
    expect((await service.getCase(bpn, caseId)).complainant).toMatchObject(SITI);
  });

  it('reads none of the case’s events after its withdrawal (the complainant’s reply)', async () => {
    const events = (await service.timeline(polri, caseId, { limit: 100 })).items;
    const types = events.map((e) => e.type);
    // The case's events up to its withdrawal, and its assignment's own: none after.
    expect(types).toEqual(expect.arrayContaining(['case_registered', 'assignment_withdrawn']));
    expect(types).not.toContain('complainant_replied');
    const withdrawnAt = events.find((e) => e.type === 'assignment_withdrawn')!.at;
    expect(events.filter((e) => e.agencyId === null && e.at > withdrawnAt)).toEqual([]);
    // Of the registration, not the complainant's letter's number (as for a hidden identity).
    expect(events.find((e) => e.type === 'case_registered')!.data).not.toHaveProperty(
      'letterNumber',
    );
    const bpnEvents = (await service.timeline(bpn, caseId, { limit: 100 })).items;
    expect(
      bpnEvents.filter((e) => e.type === 'complainant_replied').map((e) => e.data.message),
    ).toEqual([REPLY]);
  });

  it('is not told the case reopened after its part ended (the agency still on it is)', async () => {
    expect(await rowOf(polri, caseId)).toMatchObject({ state: 'withdrawn', caseNotice: null });
    expect((await service.getCase(polri, caseId)).assignments).toMatchObject([
      { caseNotice: null },
    ]);
    expect(await rowOf(bpn, caseId)).toMatchObject({
      caseNotice: { code: 'reopened_unsatisfied' },
    });
  });

  it('reads the case’s status as it stood when it was withdrawn, not the reopening since', async () => {
    const seen = await service.getCase(polri, caseId);
    // Withdrawn while the case was forwarded: not the answer, the reply window, the reopening.
    expect({
      status: seen.status,
      closure: seen.closure,
      replyWindowClosesAt: seen.replyWindowClosesAt,
    }).toEqual({ status: 'forwarded', closure: null, replyWindowClosesAt: null });
    // Central, the agency still on the case and the complainant read it as it is.
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('reopened');
    expect((await service.getCase(bpn, caseId)).status).toBe('reopened');
    const { trackingCode } = (await store.getCase(caseId))!.case;
    expect((await service.track(trackingCode)).status).toBe('reopened');
  });

  it('no longer finds the case in its word search', async () => {
    expect(await finds(polri, caseId)).toBe(false);
    expect(await finds(bpn, caseId)).toBe(true);
  });

  it('no longer lists nor downloads the case’s files', async () => {
    const created = await register();
    await forward(created.id, ['polri', 'bpn']);
    const file = await attachToCase(created.id);
    const polri = officerOf('polri');
    expect((await service.listAttachments(polri, created.id)).items.map((a) => a.id)).toContain(
      file,
    );
    await withdraw(created.id, 'polri');

    expect((await service.listAttachments(polri, created.id)).items).toEqual([]);
    await expect(service.downloadAttachment(polri, created.id, file)).rejects.toMatchObject({
      code: 'not_found',
    });
    // The agency still on the case keeps them.
    await expect(
      service.downloadAttachment(officerOf('bpn'), created.id, file),
    ).resolves.toHaveProperty('url');
  });

  it('forwarded to again (a new generation), reads the case as before', async () => {
    const created = await register();
    await forward(created.id, ['polri', 'bpn']);
    await withdraw(created.id, 'polri');
    const polri = officerOf('polri');
    expect((await service.getCase(polri, created.id)).complainant).toBeNull();

    tick(10);
    await forward(created.id, ['polri']);
    const seen = await service.getCase(polri, created.id);
    expect(seen.complainant).toMatchObject(SITI);
    expect(seen.assignments.map((a) => [a.state, a.generation])).toEqual([['pending', 2]]);
    expect(await finds(polri, created.id)).toBe(true);
  });
});

describe('an agency that said "not ours"', () => {
  it('reads the case until central forwards it elsewhere, then no longer', async () => {
    const created = await register();
    await forward(created.id, ['pemkot']);
    const pemkot = officerOf('pemkot');
    await service.redirect(pemkot, created.id, 'pemkot', {
      reason: 'Bukan kewenangan pemerintah kota',
      suggestedAgencyId: 'polri',
    });
    // Awaiting central's re-forward: its part is not settled yet.
    expect((await service.getCase(pemkot, created.id)).complainant).toMatchObject(SITI);

    tick(10);
    await forward(created.id, ['polri']);
    expect((await service.getCase(pemkot, created.id)).complainant).toBeNull();
    expect(await finds(pemkot, created.id)).toBe(false);

    // Polri answers: the case is resolved, the complainant's reply window open. Pemkot's part
    // ended at the re-forward: it reads the case as it stood then.
    tick(10);
    await service.respond(officerOf('polri'), created.id, 'polri', {
      kind: 'final',
      message: 'Sudah ditindak.',
    });
    const now = await service.getCase(officerOf('polri'), created.id);
    expect(now.status).toBe('resolved');
    expect(now.replyWindowClosesAt).not.toBeNull();
    const seen = await service.getCase(pemkot, created.id);
    expect({ status: seen.status, replyWindowClosesAt: seen.replyWindowClosesAt }).toEqual({
      status: 'forwarded',
      replyWindowClosesAt: null,
    });
  });

  it('no longer reads it once central settles the redirect without a re-forward', async () => {
    const created = await register();
    await forward(created.id, ['pemkot', 'bpn']);
    const pemkot = officerOf('pemkot');
    await service.redirect(pemkot, created.id, 'pemkot', { reason: 'Bukan kewenangan' });
    await service.withdrawAssignment(centralOfficer, created.id, 'pemkot', {
      reason: 'BPN menyelesaikannya',
    });
    expect((await service.getCase(pemkot, created.id)).complainant).toBeNull();
    expect(await finds(pemkot, created.id)).toBe(false);
  });
});

describe('an agency that did the work', () => {
  it('keeps reading the case it answered in full, after it closed', async () => {
    const created = await register();
    await forward(created.id, ['bpn']);
    const bpn = officerOf('bpn');
    await service.respond(bpn, created.id, 'bpn', { kind: 'final', message: 'Selesai.' });
    await service.reply(created.trackingCode!, {
      satisfied: true,
      rating: 5,
      message: 'Terima kasih.',
    });
    const seen = await service.getCase(bpn, created.id);
    expect(seen.status).toBe('closed');
    expect(seen.complainant).toMatchObject(SITI);
    const events = (await service.timeline(bpn, created.id, { limit: 100 })).items;
    expect(events.find((e) => e.type === 'complainant_replied')?.data.message).toBe(
      'Terima kasih.',
    );
    expect(await finds(bpn, created.id)).toBe(true);
  });
});

describe('a focal point and its member units', () => {
  it('a coordinator reads its member unit’s live assignment, its own withdrawn', async () => {
    const created = await register();
    await forward(created.id, ['kemendagri', 'dukcapil']);
    await withdraw(created.id, 'kemendagri');
    const coordinator = officerOf('kemendagri', 'agency_coordinator');
    // Its member unit still works on the case: the focal point answers for it.
    expect((await service.getCase(coordinator, created.id)).complainant).toMatchObject(SITI);
    expect(await finds(coordinator, created.id)).toBe(true);

    await withdraw(created.id, 'dukcapil');
    expect((await service.getCase(coordinator, created.id)).complainant).toBeNull();
    expect(await finds(coordinator, created.id)).toBe(false);
  });

  it('a member unit the withdrawn assignment was delegated to reads it as its focal point does', async () => {
    const created = await register();
    await forward(created.id, ['kemendagri']);
    await service.delegate(
      officerOf('kemendagri', 'agency_coordinator'),
      created.id,
      'kemendagri',
      {
        memberId: 'dukcapil',
      },
    );
    const unit = officerOf('dukcapil');
    expect((await service.getCase(unit, created.id)).complainant).toMatchObject(SITI);
    expect(await finds(unit, created.id)).toBe(true);

    await withdraw(created.id, 'kemendagri');
    expect((await service.getCase(unit, created.id)).complainant).toBeNull();
    expect(await finds(unit, created.id)).toBe(false);
  });
});

describe('what an agency is told when central closes its case', () => {
  // Central's note: its own words (who it spoke to), never the agencies'.
  const NOTE = 'Pengadu Siti Aminah menelepon; dicabut atas saran Biro Hukum.';

  it('says on its queue row and its case that central closed it, when, how: never the note', async () => {
    const created = await register();
    await forward(created.id, ['polri', 'bpn']);
    await service.respond(officerOf('bpn'), created.id, 'bpn', { kind: 'final', message: 'Ok.' });
    tick(10);
    await service.closeCase(centralOfficer, created.id, { outcome: 'unresolved', note: NOTE });
    const closedAt = clock.now().toISOString();
    const told = { code: 'closed_by_central', at: closedAt, outcome: 'unresolved' };

    // Withdrawn by the close: gone from the open queue, and the ended list says why.
    const polri = officerOf('polri');
    expect(await rowOf(polri, created.id, false)).toBeUndefined();
    expect(await rowOf(polri, created.id)).toMatchObject({ state: 'withdrawn', caseNotice: told });
    // The agency that had answered: its completed row says so too.
    const bpn = officerOf('bpn');
    expect(await rowOf(bpn, created.id)).toMatchObject({ state: 'completed', caseNotice: told });

    const seen = await service.getCase(polri, created.id);
    expect(seen.assignments).toMatchObject([{ state: 'withdrawn', caseNotice: told }]);
    // Its part ended with the close: it reads the case closed, and how.
    expect({ status: seen.status, closure: seen.closure }).toEqual({
      status: 'closed',
      closure: { outcome: 'unresolved', note: null, at: closedAt },
    });
    // Its withdrawal on the timeline: a code the console says in words, and the outcome.
    const events = (await service.timeline(polri, created.id, { limit: 100 })).items;
    expect(events.find((e) => e.type === 'assignment_withdrawn')?.data).toEqual({
      code: 'closed_by_central',
      outcome: 'unresolved',
      reason: 'Pengaduan ditutup (Tidak terselesaikan)',
    });
    // Central's note reaches neither agency, in whatever it reads.
    for (const p of [polri, bpn]) {
      const read = JSON.stringify([
        await service.getCase(p, created.id),
        await rowOf(p, created.id),
        (await service.timeline(p, created.id, { limit: 100 })).items,
      ]);
      expect(read).not.toContain('Biro Hukum');
    }
    // A row reads of its case only what says how it ended: never the whole item (up to 333 KB,
    // its description and restatement, its replies) for its status.
    const { cases, ladders } = await store.getLaddersAndCases([
      { caseId: created.id, agencyId: 'polri' },
    ]);
    expect(Object.keys(cases[0]!).sort()).toEqual([
      'agendaNumber',
      'closure',
      'id',
      'status',
      'statusHistory',
    ]);
    // The row names its case as the case page does (the bulk acknowledgement's refusals).
    const agendaNumber = (await service.getCase(centralOfficer, created.id)).agendaNumber;
    expect(agendaNumber).toBeTruthy();
    expect(await rowOf(polri, created.id)).toMatchObject({ agendaNumber });
    expect(Object.keys(ladders[0]!).sort()).toEqual([
      'agencyId',
      'caseId',
      'generation',
      'level',
      'rung',
    ]);
  });

  it('tells an agency whose part ended before the close nothing of it', async () => {
    const created = await register();
    await forward(created.id, ['polri', 'bpn']);
    await withdraw(created.id, 'polri');
    tick(10);
    await service.closeCase(centralOfficer, created.id, { outcome: 'resolved' });
    const polri = officerOf('polri');
    expect(await rowOf(polri, created.id)).toMatchObject({ state: 'withdrawn', caseNotice: null });
    const seen = await service.getCase(polri, created.id);
    expect(seen.assignments).toMatchObject([{ state: 'withdrawn', caseNotice: null }]);
    // Nor does the case say it: its status and closure are as they stood at the withdrawal.
    expect({ status: seen.status, closure: seen.closure }).toEqual({
      status: 'forwarded',
      closure: null,
    });
    expect(await rowOf(officerOf('bpn'), created.id)).toMatchObject({
      caseNotice: { code: 'closed_by_central', outcome: 'resolved' },
    });
    expect(await service.getCase(officerOf('bpn'), created.id)).toMatchObject({
      status: 'closed',
      closure: { outcome: 'resolved', note: null },
    });
  });
});

describe('what an agency is told when the complainant reopens its case', () => {
  it('says the complainant was not satisfied on its row, then on the new forwarding’s, until closed', async () => {
    const created = await register();
    await forward(created.id, ['bpn']);
    const bpn = officerOf('bpn');
    await service.respond(bpn, created.id, 'bpn', { kind: 'final', message: 'Sudah.' });
    tick(10);
    await service.reply(created.trackingCode!, { satisfied: false, rating: 1 });
    const reopened = {
      code: 'reopened_unsatisfied',
      at: clock.now().toISOString(),
      outcome: null,
    };
    expect(await rowOf(bpn, created.id)).toMatchObject({
      state: 'completed',
      caseNotice: reopened,
    });
    expect((await service.getCase(bpn, created.id)).assignments).toMatchObject([
      { caseNotice: reopened },
    ]);

    // Central forwards it again: the open row (the queue's default) says it is a second round.
    tick(10);
    await forward(created.id, ['bpn']);
    expect(await rowOf(bpn, created.id, false)).toMatchObject({
      state: 'pending',
      generation: 2,
      caseNotice: reopened,
    });

    // Answered again, and the complainant is satisfied this time.
    await service.respond(bpn, created.id, 'bpn', { kind: 'final', message: 'Tuntas.' });
    tick(10);
    await service.reply(created.trackingCode!, { satisfied: true, rating: 5 });
    expect(await rowOf(bpn, created.id)).toMatchObject({
      caseNotice: { code: 'closed_satisfied', at: clock.now().toISOString(), outcome: 'resolved' },
    });
  });
});

describe('the complainant’s “satisfied”', () => {
  it('closes the case with a case_closed event of its own, in the reply’s transaction', async () => {
    const created = await register();
    await forward(created.id, ['polri', 'bpn']);
    await withdraw(created.id, 'polri');
    tick(10);
    const bpn = officerOf('bpn');
    await service.respond(bpn, created.id, 'bpn', { kind: 'final', message: 'Selesai.' });
    tick(10);
    // The store's transactions, as the reply writes them.
    const commits: CaseChange[] = [];
    const watched: Store = new Proxy(store, {
      get(target, name) {
        if (name === 'commit')
          return async (change: CaseChange) => {
            commits.push(change);
            return target.commit(change);
          };
        const value: unknown = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await new Service({ store: watched, clock: clock.now }).reply(created.trackingCode!, {
      satisfied: true,
      rating: 4,
      message: 'Terima kasih, saya Siti Aminah.',
    });
    const at = clock.now().toISOString();

    // Central and the agency that answered read who closed it, in a code and in Indonesian:
    // never the complainant's rating or words (their reply is an event of its own).
    for (const p of [centralOfficer, bpn]) {
      const events = (await service.timeline(p, created.id, { limit: 100 })).items;
      expect(
        events
          .filter((e) => e.type === 'case_closed')
          .map(({ at, actor, agencyId, data }) => ({ at, actor, agencyId, data })),
      ).toEqual([
        {
          at,
          actor: { complainant: true },
          agencyId: null,
          data: {
            outcome: 'resolved',
            code: 'closed_satisfied',
            reason: 'Pengadu menyatakan puas',
          },
        },
      ]);
    }
    // Written with the reply and the case's close, or not at all.
    const closing = commits.filter((c) => c.events?.some((e) => e.type === 'case_closed'));
    expect(closing).toHaveLength(1);
    expect(closing[0]!.case?.record).toMatchObject({ status: 'closed' });
    expect(closing[0]!.events!.map((e) => e.type)).toEqual(
      expect.arrayContaining(['complainant_replied', 'case_status_changed', 'case_closed']),
    );

    // The agency whose part ended before reads none of it: not on its timeline, not its case.
    const polri = officerOf('polri');
    const types = (await service.timeline(polri, created.id, { limit: 100 })).items.map(
      (e) => e.type,
    );
    expect(types).not.toContain('case_closed');
    const seen = await service.getCase(polri, created.id);
    expect({ status: seen.status, closure: seen.closure }).toEqual({
      status: 'forwarded',
      closure: null,
    });
    expect(await service.getCase(bpn, created.id)).toMatchObject({
      status: 'closed',
      closure: { outcome: 'resolved', note: null, at },
    });
  });
});

describe('the tracking code’s key', () => {
  it('is a hash of the code, never the code: a new code is found through it', async () => {
    const created = await register();
    const code = created.trackingCode!;
    const clear = await db.send(
      new GetCommand({ TableName: store.tableName, Key: keys.legacyTrackingCode(code) }),
    );
    expect(clear.Item).toBeUndefined();
    const hashed = await db.send(
      new GetCommand({ TableName: store.tableName, Key: keys.trackingCode(code) }),
    );
    expect(hashed.Item).toMatchObject({ caseId: created.id });
    expect(hashed.Item!.pk).not.toContain(code);
    expect(hashed.Item!.pk).not.toContain(code.replace(/-/g, ''));
    await expect(service.track(code.toLowerCase())).resolves.toMatchObject({
      trackingCode: code,
    });
    // Central's search by the code finds it the same way.
    const found = await service.search(centralOfficer, { q: code, limit: 5 });
    expect(found.items.map((h) => [h.id, h.matchedBy])).toEqual([[created.id, 'trackingCode']]);
  });

  it('a code issued before it was hashed (its item keyed in clear) still opens its case', async () => {
    const created = await register();
    const code = created.trackingCode!;
    // The item as the earlier version wrote it.
    await db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.trackingCode(code) }));
    await db.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...keys.legacyTrackingCode(code), entity: 'tracking_code', caseId: created.id },
      }),
    );
    await expect(service.track(code)).resolves.toMatchObject({ trackingCode: code });
    await forward(created.id, ['bpn']);
    await service.respond(officerOf('bpn'), created.id, 'bpn', { kind: 'final', message: 'Ok.' });
    await expect(service.reply(code, { satisfied: true, rating: 4 })).resolves.toMatchObject({
      status: 'closed',
    });
    await expect(service.track('AAAA-BBBB-CCCCC')).rejects.toMatchObject({ code: 'not_found' });
  });
});
