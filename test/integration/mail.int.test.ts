/**
 * E-mail intake on DynamoDB Local, from the raw message as SES stores it (or the SMTP listener
 * receives it): what makes a redelivery (the same sender's message, with or without a
 * Message-ID), and what the receiving service's scan refused.
 */
import { mkdtempSync } from 'node:fs';
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
const clock = manualClock('2026-08-03T03:00:00.000Z');

beforeAll(async () => {
  store = await freshStore();
  blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), 'pantau-mail-')), clock.now);
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
  it('is a case, noted as relayed by a list for central (`Precedence: list` or `bulk`)', async () => {
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
    const bulk = await intakeMail(service, message(['Precedence: bulk'], 'Lewat milis massal'));
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
