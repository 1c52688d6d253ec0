/**
 * A day written as people write it: `YYYY-MM-DD`, `DD/MM/YYYY` (the Indonesian order; `-` and
 * `.` too; `YY` is 20YY) and `2 Maret 2026` (`2 Mar 2026`, `02-Mar-2026`, after a weekday:
 * `Senin, 2 Maret 2026`), with `HH:MM` after it where a register kept the time. Read by the
 * register import (import-row.ts) and by the console's pasted list of holidays: pure, no
 * dependency, so the console imports it through `@pantau/core/schemas`.
 */

/** A day's parts as written (the year in four digits), the time's when there was one. */
export interface DayParts {
  readonly y: string;
  readonly m: string;
  readonly d: string;
  readonly hh: string | undefined;
  readonly mm: string | undefined;
}

/** The day (and time) a text writes, unchecked against the calendar (`31/02` is read). */
export function dayParts(text: string): DayParts | undefined {
  const s = text.trim().replace(WEEKDAY, '');
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[:.](\d{2}))?$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$/.exec(s);
  const named =
    /^(\d{1,2})[\s.-]+([a-z]+)\.?[\s.-]+(\d{2}|\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$/i.exec(s);
  const month = named ? MONTHS.get(named[2]!.toLowerCase()) : undefined;
  const parts = ymd
    ? { y: ymd[1]!, m: ymd[2]!, d: ymd[3]!, hh: ymd[4], mm: ymd[5] }
    : dmy
      ? { y: dmy[3]!, m: dmy[2]!, d: dmy[1]!, hh: dmy[4], mm: dmy[5] }
      : named && month
        ? { y: named[3]!, m: String(month), d: named[1]!, hh: named[4], mm: named[5] }
        : undefined;
  if (!parts) return undefined;
  return parts.y.length === 2 ? { ...parts, y: `20${parts.y}` } : parts;
}

/**
 * A calendar day (`YYYY-MM-DD`) written without a time, in any of the ways above; undefined for
 * anything else, and for a day the calendar does not have (`31 Februari 2027`).
 */
export function parseDayText(text: string): string | undefined {
  const parts = dayParts(text);
  if (!parts || parts.hh !== undefined) return undefined;
  const date = `${parts.y}-${parts.m.padStart(2, '0')}-${parts.d.padStart(2, '0')}`;
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date ? date : undefined;
}

/** A weekday before the date (`Senin, 2 Maret 2026`): ignored. */
const WEEKDAY = /^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*/i;

/** Indonesian month names and the abbreviations registers use for them (English ones too). */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januari', 'jan'],
    ['februari', 'feb', 'peb', 'pebruari'],
    ['maret', 'mar'],
    ['april', 'apr'],
    ['mei'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['agustus', 'agu', 'agt', 'ags', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt', 'oct'],
    ['november', 'nov', 'nop', 'nopember'],
    ['desember', 'des', 'dec'],
  ].flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);
