/**
 * Letter hours: when the ladder's letters go out to agencies, and so the day each is dated.
 * Apart from the outbox (outbox.ts) because the letters themselves (letters.ts) are dated by
 * them, and the outbox reads the letters.
 */
import {
  addCalendarDays,
  type Calendar,
  localDate,
  startOfLocalDay,
  type TimeZone,
} from '../calendar.ts';

/**
 * The hours the ladder's letters go out to agencies, local time, on working days: 08:00 to
 * 16:00. A step due at midnight (most are) is written then, and delivered at 08:00; one due on
 * a Saturday or a holiday on the next working day (DOMAIN.md: what peers lack). Either is dated
 * the day it goes out (`letterDateOf`). The forwarding letter goes when central forwards, as a
 * person's act.
 */
export const LETTER_HOURS = { from: 8, to: 16 } as const;

/** The first instant from `now` within letter hours on a working day of `calendar` in `tz`. */
export function nextLetterHour(calendar: Calendar, tz: TimeZone, now: Date): Date {
  const HOUR = 3_600_000;
  let date = localDate(now, tz);
  // A year and a bit: past any run of holidays and weekends a calendar can hold.
  for (let i = 0; i < 400; i += 1) {
    if (calendar.isWorkingDay(date)) {
      const start = startOfLocalDay(date, tz).getTime();
      if (now.getTime() < start + LETTER_HOURS.to * HOUR)
        return new Date(Math.max(now.getTime(), start + LETTER_HOURS.from * HOUR));
    }
    date = addCalendarDays(date, 1);
  }
  return now;
}

/**
 * The date (YYYY-MM-DD, in the agency's zone `tz`) a ladder letter written at `writtenAt`
 * bears: the working day it goes out (`nextLetterHour`), as an official letter is dated, with
 * no hour. A rung written at 00:00 on Saturday, as Friday ends, is dated Monday (it said
 * "Sabtu … pukul 00.00"); one written at 00:00 on a working day, or within letter hours, that
 * day. Known when the letter is written, so it is composed once: its text, its PDF and its
 * number (whose month and year are this date's) never change.
 */
export const letterDateOf = (calendar: Calendar, tz: TimeZone, writtenAt: Date): string =>
  localDate(nextLetterHour(calendar, tz, writtenAt), tz);
