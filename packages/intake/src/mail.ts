/**
 * An e-mail to the complaints address, from its raw MIME (mailparser) to a case: the same
 * parser behind the SMTP listener (embedded) and the SES Lambda (AWS). The message's files
 * and the original `.eml` go to an attachment store when there is one (central-only for the
 * `.eml`); until the documents feature provides it, they stay where the message was kept
 * (the S3 object, the inbox folder) and the case's timeline counts them.
 */
import type { IncomingMail, MailOutcome } from '@pantau/core';
import { simpleParser } from 'mailparser';

export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** Where a case's files go (the documents feature's attachment API). */
export interface AttachmentSink {
  attach(
    caseId: string,
    file: MailAttachment,
    options: { readonly centralOnly: boolean },
  ): Promise<void>;
}

/** What of the service the mail channel calls. */
export interface MailReceiver {
  receiveEmail(mail: IncomingMail): Promise<MailOutcome>;
}

export interface ParsedMessage {
  readonly mail: IncomingMail;
  readonly attachments: readonly MailAttachment[];
}

/** Reads a raw message. HTML-only mail gives its text (mailparser converts it). */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const from = parsed.from?.value.find((a) => a.address);
  const text = parsed.text?.trim() || (parsed.html ? htmlText(parsed.html) : '');
  const attachments = parsed.attachments
    .filter((a) => a.contentDisposition !== 'inline' || !a.related)
    .map((a, i) => ({
      filename: a.filename ?? `lampiran-${i + 1}`,
      contentType: a.contentType,
      content: a.content,
    }));
  return {
    mail: {
      messageId: parsed.messageId ?? null,
      from: from?.address ? { name: from.name || null, address: from.address } : null,
      subject: parsed.subject ?? null,
      text,
      attachments: attachments.map((a) => ({ filename: a.filename, size: a.content.length })),
    },
    attachments,
  };
}

/** mailparser leaves `text` empty for some HTML-only messages: strip the tags ourselves then. */
const htmlText = (html: string): string =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * Parses a message and registers it (a redelivery answers the first case); its files and the
 * `.eml` itself (central-only) go to the sink, once, with the case that was created.
 */
export async function intakeMail(
  service: MailReceiver,
  raw: Buffer,
  sink?: AttachmentSink,
): Promise<MailOutcome> {
  const { mail, attachments } = await parseMessage(raw);
  const outcome = await service.receiveEmail(mail);
  if (sink && !outcome.duplicate) {
    for (const file of attachments) await sink.attach(outcome.caseId, file, { centralOnly: false });
    await sink.attach(
      outcome.caseId,
      { filename: 'surel-asli.eml', contentType: 'message/rfc822', content: raw },
      { centralOnly: true },
    );
  }
  return outcome;
}
