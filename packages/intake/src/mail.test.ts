import { describe, expect, it } from 'vitest';
import type { IncomingMail } from '@pantau/core';
import { intakeMail, parseMessage } from './mail.ts';

const raw = (headers: string[], from = 'Warga <warga@warga.example.id>') =>
  Buffer.from(
    [
      ...headers,
      `From: ${from}`,
      'To: pengaduan@setneg.example.go.id',
      'Subject: Perihal',
      'Date: Mon, 3 Aug 2026 09:12:00 +0700',
      ...(headers.some((h) => /^content-type:/i.test(h))
        ? []
        : ['Content-Type: text/plain; charset=utf-8']),
      '',
      'Isi.',
    ].join('\r\n'),
  );

describe('a message sent by a machine (RFC 3834)', () => {
  it.each([
    [['Auto-Submitted: auto-replied']],
    [['Auto-Submitted: auto-generated']],
    [['X-Autoreply: yes']],
    [['X-Autorespond: Out of office']],
    [['Precedence: auto_reply']],
    [['Precedence: junk']],
    [['Return-Path: <>']],
    [
      [
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      ],
    ],
  ])('is automated: %j', async (headers) => {
    expect((await parseMessage(raw(headers))).mail.automated).toBe(true);
  });

  it('from the mailer daemon or the postmaster is automated', async () => {
    for (const from of ['Mail Delivery System <MAILER-DAEMON@mx.example.id>', 'postmaster@x.id'])
      expect((await parseMessage(raw([], from))).mail.automated, from).toBe(true);
  });

  it('is not an ordinary message, nor one saying `Auto-Submitted: no`', async () => {
    expect((await parseMessage(raw([]))).mail.automated).toBe(false);
    expect((await parseMessage(raw(['Auto-Submitted: no']))).mail.automated).toBe(false);
    expect(
      (await parseMessage(raw(['Return-Path: <warga@warga.example.id>', 'Precedence: normal'])))
        .mail.automated,
    ).toBe(false);
  });
});

describe('a message relayed by a group or a list (Google Groups, Mailman, a mass-mail tool)', () => {
  // RFC 3834 §2: `Precedence: list|bulk` tells a responder not to answer, not that a machine
  // wrote it. A citizen writing to a unit's address that is a group is a complaint.
  it.each([
    [
      [
        'Precedence: list',
        'List-ID: <pengaduan.setneg.go.id>',
        'Mailing-list: list pengaduan@x.id',
      ],
    ],
    [['Precedence: bulk']],
    [['List-Id: Pengaduan <pengaduan.setneg.go.id>']],
  ])('is a person’s message, marked as relayed: %j', async (headers) => {
    const { mail } = await parseMessage(raw(headers));
    expect(mail.automated).toBe(false);
    expect(mail.viaList).toBe(true);
  });

  it('is not an ordinary message; an auto-reply through a list is still automated', async () => {
    expect((await parseMessage(raw([]))).mail.viaList).toBe(false);
    const { mail } = await parseMessage(raw(['Auto-Submitted: auto-replied', 'List-Id: <l.id>']));
    expect(mail.automated).toBe(true);
  });
});

describe('the time a message was received', () => {
  const receiver = () => {
    const got: IncomingMail[] = [];
    return {
      got,
      receiveEmail: (mail: IncomingMail) => {
        got.push(mail);
        return Promise.resolve({ caseId: 'c', duplicate: false });
      },
    };
  };

  it('is the receiving service’s, passed along; never the sender’s `Date:`', async () => {
    const service = receiver();
    await intakeMail(service, raw([]), { receivedAt: '2026-08-07T03:00:00.000Z' });
    expect(service.got[0]?.receivedAt).toBe('2026-08-07T03:00:00.000Z');
    await intakeMail(service, raw([]));
    expect(service.got[1]?.receivedAt ?? null).toBeNull();
    expect(service.got[1]?.sentAt).toBe('2026-08-03T02:12:00.000Z');
  });
});

/** A message whose only text is HTML, in one of the two shapes mailparser does not convert. */
const htmlOnly = (html: string, shape: 'mixed' | 'root' = 'mixed') =>
  Buffer.from(
    [
      'From: Warga <warga@warga.example.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: Perihal',
      'MIME-Version: 1.0',
      ...(shape === 'mixed'
        ? [
            // An HTML part alone in a multipart/mixed: mailparser keeps it as HTML, no text.
            'Content-Type: multipart/mixed; boundary="b"',
            '',
            '--b',
            'Content-Type: text/html; charset=utf-8',
            '',
            html,
            '--b--',
            '',
          ]
        : ['Content-Type: text/html; charset=utf-8', '', html]),
    ].join('\r\n'),
  );

describe('an HTML-only message (anyone can send one: its HTML is hostile input)', () => {
  it('reads its text, without styles, scripts or comments', async () => {
    const { mail } = await parseMessage(
      htmlOnly(
        '<html><head><style type="text/css">p { color: red }</style></head><body>' +
          '<!--[if mso]><xml>o:OfficeDocumentSettings</xml><![endif]-->' +
          '<p>Jalan di depan <b>kantor desa</b> rusak.</p><SCRIPT>alert(1)</SCRIPT>' +
          '<div>Sudah tiga bulan &amp; belum&nbsp;diperbaiki; 5 &lt; 6, &amp;lt; tetap.</div>' +
          '</body></html>',
      ),
    );
    expect(mail.text).toBe(
      'Jalan di depan kantor desa rusak.\nSudah tiga bulan & belum diperbaiki; 5 < 6, &lt; tetap.',
    );
  });

  it('reads no more of its HTML than 200,000 characters, ten times what a case keeps', async () => {
    const { mail } = await parseMessage(htmlOnly(`<p>${'kata '.repeat(200_000)}</p>`));
    const text = mail.text ?? '';
    expect(text.length).toBeGreaterThan(20_000);
    expect(text.length).toBeLessThanOrEqual(200_000);
    expect(text.startsWith('kata kata')).toBe(true);
  });

  // Each took quadratic time in the tag-stripping regexes, 40 s to 4 min here (1 MB of
  // `<style>` alone ran for 40 s): a message held the mail Lambda (60 s) through every retry
  // and froze the embedded runtime. Cut and linear, each takes well under 100 ms.
  it.each([
    ['<style> repeated, in a multipart/mixed', htmlOnly('<style>'.repeat(150_000))],
    [
      'nested past mailparser’s depth limit, then “<” repeated',
      htmlOnly(`${'<b>'.repeat(1_001)}${'<'.repeat(400_000)}`, 'root'),
    ],
    ['an unclosed comment and tags', htmlOnly(`${'<!--<a '.repeat(150_000)}`)],
  ])('takes well under a second for crafted HTML: %s', { timeout: 10_000 }, async (_, raw) => {
    const started = performance.now();
    await parseMessage(raw);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('what a reply answers (`In-Reply-To`, `References`)', () => {
  it('reads both, each id once, with its angle brackets (as a Message-ID is read)', async () => {
    const { mail } = await parseMessage(
      raw([
        'Message-ID: <balas-2@warga.example.id>',
        'In-Reply-To: <minta-1@setneg.example.go.id>',
        'References: <awal-1@warga.example.id>\r\n <minta-1@setneg.example.go.id>',
      ]),
    );
    expect(mail.inReplyTo).toEqual(['<minta-1@setneg.example.go.id>']);
    expect(mail.references).toEqual([
      '<awal-1@warga.example.id>',
      '<minta-1@setneg.example.go.id>',
    ]);
  });

  it('reads none in a message that answers nothing, and ignores what is not an id', async () => {
    expect((await parseMessage(raw([]))).mail).toMatchObject({ inReplyTo: [], references: [] });
    const { mail } = await parseMessage(
      raw(['In-Reply-To: your message of Monday <awal-1@warga.example.id>']),
    );
    expect(mail.inReplyTo).toEqual(['<awal-1@warga.example.id>']);
  });
});
