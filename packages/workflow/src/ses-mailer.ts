/**
 * SES sends the letters and the complainants' e-mailed receipts. Its own entry point
 * (`@pantau/workflow/ses-mailer`), re-exported by no other module: the ladder's Tick and sweep
 * import it with the first letter they send (functions/letters-ses.ts), so SES's client is not
 * part of their cold start.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import {
  AddressesRefused,
  type ComplainantMailer,
  type ComplainantMessage,
  letterReplyTo,
  type Mailer,
  type NotificationRecord,
} from '@pantau/core';
import { letterMessage, replyMessage } from '@pantau/documents';
import { LETTER_TAGS } from './ses-events.ts';

export interface SesMailerProps {
  readonly client: SESv2Client;
  /** The From address; its address or domain must be a verified SES identity. */
  readonly fromAddress: string;
  /** SES configuration set (reputation metrics, suppression, event destinations). */
  readonly configurationSetName?: string;
  /**
   * The letters' `Reply-To`: the mailbox the unit reads, where an agency's answer by e-mail
   * goes (`fromAddress` may receive nothing). None: the unit's e-mail its document settings
   * named when the letter was written (`letterReplyTo`), or no `Reply-To`. A receipt's is its own.
   */
  readonly replyTo?: string;
}

// SES rejects the whole message for a header value outside printable ASCII or a tag value
// outside [A-Za-z0-9_-]. Ids are ULIDs and agency ids [a-z0-9-], so these only guard.
const headerValue = (value: string): string => value.replace(/[^\x20-\x7e]/g, '?');
const tagValue = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * A letter's message tags (`LETTER_TAGS`): SES's events carry them back, so a bounce minutes
 * after the send finds its letter by its key (case and id; ses-events.ts), and the
 * configuration set's metrics count it per agency.
 */
const letterTags = (n: NotificationRecord) => [
  { Name: LETTER_TAGS.notification, Value: tagValue(n.id) },
  { Name: LETTER_TAGS.case, Value: tagValue(n.caseId) },
  { Name: LETTER_TAGS.agency, Value: tagValue(n.agencyId) },
];

/**
 * An address SES takes in a message: ASCII, no space, quote or bracket in its local part (at
 * most 64 characters), a domain of two or more labels of letters, digits and inner hyphens.
 * Stricter than RFC 5321 (a quoted local part is left out): a contact's address is checked so
 * when saved (`z.email()`), so only an older one fails here.
 */
const SES_ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * SES's sandbox refusing a message for addresses not verified (`MessageRejected`: "Email address
 * is not verified. The following identities failed the check in region …: a@x, b@y"), as the
 * letter's addresses it names; undefined for any other error.
 */
function unverifiedOf(error: unknown, n: NotificationRecord): AddressesRefused | undefined {
  if (!(error instanceof Error) || error.name !== 'MessageRejected') return undefined;
  const listed = /failed the check in region [^:]*:\s*(.+)$/i.exec(error.message)?.[1];
  if (!listed) return undefined;
  const named = new Set(listed.split(/[,\s]+/).map((a) => a.toLowerCase()));
  const refused = [...n.recipients, ...n.cc].filter((a) => named.has(a.toLowerCase()));
  return refused.length > 0
    ? new AddressesRefused(
        refused.map((address) => ({
          address,
          reason: 'not verified in SES (its sandbox sends only to verified addresses)',
        })),
      )
    : undefined;
}

/**
 * Sends letters with SES (v2 `SendEmail`, simple content, UTF-8 text). SES has no idempotency
 * key, so a repeat after a crash between sending and recording it sends the letter again; the
 * notification id travels in an `X-Pantau-Notification` header and in the `notification` message
 * tag (SES event destinations carry it), so a duplicate is traceable to one letter. SES accepting
 * a letter is not its delivery: a bounce reported later fails it (ses-events.ts).
 */
export class SesMailer implements Mailer, ComplainantMailer {
  private readonly client: SESv2Client;
  private readonly fromAddress: string;
  private readonly configurationSetName: string | undefined;
  private readonly replyTo: string | undefined;

  constructor(props: SesMailerProps) {
    this.client = props.client;
    this.fromAddress = props.fromAddress;
    this.configurationSetName = props.configurationSetName;
    this.replyTo = props.replyTo;
  }

  /**
   * SES refuses a whole message for one address it will not take: an illegal one (`Illegal
   * address`, which names none) or, in the sandbox, one not verified. Both are thrown as
   * `AddressesRefused`, naming them, so the letter goes to its other addresses
   * (`sendClaimed`): an address SES would find illegal is refused here, before it is asked.
   * An address SES accepts and the receiving server refuses bounces later (ses-events.ts).
   */
  async send(n: NotificationRecord, at?: Date): Promise<void> {
    const illegal = [...n.recipients, ...n.cc].filter((address) => !SES_ADDRESS.test(address));
    if (illegal.length > 0)
      throw new AddressesRefused(
        illegal.map((address) => ({
          address,
          reason: 'illegal address: SES refuses the whole message for it',
        })),
      );
    try {
      // Issue 15: a letter that is a document goes raw, as multipart/mixed with its PDF.
      await (n.document ? this.sendRaw(n, at) : this.sendSimple(n));
    } catch (error) {
      throw unverifiedOf(error, n) ?? error;
    }
  }

  /** A letter without its PDF: simple content (SES dates the message itself). */
  private async sendSimple(n: NotificationRecord): Promise<void> {
    const replyTo = letterReplyTo(n, this.replyTo);
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [...n.recipients], CcAddresses: [...n.cc] },
        ...(replyTo ? { ReplyToAddresses: [replyTo] } : {}),
        Content: {
          Simple: {
            Subject: { Data: n.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: n.body, Charset: 'UTF-8' } },
            Headers: [
              { Name: 'X-Pantau-Notification', Value: headerValue(n.id) },
              { Name: 'X-Pantau-Case', Value: headerValue(n.caseId) },
            ],
          },
        },
        EmailTags: letterTags(n),
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      }),
    );
  }

  /**
   * An e-mail complainant's receipt, from the letters' address: raw content, as SES's simple
   * content takes no `In-Reply-To`, `References` nor `Auto-Submitted`. A repeat (a crash
   * before it was marked sent) carries the same Message-ID, so their client may show one.
   */
  async reply(m: ComplainantMessage): Promise<void> {
    const domain = this.fromAddress.split('@')[1] ?? 'pantau.invalid';
    const data = await replyMessage(m, { from: this.fromAddress, messageIdDomain: domain });
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [m.to] },
        Content: { Raw: { Data: data } },
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      }),
    );
  }

  /** The letter with its PDF as one raw MIME message (SES v2 `SendEmail`, raw content). */
  private async sendRaw(n: NotificationRecord, at?: Date): Promise<void> {
    const domain = this.fromAddress.split('@')[1] ?? 'pantau.invalid';
    const replyTo = letterReplyTo(n, this.replyTo);
    const data = await letterMessage(n, {
      from: this.fromAddress,
      messageIdDomain: domain,
      ...(at ? { date: at } : {}),
      ...(replyTo ? { replyTo } : {}),
    });
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [...n.recipients], CcAddresses: [...n.cc] },
        Content: { Raw: { Data: data } },
        EmailTags: letterTags(n),
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      }),
    );
  }
}
