/**
 * Jobs: the re-arming a calendar or policy edit (or an agency's time zone corrected) starts, the
 * give-backs of a member unit moved out of its focal point, or a deploy's upgrade of the stored
 * data, and their progress.
 */
import { z } from 'zod';
import { JOB_STATES } from '../rearm-job.ts';

export const JobParams = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/) });

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['calendar', 'policy', 'agency', 'member', 'upgrade']).meta({
      description:
        'What started it: a calendar or policy edit, an agency’s time zone corrected (these ' +
        're-arm deadlines), a member unit moved out of its focal point (`member`: gives back ' +
        'what that focal point delegated to it; `moved` counts those given back), or a deploy ' +
        '(`upgrade`: brings every case stored by an older release to what this one writes, ' +
        'its search index and its answered redirects; `total` and `done` count cases, `moved` ' +
        'those it changed)',
    }),
    scope: z.union([
      z.object({ kind: z.literal('calendar'), calendarId: z.string() }),
      z.object({ kind: z.literal('policy'), policyId: z.string() }),
      z.object({ kind: z.literal('agency'), agencyId: z.string() }),
      z.object({
        kind: z.literal('member'),
        memberId: z.string(),
        focalPointId: z.string().nullable(),
      }),
      z.object({ kind: z.literal('upgrade'), version: z.int() }),
    ]),
    state: z.enum(JOB_STATES).meta({
      description:
        '`listing` (counting what to re-arm: `total` still grows), `running`, then `completed`, ' +
        '`failed` (stopped early: see `failures` and the operators), or `superseded` (a newer ' +
        'edit of the same calendar, policy or agency took over: it re-arms from the latest settings)',
    }),
    total: z.int().meta({ description: 'Open assignments the edit governs (final once listed)' }),
    done: z.int().meta({ description: 'Re-armed, or found already current' }),
    failed: z.int().meta({ description: 'Could not be re-armed' }),
    moved: z.int().meta({
      description:
        'Whose deadlines moved (a batch retried after doing its work finds them current: done)',
    }),
    skipped: z.int().meta({ description: 'Left to the job that superseded this one' }),
    supersededBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
    failures: z
      .array(
        z.object({
          caseId: z.string(),
          agencyId: z.string(),
          code: z.string(),
          message: z.string(),
          at: z.string(),
        }),
      )
      .meta({ description: 'The first 100 failures (`failed` counts them all)' }),
  })
  .meta({ id: 'Job' });
export type JobView = z.infer<typeof JobSchema>;
