/** The contract's shared vocabulary: enums, ids, paging. */
import { z } from 'zod';
import { DAY_KINDS, TIME_ZONES } from '../calendar.ts';
import { DEFAULT_PAGE_LIMIT } from '../vocabulary.ts';
import { booleanQuery } from './fields.ts';

export const AgencyIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes, 2–40 characters');
export const TimeZoneSchema = z.enum(TIME_ZONES);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_PAGE_LIMIT),
  cursor: z.string().max(2_000).optional(),
  total: booleanQuery.optional().meta({
    description:
      'Also count every item the list holds (`total` in the answer): reads the whole list, so ask on the first page only',
  }),
});

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({
          description:
            'Where the next page starts; null at the end. A filtered list reads a bounded number ' +
            'of items a request, so a page may hold fewer than `limit` items, even none, and ' +
            'still have a cursor: ask on until it is null',
        }),
      total: z
        .int()
        .optional()
        .meta({ description: 'Every item the list holds, when asked with `total=true`' }),
    })
    .meta({ id });

export const DayKindSchema = z.enum(DAY_KINDS);
