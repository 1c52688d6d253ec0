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
 */
const OPTIONS = {
  escape_formulas: true,
  quoted_match: /;/,
  cast: { boolean: (value: boolean) => String(value) },
} as const;

/** A CSV document: the `columns` as its header, then one line per row. */
export function toCsv(rows: readonly (readonly unknown[])[], columns: readonly string[]): string {
  return stringify(rows as unknown[][], { ...OPTIONS, header: true, columns: [...columns] });
}
