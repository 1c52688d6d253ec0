/** Field shapes the schema files share; not part of the contract's exports. */
import { z } from 'zod';
import { isWellFormed } from '../text.ts';

/**
 * The years Pantau's dates may fall in, as the calendar's: a year 0 (which JavaScript's
 * `Date.UTC` reads as 1900) or 9999 is a typing slip, and the working-day arithmetic would run
 * on nonsense with it.
 */
const YEARS = { from: '2000-01-01', to: '2100-12-31' } as const;
/** The refusal of a date outside them. */
export const NOT_IN_RECORDED_YEARS = 'a date from 2000 to 2100';

export const instant = z.iso
  .datetime({ offset: true })
  .meta({ example: '2026-03-30T16:59:59.999Z' });

/**
 * An instant a record keeps (when a complaint was received, an activity held): in the years
 * above. A query's bounds stay `instant`: "since 1970" is a fair way to say "since ever".
 */
export const recordedInstant = instant.refine((s) => {
  const t = Date.parse(s);
  return Number.isNaN(t) || inRecordedYears(new Date(t)); // not an instant: the format says so
}, NOT_IN_RECORDED_YEARS);

/** Whether a date a record keeps falls in the years above (its UTC day). */
export function inRecordedYears(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= Number(YEARS.from.slice(0, 4)) && year <= Number(YEARS.to.slice(0, 4));
}

/** A calendar date (`YYYY-MM-DD`) in the years above. */
export const calendarDate = z.iso
  .date()
  .refine((d) => d >= YEARS.from && d <= YEARS.to, NOT_IN_RECORDED_YEARS);
/** Text a person wrote: trimmed, not blank, at most `max` characters, and well formed. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(isWellFormed, 'not text: half of a UTF-16 surrogate pair');
/**
 * A response field that is `schema` or null, where `schema` is a component (`.meta({ id })`)
 * requests use too: `.nullable()` makes the OpenAPI document's shared component itself
 * nullable, and so every request body that references it; the union keeps the null here
 * (`anyOf: [{ $ref }, { type: null }]`).
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The assignment's `generation` (its forwarding) an agency's action was written for: one made
 * on a page of an earlier forwarding (central withdrew it and forwarded again since) is
 * refused with 409 `version_conflict`, not recorded on the new one. Optional: without it the
 * action goes to the current forwarding (older clients).
 */
export const forwardingGeneration = (action: string) =>
  z
    .int()
    .min(1)
    .optional()
    .meta({
      description: `The assignment’s \`generation\` (its forwarding) the ${action} was written for: if central withdrew it and forwarded the case again since, 409 \`version_conflict\` and nothing is written: read the new instructions (without it the ${action} goes to the current forwarding)`,
    });
