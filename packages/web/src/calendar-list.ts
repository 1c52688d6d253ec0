/**
 * A year's holidays pasted as a list, one day a line, read before anything is sent: each line
 * a new day, a day already in the calendar or already listed above (left out, said), or a line
 * that cannot be read (said, and nothing is saved until it is fixed). A line is a date and its
 * name: `2027-01-01 Tahun Baru 2027 Masehi`, `1 Januari 2027 Tahun Baru 2027 Masehi`
 * (`Jumat, 1 Januari 2027 …` too), or cells copied from a spreadsheet (tab-separated: the date
 * in one, the name in the others; a row number or a weekday alone in a cell is left out). A
 * line that names "cuti bersama" is one; the others take the kind chosen for the list.
 */
import { CalendarDayBody, dayParts, parseDayText } from '@pantau/core/schemas';
import type { z } from 'zod';

export type DayKind = z.infer<typeof CalendarDayBody>['kind'];

export interface CalendarDayEntry {
  readonly date: string;
  readonly kind: DayKind;
  readonly name: string;
}

export type ListedLine = { readonly line: number } & (
  | { readonly status: 'new'; readonly day: CalendarDayEntry }
  | { readonly status: 'inCalendar'; readonly date: string; readonly existing: CalendarDayEntry }
  | { readonly status: 'repeated'; readonly date: string; readonly firstLine: number }
  | { readonly status: 'noDate'; readonly text: string }
  | { readonly status: 'noSuchDay'; readonly text: string }
  | { readonly status: 'noName'; readonly date: string }
  | { readonly status: 'badName'; readonly date: string; readonly issue: z.core.$ZodIssue }
);

/** A weekday alone (a spreadsheet's "Hari" column). */
const WEEKDAY_ONLY = /^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)$/i;
/** A row number alone (`1`, `1.`). */
const ROW_NUMBER = /^\d{1,3}[.)]?$/;
const COLLECTIVE_LEAVE = /cuti\s+bersama/i;

/** Reads the pasted text; blank lines are skipped (their numbers still count). */
export function readDayList(
  text: string,
  kind: DayKind,
  calendar: readonly CalendarDayEntry[],
): ListedLine[] {
  const known = new Map(calendar.map((d) => [d.date, d]));
  const seen = new Map<string, number>();
  const out: ListedLine[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = i + 1;
    if (raw.trim() === '') continue;
    const read = readLine(raw);
    if ('status' in read) {
      out.push({ line, ...read });
      continue;
    }
    const { date, name } = read;
    const existing = known.get(date);
    const first = seen.get(date);
    if (existing) out.push({ line, status: 'inCalendar', date, existing });
    else if (first !== undefined) out.push({ line, status: 'repeated', date, firstLine: first });
    else if (name === '') out.push({ line, status: 'noName', date });
    else {
      const checked = CalendarDayBody.shape.name.safeParse(name);
      if (!checked.success)
        out.push({ line, status: 'badName', date, issue: checked.error.issues[0]! });
      else
        out.push({
          line,
          status: 'new',
          day: { date, kind: COLLECTIVE_LEAVE.test(name) ? 'collective_leave' : kind, name },
        });
    }
    if (first === undefined) seen.set(date, line);
  }
  return out;
}

type LineRead =
  | { readonly date: string; readonly name: string }
  | { readonly status: 'noDate' | 'noSuchDay'; readonly text: string };

function readLine(raw: string): LineRead {
  const text = raw.trim();
  if (raw.includes('\t')) {
    const cells = raw
      .split('\t')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const at = cells.findIndex((c) => written(c));
    if (at < 0) return { status: 'noDate', text };
    const date = parseDayText(cells[at]!);
    if (!date) return { status: 'noSuchDay', text };
    const name = cells
      .filter((c, i) => i !== at && !WEEKDAY_ONLY.test(c) && !(i < at && ROW_NUMBER.test(c)))
      .join(' ');
    return { date, name };
  }
  // A list's own numbering (`1. 2027-01-01 …`) before the date.
  for (const candidate of [text, text.replace(/^\d{1,3}[.)]\s+/, '')]) {
    const words = candidate.split(/\s+/);
    // The longest run of words that writes a day: `Jumat, 1 Januari 2027` is four.
    for (let n = Math.min(4, words.length); n >= 1; n -= 1) {
      const head = words
        .slice(0, n)
        .join(' ')
        .replace(/[,:;–—-]+$/, '');
      if (!written(head)) continue;
      const date = parseDayText(head);
      if (!date) return { status: 'noSuchDay', text };
      const name = words
        .slice(n)
        .join(' ')
        .replace(/^[\s,:;–—-]+/, '');
      return { date, name };
    }
  }
  return { status: 'noDate', text };
}

/** Written as a day (without a time), whether or not the calendar has it (`30 Februari`). */
const written = (s: string) => {
  const parts = dayParts(s);
  return parts !== undefined && parts.hh === undefined;
};
