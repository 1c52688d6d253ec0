/**
 * Lays a letter out on A4 pages with pdf-lib: the letterhead, the number block and date, the
 * addressee, the body (paragraphs, lists, label–value fields, a QR code), the signatory and
 * the tembusan. Text wraps on words and flows onto further pages.
 */
import type { LetterBlock, LetterDocument } from '@pantau/core';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { ending, splitClosing } from './ending.ts';
import { parsedOnce } from './faces.ts';
import { loadFonts } from './fonts.ts';
import {
  A4,
  BLACK,
  Cursor,
  descent,
  type Faces,
  LEADING,
  LIST_INDENT,
  listNumber,
  MARGIN,
  SIZE,
  WIDTH,
  widthAt1,
  wrap,
} from './page.ts';

/** The width of the Nomor / Sifat / Lampiran / Hal labels' column. */
const NUMBER_LABEL_WIDTH = 60;

function letterhead(c: Cursor, doc: LetterDocument) {
  c.centred(doc.letterhead.ministry, c.faces.bold, 13);
  c.centred(doc.letterhead.unit, c.faces.bold, 12);
  c.centred(doc.letterhead.address, c.faces.regular, 9);
  // As a letterhead prints them, under the address: only what the unit has of the two.
  const contact = [
    ...(doc.letterhead.phone ? [`Telepon ${doc.letterhead.phone}`] : []),
    ...(doc.letterhead.email ? [`Pos-el ${doc.letterhead.email}`] : []),
  ];
  if (contact.length > 0) c.centred(contact.join(', '), c.faces.regular, 9);
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

/** The PDF and the name to download it as: what the API's PDF routes answer. */
export const renderLetterFile = async (
  doc: LetterDocument,
): Promise<{ bytes: Uint8Array; fileName: string }> => ({
  bytes: await renderLetterPdf(doc),
  fileName: pdfFileName(doc),
});

/** A letter's PDF file name: its number, safe for a file system. */
export const pdfFileName = (doc: LetterDocument): string =>
  `${doc.kind === 'receipt' ? 'tanda-terima' : 'surat'}-${doc.number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;
