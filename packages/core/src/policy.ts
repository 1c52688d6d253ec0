import { z } from 'zod';

export const COMPLAINT_TYPES = ['light', 'normative', 'examination'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const TARGETS = ['acknowledge', 'followUp', 'resolution'] as const;
export type Target = (typeof TARGETS)[number];

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
  calendarId: z.string(),
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
  calendarId: 'id',
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
