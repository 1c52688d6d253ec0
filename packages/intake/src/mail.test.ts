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
    // A legacy vacation responder (`vacation(1)`, hosting autoresponders) marks its reply with
    // `Precedence: bulk` alone: no list relayed it.
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
    [['Precedence: list']],
    [['Precedence: bulk', 'List-Id: <milis.example.id>']],
    [['List-Id: Pengaduan <pengaduan.setneg.go.id>']],
  ])('is a person’s message, marked as relayed: %j', async (headers) => {
    const { mail } = await parseMessage(raw(headers));
    expect(mail.automated).toBe(false);
    expect(mail.viaList).toBe(true);
  });

  it('is bulk mail, as is a mass-mail tool’s newsletter (`List-Unsubscribe`, no `List-Id`)', async () => {
    expect((await parseMessage(raw(['List-Id: <milis.example.id>']))).mail.bulk).toBe(true);
    const { mail } = await parseMessage(
      raw(['List-Unsubscribe: <https://buletin.example.id/berhenti?u=1>']),
    );
    expect([mail.bulk, mail.viaList, mail.automated]).toEqual([true, false, false]);
    expect((await parseMessage(raw([]))).mail.bulk).toBe(false);
  });

  it('is not an ordinary message; an auto-reply through a list is still automated', async () => {
    expect((await parseMessage(raw([]))).mail.viaList).toBe(false);
    const { mail } = await parseMessage(raw(['Auto-Submitted: auto-replied', 'List-Id: <l.id>']));
    expect(mail.automated).toBe(true);
  });
});

describe('whether the receiving service authenticated the sender’s domain (SES’s own line)', () => {
  const from = 'Petugas <petugas@setneg.go.id>';
  const authenticated = async (headers: string[], options?: { trustFrom?: boolean }) => {
    const got: IncomingMail[] = [];
    await intakeMail(
      {
        receiveEmail: (mail: IncomingMail) => {
          got.push(mail);
          return Promise.resolve({ caseId: 'c', duplicate: false });
        },
      },
      raw(headers, from),
      options,
    );
    return got[0]?.fromAuthenticated;
  };

  it('holds when SES’s topmost Authentication-Results passes DMARC, or DKIM aligned, for it', async () => {
    expect(
      await authenticated([
        'Authentication-Results: amazonses.com; spf=pass; dkim=pass header.i=@setneg.go.id; dmarc=pass header.from=setneg.go.id;',
      ]),
    ).toBe(true);
    expect(
      await authenticated([
        'Authentication-Results: amazonses.com; spf=none; dkim=fail; dmarc=pass header.from=SETNEG.go.id;',
      ]),
    ).toBe(true);
    expect(
      await authenticated([
        'Authentication-Results: amazonses.com; dkim=pass header.d=setneg.go.id; dmarc=none',
      ]),
    ).toBe(true);
  });

  it('does not otherwise: none, failed, another domain’s, not SES’s, or a forged PASS below', async () => {
    for (const headers of [
      [],
      [
        'Authentication-Results: amazonses.com; spf=pass; dkim=none; dmarc=fail header.from=setneg.go.id;',
      ],
      [
        'Authentication-Results: amazonses.com; dkim=pass header.i=@penipu.id; dmarc=none header.from=setneg.go.id;',
      ],
      ['Authentication-Results: amazonses.com; dkim=pass header.i=@setneg.go.id.penipu.id;'],
      ['Authentication-Results: amazonses.com; dmarc=pass header.from=penipu.id;'],
      ['Authentication-Results: mx.penipu.id; dmarc=pass header.from=setneg.go.id;'],
      [
        'Authentication-Results: amazonses.com; spf=fail; dkim=none; dmarc=fail header.from=setneg.go.id;',
        'Authentication-Results: amazonses.com; dmarc=pass header.from=setneg.go.id;',
      ],
    ])
      expect(await authenticated(headers), headers.join(' / ')).toBe(false);
  });

  it('is the runtime’s to vouch for when no such service stands in front (embedded)', async () => {
    expect(await authenticated([], { trustFrom: true })).toBe(true);
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

  it('decodes every character reference as a browser does, and puts list items on lines', async () => {
    // Gmail and Outlook write quotes, dashes and apostrophes as references; before, only four
    // names were decoded and central read `&quot;blangko habis&quot;` (list items ran together).
    const { mail } = await parseMessage(
      htmlOnly(
        '<p>Petugas bilang &quot;blangko habis&quot; &ndash; sudah 3&nbsp;bulan, kata &#39;besok&#39;.' +
          '<br>Saya kecewa &#8220;sekali&#8221; &#x2014; &eacute; &amp; &notareference; &#xD800;</p>' +
          '<ul><li>Blangko habis</li><li>Antre 3 jam</li></ul><h2>Harapan</h2>Dilayani',
      ),
    );
    // A number that is no character (half a surrogate pair) is U+FFFD: the text stays well
    // formed, not a mail refused whole; a name HTML does not have stays as written.
    expect(mail.text).toBe(
      'Petugas bilang "blangko habis" – sudah 3 bulan, kata \'besok\'.\n' +
        'Saya kecewa “sekali” — é & &notareference; \uFFFD\nBlangko habis\nAntre 3 jam\nHarapan\nDilayani',
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

/** A citizen's message as an officer received it: the original a forward carries. */
const original = [
  'From: Budi Santoso <budi@gmail.com>',
  'To: Petugas Dumas <petugas@setneg.go.id>',
  'Subject: Jalan rusak',
  'Date: Mon, 3 Aug 2026 08:00:00 +0700',
  'Message-ID: <asli-1@gmail.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="asli"',
  '',
  '--asli',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Jalan di desa kami rusak.',
  '--asli',
  'Content-Type: image/png; name="foto-jalan.png"',
  'Content-Disposition: attachment; filename="foto-jalan.png"',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgo=',
  '--asli--',
  '',
].join('\r\n');

/** An officer's forward of it: Outlook's "Forward as attachment" (a message/rfc822 part). */
const forwardAsAttachment = (note = '', parts = [original]) =>
  Buffer.from(
    [
      'From: Petugas Dumas <petugas@setneg.go.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: FW: Jalan rusak',
      'Date: Mon, 3 Aug 2026 09:12:00 +0700',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="fw"',
      '',
      '--fw',
      'Content-Type: text/plain; charset=utf-8',
      '',
      note,
      ...parts.flatMap((inner, i) => [
        '--fw',
        `Content-Type: message/rfc822; name="Jalan rusak ${i + 1}.eml"`,
        `Content-Disposition: attachment; filename="Jalan rusak ${i + 1}.eml"`,
        '',
        inner,
      ]),
      '--fw--',
      '',
    ].join('\r\n'),
  );

/** An officer's inline forward: `body` is the forward's whole text. */
const forwardInline = (body: string) =>
  Buffer.from(
    [
      'From: Petugas Dumas <petugas@setneg.go.id>',
      'To: pengaduan@setneg.example.go.id',
      'Subject: Fwd: Jalan rusak',
      'Date: Mon, 3 Aug 2026 09:12:00 +0700',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
    ].join('\r\n'),
  );

describe('a forwarded message (an officer feeding a citizen’s mail to the intake address)', () => {
  // Whether the forwarder is staff is the service's to decide: the parser says what the
  // original was, and leaves the message's own sender, text and files as they came.
  it('forwarded as an attachment: the original’s sender, subject, text and files', async () => {
    const parsed = await parseMessage(forwardAsAttachment());
    expect(parsed.mail.from).toEqual({ name: 'Petugas Dumas', address: 'petugas@setneg.go.id' });
    expect(parsed.mail.forwarded).toEqual({
      shape: 'attachment',
      from: { name: 'Budi Santoso', address: 'budi@gmail.com' },
      subject: 'Jalan rusak',
      text: 'Jalan di desa kami rusak.',
      note: null,
      // The citizen's copy sent to the intake too is the same message (the service's claim).
      messageId: '<asli-1@gmail.com>',
      attachments: [{ filename: 'foto-jalan.png', size: 8 }],
    });
    expect(parsed.forwardedAttachments.map((a) => [a.filename, a.content.length])).toEqual([
      ['foto-jalan.png', 8],
    ]);
    // The message's own files are as before: the original, as one opaque part.
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(['message/rfc822']);
  });

  it('keeps the forwarder’s short note apart; not a forward past it, or with two originals', async () => {
    const noted = await parseMessage(forwardAsAttachment('Mohon ditindaklanjuti.\n-- \nPetugas'));
    expect(noted.mail.forwarded?.note).toBe('Mohon ditindaklanjuti.\n-- \nPetugas');
    const long = await parseMessage(forwardAsAttachment('Uraian panjang petugas. '.repeat(40)));
    expect(long.mail.forwarded).toBeUndefined();
    const two = await parseMessage(forwardAsAttachment('', [original, original]));
    expect(two.mail.forwarded).toBeUndefined();
    expect(two.forwardedAttachments).toEqual([]);
  });

  it.each([
    [
      'Gmail',
      [
        '---------- Forwarded message ---------',
        'From: Budi Santoso <budi@gmail.com>',
        'Date: Mon, 3 Aug 2026 at 08:00',
        'Subject: Jalan rusak',
        'To: <petugas@setneg.go.id>',
        '',
        '',
        'Jalan di desa kami rusak.',
        'Sudah tiga bulan.',
      ],
    ],
    [
      'Gmail in Indonesian, below a note',
      [
        'Mohon ditindaklanjuti.',
        '',
        '---------- Pesan terusan ---------',
        'Dari: *Budi Santoso* <budi@gmail.com>',
        'Tanggal: Sen, 3 Agu 2026 pukul 08.00',
        'Subjek: Jalan rusak',
        'Kepada: <petugas@setneg.go.id>',
        '',
        'Jalan di desa kami rusak.',
        'Sudah tiga bulan.',
      ],
    ],
    [
      'Outlook',
      [
        '',
        '-----Original Message-----',
        'From: Budi Santoso [mailto:budi@gmail.com]',
        'Sent: Monday, August 3, 2026 8:00 AM',
        'To: Petugas Dumas',
        'Subject: Jalan rusak',
        '',
        'Jalan di desa kami rusak.',
        'Sudah tiga bulan.',
      ],
    ],
    [
      'Apple Mail',
      [
        'Begin forwarded message:',
        '',
        'From: "Budi Santoso" <budi@gmail.com>',
        'Subject: Jalan rusak',
        'Date: 3 August 2026 at 08.00.00 WIB',
        'To: Petugas Dumas <petugas@setneg.go.id>,',
        '  Lain <lain@setneg.go.id>',
        '',
        'Jalan di desa kami rusak.',
        'Sudah tiga bulan.',
      ],
    ],
  ])('forwarded inline (%s): the original’s sender, subject and text', async (_, lines) => {
    const { mail } = await parseMessage(forwardInline(lines.join('\r\n')));
    expect(mail.forwarded).toMatchObject({
      shape: 'inline',
      from: { name: 'Budi Santoso', address: 'budi@gmail.com' },
      subject: 'Jalan rusak',
      text: 'Jalan di desa kami rusak.\nSudah tiga bulan.',
    });
    expect(mail.from?.address).toBe('petugas@setneg.go.id');
  });

  it('forwarded inline, reads the whole original however long', async () => {
    const long = 'Jalan di desa kami rusak. '.repeat(400).trim();
    const { mail } = await parseMessage(
      forwardInline(
        ['-----Original Message-----', 'From: budi@gmail.com', 'Subject: Jalan', '', long].join(
          '\r\n',
        ),
      ),
    );
    expect(mail.forwarded).toMatchObject({ from: { name: null, address: 'budi@gmail.com' } });
    expect(mail.forwarded?.text).toBe(long);
  });

  it('is not a message that only quotes one below its own words, nor a block without a sender', async () => {
    const reply = [
      'Saya ingin menambahkan bahwa jalan ini dilalui anak sekolah setiap hari. '.repeat(10),
      '',
      '---------- Forwarded message ---------',
      'From: Budi <budi@gmail.com>',
      'Subject: Jalan rusak',
      '',
      'Jalan di desa kami rusak.',
    ];
    expect((await parseMessage(forwardInline(reply.join('\r\n')))).mail.forwarded).toBeUndefined();
    const nobody = ['-----Original Message-----', 'Subject: Jalan rusak', '', 'Isi.'];
    expect((await parseMessage(forwardInline(nobody.join('\r\n')))).mail.forwarded).toBeUndefined();
    expect((await parseMessage(raw([]))).mail.forwarded).toBeUndefined();
  });

  it('hands the original’s files to the service with the forward', async () => {
    const got: { mail: IncomingMail; files: unknown }[] = [];
    await intakeMail(
      {
        receiveEmail: (mail, files) => {
          got.push({ mail, files });
          return Promise.resolve({ caseId: 'c', duplicate: false });
        },
      },
      forwardAsAttachment(),
    );
    expect(got[0]?.files).toMatchObject({
      attachments: [{ filename: 'Jalan rusak 1.eml' }],
      forwarded: [{ filename: 'foto-jalan.png' }],
    });
  });
});
