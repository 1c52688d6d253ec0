/** Field shapes the schema files share; not part of the contract's exports. */
import { z } from 'zod';

export const instant = z.iso
  .datetime({ offset: true })
  .meta({ example: '2026-03-30T16:59:59.999Z' });
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
