import {
  Calendar,
  DEFAULT_POLICY,
  forwardingLetterDocument,
  INDONESIAN_HOLIDAYS,
  INITIAL_LADDER_STATE,
  ladderLetterDocument,
  letterWrite,
  newAgency,
  projectLadder,
  receiptDocument,
} from '@pantau/core';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { COMPLAINANT, FORWARDED_AT, forwardedExample } from '../fixtures.test-support.ts';
import { pdfPages, pdfText } from '../../test/read-back.ts';
import { loadFonts } from './fonts.ts';
import { pdfFileName, renderLetterPdf, wrap } from './index.ts';

const SIZE_11 = 11;

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

  it('prints the unit’s telephone and e-mail under its address when its settings name them, and no empty line otherwise', async () => {
    const letter = forwardingLetter(true);
    const withContact = {
      ...letter,
      letterhead: { ...letter.letterhead, phone: '(021) 3845627', email: 'dumas@setneg.go.id' },
    };
    expect(await pdfText(await renderLetterPdf(withContact))).toContain(
      'Telepon (021) 3845627, Pos-el dumas@setneg.go.id',
    );
    const emailOnly = {
      ...letter,
      letterhead: { ...letter.letterhead, email: 'dumas@setneg.go.id' },
    };
    const text = await pdfText(await renderLetterPdf(emailOnly));
    expect(text).toContain('Pos-el dumas@setneg.go.id');
    expect(text).not.toContain('Telepon');
    expect(await pdfText(await renderLetterPdf(letter))).not.toMatch(/Telepon|Pos-el/);
  });

  it('a reminder to a WITA or WIT agency is dated in its zone, as its deadlines are', async () => {
    const x = forwardedExample(true);
    // Rungs are written as the agency's day ends: 00:00 on 31 March in Makassar and Jayapura
    // is still 30 March in Jakarta.
    for (const [timeZone, now, due] of [
      ['Asia/Makassar', '2026-03-30T16:00:00.000Z', '30 Maret 2026 pukul 23.59 WITA'],
      ['Asia/Jayapura', '2026-03-30T15:00:00.000Z', '30 Maret 2026 pukul 23.59 WIT'],
      ['Asia/Jakarta', '2026-03-30T17:00:00.000Z', '30 Maret 2026 pukul 23.59 WIB'],
    ] as const) {
      const dueAt = new Date(new Date(now).getTime() - 1).toISOString();
      const assignment = {
        ...x.assignment,
        timeZone,
        due: { ...x.assignment.due, followUp: dueAt },
      };
      const letter = ladderLetterDocument({
        letter: {
          subject: 'Surat Pengingat I',
          body: '',
          to: [],
          cc: [],
          parts: {
            title: 'Surat Pengingat I',
            opening: 'Sampai dengan tanggal surat ini, kami belum menerima pemenuhan atas:',
            lines: [`- tindak lanjut: batas waktu ${due}, terlambat 1 hari kerja.`],
            request: 'Mohon segera ditindaklanjuti.',
          },
        },
        case: x.case,
        assignment,
        agency: x.agency,
        settings: x.settings,
        number: 'B-13/Kemensetneg/D-4/DM.05/03/2026',
        now: new Date(now),
      });
      const text = await pdfText(await renderLetterPdf(letter));
      expect(text, timeZone).toContain('Jakarta, 31 Maret 2026');
      expect(text, timeZone).toContain(due);
    }
  });

  it('never names a complainant whose identity is hidden, nor their address or letter’s sender', async () => {
    const text = await pdfText(await renderLetterPdf(forwardingLetter(true)));
    expect(text).not.toContain('Siti');
    expect(text).not.toContain('Melati');
    expect(text).toContain('Identitas pengadu dirahasiakan');
    // The incoming letter's number and date would tell the agency who wrote it.
    expect(text).not.toContain('045/RT-03/III/2026');
    expect(text).toContain('pengaduan melalui saluran surat');
    const open = await pdfText(await renderLetterPdf(forwardingLetter(false)));
    expect(open).toContain(COMPLAINANT);
    expect(open).toContain('surat nomor 045/RT-03/III/2026 tanggal 10 Maret 2026');
  });

  it('summarises the complaint as central restated it for the agencies, not the complainant’s text', async () => {
    const x = forwardedExample(true);
    const text = await pdfText(
      await renderLetterPdf(
        forwardingLetterDocument({
          ...x,
          case: {
            ...x.case,
            description: 'Motor saya hilang. Hormat saya, Dewi Lestari, 0812 3456 7890',
            agencyDescription: 'Laporan kehilangan sepeda motor belum ditangani.',
          },
          number: 'B-12/Kemensetneg/D-4/DM.05/03/2026',
          now: FORWARDED_AT,
          attachments: [],
        }),
      ),
    );
    expect(text).toContain('Laporan kehilangan sepeda motor belum ditangani.');
    expect(text).not.toContain('Dewi');
    expect(text).not.toContain('0812');
  });

  it('names a SP4N-LAPOR! complaint’s channel as it is written', async () => {
    const x = forwardedExample(false);
    const text = await pdfText(
      await renderLetterPdf(
        forwardingLetterDocument({
          ...x,
          case: { ...x.case, channel: 'lapor', letter: null },
          number: 'B-12/Kemensetneg/D-4/DM.05/03/2026',
          now: FORWARDED_AT,
          attachments: [],
        }),
      ),
    );
    expect(text).toContain('pengaduan melalui saluran SP4N-LAPOR!');
  });

  it('says when some of its characters cannot be printed (Arabic, an emoji), not only when they can', async () => {
    const x = forwardedExample(false);
    const render = (description: string) =>
      renderLetterPdf(
        forwardingLetterDocument({
          ...x,
          case: { ...x.case, description },
          number: 'B-12/Kemensetneg/D-4/DM.05/03/2026',
          now: FORWARDED_AT,
          attachments: [],
        }),
      );
    const foreign = await pdfText(await render('Tertulis di spanduk: مسجد الرحمة 🙏'));
    expect(foreign).toContain('sebagian karakter dalam surat ini tidak dapat dicetak');
    const plain = await pdfText(await render('Jalan rusak — “parah” sejak 2025, ±30 m².'));
    expect(plain).not.toContain('tidak dapat dicetak');
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

  it('wraps greedily: each line fits as pdf-lib measures it whole, and its next word would not', async () => {
    // The wrap adds up words' widths; the whole line, laid out at once, must agree. Ligatures
    // (fi, ffl), an en dash, digits, a slash and a word longer than a line.
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const fonts = await loadFonts();
    const width = 200;
    const words = [
      'Pengaduan',
      'efisiensi',
      'afiliasi',
      'baffle',
      'final',
      'Rp1.250.000,00',
      '–',
      'B-12/D-4',
      'Kemensetneg',
      'tindak',
      'lanjut',
      'ditangani',
      'é',
      'Pasal',
      '17',
    ];
    const text = Array.from({ length: 300 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    for (const file of [fonts.regular, fonts.bold]) {
      const font = await pdf.embedFont(file, { subset: true });
      for (const size of [11, 13]) {
        const lines = wrap(text, font, size, width);
        expect(lines.join(' ')).toBe(text);
        expect(lines.length).toBeGreaterThan(20);
        for (const [i, line] of lines.entries()) {
          expect(font.widthOfTextAtSize(line, size), line).toBeLessThanOrEqual(width);
          const next = lines[i + 1]?.split(' ')[0];
          if (next !== undefined) {
            expect(font.widthOfTextAtSize(`${line} ${next}`, size), line).toBeGreaterThan(width);
          }
        }
        const long = wrap(`${'x'.repeat(120)} akhir`, font, size, width);
        expect(long.join('').replace(/ ?akhir$/, '')).toBe('x'.repeat(120));
        expect(long.at(-1)).toMatch(/akhir$/);
        expect(long.length).toBeGreaterThan(2);
        for (const line of long)
          expect(font.widthOfTextAtSize(line, size)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('cuts a word longer than many lines greedily, measuring each line a few times, not every prefix', async () => {
    // An anonymous complaint can carry one 4,000-character token (a URL, a pasted hash) into its
    // forwarding letter. Measuring every prefix of what was left took 26 s for 1,500 characters:
    // past Tick's timeout, so the ladder failed and the letter never went.
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont((await loadFonts()).regular, { subset: true });
    const cycle = Array.from('aW9/=-_.🙂');
    const token = Array.from({ length: 4000 }, (_, i) => cycle[i % cycle.length]).join('');
    const chars = Array.from(token).length;
    const measure = font.widthOfTextAtSize.bind(font);
    let measured = 0;
    font.widthOfTextAtSize = (text: string, size: number) => {
      measured += text.length;
      // Old wrap: millions of characters for this token; this one about 15 per character.
      if (measured > 40 * token.length) throw new Error(`measured ${measured} characters`);
      return measure(text, size);
    };
    const width = 300;
    const lines = wrap(`awal ${token} akhir`, font, SIZE_11, width);
    expect(lines[0]).toBe('awal');
    expect(lines.at(-1)).toMatch(/ akhir$/);
    expect(
      lines
        .join('')
        .replace(/^awal/, '')
        .replace(/ akhir$/, ''),
    ).toBe(token);
    expect(lines.length).toBeGreaterThan(20);
    for (const [i, line] of lines.entries()) {
      expect(measure(line, SIZE_11)).toBeLessThanOrEqual(width);
      // Greedy: the next character would not have fitted (a cut line, not the ends).
      const next = Array.from(lines[i + 1] ?? '')[0];
      if (i > 0 && i < lines.length - 1 && next)
        expect(measure(line + next, SIZE_11)).toBeGreaterThan(width);
    }
    // Cut between code points: every emoji is whole.
    expect(lines.join('').match(/🙂/gu)).toHaveLength(Math.floor(chars / 9));
  });

  it('names the file after the letter’s number', () => {
    expect(pdfFileName(forwardingLetter(true))).toBe(
      'surat-B-12-Kemensetneg-D-4-DM.05-03-2026.pdf',
    );
  });
});

/**
 * The head block a records clerk (TU, persuratan) files an incoming letter by, as the Tata
 * Naskah Dinas sets it: Nomor, Sifat, Lampiran, Hal, each on its line, in that order. Each test
 * renders letters and reads them back with pdf.js (the ladder's five): a second or two on a
 * quiet machine, several with the suite's other files beside it.
 */
describe('the head block a records clerk files a letter by', { timeout: 20_000 }, () => {
  /**
   * [Nomor, Sifat, Lampiran, Hal] as pdf.js reads the page (the date beside the number), or
   * what the page reads up to the addressee when it has no such block.
   */
  const headBlock = (text: string) =>
    /Nomor : (\S+) (?:Jakarta, \d+ \w+ \d{4} )?Sifat : (.+?) Lampiran : (.+?) Hal : (.+?) Yth\./
      .exec(text)
      ?.slice(1) ?? [text.slice(0, text.indexOf('Yth.'))];

  it('the forwarding letter: Sifat Biasa, and Lampiran "-" when nothing goes with it', async () => {
    expect(headBlock(await pdfText(await renderLetterPdf(forwardingLetter(true))))).toEqual([
      'B-12/Kemensetneg/D-4/DM.05/03/2026',
      'Biasa',
      '-',
      'Penerusan Pengaduan Masyarakat',
    ]);
    const enclosed = await pdfText(
      await renderLetterPdf(forwardingLetter(true, ['surat-pengaduan.pdf'])),
    );
    expect(headBlock(enclosed)).toEqual([
      'B-12/Kemensetneg/D-4/DM.05/03/2026',
      'Biasa',
      '1 berkas',
      'Penerusan Pengaduan Masyarakat',
    ]);
  });

  it('each letter of the default ladder: more urgent as it climbs, its Hal never repeating itself', async () => {
    const x = forwardedExample(true);
    const calendar = new Calendar(INDONESIAN_HOLIDAYS);
    const central = newAgency(
      {
        id: 'setneg',
        name: 'Asisten Deputi Pengaduan Masyarakat',
        kind: 'agency',
        contacts: [{ name: 'Asdep Dumas', email: 'dumas@setneg.example.go.id' }],
      },
      FORWARDED_AT,
    );
    // The agency answers nothing: every step of the ladder is written, each once.
    const seen = new Set<string>();
    const letters = projectLadder(INITIAL_LADDER_STATE, {
      assignment: x.assignment,
      steps: DEFAULT_POLICY.ladder,
      calendar,
      now: FORWARDED_AT,
    }).filter((e) => !seen.has(e.step) && seen.add(e.step));
    const heads = [];
    for (const [i, letter] of letters.entries()) {
      const { notification } = letterWrite({
        letter,
        policy: DEFAULT_POLICY,
        case: x.case,
        assignment: x.assignment,
        parties: { agency: x.agency, focalPoint: undefined, central },
        calendar,
        now: new Date(letter.at),
        document: { settings: x.settings, number: `B-${20 + i}/Kemensetneg/D-4/DM.05/2026` },
      });
      const text = await pdfText(await renderLetterPdf(notification.document!));
      heads.push([letter.step, ...headBlock(text)]);
    }
    const head = (i: number, sifat: string, hal: string) => [
      letters[i]!.step,
      `B-${20 + i}/Kemensetneg/D-4/DM.05/2026`,
      sifat,
      '-',
      hal,
    ];
    expect(heads).toEqual([
      head(0, 'Biasa', 'Pemberitahuan Batas Waktu Tindak Lanjut atas Pengaduan Masyarakat'),
      head(1, 'Segera', 'Surat Pengingat I atas Pengaduan Masyarakat'),
      head(2, 'Segera', 'Surat Pengingat II atas Pengaduan Masyarakat'),
      head(3, 'Sangat Segera', 'Surat Penegasan atas Pengaduan Masyarakat'),
      // Its Hal said "Pemberitahuan Intervensi Asdep Pengaduan Masyarakat atas Pengaduan
      // Masyarakat", from the unit whose letterhead is above it.
      head(4, 'Sangat Segera', 'Pemberitahuan Intervensi atas Pengaduan Masyarakat'),
    ]);
    expect(letters.map((l) => l.action)).toEqual([
      'warning',
      'reminder',
      'reminder',
      'formal_warning',
      'central_intervention',
    ]);
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

  it('is signed by the officer who received it, under the place and date, on its one page', async () => {
    // A receipt nobody signed is a printout: the counter officer signs it and writes their name
    // and NIP by hand (Pantau knows officers by their sign-in only).
    const x = forwardedExample(false);
    const bytes = await renderLetterPdf(
      receiptDocument({
        case: x.case,
        settings: x.settings,
        trackingUrl: 'https://pantau.example.go.id/track',
      }),
    );
    const text = await pdfText(bytes);
    expect(text).toMatch(/Jakarta, 16 Maret 2026\s+Petugas penerima\s+\(\.{20,}\)\s+NIP \.{20,}/);
    expect(await pdfPages(bytes)).toBe(1);
  });

  it('calls the code "kode lacak", as the tracking page, the receipt mail and the console do', () => {
    const x = forwardedExample(true);
    const doc = receiptDocument({
      case: x.case,
      settings: x.settings,
      trackingUrl: 'https://pantau.example.go.id/track',
    });
    const said = doc.blocks
      .flatMap((b) =>
        b.kind === 'fields'
          ? b.rows.flat()
          : b.kind === 'list'
            ? b.items
            : 'text' in b
              ? [b.text]
              : [],
      )
      .join('\n');
    // One name for one thing: "kode pelacakan" read as a second code beside the "Kode lacak" row.
    expect(said).not.toMatch(/pelacakan/i);
    expect(said).toContain('masukkan kode lacak 7QX2-M9KD-4HZ8R');
    expect(said).toContain('Simpan kode lacak ini');
  });
});
