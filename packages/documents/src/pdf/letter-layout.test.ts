/**
 * A letter's layout as its reader sees the page, read back by pdf.js with each text's position:
 * nothing printed over anything else, and no heading left alone at the foot of a page.
 */
import { forwardingLetterDocument } from '@pantau/core';
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

const letterOf = (overrides: { number?: string; now?: Date; description?: string }) => {
  const x = forwardedExample(false);
  const c = overrides.description ? { ...x.case, description: overrides.description } : x.case;
  return forwardingLetterDocument({
    case: c,
    assignment: x.assignment,
    agency: x.agency,
    settings: x.settings,
    number: overrides.number ?? 'B-12/Kemensetneg/D-4/DM.05/03/2026',
    now: overrides.now ?? new Date('2026-03-16T03:00:00.000Z'),
    attachments: [],
  });
};

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
});
