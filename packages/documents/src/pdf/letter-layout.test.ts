/**
 * A letter's layout as its reader sees the page, read back by pdf.js with each text's position:
 * nothing printed over anything else, no heading left alone at the foot of a page, and the
 * signature never on a page without the letter's closing lines.
 */
import {
  type DocumentSettings,
  forwardingLetterDocument,
  type LetterDocument,
  ladderLetterDocument,
} from '@pantau/core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { forwardedExample } from '../fixtures.test-support.ts';
import { renderLetterPdf } from './index.ts';

interface Placed {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** Every text run of the PDF with its page, baseline and horizontal extent (points). */
async function placedTexts(bytes: Uint8Array): Promise<Placed[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  try {
    const placed: Placed[] = [];
    for (let page = 1; page <= pdf.numPages; page += 1) {
      const content = await (await pdf.getPage(page)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        placed.push({
          page,
          text: item.str,
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          width: item.width,
        });
      }
    }
    return placed;
  } finally {
    await pdf.destroy();
  }
}

const find = (placed: readonly Placed[], text: string) => {
  const found = placed.find((p) => p.text.includes(text));
  expect(found, `"${text}" in ${JSON.stringify(placed.map((p) => p.text))}`).toBeDefined();
  return found!;
};

const letterOf = (overrides: {
  number?: string;
  now?: Date;
  description?: string;
  attachments?: string[];
  settings?: DocumentSettings;
}) => {
  const x = forwardedExample(false);
  const c = overrides.description ? { ...x.case, description: overrides.description } : x.case;
  return forwardingLetterDocument({
    case: c,
    assignment: x.assignment,
    agency: x.agency,
    settings: overrides.settings ?? x.settings,
    number: overrides.number ?? 'B-12/Kemensetneg/D-4/DM.05/03/2026',
    now: overrides.now ?? new Date('2026-03-16T03:00:00.000Z'),
    attachments: overrides.attachments ?? [],
  });
};

/** The page's geometry (render.ts): 15-point lines, 6 points after a block, a 64-point margin. */
const LEADING = 15;
const BLOCK_GAP = 6;
const BOTTOM_MARGIN = 64;
/** How far DejaVu Serif's descenders reach below the baseline at 11 points. */
const DESCENT = 11 * (483 / 2048);

/** The first baseline of a page (841.89 high, a 56-point top margin): the body starts there. */
const FIRST_BASELINE = 841.89 - 56;
/** The body's width (72 and 64 points of margin) and its centre line. */
const CENTRE = 72 + (595.28 - 72 - 64) / 2;
/** A page number as Tata Naskah Dinas writes it: "- 2 -". */
const PAGE_NUMBER = /^- \d+ -$/;

/** The runs of the letter itself: below the top margin, where the page numbers are not. */
const bodyOf = (placed: readonly Placed[]) => placed.filter((p) => p.y <= FIRST_BASELINE + 0.01);

/** Runs of the signature column (the right half): the signatory's position, name and NIP. */
const signatureColumn = (placed: readonly Placed[]) => placed.filter((p) => p.x > 280);

/**
 * Where a letter's ending fell: its closing paragraph's first and last lines, the signatory's
 * position, name and NIP, "Tembusan:" and its first copy; and the last text above the closing.
 */
function endingOf(placed: readonly Placed[], doc: LetterDocument, closing: [string, string]) {
  const signatory = doc.signatory!;
  const closingFirst = placed.findIndex((p) => p.text.includes(closing[0]));
  expect(closingFirst, closing[0]).toBeGreaterThan(0);
  const column = signatureColumn(placed.slice(closingFirst));
  const name = column.findIndex((p) => p.text.includes(signatory.name.split(' ')[0]!));
  const tembusan = placed.findIndex((p) => p.text === 'Tembusan:');
  const parts = {
    closingFirst: placed[closingFirst]!,
    closingLast: placed.slice(closingFirst).find((p) => p.text.includes(closing[1]))!,
    position: column.slice(0, name),
    name: column[name]!,
    nip: column.find((p) => p.text.startsWith('NIP '))!,
    tembusan: placed[tembusan]!,
    firstCopy: placed[tembusan + 1]!,
    lastCopy: placed.at(-1)!,
  };
  for (const [part, at] of Object.entries(parts))
    expect(at, `${part} in ${JSON.stringify(placed.map((p) => p.text))}`).toBeDefined();
  expect(parts.position.length, 'lines of the position').toBeGreaterThan(0);
  expect(parts.lastCopy.page, 'the copies end the letter').toBeGreaterThanOrEqual(
    parts.tembusan.page,
  );
  return { ...parts, before: placed[closingFirst - 1]! };
}

/**
 * What is wrong with where a letter's ending fell, in words ([] when nothing): one page should
 * hold the closing paragraph, the signature, "Tembusan:" and its first copy (the name never
 * alone atop a page), moved to a page of its own only when the page before had no room for
 * them, the other copies following on the next page only when this one is full, and nothing
 * printed below the bottom margin.
 */
function endingProblems(all: readonly Placed[], doc: LetterDocument, closing: [string, string]) {
  // A page's number is no part of the ending (and the centred "- 2 -" is right of 280 points).
  const placed = bodyOf(all);
  const e = endingOf(placed, doc, closing);
  const page = e.closingFirst.page;
  const problems: string[] = [];
  const parts: [string, readonly Placed[]][] = [
    ['the closing’s last line', [e.closingLast]],
    ['the position', e.position],
    ['the name', [e.name]],
    ['the NIP', [e.nip]],
    ['"Tembusan:"', [e.tembusan]],
    ['the first copy', [e.firstCopy]],
  ];
  const away = parts.filter(([, runs]) => runs.some((r) => r.page !== page));
  if (away.length > 0)
    problems.push(
      `${away.map(([part]) => part).join(', ')} on page ${Math.max(...away.flatMap(([, runs]) => runs.map((r) => r.page)))}, the closing begun on page ${page}`,
    );
  const below = all.filter((p) => p.y - DESCENT < BOTTOM_MARGIN - 0.01);
  if (below.length > 0) problems.push(`below the margin: ${below.map((p) => p.text).join(' / ')}`);
  if (e.lastCopy.page > page) {
    // The other copies go on over the page whole: the next page begins with a copy's number.
    const next = placed.filter((p) => p.page === page + 1);
    const isNumber = (p: Placed) => /^\d+\.$/.test(p.text);
    if (next[0] && !isNumber(next[0]))
      problems.push(`a copy split over the page: "${next[0].text}" begins page ${page + 1}`);
    // And only from a full page: that copy's lines would not have fitted under the last one.
    const end = next.findIndex((p, i) => i > 0 && isNumber(p));
    const copyLines = new Set(next.slice(0, end < 0 ? undefined : end).map((p) => p.y)).size;
    const lastHere = placed.filter((p) => p.page === page).at(-1)!;
    if (lastHere.y - copyLines * LEADING - DESCENT >= BOTTOM_MARGIN)
      problems.push(
        `copies after "${lastHere.text}" on page ${page + 1}, with room for the next on page ${page}`,
      );
  }
  if (e.before.page < page) {
    // Moved: what must stay together would have fitted from where it would have started.
    const wouldStart = e.before.y - LEADING - BLOCK_GAP;
    const height = e.closingFirst.y - e.firstCopy.y + DESCENT;
    if (wouldStart - height >= BOTTOM_MARGIN)
      problems.push(
        `moved to page ${page} with ${(wouldStart - height - BOTTOM_MARGIN).toFixed(1)} points to spare on page ${e.before.page}`,
      );
  }
  return { ...e, problems };
}

// Each renders a letter and reads it back with pdf.js: about a second on a quiet machine, three
// or four with the suite's other files beside it, so twenty.
describe('a letter’s layout', { timeout: 20_000 }, () => {
  it('prints the letter number clear of the date beside it, at a year’s volume of letters', async () => {
    // About 3,000 rung letters a working day (README "Letter hours"): by September the yearly
    // series has six digits, and September is the longest month name.
    const number = 'B-512345/Kemensetneg/D-4/DM.05/09/2026';
    const placed = await placedTexts(
      await renderLetterPdf(letterOf({ number, now: new Date('2026-09-30T03:00:00.000Z') })),
    );
    const numberRun = find(placed, 'B-512345');
    const date = find(placed, 'Jakarta, 30 September 2026');
    // On the date's line, the number ends at least 6 points before it; or it is on a line of its own.
    const sameLine = Math.abs(numberRun.y - date.y) < 11;
    const clearance = sameLine ? date.x - (numberRun.x + numberRun.width) : Infinity;
    expect(
      clearance,
      'points between the number and the date on their line',
    ).toBeGreaterThanOrEqual(6);
  });

  it('sets the head block as a clerk reads it: Nomor, Sifat, Lampiran, Hal, a line each, labels and values in their columns', async () => {
    // The long number of September: it goes below the date, and the block below it.
    const number = 'B-512345/Kemensetneg/D-4/DM.05/09/2026';
    const placed = await placedTexts(
      await renderLetterPdf(letterOf({ number, now: new Date('2026-09-30T03:00:00.000Z') })),
    );
    const rows = ['Nomor', 'Sifat', 'Lampiran', 'Hal'].map((label) => {
      // The label itself: "Nomor" is in the letterhead's address too.
      const at = placed.find((p) => p.text === label);
      expect(
        at,
        `${label} in ${JSON.stringify(placed.slice(0, 16).map((p) => p.text))}`,
      ).toBeDefined();
      // The row's other runs: its colon and its value, on its baseline.
      const [colon, value] = placed
        .filter((p) => p.page === at!.page && Math.abs(p.y - at!.y) < 1 && p.x > at!.x)
        .sort((a, b) => a.x - b.x);
      return { label: at!, colon: colon!, value: value! };
    });
    expect(rows.map((r) => r.value.text)).toEqual([
      number,
      'Biasa',
      '-',
      'Penerusan Pengaduan Masyarakat',
    ]);
    for (const [i, r] of rows.entries()) {
      // One column of labels, one of colons, one of values: each clear of the one before it.
      expect(r.label.x, r.label.text).toBeCloseTo(rows[0]!.label.x, 1);
      expect(r.colon.x, r.label.text).toBeCloseTo(rows[0]!.colon.x, 1);
      expect(r.value.x, r.label.text).toBeCloseTo(rows[0]!.value.x, 1);
      expect(r.colon.x, r.label.text).toBeGreaterThan(r.label.x + r.label.width);
      // A line below the row above it (15 points), never on it.
      if (i > 0) expect(rows[i - 1]!.label.y - r.label.y, r.label.text).toBeCloseTo(15, 1);
    }
    const date = find(placed, 'Jakarta, 30 September 2026');
    expect(date.y, 'the date above the block').toBeGreaterThan(rows[0]!.label.y);
  });

  it('keeps a heading on the page of the text it heads', async () => {
    // Summaries of every length that brings "Batas waktu" to the foot of page 1 (one more
    // sentence each time: a line of the page or less).
    const sentence = 'Jalan utama Abepura berlubang dan membahayakan pengendara. ';
    const orphaned: number[] = [];
    for (let sentences = 18; sentences <= 34; sentences += 1) {
      const description = sentence.repeat(sentences);
      const placed = await placedTexts(await renderLetterPdf(letterOf({ description })));
      const heading = find(placed, 'Batas waktu');
      const first = find(placed, 'Konfirmasi penerimaan pengaduan');
      if (first.page !== heading.page) orphaned.push(sentences);
    }
    expect(orphaned, 'summaries (in sentences) whose "Batas waktu" ends page 1 alone').toEqual([]);
  });

  // The closing paragraph of the forwarding letter.
  const THANKS: [string, string] = ['Tindak lanjut mohon disampaikan', 'terima kasih'];

  it('keeps the closing paragraph, the signature and the tembusan on one page, moved only when they do not fit', async () => {
    // Forwarding letters, their summary a sentence (a line or less) longer each time: the ending
    // goes from the middle of page 1 to its foot, across it, and onto page 2. Found in an audit:
    // with three attachments the signatory's position, name and NIP and the tembusan alone on
    // page 2; without, the tembusan alone on page 2 where page 1 had room for it.
    const sentence = 'Jalan utama Abepura berlubang dan membahayakan pengendara. ';
    const three = ['surat-pengaduan.pdf', 'foto-jalan-1.jpg', 'foto-jalan-2.jpg'];
    const pages = new Set<number>();
    const problems: string[] = [];
    for (const attachments of [[], three])
      for (let sentences = 0; sentences <= 12; sentences += 1) {
        const doc = letterOf({ description: sentence.repeat(sentences), attachments });
        const placed = await placedTexts(await renderLetterPdf(doc));
        const e = endingProblems(placed, doc, THANKS);
        const label = `${attachments.length} attachments, ${sentences} sentences`;
        problems.push(...e.problems.map((p) => `${label}: ${p}`));
        pages.add(e.name.page);
      }
    expect(problems, problems.join('\n')).toEqual([]);
    // The lengths cross the page: the test would not see the break otherwise.
    expect([...pages].sort()).toEqual([1, 2]);
  });

  it('keeps a position of three lines with the name under it', async () => {
    // A unit's own signatory (the settings allow 200 characters): the signature is then taller
    // than the seven lines it once reserved, and its name could go to the next page alone.
    const settings: DocumentSettings = {
      ...forwardedExample(false).settings,
      signatory: {
        name: 'Dr. Ir. Bambang Sutrisno Wicaksono, M.Si.',
        position:
          'Pelaksana Tugas Asisten Deputi Pengaduan Masyarakat pada Deputi Bidang Hubungan Kelembagaan dan Kemasyarakatan',
        nip: '19700101 199503 1 001',
      },
    };
    const sentence = 'Jalan utama Abepura berlubang dan membahayakan pengendara. ';
    const pages = new Set<number>();
    const problems: string[] = [];
    for (let sentences = 0; sentences <= 14; sentences += 1) {
      const doc = letterOf({ description: sentence.repeat(sentences), settings });
      const placed = await placedTexts(await renderLetterPdf(doc));
      const e = endingProblems(placed, doc, THANKS);
      expect(e.position.length, 'the position wraps').toBeGreaterThanOrEqual(3);
      problems.push(...e.problems.map((p) => `${sentences} sentences: ${p}`));
      pages.add(e.name.page);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect([...pages].sort()).toEqual([1, 2]);
  });

  it('keeps a reminder’s request and its signature together too, its other copies going on over the page', async () => {
    // A ladder letter is short; a unit's long signatory and copies, one more each time, bring
    // its ending across the foot of page 1. Seven copies once took the whole ending to page 2
    // with 156 points of page 1 left empty.
    const x = forwardedExample(true);
    const pages = new Set<number>();
    const problems: string[] = [];
    for (let copies = 0; copies <= 10; copies += 1) {
      const settings: DocumentSettings = {
        ...x.settings,
        signatory: {
          name: 'Dr. Ir. Bambang Sutrisno Wicaksono, M.Si.',
          position:
            'Pelaksana Tugas Asisten Deputi Pengaduan Masyarakat pada Deputi Bidang Hubungan Kelembagaan dan Kemasyarakatan Kementerian Sekretariat Negara Republik Indonesia',
          nip: '19700101 199503 1 001',
        },
        tembusan: Array.from(
          { length: copies + 1 },
          (_, i) =>
            `Pimpinan Unit Kerja Pengawasan Internal Nomor ${i + 1} pada Kementerian Sekretariat Negara Republik Indonesia di Jakarta`,
        ),
      };
      const doc = ladderLetterDocument({
        letter: {
          subject: 'Surat Pengingat I',
          body: '',
          to: [],
          cc: [],
          parts: {
            title: 'Surat Pengingat I',
            opening: 'Sampai dengan tanggal surat ini, kami belum menerima pemenuhan atas:',
            lines: [
              '- konfirmasi penerimaan: batas waktu 26 Maret 2026 pukul 23.59 WIB, terlambat 3 hari kerja.',
              '- tindak lanjut: batas waktu 30 Maret 2026 pukul 23.59 WIB, terlambat 1 hari kerja.',
            ],
            request: 'Mohon kiranya Saudara segera menyampaikan tindak lanjut melalui Pantau.',
          },
        },
        case: x.case,
        assignment: x.assignment,
        agency: x.agency,
        settings,
        number: 'B-13/Kemensetneg/D-4/DM.05/03/2026',
        now: new Date('2026-03-31T03:00:00.000Z'),
      });
      const placed = await placedTexts(await renderLetterPdf(doc));
      const e = endingProblems(placed, doc, ['Mohon kiranya Saudara', 'melalui Pantau.']);
      problems.push(...e.problems.map((p) => `${copies + 1} copies: ${p}`));
      pages.add(e.lastCopy.page);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The copies cross the page: the test would not see the break otherwise.
    expect([...pages].sort()).toEqual([1, 2]);
  });

  it('sets a list’s numbers clear of their text, from 10 on too', async () => {
    // "10.Pimpinan": a two-digit number ran into its copy's text, 18 points apart.
    const x = forwardedExample(true);
    const settings: DocumentSettings = {
      ...x.settings,
      tembusan: Array.from({ length: 12 }, (_, i) => `Pimpinan Unit Kerja ${i + 1}`),
    };
    const doc = forwardingLetterDocument({
      case: x.case,
      assignment: x.assignment,
      agency: x.agency,
      settings,
      number: 'B-12/Kemensetneg/D-4/DM.05/03/2026',
      now: new Date('2026-03-16T03:00:00.000Z'),
      attachments: Array.from({ length: 12 }, (_, i) => `lampiran-${i + 1}.pdf`),
    });
    const placed = await placedTexts(await renderLetterPdf(doc));
    const labels = placed.filter((p) => /^\d+\.$/.test(p.text.trim()));
    expect(labels.map((l) => l.text.trim())).toEqual(
      expect.arrayContaining(['1.', '9.', '10.', '12.']),
    );
    const crowded = labels.flatMap((label) => {
      const text = placed.find(
        (p) => p.page === label.page && Math.abs(p.y - label.y) < 0.5 && p.x > label.x,
      );
      return text && text.x - (label.x + label.width) < 3
        ? [
            `${label.text.trim()} ends ${(text.x - label.x - label.width).toFixed(1)} pt before "${text.text}"`,
          ]
        : [];
    });
    expect(crowded, crowded.join('\n')).toEqual([]);
  });

  // A forwarding letter of three pages: its summary (70 sentences, kept to its first 4,000
  // characters) fills page 1 and most of page 2, and the ending goes to page 3.
  const threePages = () =>
    letterOf({
      description: 'Jalan utama Abepura berlubang dan membahayakan pengendara. '.repeat(70),
      attachments: ['surat-pengaduan.pdf', 'foto-jalan-1.jpg', 'foto-jalan-2.jpg'],
    });
  const onPage = (placed: readonly Placed[], page: number) => placed.filter((p) => p.page === page);

  it('numbers the pages of a letter longer than one from page 2 on, "- 2 -" at the top centre', async () => {
    // Tata Naskah Dinas: a reader can tell a page is missing. Page 1 (the letterhead) bears none.
    const placed = await placedTexts(await renderLetterPdf(threePages()));
    expect(Math.max(...placed.map((p) => p.page)), 'pages').toBe(3);
    const numbers = [1, 2, 3].map((page) =>
      onPage(placed, page)
        .filter((p) => PAGE_NUMBER.test(p.text))
        .map((p) => p.text),
    );
    expect(numbers, 'page numbers on pages 1, 2 and 3').toEqual([[], ['- 2 -'], ['- 3 -']]);
    for (const n of placed.filter((p) => PAGE_NUMBER.test(p.text))) {
      expect(n.x + n.width / 2, `${n.text}: its centre`).toBeCloseTo(CENTRE, 0);
      // In the top margin: its descenders above the tallest a page's first line reaches (an
      // 11-point line's full height over its baseline), and itself on the page.
      expect(n.y - DESCENT, `${n.text}: above the body`).toBeGreaterThan(FIRST_BASELINE + 11);
      expect(n.y + 11, `${n.text}: below the top of the page`).toBeLessThan(841.89);
    }
    // A letter of one page is not numbered.
    const one = await placedTexts(await renderLetterPdf(letterOf({})));
    expect(Math.max(...one.map((p) => p.page)), 'pages of the short letter').toBe(1);
    expect(one.filter((p) => PAGE_NUMBER.test(p.text))).toEqual([]);
  });

  it('moves no line of the letter for its page numbers: each page holds the lines it held without them', async () => {
    const placed = await placedTexts(await renderLetterPdf(threePages()));
    // Every page's body starts on the first baseline, as page 1's letterhead does.
    const body = bodyOf(placed);
    expect([1, 2, 3].map((page) => onPage(body, page)[0]?.y)).toEqual([
      FIRST_BASELINE,
      FIRST_BASELINE,
      FIRST_BASELINE,
    ]);
    // Each page's lines, its first and its last where they were before pages were numbered
    // (read from the letter as rendered by commit 0c38132).
    const pages = [1, 2, 3].map((page) => {
      const lines = onPage(body, page);
      const at = (p: Placed) => [p.text, Math.round(p.y * 100) / 100];
      return { runs: lines.length, first: at(lines[0]!), last: at(lines.at(-1)!) };
    });
    expect(pages).toEqual([
      {
        runs: 59,
        first: ['KEMENTERIAN SEKRETARIAT NEGARA REPUBLIK', 785.89],
        last: ['membahayakan pengendara. Jalan utama Abepura berlubang dan membahayakan', 79.89],
      },
      {
        runs: 51,
        first: ['pengendara. Jalan utama Abepura berlubang dan membahayakan pengendara.', 785.89],
        last: [
          'agenda 17/DUMAS/III/2026, dengan akun Kepolisian Negara Republik Indonesia.',
          95.89,
        ],
      },
      {
        runs: 8,
        first: [
          'Tindak lanjut mohon disampaikan melalui Pantau sebelum batas waktu di atas.',
          785.89,
        ],
        last: ['Deputi Bidang Hubungan Kelembagaan dan Kemasyarakatan', 617.89],
      },
    ]);
    // Nothing but the numbers above the body, nothing below the bottom margin.
    expect(placed.filter((p) => !body.includes(p)).map((p) => p.text)).toEqual(['- 2 -', '- 3 -']);
    expect(placed.filter((p) => p.y - DESCENT < BOTTOM_MARGIN - 0.01)).toEqual([]);
  });
});
