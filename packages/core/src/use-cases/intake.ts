/**
 * The channels complaints arrive by without an officer typing them: the public complaint
 * form and e-mail (central's spreadsheet import is import.ts). Each registers through
 * `registerCase`, so each case lands in `received` with its `channel`, for central to verify
 * like any other.
 */
import { monotonicFactory, ulid } from 'ulid';
import { DEFAULT_TIME_ZONE, type TimeZone } from '../calendar.ts';
import { type CaseRecord, type CaseStatus, followUpMail } from '../case.ts';
import {
  attachmentKey,
  countsAgainstLimit,
  defaultVisibility,
  downloadName,
  fileNameFrom,
  receivedAttachment,
  type Sniffed,
} from '../documents/attachments.ts';
import { DomainError, invalidInput } from '../errors.ts';
import { formatLocal } from '../letters.ts';
import { type UniqueClaim, WriteConflict } from '../ports.ts';
import type { ComplaintReceipt, PublicComplaintInput } from '../schemas.ts';
import { ComplainantSchema } from '../schemas/cases.ts';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_CASE,
} from '../schemas/documents.ts';
import { cutText } from '../schemas/fields.ts';
import { PUBLIC_ATTACHMENTS } from '../schemas/intake.ts';
import { normalizeReference } from '../search/normalize.ts';
import { CENTRAL_TENANT } from '../tenancy.ts';
import { newEventId } from '../timeline.ts';
import { documentStorage } from './attachments.ts';
import {
  type Idempotency,
  idempotent,
  loadCase,
  PUBLIC_IDEMPOTENCY,
  put,
  retryOnConflict,
  type ServiceDeps,
} from './kernel/index.ts';
import { AlreadyRegistered, type RegisterOptions, registerCase } from './registration.ts';

const INTAKE = { system: 'intake' } as const;

/** A proof of work already checked by the edge, spent with the case it paid for. */
export interface SpentProof {
  /** Unique per challenge (its signature): a second complaint with it is refused. */
  readonly id: string;
}

/**
 * A complaint from the public form (no token). The complainant may stay anonymous, hide
 * their identity from agencies, or ask for confidentiality; up to 3 files (PDF, JPEG, PNG by
 * their bytes) come with it, written with the case or not at all. The answer is the receipt.
 *
 * With an `Idempotency-Key`, a repeat of the same request (after an answer lost on the way)
 * gets the same receipt, without checking the proof again (it was spent by the first): the
 * code is shown once, and a form that lost it would otherwise send a second case. The proof
 * is not part of the request's fingerprint (a form may have solved a new one since), so the
 * key, with the complaint's text, is what guards the replay: the edge takes only keys of 16
 * characters or more, and the console draws a UUID for each complaint.
 */
export async function submitComplaint(
  deps: ServiceDeps,
  input: Omit<PublicComplaintInput, 'altcha' | 'attachments'>,
  /** Checks the form's proof of work (a 400 on `altcha` if it does not hold). */
  proof: () => Promise<SpentProof>,
  /** The form's files, decoded (`attachments[i]`), already within the schema's limits. */
  attachments: readonly { readonly name: string; readonly bytes: Uint8Array }[] = [],
  idem?: Idempotency,
): Promise<ComplaintReceipt> {
  return idempotent(deps, PUBLIC_IDEMPOTENCY, idem, async (remember) => {
    const spent = await proof();
    const { anonymous, complainant, timeZone, ...rest } = input;
    // Every file is checked before anything is written: one refused file refuses the complaint.
    const files = await inspected(deps, attachments);
    files.forEach(({ name, sniffed }, i) => {
      if (!sniffed.mime || !(sniffed.mime in PUBLIC_ATTACHMENTS.types))
        throw new DomainError(
          'unsupported_media_type',
          `${name}: the content is ${sniffed.mime ?? 'of an unknown type'}; the form takes PDF, JPEG and PNG files (detected from the content, not the name)`,
          { errors: [{ path: `attachments.${i}.content`, message: 'only PDF, JPEG and PNG' }] },
        );
    });
    let receipt: ComplaintReceipt | undefined;
    try {
      await registerWithFiles(
        deps,
        { ...rest, channel: 'web', complainant: anonymous ? null : (complainant ?? null) },
        {
          actor: INTAKE,
          claims: [{ kind: 'proof_of_work', value: spent.id }],
          remember: (c) => remember((receipt = receiptOf(c, timeZone ?? DEFAULT_TIME_ZONE))),
        },
        files.map((f) => ({ ...f, contentType: f.sniffed.mime!, centralOnly: false })),
      );
      return receipt!;
    } catch (error) {
      // Only the proof can be taken here (the form sets no other claim): a replayed answer
      // (or the same request sent twice at once, which `idempotent` answers with the first's).
      if (error instanceof AlreadyRegistered)
        throw invalidInput('altcha', 'this answer was used already: solve a new challenge');
      throw error;
    }
  });
}

const receiptOf = (c: CaseRecord, zone: TimeZone): ComplaintReceipt => ({
  trackingCode: c.trackingCode,
  receivedAt: c.receivedAt,
  verificationDueAt: c.verificationDueAt,
  subject: c.subject,
  anonymous: c.complainant === null,
  confidential: c.confidential,
  receipt: receiptText(c.trackingCode, c.receivedAt, c.subject, zone),
});

/**
 * The receipt (tanda terima) a complainant keeps: what was received, when (in their zone, the
 * zone named), and the code.
 */
export const receiptText = (
  trackingCode: string,
  receivedAt: string,
  subject: string,
  zone: TimeZone = DEFAULT_TIME_ZONE,
): string =>
  [
    'TANDA TERIMA PENGADUAN',
    `Kode lacak: ${trackingCode}`,
    `Diterima: ${formatLocal(receivedAt, zone)}`,
    `Perihal: ${subject}`,
    'Pengaduan Anda akan diverifikasi oleh Asdep Pengaduan Masyarakat. Simpan kode ini, dan ' +
      'jangan berikan kepada siapa pun: hanya dengan kode ini Anda dapat melacak dan menanggapi ' +
      'pengaduan, dan siapa yang memegangnya dapat menanggapi atas nama Anda.',
  ].join('\n');

/** An e-mail as the MIME parser read it (`@pantau/intake`): what a case is made from. */
export interface IncomingMail {
  readonly messageId: string | null;
  /**
   * What it answers: the Message-IDs of its `In-Reply-To` and of its thread (`References`,
   * oldest first), with their angle brackets. A follow-up joins the case one of them opened
   * (`followedCase`), never on these alone: anyone can write them.
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
   * The receiving service vouched for the `From:` address's domain: on AWS, SES's own topmost
   * `Authentication-Results` says `dmarc=pass` for it, or `dkim=pass` signed by it; embedded,
   * the runtime trusts its loopback-only listener, as it reads no scan verdict either. Only
   * then may a staff address forward another person's complaint (`staffForward`).
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
  /** The original's files (an inline forward carries them as its own; `MailFiles.forwarded`). */
  readonly attachments: readonly { readonly filename: string | null; readonly size: number }[];
}

export interface MailOutcome {
  readonly caseId: string;
  /** The Message-ID was registered before (a redelivery): no second case. */
  readonly duplicate: boolean;
  /** It joined its complainant's case as a follow-up (`complainant_mail`), no new case. */
  readonly followUp?: true;
}

const MAX_DESCRIPTION = 20_000;

/**
 * How far back a message's receipt time may date its case. S3 retries a throttled event for
 * up to 6 hours and the intake's dead-letter queue keeps one 14 days, so a replay from it is
 * at most that late; a receipt time older than this bound (a clock gone wrong, an event replayed
 * by hand from long ago) dates the case this many days back, so no case lands with its
 * verification deadline months overdue. One after now (clock skew) is now.
 */
export const MAIL_RECEIPT_MAX_AGE_DAYS = 30;

/** `at`, within [now − MAIL_RECEIPT_MAX_AGE_DAYS, now]; now when absent or unreadable. */
function mailReceiptTime(at: string | null | undefined, now: Date): string {
  const time = at ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(time)) return now.toISOString();
  const earliest = now.getTime() - MAIL_RECEIPT_MAX_AGE_DAYS * 86_400_000;
  return new Date(Math.min(now.getTime(), Math.max(earliest, time))).toISOString();
}

/**
 * An e-mail to the complaints address becomes a case (channel `email`): the sender is the
 * complainant, the subject and body the complaint. A redelivered message (the same sender's
 * Message-ID, or without one the same message) answers the case it made the first time. No
 * sender address, spam or a virus by the mail service's scan, or an auto-reply or a bounce:
 * refused. Mail a group or list relayed is a case, noted so. The case is dated when the mail
 * service received the message (`mail.receivedAt`, clamped by `mailReceiptTime`). A follow-up
 * of the complainant (a reply, a mail quoting the agenda number, from their address) joins
 * their case instead (`joinCase`), unless it has ended.
 */
export async function receiveEmail(
  deps: ServiceDeps,
  mail: IncomingMail,
  files?: MailFiles,
): Promise<MailOutcome> {
  const address = mail.from?.address.trim().toLowerCase() ?? '';
  const email = ComplainantSchema.shape.email.safeParse(address);
  if (!address || !email.success) throw invalidInput('from', 'no sender address to answer to');
  // SES stores what its scan failed too: spam or a virus is no complaint to register (the
  // message stays in the inbox bucket, and the refusal is logged with its key).
  const flagged = mail.flagged?.[0];
  if (flagged) throw invalidInput('message', `refused by the mail service's ${flagged} scan`);
  // An auto-reply or a bounce (RFC 3834: never answered) is no complaint either.
  if (mail.automated) throw invalidInput('message', 'refused as automated (auto-reply or bounce)');
  // A redelivery is the same sender's same message: its Message-ID (another sender's message
  // under the same id is another message), or, without one (RFC 5322 only says SHOULD), what
  // the sender wrote and when (the server's own headers differ between deliveries).
  const messageId = mail.messageId?.trim() || null;
  const claim = {
    kind: 'message_id' as const,
    value: messageId
      ? `${address}\n${messageId}`
      : JSON.stringify([address, mail.sentAt ?? null, mail.subject, mail.text, mail.attachments]),
  };
  // A redelivery is answered before any file is stored (a race is settled by the transaction).
  const earlier = await deps.store.findClaim(claim);
  if (earlier) return { caseId: earlier, duplicate: true };
  // A citizen's message a staff member forwarded is the citizen's complaint; the claim above
  // stays the forward's own (its redelivery is the forward's).
  const forward = await staffForward(deps, mail, address, files);
  const complaint = forward?.mail ?? mail;
  const complainant = forward?.address ?? address;
  const complaintFiles = forward ? forward.files : files;
  const name = cutText(complaint.from?.name?.trim() || complainant, 200);
  const body = (complaint.text ?? '').trim();
  const description = body === '' ? '(Surel tanpa isi teks)' : mailText(body);
  // A follow-up of the complainant joins their case, unless that case has ended (when found,
  // or by the time it is joined: `joinCase` answers nothing then). Never mail a list relayed:
  // its sender's address may be the list's, anyone's who posts to it.
  const followed = mail.viaList ? undefined : await followedCase(deps, complaint, complainant);
  if (followed && !ENDED.includes(followed.status)) {
    const joined = await joinCase(
      deps,
      followed.id,
      complaint,
      claim,
      complaintFiles,
      forward?.note,
    );
    if (joined) return joined;
  }
  const kept = complaintFiles ? await mailAttachments(deps, complaintFiles) : [];
  try {
    const c = await registerWithFiles(
      deps,
      {
        channel: 'email',
        // When SES (or the SMTP listener) received it: its verification deadline counts from
        // then, not from when this run got to it.
        receivedAt: mailReceiptTime(mail.receivedAt, deps.clock()),
        complainant: { name, email: complainant },
        subject: cutText(complaint.subject?.trim() || '(Tanpa perihal)', 200),
        description,
      },
      {
        actor: INTAKE,
        claims: [claim],
        // How many files came with it, and how many became the case's attachments (the others,
        // of a type or size not taken, stay in the .eml); their names may name people, so they
        // stay off the timeline.
        note: {
          attachments: complaint.attachments.length,
          ...(complaintFiles ? { attached: kept.filter((f) => !f.centralOnly).length } : {}),
          // Relayed by a group or list: central may want to answer the sender, not the list.
          ...(mail.viaList ? { viaList: true } : {}),
          // Forwarded by a staff member (central's: it names them, and their note).
          ...forward?.note,
          // It answers a case that had ended: central's to link (never the agencies').
          ...(followed
            ? { followUpOf: followed.id, followUpOfNumber: followed.agendaNumber ?? null }
            : {}),
        },
      },
      kept,
    );
    return { caseId: c.id, duplicate: false };
  } catch (error) {
    if (error instanceof AlreadyRegistered && error.claim.kind === 'message_id')
      return { caseId: error.caseId, duplicate: true };
    throw error;
  }
}

/**
 * A forward (`mail.forwarded`) sent by staff, read as the original's: its sender the
 * complainant, its subject, text and files the complaint's (the forward's `.eml` stays the
 * case's original, central's). Staff: an address of a domain in `staffMailDomains`, or one of
 * central's contacts in the agency registry. Anyone else forwarding a message makes it their
 * own complaint, as before: a citizen may well forward what someone else wrote to them. None
 * either when the original's sender is no address to answer, or the forwarder themself.
 */
async function staffForward(
  deps: ServiceDeps,
  mail: IncomingMail,
  address: string,
  files: MailFiles | undefined,
): Promise<
  | {
      mail: IncomingMail;
      address: string;
      files: MailFiles | undefined;
      note: { forwardedBy: string; forwardNote?: string };
    }
  | undefined
> {
  const original = mail.forwarded;
  if (!original) return undefined;
  const from = original.from.address.trim().toLowerCase();
  if (from === address || !ComplainantSchema.shape.email.safeParse(from).success) return undefined;
  // Staff may name another person as the complainant only from an address the receiving
  // service authenticated (anyone can write any `From:`).
  if (!mail.fromAuthenticated || !(await isStaff(deps, address))) return undefined;
  const note = original.note?.trim();
  return {
    mail: {
      ...mail,
      from: { name: original.from.name, address: from },
      subject: original.subject,
      text: original.text,
      attachments: original.attachments,
      // What the forward answers is the officer's thread, not the citizen's.
      inReplyTo: [],
      references: [],
    },
    address: from,
    files: files ? { ...files, attachments: files.forwarded ?? [] } : undefined,
    note: { forwardedBy: address, ...(note ? { forwardNote: cutText(note, 1_000) } : {}) },
  };
}

/** Whether an address is central's staff: of a `staffMailDomains` domain, or a central contact. */
async function isStaff(deps: ServiceDeps, address: string): Promise<boolean> {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (deps.staffMailDomains?.some((d) => d.trim().toLowerCase() === domain)) return true;
  const central = await deps.store.getAgency(CENTRAL_TENANT);
  return central?.contacts.some((c) => c.email.trim().toLowerCase() === address) ?? false;
}

/**
 * A case a follow-up no longer joins: rejected or closed, central has no work left on it and
 * would not look at it again, so the mail is a new case, noted as answering it (README, "E-mail").
 */
const ENDED: readonly CaseStatus[] = ['rejected', 'closed'];

/** How many of the ids a message answers are looked up, its latest first. */
const MAX_FOLLOWED_IDS = 10;

/**
 * The agenda numbers a subject may quote (the tracking page asks the complainant to quote it,
 * `17/DUMAS/III/2026`): words with a digit and a `/` or `-`, normalised as search reads a
 * reference; the first 3.
 */
export function agendaNumbersIn(subject: string): string[] {
  const numbers = subject
    .split(/[\s[\](){}<>"',;]+/)
    .map((w) => w.replace(/[.:]+$/, ''))
    .filter((w) => /\d/.test(w) && /[/-]/.test(w) && w.length <= 100)
    .map(normalizeReference)
    .filter((n): n is string => n !== undefined);
  return [...new Set(numbers)].slice(0, 3);
}

/**
 * The case a message of `address` follows up: one a message it answers opened or joined
 * (its `In-Reply-To`, then its thread, latest first), or whose agenda number its subject
 * quotes; either only when the case's complainant has that address. Anyone can write those
 * headers and that subject: the ids are looked up under the sender's address (the claim each
 * message made: another sender's message under the same id is not theirs), and the number is
 * anybody's to quote, so the complainant's address decides. Never a case a list relayed the
 * registration of (`viaList`): its complainant's address may be the list's. None: the message
 * is a new case.
 */
async function followedCase(
  deps: ServiceDeps,
  mail: IncomingMail,
  address: string,
): Promise<CaseRecord | undefined> {
  const theirs = (c: CaseRecord | undefined) =>
    c?.complainant?.email?.trim().toLowerCase() === address ? c : undefined;
  // Read only for a case of that address: its first event is its registration.
  const viaList = async (c: CaseRecord) =>
    (await deps.store.listTimeline(c.id, { limit: 1 })).items[0]?.data.viaList === true;
  const ids = [...new Set([...(mail.inReplyTo ?? []), ...[...(mail.references ?? [])].reverse()])];
  for (const id of ids.slice(0, MAX_FOLLOWED_IDS)) {
    const caseId = await deps.store.findClaim({ kind: 'message_id', value: `${address}\n${id}` });
    const c = caseId ? theirs((await deps.store.getCase(caseId))?.case) : undefined;
    if (c) return (await viaList(c)) ? undefined : c;
  }
  for (const number of agendaNumbersIn(mail.subject ?? '')) {
    const hits = await deps.store.findByLookups(
      [{ kind: 'ref', field: 'agendaNumber', value: number }],
      { limit: 10 },
    );
    const ids = hits.items.filter((h) => h.field === 'agendaNumber').map((h) => h.caseId);
    const c = (ids.length > 0 ? await deps.store.getCases(ids) : []).find(
      (x) => x.agendaNumber && normalizeReference(x.agendaNumber) === number && theirs(x),
    );
    if (c) return (await viaList(c)) ? undefined : c;
  }
  return undefined;
}

/**
 * A follow-up joins its case: a `complainant_mail` event only central reads (its subject and
 * text, cut as a case's description is), the `.eml` and the files the case takes, all
 * central's (the papers sent for `needs_info`, an ID scan, reach no agency unreviewed; central
 * may show them, `updateAttachment`), and the message's claim, so a redelivery answers the
 * case and a reply to it joins it too; all in one transaction with the case, which a case
 * waiting for information shows as answered. The files fill the room the case has left (30),
 * the `.eml` first. Nothing, and no file kept, when the case has ended since it was found
 * (rejected or closed): the caller registers the message as a new case then.
 */
async function joinCase(
  deps: ServiceDeps,
  caseId: string,
  mail: IncomingMail,
  claim: UniqueClaim,
  files: MailFiles | undefined,
  /** Forwarded by a staff member (`staffForward`): who, and their note. */
  forwarded?: { readonly forwardedBy: string; readonly forwardNote?: string },
): Promise<MailOutcome | undefined> {
  const kept = files ? await mailAttachments(deps, files) : [];
  const { blobs } = documentStorage(deps);
  const nextId = monotonicFactory();
  const stored = kept.map((f) => {
    const fileId = nextId();
    return { ...f, id: fileId, key: attachmentKey(caseId, fileId) };
  });
  const drop = (gone: readonly { key: string }[]) =>
    Promise.allSettled(gone.map((f) => blobs.delete(f.key)));
  for (const f of stored) await blobs.write(f.key, f.bytes, f.contentType, downloadName(f));
  try {
    const recorded = await retryOnConflict(async () => {
      const { case: c } = await loadCase(deps, caseId);
      // Ended since `followedCase` read it (or on a retry, by the write that conflicted).
      if (ENDED.includes(c.status)) return undefined;
      const now = deps.clock();
      const existing = await deps.store.listAttachments(caseId);
      const room =
        MAX_ATTACHMENTS_PER_CASE - existing.filter((a) => countsAgainstLimit(a, now)).length;
      // The .eml first: it holds every file, and the whole text.
      const eml = stored.filter((f) => f.centralOnly).slice(0, Math.max(0, room));
      const taken = [
        ...stored.filter((f) => !f.centralOnly).slice(0, Math.max(0, room - eml.length)),
        ...eml,
      ];
      const body = (mail.text ?? '').trim();
      await deps.store.commit({
        case: put(c, followUpMail(c, now)),
        claims: [claim],
        events: [
          {
            id: newEventId(now),
            caseId,
            at: now.toISOString(),
            type: 'complainant_mail',
            actor: INTAKE,
            agencyId: null,
            data: {
              subject: cutText(mail.subject?.trim() || '(Tanpa perihal)', 200),
              text: body === '' ? '(Surel tanpa isi teks)' : mailText(body),
              attachments: mail.attachments.length,
              attached: taken.filter((f) => !f.centralOnly).length,
              // The case had no room left for the original message (on AWS the inbox bucket keeps
              // it until that expires).
              ...(stored.some((f) => f.centralOnly) && !taken.some((f) => f.centralOnly)
                ? { originalKept: false }
                : {}),
              ...(mail.viaList ? { viaList: true } : {}),
              ...forwarded,
            },
          },
        ],
        attachments: taken.map((f) => ({
          record: receivedAttachment({
            id: f.id,
            caseId,
            name: f.name,
            contentType: f.contentType,
            sniffed: f.sniffed,
            visibility: 'central',
            uploadedBy: { sub: 'intake:email', agency: CENTRAL_TENANT },
            now,
          }),
          expectedVersion: null,
        })),
      });
      return taken;
    });
    await drop(stored.filter((f) => !recorded?.includes(f)));
    return recorded ? { caseId, duplicate: false, followUp: true } : undefined;
  } catch (error) {
    // A transaction refused wrote nothing: its files go. Any other failure (an answer lost)
    // may have landed: they stay (a stray file costs less than a lost one).
    if (error instanceof WriteConflict) await drop(stored);
    // The same message delivered twice at once: the other delivery joined it.
    if (error instanceof WriteConflict && error.kind === 'claimed') {
      const earlier = await deps.store.findClaim(claim);
      if (earlier) return { caseId: earlier, duplicate: true };
    }
    throw error;
  }
}

/** An e-mail's text as a case keeps it: cut at 20,000 characters, saying so. */
const mailText = (body: string): string =>
  body.length > MAX_DESCRIPTION
    ? `${cutText(body, MAX_DESCRIPTION - 40)}\n… (dipotong; surel lengkap tersimpan)`
    : body;

/** An e-mail's files as the parser gave them, and the message itself (the `.eml`). */
export interface MailFiles {
  readonly attachments: readonly { readonly filename: string; readonly content: Uint8Array }[];
  /** A forward's original's files (`IncomingMail.forwarded`), taken instead of `attachments`. */
  readonly forwarded?: readonly { readonly filename: string; readonly content: Uint8Array }[];
  readonly raw: Uint8Array;
}

/** The name the original message is kept under, central-only. */
export const ORIGINAL_MAIL_NAME = 'surel-asli.eml';

/**
 * Which of an e-mail's files become the case's attachments: those of a type and size central's
 * uploads take (PDF, JPEG, PNG, DOCX up to 20 MB), as many as the case holds beside the
 * `.eml`. The `.eml` itself is always kept, for central only: it shows the sender's address
 * even when the case hides the identity, and holds every file, the refused ones too.
 */
async function mailAttachments(deps: ServiceDeps, files: MailFiles): Promise<IntakeFile[]> {
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
  const [eml] = await inspected(deps, [{ name: ORIGINAL_MAIL_NAME, bytes: files.raw }]);
  return [...taken, { ...eml!, contentType: 'message/rfc822', centralOnly: true }];
}

interface IntakeFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sniffed: Sniffed;
  readonly contentType: string;
  readonly centralOnly: boolean;
}

async function inspected(
  deps: ServiceDeps,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
): Promise<{ name: string; bytes: Uint8Array; sniffed: Sniffed }[]> {
  if (files.length === 0) return [];
  const { inspect } = documentStorage(deps);
  return Promise.all(files.map(async (f) => ({ ...f, sniffed: await inspect(f.bytes) })));
}

/**
 * Registers a case with files that came with it: the bytes are stored first under the case's
 * id, then the case and their records are written in one transaction. A case therefore never
 * lacks one of its files; if the case is not written (a replayed proof, a redelivered
 * message, a failure), the bytes are deleted again, and until then no record names them, so
 * nobody can list or download them.
 */
async function registerWithFiles(
  deps: ServiceDeps,
  input: Parameters<typeof registerCase>[1],
  options: RegisterOptions,
  files: readonly IntakeFile[],
): Promise<CaseRecord> {
  if (files.length === 0) return registerCase(deps, input, options);
  const { blobs } = documentStorage(deps);
  const id = ulid();
  // Monotonic: the files are listed (by id) in the order they came.
  const nextId = monotonicFactory();
  const stored = files.map((f) => {
    const fileId = nextId();
    return { ...f, id: fileId, key: attachmentKey(id, fileId) };
  });
  try {
    for (const f of stored) await blobs.write(f.key, f.bytes, f.contentType, downloadName(f));
    return await registerCase(deps, input, {
      ...options,
      id,
      attachments: (c, now) =>
        stored.map((f) =>
          receivedAttachment({
            id: f.id,
            caseId: c.id,
            name: f.name,
            contentType: f.contentType,
            sniffed: f.sniffed,
            visibility: f.centralOnly ? 'central' : defaultVisibility('case', c.identityHidden),
            uploadedBy: { sub: `intake:${c.channel}`, agency: CENTRAL_TENANT },
            now,
          }),
        ),
    });
  } catch (error) {
    // Only a case never written leaves its files to delete: an error after the transaction
    // landed (every attempt's answer timed out) would take a saved case's files with it. So
    // the read is consistent: an eventually consistent one may not see the case just written,
    // and the redelivery that follows finds its claim and stores nothing again. Not knowing
    // (the store down) keeps them: a stray file costs less than a lost one.
    const written = await deps.store.getCase(id, { consistent: true }).then(Boolean, () => true);
    if (!written) await Promise.allSettled(stored.map((f) => blobs.delete(f.key)));
    throw error;
  }
}
