/**
 * An e-mail whose complainant asks that their identity be kept from the agencies. Its text is
 * the whole mail, the signature included: hiding the identity kept the sender's name and
 * address from the agency, while the case it read, its forwarding letter and its search still
 * gave "Hormat saya, Dewi Lestari, 0812…". Central restates the complaint for the agencies
 * while verifying, and an e-mail is not accepted with its identity hidden until it has.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CaseChange,
  DomainError,
  MAX_ATTACHMENTS_PER_CASE,
  searchDocumentOf,
  Service,
  type Store,
} from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { intakeMail } from '@pantau/intake/mail';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let service: Service;
let store: Store;
let blobs: FileBlobStore;
const clock = manualClock('2026-08-04T03:00:00.000Z');

beforeAll(async () => {
  blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), 'pantau-hidden-')), clock.now);
  service = new Service({
    store: (store = await freshStore()),
    clock: clock.now,
    blobs,
    inspect: inspectUpload,
  });
  await addAgencies(service, [{ id: 'samsat' }]);
}, 60_000);

const SIGNED = [
  'Mohon identitas saya dirahasiakan. Petugas samsat meminta uang tambahan untuk balik nama.',
  '',
  'Hormat saya,',
  'Dewi Lestari',
  '0812 3456 7890',
].join('\r\n');

const mail = () =>
  Buffer.from(
    [
      'From: Dewi Lestari <dewi.lestari@warga.example.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: Pungutan liar di samsat',
      'Date: Tue, 4 Aug 2026 08:00:00 +0700',
      'Message-ID: <rahasia-tanda-tangan@warga.example.id>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      SIGNED,
    ].join('\r\n'),
  );

const RESTATED = 'Petugas samsat meminta uang tambahan di luar tarif untuk balik nama kendaraan.';

describe('an e-mail accepted with the identity hidden', () => {
  it('needs the complaint restated for the agencies, who read, and search, only that', async () => {
    const { caseId } = await intakeMail(service, mail());
    await expect(
      service.verifyCase(centralOfficer, caseId, {
        decision: 'accept',
        type: 'normative',
        identityHidden: true,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'description' }] });
    // Refused whole: nothing of it was written.
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('received');

    const verified = await service.verifyCase(centralOfficer, caseId, {
      decision: 'accept',
      type: 'normative',
      identityHidden: true,
      description: RESTATED,
    });
    // Central reads both: the mail as it came, and what the agencies read.
    expect(verified.description).toContain('Dewi Lestari');
    expect(verified.agencyDescription).toBe(RESTATED);
    // Sent again (its answer lost), the same: answered as it is. A corrected restatement is not
    // the same request: refused, never answered 200 while the agencies keep reading the first.
    const verification = { decision: 'accept', type: 'normative', identityHidden: true } as const;
    await expect(
      service.verifyCase(centralOfficer, caseId, { ...verification, description: RESTATED }),
    ).resolves.toMatchObject({ agencyDescription: RESTATED });
    await expect(
      service.verifyCase(centralOfficer, caseId, {
        ...verification,
        description: `${RESTATED} Lokasi: Samsat Kota.`,
      }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'samsat' }] });

    const samsat = officerOf('samsat');
    const seen = await service.getCase(samsat, caseId);
    expect(seen.description).toBe(RESTATED);
    expect(seen.agencyDescription).toBeNull();
    for (const secret of ['Dewi', 'dewi.lestari', '0812']) {
      expect(JSON.stringify(seen)).not.toContain(secret);
    }
    // The agency finds the case by what it reads, not by the signature.
    const search = async (who: typeof samsat, q: string) =>
      (await service.search(who, { q, limit: 25 })).items.map((c) => c.id);
    expect(await search(samsat, 'balik nama')).toEqual([caseId]);
    expect(await search(samsat, 'Dewi')).toEqual([]);
    expect(await search(samsat, 'Lestari')).toEqual([]);
    expect(await search(centralOfficer, 'Lestari')).toEqual([caseId]);
  }, 60_000);
});

/** A 1×1 PNG: a photo the complainant sends with the mail. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * `words` distinct four-character heads from `from` on (numbers of up to 7 digits are indexed
 * as they are): each a posting of its own.
 */
const numbered = (from: number, words: number) =>
  Array.from({ length: words }, (_, i) => String(from + i)).join(' ');

/** A mail with as many files as a case takes beside its `.eml` (29), its text 40 heads. */
const mailWithFiles = (id: string) =>
  Buffer.from(
    [
      'From: Dewi Lestari <dewi.lestari@warga.example.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: Kuitansi',
      'Date: Tue, 4 Aug 2026 08:00:00 +0700',
      `Message-ID: <${id}@warga.example.id>`,
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Mohon identitas saya dirahasiakan. ${numbered(1000, 45)}`,
      ...Array.from({ length: MAX_ATTACHMENTS_PER_CASE - 1 }, (_, i) => [
        '--b',
        `Content-Type: image/png; name="bukti-${i + 1}.png"`,
        `Content-Disposition: attachment; filename="bukti-${i + 1}.png"`,
        'Content-Transfer-Encoding: base64',
        '',
        TINY_PNG.toString('base64'),
      ]).flat(),
      '--b--',
      '',
    ].join('\r\n'),
  );

/** A restatement sharing no word with the mail: every posting moves (up to 40 puts, 40 deletes). */
const REWORDED = numbered(2000, 45);

describe('an e-mail with many files, accepted with the identity hidden and its text restated', () => {
  const accept = {
    decision: 'accept',
    type: 'normative',
    identityHidden: true,
    description: REWORDED,
  } as const;

  /** Its files as central lists them: all but the `.eml` came visible to the agencies. */
  const filesOf = async (caseId: string) =>
    (await service.listAttachments(centralOfficer, caseId)).items;

  it('is accepted, every file with central (past one transaction’s 100 items)', async () => {
    const { caseId } = await intakeMail(service, mailWithFiles('banyak-lampiran'));
    const before = await filesOf(caseId);
    expect(before).toHaveLength(MAX_ATTACHMENTS_PER_CASE);
    expect(before.filter((f) => f.visibility !== 'central')).toHaveLength(29);
    // Together: the case, its event, 29 files and the index's churn, past 100 items.
    const read = (await store.getCase(caseId))!.case;
    const was = searchDocumentOf(read).heads;
    const is = searchDocumentOf({
      ...read,
      identityHidden: true,
      agencyDescription: REWORDED,
    }).heads;
    expect(2 + 29 + is.length + was.filter((h) => !is.includes(h)).length).toBeGreaterThan(100);

    const verified = await service.verifyCase(centralOfficer, caseId, accept);
    expect(verified).toMatchObject({ status: 'verified', agencyDescription: REWORDED });
    expect((await filesOf(caseId)).map((f) => f.visibility)).toEqual(
      Array(MAX_ATTACHMENTS_PER_CASE).fill('central'),
    );
    // The search index moved with the case, in its transaction: it holds the restatement.
    const search = async (q: string) =>
      (await service.search(centralOfficer, { q, limit: 25 })).items.map((c) => c.id);
    expect(await search('2000')).toEqual([caseId]);
  }, 60_000);

  it('cut short after its first files moved, and sent again, moves the rest and is accepted', async () => {
    const { caseId } = await intakeMail(service, mailWithFiles('banyak-lampiran-terputus'));
    // A store whose first write of the case answers unavailable, writing nothing.
    let failed = false;
    const failing = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'commit') return Reflect.get(target, name, receiver);
        return async (write: CaseChange) => {
          if (write.case && !failed) {
            failed = true;
            throw new DomainError('service_unavailable', 'the service is busy, try again shortly');
          }
          await target.commit(write);
        };
      },
    });
    const cutShort = new Service({
      store: failing,
      clock: clock.now,
      blobs,
      inspect: inspectUpload,
    });
    await expect(cutShort.verifyCase(centralOfficer, caseId, accept)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    // The files that did not fit went first: with central already, the case not yet verified.
    expect((await service.getCase(centralOfficer, caseId)).status).toBe('received');
    const moved = (await filesOf(caseId)).filter((f) => f.visibility === 'central');
    expect(moved.length).toBeGreaterThan(1);
    expect(moved.length).toBeLessThan(MAX_ATTACHMENTS_PER_CASE);

    await expect(cutShort.verifyCase(centralOfficer, caseId, accept)).resolves.toMatchObject({
      status: 'verified',
      identityHidden: true,
    });
    expect((await filesOf(caseId)).map((f) => f.visibility)).toEqual(
      Array(MAX_ATTACHMENTS_PER_CASE).fill('central'),
    );
  }, 60_000);
});
