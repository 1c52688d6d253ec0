/** Reporting: response-rate statistics and the letters sent. */
import { z } from 'zod';
import { LETTER_FAILURES, LETTER_VOID_REASONS, NOTIFICATION_STATUSES } from '../notification.ts';
import { TARGETS } from '../policy.ts';
import { LadderStepSchema } from './policy.ts';
import { booleanQuery, calendarDate, instant, text } from './fields.ts';
import { AgencyIdSchema, PageQuery } from './common.ts';
export const StatsQuery = z.object({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  agencyId: AgencyIdSchema.optional(),
});
export type StatsPeriod = z.infer<typeof StatsQuery>;

const AgencyStatsSchema = z.object({
  agencyId: z.string(),
  assigned: z.int(),
  redirected: z.int(),
  withdrawn: z.int().meta({
    description:
      'Withdrawn by central (or by closing the case) before the follow-up fell due, unanswered: out of the sample, as `redirected` is. Counted since this field was added (older counters are not backfilled)',
  }),
  responded: z.int(),
  respondedOnTime: z.int(),
  acknowledged: z.int().meta({
    description:
      'The acknowledgement target was met (an acknowledgement, or a follow-up that met it), in the sample: one that then left it ("not ours", withdrawn in time) is not counted. Those of assignments forwarded before this field are added by the upgrade job (version 4)',
  }),
  acknowledgedOnTime: z.int().meta({
    description: 'Acknowledged by the acknowledgement deadline (3 working days by default)',
  }),
  completed: z.int(),
  responseRate: z
    .number()
    .nullable()
    .meta({ description: 'responded / (assigned − redirected − withdrawn)' }),
  onTimeRate: z
    .number()
    .nullable()
    .meta({ description: 'respondedOnTime / (assigned − redirected − withdrawn)' }),
  acknowledgeOnTimeRate: z
    .number()
    .nullable()
    .meta({ description: 'acknowledgedOnTime / (assigned − redirected − withdrawn)' }),
  medianWorkingDaysToFirstResponse: z.int().nullable(),
  belowMinimumSample: z.boolean(),
  rank: z.int().nullable().meta({
    description:
      '1 = best response rate, then on-time rate; equal on both share a rank (1, 1, 3). Null below the minimum sample, and for every agency when fewer than two reach it (a ranking of one would call an agency best at any rate, 0 % included)',
  }),
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

/**
 * Strict, unlike the other lists' queries: a filter it does not know (a misspelt one, another
 * list's) is a 400 naming it, never answered with every letter as though it had filtered.
 */
export const NotificationsQuery = z.strictObject({
  ...PageQuery.shape,
  caseId: z.string().min(1).max(64).optional().meta({
    description:
      'One case’s letters, oldest first (an agency’s coordinator with no `agencyId`: its own agency’s, then each of its member units’)',
  }),
  agencyId: AgencyIdSchema.optional(),
  since: instant.optional().meta({
    description:
      'Only letters written after this instant (`createdAt`, what arrived since a visit), however long before it they fell due',
  }),
  cancelled: booleanQuery.optional().meta({
    description:
      '`false`: leave out the letters cancelled (never sent, as what they said no longer held when their time came), as the unread badge counts; `true`: only those',
  }),
  status: z.enum(NOTIFICATION_STATUSES).optional().meta({
    description:
      'Only the letters in this status: `failed`, given up: they did not reach their agency (those marked handled too); `pending`, waiting to be sent (held for letter hours, or a refused one’s retry); `sent`; `cancelled`, never sent (as `cancelled=true`)',
  }),
  step: LadderStepSchema.shape.name.optional().meta({
    description:
      'Only the letters of this step, as each letter names it (`step`): a ladder step’s name in its policy (`warning`, `reminder_1`, `reminder_2`, `formal_warning`, `central_intervention` by default), `forwarding`, `invitation`, `invitation_moved` or `invitation_cancelled`',
  }),
  from: calendarDate.optional().meta({
    description:
      'Only the letters dated on or after this day: the date a letter bears (`datedOn`, the working day a ladder letter goes out, in its agency’s zone; a letter that has none, the day it was written in WIB, as the forwarding and invitation letters are dated). A letter written at 00:00 on Saturday goes out, and is dated, on Monday: it is Monday’s',
  }),
  to: calendarDate.optional().meta({
    description: 'Only the letters dated on or before this day (as `from`); not before `from`',
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
    status: z.enum(NOTIFICATION_STATUSES),
    subject: z.string(),
    body: z.string(),
    scheduledAt: instant,
    createdAt: instant,
    sentAt: instant.nullable(),
    attempts: z.int(),
    /** Why the last delivery attempt failed (null once sent, or before any attempt failed). */
    lastError: z.string().nullable(),
    failure: z.enum(LETTER_FAILURES).nullable().meta({
      description:
        'Why a failed letter did not reach its agency, from the mailer’s words: no_address, written to no one (a contact its step needs is missing); address_refused, the receiving server refused the address (no such mailbox or domain: correct it); mailer, refused otherwise. Null unless `failed`',
    }),
    refused: z.enum(LETTER_FAILURES).nullable().meta({
      description:
        'A queued letter the mailer refused at its last attempt, to be tried again from `sendsAt`: why, as `failure` says it (after its last attempt it is `failed`). Null otherwise',
    }),
    // Issue 15: letters written since then are PDF documents with a number.
    letterNumber: z.string().nullable(),
    datedOn: calendarDate.nullable().meta({
      description:
        'The date a ladder letter bears (the working day it goes out, in the agency’s zone; its e-mail’s "Tanggal:" and its PDF’s date), which may be after `createdAt` (written at 00:00 on a Saturday, dated Monday). Null on other letters and on ladder letters written before it was kept',
    }),
    pdf: z.boolean().meta({ description: 'GET /v1/cases/{caseId}/letters/{id}/pdf renders it' }),
    sendsAt: instant.nullable().meta({
      description:
        'A queued letter held until then: letter hours (08:00 to 16:00 local, working days) for a ladder letter written outside them, or a refused one’s retry. Null once sent or failed',
    }),
    cancelled: z
      .object({
        at: instant,
        reason: z.enum(LETTER_VOID_REASONS).meta({
          description:
            'targets_met: every target it names was met; not_overdue: its deadline moved (an extension); deadline_passed: a warning of a deadline gone by; deadline_moved: a warning whose every deadline moved since it was written (an extension, a holiday, a resume: the new one is warned of in its turn); paused: its clock was paused; ended: its assignment ended',
        }),
      })
      .nullable()
      .meta({
        description:
          'A letter held for letter hours that no longer held when they came: not sent, and why',
      }),
    handled: z
      .object({
        at: instant,
        note: z
          .string()
          .nullable()
          .meta({ description: 'How (central’s own note: null when an agency reads it)' }),
      })
      .nullable()
      .meta({
        description:
          'A failed letter central marked handled without sending it again, and how (it leaves the list of failed letters)',
      }),
    refusedAddresses: z.array(z.object({ address: z.string(), reason: z.string() })).meta({
      description:
        'The addresses the mail service refused at the last attempt, each with its words. A `sent` letter went to its other addresses (`recipients`, `cc`) and is on central’s list of failed letters until marked handled; a queued or failed one was refused at every To address. Empty when none was',
    }),
    reached: z.array(z.string()).meta({
      description:
        'A letter sent with addresses refused that central sent again: those of its addresses it reached before (the first time it went), which it did not go to again; `recipients` and `cc` are those it goes to now. Empty on every other letter',
    }),
  })
  .meta({ id: 'Notification' });

export const FailedLettersQuery = PageQuery.extend({
  agencyId: AgencyIdSchema.optional().meta({
    description: 'One agency’s failed letters only (central works through them agency by agency)',
  }),
});
export type FailedLettersFilter = z.infer<typeof FailedLettersQuery>;

export const FailedLetterGroupSchema = z
  .object({
    agencyId: z.string(),
    count: z.int().min(1).meta({ description: 'Its failed letters not yet handled' }),
    firstAt: instant.meta({ description: 'When the oldest of them was written' }),
    latestAt: instant.meta({ description: 'When the newest of them was written' }),
    failure: z
      .enum(LETTER_FAILURES)
      .meta({ description: 'Why the newest failed (see `Notification.failure`)' }),
    addresses: z.array(z.string()).meta({
      description:
        'The addresses the newest went to, To and Cc, but central’s own (a central intervention goes to central, copying the agency): none when it was written to no one',
    }),
    lastError: z.string().nullable().meta({ description: 'The mailer’s words on the newest' }),
    latestFailed: z.boolean().meta({
      description:
        'The agency’s latest letter that was tried (sent or failed; not one queued or cancelled) failed: no letter reaches it now. False once a later one went (its address corrected), though older failed ones wait here',
    }),
    addressUnchanged: z.boolean().meta({
      description:
        'An address the newest failed at is still a contact of the agency or its focal point: sent again now, it would go there again',
    }),
  })
  .meta({ id: 'FailedLetterGroup' });

export const FailedLetterGroupsSchema = z
  .object({
    items: z.array(FailedLetterGroupSchema),
    complete: z.boolean().meta({
      description:
        'Every failed letter was counted; false past the bound one read holds (2,000 letters): the counts are of the oldest',
    }),
  })
  .meta({ id: 'FailedLetterGroups' });
export type FailedLetterGroupsView = z.infer<typeof FailedLetterGroupsSchema>;

export const DismissLetterBody = z
  .strictObject({
    note: text(1_000).meta({
      description:
        'How the letter was handled instead: delivered another way, or why it is no longer needed',
    }),
  })
  .meta({ id: 'DismissLetter' });
export type DismissLetterInput = z.infer<typeof DismissLetterBody>;
export type NotificationView = z.infer<typeof NotificationSchema>;
