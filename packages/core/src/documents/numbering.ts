/**
 * Registration (agenda) numbers and letter numbers from a configurable pattern, e.g. the
 * default agenda pattern `{seq}/DUMAS/{month-roman}/{year}` → `17/DUMAS/III/2026`.
 */
import { invalidInput } from '../errors.ts';

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The placeholders a pattern may use; `{seq}` is required (it is what makes numbers unique). */
export const NUMBER_TOKENS = ['{seq}', '{month-roman}', '{month}', '{year}'] as const;

export const DEFAULT_AGENDA_PATTERN = '{seq}/DUMAS/{month-roman}/{year}';
export const DEFAULT_LETTER_PATTERN = 'B-{seq}/Kemensetneg/D-4/DM.05/{month}/{year}';

/** Why a pattern is unusable, or null when it is fine. */
export function patternProblem(pattern: string): string | null {
  if (!pattern.includes('{seq}')) return 'must contain {seq}';
  const unknown = pattern
    .match(/\{[^}]*\}/g)
    ?.find((t) => !(NUMBER_TOKENS as readonly string[]).includes(t));
  return unknown ? `unknown placeholder ${unknown}` : null;
}

/**
 * Why a pattern an admin saves would give numbers people misread, or null. The series restarts
 * each year, so without `{year}` this year's `1/DUMAS` is last year's too; digits and
 * separators alone (`{seq}/{month}/{year}` → `2/03/2026`) a spreadsheet opening the case export
 * reads as a date. Checked on a save only: a stored pattern keeps numbering (`patternProblem`).
 */
export function patternAmbiguity(pattern: string): string | null {
  if (!pattern.includes('{year}')) return 'must contain {year}';
  const literal = pattern.replaceAll('{month-roman}', 'I').replace(/\{[^}]*\}/g, '');
  return /\p{L}/u.test(literal) ? null : 'needs a letter or {month-roman}';
}

/**
 * A number from `pattern` for the `seq`-th item of the year of `localDate` (YYYY-MM-DD, the
 * registration's date in WIB). `{month}` is two digits, `{month-roman}` I–XII.
 */
export function formatNumber(pattern: string, seq: number, localDate: string): string {
  const problem = patternProblem(pattern);
  if (problem) throw invalidInput('pattern', problem);
  const [year, month] = localDate.split('-');
  const m = Number(month);
  return pattern
    .replaceAll('{seq}', String(seq))
    .replaceAll('{month-roman}', ROMAN_MONTHS[m - 1] ?? String(m))
    .replaceAll('{month}', month ?? '')
    .replaceAll('{year}', year ?? '');
}

/** A yearly sequence's name: agenda numbers and letter numbers restart each year. */
export const sequenceName = (kind: 'agenda' | 'letter', localDate: string): string =>
  `${kind}#${localDate.slice(0, 4)}`;
