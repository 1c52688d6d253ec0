/**
 * Over HTTP against the embedded runtime: idempotency and concurrency under load, and the
 * logs of a whole run (debug level, ladder letters included) never carry the complainant's
 * identity.
 */
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@pantau/local';
import { attach, SMALL_PDF } from '../support/documents.ts';
import {
  api,
  complaint,
  type RunningPantau,
  solvedAltcha,
  startPantau,
  users,
  forwardedCase,
} from '../support/runtime.ts';

const IDENTITY = {
  name: 'Wayan Sukaresmi Adnyana',
  idNumber: '5171046609870005',
  email: 'wayan.sukaresmi@example.net',
  // E.164, as the API stores it (it normalises `+62 813 9876 5432`): the form a log would carry.
  phone: '+6281398765432',
  address: 'Jl. Teuku Umar Gg. Kenanga No. 19, Denpasar',
};

let pantau: RunningPantau;
let http: ReturnType<typeof api>;
let as: ReturnType<typeof users>;
let smtpPort: number;

beforeAll(async () => {
  smtpPort = await freePort();
  pantau = await startPantau({
    env: {
      LOG_LEVEL: 'DEBUG',
      // The e-mail channel's lines are logged too (its senders are complainants).
      PANTAU_SMTP_PORT: String(smtpPort),
      PANTAU_POW_MAX_COUNTER: '40',
      PANTAU_CLOCK: 'manual',
      PANTAU_CLOCK_START: '2026-03-16T03:00:00.000Z',
    },
  });
  http = api(pantau.url);
  as = users(pantau.url);
});
afterAll(async () => {
  await pantau?.stop();
});

const forwardedTo = async (agencies: string[], overrides: Record<string, unknown> = {}) =>
  (await forwardedCase(http, await as('setneg', 'central_officer'), agencies, {
    body: overrides,
  })) as { id: string; trackingCode: string };

describe('idempotency and concurrency', () => {
  it('turns 100 concurrent identical POSTs with one key into one record', async () => {
    const central = await as('setneg', 'central_officer');
    const before = await http.get('/v1/cases?limit=100', { token: central });
    const body = complaint({ subject: 'Seratus kali dikirim' });
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        http.post('/v1/cases', body, {
          token: central,
          headers: { 'idempotency-key': 'hundred-1' },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const after = await http.get('/v1/cases?limit=100', { token: central });
    expect(after.body.items.length).toBe(before.body.items.length + 1);
  });

  it('answers a keyed request sent twice at once with the first one’s result, whatever the second collides on', async () => {
    // Each command's second copy, re-run after the first committed, would refuse what it
    // finds: the forward (already assigned), the final answer (already completed), the
    // extension request (one pending), the redirect (redirected), the agency (exists), the
    // case with an external reference (claimed). Each must answer as the first did.
    const central = await as('setneg', 'central_officer');
    const admin = await as('setneg', 'central_admin');
    const polri = await as('polri', 'agency_officer');
    const twice = async (path: string, body: unknown, token: string) => {
      const headers = { 'idempotency-key': crypto.randomUUID() };
      const [a, b] = await Promise.all([1, 2].map(() => http.post(path, body, { token, headers })));
      expect([a!.status, b!.status], `${path}: ${a!.text} | ${b!.text}`).toEqual([
        a!.status,
        a!.status,
      ]);
      expect(a!.status, a!.text).toBeLessThan(300);
      expect(b!.body, path).toEqual(a!.body);
    };
    for (let round = 0; round < 3; round += 1) {
      const verified = await http.post('/v1/cases', complaint({ subject: `Dua kali ${round}` }), {
        token: central,
      });
      const id = verified.body.id as string;
      await http.post(
        `/v1/cases/${id}/verification`,
        { decision: 'accept', type: 'normative' },
        { token: central },
      );
      await twice(`/v1/cases/${id}/assignments`, { assignments: [{ agencyId: 'polri' }] }, central);
      const base = `/v1/cases/${id}/assignments/polri`;
      await twice(`${base}/extension-requests`, { workingDays: 5, reason: 'Data' }, polri);
      await twice(`${base}/responses`, { kind: 'final', message: 'Selesai.' }, polri);
      // "Not ours" sent twice (a redirect's second copy finds it redirected already).
      const other = (await forwardedTo(['pln'])).id;
      const pln = await as('pln', 'agency_officer');
      await twice(`/v1/cases/${other}/assignments/pln/redirect`, { reason: 'Bukan kami' }, pln);
      await twice(
        '/v1/cases',
        complaint({ externalRef: { system: 'lapor', id: `LAP-${round}-${Date.now()}` } }),
        central,
      );
      await twice(
        '/v1/agencies',
        {
          id: `dinas-uji-${round}-${Date.now() % 100_000}`,
          name: `Dinas Uji ${round}`,
          kind: 'agency',
          timeZone: 'Asia/Jakarta',
          contacts: [{ name: 'Bagian Umum', email: 'umum@dinas-uji.example.go.id' }],
        },
        admin,
      );
    }
  });

  it('answers central’s decisions sent again (an answer lost on the way, a double click) as the first did', async () => {
    const central = await as('setneg', 'central_officer');
    const polri = await as('polri', 'agency_officer');
    const twice = async (path: string, body: unknown) => {
      const [a, b] = await Promise.all([1, 2].map(() => http.post(path, body, { token: central })));
      expect([a!.status, b!.status], `${path}: ${a!.text} | ${b!.text}`).toEqual([200, 200]);
      const again = await http.post(path, body, { token: central });
      expect(again.status, again.text).toBe(200);
      return again;
    };
    const registered = await http.post('/v1/cases', complaint(), { token: central });
    const id = registered.body.id as string;
    const verified = await twice(`/v1/cases/${id}/verification`, {
      decision: 'accept',
      type: 'normative',
    });
    expect(verified.body.status).toBe('verified');
    // Another decision than the one made is still refused.
    const otherwise = await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'accept', type: 'light' },
      { token: central },
    );
    expect(otherwise.status, otherwise.text).toBe(409);
    await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'polri' }] },
      { token: central },
    );
    const asked = await http.post(
      `/v1/cases/${id}/assignments/polri/extension-requests`,
      { workingDays: 4, reason: 'Menunggu data' },
      { token: polri },
    );
    const decision = `/v1/cases/${id}/assignments/polri/extension-requests/${asked.body.id}/decision`;
    const approved = await twice(decision, { approve: true });
    expect(approved.body.status).toBe('approved');
    // The clock paused and resumed (by central here), each sent twice at once and once more.
    const clockOf = `/v1/cases/${id}/assignments/polri`;
    const paused = await twice(`${clockOf}/pause`, { reason: 'Menunggu dokumen pengadu' });
    expect(paused.body.paused).toBe(true);
    const otherReason = await http.post(
      `${clockOf}/pause`,
      { reason: 'Alasan lain' },
      { token: central },
    );
    expect(otherReason.status, otherReason.text).toBe(409);
    const resumed = await twice(`${clockOf}/resume`, {});
    expect(resumed.body.paused).toBe(false);
    // A monitoring activity's report, sent again.
    const planned = await http.post(
      `/v1/cases/${id}/activities`,
      { kind: 'clarification' },
      { token: central },
    );
    expect(planned.status, planned.text).toBe(201);
    const report = {
      heldAt: '2026-03-16T02:00:00.000Z',
      outcome: 'Polri berjanji menindaklanjuti',
      summary: 'Klarifikasi melalui telepon dengan Bagian Pengaduan.',
    };
    const path = `/v1/cases/${id}/activities/${planned.body.id}/report`;
    const done = await twice(path, report);
    expect(done.body.status).toBe('done');
    const rewritten = await http.post(path, { ...report, outcome: 'Lain' }, { token: central });
    expect(rewritten.status, rewritten.text).toBe(409);
    const closed = await twice(`/v1/cases/${id}/close`, { outcome: 'withdrawn' });
    expect(closed.body.status).toBe('closed');
    const timeline = await http.get(`/v1/cases/${id}/timeline?limit=100`, { token: central });
    const types = (timeline.body.items as { type: string }[]).map((e) => e.type);
    // Each decision once in the record.
    for (const type of [
      'case_verified',
      'extension_approved',
      'assignment_paused',
      'assignment_resumed',
      'activity_reported',
      'case_closed',
    ])
      expect(
        types.filter((t) => t === type),
        type,
      ).toHaveLength(1);
  });

  it('lets exactly one of 50 concurrent conflicting transitions win; the rest get 409; the timeline agrees', async () => {
    const { id } = await forwardedTo(['polri']);
    const polri = await as('polri', 'agency_officer');
    const base = `/v1/cases/${id}/assignments/polri`;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? http.post(`${base}/redirect`, { reason: `Bukan wewenang ${i}` }, { token: polri })
          : http.post(
              `${base}/responses`,
              { kind: 'final', message: `Selesai ${i}` },
              { token: polri },
            ),
      ),
    );
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409))
      expect(['invalid_transition', 'version_conflict']).toContain(r.body.code);
    const central = await as('setneg', 'central_officer');
    const assignment = await http.get(base, { token: central });
    expect(assignment.body.state).toBe(won[0]!.body.state);
    expect(assignment.body.version).toBe(2);
    const timeline = await http.get(`/v1/cases/${id}/timeline?limit=100`, { token: central });
    const decisive = timeline.body.items.filter(
      (e: { type: string }) =>
        e.type === 'assignment_redirected' || e.type === 'response_submitted',
    );
    expect(decisive).toHaveLength(1);
  });
});

describe('logs', () => {
  it('never carry the complainant’s name, ID number, phone, email or address', async () => {
    const central = await as('setneg', 'central_officer');
    const { id, trackingCode } = await forwardedTo(['pln', 'pemprov-bali'], {
      complainant: IDENTITY,
    });
    const pln = await as('pln', 'agency_officer');
    // Reads, a bad request echoing identity fields, an unknown field, the ladder's letters, replies.
    await http.get(`/v1/cases/${id}`, { token: central });
    await http.post(
      '/v1/cases',
      complaint({ complainant: { ...IDENTITY, email: `not-an-email ${IDENTITY.email}` } }),
      { token: central },
    );
    await http.post(
      '/v1/cases',
      { ...complaint({ complainant: IDENTITY }), nik: IDENTITY.idNumber },
      { token: central },
    );
    await http.post(
      `/v1/cases/${id}/assignments/pemprov-bali/redirect`,
      { reason: 'Bukan wewenang' },
      { token: await as('pemprov-bali', 'agency_officer') },
    );
    await http.post('/dev/clock', { advance: 'P30D' });
    await http.post(
      `/v1/cases/${id}/assignments/pln/responses`,
      { kind: 'final', message: 'Selesai.' },
      { token: pln },
    );
    await http.post('/v1/track', { code: trackingCode });
    await http.post('/v1/track/reply', {
      code: trackingCode,
      satisfied: false,
      rating: 1,
      message: 'Belum',
    });
    await http.get(`/v1/notifications?caseId=${id}`, { token: central });

    const output = pantau.output();
    expect(output).toContain('"route":"/v1/cases"'); // the logs were captured at debug level
    for (const [field, value] of Object.entries(IDENTITY)) {
      for (const fragment of [value, ...value.split(/[ ,.]+/).filter((w) => w.length >= 6)]) {
        expect(output.includes(fragment), `${field} fragment "${fragment}" in the logs`).toBe(
          false,
        );
      }
    }
  });

  it('never carry the identity or tracking code from e-mail, the form, an import, a search or a file name', async () => {
    // Another person than IDENTITY's, so a leak is this path's.
    const person = {
      name: 'Yosefina Lintang Wulandari',
      idNumber: '3374015208910003',
      email: 'yosefina.wulandari@example.org',
      phone: '+6285712344321',
      address: 'Jl. Pandanaran Gg. Melur No. 42, Semarang',
    };
    // The same person writing from a domain that refuses the receipt (the embedded mailer's
    // `.invalid`): the send's error names the address.
    const refusing = 'yosefina.lintang@kantorpos.invalid';
    const central = await as('setneg', 'central_officer');
    const admin = await as('setneg', 'central_admin');
    const mail = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const from = `"${person.name}" <${person.email}>`;
    const text = `Nama: ${person.name}\nNIK: ${person.idNumber}\nHP: ${person.phone}\nAlamat: ${person.address}`;
    const messageId = `<ktp-${crypto.randomUUID()}@example.org>`;
    const pdf = (name: string) => ({ filename: name, content: Buffer.from(SMALL_PDF) });
    // A new case (its receipt sent), its redelivery, a follow-up, an auto-reply refused, a
    // receipt refused, a message without a sender refused.
    const message = {
      from,
      to: 'pengaduan@setneg.example.go.id',
      subject: `Pengaduan ${person.name}`,
      text,
      messageId,
      attachments: [pdf(`KTP ${person.name}.pdf`)],
    };
    await mail.sendMail(message);
    await mail.sendMail(message);
    await mail.sendMail({
      ...message,
      messageId: undefined,
      inReplyTo: messageId,
      text: 'Tambahan.',
    });
    await expect(
      mail.sendMail({
        ...message,
        messageId: undefined,
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await mail.sendMail({
      ...message,
      messageId: undefined,
      from: `"${person.name}" <${refusing}>`,
    });
    await expect(
      mail.sendMail({
        envelope: { from: person.email, to: ['pengaduan@setneg.example.go.id'] },
        raw: `Subject: ${person.name}\r\n\r\n${text}`,
      }),
    ).rejects.toMatchObject({ responseCode: 550 });

    // The public form, with a file named after the person, and one refused by its bytes.
    const form = {
      complainant: { name: person.name, phone: person.phone, email: person.email },
      subject: 'Pelayanan KTP elektronik lambat',
      description: text,
      attachments: [
        { name: `KTP ${person.name}.pdf`, content: Buffer.from(SMALL_PDF).toString('base64') },
      ],
    };
    const sent = await http.post('/v1/complaints', { ...form, altcha: await solvedAltcha(http) });
    expect(sent.status, sent.text).toBe(201);
    const refusedFile = await http.post('/v1/complaints', {
      ...form,
      attachments: [
        { name: `KK ${person.name}.pdf`, content: Buffer.from('bukan pdf').toString('base64') },
      ],
      altcha: await solvedAltcha(http),
    });
    expect(refusedFile.status, refusedFile.text).toBe(415);
    await http.post('/v1/track', { code: sent.body.trackingCode });

    // A register import, a dry run and for real, one row refused for its cells.
    const csv = [
      'Nomor Surat;Tanggal Surat Diterima;Nama Pengadu;NIK;Surel;Telepon;Alamat;Perihal;Uraian',
      `B-77/DUMAS/03/2026;10/03/2026;${person.name};${person.idNumber};${person.email};${person.phone};"${person.address}";KTP belum jadi;${person.name} menunggu KTP.`,
      `B-78/DUMAS/03/2026;kemarin;${person.name};${person.idNumber}x;bukan-surel ${person.email};${person.phone};"${person.address}";KTP;Uraian.`,
    ].join('\n');
    const imported = {
      format: 'csv',
      content: Buffer.from(csv).toString('base64'),
      mapping: {
        letterNumber: 'Nomor Surat',
        receivedAt: 'Tanggal Surat Diterima',
        'complainant.name': 'Nama Pengadu',
        'complainant.idNumber': 'NIK',
        'complainant.email': 'Surel',
        'complainant.phone': 'Telepon',
        'complainant.address': 'Alamat',
        subject: 'Perihal',
        description: 'Uraian',
      },
    };
    for (const dryRun of [true, false]) {
      const report = await http.post(
        '/v1/imports/cases',
        { ...imported, dryRun },
        { token: admin },
      );
      expect(report.status, report.text).toBe(200);
    }

    // Central's searches by each identifier (in the body), and one sent in a URL (a 400).
    for (const q of [person.idNumber, person.email, person.phone, person.name])
      expect((await http.post('/v1/search', { q }, { token: central })).status).toBe(200);
    expect((await http.get(`/v1/search?q=${person.idNumber}`, { token: central })).status).toBe(
      400,
    );

    // A file named after the person on a case, and one refused for its bytes.
    const { id } = await forwardedTo(['pln']);
    const kept = await attach(http, central, id, {
      name: `Surat kuasa ${person.name}.pdf`,
    });
    expect(kept.status, kept.text).toBe(200);
    const refused = await attach(
      http,
      central,
      id,
      { name: `Akta ${person.name}.pdf` },
      new TextEncoder().encode('bukan pdf sama sekali'),
    );
    expect(refused.status, refused.text).toBe(415);

    // The e-mail cases' tracking codes (one in the receipt the complainant was mailed).
    const cases = await http.get('/v1/cases?status=received&limit=100', { token: central });
    const codes = [sent.body.trackingCode as string];
    for (const c of (cases.body.items as { id: string; channel: string }[]).filter(
      (c) => c.channel === 'email',
    ))
      codes.push((await http.get(`/v1/cases/${c.id}`, { token: central })).body.trackingCode);
    expect(codes.length).toBeGreaterThanOrEqual(3);

    const output = pantau.output();
    // The channel's lines were captured: a case, a receipt refused, a message refused.
    expect(output).toContain('"message":"e-mail received"');
    expect(output).toContain('"receipt":"pending"');
    expect(output).toContain('"message":"e-mail refused"');
    expect(output).toContain('"route":"/v1/imports/cases"');
    for (const [field, value] of Object.entries({ ...person, refusing })) {
      for (const fragment of [value, ...value.split(/[ ,.@]+/).filter((w) => w.length >= 6)]) {
        expect(output.includes(fragment), `${field} fragment "${fragment}" in the logs`).toBe(
          false,
        );
      }
    }
    for (const code of codes)
      for (const form of [code, code.replaceAll('-', '')])
        expect(output.includes(form), `tracking code ${form} in the logs`).toBe(false);
  });

  it('never carry a tracking code, whichever route it was sent to', async () => {
    const central = await as('setneg', 'central_officer');
    const { id, trackingCode } = await forwardedCase(http, central, ['pln']);
    const code: string = trackingCode;
    await http.get(`/v1/cases/${id}`, { token: central });
    await http.post('/v1/track', { code });
    await http.post('/v1/track', { code: code.toLowerCase() });
    await http.post('/v1/track', { code, unknown: code }); // a 400
    await http.post('/v1/track/reply', { code, satisfied: true, rating: 9 }); // a 400
    await http.post('/v1/track/reply', { code, satisfied: true, rating: 5 }); // a 409: no answer yet
    // The old paths, with and without a token: 404 and 401, logged by route, not by path.
    await http.get(`/v1/track/${code}`);
    await http.get(`/v1/track/${code}`, { token: central });
    await http.post(`/v1/track/${code}/reply`, { satisfied: true, rating: 5 }, { token: central });

    const output = pantau.output();
    expect(output).toContain('"route":"/v1/track"'); // the tracking requests were logged
    for (const form of [code, code.replaceAll('-', ''), code.toLowerCase()])
      expect(output.includes(form), `tracking code ${form} in the logs`).toBe(false);
  });
});
