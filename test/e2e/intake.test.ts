/**
 * The intake channels end to end on the embedded runtime: the public complaint form's API
 * (proof of work, anonymous and confidential complaints, the receipt, attachments written with
 * the case or not at all), e-mail sent for real with nodemailer to the SMTP listener (HTML
 * only, Indonesian text, attachments and the central-only .eml, a malformed message, a
 * redelivery that adds nothing), the spreadsheet import (dry run, real dates, idempotent), and
 * external references. Every channel's case is `received`, with its channel, for central.
 */
import ExcelJS from 'exceljs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@pantau/local';
import {
  type Api,
  api,
  complaint,
  expectInvalid,
  expectProblem,
  type Json,
  type RunningPantau,
  solvedAltcha,
  startPantau,
  users,
  verifyAndForward,
} from '../support/runtime.ts';
import { SMALL_PDF } from '../support/documents.ts';

/** A 1×1 PNG. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let pantau: RunningPantau;
let http: Api;
let smtpPort: number;
let central: string;
let admin: string;
let polri: string;

beforeAll(async () => {
  smtpPort = await freePort();
  pantau = await startPantau({
    env: {
      PANTAU_SMTP_PORT: String(smtpPort),
      PANTAU_POW_MAX_COUNTER: '40',
      // More complaints than one person sends in 10 minutes (rate-limit.test.ts tests the limit).
      PANTAU_COMPLAINT_RATE_LIMIT: '100',
    },
  });
  http = api(pantau.url);
  const as = users(pantau.url);
  central = await as('setneg', 'central_officer');
  admin = await as('setneg', 'central_admin');
  polri = await as('polri', 'agency_officer');
});

afterAll(async () => {
  await pantau?.stop();
});

/** A case's attachments as `token` lists them. */
async function attachmentsOf(caseId: string, token: string): Promise<Json[]> {
  const res = await http.get(`/v1/cases/${caseId}/attachments`, { token });
  expect(res.status, res.text).toBe(200);
  return res.body.items as Json[];
}

/** An attachment's bytes, through the download link central (or `token`) is given. */
async function download(caseId: string, id: string, token: string): Promise<Uint8Array> {
  const link = await http.get(`/v1/cases/${caseId}/attachments/${id}/download`, { token });
  expect(link.status, link.text).toBe(200);
  return new Uint8Array(await (await http.fetch(link.body.url)).arrayBuffer());
}

/** Central accepts a case and forwards it to polri. */
const forwardToPolri = (caseId: string) => verifyAndForward(http, central, caseId, ['polri']);

/** Every file in the runtime's blob store (what a half-written intake would leave). */
async function storedBlobs(): Promise<string[]> {
  const root = join(pantau.dataDir, 'blobs');
  return (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Central's view of the newest cases of a channel. */
async function casesOf(channel: string): Promise<Json[]> {
  const res = await http.get('/v1/cases?status=received&limit=100', { token: central });
  expect(res.status, res.text).toBe(200);
  return (res.body.items as Json[]).filter((c) => c.channel === channel);
}

describe('the public complaint form', () => {
  const form = (overrides: Record<string, unknown> = {}) => ({
    complainant: { name: 'Wayan Sudarsana', phone: '0812-3456-7890' },
    subject: 'Lampu jalan padam berbulan-bulan',
    description: 'Lampu penerangan jalan di Jl. Gatot Subroto Timur padam sejak Januari.',
    location: { province: 'Bali', regency: 'Kota Denpasar' },
    ...overrides,
  });

  it('gives the time of receipt in the complainant’s own zone, WIB when the form names none', async () => {
    const inBali = await http.post('/v1/complaints', {
      ...form({ timeZone: 'Asia/Makassar' }),
      altcha: await solvedAltcha(http),
    });
    expect(inBali.status, inBali.text).toBe(201);
    const wita = new Date(Date.parse(inBali.body.receivedAt) + 8 * 3_600_000);
    const hhmm = `${String(wita.getUTCHours()).padStart(2, '0')}.${String(wita.getUTCMinutes()).padStart(2, '0')}`;
    expect(inBali.body.receipt).toMatch(new RegExp(`Diterima: .*pukul ${hhmm} WITA`));
    expect(inBali.body.receipt).not.toContain('WIB');

    const unnamed = await http.post('/v1/complaints', {
      ...form(),
      altcha: await solvedAltcha(http),
    });
    expect(unnamed.status, unnamed.text).toBe(201);
    expect(unnamed.body.receipt).toMatch(/Diterima: .* WIB/);

    const elsewhere = await http.post('/v1/complaints', {
      ...form({ timeZone: 'Europe/Paris' }),
      altcha: await solvedAltcha(http),
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors[0].path).toBe('timeZone');
  });

  it('answers a solved challenge with the receipt and tracking code; central sees it received', async () => {
    const res = await http.post('/v1/complaints', { ...form(), altcha: await solvedAltcha(http) });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      subject: 'Lampu jalan padam berbulan-bulan',
      anonymous: false,
      confidential: false,
      trackingCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}$/),
    });
    expect(res.body.receipt).toContain('TANDA TERIMA PENGADUAN');
    expect(res.body.receipt).toContain(res.body.trackingCode);

    const tracked = await http.post('/v1/track', { code: res.body.trackingCode });
    expect(tracked.status, tracked.text).toBe(200);
    expect(tracked.body.status).toBe('received');

    const [mine] = (await casesOf('web')).filter((c) => c.trackingCode === res.body.trackingCode);
    expect(mine).toMatchObject({
      status: 'received',
      channel: 'web',
      complainant: { name: 'Wayan Sudarsana' },
    });
    const timeline = await http.get(`/v1/cases/${mine.id}/timeline`, { token: central });
    expect(timeline.body.items[0]).toMatchObject({
      type: 'case_registered',
      actor: { system: 'intake' },
    });
  });

  it('takes an anonymous, confidential complaint: no identity anywhere, status only on tracking', async () => {
    const res = await http.post('/v1/complaints', {
      ...form({ complainant: undefined }),
      anonymous: true,
      confidential: true,
      altcha: await solvedAltcha(http),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ anonymous: true, confidential: true });
    const [mine] = (await casesOf('web')).filter((c) => c.trackingCode === res.body.trackingCode);
    expect(mine).toMatchObject({ complainant: null, confidential: true });
    const tracked = await http.post('/v1/track', { code: res.body.trackingCode });
    expect(tracked.body.steps).toEqual([]);
  });

  it('refuses a complaint without a proof, with a forged one, and a proof spent already', async () => {
    expectInvalid(await http.post('/v1/complaints', form()), 'altcha');
    const forged = Buffer.from(
      JSON.stringify({
        challenge: { parameters: {}, signature: 'x' },
        solution: { counter: 1, derivedKey: '00' },
      }),
    ).toString('base64');
    expectInvalid(await http.post('/v1/complaints', { ...form(), altcha: forged }), 'altcha');
    expectInvalid(
      await http.post('/v1/complaints', { ...form(), altcha: 'bm90IGpzb24' }),
      'altcha',
    );

    const altcha = await solvedAltcha(http);
    expect((await http.post('/v1/complaints', { ...form(), altcha })).status).toBe(201);
    expectInvalid(await http.post('/v1/complaints', { ...form(), altcha }), 'altcha');
  });

  it('names what is missing: a named complaint needs the complainant, an anonymous one none', async () => {
    const altcha = await solvedAltcha(http);
    expectInvalid(
      await http.post('/v1/complaints', { ...form({ complainant: undefined }), altcha }),
      'complainant',
    );
    expectInvalid(
      await http.post('/v1/complaints', { ...form(), anonymous: true, altcha }),
      'complainant',
    );
    // Neither spent the proof: it still buys one complaint.
    expect((await http.post('/v1/complaints', { ...form(), altcha })).status).toBe(201);
  });

  it('an answer lost on the way: the same request with its Idempotency-Key gets the same receipt, and no second case', async () => {
    const subject = 'Jembatan gantung desa putus';
    const body = { ...form({ subject }), altcha: await solvedAltcha(http) };
    const key = { headers: { 'idempotency-key': crypto.randomUUID() } };
    const first = await http.post('/v1/complaints', body, key);
    expect(first.status, first.text).toBe(201);

    // The form sends again, as after a dropped connection: the proof was spent by the first.
    const again = await http.post('/v1/complaints', body, key);
    expect(again.status, again.text).toBe(201);
    expect(again.body).toEqual(first.body);
    // So does a form that solved a new proof since (the first one expired while it waited).
    const resolved = { ...body, altcha: await solvedAltcha(http) };
    expect((await http.post('/v1/complaints', resolved, key)).body).toEqual(first.body);
    expect((await casesOf('web')).filter((c) => c.subject === subject)).toHaveLength(1);

    // The key with another body is refused, and writes nothing.
    expectProblem(
      await http.post('/v1/complaints', { ...body, subject: `${subject} lagi` }, key),
      409,
      'idempotency_key_reused',
    );
    // Without the key the same body is a spent proof, as it always was.
    expectInvalid(await http.post('/v1/complaints', body), 'altcha');
    // The public form's keys are kept apart from the officers': central's key of the same
    // name registers its own case (a walk-in: the import below counts the letters).
    const walkIn = complaint({ channel: 'walk_in' });
    const officer = await http.post('/v1/cases', walkIn, { token: central, ...key });
    expect(officer.status, officer.text).toBe(201);
    expect(officer.body.trackingCode).not.toBe(first.body.trackingCode);
    expect((await casesOf('web')).filter((c) => c.subject.startsWith(subject))).toHaveLength(1);
    // Sent twice at once (a retry while the first is still on its way): one case, and both
    // answers are its receipt.
    const twice = {
      ...form({ subject: `${subject} (dua kali)` }),
      altcha: await solvedAltcha(http),
    };
    const raced = { headers: { 'idempotency-key': crypto.randomUUID() } };
    const both = await Promise.all([1, 2].map(() => http.post('/v1/complaints', twice, raced)));
    expect(
      both.map((r) => r.status),
      both.map((r) => r.text).join('\n'),
    ).toEqual([201, 201]);
    expect(both[1]!.body).toEqual(both[0]!.body);
    // A replay hands back the code: a key short enough to guess is refused.
    const weak = { headers: { 'idempotency-key': '12345' } };
    const refused = await http.post('/v1/complaints', { ...body, subject: 'Lain' }, weak);
    expectProblem(refused, 400, 'validation_failed');
    expect(refused.text).toContain('idempotency-key');
  });
});

describe('the public complaint form’s attachments', () => {
  const form = (attachments: unknown) => ({
    complainant: { name: 'Made Wirawan', phone: '0813-3700-1122' },
    subject: 'Jembatan desa ambruk',
    description: 'Jembatan penghubung dua dusun ambruk, anak-anak menyeberang sungai.',
    attachments,
  });
  const webCases = async () => (await casesOf('web')).length;

  it('stores a PDF and a PNG with the case: central downloads them, the forwarded agency sees them', async () => {
    const res = await http.post('/v1/complaints', {
      ...form([
        { name: 'surat-kepala-dusun.pdf', content: b64(SMALL_PDF) },
        { name: 'foto-jembatan.png', content: b64(TINY_PNG) },
      ]),
      altcha: await solvedAltcha(http),
    });
    expect(res.status, res.text).toBe(201);
    const [mine] = (await casesOf('web')).filter((c) => c.trackingCode === res.body.trackingCode);
    const files = await attachmentsOf(mine.id, central);
    expect(files.map((f) => [f.name, f.contentType, f.status, f.visibility])).toEqual([
      ['surat-kepala-dusun.pdf', 'application/pdf', 'available', 'agencies'],
      ['foto-jembatan.png', 'image/png', 'available', 'agencies'],
    ]);
    expect(files[1]).toMatchObject({ size: TINY_PNG.byteLength, uploadedBy: { agency: 'setneg' } });
    expect(await download(mine.id, files[0].id, central)).toEqual(SMALL_PDF);
    await forwardToPolri(mine.id);
    expect((await attachmentsOf(mine.id, polri)).map((f) => f.name)).toEqual([
      'surat-kepala-dusun.pdf',
      'foto-jembatan.png',
    ]);
  });

  it('keeps the files of a complaint whose identity is hidden with central', async () => {
    const res = await http.post('/v1/complaints', {
      ...form([{ name: 'ktp.png', content: b64(TINY_PNG) }]),
      identityHidden: true,
      altcha: await solvedAltcha(http),
    });
    expect(res.status, res.text).toBe(201);
    const [mine] = (await casesOf('web')).filter((c) => c.trackingCode === res.body.trackingCode);
    expect((await attachmentsOf(mine.id, central)).map((f) => f.visibility)).toEqual(['central']);
    await forwardToPolri(mine.id);
    expect(await attachmentsOf(mine.id, polri)).toEqual([]);
  });

  it('refuses a file that is not PDF/JPEG/PNG (415 naming it), too many files, and bad base64: no case, no bytes, the proof unspent', async () => {
    const before = await webCases();
    const blobs = await storedBlobs();
    const altcha = await solvedAltcha(http);
    const refused = await http.post('/v1/complaints', {
      ...form([
        { name: 'foto.png', content: b64(TINY_PNG) },
        { name: 'laporan.pdf', content: b64(new TextEncoder().encode('bukan pdf, teks biasa')) },
      ]),
      altcha,
    });
    expectProblem(refused, 415, 'unsupported_media_type');
    expect(refused.body.errors.map((e: Json) => e.path)).toEqual(['attachments.1.content']);
    const four = Array.from({ length: 4 }, (_, i) => ({
      name: `foto-${i}.png`,
      content: b64(TINY_PNG),
    }));
    expectInvalid(await http.post('/v1/complaints', { ...form(four), altcha }), 'attachments');
    expectInvalid(
      await http.post('/v1/complaints', {
        ...form([{ name: 'x.pdf', content: 'bukan base64!' }]),
        altcha,
      }),
      'attachments.0.content',
    );
    expectInvalid(
      await http.post('/v1/complaints', {
        ...form([{ name: '../../etc/passwd', content: b64(SMALL_PDF) }]),
        altcha,
      }),
      'attachments.0.name',
    );
    expect(await webCases()).toBe(before);
    expect(await storedBlobs()).toEqual(blobs);
    // None of them spent the proof.
    expect((await http.post('/v1/complaints', { ...form([]), altcha })).status).toBe(201);
  });

  it('a replayed proof with files creates nothing and leaves no bytes behind', async () => {
    const altcha = await solvedAltcha(http);
    expect((await http.post('/v1/complaints', { ...form([]), altcha })).status).toBe(201);
    const before = await webCases();
    const blobs = await storedBlobs();
    expectInvalid(
      await http.post('/v1/complaints', {
        ...form([{ name: 'surat.pdf', content: b64(SMALL_PDF) }]),
        altcha,
      }),
      'altcha',
    );
    expect(await webCases()).toBe(before);
    expect(await storedBlobs()).toEqual(blobs);
  });
});

describe('e-mail to the SMTP listener (sent with nodemailer)', () => {
  const transport = () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });

  it('an Indonesian text message with attachments becomes a case from its sender', async () => {
    const messageId = `<aduan-${crypto.randomUUID()}@warga.example.id>`;
    const sent = await transport().sendMail({
      from: '"Ni Luh Putu Ayu" <ayu.putu@warga.example.id>',
      to: 'pengaduan@setneg.example.go.id',
      subject: 'Pungutan liar di kantor kelurahan',
      text: 'Yth. Bapak/Ibu,\n\nSaya dimintai uang Rp 500.000 untuk mengurus surat keterangan domisili. Mohon ditindaklanjuti.\n\nHormat saya,\nAyu',
      messageId,
      attachments: [
        { filename: 'kuitansi.pdf', content: Buffer.from(SMALL_PDF) },
        { filename: 'foto-loket.jpg', content: Buffer.alloc(2048, 7), contentType: 'image/jpeg' },
      ],
    });
    expect(sent.accepted).toHaveLength(1);
    const [mine] = (await casesOf('email')).filter(
      (c) => c.subject === 'Pungutan liar di kantor kelurahan',
    );
    expect(mine).toMatchObject({
      status: 'received',
      complainant: { name: 'Ni Luh Putu Ayu', email: 'ayu.putu@warga.example.id' },
    });
    expect(mine.description).toContain('Saya dimintai uang Rp 500.000');
    const timeline = await http.get(`/v1/cases/${mine.id}/timeline`, { token: central });
    // Two files came; the PDF became an attachment, the "JPEG" that is not one stays in the .eml.
    expect(timeline.body.items[0].data).toMatchObject({
      channel: 'email',
      attachments: 2,
      attached: 1,
    });

    // Central: the PDF, byte for byte, and the original message, for central only.
    const files = await attachmentsOf(mine.id, central);
    expect(files.map((f) => [f.name, f.contentType, f.visibility])).toEqual([
      ['kuitansi.pdf', 'application/pdf', 'agencies'],
      ['surel-asli.eml', 'message/rfc822', 'central'],
    ]);
    expect(await download(mine.id, files[0].id, central)).toEqual(SMALL_PDF);
    const eml = new TextDecoder().decode(await download(mine.id, files[1].id, central));
    expect(eml).toContain(`Message-ID: ${messageId}`);
    expect(eml).toContain('Pungutan liar di kantor kelurahan');

    const blobs = await storedBlobs();

    // Redelivered with the same Message-ID: still one case.
    await transport().sendMail({
      from: 'ayu.putu@warga.example.id',
      to: 'pengaduan@setneg.example.go.id',
      subject: 'Pungutan liar di kantor kelurahan',
      text: 'Pesan yang sama, dikirim ulang oleh server surel.',
      messageId,
      attachments: [{ filename: 'kuitansi.pdf', content: Buffer.from(SMALL_PDF) }],
    });
    expect(
      (await casesOf('email')).filter((c) => c.subject === 'Pungutan liar di kantor kelurahan'),
    ).toHaveLength(1);
    // …and no second copy of its files, on the case or in the store.
    expect((await attachmentsOf(mine.id, central)).map((f) => f.id)).toEqual(
      files.map((f) => f.id),
    );
    expect(await storedBlobs()).toEqual(blobs);

    // Its sender (the loopback listener's mail is trusted) got the receipt by e-mail, once, in
    // answer to their message, the agenda number in its subject (README, "E-mail").
    const receipts = (await readdir(join(pantau.dataDir, 'mail'), { recursive: true })).filter(
      (f) => f.endsWith(`receipt-${mine.id}.eml`),
    );
    expect(receipts).toHaveLength(1);
    const receipt = await readFile(join(pantau.dataDir, 'mail', receipts[0]!), 'utf8');
    expect(receipt).toContain('To: ayu.putu@warga.example.id');
    expect(receipt).toContain(`In-Reply-To: ${messageId}`);
    expect(receipt).toContain(`Subject: Pengaduan Anda telah diterima: ${mine.agendaNumber}`);
    const sentEvents = async (token: string) =>
      ((await http.get(`/v1/cases/${mine.id}/timeline`, { token })).body.items as Json[]).filter(
        (e) => e.type === 'mail_receipt_sent',
      );
    expect(await sentEvents(central)).toHaveLength(1);

    // The agency it is forwarded to: the PDF, never the .eml (which names the sender).
    await forwardToPolri(mine.id);
    // …nor that a receipt went to the sender's address.
    expect(await sentEvents(polri)).toEqual([]);
    expect((await attachmentsOf(mine.id, polri)).map((f) => f.name)).toEqual(['kuitansi.pdf']);
    expectProblem(
      await http.get(`/v1/cases/${mine.id}/attachments/${files[1].id}/download`, { token: polri }),
      404,
      'not_found',
    );
  });

  it('a file name of thousands of characters is cut to 200, its extension kept', async () => {
    // Names are listed in the forwarding letter and on the case page: none may grow unbounded.
    const subject = `Nama berkas sangat panjang ${crypto.randomUUID()}`;
    await transport().sendMail({
      from: 'warga@warga.example.id',
      to: 'pengaduan@setneg.example.go.id',
      subject,
      text: 'Mohon periksa lampiran saya.',
      attachments: [
        { filename: `${'bukti pungutan liar '.repeat(300)}.pdf`, content: Buffer.from(SMALL_PDF) },
      ],
    });
    const [mine] = (await casesOf('email')).filter((c) => c.subject === subject);
    const [pdf] = await attachmentsOf(mine.id, central);
    expect(pdf.name.length).toBeLessThanOrEqual(200);
    expect(pdf.name).toMatch(/^bukti pungutan liar .*….pdf$/);
    expect(await download(mine.id, pdf.id, central)).toEqual(SMALL_PDF);
  });

  it('keeps a photo pasted into the message (inline), but not a signature’s small logo', async () => {
    // Gmail sends a pasted photo inline, in multipart/related, referenced from the HTML.
    const subject = `Foto jalan rusak ${crypto.randomUUID()}`;
    const jpeg = (bytes: number) =>
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4, 7)]);
    await transport().sendMail({
      from: 'Dewi <dewi@warga.example.id>',
      to: 'pengaduan@setneg.example.go.id',
      subject,
      html: '<p>Lihat foto:</p><img src="cid:foto@warga"><p>--<br><img src="cid:logo@warga"></p>',
      attachments: [
        { filename: 'image0.jpeg', content: jpeg(60_000), cid: 'foto@warga' },
        { filename: 'logo.jpeg', content: jpeg(2_000), cid: 'logo@warga' },
      ],
    });
    const [mine] = (await casesOf('email')).filter((c) => c.subject === subject);
    const names = (await attachmentsOf(mine.id, central)).map((f) => f.name).sort();
    expect(names).toEqual(['image0.jpeg', 'surel-asli.eml']);
  });

  it('an HTML-only message gives its text, without markup', async () => {
    await transport().sendMail({
      from: 'Budi Santoso <budi@example.co.id>',
      to: 'pengaduan@setneg.example.go.id',
      subject: 'Antrean BPJS tidak manusiawi',
      html: '<p>Antrean di kantor cabang <b>dimulai pukul 04.00</b>.</p><p>Lansia harus berdiri berjam-jam.</p>',
    });
    const [mine] = (await casesOf('email')).filter(
      (c) => c.subject === 'Antrean BPJS tidak manusiawi',
    );
    expect(mine.description).toContain('dimulai pukul 04.00');
    expect(mine.description).toContain('Lansia harus berdiri berjam-jam.');
    expect(mine.description).not.toMatch(/<\/?(p|b)>/);
  });

  it('a malformed message without a sender is refused (550), and no case is made of it', async () => {
    const before = (await casesOf('email')).length;
    const raw =
      'Subject: tanpa pengirim\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nrusak';
    await expect(
      transport().sendMail({
        envelope: { from: 'x@example.id', to: ['pengaduan@setneg.example.go.id'] },
        raw,
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect((await casesOf('email')).length).toBe(before);
  });
});

describe('spreadsheet import (central admins)', () => {
  const MAPPING = {
    letterNumber: 'Nomor Surat',
    receivedAt: 'Tanggal Surat Diterima',
    'complainant.name': 'Nama Pengadu',
    'complainant.email': 'Surel',
    'complainant.phone': 'Telepon',
    subject: 'Perihal',
    description: 'Uraian',
    respondent: 'Terlapor',
    'location.province': 'Provinsi',
    'location.regency': 'Kabupaten/Kota',
  };
  const sample = () =>
    readFile(join(import.meta.dirname, '../../packages/intake/samples/register-sample.csv'));

  it('the sample: a dry run writes nothing, the import keeps real dates, a second import adds nothing', async () => {
    const body = { format: 'csv', content: (await sample()).toString('base64'), mapping: MAPPING };
    const dry = await http.post('/v1/imports/cases', body, { token: admin });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body.counts).toEqual({ ok: 3, created: 0, exists: 0, error: 0, pending: 0 });
    expect(dry.body.rows.map((r: Json) => r.rowKey)).toEqual([
      // The number, the day received and the sender: another citizen's letter may share a number.
      'letter:B-101/DUMAS/01/2025 · 2025-01-06 · MADE WIRAWAN',
      'letter:B-102/DUMAS/01/2025 · 2025-01-08 · SITI AMINAH',
      'letter:B-103/DUMAS/01/2025 · 2025-01-15',
    ]);
    expect(await casesOf('letter')).toEqual([]);

    const done = await http.post('/v1/imports/cases', { ...body, dryRun: false }, { token: admin });
    expect(done.body.counts).toEqual({ ok: 0, created: 3, exists: 0, error: 0, pending: 0 });
    const first = await http.get(`/v1/cases/${done.body.rows[0].caseId}`, { token: central });
    expect(first.body).toMatchObject({
      status: 'received',
      channel: 'letter',
      receivedAt: '2025-01-05T17:00:00.000Z', // 6 January 2025, WIB
      imported: { rowKey: 'letter:B-101/DUMAS/01/2025 · 2025-01-06 · MADE WIRAWAN' },
      overdue: false, // the verification clock starts at the import, not in January 2025
    });
    const anonymous = await http.get(`/v1/cases/${done.body.rows[2].caseId}`, { token: central });
    expect(anonymous.body.complainant).toBeNull();

    const again = await http.post(
      '/v1/imports/cases',
      { ...body, dryRun: false },
      { token: admin },
    );
    expect(again.body.counts).toEqual({ ok: 0, created: 0, exists: 3, error: 0, pending: 0 });
    expect(again.body.rows.map((r: Json) => r.caseId)).toEqual(
      done.body.rows.map((r: Json) => r.caseId),
    );
  });

  it('an XLSX with date cells; each bad row is reported with its fields, the good ones go in', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(['No. LAPOR', 'Tanggal', 'Perihal', 'Uraian']);
    sheet.addRow([
      '5550001',
      new Date(Date.UTC(2024, 10, 20)),
      'Bansos tidak tepat sasaran',
      'Data penerima bansos di desa tidak diperbarui.',
    ]);
    sheet.addRow(['5550002', 'besok', '', 'Tanpa perihal dan tanggal.']);
    sheet.addRow([
      '5550001',
      new Date(Date.UTC(2024, 10, 21)),
      'Ganda',
      'Nomor yang sama dua kali.',
    ]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const res = await http.post(
      '/v1/imports/cases',
      {
        format: 'xlsx',
        content,
        mapping: {
          'externalRef.id': 'No. LAPOR',
          receivedAt: 'Tanggal',
          subject: 'Perihal',
          description: 'Uraian',
        },
        externalSystem: 'lapor',
        defaultChannel: 'lapor',
        dryRun: false,
      },
      { token: admin },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.rows.map((r: Json) => [r.row, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'error'],
      [4, 'error'],
    ]);
    expect(res.body.rows[1].errors.map((e: Json) => e.field).sort()).toEqual([
      'receivedAt',
      'subject',
    ]);
    expect(res.body.rows[2].errors[0].message).toContain('row 2');
    const created = await http.get(`/v1/cases/${res.body.rows[0].caseId}`, { token: central });
    expect(created.body).toMatchObject({
      channel: 'lapor',
      receivedAt: '2024-11-19T17:00:00.000Z',
      externalRef: { system: 'lapor', id: '5550001' },
    });
  });

  it('only central admins import; a file that is not one is a 400 on content', async () => {
    const body = {
      format: 'xlsx',
      content: Buffer.from('bukan excel').toString('base64'),
      mapping: MAPPING,
    };
    expectProblem(await http.post('/v1/imports/cases', body, { token: central }), 403, 'forbidden');
    expectInvalid(await http.post('/v1/imports/cases', body, { token: admin }), 'content');
  });
});

describe('external references', () => {
  it('one LAPOR! report is registered once: the second is a 409 naming the first case', async () => {
    const ref = { system: 'lapor', id: `LAPOR-${Date.now()}` };
    const first = await http.post('/v1/cases', complaint({ channel: 'lapor', externalRef: ref }), {
      token: central,
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body.externalRef).toEqual(ref);
    const second = await http.post('/v1/cases', complaint({ channel: 'lapor', externalRef: ref }), {
      token: central,
    });
    expectProblem(second, 409, 'already_exists');
    expect(second.body.detail).toContain(first.body.id);
  });

  it('channel lapor without its report id is a 400 on externalRef', async () => {
    expectInvalid(
      await http.post('/v1/cases', complaint({ channel: 'lapor' }), { token: central }),
      'externalRef',
    );
  });
});
