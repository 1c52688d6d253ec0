/**
 * Every CSV the API writes goes through here: RFC 4180 with a header row, booleans as words,
 * and cells that a spreadsheet would run as a formula neutralised.
 */
import { stringify } from 'csv-stringify/sync';

/**
 * - `escape_formulas`: a cell starting with = + - @, tab or CR (or their full-width forms) gets
 *   a leading single quote (the OWASP rule), so `=HYPERLINK(…)` in a complaint's subject is
 *   text, never a live link; negative numbers stay numbers.
 * - `quoted_match`: a cell with a semicolon is quoted, because a spreadsheet that separates
 *   cells with ';' (Excel in the Indonesian locale) would otherwise start a new cell there,
 *   whose first character no escaping above would see.
 * - booleans as `true`/`false` (csv-stringify writes 1 and an empty cell by default).
 * - `bom`: the file starts with UTF-8's byte order mark. Excel opens a CSV without it in the
 *   machine's legacy code page, so "Kementerian Sekretariat Negara — Asisten Deputi" or a
 *   subject's "Pungli Rp 500.000 – kelurahan" would read as mojibake; LibreOffice and Google
 *   Sheets take the mark as what it is (a program reading the file: `utf-8-sig`).
 */
const OPTIONS = {
  bom: true,
  escape_formulas: true,
  quoted_match: /;/,
  cast: { boolean: (value: boolean) => String(value) },
} as const;

/** A CSV document: the `columns` as its header, then one line per row. */
export function toCsv(rows: readonly (readonly unknown[])[], columns: readonly string[]): string {
  return stringify(rows as unknown[][], { ...OPTIONS, header: true, columns: [...columns] });
}
