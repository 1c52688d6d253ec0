import {
  type AttachmentRecord,
  forwardingLetterWrite,
  type NotificationRecord,
} from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { FORWARDED_AT, forwardedExample } from './fixtures.test-support.ts';

const file = (
  name: string,
  status: AttachmentRecord['status'],
  attachedTo: AttachmentRecord['attachedTo'],
): AttachmentRecord => ({
  id: name,
  caseId: '01KCASE0000000000000000000',
  key: `cases/x/${name}`,
  name,
  declaredSize: 1_000,
  size: status === 'available' ? 1_000 : null,
  contentType: status === 'available' ? 'application/pdf' : null,
  sha256: null,
  status,
  refusal: status === 'refused' ? 'not an allowed type' : null,
  visibility: 'agencies',
  attachedTo,
  uploadedBy: { sub: 'u1', agency: attachedTo.agencyId ?? 'setneg' },
  createdAt: FORWARDED_AT.toISOString(),
  completedAt: null,
  updatedAt: FORWARDED_AT.toISOString(),
  version: 1,
});

describe('the forwarding letter’s enclosures', () => {
  it('names the files the agency can open, never its own refused or unfinished uploads', () => {
    const response = { kind: 'response' as const, agencyId: 'polri', activityId: null };
    const onCase = { kind: 'case' as const, agencyId: null, activityId: null };
    // An agency forwarded the case again after it answered "not ours": its old uploads, each
    // refused or never finished, are not enclosures (and, unbounded by the case's 30 files,
    // would grow the letter past DynamoDB's item limit: 2,000 names of 200 characters).
    const refused = Array.from({ length: 2_000 }, (_, i) =>
      file(`${String(i).padStart(4, '0')}-${'x'.repeat(190)}.txt`, 'refused', response),
    );
    const { notification } = forwardingLetterWrite({
      ...forwardedExample(true),
      number: 'B-5',
      attachments: [
        file('surat-pengaduan.pdf', 'available', onCase),
        file('tanggapan-awal.pdf', 'available', response),
        file('belum-selesai.pdf', 'uploading', response),
        ...refused,
      ],
      now: FORWARDED_AT,
    });
    // The letter's last list (after its deadlines'): its enclosures.
    const list = notification.document?.blocks.filter((b) => b.kind === 'list').at(-1);
    expect(list).toEqual({ kind: 'list', items: ['surat-pengaduan.pdf', 'tanggapan-awal.pdf'] });
    expect(JSON.stringify(notification).length).toBeLessThan(20_000);
  });
});

describe('the forwarding letter and activity reports', () => {
  it('names none: the letter does not know which agencies an activity was held with', () => {
    // A clarification held with another agency before this one was forwarded the case (or
    // with this one, in an earlier forwarding): its report is read on the case page, by the
    // agencies that were in it.
    const activity = { kind: 'activity' as const, agencyId: null, activityId: '01KACT' };
    const onCase = { kind: 'case' as const, agencyId: null, activityId: null };
    const { notification } = forwardingLetterWrite({
      ...forwardedExample(true),
      number: 'B-6',
      attachments: [
        file('surat-pengaduan.pdf', 'available', onCase),
        file('BA-klarifikasi.pdf', 'available', activity),
      ],
      now: FORWARDED_AT,
    });
    const list = notification.document?.blocks.filter((b) => b.kind === 'list').at(-1);
    expect(list).toEqual({ kind: 'list', items: ['surat-pengaduan.pdf'] });
    expect(notification.document?.enclosures).toBe('1 berkas');
  });
});

describe('the forwarding letter’s reader', () => {
  const CONSOLE = 'https://pantau.example.go.id';
  const written = (consoleUrl?: string) =>
    forwardingLetterWrite({
      ...forwardedExample(true),
      number: 'B-7',
      attachments: [],
      now: FORWARDED_AT,
      ...(consoleUrl ? { consoleUrl } : {}),
    }).notification;
  const paragraphs = (n: NotificationRecord) =>
    n.document!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

  it('is given the case’s address in the console, in the e-mail and the PDF, never a tracking code', () => {
    const n = written(CONSOLE);
    const link = `${CONSOLE}/cases/01KCASE0000000000000000000`;
    expect(n.body.match(/https?:\/\/[^\s()]+/g)).toEqual([link]);
    expect(n.body).toContain(`melalui Pantau (${link}) sebelum batas waktu`);
    expect(paragraphs(n).filter((p) => p.includes('melalui Pantau'))).toEqual([
      expect.stringContaining(`melalui Pantau (${link}) sebelum batas waktu di atas.`),
    ]);
    expect(JSON.stringify(n)).not.toContain('7QX2-M9KD-4HZ8R');
    // Without the address (an older deployment's settings), as before.
    expect(written().body).toContain('melalui Pantau sebelum batas waktu');
    expect(written().body).not.toContain('/cases/');
  });

  it('greets in the e-mail whom the PDF greets: the agency’s head, for the attention of its liaisons', () => {
    const n = written();
    // It said "Yth. Kepolisian Negara Republik Indonesia"; the PDF "Yth. Pimpinan …".
    expect(n.body.split('\n\n')[0]).toBe(`Yth. ${n.document!.to.join('\n')}`);
    expect(n.document!.to).toEqual([
      'Pimpinan Kepolisian Negara Republik Indonesia',
      'u.p. Bripka Made Wirawan',
    ]);
  });
});
