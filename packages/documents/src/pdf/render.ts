/**
 * Lays a letter out on A4 pages with pdf-lib: the letterhead, the number block and date, the
 * addressee, the body (paragraphs, lists, label–value fields, a QR code), the signatory and
 * the tembusan. Text wraps on words and flows onto further pages.
 */
import fontkit from '@pdf-lib/fontkit';
import type { LetterBlock, LetterDocument } from '@pantau/core';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { loadFonts } from './fonts.ts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 72, right: 64, top: 56, bottom: 64 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const SIZE = 11;
const LEADING = 15;
const BLACK = rgb(0, 0, 0);
/** The width of the Nomor / Sifat / Lampiran / Hal labels' column. */
const NUMBER_LABEL_WIDTH = 60;
/**
 * A page number's baseline: 32 points below the page's top edge, in the top margin, its
 * descenders 11 points above the tallest a page's first line reaches.
 */
const PAGE_NUMBER_BASELINE = A4.height - 32;
/** From a fresh page's first baseline to the bottom margin: the most a page holds. */
const PAGE_DEPTH = A4.height - MARGIN.top - MARGIN.bottom;

interface Faces {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/**
 * Each word's width at size 1, per font. pdf-lib's width of a text is the sum of its glyphs'
 * advances (no kerning), and no glyph is substituted across a space, so a line's width is its
 * words' widths plus its spaces': each word is laid out once (fontkit's shaping is most of a
 * render) instead of once for every word added to its line. A font belongs to one document.
 */
const wordWidths = new WeakMap<PDFFont, Map<string, number>>();

function widthAt1(font: PDFFont, word: string): number {
  let widths = wordWidths.get(font);
  if (!widths) wordWidths.set(font, (widths = new Map()));
  let w = widths.get(word);
  if (w === undefined) widths.set(word, (w = font.widthOfTextAtSize(word, 1)));
  return w;
}

/**
 * How many of `chars` (code points, so a cut never splits a surrogate pair) fit in `width`: the
 * most whose prefix is no wider, and at least one. A URL or a token with no space can be as long
 * as the letter's 4,000 characters of description, so the prefix is found by doubling and then
 * halving: each line measures a few prefixes about its own length, not every prefix of what is
 * left (a 1,500-character word took 26 s that way, past Tick's and API Gateway's timeouts).
 */
function fittingPrefix(chars: readonly string[], font: PDFFont, size: number, width: number) {
  const fits = (n: number) => font.widthOfTextAtSize(chars.slice(0, n).join(''), size) <= width;
  let lo = 1;
  let hi = 2;
  while (hi < chars.length && fits(hi)) [lo, hi] = [hi, hi * 2];
  if (hi >= chars.length) {
    if (fits(chars.length)) return chars.length;
    hi = chars.length;
  }
  // The prefix of `lo` fits (or is the one character a line always takes); that of `hi` does not.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Lines of `text` no wider than `width` (words kept whole; a word longer than a line is cut). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = widthAt1(font, ' ') * size;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = widthAt1(font, word) * size;
      const candidate = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidate <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      lineWidth = wordWidth;
      if (wordWidth <= width) continue;
      // Wider than a line: cut it, each line as much of it as fits.
      let rest = Array.from(word);
      for (;;) {
        const cut = fittingPrefix(rest, font, size, width);
        if (cut === rest.length) break;
        lines.push(rest.slice(0, cut).join(''));
        rest = rest.slice(cut);
      }
      line = rest.join('');
      lineWidth = font.widthOfTextAtSize(line, size);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * How far a font's glyphs reach below the baseline at `size`: a line fits on the page when its
 * descenders stay above the bottom margin.
 */
const descent = (font: PDFFont, size: number) =>
  font.heightAtSize(size) - font.heightAtSize(size, { descender: false });

/**
 * A writer that keeps a cursor and starts a new page when the text reaches the bottom. `y` is
 * the baseline of the next line; `room(depth)` is asked with how far below that baseline the
 * ink of what comes next reaches (its lines' leading between them, and the last one's
 * descenders), not a leading below the last line too: that left 12 points unused at the foot
 * of every page and broke a letter's signature onto a page of its own where it fitted.
 */
class Cursor {
  page: PDFPage;
  y: number;
  private readonly pdf: PDFDocument;
  readonly faces: Faces;

  constructor(pdf: PDFDocument, faces: Faces) {
    this.pdf = pdf;
    this.faces = faces;
    this.page = pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  /** Whether what reaches `depth` below the cursor's baseline fits above the bottom margin. */
  fits(depth: number) {
    return this.y - depth >= MARGIN.bottom;
  }

  /** A new page unless `depth` fits on this one. */
  room(depth: number) {
    if (!this.fits(depth)) this.newPage();
  }

  newPage() {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
    this.pageNumber();
  }

  /**
   * The new page's number at its top centre, "- 2 -" (Tata Naskah Dinas numbers a letter's
   * pages from the second on, so a reader can tell one is missing; page 1, under the
   * letterhead, bears none). Drawn in the top margin, apart from the cursor: no line of the
   * letter moves for it, and a page holds what it held unnumbered.
   */
  private pageNumber() {
    const label = `- ${this.pdf.getPageCount()} -`;
    const width = this.faces.regular.widthOfTextAtSize(label, SIZE);
    this.page.drawText(label, {
      x: MARGIN.left + (WIDTH - width) / 2,
      y: PAGE_NUMBER_BASELINE,
      size: SIZE,
      font: this.faces.regular,
      color: BLACK,
    });
  }

  /** Descenders of the body text (11 points, regular or bold: the same in DejaVu Serif). */
  get descent() {
    return descent(this.faces.regular, SIZE);
  }

  text(s: string, x: number, opts: { font?: PDFFont; size?: number } = {}) {
    this.page.drawText(s, {
      x,
      y: this.y,
      size: opts.size ?? SIZE,
      font: opts.font ?? this.faces.regular,
      color: BLACK,
    });
  }

  centred(s: string, font: PDFFont, size: number) {
    for (const line of wrap(s, font, size, WIDTH)) {
      this.room(descent(font, size));
      this.text(line, MARGIN.left + (WIDTH - font.widthOfTextAtSize(line, size)) / 2, {
        font,
        size,
      });
      this.y -= size + 4;
    }
  }

  /** A wrapped paragraph starting at `x`, `width` wide. */
  paragraph(s: string, x = MARGIN.left, width = WIDTH, font = this.faces.regular) {
    for (const line of wrap(s, font, SIZE, width)) {
      this.room(descent(font, SIZE));
      this.text(line, x, { font });
      this.y -= LEADING;
    }
  }

  gap(points: number) {
    this.y -= points;
  }
}

function letterhead(c: Cursor, doc: LetterDocument) {
  c.centred(doc.letterhead.ministry, c.faces.bold, 13);
  c.centred(doc.letterhead.unit, c.faces.bold, 12);
  c.centred(doc.letterhead.address, c.faces.regular, 9);
  c.gap(2);
  const y = c.y + 6;
  c.page.drawLine({
    start: { x: MARGIN.left, y },
    end: { x: A4.width - MARGIN.right, y },
    thickness: 1.5,
  });
  c.page.drawLine({
    start: { x: MARGIN.left, y: y - 3 },
    end: { x: A4.width - MARGIN.right, y: y - 3 },
    thickness: 0.5,
  });
  c.gap(18);
}

/** Label, colon, wrapped value: Nomor / Sifat / Lampiran / Hal, and the fields blocks. */
function fieldRows(c: Cursor, rows: readonly (readonly [string, string])[], labelWidth = 120) {
  for (const [label, value] of rows) {
    const lines = wrap(value, c.faces.regular, SIZE, WIDTH - labelWidth - 10);
    // A row's first three lines together: never its label alone at the foot of a page.
    c.room(LEADING * (Math.min(lines.length, 3) - 1) + c.descent);
    c.text(label, MARGIN.left);
    c.text(':', MARGIN.left + labelWidth);
    for (const line of lines) {
      c.room(c.descent);
      c.text(line, MARGIN.left + labelWidth + 10);
      c.y -= LEADING;
    }
  }
}

async function qr(c: Cursor, data: string, caption: string) {
  const code = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const modules = code.modules.size;
  const side = 128;
  const cell = side / modules;
  // The code and its caption (9 points, 14 below the code) together.
  c.room(side + 14 + descent(c.faces.regular, 9));
  const x0 = MARGIN.left + (WIDTH - side) / 2;
  const top = c.y;
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (!code.modules.get(row, col)) continue;
      c.page.drawRectangle({
        x: x0 + col * cell,
        y: top - (row + 1) * cell,
        width: cell,
        height: cell,
        color: BLACK,
      });
    }
  }
  c.y = top - side - 14;
  c.centred(caption, c.faces.regular, 9);
}

/** Where a numbered list's items start, from the left margin. */
const LIST_INDENT = 24;

/**
 * A list item's number, set to end 6 points before its text (right-aligned): "10." is wider
 * than the room a left-set "1." left it, and ran into its text ("10.Pimpinan").
 */
function listNumber(c: Cursor, label: string) {
  const width = c.faces.regular.widthOfTextAtSize(label, SIZE);
  c.text(label, MARGIN.left + LIST_INDENT - 6 - width);
}

async function block(c: Cursor, b: LetterBlock) {
  switch (b.kind) {
    case 'paragraph':
      c.paragraph(b.text);
      c.gap(6);
      return;
    case 'heading':
      // The gap first: reserved after it, the heading's room would leave its first line of
      // text 2 points short, alone at the foot of the page.
      c.gap(2);
      c.room(LEADING + c.descent);
      c.paragraph(b.text, MARGIN.left, WIDTH, c.faces.bold);
      return;
    case 'list':
      b.items.forEach((item, i) => {
        c.room(c.descent);
        listNumber(c, `${i + 1}.`);
        c.paragraph(item, MARGIN.left + LIST_INDENT, WIDTH - LIST_INDENT);
      });
      c.gap(6);
      return;
    case 'fields':
      fieldRows(c, b.rows);
      c.gap(6);
      return;
    case 'qr':
      await qr(c, b.data, b.caption);
      return;
  }
}

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
function splitClosing(blocks: readonly LetterBlock[]) {
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
function ending(c: Cursor, doc: LetterDocument, closing: string | null, note: boolean) {
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

/**
 * fontkit with each face parsed once per process: pdf-lib parses the font file again for every
 * document it embeds it in (a third of a letter's render). A parsed face is only read from (each
 * document makes its own subset), so one serves every letter.
 */
const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const parsedOnce: typeof fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined || !(bytes instanceof Uint8Array))
      return fontkit.create(bytes, postscriptName);
    const font = parsed.get(bytes) ?? fontkit.create(bytes);
    parsed.set(bytes, font);
    return font;
  },
};

/** Every text a letter prints: what its characters are checked against the font for. */
function textsOf(doc: LetterDocument): string[] {
  return [
    doc.subject,
    doc.number,
    doc.placeAndDate,
    ...doc.to,
    ...doc.tembusan,
    ...doc.blocks.flatMap((b) =>
      b.kind === 'list'
        ? b.items
        : b.kind === 'fields'
          ? b.rows.flat()
          : b.kind === 'qr'
            ? [b.caption]
            : [b.text],
    ),
  ];
}

/**
 * The letter's texts hold a character the font has no glyph for (Arabic, Chinese, an emoji,
 * Javanese script: DejaVu Serif covers Latin, Greek and Cyrillic): it would print as an empty
 * box, unnoticed. The letter then says so, and where the whole text is.
 */
function printsEveryCharacter(
  doc: LetterDocument,
  font: { hasGlyphForCodePoint(cp: number): boolean },
) {
  for (const text of textsOf(doc))
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // Spaces, line breaks and joiners are laid out, not drawn.
      if (/\s|\u200d|\ufe0f/u.test(ch)) continue;
      if (!font.hasGlyphForCodePoint(cp)) return false;
    }
  return true;
}

/** Said at the end of a letter some of whose characters cannot be printed. */
const UNPRINTABLE_NOTE =
  'Catatan: sebagian karakter dalam surat ini tidak dapat dicetak; teks lengkapnya dapat dibaca di Pantau.';

/** The letter as a PDF (A4, fonts embedded). */
export async function renderLetterPdf(doc: LetterDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(parsedOnce);
  const files = await loadFonts();
  const faces: Faces = {
    regular: await pdf.embedFont(files.regular, { subset: true }),
    bold: await pdf.embedFont(files.bold, { subset: true }),
  };
  pdf.setTitle(doc.title ?? `${doc.subject} ${doc.number}`);
  pdf.setAuthor(doc.letterhead.unit);
  pdf.setCreator('Pantau');
  pdf.setLanguage('id-ID');
  const c = new Cursor(pdf, faces);
  letterhead(c, doc);
  if (doc.title) {
    c.centred(doc.title, faces.bold, 13);
    c.gap(10);
  } else {
    const dateWidth = faces.regular.widthOfTextAtSize(doc.placeAndDate, SIZE);
    const dateX = A4.width - MARGIN.right - dateWidth;
    c.text(doc.placeAndDate, dateX);
    // A number that would run under the date (a six-digit yearly series by September, a
    // longer pattern of the unit's own) starts on the line below it instead.
    const numberEnd =
      MARGIN.left + NUMBER_LABEL_WIDTH + 10 + widthAt1(faces.regular, doc.number) * SIZE;
    if (numberEnd > dateX - 12) c.y -= LEADING;
    // The head block a records clerk files it by (Tata Naskah Dinas): Lampiran "-" when
    // nothing goes with it, as the convention writes it; Sifat unless written before it.
    fieldRows(
      c,
      [
        ['Nomor', doc.number],
        ...(doc.urgency ? [['Sifat', doc.urgency] as const] : []),
        ['Lampiran', doc.enclosures ?? '-'],
        ['Hal', doc.subject],
      ],
      NUMBER_LABEL_WIDTH,
    );
    c.gap(12);
    c.paragraph('Yth.');
    for (const line of doc.to) c.paragraph(line);
    c.paragraph('di tempat');
    c.gap(12);
  }
  const { body, closing } = splitClosing(doc.blocks);
  for (const b of body) await block(c, b);
  ending(c, doc, closing, !printsEveryCharacter(doc, parsedOnce.create(files.regular)));
  return pdf.save();
}

/** A letter's PDF file name: its number, safe for a file system. */
/** The PDF and the name to download it as: what the API's PDF routes answer. */
export const renderLetterFile = async (
  doc: LetterDocument,
): Promise<{ bytes: Uint8Array; fileName: string }> => ({
  bytes: await renderLetterPdf(doc),
  fileName: pdfFileName(doc),
});

export const pdfFileName = (doc: LetterDocument): string =>
  `${doc.kind === 'receipt' ? 'tanda-terima' : 'surat'}-${doc.number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;
