/**
 * The receipt an e-mail complainant gets by e-mail (README, "E-mail"), on DynamoDB Local with
 * the real parser and the embedded mailer's real `.eml` files, read back with mailparser: to
 * whom it goes and to whom never (rule 1), exactly once across a failed send and a redelivery
 * (rule 2), and what it says (rule 3); central alone reads that it went (rule 4). A send that
 * failed goes with the scheduled sweep (on AWS and embedded), once, and one pending for a day
 * is counted for the operator.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  agencySeesEvent,
  type ComplainantMailer,
  type ComplainantMessage,
  type Mailer,
  sendPendingReceipts,
  Service,
  type Store,
} from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { intakeMail } from '@pantau/intake/mail';
import {
  type BusinessMetrics,
  METRIC,
  type MetricName,
  sweep,
  type SweepDeps,
} from '@pantau/workflow';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { LocalLadderEngine } from '../../packages/local/src/engine.ts';
import { emlMailer } from '../../packages/local/src/mailer.ts';
import { centralOfficer, freshStore, manualClock } from '../support/dynamodb.ts';

const TRACKING_URL = 'https://pengaduan.example.go.id/track';

let store: Store;
let service: Service;
let mailDir: string;
/** Every receipt the mailer was asked to send, and how many sends are still to fail. */
const sent: ComplainantMessage[] = [];
let failures = 0;
/** When set, the next send, once counted, waits for `held` (`holdNextSend`). */
let gate: { held: Promise<void>; reached: () => void } | undefined;
/** The receipts' mailer and tracking page, as the intake's Service and the sweep both have them. */
let receipts: { mailer: ComplainantMailer; trackingUrl: string };
const clock = manualClock('2026-08-03T03:00:00.000Z');

beforeAll(async () => {
  store = await freshStore();
  const blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), 'pantau-receipt-blobs-')), clock.now);
  mailDir = mkdtempSync(join(tmpdir(), 'pantau-receipt-mail-'));
  const files = emlMailer(mailDir);
  // The embedded mailer, counted, that refuses as many sends as `failures` says (a disk full,
  // SES throttled): the case is written before it is called.
  const mailer: ComplainantMailer = {
    async reply(m) {
      sent.push(m);
      const g = gate;
      gate = undefined;
      if (g) {
        g.reached();
        await g.held;
      }
      if (failures > 0) {
        failures -= 1;
        throw new Error('454 4.7.0 temporary failure');
      }
      await files.reply(m);
    },
  };
  receipts = { mailer, trackingUrl: TRACKING_URL };
  service = new Service({
    store,
    clock: clock.now,
    blobs,
    inspect: inspectUpload,
    staffMailDomains: ['setneg.example.go.id'],
    receipts,
  });
});

/** SES's own lines at the top: its scans, and its authentication of the sender's domain. */
const sesPassed = (domain: string) => [
  'X-SES-Spam-Verdict: PASS',
  'X-SES-Virus-Verdict: PASS',
  `Authentication-Results: amazonses.com; spf=pass client-ip=192.0.2.1; dkim=pass header.i=@${domain}; dmarc=pass header.from=${domain};`,
];

/** A message as it arrives: `headers` first (a receiving service adds its own at the top). */
const message = (
  headers: string[],
  opts: { from?: string; subject: string; body?: string; id?: string },
) =>
  Buffer.from(
    [
      ...headers,
      `From: ${opts.from ?? 'Warga Satu <warga@warga.example.id>'}`,
      'To: pengaduan@setneg.example.go.id',
      `Subject: ${opts.subject}`,
      'Date: Mon, 3 Aug 2026 09:12:00 +0700',
      ...(opts.id ? [`Message-ID: ${opts.id}`] : []),
      'Content-Type: text/plain; charset=utf-8',
      '',
      opts.body ?? 'Jalan di depan rumah saya rusak sejak Mei.',
    ].join('\r\n'),
  );

/** The `.eml` files the embedded mailer wrote (`mail/<day>/receipt-<case>.eml`). */
const emlFiles = (): string[] =>
  readdirSync(mailDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.eml'))
    .map((f) => join(mailDir, f));

/**
 * The next send waits, once counted, until `release`: a send still going (SES slow to answer)
 * while another delivery of the message runs. `sending` settles when it is reached.
 */
function holdNextSend(): { sending: Promise<void>; release: () => void } {
  let release = () => undefined as void;
  let reached = () => undefined as void;
  const held = new Promise<void>((done) => (release = done));
  const sending = new Promise<void>((done) => (reached = done));
  gate = { held, reached };
  return { sending, release };
}

const receiptEvents = async (caseId: string) =>
  (await service.timeline(centralOfficer, caseId, { limit: 50 })).items.filter(
    (e) => e.type === 'mail_receipt_sent',
  );

describe('an e-mail complainant’s receipt', () => {
  it('goes once to the authenticated sender of a new case: From the unit, an answer to theirs, auto-replied, in Indonesian', async () => {
    const before = sent.length;
    const outcome = await intakeMail(
      service,
      message([...sesPassed('warga.example.id'), 'References: <awal-0@warga.example.id>'], {
        subject: 'Jalan rusak di Jl. Merdeka',
        id: '<aduan-1@warga.example.id>',
      }),
    );
    expect(outcome).toMatchObject({ duplicate: false, receipt: 'sent' });
    expect(sent.length - before).toBe(1);
    const c = await service.getCase(centralOfficer, outcome.caseId);
    expect(c.agendaNumber).toBeTruthy();
    expect(c.verificationDueAt).toBe('2026-08-06T16:59:59.999Z');

    const [file, ...others] = emlFiles().filter((f) => f.includes(outcome.caseId));
    expect(others).toEqual([]);
    const raw = readFileSync(file!);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value[0]?.address).toBe('noreply@pantau.local');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : null).toBe(
      'warga@warga.example.id',
    );
    expect(parsed.subject).toBe(`Pengaduan Anda telah diterima: ${c.agendaNumber}`);
    expect(parsed.inReplyTo).toBe('<aduan-1@warga.example.id>');
    expect(parsed.references).toEqual(['<awal-0@warga.example.id>', '<aduan-1@warga.example.id>']);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.messageId).toBe(`<receipt-${c.id}@pantau.local>`);
    const type = parsed.headers.get('content-type') as {
      value: string;
      params: { charset: string };
    };
    expect(type.value).toBe('text/plain');
    expect(type.params.charset.toLowerCase()).toBe('utf-8');
    expect(parsed.attachments).toEqual([]);

    const body = parsed.text ?? '';
    expect(body).toContain(`Nomor agenda: ${c.agendaNumber}`);
    expect(body).toContain('Diterima: 3 Agustus 2026 pukul 10.00 WIB');
    expect(body).toContain('Perihal: Jalan rusak di Jl. Merdeka');
    expect(body).toContain('Batas waktu verifikasi: 6 Agustus 2026 pukul 23.59 WIB');
    expect(body).toContain(`Kode lacak: ${c.trackingCode}`);
    expect(body).toMatch(/RAHASIA[^]*atas nama\s+Anda/);
    // The tracking page, never with the code in its URL (nor anywhere but its own line).
    expect(body).toContain(`buka ${TRACKING_URL} lalu masukkan kode lacak`);
    const urls = body.match(/https?:\/\/\S+/g) ?? [];
    expect(urls).toEqual([TRACKING_URL]);
    expect(body.split('\n').filter((l) => l.includes(c.trackingCode!))).toEqual([
      `Kode lacak: ${c.trackingCode}`,
    ]);
    expect(body).toMatch(/balas surel ini[^]*nomor agenda/);
    // Nothing of the complainant beyond their address (on the envelope): not their name.
    expect(raw.toString()).not.toContain('Warga Satu');

    // Central reads that it went (once); no agency ever reads it.
    const events = await receiptEvents(c.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { system: 'intake' }, agencyId: null });
    expect(agencySeesEvent(events[0]!, { agencies: new Set(['polri']) })).toBe(false);
    // No view of the case shows where it went.
    expect(JSON.stringify(c)).not.toContain('mailReceipt');

    // A redelivery answers the case and sends nothing again.
    const again = await intakeMail(
      service,
      message([...sesPassed('warga.example.id'), 'References: <awal-0@warga.example.id>'], {
        subject: 'Jalan rusak di Jl. Merdeka',
        id: '<aduan-1@warga.example.id>',
      }),
    );
    expect(again).toEqual({ caseId: c.id, duplicate: true });
    expect(sent.length - before).toBe(1);
    expect(emlFiles().filter((f) => f.includes(c.id))).toHaveLength(1);
    expect(await receiptEvents(c.id)).toHaveLength(1);

    // A reply to the receipt, keeping its subject, joins the case: no receipt for it.
    const reply = await intakeMail(
      service,
      message(
        [
          ...sesPassed('warga.example.id'),
          `In-Reply-To: <receipt-${c.id}@pantau.local>`,
          `References: <aduan-1@warga.example.id> <receipt-${c.id}@pantau.local>`,
        ],
        {
          subject: `Re: ${parsed.subject}`,
          id: '<aduan-2@warga.example.id>',
          body: 'Terlampir foto jalannya.',
        },
      ),
    );
    expect(reply).toEqual({ caseId: c.id, duplicate: false, followUp: true });
    expect(sent.length - before).toBe(1);
  });

  it('is never sent to a sender nobody authenticated, a list’s message, a staff forward, or a follow-up', async () => {
    const before = sent.length;
    const files = emlFiles().length;
    // Anyone can write any `From:`: no SES line vouching for it (or SES's saying it failed).
    const forged = await intakeMail(
      service,
      message([], { subject: 'Tanpa autentikasi', id: '<palsu-1@warga.example.id>' }),
    );
    const failed = await intakeMail(
      service,
      message(
        [
          'Authentication-Results: amazonses.com; spf=fail client-ip=203.0.113.9; dkim=none; dmarc=fail header.from=warga.example.id;',
        ],
        { subject: 'Autentikasi gagal', id: '<palsu-2@warga.example.id>' },
      ),
    );
    // A group or list relayed it: its sender's address may be the list's.
    const listed = await intakeMail(
      service,
      message([...sesPassed('warga.example.id'), 'List-Id: <warga.groups.example.id>'], {
        subject: 'Lewat milis',
        id: '<milis-1@warga.example.id>',
      }),
    );
    // A staff member forwards a citizen's message: its complainant is the original's sender,
    // whom nobody authenticated.
    const forward = await intakeMail(
      service,
      message([...sesPassed('setneg.example.go.id')], {
        from: 'Petugas <petugas@setneg.example.go.id>',
        subject: 'Fwd: Pungutan liar',
        id: '<terusan-1@setneg.example.go.id>',
        body: [
          'Mohon ditindaklanjuti.',
          '',
          '---------- Forwarded message ---------',
          'From: Budi <budi@contoh.example.id>',
          'Subject: Pungutan liar',
          '',
          'Petugas meminta uang tambahan.',
        ].join('\n'),
      }),
    );
    for (const [what, outcome] of Object.entries({ forged, failed, listed, forward })) {
      expect(outcome.duplicate, what).toBe(false);
      expect(outcome.receipt, what).toBeUndefined();
      expect((await store.getCase(outcome.caseId))?.case.mailReceipt, what).toBeUndefined();
      expect(await receiptEvents(outcome.caseId), what).toEqual([]);
    }
    expect((await service.getCase(centralOfficer, forward.caseId)).complainant?.email).toBe(
      'budi@contoh.example.id',
    );
    // Their redeliveries send nothing either.
    const again = await intakeMail(
      service,
      message([], { subject: 'Tanpa autentikasi', id: '<palsu-1@warga.example.id>' }),
    );
    expect(again).toEqual({ caseId: forged.caseId, duplicate: true });
    expect(sent.length).toBe(before);
    expect(emlFiles()).toHaveLength(files);
  });

  it('is never sent to bulk mail (a newsletter, a list’s): its case is marked so for central', async () => {
    const before = sent.length;
    const bulk = {
      // A newsletter: a mass-mail tool's one-click unsubscribe, its domain DKIM-signed and
      // DMARC-aligned like any sender's, and no `List-Id` (the gap: it got a receipt, its
      // tracking code sent to the newsletter's no-reply address, unmarked on the desk).
      newsletter: [
        'List-Unsubscribe: <https://buletin.example.id/berhenti?u=1>, <mailto:berhenti@buletin.example.id>',
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      ],
      list: ['List-Id: Warga <warga.groups.example.id>'],
      precedenceList: ['Precedence: list'],
      precedenceBulkWithList: ['Precedence: bulk', 'List-Id: <milis.example.id>'],
    };
    for (const [what, headers] of Object.entries(bulk)) {
      const outcome = await intakeMail(
        service,
        message([...sesPassed('buletin.example.id'), ...headers], {
          from: 'Buletin Kota <kabar@buletin.example.id>',
          subject: `Kabar pekan ini ${what}`,
          id: `<massal-${what}@buletin.example.id>`,
        }),
      );
      expect(outcome.duplicate, what).toBe(false);
      expect(outcome.receipt, what).toBeUndefined();
      expect((await store.getCase(outcome.caseId))?.case.mailReceipt, what).toBeUndefined();
      // Registered all the same (the mail is the record), marked for central's desk and page.
      const c = await service.getCase(centralOfficer, outcome.caseId);
      expect(c.bulkMail, what).toBe(true);
    }
    expect(sent.length).toBe(before);
    // A person's own message is not bulk mail.
    const own = await intakeMail(
      service,
      message(sesPassed('warga.example.id'), {
        subject: 'Bukan surel massal',
        id: '<bukan-massal@warga.example.id>',
      }),
    );
    expect(own.receipt).toBe('sent');
    expect((await service.getCase(centralOfficer, own.caseId)).bulkMail).toBe(false);
  });

  it('is never sent for spam, even from a domain SES authenticated: no case, nothing stored', async () => {
    const before = sent.length;
    const files = emlFiles().length;
    for (const verdicts of [
      ['X-SES-Spam-Verdict: FAIL', 'X-SES-Virus-Verdict: PASS'],
      ['X-SES-Spam-Verdict: PASS', 'X-SES-Virus-Verdict: FAIL'],
    ])
      await expect(
        intakeMail(
          service,
          message(
            [
              ...verdicts,
              'Authentication-Results: amazonses.com; spf=pass client-ip=192.0.2.1; dkim=pass header.i=@promo.example.id; dmarc=pass header.from=promo.example.id;',
            ],
            {
              from: 'Promo <promo@promo.example.id>',
              subject: `Diskon besar ${verdicts[0]}`,
              id: `<spam-${verdicts.join('-')}@promo.example.id>`,
            },
          ),
        ),
        verdicts.join(', '),
      ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'message' }] });
    expect(sent.length).toBe(before);
    expect(emlFiles()).toHaveLength(files);
    const cases = await service.listCases(centralOfficer, { limit: 100 } as never);
    expect(cases.items.filter((c) => c.subject.startsWith('Diskon besar'))).toEqual([]);
  });

  it('keeps the case within 400 KB whatever the thread’s ids: an id longer than a mail line is left out of the receipt', async () => {
    // 20 ids of 25,000 characters (500 KB) and a Message-ID of 30,000: each would be a line of
    // its own past RFC 5322's 998, but the SMTP listener (25 MB) and SES (40 MB) take them.
    const long = (n: string, chars: number) => `<${n}${'x'.repeat(chars)}@warga.example.id>`;
    const thread = Array.from({ length: 20 }, (_, i) => long(`utas-${i}-`, 25_000));
    const outcome = await intakeMail(
      service,
      message([...sesPassed('warga.example.id'), `References: ${thread.join(' ')}`], {
        subject: 'Utas panjang',
        id: long('aduan-panjang-', 30_000),
      }),
    );
    expect(outcome).toMatchObject({ duplicate: false, receipt: 'sent' });
    const stored = (await store.getCase(outcome.caseId))?.case.mailReceipt;
    expect(stored).toMatchObject({ inReplyTo: null, references: [] });
    // An id of a mail line's length is kept.
    const fits = long('pas-', 998 - '<pas-@warga.example.id>'.length);
    expect(fits).toHaveLength(998);
    const kept = await intakeMail(
      service,
      message([...sesPassed('warga.example.id'), `References: ${fits} ${thread[0]}`], {
        subject: 'Utas sebagian panjang',
        id: '<aduan-pendek@warga.example.id>',
      }),
    );
    expect((await store.getCase(kept.caseId))?.case.mailReceipt).toMatchObject({
      inReplyTo: '<aduan-pendek@warga.example.id>',
      references: [fits, '<aduan-pendek@warga.example.id>'],
    });
  });

  it('waits when the send fails (the case is written) and goes, once, with the redelivery', async () => {
    const before = sent.length;
    const raw = message([...sesPassed('warga.example.id')], {
      from: 'warga.dua@warga.example.id',
      subject: 'Lampu jalan padam',
      id: '<gagal-kirim-1@warga.example.id>',
    });
    failures = 1;
    const first = await intakeMail(service, raw);
    // The message is taken (no retry of the whole message for its receipt): the case stands,
    // its receipt pending, nothing on the timeline, no file.
    expect(first).toEqual({
      caseId: first.caseId,
      duplicate: false,
      receipt: 'pending',
      receiptError: 'Error',
    });
    expect((await store.getCase(first.caseId))?.case.mailReceipt).toMatchObject({
      to: 'warga.dua@warga.example.id',
      sentAt: null,
    });
    expect(await receiptEvents(first.caseId)).toEqual([]);
    expect(emlFiles().filter((f) => f.includes(first.caseId))).toEqual([]);

    // The message delivered again (SMTP's retry embedded, S3's on AWS, a replay): the
    // duplicate path finds the receipt pending and sends it.
    clock.set('2026-08-03T03:20:00.000Z');
    const second = await intakeMail(service, raw);
    expect(second).toEqual({ caseId: first.caseId, duplicate: true, receipt: 'sent' });
    expect(sent.length - before).toBe(2);
    expect(emlFiles().filter((f) => f.includes(first.caseId))).toHaveLength(1);
    const events = await receiptEvents(first.caseId);
    expect(events).toHaveLength(1);
    expect(events[0]!.at).toBe('2026-08-03T03:20:00.000Z');
    expect((await store.getCase(first.caseId))?.case.mailReceipt?.sentAt).toBe(
      '2026-08-03T03:20:00.000Z',
    );

    // And never again.
    const third = await intakeMail(service, raw);
    expect(third).toEqual({ caseId: first.caseId, duplicate: true });
    expect(sent.length - before).toBe(2);
    expect(await receiptEvents(first.caseId)).toHaveLength(1);
  });
});

describe('one receipt when deliveries race', () => {
  // S3's events (and so SES's messages) are at-least-once, and an SMTP sender retries a
  // session it thinks failed: two runs may hold the same message at once. Before, both read
  // the receipt pending before either marked it sent, and both sent it.
  const raw = (id: string, from: string) =>
    message([...sesPassed('warga.example.id')], {
      from,
      subject: 'Jembatan retak',
      id: `<${id}@warga.example.id>`,
    });

  it('the same message delivered twice at once: one case, one receipt', async () => {
    clock.set('2026-08-08T02:00:00.000Z');
    const before = sent.length;
    const mail = raw('serentak-1', 'warga.enam@warga.example.id');
    // The first send waits until one delivery has answered, so the other reads the case
    // while the receipt is going (and not yet marked sent).
    const hold = holdNextSend();
    const deliveries = [intakeMail(service, mail), intakeMail(service, mail)];
    await Promise.race(deliveries);
    hold.release();
    const outcomes = await Promise.all(deliveries);
    expect(sent.length - before).toBe(1);
    const caseId = outcomes[0]!.caseId;
    expect(outcomes[1]!.caseId).toBe(caseId);
    expect(outcomes.map((o) => o.duplicate).sort()).toEqual([false, true]);
    expect(outcomes.find((o) => !o.duplicate)).toMatchObject({ receipt: 'sent' });
    // The other found the receipt claimed by the first, still sending: not its to send.
    expect(outcomes.find((o) => o.duplicate)).toEqual({
      caseId,
      duplicate: true,
      receipt: 'claimed',
    });
    expect(emlFiles().filter((f) => f.includes(caseId))).toHaveLength(1);
    expect(await receiptEvents(caseId)).toHaveLength(1);
  });

  it('a redelivery while the first delivery is still sending sends nothing; the first’s goes', async () => {
    clock.set('2026-08-08T03:00:00.000Z');
    const before = sent.length;
    const mail = raw('serentak-2', 'warga.tujuh@warga.example.id');
    const hold = holdNextSend();
    const first = intakeMail(service, mail);
    await hold.sending;
    const again = await intakeMail(service, mail);
    hold.release();
    const done = await first;
    expect(sent.length - before).toBe(1);
    expect(done).toMatchObject({ duplicate: false, receipt: 'sent' });
    expect(again).toEqual({ caseId: done.caseId, duplicate: true, receipt: 'claimed' });
    expect(await receiptEvents(done.caseId)).toHaveLength(1);
  });

  it('a sweep while a redelivery is sending the receipt a failed send left: it sends nothing', async () => {
    clock.set('2026-08-08T04:00:00.000Z');
    const before = sent.length;
    const mail = raw('serentak-3', 'warga.delapan@warga.example.id');
    failures = 1;
    const first = await intakeMail(service, mail);
    expect(first).toMatchObject({ receipt: 'pending' });
    // Past the first delivery's claim: the redelivery takes the receipt, and its send waits
    // while the sweep runs.
    clock.set('2026-08-08T04:20:00.000Z');
    const hold = holdNextSend();
    const again = intakeMail(service, mail);
    await hold.sending;
    const swept = await sendPendingReceipts({ store, clock: clock.now, receipts }, { limit: 10 });
    hold.release();
    expect(await again).toEqual({ caseId: first.caseId, duplicate: true, receipt: 'sent' });
    expect(sent.length - before).toBe(2);
    expect(swept).toMatchObject({ sent: 0, pending: 0 });
    expect(await receiptEvents(first.caseId)).toHaveLength(1);
    expect(emlFiles().filter((f) => f.includes(first.caseId))).toHaveLength(1);
  });

  it('a pending receipt written before claims were kept is no one’s: a redelivery claims and sends it', async () => {
    clock.set('2026-08-08T05:00:00.000Z');
    const before = sent.length;
    const mail = raw('serentak-4', 'warga.sembilan@warga.example.id');
    failures = 1;
    const first = await intakeMail(service, mail);
    expect(first).toMatchObject({ receipt: 'pending' });
    // As the intake wrote it before: pending, with no claim.
    const c = (await store.getCase(first.caseId))!.case;
    const { claimedUntil, ...unclaimed } = c.mailReceipt!;
    expect(claimedUntil).toBe('2026-08-08T05:05:00.000Z');
    await store.commit({
      case: {
        record: { ...c, mailReceipt: unclaimed, version: c.version + 1 },
        expectedVersion: c.version,
      },
    });
    // A minute on, within what would have been the first delivery's claim.
    clock.set('2026-08-08T05:01:00.000Z');
    expect(await intakeMail(service, mail)).toEqual({
      caseId: first.caseId,
      duplicate: true,
      receipt: 'sent',
    });
    expect(sent.length - before).toBe(2);
    expect((await store.getCase(first.caseId))?.case.mailReceipt).toMatchObject({
      sentAt: '2026-08-08T05:01:00.000Z',
      claimedUntil: '2026-08-08T05:06:00.000Z',
    });
    expect(await receiptEvents(first.caseId)).toHaveLength(1);
  });
});

describe('a receipt whose send failed, sent by the sweep', () => {
  /** The sweep's letters mailer: no letter is due in this file, so none may go. */
  const noLetters: Mailer = {
    send: () => Promise.reject(new Error('no letter is due here')),
  };
  const counted: [MetricName, number][] = [];
  const metrics: BusinessMetrics = {
    count: (name, value) => void counted.push([name, value]),
    seconds: (name, value) => void counted.push([name, value]),
  };
  const warned: [string, unknown][] = [];
  const logger = {
    info: () => undefined,
    warn: (message: string, extra: unknown) => void warned.push([message, extra]),
    error: () => undefined,
  } as unknown as NonNullable<SweepDeps['logger']>;
  const run = () =>
    sweep({ store, clock: clock.now, mailer: noLetters, metrics, logger, receipts });
  const pendingReceipts = async () =>
    (
      await store.listPendingReceipts(new Date('2030-01-01T00:00:00.000Z'), { limit: 100 })
    ).items.map((c) => c.id);

  it('goes with a sweep a few minutes on, exactly once; a send the sweep fails waits for the next', async () => {
    clock.set('2026-08-04T02:00:00.000Z');
    const before = sent.length;
    failures = 2;
    const first = await intakeMail(
      service,
      message([...sesPassed('warga.example.id')], {
        from: 'warga.tiga@warga.example.id',
        subject: 'Saluran air tersumbat',
        id: '<sapuan-1@warga.example.id>',
      }),
    );
    expect(first).toMatchObject({ duplicate: false, receipt: 'pending' });
    const caseId = first.caseId;
    expect(sent.length - before).toBe(1);

    // A minute on, the intake may be sending it right now: the sweep leaves it.
    clock.set('2026-08-04T02:01:00.000Z');
    await run();
    expect(sent.length - before).toBe(1);

    // Past the grace the sweep tries it; refused again, it stays for the next run.
    clock.set('2026-08-04T02:06:00.000Z');
    const refused = await run();
    expect(sent.length - before).toBe(2);
    expect(refused).toMatchObject({ receiptsSent: 0, receiptsPending: 1 });
    expect(await receiptEvents(caseId)).toEqual([]);

    clock.set('2026-08-04T02:21:00.000Z');
    const went = await run();
    expect(sent.length - before).toBe(3);
    expect(went).toMatchObject({ receiptsSent: 1, receiptsPending: 0 });
    expect(sent.at(-1)).toMatchObject({
      id: `receipt-${caseId}`,
      to: 'warga.tiga@warga.example.id',
      inReplyTo: '<sapuan-1@warga.example.id>',
    });
    expect(emlFiles().filter((f) => f.includes(caseId))).toHaveLength(1);
    const events = await receiptEvents(caseId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      at: '2026-08-04T02:21:00.000Z',
      actor: { system: 'intake' },
    });
    expect((await store.getCase(caseId))?.case.mailReceipt?.sentAt).toBe(
      '2026-08-04T02:21:00.000Z',
    );
    expect(await pendingReceipts()).toEqual([]);

    // The next run sends nothing, nor does the message's redelivery.
    clock.set('2026-08-04T02:36:00.000Z');
    expect(await run()).toMatchObject({ receiptsSent: 0, receiptsPending: 0 });
    expect(sent.length - before).toBe(3);
    expect(await receiptEvents(caseId)).toHaveLength(1);
  });

  it('pending past a day: counted for the operator (a line and a metric), never naming the address', async () => {
    clock.set('2026-08-05T02:00:00.000Z');
    failures = 1_000;
    const stuck = await intakeMail(
      service,
      message([...sesPassed('warga.example.id')], {
        from: 'warga.empat@warga.example.id',
        subject: 'Sampah tidak diangkut',
        id: '<sapuan-2@warga.example.id>',
      }),
    );
    expect(stuck).toMatchObject({ receipt: 'pending' });

    clock.set('2026-08-05T02:30:00.000Z');
    counted.length = 0;
    warned.length = 0;
    expect(await run()).toMatchObject({ receiptsPending: 1, oldestPendingReceiptSeconds: 1_800 });
    expect(counted).toContainEqual([METRIC.oldestPendingReceiptAge, 1_800]);
    expect(warned.filter(([m]) => m.includes('receipt'))).toEqual([]);
    // Listed while pending (its sparse marker), and nothing else: the receipts that went, and
    // the cases that never had one (a forged sender, a list, a staff forward), never are.
    expect(await pendingReceipts()).toEqual([stuck.caseId]);

    clock.set('2026-08-06T02:30:00.000Z');
    counted.length = 0;
    expect(await run()).toMatchObject({ receiptsPending: 1, oldestPendingReceiptSeconds: 88_200 });
    expect(counted).toContainEqual([METRIC.oldestPendingReceiptAge, 88_200]);
    const lines = warned.filter(([m]) => m.includes('receipt'));
    expect(lines).toEqual([
      [expect.any(String), expect.objectContaining({ overdue: 1, oldestSeconds: 88_200 })],
    ]);
    expect(JSON.stringify(lines)).not.toContain('warga.empat');

    failures = 0;
    clock.set('2026-08-06T02:45:00.000Z');
    counted.length = 0;
    expect(await run()).toMatchObject({
      receiptsSent: 1,
      receiptsPending: 0,
      oldestPendingReceiptSeconds: 0,
    });
    // Every run, zero included: an alarm on it sees data.
    expect(counted).toContainEqual([METRIC.oldestPendingReceiptAge, 0]);
    expect(await receiptEvents(stuck.caseId)).toHaveLength(1);
    expect(await pendingReceipts()).toEqual([]);
  });

  it('refused for three days: the sweep stops sending it and central’s timeline says so; the age alarm clears', async () => {
    // Before, a receipt an address refused for good (no such mailbox) was sent again every run,
    // 96 times a day for ever: bounces that cost the sender's reputation, with every letter
    // to the agencies, and an alarm that never cleared.
    clock.set('2026-08-10T02:00:00.000Z');
    failures = 1_000;
    const refused = await intakeMail(
      service,
      message([...sesPassed('warga.example.id')], {
        from: 'tidak.ada@warga.example.id',
        subject: 'Lampu jalan padam',
        id: '<sapuan-3@warga.example.id>',
      }),
    );
    expect(refused).toMatchObject({ receipt: 'pending' });
    clock.set('2026-08-12T23:00:00.000Z');
    expect(await run()).toMatchObject({ receiptsPending: 1, receiptsGivenUp: 0 });
    const tries = sent.length;

    clock.set('2026-08-13T02:15:00.000Z');
    counted.length = 0;
    warned.length = 0;
    expect(await run()).toMatchObject({
      receiptsSent: 0,
      receiptsPending: 0,
      receiptsGivenUp: 1,
      oldestPendingReceiptSeconds: 0,
    });
    expect(sent.length).toBe(tries);
    expect(counted).toContainEqual([METRIC.oldestPendingReceiptAge, 0]);
    const lines = warned.filter(([m]) => m.includes('receipt'));
    expect(lines).toEqual([[expect.any(String), { givenUp: 1 }]]);
    expect(JSON.stringify(lines)).not.toContain('tidak.ada');
    expect(await pendingReceipts()).toEqual([]);
    const [failed, ...more] = (
      await service.timeline(centralOfficer, refused.caseId, { limit: 50 })
    ).items.filter((e) => e.type === 'mail_receipt_failed');
    expect(more).toEqual([]);
    expect(failed).toMatchObject({ at: '2026-08-13T02:15:00.000Z', actor: { system: 'intake' } });
    // Central's alone, as the receipt's own event is.
    expect(agencySeesEvent(failed!, { agencies: new Set(['polri']) })).toBe(false);

    // Nothing more: not the next run, nor a redelivery of the message.
    failures = 0;
    clock.set('2026-08-13T02:30:00.000Z');
    expect(await run()).toMatchObject({ receiptsSent: 0, receiptsGivenUp: 0 });
    expect(sent.length).toBe(tries);
  });

  it('past three days, never given up while a redelivery holds its claim and is sending it: it went, and the timeline says so', async () => {
    // The give-up and a late redelivery's send may meet: given up under the redelivery's
    // claim, the receipt would reach the complainant while central's timeline says it never
    // did (and the send's mark, finding it given up, would record nothing).
    clock.set('2026-08-14T02:00:00.000Z');
    failures = 1;
    const mail = message([...sesPassed('warga.example.id')], {
      from: 'warga.sepuluh@warga.example.id',
      subject: 'Trotoar rusak',
      id: '<sapuan-4@warga.example.id>',
    });
    const first = await intakeMail(service, mail);
    expect(first).toMatchObject({ receipt: 'pending' });
    const before = sent.length;

    // Three days and a quarter on, the message comes again and its send is under way.
    clock.set('2026-08-17T02:15:00.000Z');
    const hold = holdNextSend();
    const again = intakeMail(service, mail);
    await hold.sending;
    expect(await run()).toMatchObject({ receiptsGivenUp: 0, receiptsSent: 0 });
    hold.release();
    expect(await again).toEqual({ caseId: first.caseId, duplicate: true, receipt: 'sent' });
    expect(sent.length - before).toBe(1);
    expect((await store.getCase(first.caseId))?.case.mailReceipt).toMatchObject({
      sentAt: '2026-08-17T02:15:00.000Z',
    });
    expect((await store.getCase(first.caseId))?.case.mailReceipt?.givenUpAt).toBeUndefined();
    const types = (await service.timeline(centralOfficer, first.caseId, { limit: 50 })).items
      .map((e) => e.type)
      .filter((type) => type.startsWith('mail_receipt'));
    expect(types).toEqual(['mail_receipt_sent']);

    // Nor by a later run: it is no longer pending.
    clock.set('2026-08-17T02:30:00.000Z');
    expect(await run()).toMatchObject({ receiptsGivenUp: 0, receiptsSent: 0 });
    expect(sent.length - before).toBe(1);
  });
});

describe('embedded, a receipt whose send failed', () => {
  it('goes with the engine’s sweep once the SMTP intake told it how (`sendsReceipts`), not before', async () => {
    clock.set('2026-08-07T02:00:00.000Z');
    const noLetters: Mailer = { send: () => Promise.reject(new Error('no letter is due here')) };
    const engine = new LocalLadderEngine({ store, clock: clock.now, mailer: noLetters });
    const before = sent.length;
    failures = 1;
    const first = await intakeMail(
      service,
      message([...sesPassed('warga.example.id')], {
        from: 'warga.lima@warga.example.id',
        subject: 'Trotoar rusak',
        id: '<sapuan-3@warga.example.id>',
      }),
    );
    expect(first).toMatchObject({ receipt: 'pending' });
    clock.set('2026-08-07T02:10:00.000Z');
    // Without the intake's receipts (no SMTP listener), the engine sends none.
    expect(await engine.sweep()).toMatchObject({ receiptsSent: 0 });
    expect(sent.length - before).toBe(1);
    engine.sendsReceipts(receipts);
    expect(await engine.sweep()).toMatchObject({ receiptsSent: 1 });
    expect(await engine.sweep()).toMatchObject({ receiptsSent: 0 });
    expect(sent.length - before).toBe(2);
    expect(emlFiles().filter((f) => f.includes(first.caseId))).toHaveLength(1);
    expect(await receiptEvents(first.caseId)).toHaveLength(1);
    await engine.stop();
  });
});
