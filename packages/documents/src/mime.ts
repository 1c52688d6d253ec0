/**
 * A letter as an RFC 5322 message with its PDF attached (multipart/mixed), built with
 * nodemailer's MailComposer: the same bytes go to SES (`SendEmail` raw content) and, embedded,
 * into the `.eml` file.
 */
import type { ComplainantMessage, NotificationRecord } from '@pantau/core';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface MimeOptions {
  readonly from: string;
  /** The domain of the Message-ID (`<id@domain>`), so a repeat is recognisable. */
  readonly messageIdDomain: string;
  /** The letter's PDF and its file name. */
  readonly pdf?: { readonly fileName: string; readonly bytes: Uint8Array };
  /** When it is sent (its `Date:`); when it was written unless given. */
  readonly date?: Date;
  /**
   * Where an answer to the letter goes (`Reply-To`): the mailbox the unit reads, as the
   * mailers choose it (`letterReplyTo`); `from` may receive nothing. None: no `Reply-To`.
   */
  readonly replyTo?: string;
}

export async function composeMime(n: NotificationRecord, options: MimeOptions): Promise<Buffer> {
  const mail = new MailComposer({
    from: options.from,
    to: [...n.recipients],
    ...(n.cc.length > 0 ? { cc: [...n.cc] } : {}),
    subject: n.subject,
    text: n.body,
    date: options.date ?? new Date(n.createdAt),
    messageId: `<${n.id}@${options.messageIdDomain}>`,
    ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    headers: {
      'X-Pantau-Notification': n.id,
      'X-Pantau-Case': n.caseId,
      'X-Pantau-Step': n.step,
    },
    attachments: options.pdf
      ? [
          {
            filename: options.pdf.fileName,
            content: Buffer.from(options.pdf.bytes),
            contentType: 'application/pdf',
          },
        ]
      : [],
  });
  return mail.compile().build();
}

/**
 * A message to a complainant (`ComplainantMessage`, their e-mailed complaint's receipt) as an
 * RFC 5322 answer to theirs: plain text UTF-8, `In-Reply-To` and `References` naming their
 * message (their client threads it, and a reply carries the thread the intake follows), and
 * `Auto-Submitted: auto-replied` (RFC 3834), so their auto-responder does not answer it.
 */
export async function composeReply(
  m: ComplainantMessage,
  options: Omit<MimeOptions, 'pdf' | 'replyTo'>,
): Promise<Buffer> {
  const mail = new MailComposer({
    from: options.from,
    to: m.to,
    subject: m.subject,
    text: m.body,
    date: new Date(m.createdAt),
    messageId: `<${m.id}@${options.messageIdDomain}>`,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    ...(m.references.length > 0 ? { references: [...m.references] } : {}),
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Pantau-Case': m.caseId },
  });
  return mail.compile().build();
}
