/// <reference lib="dom" />
/**
 * The complainant's whole path on a phone (390 × 844, touch, Indonesian), with the device in
 * Jayapura (WIT), the zone furthest from the server's: the public form with a hidden identity, an Indonesian
 * name with an emoji and a PDF, the receipt, the tracking page fed the code in lower case with
 * spaces, central asking for what is missing and forwarding, the agency's answer, and an
 * unsatisfied reply. Every date in the device's zone with the zone named, nothing wider than the
 * screen, and the code in no URL, Referer, storage or log line. Screenshots: phone-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { LEAKED_TEXT, openBrowser, screenshot, type TestBrowser } from '../support/browser.ts';
import { SMALL_PDF } from '../support/documents.ts';
import { api, type Json, type RunningPantau, startPantau, users } from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;

beforeAll(async () => {
  pantau = await startPantau({ env: { PANTAU_POW_MAX_COUNTER: '40' } });
  browser = await openBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

/** A phone in `timezoneId`, and every request it makes (URL, Referer). */
async function phone(timezoneId: string) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'id-ID',
    timezoneId,
    isMobile: true,
    hasTouch: true,
  });
  const requests: { url: string; referer: string }[] = [];
  context.on('request', (r) => requests.push({ url: r.url(), referer: r.headers().referer ?? '' }));
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { page, requests };
}

/** What the person reads fits the screen, names no raw id, and each time carries `zone`. */
async function readable(page: Page, zone: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const text = await page.locator('main').innerText();
  expect(text.match(LEAKED_TEXT)?.[0], text).toBeUndefined();
  // Each time of day (`23.59`, not `10.000` characters) is followed by the device's zone.
  for (const time of text.match(/(?<![\d.])\d{2}\.\d{2}(?![\d.])(?: \w+)?/g) ?? [])
    expect(time, text).toBe(`${time.slice(0, 5)} ${zone}`);
  return text;
}

const ZONES = [
  ['Asia/Jayapura', 'WIT', 'pemkot-jayapura', 'Pemerintah Kota Jayapura'],
  // The same walk in Makassar (WITA) found nothing more in its audit (session 27), at 20 s more.
] as const;

describe.each(ZONES)('a complainant on a phone in %s', (timeZone, zone, agencyId, agencyName) => {
  const sent = { code: '', receipt: '', caseId: '', agenda: '' };

  it('sends a complaint, follows it to the agency’s answer and replies, the code never in a URL', async () => {
    const { page, requests } = await phone(timeZone);
    const http = api(pantau.url);
    const as = users(pantau.url);
    const central = await as('setneg', 'central_officer');

    await page.goto(`${pantau.url}/adukan`);
    await page.getByLabel(/^Nama/).fill('Ni Luh Putu Ayu Sukmawati 🌺');
    await page.getByLabel(/^Rahasiakan identitas/).check();
    const subject = `Jalan berlubang 🚧 di ${zone}`;
    await page.getByLabel(/^Perihal/).fill(subject);
    await page.getByLabel(/^Uraian/).fill('Lubang besar di depan pasar sejak Januari 🙏.');
    await page.getByLabel('Lampiran (tidak wajib)').setInputFiles({
      name: 'foto-jalan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(SMALL_PDF),
    });
    const proof = page.locator('input[name="altcha"]');
    await expect.poll(() => proof.inputValue(), { timeout: 15_000 }).not.toBe('');
    await readable(page, zone);
    await page.getByRole('button', { name: 'Kirim pengaduan' }).tap();
    await page.getByRole('heading', { name: 'Pengaduan diterima' }).waitFor();
    await screenshot(page, `phone-receipt-${zone}`);
    await readable(page, zone);
    sent.code = (await page.locator('.tracking-code code').textContent())!.trim();
    sent.receipt = await page.locator('pre.receipt').innerText();
    expect(sent.receipt).toMatch(new RegExp(`Diterima: .* pukul \\d{2}\\.\\d{2} ${zone}\\n`));
    // Nothing of it kept where the next person on a shared phone would find it.
    expect(page.url()).toBe(`${pantau.url}/adukan`);
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
    );
    expect(stored).not.toContain(sent.code);

    const list = await http.get('/v1/cases?status=received&limit=100', { token: central });
    const mine = (list.body.items as Json[]).find((c) => c.trackingCode === sent.code);
    expect(mine).toMatchObject({ channel: 'web', subject, identityHidden: true });
    sent.caseId = mine.id;
    sent.agenda = mine.agendaNumber;

    // Printed ("Cetak tanda terima"), the receipt alone: no header, menu or button, black on
    // white, its code, agenda number, date and subject all there.
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, `phone-receipt-print-${zone}`);
    const printed = await page.evaluate(() => {
      const seen = Array.from(document.querySelectorAll('*')).filter((e) => e.checkVisibility());
      return {
        chrome: seen.filter((e) => e.matches('header, nav, button, select, .skip')).length,
        ink: [...new Set(seen.map((e) => getComputedStyle(e).color))],
        // Any background but white (or none) is ink on paper.
        paper: [...new Set(seen.map((e) => getComputedStyle(e).backgroundColor))].filter(
          (c) => c !== 'rgb(255, 255, 255)' && c !== 'rgba(0, 0, 0, 0)',
        ),
        text: document.body.innerText,
      };
    });
    await page.emulateMedia({ media: null });
    expect({
      ...printed,
      text: [sent.code, sent.agenda, subject, 'Diterima:'].filter((s) => !printed.text.includes(s)),
    }).toEqual({
      chrome: 0,
      ink: ['rgb(0, 0, 0)'],
      paper: [],
      text: [],
    });

    // The tracking page, the code typed as people do: lower case, spaces for dashes.
    await page.getByRole('link', { name: 'Lacak pengaduan ini' }).tap();
    await page.getByLabel('Kode lacak').fill(` ${sent.code.toLowerCase().replaceAll('-', ' ')} `);
    const find = page.getByRole('button', { name: 'Lacak' });
    await find.tap();
    const status = page.getByRole('heading', { name: /^Status/ });
    await expect.poll(() => status.innerText()).toContain('Diterima');
    await readable(page, zone);

    // Central asks for what is missing: the page says what, where, and which number to quote.
    const missing = 'Foto lubang dari dekat dan alamat pasar.';
    const asked = await http.post(
      `/v1/cases/${sent.caseId}/verification`,
      { decision: 'needs_info', missing },
      { token: central },
    );
    expect(asked.status, asked.text).toBe(200);
    await find.tap();
    await page.getByRole('region', { name: 'Kelengkapan yang diperlukan' }).waitFor();
    const needs = await readable(page, zone);
    expect(needs).toContain(missing);
    expect(needs).toContain(sent.agenda);
    await screenshot(page, `phone-needs-info-${zone}`);

    // It arrives; central accepts and forwards; the agency answers.
    for (const [path, body] of [
      ['verification', { decision: 'accept', type: 'light' }],
      ['assignments', { assignments: [{ agencyId }] }],
    ] as const) {
      const res = await http.post(`/v1/cases/${sent.caseId}/${path}`, body, { token: central });
      expect(res.status, res.text).toBeLessThan(300);
    }
    const answer = 'Lubang sudah ditambal pada hari Senin.';
    const answered = await http.post(
      `/v1/cases/${sent.caseId}/assignments/${agencyId}/responses`,
      { kind: 'final', message: answer },
      { token: await as(agencyId, 'agency_officer') },
    );
    expect(answered.status, answered.text).toBe(200);
    await find.tap();
    await expect.poll(() => status.innerText()).toContain('Selesai');
    const done = await readable(page, zone);
    expect(done).toContain(agencyName);
    expect(done).toContain(answer);
    await screenshot(page, `phone-answered-${zone}`);

    // Not satisfied, with a rating and a message: the complaint is reopened.
    await page.getByLabel('Tidak puas').check();
    await page.getByLabel('2', { exact: true }).check();
    await page.getByLabel(/^Pesan/).fill('Baru separuh lubang yang ditambal 😞.');
    await page.getByRole('button', { name: 'Kirim tanggapan' }).tap();
    await page.getByText('Terima kasih, tanggapan Anda sudah kami terima.').waitFor();
    await expect.poll(() => status.innerText()).toContain('Dibuka kembali');
    await readable(page, zone);

    const forms = [sent.code, sent.code.replaceAll('-', ''), sent.code.toLowerCase()];
    for (const r of requests)
      for (const form of forms) {
        expect(r.url).not.toContain(form);
        expect(r.referer).not.toContain(form);
      }
    const log = pantau.output().toUpperCase();
    for (const form of forms) expect(log).not.toContain(form.toUpperCase());
    await page.context().close();
  });

  it('the receipt gives the agenda number the tracking page asks to quote', async () => {
    expect(sent.agenda, 'the walk above ran first').toMatch(/DUMAS/);
    // The tracking page: "…dengan menyebutkan nomor agenda pada tanda terima Anda…", the way to
    // ask, send what is missing or withdraw: the receipt must carry it.
    expect(sent.receipt).toContain(`Nomor agenda: ${sent.agenda}`);
  });
});

describe('the tracking page when the gateway throttles', () => {
  it('says to wait, not to reload, on API Gateway’s bare 429', async () => {
    const { page } = await phone('Asia/Makassar');
    // API Gateway's own throttle on the tracking routes (README, Security): no problem body.
    await page.route('**/v1/track', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: '{"message":"Too Many Requests"}',
      }),
    );
    await page.goto(`${pantau.url}/track`);
    await page.getByLabel('Kode lacak').fill('7QX2-M9KD-4HZ8R');
    await page.getByRole('button', { name: 'Lacak' }).tap();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await screenshot(page, 'phone-track-throttled');
    expect(await alert.innerText()).toContain(
      'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar, lalu coba lagi.',
    );
    await page.context().close();
  });
});
