/**
 * An e-mail to the complaints address, from its raw MIME (mailparser) to a case: the same
 * parser behind the SMTP listener (embedded) and the SES Lambda (AWS). The message's files
 * become the case's attachments and the original `.eml` a central-only one, written with the
 * case in one transaction by the service (`receiveEmail`), which stores their bytes in the
 * runtime's blob store (S3 on AWS, the data dir embedded) first.
 */
import type { ForwardedMail, IncomingMail, MailFiles, MailOutcome } from '@pantau/core';
import { decodeHTMLStrict } from 'entities';
import { type ParsedMail, simpleParser } from 'mailparser';

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
  /** A forward's original's files (`mail.forwarded`); none for any other message. */
  readonly forwardedAttachments: readonly MailAttachment[];
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
  const text = bodyText(parsed);
  const attachments = filesOf(parsed);
  const forward = await forwardOf(text, attachments);
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
      bulk: bulkMail(parsed.headerLines),
      fromAuthenticated: from?.address ? sesAuthenticated(parsed.headerLines, from.address) : false,
      from: from?.address ? { name: from.name || null, address: from.address } : null,
      subject: parsed.subject ?? null,
      text,
      attachments: attachments.map((a) => ({ filename: a.filename, size: a.content.length })),
      ...(forward ? { forwarded: forward.forwarded } : {}),
    },
    attachments,
    forwardedAttachments: forward?.files ?? [],
  };
}

/** A message's text; an HTML-only one's HTML read as text (mailparser leaves some of those). */
const bodyText = (parsed: ParsedMail): string =>
  parsed.text?.trim() || (parsed.html ? htmlText(parsed.html) : '');

/** A message's files, without the small pictures its HTML shows (`PASTED_PHOTO_BYTES`). */
const filesOf = (parsed: ParsedMail): MailAttachment[] =>
  parsed.attachments
    .filter((a) => !a.related || a.size >= PASTED_PHOTO_BYTES)
    .map((a, i) => ({
      filename: a.filename ?? `lampiran-${i + 1}`,
      contentType: a.contentType,
      content: a.content,
    }));

/**
 * How much text of its own a forward may carry above the original (or beside it, forwarded as
 * an attachment): a note ("Mohon ditindaklanjuti.") and a signature. A message with more is
 * the sender's own, quoting another below it.
 */
export const MAX_FORWARD_NOTE_CHARS = 500;

/**
 * The original a message forwards, if it is a forward (`ForwardedMail`): one `message/rfc822`
 * part beside at most a note (Outlook's "Forward as attachment"; its files, then any other
 * file of the message), or a forward block below at most a note (`inlineForward`; the
 * message's files are the original's). Two originals, or none with a sender address: not a
 * forward. Whether to take it is the service's (the sender must be staff).
 */
async function forwardOf(
  text: string,
  attachments: readonly MailAttachment[],
): Promise<{ forwarded: ForwardedMail; files: MailAttachment[] } | undefined> {
  const originals = attachments.filter((a) => a.contentType.toLowerCase() === 'message/rfc822');
  const sizes = (files: readonly MailAttachment[]) =>
    files.map((a) => ({ filename: a.filename, size: a.content.length }));
  if (originals.length > 1) return undefined;
  if (originals.length === 1) {
    if (text.length > MAX_FORWARD_NOTE_CHARS) return undefined;
    const original = originals[0]!;
    const inner = await simpleParser(original.content, { skipImageLinks: true }).catch(
      () => undefined,
    );
    const from = inner?.from?.value.find((a) => a.address);
    if (!inner || !from?.address) return undefined;
    const files = [...filesOf(inner), ...attachments.filter((a) => a !== original)];
    return {
      forwarded: {
        shape: 'attachment',
        from: { name: from.name || null, address: from.address },
        messageId: inner.messageId ?? null,
        subject: inner.subject ?? null,
        text: bodyText(inner),
        note: text || null,
        attachments: sizes(files),
      },
      files,
    };
  }
  const inline = inlineForward(text);
  return inline
    ? {
        forwarded: { shape: 'inline', ...inline, attachments: sizes(attachments) },
        files: [...attachments],
      }
    : undefined;
}

/**
 * The line a mail client starts an inline forward with (Gmail, Outlook, Apple Mail; in English
 * and Indonesian), or Outlook on the web's line of underscores.
 */
const FORWARD_MARKER =
  /^(?:-{2,}\s*(?:forwarded message|pesan terusan|original message|pesan asli)\s*-{2,}|(?:begin forwarded message|awal pesan yang diteruskan|pesan yang diteruskan)\s*:|_{10,})$/i;

/** A line of the original's headers a forward block repeats, English or Indonesian. */
const FORWARD_HEADER =
  /^\*?(from|dari|date|tanggal|sent|dikirim|subject|subjek|perihal|to|kepada|cc|bcc|reply-to)\*?\s*:\*?\s*(.*)$/i;

/**
 * An inline forward: a forward block (`FORWARD_MARKER`, then the original's header lines, a
 * sender with an address among them) below at most a note, and the original's text after it.
 * A text that starts with the header lines is one too: mailparser writes a `message/rfc822`
 * part shown inline (Apple Mail's) into the text that way.
 */
function inlineForward(text: string): Omit<ForwardedMail, 'shape' | 'attachments'> | undefined {
  const lines = text.split(/\r?\n/);
  let at = lines.findIndex((l) => FORWARD_MARKER.test(l.trim()));
  const startsWithHeaders = /^(?:from|dari)\s*:/i.test(lines[0]?.trim() ?? '');
  if (at < 0 && !startsWithHeaders) return undefined;
  const note = at < 0 ? '' : lines.slice(0, at).join('\n').trim();
  if (note.length > MAX_FORWARD_NOTE_CHARS) return undefined;
  at = at < 0 ? 0 : at + 1;
  while (at < lines.length && lines[at]!.trim() === '') at++;
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    const header = FORWARD_HEADER.exec(line.trim());
    if (header) headers.set((last = header[1]!.toLowerCase()), header[2]!.trim());
    // A folded line (a long `To:`) continues the header above it.
    else if (last && /^\s/.test(line) && line.trim() !== '')
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
    else break;
  }
  const from = addressIn(headers.get('from') ?? headers.get('dari') ?? '');
  if (!from) return undefined;
  return {
    from,
    subject: headers.get('subject') ?? headers.get('subjek') ?? headers.get('perihal') ?? null,
    text: lines.slice(at).join('\n').trim(),
    note: note || null,
  };
}

/**
 * The address and name of a forward block's `From:` as clients write it: `Name <a@b.id>`,
 * `"Name" <a@b.id>`, `*Name* <a@b.id>` (Gmail's bold), `Name [mailto:a@b.id]` (Outlook), `a@b.id`.
 */
function addressIn(value: string): { name: string | null; address: string } | undefined {
  const match = /[^\s<>[\]():;,"'*]+@[^\s<>[\]():;,"'*]+\.[^\s<>[\]():;,"'*]+/.exec(value);
  if (!match) return undefined;
  const name = value
    .slice(0, match.index)
    .replace(/\[?mailto:$/i, '')
    .replace(/^[\s"'*]+|[\s<["'*]+$/g, '');
  return { name: name || null, address: match[0] };
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

/** The authentication service id SES writes its `Authentication-Results` under. */
const SES_AUTHSERV_ID = 'amazonses.com';

/**
 * Whether SES authenticated the sender's domain (the `From:` address's): its own
 * `Authentication-Results` line, the topmost one (SES adds it above the sender's headers, so a
 * forged one lower down changes nothing; one not under SES's id is no verdict), says
 * `dmarc=pass` for that domain (`header.from`), or `dkim=pass` signed by it (`header.d`, or
 * `header.i=@…`, the way SES writes it), or by a domain it is a subdomain of (DMARC's relaxed
 * alignment). Embedded, no such service stands in front (`intakeMail`'s `trustFrom`). It decides
 * whether a staff address may forward another person's complaint, and whether a complainant's
 * follow-up joins their case (otherwise a new case for central to verify).
 */
function sesAuthenticated(lines: readonly { key: string; line: string }[], from: string): boolean {
  const top = lines.find((h) => h.key === 'authentication-results');
  if (!top) return false;
  const [authserv, ...results] = headerValue(top).replace(/\s+/g, ' ').split(';');
  if (authserv?.trim().toLowerCase() !== SES_AUTHSERV_ID) return false;
  const domain = from.slice(from.lastIndexOf('@') + 1).toLowerCase();
  const aligned = (d: string | undefined) =>
    !!d && (domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));
  return results.some((result) => {
    const r = result.trim();
    // A property's domain: `header.i` may name an identity (`user@domain`).
    const property = (name: string) =>
      new RegExp(`(?:^|\\s)${name.replace('.', '\\.')}=([^\\s;]+)`, 'i')
        .exec(r)?.[1]
        ?.replace(/^.*@/, '');
    if (/^dmarc=pass\b/i.test(r)) return property('header.from')?.toLowerCase() === domain;
    if (/^dkim=pass\b/i.test(r)) return aligned(property('header.d') ?? property('header.i'));
    return false;
  });
}

/**
 * Whether a machine sent it (RFC 3834): an auto-reply (`Auto-Submitted` other than `no`,
 * `X-Autoreply`, `X-Autorespond`, `Precedence: auto_reply|junk`) or a bounce (a
 * `multipart/report; report-type=delivery-status`, from `MAILER-DAEMON` or `postmaster`, or an
 * empty `Return-Path: <>`), or `Precedence: bulk` without a `List-Id`: legacy vacation
 * responders (`vacation(1)`, hosting autoresponders) mark their replies with that alone. Not
 * `Precedence: list`, nor `bulk` with a `List-Id`: a group or list relays people's mail with
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
    (has('precedence', (v) => /^bulk\b/i.test(v)) && !has('list-id', () => true)) ||
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
 * (RFC 2919), or `Precedence: list`. `Precedence: bulk` alone is a legacy auto-reply's mark
 * (`isAutomated`). The unit's public address may be such a group; the message is a person's
 * complaint all the same, noted for central on the case.
 */
function viaList(lines: readonly { key: string; line: string }[]): boolean {
  return lines.some(
    (h) => h.key === 'list-id' || (h.key === 'precedence' && /^list\b/i.test(headerValue(h))),
  );
}

/**
 * Whether it came as bulk mail: relayed by a group or list (`viaList`), or sent by a mass-mail
 * tool (`List-Unsubscribe`, which bulk senders must carry, RFC 8058: a newsletter often has no
 * `List-Id`). A case all the same (the message is the record), marked so for central, who
 * sorts it at a glance; never answered with a receipt (its tracking code would go to the
 * newsletter's no-reply address).
 */
function bulkMail(lines: readonly { key: string; line: string }[]): boolean {
  return viaList(lines) || lines.some((h) => h.key === 'list-unsubscribe');
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
  // Every character reference as a browser reads it (`&quot;`, `&#8220;`, `&ndash;`), in one
  // pass (`&amp;lt;` is the text `&lt;`); a number that is no character is U+FFFD, so the case's
  // text stays well formed. A no-break space is a space.
  return decodeHTMLStrict(
    shown.replace(/<br\s*\/?>|<\/(?:p|div|li|tr|h[1-6])>/gi, '\n').replace(/<[^<>]+>/g, ''),
  )
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
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
  options: {
    readonly receivedAt?: string;
    /**
     * The runtime vouches for the `From:` address (`IncomingMail.fromAuthenticated`): embedded,
     * where the SMTP listener takes mail on loopback only, from the operator's own relay, and no
     * SES stands in front to authenticate it (as no SES scan verdict is read there either). Such
     * a message may forward as staff, and a follow-up join its case: never on AWS (`inbox.ts`),
     * where SES's own line alone decides (`sesAuthenticated`).
     */
    readonly trustFrom?: boolean;
  } = {},
): Promise<MailOutcome> {
  const parsed = await parseMessage(raw);
  const { attachments } = parsed;
  const mail = {
    ...parsed.mail,
    ...(options.receivedAt ? { receivedAt: options.receivedAt } : {}),
    ...(options.trustFrom ? { fromAuthenticated: true } : {}),
  };
  const files = (list: readonly MailAttachment[]) =>
    list.map((a) => ({ filename: a.filename, content: a.content }));
  return service.receiveEmail(mail, {
    attachments: files(attachments),
    ...(mail.forwarded ? { forwarded: files(parsed.forwardedAttachments) } : {}),
    raw,
  });
}
