import { describe, expect, it } from 'vitest';
import { parseMessage } from './mail.ts';

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
    [['Precedence: bulk']],
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
