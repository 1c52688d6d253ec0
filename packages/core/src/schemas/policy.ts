/**
 * The SLA policy's part of the contract: a ladder step and a policy, as zod schemas (policy.ts
 * holds their values and rules without zod).
 */
import { z } from 'zod';
import { LADDER_ACTIONS, LADDER_PARTIES, ladderShape, POLICY_FIELD_DEFAULTS } from '../policy.ts';

const PARTIES_DOC =
  "agency: the agency's liaison contacts; agency_head: its head contacts; focal_point: its focal point's liaisons; central: the central unit's liaisons";

/**
 * One step of the escalation ladder (DOMAIN.md). A step `relativeTo: 'due'` is counted from a
 * target's deadline (negative: a warning before it; 0: the deadline itself, the first rung);
 * `relativeTo: 'previous'` from the previous rung. Each step is a deadline of its own: it fires
 * at the first instant after the end of its working day.
 */
export const LadderStepSchema = z
  .strictObject({
    name: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,39}$/,
        'lowercase letters, digits and underscores, starting with a letter, 1–40 characters',
      ),
    offsetWorkingDays: z.int().min(-20).max(60),
    relativeTo: z.enum(['due', 'previous']),
    action: z.enum(LADDER_ACTIONS),
    recipients: z.array(z.enum(LADDER_PARTIES)).min(1).meta({ description: PARTIES_DOC }),
    cc: z.array(z.enum(LADDER_PARTIES)).default([]).meta({ description: PARTIES_DOC }),
  })
  .meta({ id: 'LadderStep' });

/**
 * Working-day targets (DOMAIN.md "Time rules"). Policy is data kept in the table, seeded with
 * these defaults; the numbers are never branched on in code.
 */
export const SlaPolicySchema = z.strictObject({
  id: z.string(),
  verificationWorkingDays: z.int().min(0).max(250),
  acknowledgeWorkingDays: z.int().min(0).max(250),
  followUpWorkingDays: z.int().min(0).max(250),
  resolutionWorkingDays: z.strictObject({
    light: z.int().min(0).max(250),
    normative: z.int().min(0).max(250),
    examination: z.int().min(0).max(250),
  }),
  replyWindowWorkingDays: z.int().min(0).max(250),
  /**
   * The legal outer limit: calendar days from a complete file to the end of handling
   * (Perpres 76/2013). Shown beside the working-day targets, which may run past it.
   */
  legalLimitCalendarDays: z
    .int()
    .min(1)
    .max(365)
    .default(POLICY_FIELD_DEFAULTS.legalLimitCalendarDays),
  calendarId: z.string(),
  // Policies stored before ladders existed read as the default ladder.
  ladder: z
    .array(LadderStepSchema)
    .min(1)
    .max(12)
    .refine(
      ladderShape,
      'warnings before a deadline (negative, relativeTo due), then rungs: the first relativeTo due (≥ 0), the rest relativeTo previous (≥ 1); names unique',
    )
    .default(POLICY_FIELD_DEFAULTS.ladder),
  /** After a redirect, the next agency's clock starts fresh or inherits the first forwarding date. */
  reforwardClock: z.enum(['fresh', 'inherit']).default(POLICY_FIELD_DEFAULTS.reforwardClock),
  /** Agencies with fewer assignments in a period keep their figures but are not ranked. */
  minimumSample: z.int().min(1).max(1000).default(POLICY_FIELD_DEFAULTS.minimumSample),
  version: z.int().min(0).default(POLICY_FIELD_DEFAULTS.version),
  updatedAt: z.string().nullable().default(POLICY_FIELD_DEFAULTS.updatedAt),
});
