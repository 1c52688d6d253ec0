/** Settings: holiday calendars and SLA policies. */
import { z } from 'zod';
import { DAY_KINDS } from '../calendar.ts';
import { SlaPolicySchema } from '../policy.ts';
import { text } from './fields.ts';
export const CalendarDayBody = z
  .strictObject({ kind: z.enum(DAY_KINDS), name: text(200) })
  .meta({ id: 'CalendarDayBody' });
export const CalendarDaysQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const CalendarSchema = z
  .object({
    id: z.string(),
    years: z.array(z.int()),
    items: z.array(z.object({ date: z.string(), kind: z.enum(DAY_KINDS), name: z.string() })),
  })
  .meta({ id: 'Calendar' });
export const CalendarChangeSchema = z
  .object({
    date: z.string(),
    recomputed: z.int().meta({ description: 'Open assignments whose deadlines moved' }),
  })
  .meta({ id: 'CalendarChange' });

export const PolicyBody = SlaPolicySchema.omit({ id: true, version: true, updatedAt: true }).meta({
  id: 'PolicyBody',
});
export type PolicyInput = z.infer<typeof PolicyBody>;
export const PolicySchema = SlaPolicySchema.meta({ id: 'Policy' });
