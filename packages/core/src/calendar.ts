/**
 * Working-day arithmetic (DOMAIN.md, "Time rules"). A working day is Monday–Friday minus the
 * calendar's days (national holidays, cuti bersama, ad-hoc additions). Dates are local
 * calendar dates `YYYY-MM-DD`; instants are `Date`s. Indonesia's three zones have no daylight
 * saving, so each is a fixed offset from UTC.
 */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];
export const DEFAULT_TIME_ZONE: TimeZone = 'Asia/Jakarta';

/** Indonesia keeps no daylight saving: each zone is a fixed offset. */
export const UTC_OFFSET_HOURS: Record<TimeZone, number> = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};
export const TIME_ZONE_LABELS: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export const DAY_KINDS = ['national_holiday', 'collective_leave', 'other'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarDay {
  readonly date: string;
  readonly kind: DayKind;
  readonly name: string;
  /**
   * Written at 1 and one on at each replace, so an edit made on the day as read is refused once
   * another admin has saved it since. Read from the store always (1 for a day stored before days
   * had versions); a day written without one replaces whatever is stored (the seed's).
   */
  readonly version?: number;
}

/** A day's version as stored: 0 when there is none (the calendar does not have the day). */
export const dayVersion = (day: CalendarDay | undefined): number =>
  day === undefined ? 0 : (day.version ?? 1);

/**
 * A holiday calendar. `years` are the years whose holidays the calendar declares complete:
 * a count that runs into any other year is flagged rather than silently treated as
 * holiday-free.
 */
export interface WorkingCalendar {
  readonly id: string;
  readonly years: readonly number[];
  readonly days: readonly CalendarDay[];
}

const DAY_MS = 86_400_000;

const parseDate = (date: string): number => {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
};
const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The calendar date `days` after `date` (negative goes back). */
export const addCalendarDays = (date: string, days: number): string =>
  formatDate(parseDate(date) + days * DAY_MS);

/** The local calendar date of an instant in a zone. */
export const localDate = (instant: Date, tz: TimeZone): string =>
  formatDate(instant.getTime() + UTC_OFFSET_HOURS[tz] * 3_600_000);

/**
 * The local date and time of an instant in a zone, to the minute: `YYYY-MM-DD HH:mm`, which
 * sorts as text and which spreadsheets read as a date and time.
 */
export const localDateTime = (instant: Date, tz: TimeZone): string =>
  new Date(instant.getTime() + UTC_OFFSET_HOURS[tz] * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');

/** The first instant of a local date in a zone. */
export const startOfLocalDay = (date: string, tz: TimeZone): Date =>
  new Date(parseDate(date) - UTC_OFFSET_HOURS[tz] * 3_600_000);

/** The last instant (23:59:59.999) of a local date in a zone. */
export const endOfLocalDay = (date: string, tz: TimeZone): Date =>
  new Date(startOfLocalDay(date, tz).getTime() + DAY_MS - 1);

const isWeekend = (date: string): boolean => {
  const weekday = new Date(parseDate(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** Days since 1970-01-01 of a date. */
const dayNumber = (date: string): number => Math.round(parseDate(date) / DAY_MS);

/**
 * Monday to Friday among the days before day number `n` counted from a Monday (1970-01-05 is
 * day 4): a running count whose step from `n` to `n + 1` is 1 exactly when day `n` is a
 * weekday, for any `n`, so that two of them give the weekdays between two dates at once.
 */
const weekdaysBefore = (n: number): number => {
  const sinceMonday = n - 4;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7, 5);
};

/** How many of the ascending `sorted` are ≤ `n`. */
const countUpTo = (sorted: readonly number[], n: number): number => {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= n) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** A calendar prepared for repeated look-ups. */
export class Calendar {
  readonly id: string;
  readonly years: ReadonlySet<number>;
  private readonly byDate: ReadonlyMap<string, CalendarDay>;
  /** The days off that fall on a weekday, as day numbers, ascending: on the first count. */
  private weekdaysOff: readonly number[] | undefined;

  constructor(calendar: WorkingCalendar) {
    this.id = calendar.id;
    this.years = new Set(calendar.years);
    this.byDate = new Map(calendar.days.map((d) => [d.date, d]));
  }

  /**
   * Working days after `from` up to and including `to` (local dates; 0 when `to` is not after
   * `from`), counted at once: the weekdays between them less the days off among those. A
   * queue's page counts this for each of its rows (issue 17).
   */
  workingDaysAfter(from: string, to: string): number {
    const [a, b] = [dayNumber(from), dayNumber(to)];
    if (b <= a) return 0;
    const weekdays = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
    // Sorted once, when first needed: a Tick builds its calendar on every step, and a pass
    // that writes no letter counts nothing (about 18 µs for Indonesia's 53 days, ten times
    // the rest of the build).
    const off = (this.weekdaysOff ??= [...this.byDate.keys()]
      .filter((date) => !isWeekend(date))
      .map(dayNumber)
      .sort((x, y) => x - y));
    return weekdays - (countUpTo(off, b) - countUpTo(off, a));
  }

  /** The holiday on that date, if any (weekends are not listed). */
  holiday(date: string): CalendarDay | undefined {
    return this.byDate.get(date);
  }

  isWorkingDay(date: string): boolean {
    return !isWeekend(date) && !this.byDate.has(date);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }
}

export interface WorkingDaySpan {
  /** The local date counting starts strictly after. */
  readonly start: string;
  readonly workingDays: number;
  /** The Nth working day after `start`. */
  readonly end: string;
  /** Calendar days that fell on weekdays inside the span and so were not counted. */
  readonly skipped: readonly CalendarDay[];
  /** Years the span touches for which the calendar has no holidays: the count is unsure. */
  readonly uncoveredYears: readonly number[];
}

/**
 * Counts `n` working days strictly after `start` (DOMAIN.md counting convention). With
 * `n = 0` the span ends on `start` itself.
 */
export function addWorkingDays(calendar: Calendar, start: string, n: number): WorkingDaySpan {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be ≥ 0: ${n}`);
  const skipped: CalendarDay[] = [];
  const uncovered = new Set<number>();
  const note = (date: string) => {
    const year = Number(date.slice(0, 4));
    if (!calendar.covers(year)) uncovered.add(year);
  };
  let date = start;
  let counted = 0;
  if (n === 0) note(date);
  while (counted < n) {
    date = addCalendarDays(date, 1);
    note(date);
    if (isWeekend(date)) continue;
    const holiday = calendar.holiday(date);
    if (holiday) {
      // The day as people read it: its edit `version` is the calendar's, not the span's.
      skipped.push({ date: holiday.date, kind: holiday.kind, name: holiday.name });
      continue;
    }
    counted += 1;
  }
  return { start, workingDays: n, end: date, skipped, uncoveredYears: [...uncovered].sort() };
}

/**
 * The working day `n` working days after `date` (n > 0), or before it (n < 0); `date` itself
 * for 0. Used by the escalation ladder ("2 working days before the deadline").
 */
export function shiftWorkingDays(calendar: Calendar, date: string, n: number): string {
  if (n >= 0) return addWorkingDays(calendar, date, n).end;
  let day = date;
  let counted = 0;
  while (counted < -n) {
    day = addCalendarDays(day, -1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

export interface Deadline extends WorkingDaySpan {
  readonly timeZone: TimeZone;
  /** End of the last working day, 23:59:59.999 local time. */
  readonly dueAt: Date;
}

/** The deadline `n` working days after an event, in the zone of whoever must act. */
export function computeDeadline(
  calendar: Calendar,
  event: Date,
  n: number,
  tz: TimeZone,
): Deadline {
  const span = addWorkingDays(calendar, localDate(event, tz), n);
  return { ...span, timeZone: tz, dueAt: endOfLocalDay(span.end, tz) };
}

/**
 * The whole working days a pause of the clock lasted: on each working day (local dates of `tz`)
 * the part of it the pause covered, summed, rounded down to whole days. Paused time is what is
 * excluded, not dates touched: a pause from 23:30 to 00:30 is an hour, not a day, and one from
 * Friday 17:00 to Monday 08:00 is fifteen hours of working days, none whole. A day off inside
 * the pause is no day the agency lost.
 */
export function pausedWorkingDays(calendar: Calendar, from: Date, to: Date, tz: TimeZone): number {
  const [start, end] = [from.getTime(), to.getTime()];
  let covered = 0;
  for (let date = localDate(from, tz); ; date = addCalendarDays(date, 1)) {
    const dayStart = startOfLocalDay(date, tz).getTime();
    if (dayStart >= end) break;
    if (calendar.isWorkingDay(date))
      covered += Math.max(0, Math.min(end, dayStart + DAY_MS) - Math.max(start, dayStart));
  }
  return Math.floor(covered / DAY_MS);
}

/**
 * Working days from the local date of `from` up to and including that of `to` (0 when `to`
 * is on the same local day or earlier). Used for lateness and durations.
 */
export function workingDaysBetween(calendar: Calendar, from: Date, to: Date, tz: TimeZone): number {
  return calendar.workingDaysAfter(localDate(from, tz), localDate(to, tz));
}
