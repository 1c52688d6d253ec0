/**
 * Reads a register (XLSX or CSV, with exceljs) into its header row's titles and rows of cells by
 * column title, for core's `importCases` to read through central's mapping. The header row is
 * core's `headerRowIndex`: the first row with 3 distinct titles, below any title rows ("BUKU
 * AGENDA …") a register opens with, which are not rows; rows keep the sheet's numbers. A title's
 * line breaks and runs of spaces are one space (`Tanggal Surat⏎Diterima`, typed with Alt+Enter,
 * is `Tanggal Surat Diterima`); empty rows are skipped. Dates stay dates (an XLSX date cell) or text (CSV: core reads `DD/MM/YYYY`,
 * which a generic CSV date guesser would take for the American order). Numbers stay numbers
 * (an XLSX number cell): core refuses one where digits matter as typed (a NIK, a phone number).
 */
import {
  type Cell,
  columnTitle,
  csvSeparator,
  DomainError,
  headerRowIndex,
  type ImportSheet,
  type SheetRow,
} from '@pantau/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';

export type SheetFormat = 'xlsx' | 'csv';

/**
 * Upper bound on rows kept, whatever the file holds: the rows past it are counted (`rowCount`),
 * so the use case's limit names how many the file has.
 */
const MAX_ROWS_READ = 10_000;

export async function readSheet(content: Buffer, format: SheetFormat): Promise<ImportSheet> {
  const sheet = await worksheetOf(content, format).catch((cause: unknown) => {
    throw new DomainError('validation_failed', `content: not a readable ${format} file`, {
      cause,
      errors: [{ path: 'content', message: `not a readable ${format} file` }],
    });
  });
  if (!sheet) return { headers: [], rows: [] };
  const headerRow = headerRowIndex(rowTexts(sheet)) + 1;
  const headers: string[] = [];
  sheet.getRow(headerRow).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = columnTitle(textOf(cell.value) ?? '');
  });
  const rows: SheetRow[] = [];
  let rowCount = 0;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number <= headerRow) return;
    const cells: Record<string, Cell> = {};
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const header = headers[col];
      if (header) cells[header] = cellOf(cell.value);
    });
    if (!Object.values(cells).some((v) => v !== null && v !== '')) return;
    rowCount += 1;
    if (rows.length < MAX_ROWS_READ) rows.push({ row: number, cells });
  });
  return { headers: headers.filter(Boolean), rows, rowCount };
}

async function worksheetOf(content: Buffer, format: SheetFormat) {
  const workbook = new ExcelJS.Workbook();
  if (format === 'xlsx') {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    return workbook.worksheets[0];
  }
  const text = decodeCsv(content);
  const delimiter = csvSeparator(text);
  return workbook.csv.read(Readable.from([text]), {
    // Every value as written: no number or date guessing.
    map: (value: unknown) => value,
    parserOptions: { delimiter },
  });
}

/** The texts of the sheet's rows from the first (a missing row none), read as far as asked. */
function* rowTexts(sheet: ExcelJS.Worksheet): Generator<string[]> {
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const texts: string[] = [];
    sheet.findRow(number)?.eachCell((cell) => {
      texts.push(textOf(cell.value) ?? '');
    });
    yield texts;
  }
}

/**
 * A CSV's text: UTF-8 (a BOM dropped) when the bytes are UTF-8; otherwise Windows-1252, which
 * Excel on Windows writes for "CSV (Comma delimited)" (é, ‘ ’ and – would become U+FFFD read as
 * UTF-8). Windows-1252 reads any bytes, so the fallback never fails. (iconv-lite: Node 20's
 * TextDecoder('windows-1252') reads the bytes as ISO-8859-1, 0x96 as U+0096, not –.)
 */
function decodeCsv(content: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return iconv.decode(Buffer.from(content), 'windows-1252');
  }
}

/** An exceljs cell value as a plain cell: rich text, formulas and hyperlinks as their text. */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    return result instanceof Date || typeof result === 'number' || typeof result === 'string'
      ? result
      : null;
  }
  return textOf(value) ?? null;
}

function textOf(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? undefined : String(value);
}
