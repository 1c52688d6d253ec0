/**
 * A letter's ending: its closing paragraph, the signatory (or the receipt's place and date and
 * the receiving officer) and the tembusan, kept together on one page as Tata Naskah Dinas keeps
 * them.
 */
import type { LetterBlock, LetterDocument } from '@pantau/core';
import type { PDFFont } from 'pdf-lib';
import {
  type Cursor,
  descent,
  LEADING,
  LIST_INDENT,
  listNumber,
  MARGIN,
  PAGE_DEPTH,
  SIZE,
  WIDTH,
  wrap,
} from './page.ts';

/** Said at the end of a letter some of whose characters cannot be printed. */
const UNPRINTABLE_NOTE =
  'Catatan: sebagian karakter dalam surat ini tidak dapat dicetak; teks lengkapnya dapat dibaca di Pantau.';

/** A line of a letter's ending, wrapped before anything of the ending is drawn. */
interface EndingLine {
  readonly text: string;
  readonly x: number;
  readonly font: PDFFont;
  /** Space above it beyond the leading from the line before: the gap between two parts. */
  readonly gap: number;
  /** A copy's number, left of its first line (its other lines hang under the text). */
  readonly label?: string;
}

/**
 * The letter's last paragraph (its closing: the thanks, a reminder's request), which the
 * signature is kept with, and the blocks before it. A ladder letter written before its parts
 * were kept ends in an empty list, which prints nothing.
 */
export function splitClosing(blocks: readonly LetterBlock[]) {
  let end = blocks.length;
  while (end > 0) {
    const b = blocks[end - 1]!;
    if (b.kind !== 'list' || b.items.length > 0) break;
    end -= 1;
  }
  const last = blocks[end - 1];
  return last?.kind === 'paragraph'
    ? { body: blocks.slice(0, end - 1), closing: last.text }
    : { body: blocks, closing: null };
}

/**
 * The letter's ending as lines: the closing paragraph, the note on characters it cannot print,
 * the receipt's place and date, the signatory (position, the space to sign in, name, NIP) and
 * the tembusan. `signatureFrom` is its first line after the closing (and note and date);
 * `firstCopyTo` the last line of "Tembusan:" and its first copy (or the NIP's without copies).
 */
function endingLines(c: Cursor, doc: LetterDocument, closing: string | null, note: boolean) {
  const lines: EndingLine[] = [];
  let gap = 0;
  const add = (
    text: string,
    x: number,
    width: number,
    font: PDFFont = c.faces.regular,
    label?: string,
  ) => {
    for (const line of wrap(text, font, SIZE, width)) {
      lines.push({ text: line, x, font, gap, ...(label ? { label } : {}) });
      gap = 0;
      label = undefined;
    }
  };
  const column = { x: MARGIN.left + WIDTH * 0.52, width: WIDTH * 0.48 };
  if (closing !== null) {
    add(closing, MARGIN.left, WIDTH);
    gap = 6;
  }
  if (note) {
    gap += 4;
    add(UNPRINTABLE_NOTE, MARGIN.left, WIDTH);
  }
  if (doc.title) {
    gap += 10;
    add(doc.placeAndDate, column.x, column.width);
  }
  const signatureFrom = lines.length;
  const s = doc.signatory;
  if (s) {
    gap += 10;
    add(s.position, column.x, column.width);
    // The space the signatory signs and stamps in.
    gap = 48;
    add(s.name, column.x, column.width, c.faces.bold);
    add(`NIP ${s.nip}`, column.x, column.width);
  }
  let firstCopyTo = lines.length - 1;
  if (doc.tembusan.length > 0) {
    gap += 14;
    add('Tembusan:', MARGIN.left, WIDTH);
    doc.tembusan.forEach((t, i) => {
      // Numbered as the body's lists are.
      add(t, MARGIN.left + LIST_INDENT, WIDTH - LIST_INDENT, c.faces.regular, `${i + 1}.`);
      if (i === 0) firstCopyTo = lines.length - 1;
    });
  }
  return { lines, signatureFrom, firstCopyTo };
}

/**
 * The ending, kept together: the closing paragraph, the signature, "Tembusan:" and its first
 * copy on one page (Tata Naskah Dinas: an official signs under the letter's last lines, never a
 * page holding the signature alone), moved to the next page together only when they do not fit
 * on this one. The other copies follow them, each whole, over the page when this one is full (a unit's
 * seven long copies once took the whole ending to page 2, leaving page 1 half empty); a closing
 * longer than a page with them keeps its last lines. Measured from the lines as they will be drawn,
 * so the measure and the drawing cannot disagree (a fixed seven lines did for a position that
 * wraps, and the name went to the next page without it).
 */
export function ending(c: Cursor, doc: LetterDocument, closing: string | null, note: boolean) {
  const { lines, signatureFrom, firstCopyTo } = endingLines(c, doc, closing, note);
  if (lines.length === 0) return;
  /** From above line `from` (its gap included unless it starts a page) to line `to`'s descenders. */
  const depth = (from: number, to: number, atTop: boolean) => {
    let d = atTop ? 0 : lines[from]!.gap;
    for (let i = from + 1; i <= to; i += 1) d += LEADING + lines[i]!.gap;
    return d + descent(lines[to]!.font, SIZE);
  };
  // The signature takes at least the closing's last line with it (when there is a closing).
  const latestFrom = Math.max(0, signatureFrom - 1);
  let keep: { from: number; to: number } | undefined;
  for (let from = 0; from <= latestFrom && !keep; from += 1)
    for (const to of [lines.length - 1, firstCopyTo])
      if (depth(from, to, true) <= PAGE_DEPTH) {
        keep = { from, to };
        break;
      }
  // Moved only when not even the closing, the signature and the first copy fit here: the other
  // copies then go on over the page, rather than leave this one half empty.
  const movesAt = (i: number) =>
    keep && i === keep.from && !c.fits(depth(i, Math.min(keep.to, firstCopyTo), false));
  /** A later copy (a numbered line after the first copy's) goes over the page whole. */
  const copyEnd = (i: number) => {
    let end = i;
    while (end + 1 < lines.length && !lines[end + 1]!.label) end += 1;
    return end;
  };
  const copyMovesAt = (i: number) =>
    i > firstCopyTo && lines[i]!.label !== undefined && !c.fits(depth(i, copyEnd(i), false));
  lines.forEach((line, i) => {
    if (movesAt(i) || copyMovesAt(i)) c.newPage();
    else c.gap(line.gap);
    c.room(descent(line.font, SIZE));
    if (line.label) listNumber(c, line.label);
    c.text(line.text, line.x, { font: line.font });
    c.y -= LEADING;
  });
}
