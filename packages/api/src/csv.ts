/**
 * Every CSV the API writes goes through here: RFC 4180 with a header row, booleans as words,
 * and cells that a spreadsheet would run as a formula neutralised.
 */
import { cellText, type SheetCell } from '@pantau/core';
import { stringify } from 'csv-stringify/sync';

/**
 * - `escape_formulas`: a cell starting with = + - @, tab or CR (or their full-width forms) gets
 *   a leading single quote (the OWASP rule), so `=HYPERLINK(…)` in a complaint's subject is
 *   text, never a live link; negative numbers stay numbers.
 * - `quoted_match`: a cell with a semicolon is quoted, because a spreadsheet that separates
 *   cells with ';' (Excel in the Indonesian locale) would otherwise start a new cell there,
 *   whose first character no escaping above would see.
 * - booleans as `true`/`false` (csv-stringify writes 1 and an empty cell by default).
 * - a sheet's typed cells (core's report-sheets.ts: a rate, a time) as their text, `66.67` and
 *   `2026-03-16 00:30`: the only objects a row holds.
 * - `bom`: the file starts with UTF-8's byte order mark. Excel opens a CSV without it in the
 *   machine's legacy code page, so "Kementerian Sekretariat Negara — Asisten Deputi" or a
 *   subject's "Pungli Rp 500.000 – kelurahan" would read as mojibake; LibreOffice and Google
 *   Sheets take the mark as what it is (a program reading the file: `utf-8-sig`).
 */
const OPTIONS = {
  bom: true,
  escape_formulas: true,
  quoted_match: /;/,
  cast: {
    boolean: (value: boolean) => String(value),
    object: (value: object) => String(cellText(value as SheetCell)),
  },
} as const;

/**
 * What separates a CSV's cells. `,` by default (RFC 4180); `;` for a file whose readers open it
 * in Excel set to the Indonesian locale, whose list separator it is: a comma-separated file
 * opens there in one column. (A `sep=,` first line would tell Excel too, but it then ignores the
 * byte order mark, so names read as mojibake, and every other reader takes it as a row.) The
 * worklist's file, which central sends to agencies, is `;`.
 */
export type CsvDelimiter = ',' | ';';

/** A CSV document: the `columns` as its header, then one line per row. */
export function toCsv(
  rows: readonly (readonly unknown[])[],
  columns: readonly string[],
  delimiter: CsvDelimiter = ',',
): string {
  return csvHead(columns, delimiter) + csvLines(rows, delimiter);
}

/** The start of a CSV document: the byte order mark and the header row. */
export const csvHead = (columns: readonly string[], delimiter: CsvDelimiter = ','): string =>
  stringify([], { ...OPTIONS, delimiter, header: true, columns: [...columns] });

/** Rows to append to a document `csvHead` began, escaped and quoted as `toCsv` does. */
export const csvLines = (
  rows: readonly (readonly unknown[])[],
  delimiter: CsvDelimiter = ',',
): string => stringify(rows as unknown[][], { ...OPTIONS, delimiter, bom: false });

/**
 * What one response can carry on AWS: Lambda answers API Gateway with a JSON envelope of at most
 * 6,291,556 bytes, in which a text body is a JSON string (each quote and line break escaped).
 * The body may take 6,000,000 of them; the rest is left for the status and headers. Past it,
 * Lambda fails the invocation and the client gets a 500 with no explanation.
 */
export const MAX_RESPONSE_BODY_BYTES = 6_000_000;

/** The bytes `text` takes as a body in Lambda's JSON envelope. */
const envelopeBytes = (text: string) => Buffer.byteLength(JSON.stringify(text)) - 2;

/**
 * Pages of rows read one at a time while their CSV document fits one response: the first page
 * that would take it past `MAX_RESPONSE_BODY_BYTES` stops the reading and throws what
 * `tooLarge` makes, so nothing past the limit is read and no partial file is sent. The rows and
 * the document: the cases workbook carries the rows the CSV would, so the two refuse alike.
 */
export async function boundedRows<Row extends readonly unknown[]>(
  pages: AsyncIterable<readonly Row[]>,
  columns: readonly string[],
  tooLarge: (rowsThatFit: number) => Error,
  delimiter: CsvDelimiter = ',',
): Promise<{ rows: Row[]; csv: string }> {
  const parts = [csvHead(columns, delimiter)];
  let bytes = envelopeBytes(parts[0]!);
  const rows: Row[] = [];
  for await (const page of pages) {
    const lines = csvLines(page, delimiter);
    bytes += envelopeBytes(lines);
    if (bytes > MAX_RESPONSE_BODY_BYTES) throw tooLarge(rows.length);
    parts.push(lines);
    rows.push(...page);
  }
  return { rows, csv: parts.join('') };
}

/** The CSV document of `boundedRows`, whose body fits one response. */
export const boundedCsv = async (...args: Parameters<typeof boundedRows>): Promise<string> =>
  (await boundedRows(...args)).csv;
