/** Cases: register, verify, forward, close; the case, assignment, timeline and tracking views. */
import { z } from 'zod';
import { COMPLAINT_TYPES, TARGETS } from '../policy.ts';
import { ROLES } from '../tenancy.ts';
import { booleanQuery, instant, orNull, recordedInstant, text } from './fields.ts';
import { AgencyIdSchema, PageQuery, TimeZoneSchema } from './common.ts';
import { ASSIGNMENT_STATES, CASE_STATUSES, CHANNELS, CLOSE_OUTCOMES } from '../vocabulary.ts';
import { NikSchema, PhoneSchema } from './identity.ts';
// Issue 15: the incoming letter's details (documents.ts holds the documents' contract).
import { LetterRefSchema } from './documents.ts';
import { ExtensionRequestSchema, ProposedDueAtField } from './assignments.ts';
import { ActivitySchema } from './monitoring.ts';
import { CASE_CLOSED_ACTIVITIES } from '../activity.ts';
import { EVENT_TYPES } from '../timeline.ts';

export const ComplainantSchema = z
  .strictObject({
    name: text(200),
    idNumber: NikSchema.optional(),
    email: z.email().max(254).optional(),
    phone: PhoneSchema.optional(),
    address: text(500).optional(),
  })
  .meta({ id: 'Complainant' });
export type Complainant = z.infer<typeof ComplainantSchema>;

export const LocationSchema = z
  .strictObject({ province: text(100).optional(), regency: text(100).optional() })
  .meta({ id: 'Location' });

/**
 * A case's id in another system (an SP4N-LAPOR! report, an earlier register): the pair is
 * unique, so one report is never registered twice.
 */
export const ExternalRefSchema = z
  .strictObject({
    system: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'lowercase letters, digits, dots, dashes; 1–40'),
    id: text(100),
  })
  .meta({ id: 'ExternalRef' });
export type ExternalRef = z.infer<typeof ExternalRefSchema>;

export const CreateCaseBody = z
  .strictObject({
    channel: z.enum(CHANNELS),
    receivedAt: recordedInstant.optional(),
    complainant: ComplainantSchema,
    identityHidden: z.boolean().optional(),
    confidential: z.boolean().optional(),
    subject: text(200),
    description: text(20_000),
    respondent: text(200).optional(),
    location: LocationSchema.optional(),
    letter: LetterRefSchema.optional().meta({
      description: 'The incoming letter’s number, date and sender (issue 15)',
    }),
    externalRef: ExternalRefSchema.optional().meta({
      description:
        'Unique per (system, id): a second registration is a 409 naming the case. Required with channel lapor, as { system: "lapor", id: <report id> } (a 400 on externalRef otherwise)',
    }),
  })
  // A LAPOR! report is registered by its report id, so the same report never comes in twice.
  .refine((b) => b.channel !== 'lapor' || b.externalRef?.system === 'lapor', {
    path: ['externalRef'],
    message: 'channel lapor needs externalRef { system: "lapor", id: <report id> }',
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
    reason: text(2_000).optional().meta({
      description:
        'With reject: why, in words the complainant reads on the tracking page (not for a confidential report, which shows its status only), e.g. the body that can act on it; `note` stays central’s',
    }),
    subject: text(200).optional().meta({
      description:
        'The subject as central restates it while verifying (what the register and search show)',
    }),
    description: text(20_000).optional().meta({
      description:
        'The complaint as central restates it for the agencies: they read it instead of the complainant’s own text, which stays with central. Required to accept an e-mail whose complainant’s identity is hidden (the mail’s text carries its signature)',
    }),
    identityHidden: z.literal(true).optional().meta({
      description:
        'Keep the complainant’s identity from the agencies (UU 25/2009 art. 42), as central decides while verifying: an e-mail or an imported letter whose complainant asked for it. Hiding it also keeps the files that came with the complaint with central (they may show who complained). One way only: an identity hidden (here, or by the complainant on the form) is never shown again, so `false` is refused; absent: as it was',
    }),
    version: z.int().min(0).optional().meta({
      description:
        'The case’s `version` the decision was made on: if the case was saved since (another officer’s decision, such as a request for what is missing, or a restatement), 409 `version_conflict` and nothing changes: read it again (without it the decision is taken on whatever is stored; sent again once decided, it is answered as decided)',
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
  .refine((b) => b.reason === undefined || b.decision === 'reject', {
    path: ['reason'],
    message: 'only when decision is reject',
  })
  .meta({ id: 'Verification' });
export type VerificationInput = z.infer<typeof VerificationBody>;

/** Why a restatement with neither field is refused (the field `agencyDescription`). */
export const RESTATE_NOTHING = 'give the subject, the restated complaint, or both';

/**
 * Central restates a verified case for the agencies: its subject, and the complaint as they
 * read it. An e-mail accepted with its identity hidden before a restatement was required is
 * withheld from them until central does (`descriptionForAgencies`).
 */
export const RestateCaseBody = z
  .strictObject({
    subject: text(200).optional().meta({
      description:
        'The subject as central restates it (what the register, letters and search show)',
    }),
    agencyDescription: text(20_000).optional().meta({
      description:
        'The complaint as the agencies read it from now on (their case view, search and later letters), instead of the complainant’s own text, which stays with central. It can be restated again, never taken away',
    }),
    version: z.int().min(0).optional().meta({
      description:
        'The case’s `version` the restatement was written on: if the case was saved since (another restatement, or an agency’s action), 409 `version_conflict` and nothing changes: read it again (without it the restatement replaces whatever is stored; sent again once saved, it is answered as saved)',
    }),
  })
  .refine((b) => b.subject !== undefined || b.agencyDescription !== undefined, {
    path: ['agencyDescription'],
    message: RESTATE_NOTHING,
  })
  .meta({ id: 'RestateCase' });
export type RestateCaseInput = z.infer<typeof RestateCaseBody>;

export const ForwardBody = z
  .strictObject({
    assignments: z
      .array(z.strictObject({ agencyId: AgencyIdSchema, instructions: text(5_000).optional() }))
      .min(1)
      // One transaction holds ≤ 100 items: per agency an assignment, its ladder, its event and
      // its two statistics counters (day, month), 90 at 18; plus the case, a status event, the
      // idempotency record and the check of the settings' version: 94. Each redirect the forward answers adds a marker (one item): as
      // many as fit go with it, the rest in transactions of their own (use-cases/cases.ts).
      .max(18)
      .refine((a) => new Set(a.map((x) => x.agencyId)).size === a.length, 'agencies must differ'),
  })
  .meta({ id: 'Forward' });
export type ForwardInput = z.infer<typeof ForwardBody>;

export const CloseBody = z
  .strictObject({
    outcome: z.enum(CLOSE_OUTCOMES),
    note: text(2_000).optional(),
    version: z.int().min(0).optional().meta({
      description:
        'The case’s `version` the close was confirmed on (the assignments it named as withdrawn): if the case was saved since (another officer forwarded it, an agency answered), 409 `version_conflict` and nothing is closed or withdrawn: read it again (without it the close withdraws whatever is open then; sent again once closed, it is answered as closed; a case closed or rejected since otherwise, by the complainant’s “satisfied” or the reply window’s end, is a 409 `invalid_transition`)',
    }),
  })
  .meta({ id: 'CloseCase' });
export type CloseInput = z.infer<typeof CloseBody>;

/**
 * What an agency is told of how its case ended or went on (`CaseNotice`): who closed it
 * (central, the complainant's "satisfied", their reply window ending in silence), or that the
 * complainant, not satisfied, reopened it. A stable code: the console says it in the reader's
 * words. `closed_by_central` is also the `code` of the `case_closed` event central's close
 * writes and of the `assignment_withdrawn` events of the assignments it withdrew;
 * `closed_unanswered` that of the `case_closed` event the reply window's end writes.
 */
export const CASE_NOTICE_CODES = [
  'closed_by_central',
  'closed_satisfied',
  'closed_unanswered',
  'reopened_unsatisfied',
] as const;
export type CaseNoticeCode = (typeof CASE_NOTICE_CODES)[number];

export const CaseNoticeSchema = z
  .object({
    code: z.enum(CASE_NOTICE_CODES),
    at: instant.meta({ description: 'When the case was closed, or reopened' }),
    outcome: z
      .enum(CLOSE_OUTCOMES)
      .nullable()
      .meta({ description: 'How a closed case was closed (null: reopened)' }),
  })
  .meta({
    id: 'CaseNotice',
    description:
      'How the case ended or went on, as the agency may know it: `closed_by_central` (central closed it, withdrawing what was still open; its note stays central’s), `closed_satisfied` (the complainant said they were satisfied), `closed_unanswered` (the complainant’s reply window ended in silence), `reopened_unsatisfied` (the complainant was not satisfied with the answers and the case reopened to central, which may forward it again). Nothing of what happened after the assignment’s part ended without its doing the work (withdrawn, or redirected and settled)',
  });
export type CaseNotice = z.infer<typeof CaseNoticeSchema>;

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
        inheritedFrom: z.string().nullable().meta({
          description:
            'The redirected agency whose date it inherited (an agency reads null unless it is its own or a member unit’s)',
        }),
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
    delegatedAt: instant.nullable().meta({
      description:
        'Since when `delegatedTo` has held it (null when no unit does, or on a delegation recorded before this was kept)',
    }),
    due: TargetInstants,
    met: z.object({
      acknowledge: instant.nullable(),
      followUp: instant.nullable(),
      resolution: instant.nullable(),
    }),
    acknowledgedBy: z.string().nullable().meta({
      description:
        'The agency whose user confirmed receipt (`met.acknowledge`): the assignment’s own, its focal point’s coordinator, or the member unit holding it; an answer before any acknowledgement confirms it for the answering agency. Null until acknowledged, and on an acknowledgement recorded before this was kept (the timeline’s `assignment_acknowledged` event names who)',
    }),
    overdue: TargetFlags,
    nextDueAt: instant.nullable(),
    nextDueWorkingDaysLeft: z.int().nullable().optional().meta({
      description:
        'In lists (`GET /v1/queue`, `GET /v1/assignments`): the working days left before `nextDueAt` after today, on the agency’s holiday calendar in the assignment’s `timeZone`, by the API’s clock (0: today is its last working day). Null once it is overdue (`nextDueWorkingDaysLate`), while the clock is paused, and once nothing is due. Absent elsewhere',
    }),
    nextDueWorkingDaysLate: z.int().min(1).nullable().optional().meta({
      description:
        'In lists (`GET /v1/queue`, `GET /v1/assignments`): once `nextDueAt` has passed unmet, the working days it is late by, counted as the ladder’s letters count them (“terlambat N hari kerja”: up to the working day the API’s clock reads, one read on a day off counting the next). Null while it runs (`nextDueWorkingDaysLeft`), while the clock is paused, and once nothing is due. Absent elsewhere',
    }),
    escalationLevel: z.int(),
    monitoring: z.boolean().meta({
      description: 'The ladder reached central intervention and the agency has not caught up',
    }),
    paused: z.boolean(),
    pausedSince: instant.nullable(),
    generation: z.int(),
    redirect: z
      .object({
        reason: z.string(),
        suggestedAgencyId: z.string().nullable(),
        at: instant,
        settled: z.object({ at: instant, reason: z.string() }).nullable().meta({
          description:
            'Central settled the redirect without a re-forward (`POST …/withdraw` on it): the other agencies settle the complaint',
        }),
      })
      .nullable(),
    calendarWarnings: z.array(CalendarWarningSchema),
    agendaNumber: z.string().nullable().optional().meta({
      description:
        'In an agency’s queue (`GET /v1/queue`) and central’s worklist (`GET /v1/assignments`): its case’s agenda number, as the case page gives it (null before one is given). Absent elsewhere: read the case',
    }),
    caseNotice: orNull(CaseNoticeSchema).optional().meta({
      description:
        'In an agency’s queue (`GET /v1/queue`) and a case’s `assignments`: how its case ended or went on, as this assignment’s agency may know it (`CaseNotice`); null when nothing of the kind. Absent elsewhere (one assignment, an action’s answer, central’s worklist): read the case',
    }),
    createdAt: instant,
    updatedAt: instant,
    version: z.int(),
  })
  .meta({ id: 'Assignment' });
export type AssignmentView = z.infer<typeof AssignmentSchema>;

/** An extension request of one of the case's assignments, awaiting central's decision. */
export const CaseExtensionRequestSchema = ExtensionRequestSchema.pick({
  id: true,
  agencyId: true,
  workingDays: true,
  reason: true,
  requestedAt: true,
})
  .extend({
    proposedDueAt: ProposedDueAtField,
  })
  .meta({ id: 'CaseExtensionRequest' });

export const CaseSchema = z
  .object({
    id: z.string(),
    trackingCode: z.string().optional().meta({
      description:
        'The complainant’s credential for the tracking page and the reply: central only, never sent to an agency',
    }),
    status: z.enum(CASE_STATUSES).meta({
      description:
        'An agency whose part in the case ended without its doing the work (its assignments withdrawn, or redirected and settled) reads the status as it stood then, as its `closure` and `replyWindowClosesAt`: nothing the case did since (its timeline shows none of it either). A part central’s close ended ends with the close',
    }),
    // Issue 15: the unit's registration number, and the incoming letter (null for an agency
    // when the identity is hidden: the sender is usually the complainant).
    agendaNumber: z.string().nullable().meta({
      description: 'The unit’s registration (agenda) number, e.g. 17/DUMAS/III/2026',
    }),
    letter: orNull(LetterRefSchema),
    channel: z.enum(CHANNELS),
    receivedAt: instant,
    subject: z.string(),
    description: z.string().meta({
      description:
        'The complaint: an agency reads it as central restated it for the agencies when it did (`agencyDescription`)',
    }),
    agencyDescription: z.string().nullable().meta({
      description:
        'Central only: the complaint as central restated it for the agencies while verifying (null: they read `description`; always null for an agency)',
    }),
    complainant: orNull(ComplainantSchema),
    identityHidden: z.boolean(),
    confidential: z.boolean(),
    bulkMail: z.boolean().meta({
      description:
        'Central only (always false for an agency): an e-mail that came as bulk mail, relayed by a group or list (`List-Id`, `Precedence: list`) or sent by a mass-mail tool (`List-Unsubscribe`), likely no complaint; registered all the same and never sent a receipt. False on cases registered before it was kept',
    }),
    respondent: z.string().nullable(),
    location: orNull(LocationSchema),
    externalRef: orNull(ExternalRefSchema),
    imported: z
      .object({
        at: instant,
        rowKey: z.string().optional().meta({
          description:
            'Central only, never sent to an agency: it holds the sender and the subject as the register wrote them',
        }),
      })
      .nullable()
      .meta({
        description:
          'Set on a case that came from a spreadsheet import: when, and its row key; its dates are the register’s',
      }),
    classification: z
      .object({
        type: z.enum(COMPLAINT_TYPES),
        category: z.string().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
    assignments: z.array(AssignmentSchema).meta({
      description:
        'The case’s assignments (an agency: its own). Empty in a list of cases (`GET /v1/cases`), which shows cases, not their assignments: `agencyIds` says whom it went to; read the case for the rest',
    }),
    agencyIds: z
      .array(z.string())
      .meta({ description: 'Agencies the case was forwarded to (an agency sees only its own)' }),
    underMonitoring: z.boolean().meta({
      description:
        'A monitoring activity is planned or proposed (false in a list of cases: read the case)',
    }),
    verificationDueAt: instant,
    legalLimit: z.object({ at: instant, passed: z.boolean() }).nullable().meta({
      description:
        'The legal outer limit (Perpres 76/2013: the policy’s `legalLimitCalendarDays`, 60 calendar days, from a complete file: the receipt, or the acceptance after `needs_info`), end of that day WIB; `passed` while the case is still open after it. Null before the case is accepted (and on cases accepted before it was kept)',
    }),
    replyWindowClosesAt: instant.nullable().meta({
      description:
        'While the case is resolved and the complainant may still reply to its final answers: when that ends (the policy’s `replyWindowWorkingDays` from the last final answer). Unanswered by then, the case closes as resolved; null otherwise',
    }),
    overdue: z.boolean().meta({
      description:
        'A deadline still open has passed: the case’s or an assignment’s (an agency: one of its own assignments; false in a search hit, which reads none: read the case)',
    }),
    closure: z
      .object({ outcome: z.enum(CLOSE_OUTCOMES), note: z.string().nullable(), at: instant })
      .nullable(),
    infoRequest: z
      .object({
        missing: z.string().nullable(),
        requestedAt: instant,
        answeredAt: instant.optional().meta({
          description:
            'When an e-mail of the complainant last joined the case since (a reply, or a mail quoting the agenda number, from their address): central reads it on the timeline (`complainant_mail`) and decides',
        }),
      })
      .nullable()
      .meta({ description: 'While needs_info: what central asked the complainant to send' }),
    rejection: z
      .object({ reason: z.string().nullable(), note: z.string().nullable(), at: instant })
      .nullable()
      .meta({
        description:
          'Central only, once rejected: `reason`, what the complainant reads on the tracking page, and central’s own `note` (null on cases rejected before they were kept)',
      }),
    extensionRequests: z.array(CaseExtensionRequestSchema).meta({
      description:
        'The extension requests awaiting central’s decision, oldest first (an agency: those of its own assignments): at most one per open assignment in `assignments`, of its current forwarding. Read here, not worked out from the timeline. Empty in a list of cases (`GET /v1/cases`, a search): read the case',
    }),
    activities: z.array(ActivitySchema).meta({
      description: `The case’s monitoring activities, oldest first: every proposed or planned one (the escalation ladder proposes at most one per forwarding that reached central intervention; central plans the others), and of the reported or cancelled ones the latest ${CASE_CLOSED_ACTIVITIES} (\`earlierActivities\` says when there are more; central’s calendar, \`GET /v1/activities\`, lists them all). An agency sees only those held with it (it or a member unit among \`agencyIds\`). Empty in a list of cases (\`GET /v1/cases\`, a search): read the case`,
    }),
    earlierActivities: z.boolean().meta({
      description: `The case has reported or cancelled activities older than the ${CASE_CLOSED_ACTIVITIES} in \`activities\` (an agency: of those held with it; false in a list of cases)`,
    }),
    createdAt: instant,
    updatedAt: instant,
    version: z.int(),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof CaseSchema>;

export const ActorSchema = z
  .union([
    z.object({ sub: z.string(), agency: z.string(), role: z.enum(ROLES) }),
    z.object({ system: z.enum(['escalation', 'intake']) }),
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
    data: z.record(z.string(), z.unknown()).meta({
      description:
        'What the event changed, by type. `case_closed`: `outcome`; who closed it as a `CaseNotice` code, `code` (`closed_by_central`, `closed_satisfied`, `closed_unanswered`: events written since it was kept; the complainant’s “satisfied” wrote no `case_closed` before it, only its `complainant_replied` and `case_status_changed`), and for the complainant’s “satisfied” and the reply window’s end `reason`, the same in Indonesian (the reply window’s earlier ones wrote it in English). A close’s `assignment_withdrawn`: `code` `closed_by_central`, its `outcome` and `reason` in Indonesian (never central’s note); central withdrawing one assignment: its `reason` as typed',
    }),
  })
  .meta({ id: 'TimelineEvent' });

export const TimelineQuery = PageQuery.extend({
  order: z.enum(['oldest', 'newest']).default('oldest').meta({
    description:
      'Which end the pages start from: `oldest` (the default) or `newest` (the latest events first, as the console shows them; a cursor goes on in the order it was given in)',
  }),
  agencyId: AgencyIdSchema.optional().meta({
    description:
      'Only the events of this agency’s assignment (its answers, its deadlines), as the reader may read them',
  }),
  type: z.enum(EVENT_TYPES).optional().meta({
    description:
      'Only events of this type, e.g. `response_submitted`: an agency’s answers. Filtered as read, so a page may hold fewer than `limit` and go on with its cursor',
  }),
});
export type TimelinePageRequest = z.infer<typeof TimelineQuery>;

export const CaseListQuery = PageQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  agencyId: AgencyIdSchema.optional(),
  overdue: booleanQuery.optional(),
  order: z.enum(['newest', 'oldest']).default('newest').meta({
    description:
      'By the day received: `newest` first (the default) or `oldest` first. For cases still to verify or to forward that is their deadline’s order (3 working days from receipt) when they were registered as they came; an imported case, or one accepted after `needs_info`, counts its deadline from later. A cursor goes on in the order it is given with',
  }),
});
/** The query as read (`order` defaults to newest first, so a caller in code may leave it out). */
export type CaseListFilter = Omit<z.infer<typeof CaseListQuery>, 'order'> & {
  readonly order?: z.infer<typeof CaseListQuery>['order'] | undefined;
};
