import { z } from 'zod';

export const COMPLAINT_TYPES = ['light', 'normative', 'examination'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const TARGETS = ['acknowledge', 'followUp', 'resolution'] as const;
export type Target = (typeof TARGETS)[number];

export const LADDER_ACTIONS = [
  'warning',
  'reminder',
  'formal_warning',
  'central_intervention',
] as const;
/**
 * Who a ladder step writes to: `agency` is the agency's liaison contacts, `agency_head` its
 * head contacts, `focal_point` the focal point's liaisons, `central` the central unit's.
 */
export const LADDER_PARTIES = ['agency', 'agency_head', 'focal_point', 'central'] as const;
export type LadderParty = (typeof LADDER_PARTIES)[number];
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
export type LadderStep = z.infer<typeof LadderStepSchema>;

/**
 * Defaults: a warning 2 working days before each target, then four rungs 5 working days apart.
 * Warnings and reminders go to the agency's liaisons only; the formal warning copies its head
 * and its focal point; central intervention goes to central, copying the liaisons and the head.
 */
export const DEFAULT_LADDER: LadderStep[] = [
  {
    name: 'warning',
    offsetWorkingDays: -2,
    relativeTo: 'due',
    action: 'warning',
    recipients: ['agency'],
    cc: [],
  },
  {
    name: 'reminder_1',
    offsetWorkingDays: 0,
    relativeTo: 'due',
    action: 'reminder',
    recipients: ['agency'],
    cc: [],
  },
  {
    name: 'reminder_2',
    offsetWorkingDays: 5,
    relativeTo: 'previous',
    action: 'reminder',
    recipients: ['agency'],
    cc: [],
  },
  {
    name: 'formal_warning',
    offsetWorkingDays: 5,
    relativeTo: 'previous',
    action: 'formal_warning',
    recipients: ['agency'],
    cc: ['agency_head', 'focal_point'],
  },
  {
    name: 'central_intervention',
    offsetWorkingDays: 5,
    relativeTo: 'previous',
    action: 'central_intervention',
    recipients: ['central'],
    cc: ['agency', 'agency_head'],
  },
];

/** Warnings come before a deadline; the rungs start at a deadline and climb from there. */
const ladderShape = (steps: LadderStep[]) => {
  const rungs = steps.filter((s) => s.action !== 'warning');
  return (
    steps.every(
      (s) => s.action !== 'warning' || (s.relativeTo === 'due' && s.offsetWorkingDays < 0),
    ) &&
    rungs.length > 0 &&
    rungs[0]!.relativeTo === 'due' &&
    rungs[0]!.offsetWorkingDays >= 0 &&
    rungs.slice(1).every((s) => s.relativeTo === 'previous' && s.offsetWorkingDays >= 1) &&
    new Set(steps.map((s) => s.name)).size === steps.length
  );
};

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
  legalLimitCalendarDays: z.int().min(1).max(365).default(60),
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
    .default(DEFAULT_LADDER),
  /** After a redirect, the next agency's clock starts fresh or inherits the first forwarding date. */
  reforwardClock: z.enum(['fresh', 'inherit']).default('fresh'),
  /** Agencies with fewer assignments in a period keep their figures but are not ranked. */
  minimumSample: z.int().min(1).max(1000).default(5),
  version: z.int().min(0).default(0),
  updatedAt: z.string().nullable().default(null),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

export const DEFAULT_POLICY_ID = 'default';

export const DEFAULT_POLICY: SlaPolicy = {
  id: DEFAULT_POLICY_ID,
  verificationWorkingDays: 3, // SP4N-LAPOR!
  acknowledgeWorkingDays: 3, // KemenPANRB "first response within 3 days"
  followUpWorkingDays: 5, // SP4N-LAPOR!
  resolutionWorkingDays: { light: 5, normative: 14, examination: 60 }, // SIPPN
  replyWindowWorkingDays: 10, // SP4N-LAPOR!
  legalLimitCalendarDays: 60, // Perpres 76/2013 (a secondary source: DOMAIN.md)
  calendarId: 'id',
  ladder: DEFAULT_LADDER,
  reforwardClock: 'fresh',
  minimumSample: 5,
  version: 1,
  updatedAt: null,
};

/** The working days each target of an assignment gets for a complaint type. */
export const targetWorkingDays = (
  policy: SlaPolicy,
  type: ComplaintType,
): Record<Target, number> => ({
  acknowledge: policy.acknowledgeWorkingDays,
  followUp: policy.followUpWorkingDays,
  resolution: policy.resolutionWorkingDays[type],
});
