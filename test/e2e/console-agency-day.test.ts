/**
 * An agency officer's day in the console, in Chromium on the manual clock (an audit of the
 * agency side), as a regional government in WITA: "not ours" naming the authority by typing
 * its name, and a request for more time with a day count that is not whole. Each of these
 * today loses what the officer did or says something untrue. Screenshots:
 * test-results/screenshots/agency-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  demoUser,
  accessibilityViolations,
  action,
  openAction,
  openBrowser,
  screenshot,
  screenshotPath,
  signInAs,
  type TestBrowser,
} from '../support/browser.ts';
import { SMALL_PDF } from '../support/documents.ts';
import { FORWARDED_AT } from '../support/domain-example.ts';
import {
  api,
  type Api,
  complaint,
  forwardedCase,
  type RunningPantau,
  startPantau,
  users,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;
let page: Page;
let http: Api;
let as: ReturnType<typeof users>;
const ids = {
  click: '',
  typed: '',
  days: '',
  withdrawn: '',
  final: '',
  notOurs: '',
  readAgain: '',
  evidence: '',
  instructed: '',
};

/** Central's instructions as a careful desk writes them: what to check, whom, what to send. */
const INSTRUCTIONS = [
  'Mohon Pemerintah Provinsi Bali memeriksa laporan kerusakan jembatan di Jalan Raya Denpasar–Gilimanuk km 42 sebagaimana diuraikan pengadu, termasuk foto retakan pada pilar sisi barat.',
  'Koordinasikan dengan Dinas Pekerjaan Umum dan Penataan Ruang serta Balai Pelaksanaan Jalan Nasional Bali bila jembatan tersebut berstatus jalan nasional, dan sampaikan hasil koordinasinya.',
  'Dalam tindak lanjut, mohon lampirkan berita acara pemeriksaan lapangan, foto terkini, rencana perbaikan beserta jadwalnya, dan langkah pengamanan sementara bagi pengguna jalan (rambu, pembatasan tonase).',
  'Identitas pengadu dirahasiakan: jangan menghubungi pengadu secara langsung; bila diperlukan keterangan tambahan, sampaikan melalui Asisten Deputi Pengaduan Masyarakat.',
].join('\n\n');

const shot = (name: string) => screenshot(page, `agency-${name}`);
const assignmentOf = async (caseId: string) =>
  (
    await http.get(`/v1/cases/${caseId}/assignments/pemprov-bali`, {
      token: await as('setneg', 'central_officer'),
    })
  ).body;
const openCase = async (caseId: string) => {
  await page.goto(`${pantau.url}/cases/${caseId}`);
  await page.getByRole('heading', { name: 'Riwayat' }).waitFor();
};

beforeAll(async () => {
  pantau = await startPantau({
    env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: FORWARDED_AT },
  });
  browser = await openBrowser();
  page = await (
    await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'id-ID',
      timezoneId: 'Asia/Makassar',
    })
  ).newPage();
  page.setDefaultTimeout(15_000);
  http = api(pantau.url);
  as = users(pantau.url);
  const central = await as('setneg', 'central_officer');
  const forward = async (subject: string) =>
    (await forwardedCase(http, central, ['pemprov-bali'], { body: { subject } })).id as string;
  ids.click = await forward('Izin reklame di jalan nasional');
  ids.typed = await forward('Jembatan nasional retak di Gilimanuk');
  ids.days = await forward('Trotoar rusak di Jalan Gatot Subroto');
  ids.final = await forward('Drainase tersumbat di Jalan Teuku Umar');
  ids.notOurs = await forward('Izin menara seluler di Jalan Bypass Ngurah Rai');
  ids.readAgain = await forward('Pohon tumbang menutup Jalan By Pass Ida Bagus Mantra');
  // Forwarded with instructions (four paragraphs), not yet acknowledged.
  const instructed = await http.post(
    '/v1/cases',
    complaint({ subject: 'Jembatan retak di Jalan Denpasar–Gilimanuk' }),
    { token: central },
  );
  expect(instructed.status, instructed.text).toBe(201);
  ids.instructed = instructed.body.id as string;
  const verified = await http.post(
    `/v1/cases/${ids.instructed}/verification`,
    { decision: 'accept', type: 'normative' },
    { token: central },
  );
  expect(verified.status, verified.text).toBe(200);
  const sent = await http.post(
    `/v1/cases/${ids.instructed}/assignments`,
    { assignments: [{ agencyId: 'pemprov-bali', instructions: INSTRUCTIONS }] },
    { token: central },
  );
  expect(sent.status, sent.text).toBe(201);
  // Acknowledged: the officer comes back to answer it, with a scanned letter as evidence.
  ids.evidence = await forward('Penerangan jalan umum padam di Jalan Hayam Wuruk');
  const acknowledged = await http.post(
    `/v1/cases/${ids.evidence}/assignments/pemprov-bali/acknowledge`,
    {},
    { token: await as('pemprov-bali', 'agency_officer') },
  );
  expect(acknowledged.status, acknowledged.text).toBe(200);
  // Its identity never hidden; central takes the assignment back (forwarded by mistake).
  ids.withdrawn = await forward('Lampu jalan padam di Jalan Sunset Road');
  const withdrawn = await http.post(
    `/v1/cases/${ids.withdrawn}/assignments/pemprov-bali/withdraw`,
    { reason: 'Diteruskan keliru: jalan kabupaten.' },
    { token: central },
  );
  expect(withdrawn.status, withdrawn.text).toBe(200);
  await signInAs(page, pantau.url, demoUser('pemprov-bali', 'agency_officer'));
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('console: an agency officer says "not ours"', () => {
  it('one click on "Kirim" is answered, while the authority picker is still open', async () => {
    await openCase(ids.click);
    // The officer looked at asking for more time first (below "not ours"): the page goes on
    // below the button, as it does on any long case page.
    await openAction(action(page, 'Minta perpanjangan waktu'));
    const redirect = action(page, 'Bukan kewenangan kami');
    await openAction(redirect);
    await redirect.getByLabel(/^Alasan/).fill('Jalan nasional adalah kewenangan kementerian.');
    await redirect.getByRole('combobox').fill('Balai Jalan');
    await redirect.getByText('Tidak ada instansi yang cocok.').waitFor();
    const send = redirect.getByRole('button', { name: 'Kirim' });
    await send.scrollIntoViewIfNeeded();
    const before = await send.boundingBox();
    await send.click(); // the officer's one click
    const after = await send.boundingBox().catch(() => null);
    await page.waitForTimeout(3000);
    await shot('redirect-one-click');
    // The picker closes as the input loses focus, on the button's mousedown: the button moves
    // up under the pointer and the mouseup lands beside it. Nothing is sent, nothing is said.
    // Answered: sent, asked ("not ours" asks first), or said what to fix.
    const state = (await assignmentOf(ids.click)).state;
    const answered = '.alert-error, [aria-invalid="true"], [role="alertdialog"]';
    expect(
      { state, said: await redirect.locator(answered).count() },
      `Kirim at y=${before?.y} before the click, y=${after?.y} after`,
    ).not.toEqual({ state: 'pending', said: 0 });
  });

  it('an authority typed but not picked from the list is not dropped without a word', async () => {
    await openCase(ids.typed);
    const redirect = action(page, 'Bukan kewenangan kami');
    await openAction(redirect);
    await redirect
      .getByLabel(/^Alasan/)
      .fill('Jembatan di jalan nasional bukan kewenangan provinsi.');
    // Written as an officer knows it, not in the list (or not picked from it).
    const typed = 'Balai Besar Pelaksanaan Jalan Nasional Bali';
    await redirect.getByRole('combobox').fill(typed);
    await redirect.getByRole('combobox').press('Tab'); // the picker closes; the form settles
    await redirect.getByRole('button', { name: 'Kirim' }).click();
    await page.waitForTimeout(3000);
    await shot('redirect-typed-authority');
    const a = await assignmentOf(ids.typed);
    if (a.state === 'redirected') {
      // Sent: central must learn the authority the officer named, not an empty suggestion.
      expect(
        `${a.redirect.suggestedAgencyId ?? ''} ${a.redirect.reason}`,
        `sent without what was typed: ${JSON.stringify(a.redirect)}`,
      ).toContain(typed);
    } else {
      // Not sent: said at the form, in a sentence, before any confirmation is asked (which
      // would only refuse on its second button).
      expect(await redirect.locator('.alert-error, [aria-invalid="true"]').count()).toBeGreaterThan(
        0,
      );
      expect(await redirect.getByRole('alertdialog').count()).toBe(0);
    }
  });
});

describe('console: an agency officer ends its part only on a second, explicit click', () => {
  /** The question, on a desktop and on a 390 px phone: whole, its buttons on the screen. */
  const lookAt = async (ask: Locator, name: string) => {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await ask.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`agency-${name}-${width}`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      for (const button of await ask.getByRole('button').all()) {
        const box = await button.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, `${name} at ${width}`).toBe(true);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it('the final follow-up: asked in words; "Batal" sends nothing; the yes sends it once', async () => {
    await openCase(ids.final);
    const response = action(page, 'Kirim tanggapan');
    await openAction(response);
    await response.getByLabel(/^Jenis tanggapan/).selectOption('final');
    await response.getByLabel(/^Isi tanggapan/).fill('Saluran sudah dibersihkan Dinas PUPR.');
    await response.getByRole('button', { name: 'Kirim' }).click();
    const ask = response.getByRole('alertdialog');
    await expect
      .poll(() => ask.innerText())
      .toContain('tidak dapat ditambah jawaban atau lampiran lagi');
    await lookAt(ask, 'final-confirm');
    await ask.getByRole('button', { name: 'Batal' }).click();
    expect(await response.getByRole('alertdialog').count()).toBe(0);
    expect((await assignmentOf(ids.final)).state).toBe('pending');
    await response.getByRole('button', { name: 'Kirim' }).click();
    await ask.getByRole('button', { name: 'Ya, kirim tindak lanjut akhir' }).click();
    await expect.poll(async () => (await assignmentOf(ids.final)).state).toBe('completed');
  });

  it('"not ours": asked in words, then sent on the yes', async () => {
    await openCase(ids.notOurs);
    const redirect = action(page, 'Bukan kewenangan kami');
    await openAction(redirect);
    await redirect.getByLabel(/^Alasan/).fill('Izin menara adalah kewenangan kabupaten.');
    await redirect.getByRole('button', { name: 'Kirim' }).click();
    const ask = redirect.getByRole('alertdialog');
    await expect
      .poll(() => ask.innerText())
      .toContain('dikembalikan ke Asdep Pengaduan Masyarakat');
    await lookAt(ask, 'redirect-confirm');
    expect((await assignmentOf(ids.notOurs)).state).toBe('pending');
    await ask.getByRole('button', { name: 'Ya, kembalikan penugasan' }).click();
    await expect.poll(async () => (await assignmentOf(ids.notOurs)).state).toBe('redirected');
  });
});

describe('console: an agency officer asks for more time', () => {
  it('2.5 working days: told the days must be whole, not that the field is empty', async () => {
    await openCase(ids.days);
    const extension = action(page, 'Minta perpanjangan waktu');
    await openAction(extension);
    const days = extension.getByLabel(/^Tambahan hari kerja/);
    await days.fill('2.5');
    await extension.getByLabel(/^Alasan/).fill('Menunggu hasil survei lapangan bersama dinas.');
    await extension.getByRole('button', { name: 'Kirim' }).click();
    await expect.poll(() => days.getAttribute('aria-invalid')).toBe('true');
    await shot('extension-fraction');
    expect(await days.inputValue()).toBe('2.5');
    const text = await extension.innerText();
    expect(text, text).not.toContain('Tambahan hari kerja wajib diisi.');
  });
});

describe('console: an agency whose part in a case ended', () => {
  it('is told why the complainant is no longer shown, not that the identity is secret', async () => {
    await openCase(ids.withdrawn);
    const complaint = page.getByRole('region', { name: 'Pengaduan' });
    await complaint.waitFor();
    await shot('part-ended');
    const text = await complaint.innerText();
    // Never hidden (the API says `identityHidden: false`): withheld because the part ended.
    expect(text, text).not.toContain('Identitas pengadu dirahasiakan');
    expect(text, text).toContain(
      'Identitas pengadu tidak ditampilkan lagi: bagian instansi Anda dalam pengaduan ini sudah berakhir.',
    );
    expect(text).not.toContain('Siti Rahmawati');
  });
});

describe('console: an agency officer answers an assignment central withdrew meanwhile', () => {
  it('the page reads the case again: the form says it was withdrawn, the answer typed kept', async () => {
    await openCase(ids.readAgain);
    const respond = action(page, 'Kirim tanggapan');
    await openAction(respond);
    const typed = 'Tim Dinas PUPR sudah memotong pohon; jalan dibuka kembali pukul 14.00 WITA.';
    await respond.getByLabel(/^Isi tanggapan/).fill(typed);
    // Central takes it back while the officer types (the page open, not read since).
    const withdrawn = await http.post(
      `/v1/cases/${ids.readAgain}/assignments/pemprov-bali/withdraw`,
      { reason: 'Diteruskan keliru: jalan kabupaten.' },
      { token: await as('setneg', 'central_officer') },
    );
    expect(withdrawn.status, withdrawn.text).toBe(200);
    await respond.getByRole('button', { name: 'Kirim' }).click();
    await respond.getByText(/sudah berstatus “Ditarik”/).waitFor();
    await shot('read-again-withdrawn');
    // Read again: the card says so, its heading and the notice, without a reload of the browser.
    const card = page.getByRole('region', { name: /^Penugasan: / });
    await expect
      .poll(() => card.getByRole('heading', { level: 2 }).innerText())
      .toContain('Ditarik');
    expect(await respond.getByLabel(/^Isi tanggapan/).inputValue()).toBe(typed);
    const text = await respond.innerText();
    expect(text, text).not.toContain('Muat ulang halaman');
    expect(await respond.getByRole('button', { name: 'Kirim' }).count()).toBe(0);
    await respond.getByRole('button', { name: 'Buang isian' }).click();
    await expect.poll(() => action(page, 'Kirim tanggapan').count()).toBe(0);
    expect((await assignmentOf(ids.readAgain)).state).toBe('withdrawn');
  });
});

describe('console: an agency officer on a phone sends its answer with the evidence, on one "Kirim"', () => {
  it('chooses the files in the answer form: stored with the answer first, a refused one said by name and the answer held', async () => {
    const officer = await as('pemprov-bali', 'agency_officer');
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await openCase(ids.evidence);
      const respond = action(page, 'Kirim tanggapan');
      await openAction(respond);
      // One form: the files are chosen in it, under the answer, and go on its "Kirim".
      const files = respond.getByLabel(/^Lampiran \(PDF/);
      await files.setInputFiles([
        { name: 'berita-acara.pdf', mimeType: 'application/pdf', buffer: Buffer.from(SMALL_PDF) },
        // Named a photo, but a program inside: refused by its bytes once stored (415).
        {
          name: 'foto-lokasi.png',
          mimeType: 'image/png',
          buffer: Buffer.from('MZ\x90\x00 this is not an image'),
        },
      ]);
      await respond.getByLabel(/^Jenis tanggapan/).selectOption('final');
      await respond
        .getByLabel(/^Isi tanggapan/)
        .fill('Lampu sudah diganti; berita acara penggantian terlampir.');
      // The chosen files listed under the field, each to take off, the form on one screen.
      const send = respond.getByRole('button', { name: 'Kirim' });
      await respond.getByRole('button', { name: 'Hapus foto-lokasi.png' }).waitFor();
      await respond.screenshot({ path: screenshotPath('agency-answer-files-phone') });
      const whole = (await respond.boundingBox())!;
      expect.soft(whole.height, `the form ${whole.height} px tall`).toBeLessThanOrEqual(844);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await page.setViewportSize({ width: 1280, height: 900 });
      await respond.screenshot({ path: screenshotPath('agency-answer-files-desktop') });
      await page.setViewportSize({ width: 390, height: 844 });
      await send.click();
      // The question names the files that go with the final answer.
      const ask = respond.getByRole('alertdialog');
      await expect.poll(() => ask.innerText()).toContain('berita-acara.pdf');
      expect(await ask.innerText()).toContain('foto-lokasi.png');
      await ask.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('agency-answer-files-confirm-phone') });
      await ask.getByRole('button', { name: 'Ya, kirim tindak lanjut akhir' }).click();
      // The refused file said by name and why; the answer not sent, its text and files kept.
      const alert = respond.locator('.alert-error');
      await expect.poll(() => alert.innerText()).toContain('foto-lokasi.png');
      const said = await alert.innerText();
      expect(said).toMatch(/Tanggapan belum dikirim/);
      expect(said).toMatch(/Jenis berkas ini tidak diterima/);
      expect((await assignmentOf(ids.evidence)).state).toBe('acknowledged');
      expect(await respond.getByLabel(/^Isi tanggapan/).inputValue()).toMatch(/^Lampu sudah/);
      await alert.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('agency-answer-files-refused-phone') });
      // Each file says how far it went: the one stored stays (no "Hapus"), the refused one not.
      await respond.getByText('tersimpan sebagai lampiran').waitFor();
      expect(await respond.getByRole('button', { name: 'Hapus berita-acara.pdf' }).count()).toBe(0);
      await respond.screenshot({ path: screenshotPath('agency-answer-files-refused-form-phone') });
      await shot('answer-files-refused-phone-full');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      // The field labelled and described, the refusal an alert: WCAG 2.2 AA.
      expect(await accessibilityViolations(page)).toEqual([]);
      // Taken off, the answer goes with the file already stored (not stored twice).
      await respond.getByRole('button', { name: 'Hapus foto-lokasi.png' }).click();
      await respond.getByRole('button', { name: 'Kirim' }).click();
      await expect.poll(() => ask.innerText()).toContain('berita-acara.pdf');
      expect(await ask.innerText()).not.toContain('foto-lokasi.png');
      await ask.getByRole('button', { name: 'Ya, kirim tindak lanjut akhir' }).click();
      await expect.poll(async () => (await assignmentOf(ids.evidence)).state).toBe('completed');
      const listed = (await http.get(`/v1/cases/${ids.evidence}/attachments`, { token: officer }))
        .body.items as { name: string; status: string; attachedTo: { agencyId: string | null } }[];
      expect(
        listed.filter((a) => a.status === 'available').map((a) => [a.name, a.attachedTo.agencyId]),
      ).toEqual([['berita-acara.pdf', 'pemprov-bali']]);
      // Listed with the agency's answer in the case's files.
      const card = page.getByRole('region', { name: 'Lampiran', exact: true });
      await card.getByText('berita-acara.pdf', { exact: true }).waitFor();
      expect(await card.getByRole('heading', { name: /^Tanggapan / }).innerText()).toBe(
        'Tanggapan Pemerintah Provinsi Bali',
      );
      await shot('answer-files-sent-phone-full');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('console: an agency officer on a phone opens a case central wrote instructions for', () => {
  it('"Konfirmasi penerimaan" is on the first screen; the instructions are there to read whole', async () => {
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await openCase(ids.instructed);
      const acknowledge = page.getByRole('button', { name: 'Konfirmasi penerimaan' });
      await acknowledge.waitFor();
      // Its deadlines read (they stand above it): not measured while they load.
      await page.getByText('Bagaimana dihitung').first().waitFor();
      await page.screenshot({
        path: screenshotPath('agency-case-instructions-phone-first-screen'),
      });
      const box = (await acknowledge.boundingBox())!;
      expect(box.y + box.height, JSON.stringify(box)).toBeLessThanOrEqual(844);
      // Every word of them a click away, on the same page.
      const card = page.getByRole('region', { name: /^Penugasan: / });
      if (!(await card.innerText()).includes(INSTRUCTIONS.slice(-60)))
        await card.getByRole('button', { name: /^Tampilkan/ }).click();
      await expect.poll(() => card.innerText()).toContain(INSTRUCTIONS.slice(-60));
      await shot('case-instructions-phone');
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('console: the queue on a phone says how many working days are left, or how late', () => {
  /** The queue at 390 px: each row's next deadline, no row wider than the screen. */
  const queueAt390 = async (name: string) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${pantau.url}/queue`);
    const rows = page.getByRole('row').filter({ hasText: 'Trotoar rusak di Jalan Gatot Subroto' });
    await rows.first().waitFor();
    await shot(name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    // The rows begin on the first screen, not under it (filters and notices stood above them).
    const first = (await page.locator('table.cards tbody tr').first().boundingBox())!;
    expect(first.y, "the first row's top").toBeLessThanOrEqual(844 - 120);
    for (const row of await page.locator('table.cards tbody tr').all()) {
      const box = await row.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, await row.innerText()).toBe(true);
    }
    return rows.first().innerText();
  };

  it('running: "tinggal 3 hari kerja lagi" (Nyepi and the Idulfitri leave not counted); past it: "terlambat 1 hari kerja"', async () => {
    try {
      // Monday 16 March 2026, 11:00 WITA: the acknowledgement (3 working days) is due at the end
      // of Thursday 26 March, after eight days off: Tuesday 17, Wednesday 25, Thursday 26.
      expect(await queueAt390('queue-phone-days-left')).toMatch(
        /Konfirmasi penerimaan: 26 Mar 2026, 23\.59 WITA\s*Berjalan\s*\(tinggal 3 hari kerja lagi\)/,
      );
      // Friday 27 March 2026, 10:00 WITA: a working day late, as the reminder letter says.
      const moved = await http.post('/dev/clock', { now: '2026-03-27T02:00:00Z' });
      expect(moved.status, moved.text).toBe(200);
      expect(await queueAt390('queue-phone-late')).toMatch(
        /Konfirmasi penerimaan: 26 Mar 2026, 23\.59 WITA\s*Lewat tenggat\s*\(terlambat 1 hari kerja\)/,
      );
      // Opened from there, the case's first screen holds what the officer acts on: it said the
      // complaint, then seven screens down, "Konfirmasi penerimaan".
      await page
        .getByRole('row')
        .filter({ hasText: 'Trotoar rusak di Jalan Gatot Subroto' })
        .first()
        .getByRole('link')
        .first()
        .click();
      const acknowledge = page.getByRole('button', { name: 'Konfirmasi penerimaan' });
      await acknowledge.waitFor();
      // Its deadlines read (they stand above it): not measured while they load.
      await page.getByText('Bagaimana dihitung').first().waitFor();
      await page.screenshot({ path: screenshotPath('agency-case-phone-first-screen') });
      const box = await acknowledge.boundingBox();
      expect(box && box.y + box.height <= 844, JSON.stringify(box)).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
