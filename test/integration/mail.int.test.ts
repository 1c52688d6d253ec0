/**
 * E-mail intake on DynamoDB Local, from the raw message as SES stores it (or the SMTP listener
 * receives it): what makes a redelivery (the same sender's message, with or without a
 * Message-ID), and what the receiving service's scan refused.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaseChange, DomainError, Service, type Store } from '@pantau/core';
import { inspectUpload } from '@pantau/documents/sniff';
import { intakeMail } from '@pantau/intake/mail';
import { FileBlobStore } from '../../packages/local/src/blob-store.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let service: Service;
let store: Store;
let blobs: FileBlobStore;
let blobDir: string;
const clock = manualClock('2026-08-03T03:00:00.000Z');

beforeAll(async () => {
  store = await freshStore();
  blobDir = mkdtempSync(join(tmpdir(), 'pantau-mail-'));
  blobs = new FileBlobStore(blobDir, clock.now);
  service = new Service({ store, clock: clock.now, blobs, inspect: inspectUpload });
});

/** A message as it arrives: `headers` first (a receiving service adds its own at the top). */
const message = (headers: string[], subject: string, body = 'Mohon ditindaklanjuti.') =>
  Buffer.from(
    [
      ...headers,
      'From: Warga <warga@warga.example.id>',
      'To: pengaduan@setneg.example.go.id',
      `Subject: ${subject}`,
      'Date: Mon, 3 Aug 2026 09:12:00 +0700',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
    ].join('\r\n'),
  );

const received = async () =>
  (await service.listCases(centralOfficer, { limit: 100 } as never)).items.filter(
    (c) => c.channel === 'email',
  );

describe('an e-mail delivered twice', () => {
  it('without a Message-ID is one case: the same sender, date, subject and text', async () => {
    // The receiving server's own headers differ between the two deliveries.
    const first = await intakeMail(
      service,
      message(['Received: from mx1 by inbound; Mon, 3 Aug 2026 02:12:05 +0000'], 'Tanpa id'),
    );
    const again = await intakeMail(
      service,
      message(['Received: from mx2 by inbound; Mon, 3 Aug 2026 02:19:41 +0000'], 'Tanpa id'),
    );
    expect(again).toEqual({ caseId: first.caseId, duplicate: true });
    // Another message of the same sender (another text) is another complaint.
    const other = await intakeMail(service, message([], 'Tanpa id', 'Tambahan keterangan.'));
    expect(other.duplicate).toBe(false);
    expect((await received()).filter((c) => c.subject === 'Tanpa id')).toHaveLength(2);
  });

  it('under one Message-ID is one case per sender: another sender’s id is not theirs', async () => {
    const id = 'Message-ID: <aduan-42@example.id>';
    const first = await intakeMail(service, message([id], 'Satu id'));
    expect(await intakeMail(service, message([id], 'Satu id'))).toEqual({
      caseId: first.caseId,
      duplicate: true,
    });
    const forged = Buffer.from(
      message([id], 'Satu id').toString().replace('warga@warga.example.id', 'lain@contoh.id'),
    );
    expect((await intakeMail(service, forged)).duplicate).toBe(false);
  });
});

describe('an e-mail whose subject is longer than a case’s (200 characters)', () => {
  it('is cut with a mark, and the whole subject heads the complaint', async () => {
    // The audit's walk: the complainant wrote where and when in the subject, the body only
    // "see the subject"; cut silently, the place was in the original .eml alone.
    const subject = `Pelayanan RSUD buruk: ${'antrean panjang sejak subuh, '.repeat(8)}di Kabupaten Lebak, Banten`;
    expect(subject.length).toBeGreaterThan(200);
    const { caseId } = await intakeMail(
      service,
      message(['Message-ID: <subjek-panjang@warga>'], subject, 'Rincian ada di judul.'),
    );
    const c = await service.getCase(centralOfficer, caseId);
    expect(c.subject).toHaveLength(200);
    expect(c.subject).toBe(`${subject.slice(0, 199)}…`);
    expect(c.description).toBe(`Perihal lengkap: ${subject}\n\nRincian ada di judul.`);
    // A subject that fits is the case's as written, the complaint only the text.
    const short = await intakeMail(service, message([], 'Perihal pendek', 'Isi saja.'));
    const s = await service.getCase(centralOfficer, short.caseId);
    expect([s.subject, s.description]).toEqual(['Perihal pendek', 'Isi saja.']);
  });
});

describe('what the receiving service’s scan failed', () => {
  it('is refused, and a sender’s forged PASS below it changes nothing', async () => {
    for (const verdicts of [
      ['X-SES-Spam-Verdict: FAIL', 'X-SES-Virus-Verdict: PASS'],
      ['X-SES-Spam-Verdict: PASS', 'X-SES-Virus-Verdict: FAIL'],
      ['X-SES-Spam-Verdict: FAIL', 'X-SES-Spam-Verdict: PASS'],
    ]) {
      await expect(
        intakeMail(service, message(verdicts, `Disaring ${verdicts.join(' ')}`)),
        verdicts.join(', '),
      ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'message' }] });
    }
    expect((await received()).filter((c) => c.subject.startsWith('Disaring'))).toEqual([]);
    // What passed both is a case.
    const passed = await intakeMail(
      service,
      message(['X-SES-Spam-Verdict: PASS', 'X-SES-Virus-Verdict: PASS'], 'Lolos'),
    );
    expect(passed.duplicate).toBe(false);
  });
});

describe('an automatic reply or a bounce (RFC 3834)', () => {
  it('is refused, no case; `Auto-Submitted: no` is a complaint', async () => {
    for (const headers of [
      ['Auto-Submitted: auto-replied'],
      ['X-Autoreply: yes'],
      ['Precedence: junk'],
      // A legacy vacation responder's only mark.
      ['Precedence: bulk'],
      ['Return-Path: <>'],
    ]) {
      await expect(
        intakeMail(service, message(headers, `Otomatis ${headers.join(' ')}`)),
        headers.join(', '),
      ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'message' }] });
    }
    expect((await received()).filter((c) => c.subject.startsWith('Otomatis'))).toEqual([]);
    const ordinary = await intakeMail(service, message(['Auto-Submitted: no'], 'Bukan otomatis'));
    expect(ordinary.duplicate).toBe(false);
  });
});

describe('a complaint relayed by a group or list address (Google Groups, Mailman)', () => {
  it('is a case, noted as relayed by a list for central (`List-Id`, or `Precedence: list`)', async () => {
    // The audit's reproduction: a citizen's complaint through a unit's Google Group.
    const { caseId, duplicate } = await intakeMail(
      service,
      message(
        ['Precedence: list', 'List-ID: <pengaduan.setneg.go.id>', 'Mailing-list: list x@y.id'],
        'Lewat grup',
        'Jalan rusak sejak Mei.',
      ),
    );
    expect(duplicate).toBe(false);
    const c = await service.getCase(centralOfficer, caseId);
    expect(c).toMatchObject({ channel: 'email', description: 'Jalan rusak sejak Mei.' });
    const registered = (await service.timeline(centralOfficer, caseId, { limit: 10 })).items.find(
      (e) => e.type === 'case_registered',
    );
    expect(registered?.data).toMatchObject({ viaList: true });
    // `Precedence: bulk` with a `List-Id` is a list's (alone, an old auto-reply's: refused).
    const bulk = await intakeMail(
      service,
      message(['Precedence: bulk', 'List-Id: <milis.example.id>'], 'Lewat milis massal'),
    );
    expect(bulk.duplicate).toBe(false);
  });
});

describe('an e-mail registered after it was received (a throttled retry, a replay)', () => {
  it('is dated when the mail service received it, and verified within 3 working days of that', async () => {
    // SES stored it on Friday 7 August 2026, 10:00 WIB; the Lambda got to it the next
    // Wednesday. Never before the clock's start in this file (tests share one clock).
    clock.set('2026-08-12T03:00:00.000Z');
    const { caseId } = await intakeMail(
      service,
      message(['Message-ID: <replay-1@warga.example.id>'], 'Diputar ulang'),
      { receivedAt: '2026-08-07T03:00:00.000Z' },
    );
    const c = await service.getCase(centralOfficer, caseId);
    expect(c.receivedAt).toBe('2026-08-07T03:00:00.000Z');
    // 10, 11, 12 August: due at the end of Wednesday 12 August, WIB.
    expect(c.verificationDueAt).toBe('2026-08-12T16:59:59.999Z');

    // Clamped: a receipt time after now is now; one more than 30 days back is 30 days back.
    const late = await intakeMail(
      service,
      message(['Message-ID: <replay-2@warga.example.id>'], 'Dari masa depan'),
      { receivedAt: '2026-08-13T03:00:00.000Z' },
    );
    expect((await service.getCase(centralOfficer, late.caseId)).receivedAt).toBe(
      '2026-08-12T03:00:00.000Z',
    );
    const old = await intakeMail(
      service,
      message(['Message-ID: <replay-3@warga.example.id>'], 'Terlalu lama'),
      { receivedAt: '2026-05-01T03:00:00.000Z' },
    );
    expect((await service.getCase(centralOfficer, old.caseId)).receivedAt).toBe(
      '2026-07-13T03:00:00.000Z',
    );
  });
});

describe('an e-mail whose case was written but whose answer was lost', () => {
  /**
   * The intake over a store whose first commit with files lands and then answers unavailable
   * (every attempt's answer timed out); `lagging`: its reads of a case miss it unless they are
   * consistent, as a read of a replica the transaction has not reached yet does (DynamoDB Local
   * is always consistent).
   */
  const answerLost = (lagging: boolean) => {
    let lost = false;
    const losing = new Proxy(store, {
      get(target, name, receiver) {
        if (lagging && name === 'getCase')
          return async (caseId: string, options?: { consistent?: boolean }) =>
            options?.consistent ? target.getCase(caseId, options) : undefined;
        if (name !== 'commit') return Reflect.get(target, name, receiver);
        return async (write: CaseChange) => {
          await target.commit(write);
          if ((write.attachments?.length ?? 0) > 0 && !lost) {
            lost = true;
            throw new DomainError('service_unavailable', 'the service is busy, try again shortly');
          }
        };
      },
    });
    return new Service({ store: losing, clock: clock.now, blobs, inspect: inspectUpload });
  };

  it('keeps the case’s files: only a case never written leaves files to delete', async () => {
    const raw = message(['Message-ID: <lost-answer@example.id>'], 'Jawaban hilang');
    await expect(intakeMail(answerLost(false), raw)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    // SES (or the sender's server) delivers it again: the case is there, with its .eml.
    const again = await intakeMail(service, raw);
    expect(again.duplicate).toBe(true);
    const files = await service.listAttachments(centralOfficer, again.caseId);
    expect(files.items.map((f) => f.name)).toEqual(['surel-asli.eml']);
    const [eml] = await store.listAttachments(again.caseId);
    expect(Buffer.from((await blobs.read(eml!.key))!).toString()).toContain('Jawaban hilang');
  });

  it('keeps them too when a read that is not consistent does not see the case yet', async () => {
    const raw = message(['Message-ID: <stale-read@example.id>'], 'Bacaan basi');
    await expect(intakeMail(answerLost(true), raw)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    const again = await intakeMail(service, raw);
    expect(again.duplicate).toBe(true);
    const [eml] = await store.listAttachments(again.caseId);
    expect(eml).toBeDefined();
    expect(Buffer.from((await blobs.read(eml!.key)) ?? []).toString()).toContain('Bacaan basi');
  });
});

/**
 * SES's own lines at the top of a message it received: its scans, and its authentication of
 * the sender's domain (DKIM signed by it, DMARC passed).
 */
const sesPassed = (from: string) => {
  const domain = from.replace(/^.*@|>.*$/g, '');
  return [
    'X-SES-Spam-Verdict: PASS',
    'X-SES-Virus-Verdict: PASS',
    `Authentication-Results: amazonses.com; spf=pass (spfCheck: domain of ${domain} designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from=x@${domain}; helo=mail.${domain}; dkim=pass header.i=@${domain}; dmarc=pass header.from=${domain};`,
  ];
};

/** A 1×1 PNG: the photo of an identity card a complainant attaches. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('an e-mail whose complainant asks that the identity be kept from the agency', () => {
  it('is hidden by central while verifying: the agency sees neither the sender nor the files that came with it', async () => {
    await addAgencies(service, [{ id: 'polri-mail' }]);
    const raw = Buffer.from(
      [
        'From: Dewi Lestari <dewi.lestari@warga.example.id>',
        'To: pengaduan@setneg.example.go.id',
        'Subject: Pungutan liar di samsat',
        'Date: Tue, 4 Aug 2026 08:00:00 +0700',
        'Message-ID: <rahasia-1@warga.example.id>',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Mohon identitas saya dirahasiakan. Petugas meminta uang tambahan.',
        '--b',
        'Content-Type: image/png; name="ktp-dewi.png"',
        'Content-Disposition: attachment; filename="ktp-dewi.png"',
        'Content-Transfer-Encoding: base64',
        '',
        TINY_PNG.toString('base64'),
        '--b--',
        '',
      ].join('\r\n'),
    );
    const { caseId } = await intakeMail(service, raw);
    const verified = await service.verifyCase(centralOfficer, caseId, {
      decision: 'accept',
      type: 'normative',
      identityHidden: true,
      description: 'Petugas meminta uang tambahan.',
    });
    expect(verified.identityHidden).toBe(true);
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'polri-mail' }] });

    const polri = officerOf('polri-mail');
    const seen = await service.getCase(polri, caseId);
    expect(JSON.stringify(seen)).not.toContain('Dewi');
    expect(JSON.stringify(seen)).not.toContain('dewi.lestari');
    // The photo of the identity card came in with it: central's now, as an intake scan of a
    // hidden-identity case is; central may still show a file to the agency by hand.
    expect((await service.listAttachments(polri, caseId)).items).toEqual([]);
    const files = (await service.listAttachments(centralOfficer, caseId)).items;
    expect(files.map((f) => [f.name, f.visibility])).toEqual(
      expect.arrayContaining([['ktp-dewi.png', 'central']]),
    );
    // Central still reads who complained.
    expect((await service.getCase(centralOfficer, caseId)).complainant).toMatchObject({
      name: 'Dewi Lestari',
      email: 'dewi.lestari@warga.example.id',
    });
  });
});

describe('a complainant’s follow-up e-mail (a reply, or a mail quoting the agenda number)', () => {
  /**
   * A message from `address`, with a PNG attached when `png` names it, as SES stores it: its
   * own lines on top (`ses`), by default saying it authenticated the sender's domain.
   */
  const mail = (
    address: string,
    headers: string[],
    subject: string,
    body: string,
    png?: string,
    ses: string[] = sesPassed(address),
  ) =>
    Buffer.from(
      [
        ...ses,
        ...headers,
        `From: Pelapor <${address}>`,
        'To: pengaduan@setneg.example.go.id',
        `Subject: ${subject}`,
        'Date: Wed, 12 Aug 2026 09:12:00 +0700',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
        ...(png
          ? [
              '--b',
              `Content-Type: image/png; name="${png}"`,
              `Content-Disposition: attachment; filename="${png}"`,
              'Content-Transfer-Encoding: base64',
              '',
              TINY_PNG.toString('base64'),
            ]
          : []),
        '--b--',
        '',
      ].join('\r\n'),
    );
  const events = async (caseId: string, type: string) =>
    (await service.timeline(centralOfficer, caseId, { limit: 100 })).items.filter(
      (e) => e.type === type,
    );
  const bySubject = async (subject: string) =>
    (await received()).filter((c) => c.subject === subject);

  /** The audit's reproduction: a complaint, central asks for the KTP, the complainant sends it. */
  const awaitingInfo = async (address: string, id: string, subject: string) => {
    const { caseId } = await intakeMail(
      service,
      mail(address, [`Message-ID: <${id}>`], subject, 'Jalan rusak sejak Mei.'),
    );
    await service.verifyCase(centralOfficer, caseId, { decision: 'needs_info', missing: 'KTP' });
    return service.getCase(centralOfficer, caseId);
  };

  it('joins the case it answers when its sender is the complainant: no second case', async () => {
    const first = await awaitingInfo('pelapor@warga.example.id', 'awal-1@warga', 'Jalan rusak');
    const reply = mail(
      'Pelapor@Warga.example.id',
      [
        'Message-ID: <balas-1@warga>',
        // Central asked from its own mail client, in reply to the complaint.
        'In-Reply-To: <minta-1@setneg.example.go.id>',
        'References: <awal-1@warga> <minta-1@setneg.example.go.id>',
      ],
      `Re: Jalan rusak [${first.agendaNumber}]`,
      'Berikut KTP saya, Budi Santoso.',
      'ktp-budi.png',
    );
    expect(await intakeMail(service, reply)).toEqual({
      caseId: first.id,
      duplicate: false,
      followUp: true,
    });
    expect(await bySubject(`Re: Jalan rusak [${first.agendaNumber}]`)).toEqual([]);
    const c = await service.getCase(centralOfficer, first.id);
    // Still waiting for central's decision, now with the answer it asked for.
    expect(c.status).toBe('needs_info');
    expect(c.infoRequest?.answeredAt).toBe(clock.now().toISOString());
    const [joined, ...more] = await events(first.id, 'complainant_mail');
    expect(more).toEqual([]);
    expect(joined).toMatchObject({
      actor: { system: 'intake' },
      agencyId: null,
      data: {
        subject: `Re: Jalan rusak [${first.agendaNumber}]`,
        text: 'Berikut KTP saya, Budi Santoso.',
        attachments: 1,
        attached: 1,
      },
    });
    const files = (await service.listAttachments(centralOfficer, first.id)).items;
    // The papers central asked for are central's until it shows them (see below). The
    // follow-up's own message is named as one, not as a second "surel-asli.eml" central
    // cannot tell from the complaint's.
    expect(files.map((f) => [f.name, f.visibility])).toEqual([
      ['surel-asli.eml', 'central'],
      ['ktp-budi.png', 'central'],
      ['surel-lanjutan.eml', 'central'],
    ]);

    // Delivered again (SES, or the sender's server retrying): appended once.
    expect(await intakeMail(service, reply)).toEqual({ caseId: first.id, duplicate: true });
    expect(await events(first.id, 'complainant_mail')).toHaveLength(1);
    expect((await service.listAttachments(centralOfficer, first.id)).items).toHaveLength(3);

    // A reply to that reply names it only: the thread goes on joining the case.
    const again = await intakeMail(
      service,
      mail(
        'pelapor@warga.example.id',
        ['Message-ID: <balas-2@warga>', 'In-Reply-To: <balas-1@warga>'],
        'Re: Re: Jalan rusak',
        'Saya tambahkan foto jalannya.',
      ),
    );
    expect(again).toEqual({ caseId: first.id, duplicate: false, followUp: true });
  });

  it('joins by the agenda number in its subject, from the complainant’s address only', async () => {
    const first = await awaitingInfo('dua@warga.example.id', 'awal-2@warga', 'Banjir');
    const subject = `Kelengkapan pengaduan ${first.agendaNumber}`;
    const joined = await intakeMail(
      service,
      mail('dua@warga.example.id', ['Message-ID: <baru-2@warga>'], subject, 'Terlampir.'),
    );
    expect(joined).toEqual({ caseId: first.id, duplicate: false, followUp: true });
    // Another sender quoting the number is another complaint: the case is not theirs.
    const other = await intakeMail(
      service,
      mail('orang.lain@contoh.id', ['Message-ID: <baru-3@contoh>'], subject, 'Saya juga.'),
    );
    expect(other.duplicate).toBe(false);
    expect(other.caseId).not.toBe(first.id);
    expect(await bySubject(subject)).toHaveLength(1);
  });

  it('opens a new case when another sender answers, or names a message not theirs', async () => {
    const first = await awaitingInfo('tiga@warga.example.id', 'awal-3@warga', 'Pungli');
    // Another sender, in reply to the complaint (a forged or forwarded thread).
    const forged = await intakeMail(
      service,
      mail(
        'penyusup@contoh.id',
        [
          'Message-ID: <palsu-1@contoh>',
          'In-Reply-To: <awal-3@warga>',
          'References: <awal-3@warga>',
        ],
        `Re: Pungli [${first.agendaNumber}]`,
        'Batalkan pengaduan ini.',
      ),
    );
    expect(forged).toMatchObject({ duplicate: false });
    expect(forged.caseId).not.toBe(first.id);
    // The complainant of another case naming this case's message: the id is not theirs.
    const crossed = await intakeMail(
      service,
      mail(
        'pelapor@warga.example.id',
        ['Message-ID: <silang-1@warga>', 'In-Reply-To: <awal-3@warga>'],
        'Re: Pungli',
        'Tambahan.',
      ),
    );
    expect(crossed.caseId).not.toBe(first.id);
    expect(await events(first.id, 'complainant_mail')).toEqual([]);
    expect((await service.getCase(centralOfficer, first.id)).infoRequest).toEqual({
      missing: 'KTP',
      requestedAt: first.infoRequest!.requestedAt,
    });
    // The complainant's own reply, the same headers and subject: theirs alone joins.
    const own = await intakeMail(
      service,
      mail(
        'tiga@warga.example.id',
        ['Message-ID: <asli-3@warga>', 'In-Reply-To: <awal-3@warga>', 'References: <awal-3@warga>'],
        `Re: Pungli [${first.agendaNumber}]`,
        'Ini bukti transfernya.',
      ),
    );
    expect(own).toEqual({ caseId: first.id, duplicate: false, followUp: true });
    expect((await events(first.id, 'complainant_mail')).map((e) => e.data.text)).toEqual([
      'Ini bukti transfernya.',
    ]);
  });

  it('opens a new case, linked for central, when the case it answers was rejected', async () => {
    const first = await awaitingInfo('empat@warga.example.id', 'awal-4@warga', 'Tanah');
    await service.verifyCase(centralOfficer, first.id, {
      decision: 'reject',
      reason: 'Bukan aduan',
    });
    const later = await intakeMail(
      service,
      mail(
        'empat@warga.example.id',
        ['Message-ID: <balas-4@warga>', 'In-Reply-To: <awal-4@warga>'],
        'Re: Tanah',
        'Saya keberatan.',
      ),
    );
    expect(later.caseId).not.toBe(first.id);
    expect(later.duplicate).toBe(false);
    const [registered] = await events(later.caseId, 'case_registered');
    expect(registered?.data).toMatchObject({
      followUpOf: first.id,
      followUpOfNumber: first.agendaNumber,
    });
    expect(await events(first.id, 'complainant_mail')).toEqual([]);
  });

  it('stays with central when the identity is hidden: the agency reads neither its text nor its files', async () => {
    await addAgencies(service, [{ id: 'pupr-mail' }]);
    const { caseId } = await intakeMail(
      service,
      mail('lima@warga.example.id', ['Message-ID: <awal-5@warga>'], 'Jembatan', 'Jembatan putus.'),
    );
    await service.verifyCase(centralOfficer, caseId, {
      decision: 'accept',
      type: 'normative',
      identityHidden: true,
      description: 'Jembatan putus.',
    });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pupr-mail' }] });
    const reply = await intakeMail(
      service,
      mail(
        'lima@warga.example.id',
        ['Message-ID: <balas-5@warga>', 'In-Reply-To: <awal-5@warga>'],
        'Re: Jembatan',
        'Saya Siti Aminah, warga RT 03, ini fotonya.',
        'foto-siti.png',
      ),
    );
    expect(reply).toEqual({ caseId, duplicate: false, followUp: true });
    const pupr = officerOf('pupr-mail');
    const seen = await service.timeline(pupr, caseId, { limit: 100 });
    expect(seen.items.map((e) => e.type)).not.toContain('complainant_mail');
    expect(JSON.stringify(seen)).not.toContain('Siti');
    expect((await service.listAttachments(pupr, caseId)).items).toEqual([]);
    const central = (await service.listAttachments(centralOfficer, caseId)).items;
    expect(central.map((f) => [f.name, f.visibility])).toContainEqual(['foto-siti.png', 'central']);
  });

  it('brings files central keeps, the identity not hidden: the agency reads them once central shows them', async () => {
    // Review s22 #6: the papers sent for `needs_info` (an ID scan) reached agencies unreviewed.
    await addAgencies(service, [{ id: 'bpn-mail' }]);
    const { caseId } = await intakeMail(
      service,
      mail('tujuh@warga.example.id', ['Message-ID: <awal-7@warga>'], 'Sertifikat', 'Tertahan.'),
    );
    await service.verifyCase(centralOfficer, caseId, { decision: 'accept', type: 'normative' });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'bpn-mail' }] });
    const reply = await intakeMail(
      service,
      mail(
        'tujuh@warga.example.id',
        ['Message-ID: <balas-7@warga>', 'In-Reply-To: <awal-7@warga>'],
        'Re: Sertifikat',
        'Ini KTP dan KK saya.',
        'ktp-tujuh.png',
      ),
    );
    expect(reply).toEqual({ caseId, duplicate: false, followUp: true });
    const bpn = officerOf('bpn-mail');
    expect((await service.listAttachments(bpn, caseId)).items).toEqual([]);
    const ktp = (await service.listAttachments(centralOfficer, caseId)).items.find(
      (f) => f.name === 'ktp-tujuh.png',
    );
    expect(ktp?.visibility).toBe('central');
    await service.updateAttachment(centralOfficer, caseId, ktp!.id, 'agencies');
    expect((await service.listAttachments(bpn, caseId)).items.map((f) => f.name)).toEqual([
      'ktp-tujuh.png',
    ]);
  });

  it('never joins through a list or group: its address may be the list’s, not a complainant’s', async () => {
    // Review s22 #3: a list that rewrites `From:` to its own address (Mailman's munge, Google
    // Groups for a DMARC-strict sender) makes every member's post "the complainant's".
    const list = 'grup@lists.example.id';
    const first = await intakeMail(
      service,
      mail(
        list,
        ['Message-ID: <grup-1@lists>', 'List-Id: <grup.lists.example.id>'],
        'Lampu jalan mati',
        'Lampu jalan mati sejak Senin.',
      ),
    );
    const c1 = await service.getCase(centralOfficer, first.caseId);
    // Another member, through the list, in the thread and quoting the number.
    const viaList = await intakeMail(
      service,
      mail(
        list,
        [
          'Message-ID: <grup-2@lists>',
          'List-Id: <grup.lists.example.id>',
          'In-Reply-To: <grup-1@lists>',
          'References: <grup-1@lists>',
        ],
        `Re: Lampu jalan mati [${c1.agendaNumber}]`,
        'Saya warga lain: got di gang kami tersumbat.',
        'foto-got.png',
      ),
    );
    expect(viaList.followUp).toBeUndefined();
    expect(viaList.caseId).not.toBe(first.caseId);
    // Nor does a message without `List-Id` join a case a list registered.
    const plain = await intakeMail(
      service,
      mail(
        list,
        ['Message-ID: <grup-3@lists>', 'In-Reply-To: <grup-1@lists>'],
        `Re: Lampu jalan mati [${c1.agendaNumber}]`,
        'Tambahan dari warga lain.',
      ),
    );
    expect(plain.followUp).toBeUndefined();
    expect(plain.caseId).not.toBe(first.caseId);
    expect(await events(first.caseId, 'complainant_mail')).toEqual([]);
    expect((await service.listAttachments(centralOfficer, first.caseId)).items).toHaveLength(1);
  });

  it('opens a new case, linked, when the case is closed between finding it and joining it', async () => {
    // Review s22 #7: the case was found open, then ended before the follow-up was written.
    const first = await awaitingInfo('enam@warga.example.id', 'awal-6@warga', 'Parit');
    let reads = 0;
    const racing = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'getCase') return Reflect.get(target, name, receiver);
        return async (caseId: string, options?: { consistent?: boolean }) => {
          const read = await target.getCase(caseId, options);
          // Central rejects it just after the follow-up's first read of it.
          if (caseId === first.id && reads++ === 0)
            await service.verifyCase(centralOfficer, first.id, {
              decision: 'reject',
              reason: 'Bukan aduan',
            });
          return read;
        };
      },
    });
    const racingService = new Service({
      store: racing,
      clock: clock.now,
      blobs,
      inspect: inspectUpload,
    });
    const later = await intakeMail(
      racingService,
      mail(
        'enam@warga.example.id',
        ['Message-ID: <balas-6@warga>', 'In-Reply-To: <awal-6@warga>'],
        'Re: Parit',
        'Ini KTP saya.',
        'ktp-enam.png',
      ),
    );
    expect(later.followUp).toBeUndefined();
    expect(later.caseId).not.toBe(first.id);
    const [registered] = await events(later.caseId, 'case_registered');
    expect(registered?.data).toMatchObject({ followUpOf: first.id });
    expect((await service.getCase(centralOfficer, first.id)).status).toBe('rejected');
    expect(await events(first.id, 'complainant_mail')).toEqual([]);
    expect(
      (await service.listAttachments(centralOfficer, first.id)).items.map((f) => f.name),
    ).toEqual(['surel-asli.eml']);
    expect(
      (await service.listAttachments(centralOfficer, later.caseId)).items.map((f) => f.name).sort(),
    ).toEqual(['ktp-enam.png', 'surel-asli.eml']);
  });

  it('is no old-style auto-reply (`Precedence: bulk` alone): refused, the case not answered', async () => {
    // Review s22 #10: a vacation responder's reply marked the desk's request answered.
    const first = await awaitingInfo('delapan@warga.example.id', 'awal-8@warga', 'Pasar');
    await expect(
      intakeMail(
        service,
        mail(
          'delapan@warga.example.id',
          ['Precedence: bulk', 'Message-ID: <cuti-8@warga>', 'In-Reply-To: <awal-8@warga>'],
          `Re: Pasar [${first.agendaNumber}]`,
          'Saya sedang cuti.',
        ),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(
      (await service.getCase(centralOfficer, first.id)).infoRequest?.answeredAt,
    ).toBeUndefined();
  });
  /** The bytes stored under a case (`cases/<id>/…` in the data dir's blob store). */
  const storedFiles = (caseId: string) => {
    const dir = join(blobDir, 'blobs', 'cases', caseId);
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  };
  /** What SES writes when it could not authenticate the sender's domain: no pass for it. */
  const unauthenticated: [string, string[]][] = [
    // No Authentication-Results of SES's at all (nor a scan: the receiving service is not SES).
    ['tanpa', []],
    [
      'gagal',
      [
        'X-SES-Spam-Verdict: PASS',
        'X-SES-Virus-Verdict: PASS',
        'Authentication-Results: amazonses.com; spf=fail client-ip=203.0.113.9; dkim=none; dmarc=fail header.from=warga.example.id;',
        // The sender's forged pass below SES's own line changes nothing.
        'Authentication-Results: amazonses.com; dkim=pass header.i=@warga.example.id; dmarc=pass header.from=warga.example.id;',
      ],
    ],
  ];

  it('never joins from a sender the mail service did not authenticate: a new case, noted for central', async () => {
    // Audit: anyone can write any `From:`, and agenda numbers are sequential: a stranger who
    // knows the complainant's address wrote into their case, read as the complainant's.
    const address = 'sembilan@warga.example.id';
    const first = await awaitingInfo(address, 'awal-9@warga', 'Puskesmas');
    const filesBefore = storedFiles(first.id);
    expect(filesBefore.length).toBeGreaterThan(0);
    const forged = [
      // Quoting the agenda number, as the tracking page asks the complainant to.
      (label: string, ses: string[]) =>
        mail(
          address,
          [`Message-ID: <palsu-nomor-${label}@contoh>`],
          `Kelengkapan pengaduan ${first.agendaNumber}`,
          'Saya mencabut pengaduan ini.',
          `ktp-palsu-${label}.png`,
          ses,
        ),
      // In reply to the complainant's own message (its Message-ID is no secret either).
      (label: string, ses: string[]) =>
        mail(
          address,
          [
            `Message-ID: <palsu-balas-${label}@contoh>`,
            'In-Reply-To: <awal-9@warga>',
            'References: <awal-9@warga>',
          ],
          'Re: Puskesmas',
          'Saya mencabut pengaduan ini.',
          `ktp-palsu-${label}.png`,
          ses,
        ),
    ];
    for (const [label, ses] of unauthenticated)
      for (const [i, forge] of forged.entries()) {
        const what = `${label}, ${i === 0 ? 'nomor agenda' : 'In-Reply-To'}`;
        const outcome = await intakeMail(service, forge(`${label}-${i}`, ses));
        expect(outcome.caseId, what).not.toBe(first.id);
        expect(outcome, what).toEqual({ caseId: outcome.caseId, duplicate: false });
        // A new case for central to verify, which says what it claims to follow, and that its
        // sender could not be verified.
        const [registered] = await events(outcome.caseId, 'case_registered');
        expect(registered?.data, what).toMatchObject({
          followUpOf: first.id,
          followUpOfNumber: first.agendaNumber,
          followUpUnverified: true,
          attachments: 1,
          attached: 1,
        });
        const c = await service.getCase(centralOfficer, outcome.caseId);
        expect(c, what).toMatchObject({
          status: 'received',
          complainant: { email: address },
        });
        expect(
          (await service.listAttachments(centralOfficer, outcome.caseId)).items
            .map((f) => f.name)
            .sort(),
          what,
        ).toEqual([`ktp-palsu-${label}-${i}.png`, 'surel-asli.eml']);
      }
    // The case it claimed to follow: nothing written, nothing stored, still waiting.
    expect(await events(first.id, 'complainant_mail')).toEqual([]);
    const c = await service.getCase(centralOfficer, first.id);
    expect(c.status).toBe('needs_info');
    expect(c.infoRequest?.answeredAt).toBeUndefined();
    expect(
      (await service.listAttachments(centralOfficer, first.id)).items.map((f) => f.name),
    ).toEqual(['surel-asli.eml']);
    expect(storedFiles(first.id)).toEqual(filesBefore);

    // The complainant's own reply, SES vouching for their domain, joins as before.
    const own = await intakeMail(
      service,
      mail(
        address,
        ['Message-ID: <asli-9@warga>', 'In-Reply-To: <awal-9@warga>'],
        `Re: Puskesmas [${first.agendaNumber}]`,
        'Berikut KTP saya.',
      ),
    );
    expect(own).toEqual({ caseId: first.id, duplicate: false, followUp: true });
    // Embedded, the loopback listener's mail is trusted (`trustFrom`), as for a staff forward.
    const embedded = await intakeMail(
      service,
      mail(
        address,
        ['Message-ID: <lokal-9@warga>'],
        `Tambahan ${first.agendaNumber}`,
        'Satu lagi.',
        undefined,
        [],
      ),
      { trustFrom: true },
    );
    expect(embedded).toEqual({ caseId: first.id, duplicate: false, followUp: true });
    expect((await events(first.id, 'complainant_mail')).map((e) => e.data.text)).toEqual([
      'Berikut KTP saya.',
      'Satu lagi.',
    ]);
  });

  it('unauthenticated, reaches no agency: the forwarded case unchanged, the note central’s', async () => {
    await addAgencies(service, [{ id: 'dinkes-mail' }]);
    const address = 'sepuluh@warga.example.id';
    const { caseId } = await intakeMail(
      service,
      mail(address, ['Message-ID: <awal-10@warga>'], 'Obat kosong', 'Obat kosong sebulan.'),
    );
    await service.verifyCase(centralOfficer, caseId, { decision: 'accept', type: 'normative' });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'dinkes-mail' }] });
    const { agendaNumber } = await service.getCase(centralOfficer, caseId);
    const dinkes = officerOf('dinkes-mail');
    const seen = async (id: string) => ({
      timeline: (await service.timeline(dinkes, id, { limit: 100 })).items,
      files: (await service.listAttachments(dinkes, id)).items,
    });
    const before = await seen(caseId);
    const forged = await intakeMail(
      service,
      mail(
        address,
        ['Message-ID: <palsu-10@contoh>'],
        `Re: ${agendaNumber}`,
        'Petugas puskesmas sudah minta maaf, pengaduan selesai.',
        'surat-palsu.png',
        unauthenticated[1]![1],
      ),
    );
    expect(forged.caseId).not.toBe(caseId);
    expect(await seen(caseId)).toEqual(before);
    expect(JSON.stringify(before)).not.toContain('minta maaf');
    // Central forwards the new case after all: the agency reads no trace of the other case.
    await service.verifyCase(centralOfficer, forged.caseId, {
      decision: 'accept',
      type: 'normative',
    });
    await service.forward(centralOfficer, forged.caseId, {
      assignments: [{ agencyId: 'dinkes-mail' }],
    });
    const registered = (await seen(forged.caseId)).timeline.find(
      (e) => e.type === 'case_registered',
    );
    expect(registered).toBeDefined();
    expect(registered?.data).not.toHaveProperty('followUpOf');
    expect(registered?.data).not.toHaveProperty('followUpOfNumber');
    expect(registered?.data).not.toHaveProperty('followUpUnverified');
    const [central] = await events(forged.caseId, 'case_registered');
    expect(central?.data).toMatchObject({ followUpOf: caseId, followUpUnverified: true });
  });

  it('without text but with files says the complaint is in the files, a new case and a follow-up alike', async () => {
    // The walk's empty mail: "(Surel tanpa isi teks)" alone sent central looking for nothing,
    // when the complainant had written the complaint as a scanned letter.
    const address = 'sebelas@warga.example.id';
    const inFiles = '(Surel tanpa isi teks; isi pengaduan ada pada berkas terlampir)';
    const { caseId } = await intakeMail(
      service,
      mail(address, ['Message-ID: <awal-11@warga>'], 'Surat aduan', '', 'scan-surat.png'),
    );
    expect((await service.getCase(centralOfficer, caseId)).description).toBe(inFiles);
    const reply = await intakeMail(
      service,
      mail(
        address,
        ['Message-ID: <balas-11@warga>', 'In-Reply-To: <awal-11@warga>'],
        'Re: Surat aduan',
        '',
        'halaman-dua.png',
      ),
    );
    expect(reply).toEqual({ caseId, duplicate: false, followUp: true });
    expect((await events(caseId, 'complainant_mail'))[0]?.data.text).toBe(inFiles);
    // Without files there is nothing to point to.
    const bare = await intakeMail(
      service,
      mail('dua-belas@warga.example.id', ['Message-ID: <awal-12@warga>'], 'Kosong', ''),
    );
    expect((await service.getCase(centralOfficer, bare.caseId)).description).toBe(
      '(Surel tanpa isi teks)',
    );
  });
});

describe('a citizen’s e-mail a central officer forwarded from their own mailbox', () => {
  // Central's officers write from setneg.go.id (`MAIL_STAFF_DOMAINS`); its registered contact
  // (dumas@setneg.go.id, seeded) is staff without any setting.
  let staffService: Service;
  beforeAll(() => {
    staffService = new Service({
      store,
      clock: clock.now,
      blobs,
      inspect: inspectUpload,
      staffMailDomains: ['setneg.go.id'],
    });
  });

  /** The citizen's message as the officer received it: a text and a photo. */
  const original = (subject: string) =>
    [
      'From: Budi Santoso <budi.santoso@warga.example.id>',
      'To: Petugas Dumas <petugas@setneg.go.id>',
      `Subject: ${subject}`,
      'Date: Mon, 3 Aug 2026 08:00:00 +0700',
      `Message-ID: <${subject.replace(/\W+/g, '-')}@warga.example.id>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="asli"',
      '',
      '--asli',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Jalan di desa kami rusak sejak Mei.',
      '--asli',
      'Content-Type: image/png; name="foto-jalan.png"',
      'Content-Disposition: attachment; filename="foto-jalan.png"',
      'Content-Transfer-Encoding: base64',
      '',
      TINY_PNG.toString('base64'),
      '--asli--',
      '',
    ].join('\r\n');
  /** The audit's reproduction: Outlook's "Forward as attachment" (one message/rfc822 part). */
  const asAttachment = (from: string, subject: string, headers = sesPassed(from), note = '') =>
    Buffer.from(
      [
        ...headers,
        `From: ${from}`,
        'To: pengaduan@setneg.example.go.id',
        `Subject: FW: ${subject}`,
        'Date: Mon, 3 Aug 2026 09:12:00 +0700',
        `Message-ID: <fw-${subject.replace(/\W+/g, '-')}${note ? '-note' : ''}@setneg.go.id>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="fw"',
        '',
        '--fw',
        'Content-Type: text/plain; charset=utf-8',
        '',
        note,
        '--fw',
        `Content-Type: message/rfc822; name="${subject}.eml"`,
        `Content-Disposition: attachment; filename="${subject}.eml"`,
        '',
        original(subject),
        '--fw--',
        '',
      ].join('\r\n'),
    );
  /** Gmail's "Forward": the original below a block, its photo the forward's own. */
  const inline = (from: string, subject: string, headers = sesPassed(from)) =>
    Buffer.from(
      [
        ...headers,
        `From: ${from}`,
        'To: pengaduan@setneg.example.go.id',
        `Subject: Fwd: ${subject}`,
        'Date: Mon, 3 Aug 2026 09:12:00 +0700',
        `Message-ID: <fwd-${subject.replace(/\W+/g, '-')}@setneg.go.id>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="fw"',
        '',
        '--fw',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '---------- Forwarded message ---------',
        'From: Budi Santoso <budi.santoso@warga.example.id>',
        'Date: Mon, 3 Aug 2026 at 08:00',
        `Subject: ${subject}`,
        'To: <petugas@setneg.go.id>',
        '',
        'Jalan di desa kami rusak sejak Mei.',
        '--fw',
        'Content-Type: image/png; name="foto-jalan.png"',
        'Content-Disposition: attachment; filename="foto-jalan.png"',
        'Content-Transfer-Encoding: base64',
        '',
        TINY_PNG.toString('base64'),
        '--fw--',
        '',
      ].join('\r\n'),
    );
  const registration = async (caseId: string) =>
    (await service.timeline(centralOfficer, caseId, { limit: 10 })).items.find(
      (e) => e.type === 'case_registered',
    );
  const fileNames = async (caseId: string) =>
    (await service.listAttachments(centralOfficer, caseId)).items
      .map((f) => [f.name, f.visibility])
      .sort();
  const OFFICER = 'Petugas Dumas <petugas@setneg.go.id>';

  it('forwarded as an attachment by staff: the citizen complains, with their text and files', async () => {
    const { caseId } = await intakeMail(
      staffService,
      asAttachment(OFFICER, 'Jalan rusak lampiran'),
    );
    const c = await service.getCase(centralOfficer, caseId);
    expect(c).toMatchObject({
      complainant: { name: 'Budi Santoso', email: 'budi.santoso@warga.example.id' },
      subject: 'Jalan rusak lampiran',
      description: 'Jalan di desa kami rusak sejak Mei.',
    });
    // The photo is the case's, for the agencies; the officer's message stays central's.
    expect(await fileNames(caseId)).toEqual([
      ['foto-jalan.png', 'agencies'],
      ['surel-asli.eml', 'central'],
    ]);
    expect((await registration(caseId))?.data).toMatchObject({
      forwardedBy: 'petugas@setneg.go.id',
      attachments: 1,
      attached: 1,
    });
    // Central finds it by the citizen's address (an identifier, looked up only).
    const found = await service.search(centralOfficer, {
      q: 'budi.santoso@warga.example.id',
      limit: 25,
    });
    expect(found.items.map((x) => x.id)).toContain(caseId);
    // Who forwarded it is central's: an agency it is forwarded to reads no forwardedBy.
    await addAgencies(service, [{ id: 'pupr-fw' }]);
    await service.verifyCase(centralOfficer, caseId, { decision: 'accept', type: 'normative' });
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pupr-fw' }] });
    const seen = (await service.timeline(officerOf('pupr-fw'), caseId, { limit: 10 })).items.find(
      (e) => e.type === 'case_registered',
    );
    expect(seen).toBeDefined();
    expect(JSON.stringify(seen)).not.toContain('petugas@setneg.go.id');
  });

  it('the citizen’s own mail and a staff forward of it as an attachment are one case, in either order', async () => {
    const CITIZEN = 'budi.santoso@warga.example.id';
    const direct = (subject: string) =>
      Buffer.from([...sesPassed(CITIZEN), original(subject)].join('\r\n'));
    // The citizen wrote to the intake and to an officer, who forwarded it on.
    const first = await intakeMail(staffService, direct('Jalan rusak dua kali'));
    const forward = await intakeMail(staffService, asAttachment(OFFICER, 'Jalan rusak dua kali'));
    expect(forward).toEqual({ caseId: first.caseId, duplicate: true });
    // The officer forwarded it before the citizen's own copy arrived.
    const forwardedFirst = await intakeMail(
      staffService,
      asAttachment(OFFICER, 'Jalan rusak lagi dua kali'),
    );
    const own = await intakeMail(staffService, direct('Jalan rusak lagi dua kali'));
    expect(own).toEqual({ caseId: forwardedFirst.caseId, duplicate: true });
    // Each forward's redelivery still answers its case.
    expect(
      await intakeMail(staffService, asAttachment(OFFICER, 'Jalan rusak lagi dua kali')),
    ).toEqual({ caseId: forwardedFirst.caseId, duplicate: true });
    // A forward with the officer's note, after the citizen's own copy: the note is not lost.
    const noted = await intakeMail(
      staffService,
      asAttachment(
        OFFICER,
        'Jalan rusak dua kali',
        undefined,
        'Mohon diprioritaskan: pelapor sudah tiga kali datang.',
      ),
    );
    expect(noted).toMatchObject({ caseId: first.caseId, followUp: true });
    const events = (await service.timeline(centralOfficer, first.caseId, { limit: 20 })).items;
    expect(events.find((e) => e.type === 'complainant_mail')?.data).toMatchObject({
      forwardedBy: 'petugas@setneg.go.id',
      forwardNote: 'Mohon diprioritaskan: pelapor sudah tiga kali datang.',
    });
  });

  it('forwarded inline by staff: likewise, the original’s sender, subject, text and files', async () => {
    const { caseId } = await intakeMail(staffService, inline(OFFICER, 'Jalan rusak terusan'));
    expect(await service.getCase(centralOfficer, caseId)).toMatchObject({
      complainant: { name: 'Budi Santoso', email: 'budi.santoso@warga.example.id' },
      subject: 'Jalan rusak terusan',
      description: 'Jalan di desa kami rusak sejak Mei.',
    });
    expect(await fileNames(caseId)).toEqual([
      ['foto-jalan.png', 'agencies'],
      ['surel-asli.eml', 'central'],
    ]);
    expect((await registration(caseId))?.data).toMatchObject({
      forwardedBy: 'petugas@setneg.go.id',
    });
  });

  it('forwarded from central’s registered contact address, with no domain configured', async () => {
    const { caseId } = await intakeMail(
      service,
      asAttachment('Asdep Dumas <DUMAS@setneg.go.id>', 'Jalan rusak kontak'),
    );
    expect((await service.getCase(centralOfficer, caseId)).complainant).toMatchObject({
      email: 'budi.santoso@warga.example.id',
    });
    expect((await registration(caseId))?.data).toMatchObject({ forwardedBy: 'dumas@setneg.go.id' });
  });

  it('forwarded from a staff address SES did not authenticate is that sender’s own complaint', async () => {
    // Review s22 #4: anyone can write `From: petugas@setneg.go.id`; staff may name another person
    // as the complainant only when SES's own (topmost) Authentication-Results vouches for it.
    const spam = ['X-SES-Spam-Verdict: PASS', 'X-SES-Virus-Verdict: PASS'];
    const unauthenticated: [string, string[]][] = [
      ['tanpa', spam],
      [
        'gagal',
        [
          ...spam,
          'Authentication-Results: amazonses.com; spf=fail client-ip=203.0.113.9; dkim=none; dmarc=fail header.from=setneg.go.id;',
          // The sender's forged PASS below SES's own line changes nothing.
          'Authentication-Results: amazonses.com; dkim=pass header.i=@setneg.go.id; dmarc=pass header.from=setneg.go.id;',
        ],
      ],
      [
        'domain lain',
        [
          ...spam,
          'Authentication-Results: amazonses.com; spf=pass; dkim=pass header.i=@penipu.example.id; dmarc=fail header.from=setneg.go.id;',
        ],
      ],
      [
        'bukan ses',
        [
          ...spam,
          'Authentication-Results: mx.penipu.example.id; dkim=pass header.d=setneg.go.id; dmarc=pass header.from=setneg.go.id',
        ],
      ],
    ];
    for (const [label, headers] of unauthenticated) {
      const { caseId } = await intakeMail(
        staffService,
        inline(OFFICER, `Jalan rusak palsu ${label}`, headers),
      );
      expect((await service.getCase(centralOfficer, caseId)).complainant, label).toMatchObject({
        email: 'petugas@setneg.go.id',
      });
      expect((await registration(caseId))?.data, label).not.toHaveProperty('forwardedBy');
    }
    // DKIM alone, signed by the forwarder's domain (no DMARC record): staff.
    const signed = await intakeMail(
      staffService,
      asAttachment(OFFICER, 'Jalan rusak dkim', [
        ...spam,
        'Authentication-Results: amazonses.com; spf=pass; dkim=pass header.i=@setneg.go.id; dmarc=none header.from=setneg.go.id;',
      ]),
    );
    expect((await service.getCase(centralOfficer, signed.caseId)).complainant).toMatchObject({
      email: 'budi.santoso@warga.example.id',
    });
  });

  it('forwarded by anyone else is their own complaint, what it forwards read below their note', async () => {
    const citizen = 'Warga Lain <lain@warga.example.id>';
    const attached = await intakeMail(
      staffService,
      asAttachment(citizen, 'Jalan rusak warga', sesPassed(citizen), 'Mohon dibantu.'),
    );
    const a = await service.getCase(centralOfficer, attached.caseId);
    // As an inline forward's: before, only the note ("(Surel tanpa isi teks)" without one),
    // the forwarded words and photo left in the .eml alone.
    expect(a).toMatchObject({
      complainant: { email: 'lain@warga.example.id' },
      subject: 'FW: Jalan rusak warga',
      description: [
        'Mohon dibantu.',
        '---------- Pesan terusan ----------',
        'Dari: Budi Santoso <budi.santoso@warga.example.id>',
        'Perihal: Jalan rusak warga',
        '',
        'Jalan di desa kami rusak sejak Mei.',
      ].join('\n'),
    });
    expect(
      (await service.listAttachments(centralOfficer, attached.caseId)).items.map((f) => f.name),
    ).toContain('foto-jalan.png');
    const byInline = await intakeMail(staffService, inline(citizen, 'Jalan rusak warga terusan'));
    const b = await service.getCase(centralOfficer, byInline.caseId);
    expect(b.complainant).toMatchObject({ email: 'lain@warga.example.id' });
    expect(b.description).toContain('---------- Forwarded message ---------');
    for (const id of [attached.caseId, byInline.caseId])
      expect((await registration(id))?.data).not.toHaveProperty('forwardedBy');
  });
});
