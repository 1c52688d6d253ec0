/**
 * The page a letter is laid out on: A4's geometry, words wrapped to a width, and the cursor
 * that writes lines down a page and starts the next when the text reaches the bottom margin.
 */
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 72, right: 64, top: 56, bottom: 64 };
export const WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const SIZE = 11;
export const LEADING = 15;
export const BLACK = rgb(0, 0, 0);
/**
 * A page number's baseline: 32 points below the page's top edge, in the top margin, its
 * descenders 11 points above the tallest a page's first line reaches.
 */
const PAGE_NUMBER_BASELINE = A4.height - 32;
/** From a fresh page's first baseline to the bottom margin: the most a page holds. */
export const PAGE_DEPTH = A4.height - MARGIN.top - MARGIN.bottom;

export interface Faces {
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

export function widthAt1(font: PDFFont, word: string): number {
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
export const descent = (font: PDFFont, size: number) =>
  font.heightAtSize(size) - font.heightAtSize(size, { descender: false });

/**
 * A writer that keeps a cursor and starts a new page when the text reaches the bottom. `y` is
 * the baseline of the next line; `room(depth)` is asked with how far below that baseline the
 * ink of what comes next reaches (its lines' leading between them, and the last one's
 * descenders), not a leading below the last line too: that left 12 points unused at the foot
 * of every page and broke a letter's signature onto a page of its own where it fitted.
 */
export class Cursor {
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

/** Where a numbered list's items start, from the left margin. */
export const LIST_INDENT = 24;

/**
 * A list item's number, set to end 6 points before its text (right-aligned): "10." is wider
 * than the room a left-set "1." left it, and ran into its text ("10.Pimpinan").
 */
export function listNumber(c: Cursor, label: string) {
  const width = c.faces.regular.widthOfTextAtSize(label, SIZE);
  c.text(label, MARGIN.left + LIST_INDENT - 6 - width);
}
