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

  it('answers to the unit’s mailbox when one is set (Reply-To), and to nobody else when none is', async () => {
    const x = forwardedExample(true);
    const { notification } = forwardingLetterWrite({
      ...x,
      number: 'B-5/Kemensetneg/D-4/DM.05/03/2026',
      attachments: [],
      now: FORWARDED_AT,
    });
    const from = 'Asdep Pengaduan Masyarakat <noreply@pantau.local>';
    // The letters' From may receive nothing: an agency's clerk who answers by e-mail reaches
    // the mailbox the unit reads, as a document letter or one written before PDFs.
    const { document: _, ...plain } = notification;
    for (const n of [notification, plain]) {
      const mail = await parseEml(
        await letterMessage(n, {
          from,
          messageIdDomain: 'pantau.local',
          replyTo: 'dumas@setneg.example.go.id',
        }),
      );
      expect(mail.replyTo?.value.map((a) => a.address)).toEqual(['dumas@setneg.example.go.id']);
      expect(mail.from?.value.map((a) => a.address)).toEqual(['noreply@pantau.local']);
    }
    const unset = await parseEml(
      await letterMessage(notification, { from, messageIdDomain: 'pantau.local' }),
    );
    expect(unset.headers.has('reply-to')).toBe(false);
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
