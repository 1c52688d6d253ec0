/**
 * The receipt an e-mail complainant gets by e-mail, as the public form's complainant gets one
 * on screen: the agenda number, when it was received, the subject, the verification deadline
 * and the tracking code (README, "E-mail"). Only for a new case whose complainant is the
 * message's own sender, authenticated by the receiving service, not relayed by a list
 * (`receiptFor`): the tracking code is the complainant's credential, and must not go to
 * whoever's address a sender forged. Exactly once: the case is written with its receipt
 * pending (`CaseRecord.mailReceipt`), the receipt is sent after the commit and then marked
 * sent with a central-only `mail_receipt_sent` event; a send that fails leaves it pending,
 * and a redelivery of the message (the duplicate path) sends it.
 */
import { DEFAULT_TIME_ZONE } from '../calendar.ts';
import type { CaseRecord } from '../case.ts';
import { formatLocal } from '../letters.ts';
import type { ComplainantMessage } from '../notification.ts';
import { newEventId } from '../timeline.ts';
import { INTAKE } from './intake.ts';
import { loadCase, put, retryOnConflict, type ServiceDeps } from './kernel/index.ts';
import type { IncomingMail } from './mail-message.ts';

/** How many ids of the complainant's thread the receipt's `References` carries (theirs last). */
const MAX_RECEIPT_REFERENCES = 20;

/** What became of a case's receipt in this run: it went, or it waits for a redelivery. */
export type ReceiptOutcome =
  | { readonly receipt: 'sent' }
  | {
      readonly receipt: 'pending';
      /** The send's or the mark's error by its name only: an SES message may name the address. */
      readonly receiptError: string;
    };

/**
 * The pending receipt a new case from `mail` is written with, when one is due: receipts are
 * on (`ServiceDeps.receipts`), the complainant is the sender (not a staff forward's citizen,
 * whom nobody authenticated), the receiving service authenticated the sender's domain (the
 * test a follow-up must pass to join a case), and no list relayed it (the address may be the
 * list's). Undefined: no receipt, ever, for this case.
 */
export function receiptFor(
  deps: ServiceDeps,
  mail: IncomingMail,
  complainant: string,
  forwarded: boolean,
): CaseRecord['mailReceipt'] {
  if (!deps.receipts || forwarded || mail.viaList || mail.fromAuthenticated !== true)
    return undefined;
  const messageId = mail.messageId?.trim() || null;
  const references = [...(mail.references ?? []), ...(messageId ? [messageId] : [])];
  return {
    to: complainant,
    inReplyTo: messageId,
    references: [...new Set(references)].slice(-MAX_RECEIPT_REFERENCES),
    sentAt: null,
  };
}

/**
 * Sends a case's pending receipt and marks it sent (with its `mail_receipt_sent` event), in
 * that order: a crash between the two sends it again on the next redelivery, the same
 * Message-ID, never a receipt lost. Nothing for a case without one, or whose receipt went.
 * Never throws: the case is written, and the message must not fail for its receipt (on AWS
 * its retries would end in the dead-letter queue as a message that "never became a case").
 */
export async function sendPendingReceipt(
  deps: ServiceDeps,
  caseId: string,
): Promise<ReceiptOutcome | undefined> {
  const receipts = deps.receipts;
  if (!receipts) return undefined;
  try {
    // Consistent: the case was just written (or by the delivery this one repeats).
    const c = (await deps.store.getCase(caseId, { consistent: true }))?.case;
    if (!c?.mailReceipt || c.mailReceipt.sentAt) return undefined;
    await receipts.mailer.reply({
      ...receiptMessage(c, c.mailReceipt, receipts.trackingUrl),
      ...(receipts.replyTo ? { replyTo: receipts.replyTo } : {}),
    });
    await retryOnConflict(async () => {
      const { case: now } = await loadCase(deps, caseId);
      if (!now.mailReceipt || now.mailReceipt.sentAt) return;
      const at = deps.clock().toISOString();
      await deps.store.commit({
        case: put(now, { ...now, mailReceipt: { ...now.mailReceipt, sentAt: at }, updatedAt: at }),
        events: [
          {
            id: newEventId(new Date(at)),
            caseId,
            at,
            type: 'mail_receipt_sent',
            actor: INTAKE,
            agencyId: null,
            data: {},
          },
        ],
      });
    });
    return { receipt: 'sent' };
  } catch (error) {
    return { receipt: 'pending', receiptError: error instanceof Error ? error.name : 'Error' };
  }
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
