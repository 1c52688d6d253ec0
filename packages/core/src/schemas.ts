/**
 * The HTTP contract's shapes (API.md), as zod schemas. Inputs are strict (unknown fields are
 * rejected); outputs describe what the API returns and feed the OpenAPI document through
 * `.meta({ id })`. Pure zod: the API layer adds routes around them.
 */
import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from './activity.ts';
import { DAY_KINDS, TIME_ZONES } from './calendar.ts';

// What a client of the contract also needs (the web console imports only this file).
export { TIME_ZONE_LABELS, UTC_OFFSET_HOURS } from './calendar.ts';
export { TARGETS } from './policy.ts';
import { COMPLAINT_TYPES, SlaPolicySchema, TARGETS } from './policy.ts';
import { ROLES } from './tenancy.ts';

const instant = z.iso.datetime({ offset: true }).meta({ example: '2026-03-30T16:59:59.999Z' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const AGENCY_KINDS = ['ministry', 'agency', 'local_government', 'soe', 'other'] as const;
export const CHANNELS = ['letter', 'email', 'walk_in', 'lapor', 'social_media', 'other'] as const;
export const CASE_STATUSES = [
  'received',
  'needs_info',
  'verified',
  'rejected',
  'forwarded',
  'in_follow_up',
  'resolved',
  // The complainant was not satisfied with the final answers: back to central, to forward again.
  'reopened',
  'closed',
] as const;
export const ASSIGNMENT_STATES = [
  'pending',
  'acknowledged',
  'responded',
  'completed',
  'redirected',
  'withdrawn',
] as const;
export const CLOSE_OUTCOMES = ['resolved', 'unresolved', 'withdrawn'] as const;
export const RESPONSE_KINDS = ['progress', 'final'] as const;

export const AgencyIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes, 2–40 characters');
export const TimeZoneSchema = z.enum(TIME_ZONES);

// ---- agencies -------------------------------------------------------------------------

/**
 * Who a contact is for the letters: the `liaison` (penghubung, the default) gets every warning
 * and reminder; the `head` (kepala, pimpinan) is copied only where the policy's ladder says
 * (by default the formal warning and central intervention).
 */
export const CONTACT_KINDS = ['liaison', 'head'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

const contactFields = {
  name: text(200),
  email: z.email().max(254),
  role: text(100)
    .optional()
    .meta({ description: 'Position or unit, free text: shown, never used to address letters' }),
};
const contactKind = z.enum(CONTACT_KINDS).meta({
  description:
    'liaison: receives warnings and reminders; head (kepala, pimpinan): copied on the formal warning and central intervention',
});

export const ContactInputSchema = z
  .strictObject({ ...contactFields, kind: contactKind.optional() })
  .meta({ id: 'ContactInput', description: 'A contact; `kind` defaults to liaison' });
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const ContactSchema = z
  .object({ ...contactFields, kind: contactKind })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;

const ContactsInput = z
  .array(ContactInputSchema)
  .min(1)
  .max(20)
  .refine(
    (contacts) => contacts.some((c) => (c.kind ?? 'liaison') === 'liaison'),
    'at least one liaison contact: warnings and reminders go to the liaisons',
  );

export const CreateAgencyBody = z
  .strictObject({
    id: AgencyIdSchema,
    name: text(200),
    kind: z.enum(AGENCY_KINDS),
    focalPointId: AgencyIdSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    contacts: ContactsInput,
  })
  .meta({ id: 'CreateAgency' });
export type CreateAgencyInput = z.infer<typeof CreateAgencyBody>;

export const UpdateAgencyBody = z
  .strictObject({
    name: text(200).optional(),
    kind: z.enum(AGENCY_KINDS).optional(),
    focalPointId: AgencyIdSchema.nullable().optional(),
    timeZone: TimeZoneSchema.optional(),
    contacts: ContactsInput.optional().meta({
      description: 'Replaces every contact (name, email, kind)',
    }),
  })
  .meta({ id: 'UpdateAgency' });
export type UpdateAgencyInput = z.infer<typeof UpdateAgencyBody>;

export const AgencySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(AGENCY_KINDS),
    focalPointId: z.string().nullable(),
    timeZone: TimeZoneSchema,
    contacts: z.array(ContactSchema),
    createdAt: instant,
    updatedAt: instant,
    version: z.int(),
  })
  .meta({ id: 'Agency' });
export type Agency = z.infer<typeof AgencySchema>;

// ---- cases ----------------------------------------------------------------------------

export const ComplainantSchema = z
  .strictObject({
    name: text(200),
    idNumber: text(32).optional(),
    email: z.email().max(254).optional(),
    phone: text(32).optional(),
    address: text(500).optional(),
  })
  .meta({ id: 'Complainant' });
export type Complainant = z.infer<typeof ComplainantSchema>;

export const LocationSchema = z
  .strictObject({ province: text(100).optional(), regency: text(100).optional() })
  .meta({ id: 'Location' });

export const CreateCaseBody = z
  .strictObject({
    channel: z.enum(CHANNELS),
    receivedAt: instant.optional(),
    complainant: ComplainantSchema,
    identityHidden: z.boolean().optional(),
    confidential: z.boolean().optional(),
    subject: text(200),
    description: text(20_000),
    respondent: text(200).optional(),
    location: LocationSchema.optional(),
  })
  .meta({ id: 'CreateCase' });
export type CreateCaseInput = z.infer<typeof CreateCaseBody>;

export const VerificationBody = z
  .strictObject({
    decision: z.enum(['accept', 'reject', 'needs_info']),
    type: z.enum(COMPLAINT_TYPES).optional(),
    category: text(100).optional(),
    note: text(2_000).optional(),
    missing: text(2_000).optional().meta({
      description:
        'With needs_info: what the complainant must send, shown to them on the tracking page',
    }),
  })
  .refine((b) => b.decision !== 'accept' || b.type !== undefined, {
    path: ['type'],
    message: 'required when decision is accept',
  })
  .refine((b) => b.missing === undefined || b.decision === 'needs_info', {
    path: ['missing'],
    message: 'only when decision is needs_info',
  })
  .meta({ id: 'Verification' });
export type VerificationInput = z.infer<typeof VerificationBody>;

export const ForwardBody = z
  .strictObject({
    assignments: z
      .array(z.strictObject({ agencyId: AgencyIdSchema, instructions: text(5_000).optional() }))
      .min(1)
      // One transaction holds ≤ 100 items: per agency an assignment, its ladder, its event and
      // its two statistics counters (day, month); plus the case, a status event, the idempotency record.
      .max(18)
      .refine((a) => new Set(a.map((x) => x.agencyId)).size === a.length, 'agencies must differ'),
  })
  .meta({ id: 'Forward' });
export type ForwardInput = z.infer<typeof ForwardBody>;

export const CloseBody = z
  .strictObject({ outcome: z.enum(CLOSE_OUTCOMES), note: text(2_000).optional() })
  .meta({ id: 'CloseCase' });
export type CloseInput = z.infer<typeof CloseBody>;

const TargetInstants = z.object({
  acknowledge: instant,
  followUp: instant,
  resolution: instant,
});
const TargetFlags = z.object({
  acknowledge: z.boolean(),
  followUp: z.boolean(),
  resolution: z.boolean(),
});

export const CalendarWarningSchema = z
  .object({ target: z.enum(TARGETS), year: z.int(), message: z.string() })
  .meta({ id: 'CalendarWarning' });

export const AssignmentSchema = z
  .object({
    caseId: z.string(),
    agencyId: z.string(),
    subject: z.string().nullable().meta({ description: 'The case’s subject' }),
    state: z.enum(ASSIGNMENT_STATES),
    instructions: z.string().nullable(),
    forwardedAt: instant,
    clock: z
      .object({
        basis: z.enum(['fresh', 'inherited']),
        from: instant,
        inheritedFrom: z.string().nullable(),
      })
      .meta({
        description:
          'When the deadlines count from: fresh at forwarding, or inherited after a redirect',
      }),
    timeZone: TimeZoneSchema,
    delegatedTo: z
      .string()
      .nullable()
      .meta({ description: 'The member unit working on it for its focal point' }),
    due: TargetInstants,
    met: z.object({
      acknowledge: instant.nullable(),
      followUp: instant.nullable(),
      resolution: instant.nullable(),
    }),
    overdue: TargetFlags,
    nextDueAt: instant.nullable(),
    escalationLevel: z.int(),
    monitoring: z.boolean().meta({
      description: 'The ladder reached central intervention and the agency has not caught up',
    }),
    paused: z.boolean(),
    pausedSince: instant.nullable(),
    generation: z.int(),
    redirect: z
      .object({ reason: z.string(), suggestedAgencyId: z.string().nullable(), at: instant })
      .nullable(),
    calendarWarnings: z.array(CalendarWarningSchema),
    createdAt: instant,
    updatedAt: instant,
    version: z.int(),
  })
  .meta({ id: 'Assignment' });
export type AssignmentView = z.infer<typeof AssignmentSchema>;

export const CaseSchema = z
  .object({
    id: z.string(),
    trackingCode: z.string().optional().meta({
      description:
        'The complainant’s credential for the tracking page and the reply: central only, never sent to an agency',
    }),
    status: z.enum(CASE_STATUSES),
    channel: z.enum(CHANNELS),
    receivedAt: instant,
    subject: z.string(),
    description: z.string(),
    complainant: ComplainantSchema.nullable(),
    identityHidden: z.boolean(),
    confidential: z.boolean(),
    respondent: z.string().nullable(),
    location: LocationSchema.nullable(),
    classification: z
      .object({
        type: z.enum(COMPLAINT_TYPES),
        category: z.string().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
    assignments: z.array(AssignmentSchema),
    agencyIds: z
      .array(z.string())
      .meta({ description: 'Agencies the case was forwarded to (an agency sees only its own)' }),
    underMonitoring: z
      .boolean()
      .meta({ description: 'A monitoring activity is planned or proposed' }),
    verificationDueAt: instant,
    overdue: z.boolean(),
    closure: z
      .object({ outcome: z.enum(CLOSE_OUTCOMES), note: z.string().nullable(), at: instant })
      .nullable(),
    infoRequest: z
      .object({ missing: z.string().nullable(), requestedAt: instant })
      .nullable()
      .meta({ description: 'While needs_info: what central asked the complainant to send' }),
    createdAt: instant,
    updatedAt: instant,
    version: z.int(),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof CaseSchema>;

export const RedirectBody = z
  .strictObject({ reason: text(2_000), suggestedAgencyId: AgencyIdSchema.optional() })
  .meta({ id: 'Redirect' });
export type RedirectInput = z.infer<typeof RedirectBody>;

export const ResponseBody = z
  .strictObject({ kind: z.enum(RESPONSE_KINDS), message: text(20_000) })
  .meta({ id: 'AgencyResponse' });
export type ResponseInput = z.infer<typeof ResponseBody>;

export const AcknowledgeBody = z.strictObject({}).meta({ id: 'Acknowledge' });

export const ActorSchema = z
  .union([
    z.object({ sub: z.string(), agency: z.string(), role: z.enum(ROLES) }),
    z.object({ system: z.literal('escalation') }),
    z.object({ complainant: z.literal(true) }),
  ])
  .meta({ id: 'Actor' });

export const TimelineEventSchema = z
  .object({
    id: z.string(),
    at: instant,
    type: z.string(),
    actor: ActorSchema,
    agencyId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEvent' });

export const TrackingAnswerSchema = z
  .object({
    agencyName: z.string(),
    kind: z.enum(RESPONSE_KINDS),
    message: z.string(),
    at: instant,
  })
  .meta({ id: 'TrackingAnswer' });
export type TrackingAnswer = z.infer<typeof TrackingAnswerSchema>;

export const TrackingSchema = z
  .object({
    trackingCode: z.string(),
    status: z.enum(CASE_STATUSES),
    receivedAt: instant,
    updatedAt: instant,
    replyWindowClosesAt: instant
      .nullable()
      .meta({ description: 'Set while the complainant may reply' }),
    steps: z.array(z.object({ status: z.enum(CASE_STATUSES), at: instant, label: z.string() })),
    answers: z.array(TrackingAnswerSchema).meta({
      description:
        'The agencies’ answers (progress and final), oldest first, by agency name: what the complainant rates. None for a confidential report',
    }),
    infoRequest: z
      .object({
        missing: z
          .string()
          .nullable()
          .meta({ description: 'What to send (withheld for a confidential report)' }),
        requestedAt: instant,
        sendTo: z
          .object({ name: z.string(), email: z.string() })
          .nullable()
          .meta({ description: 'The central unit’s contact to send it to' }),
      })
      .nullable()
      .meta({ description: 'While needs_info: what central asks the complainant to send' }),
  })
  .meta({ id: 'Tracking' });

// ---- lists ----------------------------------------------------------------------------

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2_000).optional(),
  total: booleanQuery.optional().meta({
    description:
      'Also count every item the list holds (`total` in the answer): reads the whole list, so ask on the first page only',
  }),
});
export const CaseListQuery = PageQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  agencyId: AgencyIdSchema.optional(),
  overdue: booleanQuery.optional(),
});
export const QueueQuery = PageQuery.extend({
  state: z.enum(ASSIGNMENT_STATES).optional(),
  overdue: booleanQuery.optional(),
  /** Overdue on this target (acknowledge, followUp or resolution). */
  target: z.enum(TARGETS).optional(),
  scope: z.enum(['own', 'members']).default('own'),
  /** With no state: the ended ones (completed, redirected, withdrawn) after the open ones. */
  ended: booleanQuery.optional().meta({
    description:
      'With no `state`: after the open assignments, the ended ones (completed, redirected, withdrawn), most recent first',
  }),
  forwardedSince: instant.optional().meta({
    description: 'Only assignments forwarded after this instant (what arrived since a visit)',
  }),
});
export const WorklistQuery = PageQuery.extend({
  agencyId: AgencyIdSchema.optional(),
  state: z.enum(ASSIGNMENT_STATES).optional(),
  overdue: booleanQuery.optional(),
  target: z.enum(TARGETS).optional(),
  dueWithin: z.coerce.number().int().min(0).max(250).optional(),
  /** Became overdue at or after this instant (its soonest open deadline passed since). */
  newlyOverdueSince: instant.optional(),
  newlyOverdue: booleanQuery.optional().meta({
    description:
      'Became overdue in the 24 hours before the API’s clock (the server’s time, not the caller’s)',
  }),
  /** Redirected ("not ours") and not yet answered by a re-forward of the case. */
  awaitingReforward: booleanQuery.optional().meta({
    description: 'Redirected ("not ours") assignments whose case has not been forwarded again',
  }),
  type: z.enum(COMPLAINT_TYPES).optional(),
  monitoring: booleanQuery.optional(),
});
export type CaseListFilter = z.infer<typeof CaseListQuery>;
export type QueueFilter = z.infer<typeof QueueQuery>;
export type WorklistFilter = z.infer<typeof WorklistQuery>;

export const ExtensionRequestBody = z
  .strictObject({ workingDays: z.int().min(1).max(60), reason: text(2_000) })
  .meta({ id: 'ExtensionRequestBody' });
export type ExtensionRequestInput = z.infer<typeof ExtensionRequestBody>;

export const ExtensionDecisionBody = z
  .strictObject({ approve: z.boolean(), note: text(2_000).optional() })
  .meta({ id: 'ExtensionDecision' });
export type ExtensionDecisionInput = z.infer<typeof ExtensionDecisionBody>;

export const ExtensionRequestSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    agencyId: z.string(),
    workingDays: z.int(),
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'refused']),
    requestedAt: instant,
    decidedAt: instant.nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ExtensionRequest' });
export type ExtensionRequestView = z.infer<typeof ExtensionRequestSchema>;

export const PauseBody = z.strictObject({ reason: text(2_000) }).meta({ id: 'Pause' });
export const ResumeBody = z.strictObject({}).meta({ id: 'Resume' });

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

export const StatsQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  agencyId: AgencyIdSchema.optional(),
});
export type StatsPeriod = z.infer<typeof StatsQuery>;

const AgencyStatsSchema = z.object({
  agencyId: z.string(),
  assigned: z.int(),
  redirected: z.int(),
  responded: z.int(),
  respondedOnTime: z.int(),
  completed: z.int(),
  responseRate: z.number().nullable().meta({ description: 'responded / (assigned − redirected)' }),
  onTimeRate: z
    .number()
    .nullable()
    .meta({ description: 'respondedOnTime / (assigned − redirected)' }),
  medianWorkingDaysToFirstResponse: z.int().nullable(),
  belowMinimumSample: z.boolean(),
  rank: z.int().nullable(),
});
export const AgencyStatsReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    minimumSample: z.int(),
    items: z.array(AgencyStatsSchema),
    totals: AgencyStatsSchema,
  })
  .meta({ id: 'AgencyStatsReport' });

export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);
export const PlanActivityBody = z
  .strictObject({
    kind: ActivityKindSchema,
    scheduledAt: instant.optional(),
    agencyIds: z.array(AgencyIdSchema).max(18).optional(),
    participants: z.array(text(200)).max(50).optional(),
    plan: text(5_000).optional(),
  })
  .meta({ id: 'PlanActivity' });
export type PlanActivityInput = z.infer<typeof PlanActivityBody>;
export const ReportActivityBody = z
  .strictObject({ heldAt: instant, outcome: text(200), summary: text(20_000) })
  .meta({ id: 'ReportActivity' });
export type ReportActivityInput = z.infer<typeof ReportActivityBody>;
export const ActivitySchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: ActivityKindSchema,
    status: z.enum(ACTIVITY_STATUSES),
    scheduledAt: instant.nullable(),
    agencyIds: z.array(z.string()),
    participants: z.array(z.string()),
    plan: z.string().nullable(),
    heldAt: instant.nullable(),
    outcome: z.string().nullable(),
    summary: z.string().nullable(),
    overdueToReport: z.boolean(),
    createdBy: z.string(),
    createdAt: instant,
  })
  .meta({ id: 'Activity' });
export type ActivityView = z.infer<typeof ActivitySchema>;
export const ActivitiesQuery = PageQuery.extend({
  status: z.enum(ACTIVITY_STATUSES).optional(),
  from: instant.optional(),
  to: instant.optional(),
});
export type ActivitiesFilter = z.infer<typeof ActivitiesQuery>;

export const ReplyBody = z
  .strictObject({
    satisfied: z.boolean(),
    rating: z.int().min(1).max(5),
    message: text(5_000).optional(),
  })
  .meta({ id: 'ComplainantReply' });
export type ReplyInput = z.infer<typeof ReplyBody>;

// The tracking code is the complainant's only credential: it travels in a body, never in a
// path or a query string, which access logs (API Gateway, CloudFront) keep for a year.
const trackingCodeInBody = z.string().min(1).max(40).meta({
  description:
    'The tracking code as the complainant typed it (case, spaces and dashes do not matter)',
});
export const TrackBody = z.strictObject({ code: trackingCodeInBody }).meta({ id: 'TrackRequest' });
export const TrackReplyBody = ReplyBody.extend({ code: trackingCodeInBody }).meta({
  id: 'TrackReply',
});

export const DelegateBody = z
  .strictObject({ memberId: AgencyIdSchema.nullable(), note: text(2_000).optional() })
  .meta({ id: 'Delegate' });
export type DelegateInput = z.infer<typeof DelegateBody>;

export const NotificationsQuery = PageQuery.extend({
  caseId: z.string().min(1).max(64).optional(),
  agencyId: AgencyIdSchema.optional(),
  since: instant.optional().meta({
    description: 'Only letters dated after this instant (what arrived since a visit)',
  }),
});
export type NotificationsFilter = z.infer<typeof NotificationsQuery>;

export const NotificationSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    agencyId: z.string(),
    target: z.enum([...TARGETS, 'reply_window']),
    targets: z.array(z.enum(TARGETS)),
    step: z.string(),
    action: z.string(),
    channel: z.literal('email'),
    recipients: z.array(z.string()),
    cc: z.array(z.string()),
    status: z.enum(['pending', 'sent', 'failed']),
    subject: z.string(),
    body: z.string(),
    scheduledAt: instant,
    createdAt: instant,
    sentAt: instant.nullable(),
    attempts: z.int(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof NotificationSchema>;

const LadderStepView = z.object({
  id: z.string(),
  step: z.string(),
  action: z.string(),
  at: instant,
  targets: z.array(z.enum(TARGETS)),
  level: z.int(),
});

export const DeadlinesSchema = z
  .object({
    caseId: z.string(),
    agencyId: z.string(),
    generation: z.int(),
    forwardedAt: instant,
    timeZone: TimeZoneSchema,
    timeZoneLabel: z.string(),
    calendarId: z.string(),
    policyId: z.string(),
    targets: z.array(
      z.object({
        target: z.enum(TARGETS),
        workingDays: z
          .int()
          .meta({ description: 'In all: the policy’s plus extensions and pauses' }),
        policyWorkingDays: z.int(),
        adjustments: z.array(
          z.object({
            kind: z.enum(['extension', 'pause']),
            workingDays: z.int(),
            at: instant,
            reason: z.string(),
          }),
        ),
        countedFrom: z
          .string()
          .meta({ description: 'Local date of forwarding; counting starts the day after' }),
        lastWorkingDay: z.string(),
        due: instant,
        met: instant.nullable(),
        overdue: z.boolean(),
        skipped: z.array(z.object({ date: z.string(), kind: z.enum(DAY_KINDS), name: z.string() })),
        uncoveredYears: z.array(z.int()),
        pausedIntervals: z.array(
          z.object({ from: instant, to: instant.nullable(), reason: z.string() }),
        ),
      }),
    ),
    ladder: z.object({
      taken: z.array(LadderStepView),
      toCome: z
        .array(LadderStepView)
        .meta({ description: 'Provisional: recomputed as the agency acts' }),
    }),
  })
  .meta({ id: 'Deadlines' });
export type DeadlinesView = z.infer<typeof DeadlinesSchema>;

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable(),
      total: z
        .int()
        .optional()
        .meta({ description: 'Every item the list holds, when asked with `total=true`' }),
    })
    .meta({ id });

// ---- the central desk ---------------------------------------------------------------

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

export const DayKindSchema = z.enum(DAY_KINDS);
