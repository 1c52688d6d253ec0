/** The central desk: pending extension requests, the API's clock, a holiday removal's impact. */
import { z } from 'zod';
import { instant } from './fields.ts';
import { PageQuery } from './common.ts';
import { ExtensionRequestSchema } from './assignments.ts';

export const ExtensionRequestsQuery = PageQuery.extend({
  status: z.enum(['pending']).default('pending'),
});
export type ExtensionRequestsFilter = z.infer<typeof ExtensionRequestsQuery>;

export const PendingExtensionSchema = ExtensionRequestSchema.extend({
  subject: z.string().nullable().meta({ description: 'The case’s subject' }),
  agencyName: z.string().meta({ description: 'The asking agency’s name' }),
}).meta({ id: 'PendingExtensionRequest' });
export type PendingExtensionView = z.infer<typeof PendingExtensionSchema>;

export const ClockSchema = z
  .object({ now: instant.meta({ description: 'The API’s clock (the manual one, embedded)' }) })
  .meta({ id: 'Clock' });

export const CalendarDayImpactSchema = z
  .object({
    date: z.string(),
    assignments: z.int().meta({ description: 'Open assignments whose deadlines would move' }),
    deadlines: z.int().meta({ description: 'Their deadlines (targets) that would move' }),
  })
  .meta({ id: 'CalendarDayImpact' });
