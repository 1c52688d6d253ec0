/**
 * Who shared a file with the agencies, or took it back, and when: central's visibility change
 * writes an `attachment_visibility_changed` event with the attachment's new version, once per
 * change, that no agency reads (it names the file, which may be a complainant's KTP). And an
 * agency cannot start an upload it would itself lose sight of.
 */
import type { Service } from '@pantau/core';
import { uploadKey, DomainError, type Principal } from '@pantau/core';
import { serviceWithFiles, uploaded } from '../support/files.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { SMALL_PDF } from '../support/documents.ts';
import { centralOfficer, forwardedCase, manualClock, officerOf } from '../support/dynamodb.ts';

const START = '2026-08-03T03:00:00.000Z';
const clock = manualClock(START);
const polri = officerOf('polri');

let blobs: FileBlobStore;
let service: Service;

beforeAll(async () => {
  ({ blobs, service } = await serviceWithFiles(clock, (dir) => new FileBlobStore(dir, clock.now)));
});

/** A completed file on a case forwarded to Polri, central's only. */
async function centralScan(name: string) {
  clock.set(START);
  const { caseId } = await forwardedCase(service, ['polri']);
  const id = await uploaded(service, blobs, centralOfficer, caseId, {
    name,
    visibility: 'central',
  });
  return { caseId, id };
}

const changes = async (p: Principal, caseId: string) =>
  (await service.timeline(p, caseId, { limit: 100 })).items.filter(
    (e) => e.type === 'attachment_visibility_changed',
  );

describe('a change of who sees an attachment', () => {
  it('is on the timeline once, with the file, from → to, who and when', async () => {
    const { caseId, id } = await centralScan('ktp.pdf');
    clock.set('2026-08-03T04:00:00.000Z');
    const shared = await service.updateAttachment(centralOfficer, caseId, id, 'agencies');
    expect(shared.visibility).toBe('agencies');
    clock.set('2026-08-03T05:00:00.000Z');
    await service.updateAttachment(centralOfficer, caseId, id, 'central');

    const events = await changes(centralOfficer, caseId);
    expect(events).toEqual([
      expect.objectContaining({
        caseId,
        at: '2026-08-03T04:00:00.000Z',
        actor: { sub: centralOfficer.sub, agency: centralOfficer.agency, role: 'central_officer' },
        agencyId: null,
        data: { attachmentId: id, name: 'ktp.pdf', from: 'central', to: 'agencies' },
      }),
      expect.objectContaining({
        at: '2026-08-03T05:00:00.000Z',
        data: { attachmentId: id, name: 'ktp.pdf', from: 'agencies', to: 'central' },
      }),
    ]);
  });

  it('is central’s alone: an agency reading the timeline does not see it', async () => {
    const { caseId, id } = await centralScan('KTP_Budi_Santoso.pdf');
    await service.updateAttachment(centralOfficer, caseId, id, 'agencies');
    expect(await changes(centralOfficer, caseId)).toHaveLength(1);
    // The file itself is now Polri's to read; the record of who shared it is not.
    expect((await service.listAttachments(polri, caseId)).items.map((a) => a.id)).toEqual([id]);
    expect(await changes(polri, caseId)).toEqual([]);
    const filtered = await service.timeline(polri, caseId, {
      limit: 100,
      type: 'attachment_visibility_changed',
    });
    expect(filtered.items).toEqual([]);
  });

  it('writes nothing when the visibility is already the one asked for', async () => {
    const { caseId, id } = await centralScan('surat.pdf');
    const before = (await service.listAttachments(centralOfficer, caseId)).items[0]!;
    const same = await service.updateAttachment(centralOfficer, caseId, id, 'central');
    expect(await changes(centralOfficer, caseId)).toEqual([]);
    expect(same).toEqual(before);
  });
});

describe('an agency starting an upload to its response', () => {
  it('is refused a visibility that would hide the file from itself (400 naming the field)', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    const attempt = service.createAttachment(polri, caseId, {
      name: 'jawaban.pdf',
      size: SMALL_PDF.byteLength,
      visibility: 'central',
      attachedTo: { kind: 'response', agencyId: 'polri' },
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'visibility' })],
    });
    expect((await service.listAttachments(centralOfficer, caseId)).items).toEqual([]);
    // What it gets anyway may be asked for, and the upload completes as its own.
    const started = await service.createAttachment(polri, caseId, {
      name: 'jawaban.pdf',
      size: SMALL_PDF.byteLength,
      visibility: 'agencies',
      attachedTo: { kind: 'response', agencyId: 'polri' },
    });
    const { id } = started.attachment;
    await blobs.write(uploadKey(caseId, id), SMALL_PDF);
    expect((await service.completeAttachment(polri, caseId, id)).status).toBe('available');
    expect((await service.completeAttachment(polri, caseId, id)).status).toBe('available');
  });
});
