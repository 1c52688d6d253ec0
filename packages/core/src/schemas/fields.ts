/** Field shapes the schema files share; not part of the contract's exports. */
import { z } from 'zod';

/**
 * The years Pantau's dates may fall in, as the calendar's: a year 0 (which JavaScript's
 * `Date.UTC` reads as 1900) or 9999 is a typing slip, and the working-day arithmetic would run
 * on nonsense with it.
 */
const YEARS = { from: '2000-01-01', to: '2100-12-31' } as const;
const inYears = 'a date from 2000 to 2100';

export const instant = z.iso
  .datetime({ offset: true })
  .refine((s) => {
    const t = Date.parse(s);
    if (Number.isNaN(t)) return true; // not an instant at all: the format check says so
    const day = new Date(t).toISOString().slice(0, 10);
    return day >= YEARS.from && day <= YEARS.to;
  }, inYears)
  .meta({ example: '2026-03-30T16:59:59.999Z' });

/** A calendar date (`YYYY-MM-DD`) in the years above. */
export const calendarDate = z.iso.date().refine((d) => d >= YEARS.from && d <= YEARS.to, inYears);
/** Half of a UTF-16 pair alone: JSON can carry one (`\ud800`), no person types one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a person wrote: trimmed, not blank, at most `max` characters, and well formed. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !LONE_SURROGATE.test(s), 'not text: half of a UTF-16 surrogate pair');
export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
