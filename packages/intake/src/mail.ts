/**
 * An e-mail to the complaints address, from its raw MIME (mailparser) to a case: the same
 * parser behind the SMTP listener (embedded) and the SES Lambda (AWS). The message's files
 * become the case's attachments and the original `.eml` a central-only one, written with the
 * case in one transaction by the service (`receiveEmail`), which stores their bytes in the
 * runtime's blob store (S3 on AWS, the data dir embedded) first.
 */
import type { IncomingMail, MailFiles, MailOutcome } from '@pantau/core';
import { simpleParser } from 'mailparser';

export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** What of the service the mail channel calls. */
export interface MailReceiver {
  receiveEmail(mail: IncomingMail, files?: MailFiles): Promise<MailOutcome>;
}

export interface ParsedMessage {
  readonly mail: IncomingMail;
  readonly attachments: readonly MailAttachment[];
}

/**
 * A file shown inside the message's HTML (multipart/related) is kept from this size up: a
 * photo pasted into the message (Gmail sends it that way) is evidence; a signature's logo or
 * a tracking pixel, a few KB, is not. Every file stays in the original message (`.eml`).
 */
export const PASTED_PHOTO_BYTES = 10_000;

/** Reads a raw message. HTML-only mail gives its text (mailparser converts it). */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const from = parsed.from?.value.find((a) => a.address);
  const text = parsed.text?.trim() || (parsed.html ? htmlText(parsed.html) : '');
  const attachments = parsed.attachments
    .filter((a) => !a.related || a.size >= PASTED_PHOTO_BYTES)
    .map((a, i) => ({
      filename: a.filename ?? `lampiran-${i + 1}`,
      contentType: a.contentType,
      content: a.content,
    }));
  return {
    mail: {
      messageId: parsed.messageId ?? null,
      inReplyTo: messageIds(parsed.inReplyTo),
      references: messageIds(parsed.references),
      sentAt:
        parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
      flagged: scanFailures(parsed.headerLines),
      automated: isAutomated(parsed.headerLines, parsed.headers, from?.address),
      viaList: viaList(parsed.headerLines),
      from: from?.address ? { name: from.name || null, address: from.address } : null,
      subject: parsed.subject ?? null,
      text,
      attachments: attachments.map((a) => ({ filename: a.filename, size: a.content.length })),
    },
    attachments,
  };
}

/**
 * The scans SES failed the message for: every `X-SES-Spam-Verdict` or `X-SES-Virus-Verdict`
 * line saying FAIL (SES adds its own at the top; a sender's forged PASS below it changes
 * nothing).
 */
function scanFailures(lines: readonly { key: string; line: string }[]): ('spam' | 'virus')[] {
  const failed = (key: string) => lines.some((h) => h.key === key && /:\s*FAIL\s*$/i.test(h.line));
  return [
    ...(failed('x-ses-virus-verdict') ? (['virus'] as const) : []),
    ...(failed('x-ses-spam-verdict') ? (['spam'] as const) : []),
  ];
}

/**
 * Whether a machine sent it (RFC 3834): an auto-reply (`Auto-Submitted` other than `no`,
 * `X-Autoreply`, `X-Autorespond`, `Precedence: auto_reply|junk`) or a bounce (a
 * `multipart/report; report-type=delivery-status`, from `MAILER-DAEMON` or `postmaster`, or an
 * empty `Return-Path: <>`). Not `Precedence: list|bulk`: RFC 3834 §2 names them as reasons for a
 * responder not to answer, not as machine-written; a group or list relays people's mail with
 * them (`viaList`).
 */
function isAutomated(
  lines: readonly { key: string; line: string }[],
  headers: ReadonlyMap<string, unknown>,
  from: string | undefined,
): boolean {
  const has = (key: string, test: (v: string) => boolean) =>
    lines.some((h) => h.key === key && test(headerValue(h)));
  const type = headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  return (
    has('auto-submitted', (v) => !/^no\b/i.test(v)) ||
    has('x-autoreply', () => true) ||
    has('x-autorespond', () => true) ||
    has('precedence', (v) => /^(auto_reply|junk)\b/i.test(v)) ||
    has('return-path', (v) => /^<\s*>$/.test(v)) ||
    (type?.value?.toLowerCase() === 'multipart/report' &&
      type.params?.['report-type']?.toLowerCase() === 'delivery-status') ||
    /^(mailer-daemon|postmaster)@/i.test(from ?? '')
  );
}

/**
 * The Message-IDs of an `In-Reply-To` or `References` header, each once, in order, with their
 * angle brackets (as mailparser reads a Message-ID, which the redelivery claim holds). Only the
 * `<…>` of a header that has some: old clients write a phrase beside the id ("your message of
 * Monday <id>"). At most `MAX_REFERENCES`: a thread's latest, which are the ones at its end.
 */
function messageIds(value: string | string[] | undefined): string[] {
  const all = (Array.isArray(value) ? value : value ? [value] : []).flatMap(
    (v) => v.match(/<[^<>\s]+>/g) ?? [],
  );
  return [...new Set(all)].slice(-MAX_REFERENCES);
}

/** How many ids of a thread are read: a reply names the message it answers last. */
export const MAX_REFERENCES = 20;

const headerValue = (h: { line: string }) => h.line.slice(h.line.indexOf(':') + 1).trim();

/**
 * Whether a group or list relayed it (Google Groups, Mailman, a mass-mail tool): `List-Id`
 * (RFC 2919), or `Precedence: list|bulk`. The unit's public address may be such a group; the
 * message is a person's complaint all the same, noted for central on the case.
 */
function viaList(lines: readonly { key: string; line: string }[]): boolean {
  return lines.some(
    (h) =>
      h.key === 'list-id' || (h.key === 'precedence' && /^(list|bulk)\b/i.test(headerValue(h))),
  );
}

/**
 * How much of an HTML-only message's HTML is read for its text: ten times what a case keeps of
 * it (its description is cut at 20,000 characters), room for the markup. A message may be
 * 40 MB (SES), 25 MB embedded; all of it stays in the `.eml` kept with the case.
 */
export const MAX_HTML_CHARS = 200_000;

/**
 * mailparser leaves `text` empty for some HTML-only messages (an HTML part alone in a
 * multipart/mixed; HTML nested deeper than its limit of 1,000 levels): strip the tags ourselves
 * then. Anyone can send such a message, so it runs in linear time, on the first MAX_HTML_CHARS
 * only: each pattern below fails at a `<` by the next `<` or `>`, and each search resumes where
 * the last one stopped. Not html-to-text: its parser (htmlparser2) takes quadratic time in the
 * nesting depth and its walk overflows the stack past ~2,000 levels, which is why mailparser
 * gives such HTML up in the first place.
 */
function htmlText(html: string): string {
  // Cut, without the tag the cut may have split.
  const source =
    html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS).replace(/<[^<>]*$/, '') : html;
  // What a browser does not show: comments, and the content of script and style elements (an
  // unclosed one hides the rest of the page).
  const hidden = /<!--|<(script|style)\b[^<>]*>/gi;
  let shown = '';
  let at = 0;
  for (let open = hidden.exec(source); open; open = hidden.exec(source)) {
    shown += source.slice(at, open.index);
    const close = open[1] ? new RegExp(`</${open[1]}\\b[^<>]*>`, 'gi') : /-->/g;
    close.lastIndex = hidden.lastIndex;
    at = close.exec(source) ? close.lastIndex : source.length;
    hidden.lastIndex = at;
  }
  shown += source.slice(at);
  return (
    shown
      .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
      .replace(/<[^<>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      // last: `&amp;lt;` is the text `&lt;`
      .replace(/&amp;/g, '&')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * Parses a message and registers it with its files and the `.eml` itself: all of them with
 * the case, or nothing. A redelivery (same Message-ID) answers the first case and stores
 * nothing again. `receivedAt` is when the receiving service took the message (S3's
 * `eventTime` for what SES stored; the SMTP session embedded): the case is dated then, not
 * when it was parsed (a throttled retry, a replay days later). Never the sender's `Date:`.
 */
export async function intakeMail(
  service: MailReceiver,
  raw: Buffer,
  options: { readonly receivedAt?: string } = {},
): Promise<MailOutcome> {
  const parsed = await parseMessage(raw);
  const { attachments } = parsed;
  const mail = options.receivedAt
    ? { ...parsed.mail, receivedAt: options.receivedAt }
    : parsed.mail;
  return service.receiveEmail(mail, {
    attachments: attachments.map((a) => ({ filename: a.filename, content: a.content })),
    raw,
  });
}
