/**
 * SES's events about a letter after it accepted it, as Pantau reads them. SES accepts a letter to
 * a wrong address (`SesMailer` records it `sent`) and reports the receiving server's refusal
 * minutes later: the configuration set publishes it on the default event bus, and
 * functions/ses-events.ts hands it here, so the letter is recorded `failed` as a refused send is
 * embedded. No AWS SDK here: the function that parses the event needs none.
 */
import type { LetterBounce, LetterBounceOutcome, RefusedAddress } from '@pantau/core';
// zod's small build: the function parses only SES's event (BENCHMARKS, "Cold start").
import * as z from 'zod/mini';
import { type BusinessMetrics, METRIC, noMetrics } from './metrics.ts';

/**
 * The message tags `SesMailer` puts on each letter, which SES's events carry back
 * (`detail.mail.tags`): the letter's key (its case and id) and its agency (the configuration
 * set's CloudWatch dimension). A complainant's receipt carries none.
 */
export const LETTER_TAGS = {
  notification: 'notification',
  case: 'case',
  agency: 'agency',
} as const;

/** SES's `source` on the event bus. */
export const SES_EVENT_SOURCE = 'aws.ses';

/**
 * The events of a letter that reached no mailbox, by `detail-type` (EventBridge's list of SES
 * events): a bounce (the receiving server refused it; only a permanent one fails the letter)
 * and a reject (SES found a virus and sent nothing). Not a complaint: that letter was delivered,
 * and its reader marked it as spam.
 */
export const SES_UNDELIVERED = { bounce: 'Email Bounced', reject: 'Email Rejected' } as const;

/** The fields of the event Pantau reads; SES sends more (commonHeaders, feedbackId, MTAs). */
const SesEvent = z.object({
  source: z.literal(SES_EVENT_SOURCE),
  'detail-type': z.string().check(z.minLength(1)),
  detail: z.object({
    mail: z.object({
      // When SES accepted the message: which send of the letter bounced.
      timestamp: z.iso.datetime({ offset: true }),
      tags: z._default(z.record(z.string(), z.array(z.string())), {}),
      // The first headers of the message, unless truncated: the case's id for a letter sent
      // before its tags named it.
      headers: z.optional(z.array(z.object({ name: z.string(), value: z.string() }))),
    }),
    bounce: z.optional(
      z.object({
        bounceType: z.string().check(z.minLength(1)),
        bounceSubType: z.optional(z.string()),
        bouncedRecipients: z.array(
          z.object({
            emailAddress: z.string(),
            status: z.optional(z.string()),
            diagnosticCode: z.optional(z.string()),
          }),
        ),
      }),
    ),
    reject: z.optional(z.object({ reason: z.optional(z.string()) })),
  }),
});
type SesEvent = z.infer<typeof SesEvent>;

/** What a permanent bounce's subtype says when a recipient carries no diagnostic of its own. */
const SUBTYPE_WORDS: Partial<Record<string, string>> = {
  NoEmail: 'no such mailbox',
  Suppressed: 'on SES’s global suppression list (it bounced recently as an invalid address)',
  OnAccountSuppressionList: 'on this account’s suppression list (a letter to it bounced before)',
};

/**
 * The letter's `lastError`, as a refused send's reads (the mailer's words, for an operator): each
 * address refused and the receiving server's diagnostic. It says "address rejected", so the
 * letter's `failure` is `address_refused` (`letterFailureOf`): a permanent bounce is the
 * address's, and SES keeps the address on the account's suppression list, so every letter to it
 * bounces until it is corrected (or taken off the list).
 */
function bounceError(bounce: NonNullable<SesEvent['detail']['bounce']>): string {
  const kind = [bounce.bounceType, bounce.bounceSubType].filter(Boolean).join('/');
  const refused = bouncedAddresses(bounce).map((r) => `${r.address}: ${r.reason}`);
  return `address rejected by the receiving server after SES accepted the letter (bounce ${kind}): ${refused.join('; ')}`;
}

/** Each address a bounce refused, with the receiving server's words (`LetterBounce.refused`). */
function bouncedAddresses(bounce: NonNullable<SesEvent['detail']['bounce']>): RefusedAddress[] {
  const kind = [bounce.bounceType, bounce.bounceSubType].filter(Boolean).join('/');
  return bounce.bouncedRecipients.map((r) => {
    const why =
      r.diagnosticCode ??
      (r.status ? `status ${r.status}` : (SUBTYPE_WORDS[bounce.bounceSubType ?? ''] ?? kind));
    return { address: r.emailAddress, reason: why.replace(/\s+/g, ' ').trim() };
  });
}

/** A reject's: SES sent nothing (`failure` `mailer`, the mail service's refusal). */
const rejectError = (reject: NonNullable<SesEvent['detail']['reject']>): string =>
  `rejected by SES before delivery, sent to no one (it found a virus in the message): ${reject.reason ?? 'no reason given'}`;

/** Why an event fails no letter. */
export type IgnoredReason =
  /** Not a bounce nor a reject (a delivery, a complaint, a delay: the rule takes none of them). */
  | 'not_undelivered'
  /** No `notification` tag: a complainant's receipt, or mail SesMailer did not send. */
  | 'not_a_letter'
  /** A letter's, but neither a `case` tag nor the `X-Pantau-Case` header names its case. */
  | 'no_case'
  /** The address may take mail again (a full mailbox, a message too large): not the address's failure. */
  | 'transient_bounce';

export type SesEventResult =
  | { readonly outcome: 'ignored'; readonly reason: IgnoredReason }
  | {
      readonly outcome: LetterBounceOutcome;
      readonly notificationId: string;
      readonly caseId: string;
      readonly agencyId: string | undefined;
    };

export interface SesEventDeps {
  /** Records the bounce on the letter (`Service.recordLetterBounce`). */
  readonly record: (bounce: LetterBounce) => Promise<LetterBounceOutcome>;
  readonly metrics?: BusinessMetrics | undefined;
  readonly logger?: SesEventLogger | undefined;
}

/** Where the lines go (Powertools' Logger on Lambda). */
export interface SesEventLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

/**
 * One SES event: a letter's permanent bounce or reject recorded on the letter (`failed`), counted
 * in `LettersFailed` as a letter given up at sending is. Anything else is ignored and said why;
 * an event for a letter not in this table (`unknown`) throws nothing either. Only a thing that is
 * not an SES event at all throws, so a wrong rule shows in the function's errors. Log lines carry
 * ids only: never an address or the server's words, which name one.
 */
export async function onSesEvent(event: unknown, deps: SesEventDeps): Promise<SesEventResult> {
  const parsed = SesEvent.parse(event);
  const { detail } = parsed;
  const type = parsed['detail-type'];
  const bounce = type === SES_UNDELIVERED.bounce ? detail.bounce : undefined;
  const reject = type === SES_UNDELIVERED.reject ? detail.reject : undefined;
  if (!bounce && !reject) return { outcome: 'ignored', reason: 'not_undelivered' };
  const tag = (name: string) => detail.mail.tags[name]?.[0];
  const notificationId = tag(LETTER_TAGS.notification);
  if (!notificationId) return { outcome: 'ignored', reason: 'not_a_letter' };
  const agencyId = tag(LETTER_TAGS.agency);
  // Letters sent before they carried a `case` tag name it in a header.
  const caseId =
    tag(LETTER_TAGS.case) ??
    detail.mail.headers?.find((h) => h.name.toLowerCase() === 'x-pantau-case')?.value;
  const ids = { notificationId, caseId, agencyId };
  if (!caseId) {
    deps.logger?.warn('SES reported a letter undelivered that names no case: not recorded', ids);
    return { outcome: 'ignored', reason: 'no_case' };
  }
  if (bounce && bounce.bounceType !== 'Permanent') {
    // SES reports a soft bounce only once it has stopped retrying, so this letter did not
    // arrive; but the address is right and stays off the suppression list, and the next letter
    // may well arrive. Recorded failed it would tell central to correct an address that is
    // correct, and flag the agency as one no letter reaches. Counted in the configuration set's
    // per-agency Bounce metric, and logged here.
    deps.logger?.warn('letter bounced for now (not permanent): left as sent', {
      ...ids,
      bounceType: bounce.bounceType,
      bounceSubType: bounce.bounceSubType,
    });
    return { outcome: 'ignored', reason: 'transient_bounce' };
  }
  const error = bounce ? bounceError(bounce) : rejectError(reject ?? {});
  const outcome = await deps.record({
    caseId,
    notificationId,
    acceptedAt: detail.mail.timestamp,
    error,
    ...(bounce ? { refused: bouncedAddresses(bounce) } : {}),
  });
  const fields = {
    ...ids,
    event: type,
    ...(bounce ? { bounceSubType: bounce.bounceSubType } : {}),
    outcome,
  };
  if (outcome === 'recorded') {
    (deps.metrics ?? noMetrics).count(METRIC.lettersFailed, 1);
    deps.logger?.error(
      'letter undelivered after SES accepted it: recorded failed for central',
      fields,
    );
  } else if (outcome === 'copy_refused')
    // Not `LettersFailed`: the letter reached its To; central's list has the copy that did not.
    deps.logger?.warn(
      'a copy of a letter bounced after SES accepted it: the letter stays sent, the address recorded for central',
      fields,
    );
  else deps.logger?.info('SES reported a letter undelivered: nothing to record', fields);
  return { outcome, notificationId, caseId, agencyId };
}
