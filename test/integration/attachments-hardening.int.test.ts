/**
 * The attachments path's abuses and edge cases on DynamoDB Local: a case's original e-mail made
 * the agencies' (it names the complainant), a download link posted back as an upload form, an
 * e-mail's file whose name is not well-formed text, a completion retried after its refusal, and
 * an ended assignment's abandoned upload completed into a place the case had freed; and the
 * refusals beside them: the original e-mail's visibility change refused (409, nothing written),
 * a completion sent again after the scan refused the file answering as a download does, and an
 * ended assignment's upload refused at completion however young, while central's is not.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { uploadKey, type ScanStatus, Service } from '@pantau/core';
import { S3BlobStore } from '@pantau/documents/blob-s3';
import { inspectUpload } from '@pantau/documents/sniff';
import { intakeMail } from '@pantau/intake/mail';
import type { DynamoStore } from '@pantau/store';
import { mockClient } from 'aws-sdk-client-mock';
import { serviceWithFiles } from '../support/files.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { SMALL_PDF } from '../support/documents.ts';
import { centralOfficer, forwardedCase, manualClock, officerOf } from '../support/dynamodb.ts';

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
  ({ store, blobs, service } = await serviceWithFiles(
    clock,
    (dir) => new ScannedBlobs(dir, clock.now),
  ));
});

/**
 * An e-mail with one PDF whose name is an RFC 2047 word in UTF-16: its first unit a lone high
 * surrogate (a broken client, or one cutting a name between the two halves of an emoji).
 */
function mailWithBrokenName(messageId: string): Buffer {
  const name = Buffer.from([
    0xd8, 0x00, 0x00, 0x4b, 0x00, 0x54, 0x00, 0x50, 0x00, 0x2e, 0x00, 0x70, 0x00, 0x64, 0x00, 0x66,
  ]).toString('base64');
  return Buffer.from(
    [
      'From: Warga <warga@warga.example.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: Jalan rusak di depan sekolah',
      'Date: Mon, 3 Aug 2026 09:12:00 +0700',
      `Message-ID: <${messageId}@warga.example.id>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mohon ditindaklanjuti, terlampir foto dan KTP saya.',
      '--b1',
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; filename="=?UTF-16BE?B?${name}?="`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(SMALL_PDF).toString('base64'),
      '--b1--',
      '',
    ].join('\r\n'),
  );
}

describe('an e-mail whose file name holds half a surrogate pair', () => {
  it('embedded: its file downloads (the link answers the file, it does not throw)', async () => {
    clock.set(START);
    const { caseId } = await intakeMail(service, mailWithBrokenName('lone-1'));
    const files = (await service.listAttachments(centralOfficer, caseId)).items;
    const pdf = files.find((f) => f.contentType === 'application/pdf');
    expect(pdf).toBeDefined();
    const { url } = await service.downloadAttachment(centralOfficer, caseId, pdf!.id);
    const serve = blobs.handler(() => new Response(null, { status: 404 }));
    const answer = await Promise.resolve(serve(new Request(url))).then(
      (r) => r.status,
      (error: unknown) => `threw ${String(error)}`,
    );
    expect(answer).toBe(200);
  });

  it('on AWS: becomes a case (storing its file does not fail the whole e-mail)', async () => {
    clock.set(START);
    // S3 cannot run here: PutObject is answered by a mocked client (what it is sent is kept).
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    try {
      const onS3 = new Service({
        store,
        clock: clock.now,
        blobs: new S3BlobStore(new S3Client({ region: 'ap-southeast-3' }), 'bucket'),
        inspect: inspectUpload,
      });
      const outcome = await intakeMail(onS3, mailWithBrokenName('lone-2')).then(
        (o) => o.duplicate,
        (error: unknown) => `threw ${String(error)}`,
      );
      expect(outcome).toBe(false);
    } finally {
      s3.restore();
    }
  });
});

describe('a completion sent again after the file was refused (its 415 lost on the way)', () => {
  it('is refused again, not answered 200 as if the file were kept', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    const notAFile = new TextEncoder().encode('MZ this is no document');
    const { attachment } = await service.createAttachment(centralOfficer, caseId, {
      name: 'ktp-pengadu.pdf',
      size: notAFile.byteLength,
    });
    await blobs.write(uploadKey(caseId, attachment.id), notAFile);
    await expect(
      service.completeAttachment(centralOfficer, caseId, attachment.id),
    ).rejects.toMatchObject({ code: 'unsupported_media_type' });
    // The route answers this 200 ("The attachment, available" in the OpenAPI document).
    const again = await service.completeAttachment(centralOfficer, caseId, attachment.id).then(
      (a) => `200 ${a.status}`,
      (error: { code?: string }) => error.code,
    );
    expect(again).toBe('unsupported_media_type');
  });
});

describe('an agency’s upload abandoned while its assignment was open', () => {
  it('is not completed into a freed place once the assignment has ended', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    const polri = officerOf('polri');
    const { attachment } = await service.createAttachment(polri, caseId, {
      name: 'jawaban.pdf',
      size: SMALL_PDF.byteLength,
      attachedTo: { kind: 'response', agencyId: 'polri' },
    });
    await blobs.write(uploadKey(caseId, attachment.id), SMALL_PDF);
    // Two hours on the upload is abandoned (it holds no place); then polri is withdrawn.
    clock.set('2026-08-03T05:00:00.000Z');
    await service.withdrawAssignment(centralOfficer, caseId, 'polri', {
      reason: 'Salah instansi: bukan kewenangan instansi ini',
    });
    // An ended assignment takes no more files (README): a start is refused...
    await expect(
      service.createAttachment(polri, caseId, {
        name: 'lagi.pdf',
        size: SMALL_PDF.byteLength,
        attachedTo: { kind: 'response', agencyId: 'polri' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    // ...and so should be taking a place by completing an upload that gave its own up.
    const late = await service.completeAttachment(polri, caseId, attachment.id).then(
      (a) => a.status,
      (error: { code?: string }) => error.code,
    );
    expect(late).toBe('invalid_transition');
  });
});

describe('the original e-mail of a case (surel-asli.eml, central’s)', () => {
  it('never reaches an agency, even when central changes its visibility (README: "agencies never list or download it")', async () => {
    clock.set(START);
    const raw = Buffer.from(
      [
        'From: Budi Santoso <budi.santoso@warga.example.id>',
        'To: pengaduan@setneg.example.go.id',
        'Subject: Pungutan liar di kantor kelurahan',
        'Date: Mon, 3 Aug 2026 09:12:00 +0700',
        'Message-ID: <eml-visibility@warga.example.id>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Saya Budi Santoso, NIK 3173012345678901, dimintai uang saat mengurus surat.',
      ].join('\r\n'),
    );
    const { caseId } = await intakeMail(service, raw);
    await service.verifyCase(centralOfficer, caseId, {
      decision: 'accept',
      type: 'normative',
      identityHidden: true,
      description: 'Pengadu dimintai uang saat mengurus surat di kantor kelurahan.',
    });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'polri' }] });
    const eml = (await service.listAttachments(centralOfficer, caseId)).items.find(
      (a) => a.contentType === 'message/rfc822',
    )!;
    expect(eml.visibility).toBe('central');
    // One change of the select on its row in the console (no warning, no confirmation).
    await service
      .updateAttachment(centralOfficer, caseId, eml.id, 'agencies')
      .catch(() => undefined);
    const polri = officerOf('polri');
    const listed = (await service.listAttachments(polri, caseId)).items.map((a) => a.name);
    expect(listed).not.toContain('surel-asli.eml');
  });
});

describe('an embedded download link (a reader’s, for 5 minutes)', () => {
  it('cannot be used as an upload form to replace the checked file', async () => {
    clock.set(START);
    const { caseId } = await forwardedCase(service, ['polri']);
    const { attachment } = await service.createAttachment(centralOfficer, caseId, {
      name: 'surat-pengaduan.pdf',
      size: SMALL_PDF.byteLength,
      visibility: 'agencies',
    });
    await blobs.write(uploadKey(caseId, attachment.id), SMALL_PDF);
    await service.completeAttachment(centralOfficer, caseId, attachment.id);
    const serve = blobs.handler(() => new Response(null, { status: 404 }));

    // Polri may read the file: it is given a link (token and signature, HMAC'd with the key
    // that signs upload policies too).
    const link = new URL(
      (await service.downloadAttachment(officerOf('polri'), caseId, attachment.id)).url,
    );
    const token = link.searchParams.get('token')!;
    const grant = JSON.parse(Buffer.from(token, 'base64url').toString()) as { key: string };
    const form = new FormData();
    form.append('key', grant.key);
    form.append('policy', token);
    form.append('signature', link.searchParams.get('signature')!);
    form.append('file', new Blob([new TextEncoder().encode('MZ anything at all')]), 'x.exe');
    const encoded = new Request('http://pantau.test/blobs/upload', { method: 'POST', body: form });
    const body = await encoded.arrayBuffer();
    const posted = await serve(
      new Request('http://pantau.test/blobs/upload', {
        method: 'POST',
        body,
        headers: {
          'content-type': encoded.headers.get('content-type')!,
          'content-length': String(body.byteLength),
        },
      }),
    );
    // Whatever the answer, the file central reads is still the one that was checked.
    const central = await service.downloadAttachment(centralOfficer, caseId, attachment.id);
    const file = await serve(new Request(central.url));
    expect({
      posted: posted.status,
      type: file.headers.get('content-type'),
      same: Buffer.from(await file.arrayBuffer()).equals(Buffer.from(SMALL_PDF)),
    }).toEqual({ posted: 403, type: 'application/pdf', same: true });
  });
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
    await blobs.write(uploadKey(caseId, attachment.id), SMALL_PDF);
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
    await blobs.write(uploadKey(caseId, kept.id), SMALL_PDF);
    await service.completeAttachment(polri, caseId, kept.id);
    const agencys = (await start()).attachment;
    const centrals = (await start(centralOfficer)).attachment;
    await blobs.write(uploadKey(caseId, agencys.id), SMALL_PDF);
    await blobs.write(uploadKey(caseId, centrals.id), SMALL_PDF);
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
