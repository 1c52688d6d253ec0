/**
 * A letter as an RFC 5322 message with its PDF attached (multipart/mixed), built with
 * nodemailer's MailComposer: the same bytes go to SES (`SendEmail` raw content) and, embedded,
 * into the `.eml` file.
 */
import type { NotificationRecord } from '@pantau/core';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface MimeOptions {
  readonly from: string;
  /** The domain of the Message-ID (`<id@domain>`), so a repeat is recognisable. */
  readonly messageIdDomain: string;
  /** The letter's PDF and its file name. */
  readonly pdf?: { readonly fileName: string; readonly bytes: Uint8Array };
}

export async function composeMime(n: NotificationRecord, options: MimeOptions): Promise<Buffer> {
  const mail = new MailComposer({
    from: options.from,
    to: [...n.recipients],
    ...(n.cc.length > 0 ? { cc: [...n.cc] } : {}),
    subject: n.subject,
    text: n.body,
    date: new Date(n.createdAt),
    messageId: `<${n.id}@${options.messageIdDomain}>`,
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
