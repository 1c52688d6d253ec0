import { forwardingLetterWrite } from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { FORWARDED_AT, forwardedExample } from './fixtures.test-support.ts';
import { parseEml, pdfText } from '../test/read-back.ts';
import { letterMessage } from './letter-mail.ts';

describe('a letter as a MIME message, read back by mailparser', () => {
  it('is multipart with the text and the letter’s PDF, which pdf.js reads', async () => {
    const x = forwardedExample(true);
    const { notification } = forwardingLetterWrite({
      ...x,
      number: 'B-3/Kemensetneg/D-4/DM.05/03/2026',
      attachments: [],
      now: FORWARDED_AT,
    });
    const raw = await letterMessage(notification, {
      from: 'Asdep Pengaduan Masyarakat <noreply@pantau.local>',
      messageIdDomain: 'pantau.local',
    });
    const mail = await parseEml(raw);
    expect(mail.subject).toBe(
      'Penerusan Pengaduan Masyarakat 17/DUMAS/III/2026: Laporan polisi tidak ditindaklanjuti',
    );
    expect(mail.messageId).toBe(`<${notification.id}@pantau.local>`);
    expect(mail.text).toContain('nomor agenda 17/DUMAS/III/2026');
    expect(mail.headers.get('x-pantau-case')).toBe(x.case.id);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe('surat-B-3-Kemensetneg-D-4-DM.05-03-2026.pdf');
    const text = await pdfText(new Uint8Array(pdf!.content));
    expect(text).toContain('B-3/Kemensetneg/D-4/DM.05/03/2026');
    expect(text).not.toContain('Siti');
  });

  it('stays a plain message for a letter without a document (written before PDFs)', async () => {
    const x = forwardedExample(true);
    const { notification } = forwardingLetterWrite({
      ...x,
      number: 'B-4',
      attachments: [],
      now: FORWARDED_AT,
    });
    const { document: _, ...plain } = notification;
    const mail = await parseEml(
      await letterMessage(plain, { from: 'a@b.c', messageIdDomain: 'b.c' }),
    );
    expect(mail.attachments).toEqual([]);
  });
});
