/**
 * The SLA policy's values and rules, without zod: the functions that compute deadlines and write
 * letters load no schema. The contract's schemas of a policy are in schemas/policy.ts, built from
 * these (its types come from there).
 */
import type { z } from 'zod';
import type { LadderStepSchema, SlaPolicySchema } from './schemas/policy.ts';

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
export const ladderShape = (steps: LadderStep[]) => {
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

/**
 * What a policy stored before a field existed reads as, for each field added since the first
 * (schemas/policy.ts defaults to these, so an API request that leaves one out gets the same).
 */
export const POLICY_FIELD_DEFAULTS = {
  legalLimitCalendarDays: 60,
  ladder: DEFAULT_LADDER,
  reforwardClock: 'fresh',
  minimumSample: 5,
  version: 0,
  updatedAt: null,
} as const;

/** A policy as the table holds it: written through the contract, possibly before some fields. */
export type StoredPolicy = Omit<SlaPolicy, keyof typeof POLICY_FIELD_DEFAULTS | 'ladder'> &
  Partial<Omit<SlaPolicy, 'ladder'>> & {
    readonly ladder?: readonly (Omit<LadderStep, 'cc'> & { cc?: LadderStep['cc'] })[];
  };

/**
 * A stored policy as the code reads it: every field, those it was stored without at their
 * defaults. Not validated again: every write went through the contract's schema (as the store
 * reads cases and assignments), and the functions that read policies load no zod for it.
 * `policy.test.ts` checks it reads any stored policy as the contract's schema parses it.
 */
export function storedPolicy(stored: StoredPolicy): SlaPolicy {
  const d = POLICY_FIELD_DEFAULTS;
  return {
    id: stored.id,
    verificationWorkingDays: stored.verificationWorkingDays,
    acknowledgeWorkingDays: stored.acknowledgeWorkingDays,
    followUpWorkingDays: stored.followUpWorkingDays,
    resolutionWorkingDays: {
      light: stored.resolutionWorkingDays.light,
      normative: stored.resolutionWorkingDays.normative,
      examination: stored.resolutionWorkingDays.examination,
    },
    replyWindowWorkingDays: stored.replyWindowWorkingDays,
    legalLimitCalendarDays: stored.legalLimitCalendarDays ?? d.legalLimitCalendarDays,
    calendarId: stored.calendarId,
    ladder:
      stored.ladder?.map((step) => ({
        name: step.name,
        offsetWorkingDays: step.offsetWorkingDays,
        relativeTo: step.relativeTo,
        action: step.action,
        recipients: [...step.recipients],
        cc: [...(step.cc ?? [])],
      })) ?? d.ladder,
    reforwardClock: stored.reforwardClock ?? d.reforwardClock,
    minimumSample: stored.minimumSample ?? d.minimumSample,
    version: stored.version ?? d.version,
    updatedAt: stored.updatedAt ?? d.updatedAt,
  };
}
