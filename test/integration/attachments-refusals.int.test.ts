/**
 * The refusals the attachments audit (session 26) asked for, beyond its own reproductions: the
 * original e-mail's visibility change is itself refused (409, not silently kept from agencies),
 * a completion sent again answers the scan's refusal as a download does, and an ended
 * assignment's upload is refused at completion however young, while central's is not.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentKey, type ScanStatus, Service } from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { intakeMail } from '@pantau/intake/mail';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { SMALL_PDF } from '../support/documents.ts';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

const START = '2026-08-03T03:00:00.000Z';
const clock = manualClock(START);

/** A blob store whose malware scan answers `verdict`. */
class ScannedBlobs extends FileBlobStore {
  verdict: ScanStatus = 'clean';
  override async scanStatus(): Promise<ScanStatus> {
    return this.verdict;
  }
}

let store: DynamoStore;
let blobs: ScannedBlobs;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  blobs = new ScannedBlobs(mkdtempSync(join(tmpdir(), 'pantau-refusals-')), clock.now);
  service = new Service({ store, clock: clock.now, blobs, inspect: inspectUpload });
  await addAgencies(service, [{ id: 'polri' }]);
});

const mail = (messageId: string) =>
  Buffer.from(
    [
      'From: Budi Santoso <budi.santoso@warga.example.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: Pungutan liar di kantor kelurahan',
      'Date: Mon, 3 Aug 2026 09:12:00 +0700',
      `Message-ID: <${messageId}@warga.example.id>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Saya Budi Santoso, dimintai uang saat mengurus surat.',
    ].join('\r\n'),
  );

describe('the original e-mail’s visibility', () => {
  it('is refused as agencies’ (409 invalid_transition), nothing written; central’s stays possible', async () => {
    clock.set(START);
    const { caseId } = await intakeMail(service, mail('refusals-eml'));
    const eml = (await service.listAttachments(centralOfficer, caseId)).items.find(
      (a) => a.name === 'surel-asli.eml',
    )!;
    await expect(
      service.updateAttachment(centralOfficer, caseId, eml.id, 'agencies'),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    const after = (await service.listAttachments(centralOfficer, caseId)).items.find(
      (a) => a.id === eml.id,
    )!;
    expect({ visibility: after.visibility, version: after.version }).toEqual({
      visibility: 'central',
      version: eml.version,
    });
    await expect(
      service.updateAttachment(centralOfficer, caseId, eml.id, 'central'),
    ).resolves.toMatchObject({ visibility: 'central' });
  });
});

describe('a completion sent again after the scan refused the file', () => {
  it('answers the scan’s refusal (422 scan_refused), not 200 with a refused file', async () => {
    clock.set(START);
    blobs.verdict = 'clean';
    const { caseId } = await forwardedCase(service, ['polri']);
    const { attachment } = await service.createAttachment(centralOfficer, caseId, {
      name: 'surat.pdf',
      size: SMALL_PDF.byteLength,
    });
    await blobs.write(attachmentKey(caseId, attachment.id), SMALL_PDF);
    await service.completeAttachment(centralOfficer, caseId, attachment.id);
    blobs.verdict = 'infected';
    await expect(
      service.downloadAttachment(centralOfficer, caseId, attachment.id),
    ).rejects.toMatchObject({ code: 'scan_refused' });
    await expect(
      service.completeAttachment(centralOfficer, caseId, attachment.id),
    ).rejects.toMatchObject({ code: 'scan_refused' });
    blobs.verdict = 'clean';
  });
});

describe('completing a response’s upload once the assignment has ended', () => {
  it('is refused to the agency even within the form’s 15 minutes; central completes its own', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    const polri = officerOf('polri');
    const start = (p = polri) =>
      service.createAttachment(p, caseId, {
        name: 'jawaban.pdf',
        size: SMALL_PDF.byteLength,
        attachedTo: { kind: 'response', agencyId: 'polri' },
      });
    const kept = (await start()).attachment;
    await blobs.write(attachmentKey(caseId, kept.id), SMALL_PDF);
    await service.completeAttachment(polri, caseId, kept.id);
    const agencys = (await start()).attachment;
    const centrals = (await start(centralOfficer)).attachment;
    await blobs.write(attachmentKey(caseId, agencys.id), SMALL_PDF);
    await blobs.write(attachmentKey(caseId, centrals.id), SMALL_PDF);
    await service.withdrawAssignment(centralOfficer, caseId, 'polri', {
      reason: 'Salah instansi: bukan kewenangan instansi ini',
    });

    await expect(service.completeAttachment(polri, caseId, agencys.id)).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    // Its file kept before the end: sent again, the same answer (the file), no place taken.
    await expect(service.completeAttachment(polri, caseId, kept.id)).resolves.toMatchObject({
      status: 'available',
    });
    // Central attaches at any time (a start of its own is not refused either).
    await expect(
      service.completeAttachment(centralOfficer, caseId, centrals.id),
    ).resolves.toMatchObject({ status: 'available' });
  });
});
