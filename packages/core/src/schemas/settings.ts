/** Settings: holiday calendars and SLA policies. */
import { z } from 'zod';
import { DAY_KINDS } from '../calendar.ts';
import { SlaPolicySchema } from './policy.ts';
import { text } from './fields.ts';
import { JobSchema } from './jobs.ts';
export const CalendarDayBody = z
  .strictObject({
    kind: z.enum(DAY_KINDS),
    name: text(200),
    version: z.int().min(0).optional().meta({
      description:
        'The day’s `version` the edit was made on (`GET /v1/calendars/{id}/days`), 0 meaning the calendar did not have the day: if another admin has saved it since (or, for 0, added it), 409 `version_conflict` naming this field (`days.3.version` in a list) and nothing is written: read the days again (without it the edit replaces whatever is stored)',
    }),
  })
  .meta({ id: 'CalendarDayBody' });
/**
 * Days one edit may add or change at once: a year's decree (about 17 national holidays and 8–10
 * cuti bersama) with room to spare, and within DynamoDB's 100 items per transaction with the
 * edit's job, its pointer and the settings' version.
 */
export const CALENDAR_DAYS_PER_EDIT = 60;
/** A list that names a day twice (the second is refused: which name would it keep?). */
export const CALENDAR_DAY_TWICE = 'the same day twice in the list';
/** A saved ladder step (by name) given another action: remove it and add a new step instead. */
export const SAVED_STEP_KEEPS_ACTION =
  'a saved step keeps its action: remove it and add a new step for another action';
export const CalendarDaysBody = z
  .strictObject({
    days: z
      .array(z.strictObject({ date: z.iso.date(), ...CalendarDayBody.shape }))
      .min(1)
      .max(CALENDAR_DAYS_PER_EDIT)
      .meta({
        description:
          'The days to add or change; those not listed stay as they are. Each may carry the `version` it was made on: one another admin saved since refuses the whole list (409 `version_conflict` naming the entry)',
      }),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.days.forEach((day, i) => {
      if (seen.has(day.date))
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: CALENDAR_DAY_TWICE });
      seen.add(day.date);
    });
  })
  .meta({ id: 'CalendarDaysBody' });
export const CalendarDaysQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const CalendarSchema = z
  .object({
    id: z.string(),
    years: z.array(z.int()),
    items: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(DAY_KINDS),
        name: z.string(),
        version: z.int().meta({
          description:
            'One on at each replace (1: as added, or stored before days had versions): sent back with an edit of the day, so that another admin’s save since is not replaced unseen',
        }),
      }),
    ),
  })
  .meta({ id: 'Calendar' });
export const CalendarChangeSchema = z
  .object({
    date: z.string(),
    job: JobSchema.meta({
      description: 'Re-arms the open assignments on this calendar (`GET /v1/jobs/{id}`)',
    }),
  })
  .meta({ id: 'CalendarChange' });
export const CalendarDaysChangeSchema = z
  .object({
    dates: z.array(z.string()).meta({ description: 'The days saved, in date order' }),
    job: JobSchema.meta({
      description:
        'The one job that re-arms the open assignments on this calendar for all of them (`GET /v1/jobs/{id}`)',
    }),
  })
  .meta({ id: 'CalendarDaysChange' });

/**
 * A policy as an admin sends it: stricter than a stored one (read leniently, so a policy saved
 * before a rule existed still loads): a calendar id as the calendar routes take it (a longer
 * one reached DynamoDB as a key), and each party of a ladder step at most once; and the
 * version the admin's form was loaded at, so a save made on an older one is refused.
 */
export const PolicyBody = SlaPolicySchema.omit({ id: true, version: true, updatedAt: true })
  .extend({
    calendarId: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes, 1–40 characters'),
    version: z.int().min(0).optional().meta({
      description:
        'The policy’s `version` the form was loaded at: if another admin has saved it since (or it does not exist yet), 409 `version_conflict` and nothing changes: read it again (without it the save replaces whatever is stored)',
    }),
  })
  .superRefine((policy, ctx) => {
    policy.ladder.forEach((step, i) => {
      for (const field of ['recipients', 'cc'] as const)
        if (new Set(step[field]).size !== step[field].length)
          ctx.addIssue({
            code: 'custom',
            path: ['ladder', i, field],
            message: 'each party at most once',
          });
    });
  })
  .meta({ id: 'PolicyBody' });
export type PolicyInput = z.infer<typeof PolicyBody>;
export const PolicySchema = SlaPolicySchema.meta({ id: 'Policy' });
export const PolicyChangeSchema = z
  .object({
    policy: PolicySchema,
    job: JobSchema.meta({
      description: 'Re-arms the open assignments under this policy (`GET /v1/jobs/{id}`)',
    }),
  })
  .meta({ id: 'PolicyChange' });
