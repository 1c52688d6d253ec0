/**
 * Assignments: queue and worklist queries, extensions, pauses, delegation, the deadlines view;
 * what an agency sends on one (its acknowledgement, answer, "not ours"), and central's taking
 * one back.
 */
import { z } from 'zod';
import { DAY_KINDS } from '../calendar.ts';
import { LETTER_FAILURES, LETTER_VOID_REASONS, NOTIFICATION_STATUSES } from '../notification.ts';
import { COMPLAINT_TYPES, TARGETS } from '../policy.ts';
import { booleanQuery, forwardingGeneration, instant, text } from './fields.ts';
import { AgencyIdSchema, PageQuery, TimeZoneSchema } from './common.ts';
import { ASSIGNMENT_STATES, isOpenState, RESPONSE_KINDS } from '../vocabulary.ts';
/** `delegatedTo=none` in the queue's query: the assignments no member unit holds. */
export const NO_MEMBER_UNIT = 'none';
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
    description:
      'Only assignments forwarded after this instant, or delegated to a member unit after it (what arrived since a visit)',
  }),
  delegatedTo: z
    .union([z.literal(NO_MEMBER_UNIT), AgencyIdSchema])
    .optional()
    .meta({
      description:
        'A focal point’s coordinator’s: only its assignments delegated to this member unit (`none`: those no member unit holds, never delegated or taken back). With `scope=own` only (member units’ own assignments are delegated by no one). Anyone else’s request, or a unit that is not a member unit now, is a 400 `validation_failed`; an officer’s, as with `scope=members`, a 403',
    }),
});
/**
 * The worklist's filters that cannot hold together, each as the field it refuses and why (the
 * list's rows, its sentence in the console and its file's note would otherwise say different
 * things: "due within 2 working days" beside "overdue" listed the overdue, and beside "newly
 * overdue" was dropped). "Due within" lists what is not overdue yet; "newly overdue" and "overdue
 * on a target" list the overdue; a redirected assignment awaiting a re-forward, or any ended
 * one, has no deadline running. Together, compatible filters all apply (newly overdue on one
 * target: both). The console offers none of these, so only a typed URL or a client meets them.
 */
export function worklistFilterConflicts(f: {
  readonly state?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly target?: string | undefined;
  readonly dueWithin?: number | undefined;
  readonly newlyOverdue?: boolean | undefined;
  readonly newlyOverdueSince?: string | undefined;
  readonly awaitingReforward?: boolean | undefined;
}): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const refuse = (path: string, message: string) => {
    if (!found.some((c) => c.path === path)) found.push({ path, message });
  };
  const newly = f.newlyOverdue ? 'newlyOverdue' : f.newlyOverdueSince ? 'newlyOverdueSince' : '';
  const overdueList = newly || (f.target ? 'target' : f.overdue === true ? 'overdue=true' : '');
  if (f.newlyOverdue && f.newlyOverdueSince)
    refuse('newlyOverdueSince', 'newlyOverdue sets its own bound: give one or the other');
  if (f.dueWithin !== undefined && overdueList)
    refuse('dueWithin', `lists what is not overdue yet: not with ${overdueList}`);
  if (f.overdue === false && (newly || f.target))
    refuse('overdue', `false contradicts ${newly || 'target'}, which lists overdue assignments`);
  if (f.awaitingReforward && f.state && f.state !== 'redirected')
    refuse('state', 'awaitingReforward lists redirected assignments only');
  const ended = f.awaitingReforward
    ? 'awaitingReforward'
    : f.state && !isOpenState(f.state)
      ? `state=${f.state}`
      : '';
  if (ended) {
    const running = `an ended assignment (${ended}) has no deadline running`;
    if (f.dueWithin !== undefined) refuse('dueWithin', running);
    if (f.newlyOverdue) refuse('newlyOverdue', running);
    if (f.newlyOverdueSince) refuse('newlyOverdueSince', running);
    // An ended state with "overdue" is an empty list, as an agency's queue answers it.
    if (f.awaitingReforward && f.overdue === true) refuse('overdue', running);
    if (f.awaitingReforward && f.target) refuse('target', running);
  }
  return found;
}

const refuseConflicts = (
  f: Parameters<typeof worklistFilterConflicts>[0],
  ctx: z.RefinementCtx,
): void => {
  for (const { path, message } of worklistFilterConflicts(f))
    ctx.addIssue({ code: 'custom', path: [path], message, input: f });
};

const WorklistFilters = PageQuery.extend({
  agencyId: AgencyIdSchema.optional(),
  state: z.enum(ASSIGNMENT_STATES).optional(),
  overdue: booleanQuery.optional(),
  target: z.enum(TARGETS).optional(),
  dueWithin: z.coerce.number().int().min(0).max(250).optional(),
  /** Became overdue at or after this instant (its soonest open deadline passed since). */
  newlyOverdueSince: instant.optional(),
  newlyOverdue: booleanQuery.optional().meta({
    description:
      'Became overdue since the previous working day began (WIB, the calendar’s working days: on a Monday, Friday’s deadlines), by the API’s clock (the server’s time, not the caller’s)',
  }),
  /** Redirected ("not ours") and not yet answered by a re-forward of the case. */
  awaitingReforward: booleanQuery.optional().meta({
    description: 'Redirected ("not ours") assignments whose case has not been forwarded again',
  }),
  type: z.enum(COMPLAINT_TYPES).optional(),
  monitoring: booleanQuery.optional(),
});
export const WorklistQuery = WorklistFilters.superRefine(refuseConflicts);
export type QueueFilter = z.infer<typeof QueueQuery>;
export type WorklistFilter = z.infer<typeof WorklistQuery>;
/** The worklist as a file: the same filters, every page of them (no cursor, page size, total). */
export const WorklistExportQuery = WorklistFilters.omit({
  limit: true,
  cursor: true,
  total: true,
}).superRefine(refuseConflicts);
export type WorklistExportFilter = z.infer<typeof WorklistExportQuery>;

export const ExtensionRequestBody = z
  .strictObject({
    workingDays: z.int().min(1).max(60),
    reason: text(2_000),
    generation: forwardingGeneration('request'),
  })
  .meta({ id: 'ExtensionRequestBody' });
export type ExtensionRequestInput = z.infer<typeof ExtensionRequestBody>;

export const ExtensionDecisionBody = z
  .strictObject({
    approve: z.boolean(),
    note: text(2_000).optional().meta({
      description:
        'Why, or on what terms, in words the agency reads: kept on the request and on the decision’s timeline event (`data.note`), which the agency reads',
    }),
  })
  .meta({ id: 'ExtensionDecision' });
export type ExtensionDecisionInput = z.infer<typeof ExtensionDecisionBody>;

export const ExtensionRequestSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    agencyId: z.string(),
    workingDays: z.int(),
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'refused', 'lapsed']).meta({
      description:
        '`lapsed`: the assignment ended (answered, redirected, withdrawn) before a decision',
    }),
    requestedAt: instant,
    decidedAt: instant.nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ExtensionRequest' });
export type ExtensionRequestView = z.infer<typeof ExtensionRequestSchema>;

/** A request awaiting a decision: the deadline its approval would give (desk and case). */
export const PROPOSED_DUE_AT =
  'The assignment’s soonest unmet deadline as it would be if central approved the request now: its `workingDays` added as the approval adds them, on the agency’s holiday calendar in its zone (ends the agency’s day). Null while the clock is paused: no deadline runs until it resumes';
export const ProposedDueAtField = instant.nullable().meta({ description: PROPOSED_DUE_AT });

export const PauseBody = z
  .strictObject({
    reason: text(2_000),
    askComplainant: text(2_000).optional().meta({
      description:
        'What the complainant is asked to send, in words they read: their tracking page shows it under the agency’s name while the clock stands, with the complaint unit’s address to send it to (not on a confidential report, which shows its status only). Without it the page says nothing of the pause; `reason` is never shown there',
      example: 'Fotokopi surat tanda lapor kehilangan',
    }),
    generation: forwardingGeneration('pause'),
  })
  .meta({ id: 'Pause' });
export const ResumeBody = z.strictObject({}).meta({ id: 'Resume' });

/** Why a delegation is refused (`memberId`): the unit is not, or no longer, a member unit. */
export const NOT_A_MEMBER_UNIT =
  'not a member unit of the assigned agency (an admin may have moved it): choose another';

export const DelegateBody = z
  .strictObject({
    memberId: AgencyIdSchema.nullable(),
    note: text(2_000).optional(),
    from: AgencyIdSchema.nullable().optional().meta({
      description:
        'The coordinator’s: the member unit the page showed holding the assignment (null: none). If another coordinator delegated it or took it back since, 409 `version_conflict` and nothing changes: read it again (without it the delegation replaces whoever holds it; a request for what the assignment already is answers it as it is)',
    }),
  })
  .meta({ id: 'Delegate' });
export type DelegateInput = z.infer<typeof DelegateBody>;

const LadderStepView = z.object({
  id: z.string(),
  step: z.string(),
  action: z.string(),
  at: instant,
  datedOn: z.string().nullable().meta({
    description:
      'The working day its letter goes out and bears (YYYY-MM-DD, in the agency’s zone): letters go in letter hours (08:00 to 16:00 on a working day), so a step at 00:00, or on a Saturday or a holiday, goes that working day or the next, at 08:00 or a few minutes after, at no hour it can name. Null on a letter written before it was kept',
  }),
  targets: z.array(z.enum(TARGETS)),
  level: z.int(),
  letter: z
    .object({
      status: z.enum(NOTIFICATION_STATUSES),
      failure: z.enum(LETTER_FAILURES).nullable(),
      refused: z.enum(LETTER_FAILURES).nullable().meta({
        description:
          'A queued letter the mailer refused at its last attempt: why; it is tried again from `sendsAt`',
      }),
      sendsAt: instant.nullable().meta({
        description:
          'A queued letter: when it goes (letter hours, or a refused one’s retry). Null otherwise',
      }),
      handled: z
        .boolean()
        .meta({ description: 'A failed letter central marked handled without sending it again' }),
      cancelled: z.enum(LETTER_VOID_REASONS).nullable(),
      refusedAddresses: z.array(z.string()).meta({
        description:
          'A letter sent (`sent`) that did not reach these addresses: the mail service refused them by name (an intervention goes to central, copied to the agency: its copy may be refused alone). Empty otherwise',
      }),
    })
    .nullable()
    .meta({
      description:
        'A step taken: how its letter stands (a step whose letter failed reached no one: `failure` says why, as on the letter). Null on a step to come',
    }),
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
        workingDaysLeft: z.int().min(0).nullable().meta({
          description:
            'While it runs (unmet, not overdue, the clock not paused): the working days left after today up to and including its last working day (0 on that day), on its calendar in its zone, by the API’s clock, as `nextDueWorkingDaysLeft` counts them in the lists. Null otherwise',
        }),
        workingDaysLate: z.int().min(1).nullable().meta({
          description:
            'While `overdue`: the working days it is late by, counted as the ladder’s letters count them (“terlambat N hari kerja”), by the API’s clock. Null otherwise',
        }),
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

// ---- what an agency does with an assignment, and central's taking one back ------------

export const RedirectBody = z
  .strictObject({
    reason: text(2_000),
    suggestedAgencyId: AgencyIdSchema.optional(),
    generation: forwardingGeneration('redirect'),
  })
  .meta({ id: 'Redirect' });
export type RedirectInput = z.infer<typeof RedirectBody>;

/** Central takes an assignment back (forwarded by mistake, or its agency dissolved). */
export const WithdrawBody = z
  .strictObject({
    reason: text(2_000).meta({
      description: 'Why, in words the agency and the timeline will read',
    }),
  })
  .meta({ id: 'Withdraw' });
export type WithdrawInput = z.infer<typeof WithdrawBody>;

export const ResponseBody = z
  .strictObject({
    kind: z.enum(RESPONSE_KINDS),
    message: text(20_000),
    generation: forwardingGeneration('answer'),
  })
  .meta({ id: 'AgencyResponse' });
export type ResponseInput = z.infer<typeof ResponseBody>;

export const AcknowledgeBody = z.strictObject({}).meta({ id: 'Acknowledge' });
