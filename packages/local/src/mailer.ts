/**
 * The embedded mailer: each letter becomes a real RFC 5322 `.eml` file under the data dir
 * (`mail/<YYYY-MM-DD>/<id>.eml`, the day it was written in Jakarta, not in UTC: a ladder letter
 * of 00:00 WIB is 17:00 UTC the day before), written atomically and named by the letter's id,
 * so sending the same letter twice leaves one file. One central sent again to the addresses it
 * had not reached (`reached`) is `<id>-<when it was sent again>.eml`, beside the first.
 */
import { join } from 'node:path';
import {
  AddressesRefused,
  type ComplainantMailer,
  letterReplyTo,
  localDate,
  type Mailer,
  type NotificationRecord,
} from '@pantau/core';
import { letterMessage, replyMessage } from '@pantau/documents';
import { writeDurably } from './durable-file.ts';

export const SENDER = 'Asdep Pengaduan Masyarakat <noreply@pantau.local>';

const encodeHeader = (text: string) =>
  /^[\x20-\x7e]*$/.test(text)
    ? text
    : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

export function toEml(n: NotificationRecord, at = new Date(n.createdAt), replyTo?: string): string {
  const headers = [
    `From: ${SENDER}`,
    ...(replyTo ? [`Reply-To: ${replyTo}`] : []),
    `To: ${n.recipients.join(', ')}`,
    ...(n.cc.length > 0 ? [`Cc: ${n.cc.join(', ')}`] : []),
    `Subject: ${encodeHeader(n.subject)}`,
    `Date: ${at.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${n.id}@pantau.local>`,
    `X-Pantau-Case: ${n.caseId}`,
    `X-Pantau-Step: ${n.step}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${n.body.replace(/\r?\n/g, '\r\n')}\r\n`;
}

/**
 * Addresses on `.invalid`, the top-level domain reserved never to exist (RFC 2606), are
 * refused as a mail server refuses an unknown domain: the embedded runtime's way to try the
 * failed-letter path (the retries, central's list, sending again to a corrected address).
 */
const UNDELIVERABLE = /\.invalid$/i;

/**
 * Letters, and the receipts e-mail complainants get (`reply`, `receipt-<case id>.eml` beside
 * the day's letters: sending one again leaves one file). `replyTo`: the letters' `Reply-To`,
 * the mailbox the unit reads (`PANTAU_LETTERS_REPLY_TO`); when not given, the unit's e-mail
 * its document settings named when the letter was written, if any (`letterReplyTo`).
 */
export function emlMailer(
  dir: string,
  options: { readonly replyTo?: string | undefined } = {},
): Mailer & ComplainantMailer {
  const { replyTo: deployment } = options;
  return {
    async reply(m) {
      // As a letter's: the way to try a receipt that waits for its message's redelivery.
      if (UNDELIVERABLE.test(m.to)) throw new Error(`550 5.1.2 no such domain: ${m.to}`);
      const day = join(dir, localDate(new Date(m.createdAt), 'Asia/Jakarta'));
      await writeDurably(
        join(day, `${m.id}.eml`),
        await replyMessage(m, { from: SENDER, messageIdDomain: 'pantau.local' }),
      );
    },
    async send(n, at) {
      // As SES refuses it: a letter without a To is no letter sent (the ladder writes one
      // addressed to no one failed, so this is only a guard).
      if (n.recipients.length === 0) throw new Error('no recipient: the letter has no To address');
      // Each refused by name, nothing written: its sender sends it again to the others.
      const refused = [...n.recipients, ...n.cc].filter((address) => UNDELIVERABLE.test(address));
      if (refused.length > 0)
        throw new AddressesRefused(
          refused.map((address) => ({ address, reason: '550 5.1.2 no such domain' })),
        );
      const day = join(dir, localDate(new Date(n.createdAt), 'Asia/Jakarta'));
      // Sent again to the addresses it had not reached: beside the first, not over it.
      const again = n.reached && n.resentAt ? `-${n.resentAt.replace(/[^0-9]/g, '')}` : '';
      const file = join(day, `${n.id}${again}.eml`);
      const replyTo = letterReplyTo(n, deployment);
      // Issue 15: a letter that is a document goes as multipart/mixed with its PDF.
      const eml = n.document
        ? await letterMessage(n, {
            from: SENDER,
            messageIdDomain: 'pantau.local',
            ...(at ? { date: at } : {}),
            ...(replyTo ? { replyTo } : {}),
          })
        : toEml(n, at, replyTo);
      // Letters name complainants: the owner's alone (0700, files 0600). On disk before the
      // outbox records the letter as sent.
      await writeDurably(file, eml);
    },
  };
}
