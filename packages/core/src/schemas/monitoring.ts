/** Monitoring activities central plans and reports. */
import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, MAX_ACTIVITY_AGENCIES } from '../activity.ts';
import { instant, recordedInstant, text } from './fields.ts';
import { AgencyIdSchema, PageQuery } from './common.ts';
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);
/** Why an agency cannot take part in an activity on a case it cannot read (`agencyIds.N`). */
export const ACTIVITY_AGENCY_NOT_ON_CASE =
  'not on this case: forward it to the agency first (an agency reads only the cases it has)';
/**
 * Why an agency whose part in the case ended (withdrawn, or redirected and settled) cannot take
 * part in a new activity: it reads none of the case's activities any more (`agencyIds.N`).
 */
export const ACTIVITY_AGENCY_PART_ENDED =
  'its part in this case has ended (withdrawn, or redirected and settled): forward the case to it again first';
/**
 * The activity's `version` a change was made on (the page's): optional, as elsewhere, so that
 * an older client is answered as before.
 */
const activityVersion = z.int().min(0).optional().meta({
  description:
    'The activity’s `version` the change was made on: if it was changed since (a colleague moved, reported or cancelled it), 409 `version_conflict` and nothing changes: read it again (without it the change applies to whatever is stored; sent again once made, it is answered as made)',
});
export const PlanActivityBody = z
  .strictObject({
    kind: ActivityKindSchema,
    scheduledAt: recordedInstant.optional(),
    agencyIds: z
      .array(AgencyIdSchema)
      .max(MAX_ACTIVITY_AGENCIES)
      .refine((a) => new Set(a).size === a.length, 'agencies must differ')
      .optional()
      .meta({
        description: `The agencies taking part: each reads the activity on its case, so each must have the case (an assignment, or a member unit's as its focal point): a 400 naming it otherwise ("${ACTIVITY_AGENCY_NOT_ON_CASE}"), as for one whose part in it ended ("${ACTIVITY_AGENCY_PART_ENDED}")`,
      }),
    participants: z.array(text(200)).max(50).optional(),
    plan: text(5_000).optional(),
    venue: text(300).optional().meta({
      description:
        'Where it is held ("Ruang Rapat Lt. 2, Gedung III Kemensetneg", "Daring melalui Zoom: …"): each agency’s invitation letter names it, or the unit’s address from its letterhead when none is given',
    }),
  })
  .meta({ id: 'PlanActivity' });
export type PlanActivityInput = z.infer<typeof PlanActivityBody>;
export const ReportActivityBody = z
  .strictObject({
    heldAt: recordedInstant,
    outcome: text(200),
    summary: text(20_000),
    version: activityVersion,
  })
  .meta({ id: 'ReportActivity' });
export type ReportActivityInput = z.infer<typeof ReportActivityBody>;
/** A proposal taken up, or a plan moved: the plan's own fields, its time now required. */
export const ScheduleActivityBody = PlanActivityBody.pick({
  participants: true,
  plan: true,
  venue: true,
})
  .extend({ scheduledAt: recordedInstant, version: activityVersion })
  .meta({ id: 'ScheduleActivity' });
export type ScheduleActivityInput = z.infer<typeof ScheduleActivityBody>;
export const CancelActivityBody = z
  .strictObject({
    reason: text(2_000).meta({
      description: 'Why it will not be held (the agency answered, it was planned twice)',
    }),
    version: activityVersion,
  })
  .meta({ id: 'CancelActivity' });
export type CancelActivityInput = z.infer<typeof CancelActivityBody>;
export const ActivitySchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseSubject: z.string().meta({ description: 'The subject of its case, as it reads now' }),
    kind: ActivityKindSchema,
    status: z.enum(ACTIVITY_STATUSES),
    scheduledAt: instant.nullable(),
    agencyIds: z.array(z.string()),
    participants: z.array(z.string()),
    plan: z.string().nullable(),
    venue: z.string().nullable().meta({ description: 'Where it is held, when central said' }),
    heldAt: instant.nullable(),
    outcome: z.string().nullable(),
    summary: z.string().nullable(),
    overdueToReport: z.boolean(),
    cancellation: z
      .object({ reason: z.string(), at: instant })
      .nullable()
      .meta({ description: 'Set when central cancelled it: why, and when' }),
    createdBy: z.string(),
    createdAt: instant,
    version: z.int().meta({
      description: 'Sent back with a new date, a report or a cancellation (`version_conflict`)',
    }),
  })
  .meta({ id: 'Activity' });
export type ActivityView = z.infer<typeof ActivitySchema>;
export const ActivitiesQuery = PageQuery.extend({
  status: z.enum(ACTIVITY_STATUSES).optional(),
  from: instant.optional(),
  to: instant.optional(),
});
export type ActivitiesFilter = z.infer<typeof ActivitiesQuery>;

/** An agency's coming activities (`GET /v1/activities/invited`). */
export const InvitedActivitiesQuery = PageQuery.extend({
  scope: z.enum(['own', 'members']).default('own').meta({
    description:
      'A focal point’s coordinator’s `members`: its member units’ invitations too, as its queue’s `scope=members` (anyone else’s is a 403)',
  }),
});
export type InvitedActivitiesFilter = z.infer<typeof InvitedActivitiesQuery>;
export const InvitedActivitySchema = z
  .object({
    activityId: z.string(),
    caseId: z.string(),
    caseSubject: z.string().meta({ description: 'The subject of its case, as it reads now' }),
    agendaNumber: z.string().nullable().meta({ description: 'Its case’s agenda number' }),
    kind: ActivityKindSchema,
    scheduledAt: instant.meta({
      description: 'When it is held (the console shows it in the reader’s zone)',
    }),
    venue: z.string().nullable().meta({ description: 'Where it is held, when central said' }),
    agencyId: z.string().meta({
      description:
        'The agency invited: the caller’s own, or with `scope=members` its member unit. No other agency on the activity is named (its case page shows them as the agency may read them)',
    }),
    via: z.string().nullable().meta({
      description:
        'The focal point invited, when `agencyId` is its member unit holding its assignment on the case (delegated to it): the unit lists what is planned with its focal point. Null when `agencyId` is invited itself',
    }),
  })
  .meta({ id: 'InvitedActivity' });
export type InvitedActivityView = z.infer<typeof InvitedActivitySchema>;
