import { completeAttachment, newAttachment } from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { inspectUpload } from './sniff.ts';

const upload = (name: string) =>
  newAttachment({
    id: '01KFILE',
    caseId: '01KCASE',
    body: { name, size: 100 },
    attachedTo: { kind: 'case', agencyId: null, activityId: null },
    visibility: 'agencies',
    uploadedBy: { sub: 'officer-1', agency: 'setneg' },
    now: new Date('2026-03-16T03:00:00Z'),
  });

/** A Windows executable's first bytes: "MZ", then a PE header at 0x80. */
function windowsExecutable(): Uint8Array {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a]);
  bytes[0x3c] = 0x80;
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
}
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 6, 0, 0, 0,
]);

describe('uploads are what their bytes are, not what their name says', () => {
  it('refuses a “.pdf” that is really an executable, with a 415 naming what it is', async () => {
    const sniffed = await inspectUpload(windowsExecutable());
    expect(sniffed.mime).toBe('application/x-msdownload');
    const { record, refusal } = completeAttachment(upload('laporan.pdf'), sniffed, new Date());
    expect(record.status).toBe('refused');
    expect(refusal?.code).toBe('unsupported_media_type');
    expect(refusal?.message).toMatch(/application\/x-msdownload.*only PDF, JPEG, PNG and DOCX/);
  });

  it('refuses text with no known signature', async () => {
    const { refusal } = completeAttachment(
      upload('catatan.pdf'),
      await inspectUpload(new TextEncoder().encode('just some text, not a PDF')),
      new Date(),
    );
    expect(refusal?.message).toMatch(/unknown type/);
  });

  it('accepts a PNG named anything, records its size and SHA-256', async () => {
    const sniffed = await inspectUpload(PNG);
    const { record, refusal } = completeAttachment(upload('foto.jpg'), sniffed, new Date());
    expect(refusal).toBeNull();
    expect(record).toMatchObject({
      status: 'available',
      contentType: 'image/png',
      size: PNG.length,
    });
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a real PDF', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    expect((await inspectUpload(pdf)).mime).toBe('application/pdf');
  });
});
