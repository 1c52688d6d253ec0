/**
 * E-mail to the complaints address becomes a case (channel `email`), or joins the case it
 * follows up (`mail-follow-up.ts`, from an authenticated sender only); a complaint central's
 * staff forwarded is the citizen's.
 */
import { invalidInput } from '../errors.ts';
import type { CaseRecord } from '../case.ts';
import { ComplainantSchema } from '../schemas/cases.ts';
import { cutText } from '../text.ts';
import { CENTRAL_TENANT } from '../tenancy.ts';
import { INTAKE, registerWithFiles } from './intake.ts';
import type { UniqueClaim } from '../ports.ts';
import type { ServiceDeps } from './kernel/index.ts';
import { ENDED, followedCase, joinCase } from './mail-follow-up.ts';
import {
  type ForwardedMail,
  type IncomingMail,
  type MailFiles,
  type MailOutcome,
  mailAttachments,
  mailSubject,
  mailText,
  withWholeSubject,
} from './mail-message.ts';
import { receiptFor, sendPendingReceipt, sendRegisteredReceipt } from './mail-receipt.ts';
import { AlreadyRegistered } from './registration.ts';

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
 * refused. Bulk mail (a group or list relayed it, or a newsletter's) is a case, marked so. The
 * case is dated when the mail service received the message (`mail.receivedAt`, clamped by
 * `mailReceiptTime`). A follow-up of the complainant (a reply, a mail quoting the agenda
 * number, from their address) joins their case instead (`joinCase`), unless it has ended, or the receiving service did not
 * authenticate its sender (`mail.fromAuthenticated`): then it is a new case, noted as
 * answering that one (and, unauthenticated, as from a sender not verified). A new case from
 * an authenticated sender of their own complaint gets a receipt by e-mail (`mail-receipt.ts`),
 * sent once the case is written; a redelivery sends one the first delivery could not.
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
  // Its receipt, if the first delivery could not send it (or crashed before it did), goes now,
  // unless a run holds its claim (the first delivery may be sending it right now).
  if (earlier)
    return { caseId: earlier, duplicate: true, ...(await sendPendingReceipt(deps, earlier)) };
  // A citizen's message a staff member forwarded is the citizen's complaint; the claim above
  // stays the forward's own (its redelivery is the forward's). Forwarded with its headers, it
  // also claims the original's Message-ID under the citizen's address: the citizen who wrote
  // to the intake as well (before or after) has one case, not two.
  const forward = await staffForward(deps, mail, address, files);
  const original = forward?.claim ? await deps.store.findClaim(forward.claim) : undefined;
  if (original) {
    // The citizen's own copy made the case: an officer's note is news to it (joined to it as
    // the staff forward it is, without the files the case already has), a bare forward is not.
    const joined = forward?.note.forwardNote
      ? await joinCase(
          deps,
          original,
          { ...forward.mail, attachments: [] },
          [claim],
          undefined,
          forward.note,
        )
      : undefined;
    return joined ?? { caseId: original, duplicate: true };
  }
  const claims = forward?.claim ? [claim, forward.claim] : [claim];
  const complaint = forward?.mail ?? mail;
  const complainant = forward?.address ?? address;
  // A forward as an attachment from anyone but staff (a citizen forwarding an answer they got)
  // is the sender's own complaint about what it forwards: its words and files are read below
  // the sender's note, as an inline forward's are (all stay in the .eml too).
  const enclosed = !forward && mail.forwarded?.shape === 'attachment' ? mail.forwarded : undefined;
  const complaintFiles = forward ? forward.files : files;
  const caseFiles =
    enclosed && files ? { ...files, attachments: files.forwarded ?? [] } : complaintFiles;
  const name = cutText(complaint.from?.name?.trim() || complainant, 200);
  const subject = mailSubject(complaint.subject);
  const body = withWholeSubject(
    subject,
    (enclosed ? enclosedText(enclosed) : (complaint.text ?? '')).trim(),
  );
  const description = mailText(body, (enclosed ?? complaint).attachments.length);
  // A follow-up of the complainant joins their case, unless that case has ended (when found,
  // or by the time it is joined: `joinCase` answers nothing then). Never mail a list relayed:
  // its sender's address may be the list's, anyone's who posts to it. Only from a sender the
  // receiving service authenticated (a staff forward's is, `staffForward`): anyone can write
  // any `From:`, and agenda numbers are sequential, so a stranger who knows the complainant's
  // address would otherwise write into their case, read by central and the agencies as theirs.
  const followed = mail.viaList ? undefined : await followedCase(deps, complaint, complainant);
  const verified = mail.fromAuthenticated === true;
  if (followed && verified && !ENDED.includes(followed.status)) {
    const joined = await joinCase(
      deps,
      followed.id,
      complaint,
      claims,
      complaintFiles,
      forward?.note,
    );
    if (joined) return joined;
  }
  const kept = caseFiles ? await mailAttachments(deps, caseFiles) : [];
  // Bulk mail (a newsletter, a list's) is a case all the same, the message being the record,
  // marked for central's desk; never sent a receipt (`receiptFor`).
  const bulk = mail.bulk === true || mail.viaList === true;
  const mailReceipt = receiptFor(deps, mail, complainant, forward !== undefined);
  let registered: CaseRecord;
  try {
    const c = await registerWithFiles(
      deps,
      {
        channel: 'email',
        // When SES (or the SMTP listener) received it: its verification deadline counts from
        // then, not from when this run got to it.
        receivedAt: mailReceiptTime(mail.receivedAt, deps.clock()),
        complainant: { name, email: complainant },
        subject: subject.subject,
        description,
      },
      {
        actor: INTAKE,
        claims,
        ...(mailReceipt ? { mailReceipt } : {}),
        ...(bulk ? { bulkMail: true } : {}),
        // How many files came with it, and how many became the case's attachments (the others,
        // of a type or size not taken, stay in the .eml); their names may name people, so they
        // stay off the timeline.
        note: {
          attachments: (enclosed ?? complaint).attachments.length,
          ...(caseFiles ? { attached: kept.filter((f) => !f.centralOnly).length } : {}),
          // Relayed by a group or list: central may want to answer the sender, not the list.
          ...(mail.viaList ? { viaList: true } : {}),
          // Forwarded by a staff member (central's: it names them, and their note).
          ...forward?.note,
          // It answers a case that had ended, or claims to from a sender nobody vouched for:
          // central's to link, and to judge (never the agencies').
          ...(followed
            ? {
                followUpOf: followed.id,
                followUpOfNumber: followed.agendaNumber ?? null,
                ...(verified ? {} : { followUpUnverified: true }),
              }
            : {}),
        },
      },
      kept,
    );
    registered = c;
  } catch (error) {
    // The same message delivered twice at once: the other delivery's case, whose receipt that
    // delivery holds the claim of (this one sends it only once that claim has lapsed unsent).
    if (error instanceof AlreadyRegistered && error.claim.kind === 'message_id')
      return {
        caseId: error.caseId,
        duplicate: true,
        ...(await sendPendingReceipt(deps, error.caseId)),
      };
    throw error;
  }
  // After the commit: the case stands whatever becomes of its receipt, written claimed by
  // this run (`receiptFor`), so it goes without another read or write first.
  return {
    caseId: registered.id,
    duplicate: false,
    ...(mailReceipt ? await sendRegisteredReceipt(deps, registered) : {}),
  };
}

/** A forward's note, then its original as a mail client shows one forwarded inline. */
const enclosedText = (f: ForwardedMail): string =>
  [
    f.note ?? '',
    '---------- Pesan terusan ----------',
    `Dari: ${f.from.name ? `${f.from.name} <${f.from.address}>` : f.from.address}`,
    ...(f.subject ? [`Perihal: ${f.subject}`] : []),
    '',
    f.text,
  ].join('\n');

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
      /** The original's Message-ID under the citizen's address, when the forward carries it. */
      claim?: UniqueClaim;
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
    ...(original.messageId?.trim()
      ? { claim: { kind: 'message_id', value: `${from}\n${original.messageId.trim()}` } }
      : {}),
  };
}

/** Whether an address is central's staff: of a `staffMailDomains` domain, or a central contact. */
async function isStaff(deps: ServiceDeps, address: string): Promise<boolean> {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (deps.staffMailDomains?.some((d) => d.trim().toLowerCase() === domain)) return true;
  const central = await deps.store.getAgency(CENTRAL_TENANT);
  return central?.contacts.some((c) => c.email.trim().toLowerCase() === address) ?? false;
}
