import { forwardingLetterDocument, receiptDocument } from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { COMPLAINANT, FORWARDED_AT, forwardedExample } from '../fixtures.test-support.ts';
import { pdfPages, pdfText } from '../../test/read-back.ts';
import { pdfFileName, renderLetterPdf } from './index.ts';

const forwardingLetter = (identityHidden: boolean, attachments: string[] = []) => {
  const x = forwardedExample(identityHidden);
  return forwardingLetterDocument({
    case: x.case,
    assignment: x.assignment,
    agency: x.agency,
    settings: x.settings,
    number: 'B-12/Kemensetneg/D-4/DM.05/03/2026',
    now: FORWARDED_AT,
    attachments,
  });
};

describe('the forwarding letter as PDF, read back by pdf.js', () => {
  it('carries the number, the Indonesian date, the agenda number and the three deadlines', async () => {
    const bytes = await renderLetterPdf(forwardingLetter(true, ['surat-pengaduan.pdf']));
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('B-12/Kemensetneg/D-4/DM.05/03/2026');
    expect(text).toContain('Jakarta, 16 Maret 2026');
    expect(text).toContain('17/DUMAS/III/2026');
    expect(text).toContain('Penerusan Pengaduan Masyarakat');
    // The DOMAIN.md example: acknowledge by 26 March, follow-up by 30 March (WIB).
    expect(text).toContain('26 Maret 2026 pukul 23.59 WIB');
    expect(text).toContain('30 Maret 2026 pukul 23.59 WIB');
    expect(text).toContain('surat-pengaduan.pdf');
    expect(text).toContain('NIP 19700101 199503 1 001');
    expect(text).toContain('Tembusan');
  });

  it('never names a complainant whose identity is hidden, nor their address or letter’s sender', async () => {
    const text = await pdfText(await renderLetterPdf(forwardingLetter(true)));
    expect(text).not.toContain('Siti');
    expect(text).not.toContain('Melati');
    expect(text).toContain('Identitas pengadu dirahasiakan');
    const open = await pdfText(await renderLetterPdf(forwardingLetter(false)));
    expect(open).toContain(COMPLAINANT);
  });

  it('flows a long complaint onto further A4 pages', async () => {
    const doc = forwardingLetter(false);
    const long = {
      ...doc,
      blocks: [...doc.blocks, { kind: 'paragraph' as const, text: 'Uraian panjang. '.repeat(600) }],
    };
    const bytes = await renderLetterPdf(long);
    expect(await pdfPages(bytes)).toBeGreaterThan(1);
  });

  it('names the file after the letter’s number', () => {
    expect(pdfFileName(forwardingLetter(true))).toBe(
      'surat-B-12-Kemensetneg-D-4-DM.05-03-2026.pdf',
    );
  });
});

describe('the walk-in receipt', () => {
  it('has the agenda number, the tracking code, the date, the subject and how to follow it', async () => {
    const x = forwardedExample(true);
    const doc = receiptDocument({
      case: x.case,
      settings: x.settings,
      trackingUrl: 'https://pantau.example.go.id/track',
    });
    expect(doc.blocks.find((b) => b.kind === 'qr')).toEqual({
      kind: 'qr',
      data: 'https://pantau.example.go.id/track#7QX2-M9KD-4HZ8R',
      caption: 'Pindai untuk melacak pengaduan',
    });
    const text = await pdfText(await renderLetterPdf(doc));
    expect(text).toContain('TANDA TERIMA PENGADUAN');
    expect(text).toContain('17/DUMAS/III/2026');
    expect(text).toContain('7QX2-M9KD-4HZ8R');
    expect(text).toContain('16 Maret 2026');
    expect(text).toContain('Laporan polisi tidak ditindaklanjuti');
    expect(text).toContain('https://pantau.example.go.id/track');
  });
});
