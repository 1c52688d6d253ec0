/**
 * The receipt an e-mail complainant gets by e-mail, as the public form's complainant gets one
 * on screen: the agenda number, when it was received, the subject, the verification deadline
 * and the tracking code (README, "E-mail"). Only for a new case whose complainant is the
 * message's own sender, authenticated by the receiving service, not relayed by a list
 * (`receiptFor`): the tracking code is the complainant's credential, and must not go to
 * whoever's address a sender forged.
 *
 * Exactly once per case, however deliveries race (S3's events, and so SES's messages, are
 * at-least-once; an SMTP sender retries): a receipt goes only from the run holding its claim
 * (`claimedUntil`, a lease of `RECEIPT_CLAIM_MS`). The case is written with its receipt pending
 * and already claimed by the intake that registers it, in the registration's own transaction,
 * so the first delivery's send costs no write beyond the mark; it is sent after the commit and
 * then marked sent with a central-only `mail_receipt_sent` event. Any other sender (a
 * redelivery of the message, the delivery that lost the registration to another at the same
 * moment, the scheduled sweep: `sendPendingReceipts`, on AWS every 15 minutes, embedded every
 * minute) first claims it with a version-checked write of the case, its one extra write, and
 * only when no live claim holds it: a live claim, or another sender's claim won meanwhile,
 * means it sends nothing (the receipt stays pending, for the sweep once that claim lapses). A
 * send that fails leaves it pending and claimed until the lease ends. The case is listed for
 * the sweep while its receipt is pending (the store's sparse index on the case).
 *
 * The one boundary this cannot close: a run that sent the receipt and crashed (or stalled past
 * its claim) before marking it sent leaves it pending, and it goes again once the claim lapses,
 * under the same Message-ID (SES takes no idempotency key, so a send cannot be made conditional
 * on the mark). At most one such resend per crash; never two sends while the claim holds.
 */
import { DEFAULT_TIME_ZONE } from '../calendar.ts';
import type { CaseRecord } from '../case.ts';
import { formatLocal } from '../date-words.ts';
import type { ComplainantMessage } from '../notification.ts';
import { newEventId } from '../timeline.ts';
import { INTAKE } from './intake.ts';
import { loadCase, put, retryOnConflict, type ServiceDeps } from './kernel/index.ts';
import type { IncomingMail } from './mail-message.ts';

/** How many ids of the complainant's thread the receipt's `References` carries (theirs last). */
const MAX_RECEIPT_REFERENCES = 20;

/**
 * The longest Message-ID the receipt answers or names: RFC 5322's line (998 characters), which
 * an id, holding no space to fold at, cannot pass. Nothing before the case item bounds it (the
 * SMTP listener takes 25 MB, SES 40 MB): 20 longer ones made the case pass 400 KB, and the
 * message was refused, never a case. A longer id is left out (no mail client writes one).
 */
export const MAX_MESSAGE_ID_CHARS = 998;
const fitsLine = (id: string) => id.length <= MAX_MESSAGE_ID_CHARS;

/**
 * How long a claim on a receipt holds (`claimedUntil`): no other sender sends it before. Well
 * past a send (the intake's run lasts a minute at most), and the sweep's grace
 * (`RECEIPT_GRACE_MS`) is as long, so the sweep reads a receipt only once the intake's claim on
 * it has lapsed.
 */
export const RECEIPT_CLAIM_MS = 5 * 60_000;

/**
 * What became of a case's receipt in this run: it went, it waits for the sweep (`pending`: the
 * send or the mark failed, or the run's own claim lapsed before it could send), or another run
 * holds its claim (`claimed`: this one sent nothing).
 */
export type ReceiptOutcome =
  | { readonly receipt: 'sent' }
  | { readonly receipt: 'claimed' }
  | {
      readonly receipt: 'pending';
      /** The send's or the mark's error by its name only: an SES message may name the address. */
      readonly receiptError: string;
    };

/** Whether a run's claim on `receipt` holds at `now` (one written before claims were kept: no). */
const claimHolds = (receipt: NonNullable<CaseRecord['mailReceipt']>, now: Date): boolean =>
  receipt.claimedUntil !== undefined && Date.parse(receipt.claimedUntil) > now.getTime();

/** A claim taken at `now`. */
const claimUntil = (now: Date): string => new Date(now.getTime() + RECEIPT_CLAIM_MS).toISOString();

/**
 * The pending receipt a new case from `mail` is written with, when one is due: receipts are
 * on (`ServiceDeps.receipts`), the complainant is the sender (not a staff forward's citizen,
 * whom nobody authenticated), the receiving service authenticated the sender's domain (the
 * test a follow-up must pass to join a case), and no list relayed it (the address may be the
 * list's) nor a mass-mail tool sent it (a newsletter's `List-Unsubscribe`: the tracking code,
 * a credential, would go to its no-reply address). Claimed by the run that writes it
 * (`sendRegisteredReceipt` sends it). Undefined: no receipt, ever, for this case.
 */
export function receiptFor(
  deps: ServiceDeps,
  mail: IncomingMail,
  complainant: string,
  forwarded: boolean,
): CaseRecord['mailReceipt'] {
  if (!deps.receipts || forwarded || mail.viaList || mail.bulk || mail.fromAuthenticated !== true)
    return undefined;
  const id = mail.messageId?.trim() || null;
  const messageId = id && fitsLine(id) ? id : null;
  const references = [...(mail.references ?? []), ...(messageId ? [messageId] : [])];
  return {
    to: complainant,
    inReplyTo: messageId,
    references: [...new Set(references.filter(fitsLine))].slice(-MAX_RECEIPT_REFERENCES),
    sentAt: null,
    claimedUntil: claimUntil(deps.clock()),
  };
}

/**
 * Sends the receipt of case `c` that the intake has just registered, claimed by that run
 * (`receiptFor`), and marks it sent: no read or write of the case first. Should its claim have
 * lapsed before the send (a run stalled for minutes), another sender may hold the receipt
 * now: it is left pending (`ClaimLapsed`), for that sender or the sweep. Never throws.
 */
export async function sendRegisteredReceipt(
  deps: ServiceDeps,
  c: CaseRecord,
): Promise<ReceiptOutcome | undefined> {
  const receipt = c.mailReceipt;
  if (!deps.receipts || !receipt || receipt.sentAt || receipt.givenUpAt) return undefined;
  if (!claimHolds(receipt, deps.clock()))
    return { receipt: 'pending', receiptError: 'ClaimLapsed' };
  return sendClaimed(deps, c, receipt);
}

/**
 * Sends a case's pending receipt, for any sender but the intake that registered the case (a
 * redelivery, the delivery that lost the registration, the sweep): claims it first
 * (`claimReceipt`), and sends nothing while another run's claim holds (`claimed`). Nothing
 * for a case without one, or whose receipt went or was given up. Never throws: the case is
 * written, and the message must not fail for its receipt (on AWS its retries would end in the
 * dead-letter queue as a message that "never became a case").
 */
export async function sendPendingReceipt(
  deps: ServiceDeps,
  caseId: string,
): Promise<ReceiptOutcome | undefined> {
  if (!deps.receipts) return undefined;
  try {
    const claimed = await claimReceipt(deps, caseId);
    if (claimed === 'held') return { receipt: 'claimed' };
    if (!claimed?.mailReceipt) return undefined;
    return await sendClaimed(deps, claimed, claimed.mailReceipt);
  } catch (error) {
    return pending(error);
  }
}

/**
 * Claims a case's pending receipt for this run (`claimedUntil`), with a version-checked write
 * of the case, when no other run's claim holds it: the case as claimed, `held` when another
 * run's does (read consistently: its claim may be a moment old), undefined when it has none
 * pending. A write another made meanwhile is read again (`retryOnConflict`): another sender's
 * claim won, and this one is `held`; any other write (an officer's), and it claims again.
 */
async function claimReceipt(
  deps: ServiceDeps,
  caseId: string,
): Promise<CaseRecord | 'held' | undefined> {
  return retryOnConflict(async () => {
    const c = (await deps.store.getCase(caseId, { consistent: true }))?.case;
    const receipt = c?.mailReceipt;
    if (!c || !receipt || receipt.sentAt || receipt.givenUpAt) return undefined;
    const now = deps.clock();
    if (claimHolds(receipt, now)) return 'held';
    // Neither `updatedAt` nor an event: nothing anyone reads on the case changed.
    const claim = put(c, { ...c, mailReceipt: { ...receipt, claimedUntil: claimUntil(now) } });
    await deps.store.commit({ case: claim });
    return claim.record;
  });
}

/**
 * Sends a receipt this run holds the claim of, then marks it sent (with its
 * `mail_receipt_sent` event), in that order: a crash between the two sends it again once the
 * claim lapses (the sweep, or a redelivery), the same Message-ID, never a receipt lost.
 */
async function sendClaimed(
  deps: ServiceDeps,
  c: CaseRecord,
  receipt: NonNullable<CaseRecord['mailReceipt']>,
): Promise<ReceiptOutcome> {
  const receipts = deps.receipts!;
  try {
    await receipts.mailer.reply({
      ...receiptMessage(c, receipt, receipts.trackingUrl),
      ...(receipts.replyTo ? { replyTo: receipts.replyTo } : {}),
    });
    await markReceipt(deps, c.id, 'sentAt', 'mail_receipt_sent');
    return { receipt: 'sent' };
  } catch (error) {
    return pending(error);
  }
}

/** A receipt left pending by `error`, named only (an SES message may name the address). */
const pending = (error: unknown): ReceiptOutcome => ({
  receipt: 'pending',
  receiptError: error instanceof Error ? error.name : 'Error',
});

/**
 * How old a pending receipt must be before the sweep sends it: a younger one may be the one
 * the intake that wrote it is sending right now (the function's run lasts a minute at most).
 */
export const RECEIPT_GRACE_MS = 5 * 60_000;

/** A receipt still pending this long is the operator's to look at (the sweep warns, alarmed). */
export const RECEIPT_OVERDUE_MS = 24 * 60 * 60_000;

/**
 * A receipt still refused this long after its case was written is given up: an address that
 * refuses for good (no such mailbox) would otherwise be sent to every run for ever, bounces
 * that cost the sender's reputation, with every letter to the agencies; and the complaint has
 * been verified by then (3 working days), so the receipt says little the tracking page does not.
 */
export const RECEIPT_GIVE_UP_MS = 3 * 24 * 60 * 60_000;

/** Pending receipts read per page: each is a send and a write, so a page is a short run. */
const RECEIPT_PAGE = 25;

/** What one sweep did with the pending receipts (figures only: never an address). */
export interface PendingReceiptsResult {
  /** Receipts sent and marked sent. */
  readonly sent: number;
  /**
   * Receipts tried and still pending (the send or the mark failed): the next sweep's. Not
   * those another run's claim held (not tried), though their age counts below.
   */
  readonly pending: number;
  /** Of the receipts read, those still pending past `RECEIPT_OVERDUE_MS`. */
  readonly overdue: number;
  /** Age of the oldest receipt read and still pending, in seconds (0: none). */
  readonly oldestSeconds: number;
  /** Receipts read but not tried: the run ran out of time. */
  readonly leftForTime: number;
  /** Receipts given up in this run (pending past `RECEIPT_GIVE_UP_MS`), none sent. */
  readonly givenUp: number;
}

/**
 * The sweep's half of the receipts: every case created more than `graceMs` ago whose receipt
 * is still pending, oldest first, a page at a time up to `limit`, each sent as
 * `sendPendingReceipt` sends it (so exactly once: it claims the receipt first, and one that
 * went meanwhile, or that another run holds the claim of, is not sent). A send that fails
 * leaves it for a sweep once its claim lapses; the pages read on past it, so a receipt that
 * keeps failing holds up none of the others. One past `RECEIPT_GIVE_UP_MS` is given up, unless
 * a run holds its claim (it may be sending it right now). Nothing without `deps.receipts` (no
 * receipt is written then either).
 */
export async function sendPendingReceipts(
  deps: ServiceDeps,
  options: {
    readonly graceMs?: number;
    readonly limit: number;
    /** False once the run must stop taking work (Lambda's time left). */
    readonly inTime?: () => boolean;
  },
): Promise<PendingReceiptsResult> {
  const result = { sent: 0, pending: 0, overdue: 0, oldestSeconds: 0, leftForTime: 0, givenUp: 0 };
  if (!deps.receipts) return result;
  const now = deps.clock();
  const before = new Date(now.getTime() - (options.graceMs ?? RECEIPT_GRACE_MS));
  const stillPending = (createdAt: string) => {
    const age = Math.max(0, Math.round((now.getTime() - Date.parse(createdAt)) / 1000));
    result.oldestSeconds = Math.max(result.oldestSeconds, age);
    if (age * 1000 >= RECEIPT_OVERDUE_MS) result.overdue += 1;
  };
  let read = 0;
  let cursor: string | undefined;
  while (read < options.limit) {
    const page = await deps.store.listPendingReceipts(before, {
      limit: Math.min(RECEIPT_PAGE, options.limit - read),
      ...(cursor ? { cursor } : {}),
    });
    for (const [i, c] of page.items.entries()) {
      if (options.inTime && !options.inTime()) {
        result.leftForTime += page.items.length - i;
        for (const left of page.items.slice(i)) stillPending(left.createdAt);
        return result;
      }
      if (now.getTime() - Date.parse(c.createdAt) >= RECEIPT_GIVE_UP_MS) {
        if (await markReceipt(deps, c.id, 'givenUpAt', 'mail_receipt_failed')) result.givenUp += 1;
        continue;
      }
      const outcome = await sendPendingReceipt(deps, c.id);
      if (outcome?.receipt === 'sent') result.sent += 1;
      else if (outcome?.receipt === 'pending') {
        result.pending += 1;
        stillPending(c.createdAt);
      } else if (outcome?.receipt === 'claimed') stillPending(c.createdAt);
    }
    read += page.items.length;
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return result;
}

/**
 * Ends a pending receipt: sent (`sentAt`, with `mail_receipt_sent`), or given up for good
 * (`givenUpAt`, with `mail_receipt_failed`, so central reads on the case that the complainant
 * has no receipt); either way off the sweep's list, with a central-only event. False when it
 * went or was given up meanwhile, or, to give it up, while a run's claim holds it (that run
 * may be sending it).
 */
async function markReceipt(
  deps: ServiceDeps,
  caseId: string,
  mark: 'sentAt' | 'givenUpAt',
  type: 'mail_receipt_sent' | 'mail_receipt_failed',
): Promise<boolean> {
  return retryOnConflict(async () => {
    const { case: c } = await loadCase(deps, caseId);
    if (!c.mailReceipt || c.mailReceipt.sentAt || c.mailReceipt.givenUpAt) return false;
    if (mark === 'givenUpAt' && claimHolds(c.mailReceipt, deps.clock())) return false;
    const at = deps.clock().toISOString();
    await deps.store.commit({
      case: put(c, { ...c, mailReceipt: { ...c.mailReceipt, [mark]: at }, updatedAt: at }),
      events: [
        { id: newEventId(new Date(at)), caseId, at, type, actor: INTAKE, agencyId: null, data: {} },
      ],
    });
    return true;
  });
}

/**
 * The receipt as it is mailed: Indonesian, plain text. Its subject carries the agenda number
 * (a reply keeping it joins the case); the tracking page's URL never carries the code.
 */
export function receiptMessage(
  c: CaseRecord,
  receipt: NonNullable<CaseRecord['mailReceipt']>,
  trackingUrl: string,
): ComplainantMessage {
  const zone = DEFAULT_TIME_ZONE;
  const number = c.agendaNumber ?? null;
  return {
    id: `receipt-${c.id}`,
    caseId: c.id,
    to: receipt.to,
    subject: number ? `Pengaduan Anda telah diterima: ${number}` : 'Pengaduan Anda telah diterima',
    body: [
      'Yth. Bapak/Ibu,',
      '',
      'Pengaduan yang Anda kirimkan melalui surel telah kami terima dan dicatat sebagai berikut.',
      '',
      ...(number ? [`Nomor agenda: ${number}`] : []),
      `Diterima: ${formatLocal(c.receivedAt, zone)}`,
      `Perihal: ${c.subject}`,
      `Batas waktu verifikasi: ${formatLocal(c.verificationDueAt, zone)}`,
      '',
      'Pengaduan Anda akan diverifikasi oleh Asdep Pengaduan Masyarakat paling lambat pada batas ' +
        'waktu di atas, lalu diteruskan kepada instansi yang berwenang.',
      '',
      `Kode lacak: ${c.trackingCode}`,
      '',
      'Kode lacak ini RAHASIA. Simpan baik-baik dan jangan berikan kepada siapa pun: siapa pun ' +
        'yang memegangnya dapat melihat perkembangan pengaduan Anda dan menanggapinya atas nama ' +
        'Anda.',
      '',
      `Untuk melacak pengaduan, buka ${trackingUrl} lalu masukkan kode lacak di atas.`,
      '',
      'Untuk menyampaikan keterangan atau dokumen tambahan, balas surel ini dari alamat surel ' +
        'yang sama dan biarkan nomor agenda tetap ada pada perihal (subjek) surel. Mohon tidak ' +
        'mengirim ulang pengaduan yang sama: surel baru tanpa nomor agenda pada perihalnya ' +
        'dicatat sebagai pengaduan lain.',
      '',
      'Surel ini dikirim secara otomatis.',
      '',
      'Asdep Pengaduan Masyarakat',
      'Kementerian Sekretariat Negara Republik Indonesia',
    ].join('\n'),
    inReplyTo: receipt.inReplyTo,
    references: receipt.references,
    createdAt: c.createdAt,
  };
}
