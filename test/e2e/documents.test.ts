/**
 * Documents end to end (issue 15), over HTTP against the embedded runtime: agenda numbers and
 * the incoming letter, attachments (type from the bytes, limits, who sees what), the
 * forwarding letter as a PDF in the agency's mail, letters and the walk-in receipt as PDFs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEml, pdfText } from '../../packages/documents/test/read-back.ts';
import { attach, forwardingLetter, postForm, SMALL_PDF } from '../support/documents.ts';
import {
  type Api,
  api,
  complaint,
  expectInvalid,
  expectProblem,
  forwardedCase,
  type RunningPantau,
  startPantau,
  users,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let http: Api;
let as: ReturnType<typeof users>;
let central: string;

beforeAll(async () => {
  pantau = await startPantau();
  http = api(pantau.url);
  as = users(pantau.url);
  central = await as('setneg', 'central_officer');
});
afterAll(async () => {
  await pantau?.stop();
});

const pdfOf = async (path: string, token: string) => {
  const res = await fetch(`${pantau.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await res.arrayBuffer());
};

/** A Windows executable's first bytes ("MZ" and a PE header), named as a PDF. */
const EXECUTABLE = (() => {
  const b = new Uint8Array(512);
  b.set([0x4d, 0x5a]);
  b[0x3c] = 0x80;
  b.set([0x50, 0x45, 0, 0], 0x80);
  return b;
})();

describe('registration: the incoming letter and the agenda number', () => {
  it('numbers each case, records the letter, and prints the walk-in receipt with a QR code', async () => {
    const year = new Date().getFullYear();
    const created = await http.post(
      '/v1/cases',
      complaint({
        channel: 'walk_in',
        letter: { number: '12/RW-05/2026', date: '2026-03-02', sender: 'Siti Rahmawati' },
      }),
      { token: central },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.agendaNumber).toMatch(new RegExp(`^\\d+/DUMAS/[IVX]+/${year}$`));
    expect(created.body.letter).toEqual({
      number: '12/RW-05/2026',
      date: '2026-03-02',
      sender: 'Siti Rahmawati',
    });
    const next = await http.post('/v1/cases', complaint(), { token: central });
    expect(Number(next.body.agendaNumber.split('/')[0])).toBe(
      Number(created.body.agendaNumber.split('/')[0]) + 1,
    );
    // A bad letter date names the field.
    expectInvalid(
      await http.post(
        '/v1/cases',
        complaint({ letter: { number: '1', date: '2026-13-40', sender: 'X' } }),
        { token: central },
      ),
      'letter.date',
    );

    const text = await pdfText(await pdfOf(`/v1/cases/${created.body.id}/receipt/pdf`, central));
    expect(text).toContain('TANDA TERIMA PENGADUAN');
    expect(text).toContain(created.body.agendaNumber);
    expect(text).toContain(created.body.trackingCode);
    expect(text).toContain(complaint().subject as string);
    expect(text).toContain(`${pantau.url}/track`);
  });
});

describe('attachments', () => {
  let hidden: { id: string };
  let polri: string;
  let pln: string;

  beforeAll(async () => {
    polri = await as('polri', 'agency_officer');
    pln = await as('pln', 'agency_officer');
    hidden = await forwardedCase(http, central, ['polri'], { body: { identityHidden: true } });
  });

  it('keeps a hidden-identity case’s intake scan with central until central shares it', async () => {
    const scan = await attach(http, central, hidden.id, { name: 'surat-pengadu.pdf' });
    expect(scan.status, scan.text).toBe(200);
    expect(scan.body).toMatchObject({
      status: 'available',
      visibility: 'central',
      contentType: 'application/pdf',
      size: SMALL_PDF.byteLength,
      uploadedBy: { agency: 'setneg' },
    });
    expect(scan.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const listed = async (token: string) =>
      (await http.get(`/v1/cases/${hidden.id}/attachments`, { token })).body.items.map(
        (a: { id: string }) => a.id,
      );
    expect(await listed(polri)).toEqual([]);
    expectProblem(
      await http.get(`/v1/cases/${hidden.id}/attachments/${scan.body.id}/download`, {
        token: polri,
      }),
      404,
      'not_found',
    );
    expectProblem(await http.get(`/v1/cases/${hidden.id}/attachments`, { token: pln }), 404);

    // Central downloads it through a short-lived link.
    const link = await http.get(`/v1/cases/${hidden.id}/attachments/${scan.body.id}/download`, {
      token: central,
    });
    expect(link.status, link.text).toBe(200);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const file = await http.fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(SMALL_PDF);
    // A link tampered with is refused.
    expect((await http.fetch(link.body.url.replace(/signature=[^&]+/, 'signature=x'))).status).toBe(
      403,
    );

    // Shared with the agencies: polri now lists and downloads it.
    const shared = await http.patch(
      `/v1/cases/${hidden.id}/attachments/${scan.body.id}`,
      { visibility: 'agencies' },
      { token: central },
    );
    expect(shared.body.visibility).toBe('agencies');
    expect(await listed(polri)).toEqual([scan.body.id]);
    const theirs = await http.get(`/v1/cases/${hidden.id}/attachments/${scan.body.id}/download`, {
      token: polri,
    });
    expect(theirs.status).toBe(200);
  });

  it('lets an agency attach to its own response, seen by central and not by other agencies', async () => {
    const both = await forwardedCase(http, central, ['polri', 'pln']);
    const doc = await attach(http, polri, both.id, {
      name: 'laporan-tindak-lanjut.pdf',
      attachedTo: { kind: 'response', agencyId: 'polri' },
    });
    expect(doc.status, doc.text).toBe(200);
    expect(doc.body.visibility).toBe('agencies');
    const ids = async (token: string) =>
      (await http.get(`/v1/cases/${both.id}/attachments`, { token })).body.items.map(
        (a: { id: string }) => a.id,
      );
    expect(await ids(central)).toContain(doc.body.id);
    expect(await ids(polri)).toContain(doc.body.id);
    expect(await ids(pln)).not.toContain(doc.body.id);
    // An agency attaches to the case itself: no.
    expectProblem(
      await http.post(
        `/v1/cases/${both.id}/attachments`,
        { name: 'x.pdf', size: 10 },
        { token: polri },
      ),
      403,
      'forbidden',
    );
    // Its answer given in full, the assignment takes no more files: nor a place among the
    // case's 30, which an ended assignment could otherwise fill against central.
    const final = await http.post(
      `/v1/cases/${both.id}/assignments/polri/responses`,
      { kind: 'final', message: 'Laporan telah ditindaklanjuti.' },
      { token: polri },
    );
    expect(final.status, final.text).toBe(200);
    expectProblem(
      await http.post(
        `/v1/cases/${both.id}/attachments`,
        { name: 'susulan.pdf', size: 10, attachedTo: { kind: 'response', agencyId: 'polri' } },
        { token: polri },
      ),
      409,
      'invalid_transition',
    );
  });

  it('refuses a “.pdf” that is an executable (415), a file past 20 MB, and a 31st attachment', async () => {
    const exe = await attach(http, central, hidden.id, { name: 'laporan.pdf' }, EXECUTABLE);
    expectProblem(exe, 415, 'unsupported_media_type');
    expect(exe.body.detail).toContain('application/x-msdownload');
    expectInvalid(
      await http.post(
        `/v1/cases/${hidden.id}/attachments`,
        { name: 'besar.pdf', size: 20 * 1024 * 1024 + 1 },
        { token: central },
      ),
      'size',
    );
    // The form itself holds the limit: a file past it is refused by the store.
    const started = await http.post(
      `/v1/cases/${hidden.id}/attachments`,
      { name: 'kecil.pdf', size: 100 },
      { token: central },
    );
    const tooBig = await postForm(http, started.body.upload, new Uint8Array(20 * 1024 * 1024 + 1));
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain('EntityTooLarge');

    const full = await forwardedCase(http, central, ['polri']);
    const starts = await Promise.all(
      Array.from({ length: 31 }, (_, i) =>
        http.post(
          `/v1/cases/${full.id}/attachments`,
          { name: `lampiran-${i}.pdf`, size: 10 },
          { token: central },
        ),
      ),
    );
    expect(starts.filter((r) => r.status === 201)).toHaveLength(30);
    const refused = starts.find((r) => r.status !== 201)!;
    expectProblem(refused, 422, 'limit_exceeded');
    expect(refused.body.detail).toContain('30');
  });
});

describe('uploads finished twice', () => {
  it('a completion sent twice at once answers both with the attachment', async () => {
    const { id } = await forwardedCase(http, central, ['polri']);
    for (let round = 0; round < 3; round += 1) {
      const started = await http.post(
        `/v1/cases/${id}/attachments`,
        { name: `surat-${round}.pdf`, size: SMALL_PDF.byteLength },
        { token: central },
      );
      expect(started.status, started.text).toBe(201);
      expect((await postForm(http, started.body.upload, SMALL_PDF, 'surat.pdf')).status).toBe(204);
      const path = `/v1/cases/${id}/attachments/${started.body.attachment.id}/complete`;
      const both = await Promise.all([1, 2].map(() => http.post(path, {}, { token: central })));
      expect(
        both.map((r) => r.status),
        both.map((r) => r.text).join(' | '),
      ).toEqual([200, 200]);
      expect(both[1]!.body).toEqual(both[0]!.body);
      expect(both[0]!.body.status).toBe('available');
    }
  });
});

describe('a file checked at its completion', () => {
  it('is what is downloaded, whatever is posted to its form afterwards (it lives 15 minutes)', async () => {
    const { id } = await forwardedCase(http, central, ['polri']);
    const started = await http.post(
      `/v1/cases/${id}/attachments`,
      { name: 'bukti.pdf', size: SMALL_PDF.byteLength },
      { token: central },
    );
    expect((await postForm(http, started.body.upload, SMALL_PDF, 'bukti.pdf')).status).toBe(204);
    const path = `/v1/cases/${id}/attachments/${started.body.attachment.id}`;
    const done = await http.post(`${path}/complete`, {}, { token: central });
    expect(done.body, done.text).toMatchObject({ status: 'available', size: SMALL_PDF.byteLength });
    // The same form again, other bytes: a swap of the evidence after its check.
    const other = new TextEncoder().encode('%PDF-1.4\n% another file altogether\n%%EOF\n');
    await postForm(http, started.body.upload, other, 'bukti.pdf');
    const link = await http.get(`${path}/download`, { token: central });
    expect(link.status, link.text).toBe(200);
    const served = new Uint8Array(await (await http.fetch(link.body.url)).arrayBuffer());
    expect(served).toEqual(SMALL_PDF);
  });
});

describe('an upload started again under its key', () => {
  it('is the same attachment with a fresh form until its bytes come; then it is done', async () => {
    const { id } = await forwardedCase(http, central, ['polri']);
    const start = () =>
      http.post(
        `/v1/cases/${id}/attachments`,
        { name: 'surat-pengadu.pdf', size: SMALL_PDF.byteLength },
        { token: central, headers: { 'idempotency-key': `upload-${id}` } },
      );
    // The first answer lost on the way: the console starts the same file again, same key.
    const [first, again] = [await start(), await start()];
    expect([first.status, again.status], again.text).toEqual([201, 201]);
    expect(again.body.attachment).toEqual(first.body.attachment);
    expect((await postForm(http, again.body.upload, SMALL_PDF, 'surat.pdf')).status).toBe(204);
    const listed = await http.get(`/v1/cases/${id}/attachments`, { token: central });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([first.body.attachment.id]);
    const done = await http.post(
      `/v1/cases/${id}/attachments/${first.body.attachment.id}/complete`,
      {},
      { token: central },
    );
    expect(done.body.status).toBe('available');
    // Complete, its file is the one checked: no second form to replace it.
    expectProblem(await start(), 409, 'invalid_transition');
    // The same key for another file is another request: refused, not mistaken for the first.
    expectProblem(
      await http.post(
        `/v1/cases/${id}/attachments`,
        { name: 'lain.pdf', size: 10 },
        { token: central, headers: { 'idempotency-key': `upload-${id}` } },
      ),
      409,
      'idempotency_key_reused',
    );
  });
});

describe('uploads never finished', () => {
  let clocked: RunningPantau;
  afterAll(async () => {
    await clocked?.stop();
  });

  it('an upload abandoned well past its form’s expiry frees its place and leaves the list', async () => {
    clocked = await startPantau({
      env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: '2026-03-16T03:00:00.000Z' },
    });
    const web = api(clocked.url);
    const officer = await users(clocked.url)('setneg', 'central_officer');
    const full = await forwardedCase(web, officer, ['polri']);
    // Thirty uploads started whose bytes never came (tabs closed, answers lost and retried).
    for (let i = 0; i < 30; i += 1) {
      const started = await web.post(
        `/v1/cases/${full.id}/attachments`,
        { name: `pindaian-${i}.pdf`, size: 10 },
        { token: officer },
      );
      expect(started.status, started.text).toBe(201);
    }
    const listed = async () =>
      (await web.get(`/v1/cases/${full.id}/attachments`, { token: officer })).body.items;
    expect(await listed()).toHaveLength(30);
    const another = { name: 'surat-balasan.pdf', size: SMALL_PDF.byteLength };
    expectProblem(
      await web.post(`/v1/cases/${full.id}/attachments`, another, { token: officer }),
      422,
      'limit_exceeded',
    );
    // Within the hour after their forms expired they still hold their places.
    await web.post('/dev/clock', { advance: 'PT1H' });
    expect(await listed()).toHaveLength(30);
    // Past it, no bytes are coming: the case takes a real file again, and lists only that.
    await web.post('/dev/clock', { advance: 'PT20M' });
    expect(await listed()).toEqual([]);
    const done = await attach(web, officer, full.id, another);
    expect(done.status, done.text).toBe(200);
    expect((await listed()).map((a: { name: string }) => a.name)).toEqual(['surat-balasan.pdf']);
  });

  it('an abandoned upload whose bytes came completes only while the case has room', async () => {
    const web = api(clocked.url);
    const officer = await users(clocked.url)('setneg', 'central_officer');
    const full = await forwardedCase(web, officer, ['polri']);
    const late = await web.post(
      `/v1/cases/${full.id}/attachments`,
      { name: 'terlambat.pdf', size: SMALL_PDF.byteLength },
      { token: officer },
    );
    expect((await postForm(web, late.body.upload, SMALL_PDF, 'terlambat.pdf')).status).toBe(204);
    // The tab closed before "complete"; long after, thirty files take the case's places.
    await web.post('/dev/clock', { advance: 'PT2H' });
    for (let i = 0; i < 30; i += 1) {
      const done = await attach(web, officer, full.id, { name: `berkas-${i}.pdf` });
      expect(done.status, done.text).toBe(200);
    }
    const completed = await web.post(
      `/v1/cases/${full.id}/attachments/${late.body.attachment.id}/complete`,
      {},
      { token: officer },
    );
    expectProblem(completed, 422, 'limit_exceeded');
  });
});

describe('the forwarding letter', () => {
  it('goes to the agency’s liaisons as a PDF with the agenda number, deadlines and visible attachments only', async () => {
    const c = await http.post('/v1/cases', complaint({ identityHidden: true }), { token: central });
    const id = c.body.id as string;
    await http.post(
      `/v1/cases/${id}/verification`,
      { decision: 'accept', type: 'normative' },
      {
        token: central,
      },
    );
    expect((await attach(http, central, id, { name: 'ktp-pengadu.pdf' })).status).toBe(200);
    expect(
      (await attach(http, central, id, { name: 'peta-lokasi.pdf', visibility: 'agencies' })).status,
    ).toBe(200);
    const sent = await http.post(
      `/v1/cases/${id}/assignments`,
      { assignments: [{ agencyId: 'polri', instructions: 'Mohon klarifikasi segera.' }] },
      { token: central },
    );
    expect(sent.status).toBe(201);
    const letter = await forwardingLetter(http, central, id, 'polri');
    expect(letter).toMatchObject({ recipients: ['dumas@polri.example.go.id'], pdf: true });
    expect(letter.letterNumber).toMatch(/^B-\d+\/Kemensetneg\/D-4\/DM\.05\/\d{2}\/\d{4}$/);

    const polri = await as('polri', 'agency_officer');
    const text = await pdfText(await pdfOf(`/v1/cases/${id}/letters/${letter.id}/pdf`, polri));
    expect(text).toContain(letter.letterNumber);
    expect(text).toContain(c.body.agendaNumber);
    expect(text).toContain('Mohon klarifikasi segera.');
    const due = sent.body.items[0].due;
    for (const t of ['acknowledge', 'followUp', 'resolution'] as const) {
      const local = new Date(Date.parse(due[t]) + 7 * 3_600_000);
      expect(text).toContain(`${local.getUTCDate()} `);
    }
    expect(text).toContain('peta-lokasi.pdf');
    expect(text).not.toContain('ktp-pengadu.pdf');
    for (const secret of ['Siti', '5171034407850002', 'Melati', 'siti.rahmawati'])
      expect(text).not.toContain(secret);
    // Another agency: not found.
    const pln = await as('pln', 'agency_officer');
    expectProblem(await http.get(`/v1/cases/${id}/letters/${letter.id}/pdf`, { token: pln }), 404);

    // The .eml as the agency's mailbox receives it, with the same PDF.
    await expect
      .poll(() =>
        readdirSync(join(pantau.dataDir, 'mail'), { recursive: true }).some((f) =>
          String(f).endsWith(`${letter.id}.eml`),
        ),
      )
      .toBe(true);
    const file = readdirSync(join(pantau.dataDir, 'mail'), { recursive: true, withFileTypes: true })
      .filter((f) => f.name === `${letter.id}.eml`)
      .map((f) => join(f.parentPath, f.name))[0]!;
    const mail = await parseEml(readFileSync(file));
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toMatch(/^surat-B-\d+/);
    expect(await pdfText(new Uint8Array(pdf.content))).toContain(c.body.agendaNumber);
  });

  // An agency head who answered a letter by replying reached its From (noreply@), no one.
  it('answers to the unit’s e-mail its settings name (Reply-To), printed with its telephone under the letterhead', async () => {
    const admin = await as('setneg', 'central_admin');
    const {
      updatedAt: _u,
      version: _v,
      ...settings
    } = (await http.get('/v1/settings/documents', { token: admin })).body;
    const put = (letterhead: Record<string, unknown>) =>
      http.request('PUT', '/v1/settings/documents', { ...settings, letterhead }, { token: admin });
    const contact = { phone: '(021) 3845627', email: 'pengaduan-masyarakat@setneg.example.go.id' };
    const saved = await put({ ...settings.letterhead, ...contact });
    expect(saved.status, saved.text).toBe(200);
    try {
      const c = await forwardedCase(http, central, ['polri']);
      const letter = await forwardingLetter(http, central, c.id, 'polri');
      const printed = 'Telepon (021) 3845627, Pos-el pengaduan-masyarakat@setneg.example.go.id';
      const polri = await as('polri', 'agency_officer');
      expect(
        await pdfText(await pdfOf(`/v1/cases/${c.id}/letters/${letter.id}/pdf`, polri)),
      ).toContain(printed);
      // The walk-in receipt bears the same letterhead.
      expect(await pdfText(await pdfOf(`/v1/cases/${c.id}/receipt/pdf`, central))).toContain(
        printed,
      );
      const file = async () =>
        readdirSync(join(pantau.dataDir, 'mail'), { recursive: true, withFileTypes: true })
          .filter((f) => f.name === `${letter.id}.eml`)
          .map((f) => join(f.parentPath, f.name))[0];
      await expect.poll(file).toBeDefined();
      const mail = await parseEml(readFileSync((await file())!));
      expect(mail.from?.text).toContain('noreply@pantau.local');
      expect(mail.replyTo?.value.map((a) => a.address)).toEqual([contact.email]);
    } finally {
      expect((await put(settings.letterhead)).status).toBe(200);
    }
  });
});
