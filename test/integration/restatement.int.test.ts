/**
 * Central restates a case for the agencies after verifying it (`PATCH /v1/cases/{id}`). An
 * e-mail accepted with its identity hidden before a restatement was required is withheld from
 * the agencies ("belum dirumuskan ulang"), and nothing let central restate it: the agency could
 * never read the complaint it was asked to answer. Through the service on DynamoDB Local: the
 * agencies read and search the restatement, their queues show a restated subject, the timeline
 * keeps what they read before for central, and a retry or a stale form writes nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESCRIPTION_WITHHELD, Service, type Store } from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { intakeMail } from '@pantau/intake/mail';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let service: Service;
let store: Store;
const clock = manualClock('2026-08-04T03:00:00.000Z');

beforeAll(async () => {
  service = new Service({
    store: (store = await freshStore()),
    clock: clock.now,
    // An e-mail's own .eml is kept as a file.
    blobs: new FileBlobStore(mkdtempSync(join(tmpdir(), 'pantau-restate-')), clock.now),
    inspect: inspectUpload,
  });
  await addAgencies(service, [{ id: 'samsat' }, { id: 'polda' }]);
}, 60_000);

const samsat = officerOf('samsat');

const mail = (id: string) =>
  Buffer.from(
    [
      'From: Dewi Lestari <dewi.lestari@warga.example.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: Pungutan liar di samsat',
      'Date: Tue, 4 Aug 2026 08:00:00 +0700',
      `Message-ID: <${id}@warga.example.id>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mohon identitas saya dirahasiakan. Petugas samsat meminta uang tambahan untuk balik nama.',
      '',
      'Hormat saya,',
      'Dewi Lestari',
      '0812 3456 7890',
    ].join('\r\n'),
  );

const RESTATED = 'Petugas samsat meminta uang tambahan di luar tarif untuk balik nama kendaraan.';

/**
 * An e-mail accepted and forwarded with its identity hidden, as before a restatement was
 * required: hidden in the record itself, its text never restated, its search postings as they
 * were written then (the store rewrites them only for a change that says what it replaces).
 */
async function legacyHiddenEmail(id: string): Promise<string> {
  const { caseId } = await intakeMail(service, mail(id));
  await service.verifyCase(centralOfficer, caseId, { decision: 'accept', type: 'normative' });
  await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'samsat' }] });
  const c = (await store.getCase(caseId))!.case;
  await store.commit({
    case: {
      record: { ...c, identityHidden: true, version: c.version + 1 },
      expectedVersion: c.version,
    },
  });
  return caseId;
}

const search = async (who: typeof samsat, q: string) =>
  (await service.search(who, { q, limit: 25 })).items.map((c) => c.id);

describe('an e-mail accepted with its identity hidden and never restated', () => {
  it('is restated by central after the forward: the agency reads and finds only that', async () => {
    const caseId = await legacyHiddenEmail('lama');
    // Before: the agency is told to ask central. Its search postings, written before, still
    // hold the mail's words, signature included: the agency finds the case by the sender's name.
    expect((await service.getCase(samsat, caseId)).description).toBe(DESCRIPTION_WITHHELD);
    expect(await search(samsat, 'Dewi Lestari')).toEqual([caseId]);

    // An agency may not restate (its role), nor anyone a case it cannot read.
    await expect(
      service.restateCase(samsat, caseId, { agencyDescription: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const { version } = await service.getCase(centralOfficer, caseId);
    clock.set('2026-08-04T03:01:00.000Z');
    const restated = await service.restateCase(centralOfficer, caseId, {
      agencyDescription: RESTATED,
      version,
    });
    expect(restated).toMatchObject({ agencyDescription: RESTATED, version: version + 1 });
    expect(restated.description).toContain('Dewi Lestari');

    const seen = await service.getCase(samsat, caseId);
    expect(seen.description).toBe(RESTATED);
    for (const secret of ['Dewi', 'dewi.lestari', '0812'])
      expect(JSON.stringify(seen)).not.toContain(secret);
    // The index moved with the case: the agency finds it by what it reads now, never the signature.
    expect(await search(samsat, 'balik nama')).toEqual([caseId]);
    expect(await search(samsat, 'tarif')).toEqual([caseId]);
    expect(await search(samsat, 'Lestari')).toEqual([]);
    expect(await search(samsat, 'Dewi')).toEqual([]);
    expect(await search(centralOfficer, 'Lestari')).toEqual([caseId]);

    // The timeline: the agency reads that it was restated; central also what was read before.
    const last = async (who: typeof samsat) =>
      (await service.timeline(who, caseId, { limit: 1, order: 'newest' })).items[0];
    expect(await last(samsat)).toMatchObject({
      type: 'case_restated',
      data: { descriptionRestated: true },
    });
    expect((await last(samsat))!.data).not.toHaveProperty('previousDescription');
    expect(await last(centralOfficer)).toMatchObject({
      type: 'case_restated',
      data: { descriptionRestated: true, previousDescription: null },
    });
  }, 60_000);

  it('sent again (its answer lost) is answered as it is, and a stale form writes nothing', async () => {
    const caseId = await legacyHiddenEmail('lama-lagi');
    const { version } = await service.getCase(centralOfficer, caseId);
    await service.restateCase(centralOfficer, caseId, { agencyDescription: RESTATED, version });
    const events = async () =>
      (await service.timeline(centralOfficer, caseId, { limit: 100 })).items.length;
    const count = await events();

    // The same again, on the version its form had: nothing more is written.
    await expect(
      service.restateCase(centralOfficer, caseId, { agencyDescription: RESTATED, version }),
    ).resolves.toMatchObject({ version: version + 1, agencyDescription: RESTATED });
    expect(await events()).toBe(count);

    // Another text on that old version: another officer's is not written over.
    await expect(
      service.restateCase(centralOfficer, caseId, {
        agencyDescription: `${RESTATED} Di Samsat Kota.`,
        version,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await service.getCase(samsat, caseId)).description).toBe(RESTATED);
    expect(await events()).toBe(count);

    // Restated again on the version read, the earlier restatement stays in the timeline.
    await service.restateCase(centralOfficer, caseId, {
      agencyDescription: `${RESTATED} Di Samsat Kota.`,
      version: version + 1,
    });
    const latest = (await service.timeline(centralOfficer, caseId, { limit: 1, order: 'newest' }))
      .items[0]!;
    expect(latest.data).toMatchObject({ previousDescription: RESTATED });
  }, 60_000);
});

describe('a long e-mail indexed whole before restatements were required', () => {
  it('is no longer found by the agency by its signature once restated, past the 40 words indexed', async () => {
    // 60 words of complaint (each its own head), then the signature: the index took the mail's first 40 heads as
    // words then; today's rules read the withheld notice first, and never reach the signature.
    const long = Array.from({ length: 60 }, (_, i) => String(1000 + i)).join(' ');
    const signed = `${long}\r\n\r\nHormat saya,\r\nDewi Lestari\r\n0812 3456 7890`;
    const { caseId } = await intakeMail(
      service,
      Buffer.from(
        [
          'From: Dewi Lestari <dewi.lestari@warga.example.id>',
          'To: pengaduan@setneg.example.go.id',
          'Subject: Pungutan liar',
          'Date: Tue, 4 Aug 2026 08:00:00 +0700',
          'Message-ID: <panjang@warga.example.id>',
          'Content-Type: text/plain; charset=utf-8',
          '',
          signed,
        ].join('\r\n'),
      ),
    );
    await service.verifyCase(centralOfficer, caseId, { decision: 'accept', type: 'normative' });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'samsat' }] });
    // Its postings as an earlier release wrote them: the mail's words, the signature too,
    // searched by the agencies (40 heads: the subject's, then the mail's in order, so only
    // when the mail is short enough; here, written as such a release would have).
    const c = (await store.getCase(caseId))!.case;
    const asThen = { ...c, description: `Hormat saya Dewi Lestari 0812 3456 7890 ${long}` };
    await store.commit({
      case: {
        record: { ...asThen, version: c.version + 1 },
        expectedVersion: c.version,
        previous: c,
      },
    });
    const hidden = (await store.getCase(caseId))!.case;
    await store.commit({
      case: {
        record: {
          ...hidden,
          description: signed,
          identityHidden: true,
          version: hidden.version + 1,
        },
        expectedVersion: hidden.version,
      },
    });
    expect(await search(samsat, '3456')).toEqual([caseId]);

    await service.restateCase(centralOfficer, caseId, {
      agencyDescription: 'Petugas meminta pungutan parkir di luar tarif.',
    });
    for (const word of ['3456', '0812', 'Lestari', 'Dewi'])
      expect(await search(samsat, word), word).toEqual([]);
    expect(await search(samsat, 'parkir')).toEqual([caseId]);
    // Central still finds it by the complainant's own text.
    expect(await search(centralOfficer, '1001')).toEqual([caseId]);
  }, 60_000);
});

describe('restating a forwarded case’s subject', () => {
  it('shows the new subject in the agencies’ queues, and the old one to central only', async () => {
    const { caseId } = await forwardedCase(service, ['samsat', 'polda']);
    const subject = 'Penerbitan sertifikat tanah yang tertunda';
    await service.restateCase(centralOfficer, caseId, { subject });
    const queued = await service.queue(samsat, { scope: 'own', limit: 100 });
    expect(queued.items.find((a) => a.caseId === caseId)?.subject).toBe(subject);
    expect((await store.getCase(caseId))!.assignments.map((a) => a.subject)).toEqual([
      subject,
      subject,
    ]);
    const last = async (who: typeof samsat) =>
      (await service.timeline(who, caseId, { limit: 1, order: 'newest' })).items[0]!;
    expect((await last(centralOfficer)).data).toMatchObject({
      subject,
      previousSubject: 'Sertifikat tanah belum terbit',
    });
    // The agency reads that the subject was restated, not what it was (nor was: a later
    // restatement may take a name out of it); the case's own subject is the one it reads.
    expect((await last(samsat)).data).toEqual({ subjectRestated: true });
    const verified = (await service.timeline(samsat, caseId, { limit: 100 })).items.find(
      (e) => e.type === 'case_verified',
    );
    expect(verified!.data).not.toHaveProperty('subject');
    expect(await search(samsat, 'tertunda')).toEqual([caseId]);
  }, 60_000);
});

describe('what cannot be restated', () => {
  it('a complaint not verified yet (restated while verifying), or rejected (no agency reads it)', async () => {
    const received = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Budi' },
      subject: 'Jalan rusak',
      description: 'Jalan desa rusak berat.',
    });
    await expect(
      service.restateCase(centralOfficer, received.id, { agencyDescription: 'Jalan rusak.' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    // Even with what it holds: refused, not answered as restated.
    await expect(
      service.restateCase(centralOfficer, received.id, { subject: 'Jalan rusak' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await service.verifyCase(centralOfficer, received.id, {
      decision: 'reject',
      reason: 'Bukan kewenangan',
    });
    await expect(
      service.restateCase(centralOfficer, received.id, { agencyDescription: 'Jalan rusak.' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(
      service.restateCase(centralOfficer, 'no-such-case', { subject: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  }, 60_000);
});
