/**
 * An e-mail as the intake reads it: the message the MIME parser gave (`@pantau/intake`), its
 * files, and what of them a case keeps. Used by `mail.ts` (a new case) and `mail-follow-up.ts`
 * (a follow-up joining one).
 */
import { fileNameFrom } from '../documents/attachments.ts';
import {
  ATTACHMENT_TYPES,
  FOLLOW_UP_MAIL_NAME,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_CASE,
  ORIGINAL_MAIL_NAME,
} from '../documents/attachment-vocabulary.ts';
import { cutText } from '../text.ts';
import { type IntakeFile, inspected } from './intake.ts';
import type { ServiceDeps } from './kernel/index.ts';

/** An e-mail as the MIME parser read it (`@pantau/intake`): what a case is made from. */
export interface IncomingMail {
  readonly messageId: string | null;
  /**
   * What it answers: the Message-IDs of its `In-Reply-To` and of its thread (`References`,
   * oldest first), with their angle brackets. A follow-up joins the case one of them opened
   * (`followedCase`), never on these alone: anyone can write them (and its `From:`).
   */
  readonly inReplyTo?: readonly string[];
  readonly references?: readonly string[];
  /** Its `Date:` header (the sender's; the same in every redelivery), when it has one. */
  readonly sentAt?: string | null;
  /**
   * What the receiving mail service's scan failed it for (SES's `X-SES-Spam-Verdict` and
   * `X-SES-Virus-Verdict: FAIL`); none embedded, where no such service stands in front.
   */
  readonly flagged?: readonly ('spam' | 'virus')[];
  /**
   * Sent by a machine, not a person (RFC 3834): an auto-reply (`Auto-Submitted`,
   * `X-Autoreply`, `Precedence: auto_reply`…) or a bounce (a delivery status report,
   * `MAILER-DAEMON`, `Return-Path: <>`).
   */
  readonly automated?: boolean;
  /**
   * Relayed by a group or list (`List-Id`, `Precedence: list`): still a person's complaint,
   * registered, and noted for central (`viaList` on `case_registered`). Never a follow-up:
   * its sender's address may be the list's (`followedCase`).
   */
  readonly viaList?: boolean;
  /**
   * Bulk mail: relayed by a group or list (`viaList`), or a mass-mail tool's (a newsletter's
   * `List-Unsubscribe`). Registered, marked for central (`CaseRecord.bulkMail`), never sent a
   * receipt.
   */
  readonly bulk?: boolean;
  /**
   * The receiving service vouched for the `From:` address's domain: on AWS, SES's own topmost
   * `Authentication-Results` says `dmarc=pass` for it, or `dkim=pass` signed by it; embedded,
   * the runtime trusts its loopback-only listener, as it reads no scan verdict either. Only
   * then may a staff address forward another person's complaint (`staffForward`), or a
   * complainant's follow-up join their case (`receiveEmail`; otherwise a new case, noted
   * `followUpUnverified`).
   */
  readonly fromAuthenticated?: boolean;
  /**
   * When the receiving service took it (S3's `eventTime` for what SES stored, the SMTP session
   * embedded), which the case is dated from (see `MAIL_RECEIPT_MAX_AGE_DAYS`); without it, now.
   * Never `sentAt`: anyone can write any `Date:`.
   */
  readonly receivedAt?: string | null;
  readonly from: { readonly name: string | null; readonly address: string } | null;
  readonly subject: string | null;
  /** The body as plain text (an HTML-only message converted by the parser). */
  readonly text: string | null;
  readonly attachments: readonly { readonly filename: string | null; readonly size: number }[];
  /**
   * The message forwards another one (`ForwardedMail`): the original's sender, subject, text
   * and files. Used only when the sender is staff (`staffForward`); otherwise the forwarder's
   * own complaint, as any message is.
   */
  readonly forwarded?: ForwardedMail;
}

/**
 * The original a forward carries: as a `message/rfc822` part (`attachment`, Outlook's "Forward
 * as attachment") or below a forward block in its text (`inline`: "---------- Forwarded message
 * ---------", "-----Original Message-----", "Begin forwarded message:", and their Indonesian).
 * Read only from a message whose own text is at most a short note (`note`, the forwarder's
 * words, or null): one with more is the sender's own message, quoting another.
 */
export interface ForwardedMail {
  readonly shape: 'attachment' | 'inline';
  readonly from: { readonly name: string | null; readonly address: string };
  readonly subject: string | null;
  readonly text: string;
  readonly note: string | null;
  /**
   * The original's Message-ID, when the forward carries its headers (`attachment`): the
   * citizen's own copy sent to the intake as well is the same message (`staffForward`).
   */
  readonly messageId?: string | null;
  /** The original's files (an inline forward carries them as its own; `MailFiles.forwarded`). */
  readonly attachments: readonly { readonly filename: string | null; readonly size: number }[];
}

export interface MailOutcome {
  readonly caseId: string;
  /** The Message-ID was registered before (a redelivery): no second case. */
  readonly duplicate: boolean;
  /** It joined its complainant's case as a follow-up (`complainant_mail`), no new case. */
  readonly followUp?: true;
  /**
   * The case's receipt to the complainant (`mail-receipt.ts`), when this run sent it or tried
   * to: `pending` when the send (or marking it sent) failed, with the error's name only; a
   * redelivery of the message or the sweep sends it. `claimed`: another run holds it (the
   * delivery this one repeats is sending it), so this one sent nothing. Absent: none due, or
   * it went before.
   */
  readonly receipt?: 'sent' | 'pending' | 'claimed';
  readonly receiptError?: string;
}

const MAX_DESCRIPTION = 20_000;

/**
 * An e-mail's text as a case keeps it: cut at 20,000 characters, saying so. None: said so, and
 * where the complaint is when `files` came with it (a scanned letter sent without a word).
 */
export const mailText = (body: string, files: number): string =>
  body === ''
    ? files > 0
      ? '(Surel tanpa isi teks; isi pengaduan ada pada berkas terlampir)'
      : '(Surel tanpa isi teks)'
    : body.length > MAX_DESCRIPTION
      ? `${cutText(body, MAX_DESCRIPTION - 40)}\n… (dipotong; surel lengkap tersimpan)`
      : body;

/** How long a case's subject may be (`CreateCase`'s `subject`). */
const MAX_SUBJECT = 200;

/**
 * An e-mail's subject as a case keeps it: at most 200 characters, a longer one cut with "…",
 * its whole text then given as `whole` for the complaint's text (`withWholeSubject`): a
 * complainant may write where and what only in the subject, which the case would lose.
 */
export function mailSubject(subject: string | null | undefined): {
  readonly subject: string;
  readonly whole?: string;
} {
  const s = subject?.trim() || '(Tanpa perihal)';
  return s.length > MAX_SUBJECT
    ? { subject: `${cutText(s, MAX_SUBJECT - 1)}…`, whole: s }
    : { subject: s };
}

/** An e-mail's text, headed by its whole subject when the case's is cut (`mailSubject`). */
export const withWholeSubject = (subject: { readonly whole?: string }, body: string): string =>
  subject.whole ? `Perihal lengkap: ${subject.whole}\n\n${body}`.trim() : body;

// Where the console reads them too (`@pantau/core/schemas`): it labels the two apart.
export { FOLLOW_UP_MAIL_NAME, ORIGINAL_MAIL_NAME };

/** An e-mail's files as the parser gave them, and the message itself (the `.eml`). */
export interface MailFiles {
  readonly attachments: readonly { readonly filename: string; readonly content: Uint8Array }[];
  /** A forward's original's files (`IncomingMail.forwarded`), taken instead of `attachments`. */
  readonly forwarded?: readonly { readonly filename: string; readonly content: Uint8Array }[];
  readonly raw: Uint8Array;
}

/**
 * Which of an e-mail's files become the case's attachments: those of a type and size central's
 * uploads take (PDF, JPEG, PNG, DOCX up to 20 MB), as many as the case holds beside the
 * `.eml`. The `.eml` itself is always kept, for central only: it shows the sender's address
 * even when the case hides the identity, and holds every file, the refused ones too.
 */
export async function mailAttachments(
  deps: ServiceDeps,
  files: MailFiles,
  /** What the `.eml` is named: a follow-up's is `FOLLOW_UP_MAIL_NAME`. */
  emlName: string = ORIGINAL_MAIL_NAME,
): Promise<IntakeFile[]> {
  const taken = (
    await inspected(
      deps,
      files.attachments.map((a, i) => ({
        name: fileNameFrom(a.filename, `lampiran-${i + 1}`),
        bytes: a.content,
      })),
    )
  )
    .filter(
      ({ sniffed }) =>
        sniffed.mime !== undefined &&
        sniffed.mime in ATTACHMENT_TYPES &&
        sniffed.size <= MAX_ATTACHMENT_BYTES,
    )
    .slice(0, MAX_ATTACHMENTS_PER_CASE - 1)
    .map((f) => ({ ...f, contentType: f.sniffed.mime!, centralOnly: false }));
  const [eml] = await inspected(deps, [{ name: emlName, bytes: files.raw }]);
  return [...taken, { ...eml!, contentType: 'message/rfc822', centralOnly: true }];
}
