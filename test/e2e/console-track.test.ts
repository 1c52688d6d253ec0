/// <reference lib="dom" />
/**
 * The complainant's tracking page in Chromium, as a complainant uses it: the agencies' answers
 * are on the page, by agency and date, above the question "are you satisfied?"; a complaint
 * waiting for them says what to send and how; a complaint they reopened says so. And central's
 * side of the same: asking for what is missing, the reopened complaint on the desk, forwarded
 * again to the same agencies. Screenshots: test-results/screenshots/track-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  demoUser,
  action,
  openBrowser,
  mainScreen,
  signInAs as signInAs_,
  signOut as signOut_,
  type TestBrowser,
} from '../support/browser.ts';
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
let http: Api;
let browser: TestBrowser;
let page: Page;
let visitor: BrowserContext;
let tab: Page;

const SUBJECT = 'Biaya tambahan pembuatan SIM';
const IDENTITY = ['Siti Rahmawati', '5171034407850002', 'siti.rahmawati@example.com'];
const PROGRESS = 'Petugas loket sedang diperiksa Propam Polda Bali.';
const FINAL_POLRI = 'Biaya tambahan Rp250.000 telah dikembalikan kepada pemohon.';
const FINAL_PLN = 'Tidak ada tagihan listrik terkait pengaduan ini.';
const MISSING = 'Fotokopi SIM lama dan bukti pembayaran di loket.';
let answered = { id: '', code: '' };
let waiting = { id: '', code: '' };

const signInAs = (name: RegExp) => signInAs_(page, pantau.url, name);
const signOut = () => signOut_(page);

beforeAll(async () => {
  pantau = await startPantau();
  http = api(pantau.url);
  browser = await openBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
  ).newPage();
  page.setDefaultTimeout(15_000);
  // The complainant: no sign-in, a phone-sized screen.
  visitor = await browser.newContext({ viewport: { width: 430, height: 900 }, locale: 'id-ID' });
  tab = await visitor.newPage();
  tab.setDefaultTimeout(15_000);

  // Set up through the API: a complaint both agencies answered, one registered only.
  const as = users(pantau.url);
  const central = await as('setneg', 'central_officer');
  const c = await forwardedCase(http, central, ['polri', 'pln'], { body: { subject: SUBJECT } });
  answered = { id: c.id, code: c.trackingCode };
  const respond = async (agencyId: string, kind: string, message: string) => {
    const res = await http.post(
      `/v1/cases/${c.id}/assignments/${agencyId}/responses`,
      { kind, message },
      { token: await as(agencyId, 'agency_officer') },
    );
    expect(res.status, res.text).toBe(200);
  };
  await respond('polri', 'progress', PROGRESS);
  await respond('pln', 'final', FINAL_PLN);
  await respond('polri', 'final', FINAL_POLRI);
  const registered = await http.post(
    '/v1/cases',
    complaint({ subject: 'Pungutan liar perpanjangan SIM' }),
    { token: central },
  );
  expect(registered.status, registered.text).toBe(201);
  waiting = { id: registered.body.id, code: registered.body.trackingCode };
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

const track = async (code: string) => {
  await tab.goto(`${pantau.url}/track`);
  await tab.getByLabel('Kode lacak').fill(code);
  await tab.getByRole('button', { name: 'Lacak' }).click();
  await tab.getByRole('heading', { name: /^Status/ }).waitFor();
};

describe('the tracking page, as the complainant sees it', () => {
  it('shows each agency’s answers by name and date before asking whether they are satisfied', async () => {
    await track(answered.code);
    const answers = tab.getByRole('region', { name: 'Jawaban instansi' });
    await answers.waitFor();
    const items = answers.getByRole('article');
    await expect.poll(() => items.count()).toBe(3);
    // Oldest first: Polri's progress report, PLN's final answer, Polri's final answer.
    const first = await items.nth(0).innerText();
    expect(first).toContain('Kepolisian Negara Republik Indonesia');
    expect(first).toContain('Perkembangan');
    expect(first).toContain(PROGRESS);
    expect(first).toMatch(/WIB/);
    expect(await items.nth(1).innerText()).toContain('PT PLN (Persero)');
    expect(await items.nth(1).innerText()).toContain(FINAL_PLN);
    const last = await items.nth(2).innerText();
    expect(last).toContain('Tindak lanjut akhir');
    expect(last).toContain(FINAL_POLRI);
    // The question comes after what it is about.
    const question = tab.getByRole('group', { name: 'Apakah Anda puas dengan tindak lanjutnya?' });
    const answersBox = (await answers.boundingBox())!;
    expect((await question.boundingBox())!.y).toBeGreaterThan(answersBox.y + answersBox.height - 1);
    const html = await tab.content();
    for (const secret of IDENTITY) expect(html).not.toContain(secret);
    await mainScreen(tab, 'track-10-answers');
  });

  it('a case answered more than 30 times shows the latest 30 and says where the earlier ones are', async () => {
    const as = users(pantau.url);
    const c = await forwardedCase(http, await as('setneg', 'central_officer'), ['pln'], {
      body: { subject: 'Pemadaman listrik berulang' },
    });
    const pln = await as('pln', 'agency_officer');
    for (let i = 1; i <= 32; i += 1) {
      const res = await http.post(
        `/v1/cases/${c.id}/assignments/pln/responses`,
        { kind: 'progress', message: `Laporan perkembangan ke-${i}.` },
        { token: pln },
      );
      expect(res.status, res.text).toBe(200);
    }
    const own = await visitor.newPage();
    await own.goto(`${pantau.url}/track#${c.trackingCode}`);
    const answers = own.getByRole('region', { name: 'Jawaban instansi' });
    await expect.poll(() => answers.getByRole('article').count()).toBe(30);
    const text = await answers.innerText();
    expect(text).toContain('Ditampilkan 30 jawaban terbaru');
    expect(text).toContain('Laporan perkembangan ke-3.');
    expect(text).toContain('Laporan perkembangan ke-32.');
    expect(text).not.toContain('Laporan perkembangan ke-2.');
    await mainScreen(own, 'track-10-latest-answers');
    await own.close();
  });

  it('a confidential report answered says its answers are not shown here, not that none came', async () => {
    const as = users(pantau.url);
    const c = await forwardedCase(http, await as('setneg', 'central_officer'), ['polri'], {
      body: { subject: 'Laporan rahasia pungli', confidential: true },
    });
    const res = await http.post(
      `/v1/cases/${c.id}/assignments/polri/responses`,
      { kind: 'final', message: 'Sudah ditindaklanjuti.' },
      { token: await as('polri', 'agency_officer') },
    );
    expect(res.status, res.text).toBe(200);
    // Its own tab, opened from the receipt's link (the code in the fragment).
    const own = await visitor.newPage();
    await own.goto(`${pantau.url}/track#${c.trackingCode}`);
    const answers = own.getByRole('region', { name: 'Jawaban instansi' });
    await expect.poll(() => answers.innerText()).toContain('Laporan ini rahasia');
    expect(await answers.innerText()).not.toContain('Belum ada jawaban');
    expect(await own.content()).not.toContain('Sudah ditindaklanjuti.');
    await own.close();
  });

  it('a complainant not satisfied sees the complaint reopened', async () => {
    await tab.getByLabel('Tidak puas').check();
    await tab.getByLabel('2').check();
    await tab.getByLabel('Pesan (opsional)').fill('Uang belum saya terima sampai hari ini.');
    await tab.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await tab.getByText('Terima kasih, tanggapan Anda sudah kami terima.').waitFor();
    await expect
      .poll(() => tab.getByRole('heading', { name: /^Status/ }).innerText())
      .toContain('Dibuka kembali');
    await tab.getByText(/Anda menyatakan belum puas/).waitFor();
    // The answers they judged stay on the page.
    await expect
      .poll(() =>
        tab.getByRole('region', { name: 'Jawaban instansi' }).getByRole('article').count(),
      )
      .toBe(3);
    await mainScreen(tab, 'track-11-reopened');
  });
});

describe('central asks for what is missing; the complainant reads what to send and how', () => {
  it('central writes what is missing when asking for it', async () => {
    await signInAs(demoUser('setneg', 'central_officer'));
    await page.goto(`${pantau.url}/cases/${waiting.id}`);
    await page.getByLabel('Keputusan verifikasi').selectOption('needs_info');
    // Asking without saying what for is not allowed in the console.
    await page.getByRole('button', { name: 'Minta kelengkapan', exact: true }).click();
    const what = page.getByLabel('Yang perlu dilengkapi pengadu');
    await expect.poll(() => what.getAttribute('aria-invalid')).toBe('true');
    await what.fill(MISSING);
    await page.getByRole('button', { name: 'Minta kelengkapan', exact: true }).click();
    await expect.poll(() => page.locator('p.meta').innerText()).toContain('Perlu kelengkapan');
    await page.getByText(MISSING).first().waitFor();
    // Central's timeline keeps what was asked.
    await page.getByRole('region', { name: 'Riwayat' }).getByText(MISSING).waitFor();
    await mainScreen(page, 'track-12-central-needs-info');
    await signOut();
  });

  it('the tracking page says what to send, where, and which number to quote', async () => {
    await track(waiting.code);
    const asked = tab.getByRole('region', { name: 'Kelengkapan yang diperlukan' });
    await asked.waitFor();
    const text = await asked.innerText();
    expect(text).toContain(MISSING);
    expect(text).toContain('dumas@setneg.go.id');
    // The agenda number, never the tracking code: an e-mail carries it in the clear.
    expect(text).toMatch(/nomor agenda pengaduan Anda: \d+\/DUMAS\//);
    expect(text).not.toContain(waiting.code);
    const html = await tab.content();
    for (const secret of IDENTITY) expect(html).not.toContain(secret);
    await mainScreen(tab, 'track-13-needs-info');

    // The same page in English.
    await tab.getByLabel('Bahasa').selectOption('en');
    const english = tab.getByRole('region', { name: 'Information we need' });
    await english.waitFor();
    expect(await english.innerText()).toContain(MISSING);
    await mainScreen(tab, 'track-14-needs-info-english');
    await tab.getByLabel('Language').selectOption('id');
  });
});

describe('an agency waiting for the complainant', () => {
  it('the tracking page says what the agency asks, by its name, and where to send it; not its reason', async () => {
    const as = users(pantau.url);
    const c = await forwardedCase(http, await as('setneg', 'central_officer'), ['polri'], {
      body: { subject: 'Laporan kehilangan tidak diproses' },
    });
    const asked = 'Fotokopi surat tanda lapor kehilangan dan nomor rangka kendaraan.';
    const res = await http.post(
      `/v1/cases/${c.id}/assignments/polri/pause`,
      { reason: 'Catatan internal: berkas di Polres tertahan.', askComplainant: asked },
      { token: await as('polri', 'agency_officer') },
    );
    expect(res.status, res.text).toBe(200);
    const own = await visitor.newPage();
    await own.goto(`${pantau.url}/track#${c.trackingCode}`);
    const region = own.getByRole('region', { name: 'Permintaan instansi kepada Anda' });
    await region.waitFor();
    const text = await region.innerText();
    expect(text).toMatch(/Kepolisian .* meminta:/);
    expect(text).toContain(asked);
    expect(text).toContain('dumas@setneg.go.id');
    expect(text).toMatch(/nomor agenda pengaduan Anda: \d+\/DUMAS\//);
    expect(await own.content()).not.toContain('Catatan internal');
    await mainScreen(own, 'track-18-agency-asks');
    await own.close();
  });
});

describe('the tracking code never travels in a URL the console requests', () => {
  /** Every request a page of `context` makes, with what a log on the way could keep. */
  const record = (context: BrowserContext) => {
    const seen: { method: string; url: string; referer: string; body: string; nav: boolean }[] = [];
    context.on('request', (request) =>
      seen.push({
        method: request.method(),
        url: request.url(),
        referer: request.headers()['referer'] ?? '',
        body: request.postData() ?? '',
        nav: request.isNavigationRequest(),
      }),
    );
    return seen;
  };

  it('reads the code from the fragment, moves an old link’s code there, and sends it only in POST bodies', async () => {
    // A complaint the agency answered, so the complainant can reply.
    const as = users(pantau.url);
    const c = await forwardedCase(http, await as('setneg', 'central_officer'), ['pln']);
    const answeredRes = await http.post(
      `/v1/cases/${c.id}/assignments/pln/responses`,
      { kind: 'final', message: FINAL_PLN },
      { token: await as('pln', 'agency_officer') },
    );
    expect(answeredRes.status, answeredRes.text).toBe(200);
    const code: string = c.trackingCode;
    const bare = code.replaceAll('-', '');

    const context = await browser.newContext({ locale: 'id-ID' });
    const seen = record(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const status = async () => {
      const heading = page.getByRole('heading', { name: /^Status/ });
      await heading.waitFor();
      return heading.innerText();
    };

    // 1. The console's own link: the code in the fragment.
    await page.goto(`${pantau.url}/track#${code}`);
    await expect.poll(status, { timeout: 15_000 }).toContain('Selesai');
    expect(await page.getByLabel('Kode lacak').inputValue()).toBe(code);
    // The skip link moves focus, not the fragment (which is the code).
    await page.getByRole('link', { name: 'Lewati ke konten' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe(`#${code}`);

    // 2. Typed into the form: the page's URL gets it in the fragment.
    await page.goto(`${pantau.url}/track`);
    await page.getByLabel('Kode lacak').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Lacak' }).click();
    await expect.poll(status, { timeout: 15_000 }).toContain('Selesai');
    expect(new URL(page.url())).toMatchObject({ pathname: '/track', search: '', hash: `#${code}` });

    // 3. Replying.
    await page.getByLabel('Ya, puas').check();
    await page.getByLabel('4').check();
    await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await page.getByText('Terima kasih, tanggapan Anda sudah kami terima.').waitFor();

    // 4. An old link, the code in the path: the page moves it into the fragment and still works.
    const oldLink = `${pantau.url}/track/${code}`;
    await page.goto(oldLink);
    await expect.poll(status, { timeout: 15_000 }).toContain('Ditutup');
    // Closed on the complainant's satisfied reply: how it was settled, in words.
    await page.getByText('Hasil penutupan: Terselesaikan').waitFor();
    expect(new URL(page.url())).toMatchObject({ pathname: '/track', search: '', hash: `#${code}` });
    await mainScreen(page, 'track-17-old-link');
    await context.close();

    // Only the visitor's own navigation to the old link had the code in its URL.
    const others = seen.filter((r) => !(r.nav && r.url === oldLink));
    expect(others.length).toBeLessThan(seen.length);
    for (const r of others) {
      for (const form of [code, bare, encodeURIComponent(code), code.toLowerCase()]) {
        expect(r.url, `${r.method} ${r.url}`).not.toContain(form);
        expect(r.referer, `Referer of ${r.method} ${r.url}`).not.toContain(form);
      }
    }
    // The code reached the API in POST bodies, and only there.
    const calls = others.filter((r) => new URL(r.url).pathname.startsWith('/v1/'));
    expect(new Set(calls.map((r) => `${r.method} ${new URL(r.url).pathname}`))).toEqual(
      new Set(['POST /v1/track', 'POST /v1/track/reply']),
    );
    for (const r of calls) expect(JSON.parse(r.body).code.toUpperCase()).toBe(code);
  });
});

describe('central takes the reopened complaint up again', () => {
  it('finds it on the desk and forwards it again to the same agencies', async () => {
    await signInAs(demoUser('setneg', 'central_officer'));
    const reopened = page.getByRole('region', { name: /^Dibuka kembali oleh pengadu/ });
    await reopened.getByRole('link', { name: SUBJECT }).waitFor();
    await mainScreen(page, 'track-15-desk-reopened');
    await reopened.getByRole('link', { name: SUBJECT }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(SUBJECT);
    await expect.poll(() => page.locator('p.meta').innerText()).toContain('Dibuka kembali');
    // The agencies that answered are offered again.
    const forward = action(page, 'Teruskan (ulang) ke instansi');
    // Found by name with the picker.
    const picker = forward.getByRole('combobox', { name: 'Cari dan tambah instansi' });
    await picker.fill('kepolisian');
    await forward.getByRole('option', { name: 'Kepolisian Negara Republik Indonesia' }).click();
    await forward
      .getByLabel('Arahan untuk Kepolisian Negara Republik Indonesia')
      .fill('Pengadu menyatakan uang belum diterima: mohon bukti pengembalian.');
    await picker.fill('pln');
    await forward.getByRole('option', { name: 'PT PLN (Persero)' }).click();
    await mainScreen(page, 'track-16-central-reforward');
    await forward.getByRole('button', { name: 'Teruskan' }).click();
    await expect.poll(() => page.locator('p.meta').innerText()).not.toContain('Dibuka kembali');
    const view = await http.get(`/v1/cases/${answered.id}`, {
      token: await users(pantau.url)('setneg', 'central_officer'),
    });
    expect(
      view.body.assignments.map((a: { agencyId: string; generation: number }) => [
        a.agencyId,
        a.generation,
      ]),
    ).toEqual([
      ['pln', 2],
      ['polri', 2],
    ]);
    await signOut();

    // The complainant sees it forwarded again.
    await track(answered.code);
    await expect
      .poll(() => tab.getByRole('heading', { name: /^Status/ }).innerText())
      .toContain('Diteruskan');
  });
});
