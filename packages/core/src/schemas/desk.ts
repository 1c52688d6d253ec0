/** The central desk: pending extension requests, the API's clock, a holiday removal's impact. */
import { z } from 'zod';
import { instant } from './fields.ts';
import { PageQuery, TimeZoneSchema } from './common.ts';
import { TARGETS } from '../policy.ts';
import { ExtensionRequestSchema, ProposedDueAtField } from './assignments.ts';

export const ExtensionRequestsQuery = PageQuery.extend({
  status: z.enum(['pending']).default('pending'),
});
export type ExtensionRequestsFilter = z.infer<typeof ExtensionRequestsQuery>;

export const PendingExtensionSchema = ExtensionRequestSchema.extend({
  subject: z.string().nullable().meta({ description: 'The case’s subject' }),
  agencyName: z.string().meta({ description: 'The asking agency’s name' }),
  deadline: z
    .object({ target: z.enum(TARGETS), dueAt: instant, overdue: z.boolean() })
    .nullable()
    .meta({
      description:
        'The assignment’s soonest unmet deadline, and whether it has already passed (the request came late); null while the assignment is paused',
    }),
  proposedDueAt: ProposedDueAtField,
  timeZone: TimeZoneSchema.meta({
    description: 'The agency’s time zone: its deadlines end its day',
  }),
  escalationLevel: z.int().meta({
    description:
      'The rung its ladder reached while overdue (0 none, 1 reminder I … 4 central intervention)',
  }),
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
export const CalendarDaysImpactSchema = z
  .object({
    assignments: z.int().meta({ description: 'Open assignments whose deadlines would move' }),
    deadlines: z.int().meta({ description: 'Their deadlines (targets) that would move' }),
  })
  .meta({ id: 'CalendarDaysImpact' });
