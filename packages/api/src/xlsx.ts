/**
 * Every Excel workbook the API writes goes through here: one sheet of core's `Sheet` (the cells
 * the CSV writes, so the two formats say the same), for officers opening it in Excel set to the
 * Indonesian locale, where a comma CSV falls into one column and `66.67` is not a number.
 *
 * - The header row is bold and frozen (it stays in view while scrolling), with a filter on it;
 *   each column as wide as its longest text (a subject or a list of agencies up to 60 characters).
 * - Counts are number cells; a `SheetDecimal` (a rate) is a number cell shown with its decimals,
 *   in the reader's locale (`66,67` in Indonesian); a `SheetTime` is a date cell of its wall
 *   clock (WIB, named in the header) shown as the CSV writes it, `yyyy-mm-dd hh:mm`, so it sorts,
 *   filters by month and subtracts; one that names its zone (a worklist row's, its agency's) is
 *   shown with it, `yyyy-mm-dd hh:mm "WITA"`, still a date cell; `''` is an empty cell.
 * - Text is written as text cells, never as formulas: `=HYPERLINK(…)` in a subject stays the
 *   words it is (the CSV needs its leading quote for that; a workbook does not).
 * - Printed, each page of the table is headed by the report and its period (its agency too, for
 *   one agency's cases), from the notes, and numbered: a sheet on a desk has no file name. Each
 *   page repeats the header row, so page 2 names its columns too. A sheet asked `fitToWidth`
 *   prints landscape on A4 with every column on one page's width (as many pages down as it
 *   takes): the worklist's nine columns ran onto a second page across.
 *
 * exceljs's streaming writer: 22,000 case rows in about 2.5 s and 100 MB, where its in-memory
 * workbook took 9 s and 420 MB. Loaded on first use only (on-demand/xlsx.ts).
 */
import {
  cellText,
  NOTES_SHEET_NAME,
  reportHeading,
  type SheetCell,
  type SheetNotes,
} from '@pantau/core';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { MAX_RESPONSE_BODY_BYTES } from './csv.ts';

/**
 * What a workbook's one sheet holds: its name (at most 31 characters), header and rows, and when
 * it was written (the API's clock, the manual one when embedded: Excel shows it as created).
 */
export interface WorkbookSheet {
  readonly name: string;
  readonly writtenAt: Date;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
  /** What the file says about itself (its period…), on a sheet after the table's. */
  readonly notes?: SheetNotes;
  /** Printed landscape on A4, every column on one page's width. */
  readonly fitToWidth?: boolean;
}

/** A4 in Excel's page setup (its default is the printer's, Letter where none is set). */
const A4 = 9;

const TIME_FORMAT = 'yyyy-mm-dd hh:mm';
/**
 * Column widths in characters: a little room beside the text, a long subject cut at the cap.
 * At least 10: exceljs leaves out a width of 9, its default, and Excel's own is 8.43.
 */
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

/**
 * A print header's or footer's text: `&` starts Excel's codes there (`&P` the page), so a name's
 * own `&` is doubled; Excel takes 255 characters in all, so a long line is cut (an agency's name
 * may take 200).
 */
const printText = (text: string, max: number) =>
  (text.length > max ? `${text.slice(0, max - 1)}…` : text).replaceAll('&', '&&');

/**
 * The table sheet's print header (centred: the report bold, the period under it, or a list's
 * filter and as of when) and footer. 150 + 90 characters and the codes stay within Excel's 255.
 */
function printHeaderFooter(notes: SheetNotes): Partial<ExcelJS.HeaderFooter> {
  const [title, period] = reportHeading(notes);
  return {
    oddHeader: `&C&B${printText(title, 150)}&B\n${printText(period, 90)}`,
    oddFooter: '&CHalaman &P dari &N',
  };
}

/** A cell's value as exceljs writes it: a time as a date of its wall clock, `''` as none. */
function valueOf(cell: SheetCell): ExcelJS.CellValue {
  if (cell === '') return null;
  if (typeof cell !== 'object') return cell;
  if ('decimal' in cell) return cell.decimal;
  // Excel's dates have no zone: the wall clock, written as UTC (exceljs's convention).
  return new Date(`${cell.localTime.replace(' ', 'T')}:00.000Z`);
}

const formatOf = (cell: SheetCell): string | undefined =>
  typeof cell !== 'object'
    ? undefined
    : 'decimal' in cell
      ? cell.places > 0
        ? `0.${'0'.repeat(cell.places)}`
        : '0'
      : cell.zone
        ? `${TIME_FORMAT} "${cell.zone}"`
        : TIME_FORMAT;

/** Each column's width: its longest text, the header's included, as the CSV writes it. */
function widths(sheet: WorkbookSheet): number[] {
  const longest = sheet.columns.map((title) => title.length);
  for (const row of sheet.rows)
    row.forEach((cell, i) => {
      longest[i] = Math.max(longest[i] ?? 0, String(cellText(cell)).length);
    });
  return longest.map((n) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, n + 2)));
}

/** The workbook's bytes. */
export async function toXlsx(sheet: WorkbookSheet): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    // Text as shared strings, as Excel writes it (exceljs's alternative is formula-result
    // cells without a formula): every reader takes them, and a repeated name is stored once.
    useSharedStrings: true,
  });
  // The file's author, as Excel's properties show it (exceljs names itself otherwise).
  workbook.creator = workbook.lastModifiedBy = 'Pantau';
  // exceljs dates the file by the machine's clock otherwise, not the one deadlines run on.
  workbook.created = workbook.modified = sheet.writtenAt;
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    ...(sheet.notes ? { headerFooter: printHeaderFooter(sheet.notes) } : {}),
    // Printed, every page repeats the header row (Excel's "rows to repeat at top"): page 2 of a
    // table on a desk named no column.
    pageSetup: {
      printTitlesRow: '1:1',
      // Fitted to one page wide, any number down (0: as many as it takes).
      ...(sheet.fitToWidth
        ? {
            orientation: 'landscape',
            paperSize: A4,
            fitToPage: true,
            fitToWidth: 1,
            fitToHeight: 0,
          }
        : {}),
    },
  });
  // Before the first row: the streaming writer writes the columns with it.
  worksheet.columns = widths(sheet).map((width) => ({ width }));
  worksheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: sheet.columns.length },
  };
  const header = worksheet.addRow([...sheet.columns]);
  header.eachCell((cell) => {
    // The whole font, not only `bold`: a font of bold alone is in no typeface or size of its own.
    cell.font = { name: 'Calibri', family: 2, size: 11, bold: true };
  });
  header.commit();
  for (const cells of sheet.rows) {
    const row = worksheet.addRow(cells.map(valueOf));
    cells.forEach((cell, i) => {
      const numFmt = formatOf(cell);
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    });
    row.commit();
  }
  worksheet.commit();
  if (sheet.notes) writeNotes(workbook, sheet.notes);
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** The notes' sheet: each label bold, its value beside it as the table's cells are written. */
function writeNotes(workbook: ExcelJS.stream.xlsx.WorkbookWriter, notes: SheetNotes): void {
  const worksheet = workbook.addWorksheet(NOTES_SHEET_NAME);
  worksheet.columns = [0, 1].map((i) => ({
    width: Math.min(
      MAX_WIDTH,
      Math.max(MIN_WIDTH, ...notes.map((note) => String(cellText(note[i]!)).length + 2)),
    ),
  }));
  for (const [label, value] of notes) {
    const row = worksheet.addRow([label, valueOf(value)]);
    row.getCell(1).font = { name: 'Calibri', family: 2, size: 11, bold: true };
    const numFmt = formatOf(value);
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.commit();
  }
  worksheet.commit();
}

/**
 * The bytes a binary body takes in Lambda's JSON envelope: the adapter sends it as base64
 * (`isBase64Encoded`), 4 characters for every 3 bytes, none of which JSON escapes.
 */
export const base64Bytes = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/**
 * The workbook, if its body fits one response (`MAX_RESPONSE_BODY_BYTES` counted as base64);
 * else what `tooLarge` makes is thrown, and nothing is sent.
 */
export async function boundedXlsx(
  sheet: WorkbookSheet,
  tooLarge: () => Error,
  limit = MAX_RESPONSE_BODY_BYTES,
): Promise<Buffer> {
  const bytes = await toXlsx(sheet);
  if (base64Bytes(bytes.byteLength) > limit) throw tooLarge();
  return bytes;
}
