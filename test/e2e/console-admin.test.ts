/// <reference lib="dom" />
/**
 * The central admin's pages in a real browser against the embedded runtime (audit of session
 * 27): the agencies page fits a phone; the ladder's steps and the contacts' kinds read as names
 * in Indonesian (audit of the admin's day); an agenda-number pattern that would repeat each
 * year, or read as a date in a spreadsheet, is refused at its field. (The audit's walks through
 * a cuti bersama, a time-zone correction, the last liaison and a stale save found them sound;
 * they are covered elsewhere and were not kept.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  demoUser,
  fitsWidth,
  openBrowser,
  phoneContext,
  plainText,
  screenshot,
  signInAs,
  type TestBrowser,
} from '../support/browser.ts';
import {
  api,
  type Api,
  expectInvalid,
  type RunningPantau,
  startPantau,
  users,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;
let page: Page;
let http: Api;
let admin: string;

beforeAll(async () => {
  pantau = await startPantau({
    env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: '2026-03-16T03:00:00.000Z' },
  });
  http = api(pantau.url);
  const as = users(pantau.url);
  admin = await as('setneg', 'central_admin');
  browser = await openBrowser();
  page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  page.setDefaultTimeout(15_000);
  await signInAs(page, pantau.url, demoUser('setneg', 'central_admin'));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('the central admin’s pages', () => {
  it('fits the agencies directory on a 390 px phone', async () => {
    const phone = await (await phoneContext(browser)).newPage();
    phone.setDefaultTimeout(15_000);
    await signInAs(phone, pantau.url, demoUser('setneg', 'central_admin'));
    await phone.goto(`${pantau.url}/admin/agencies`);
    await phone.locator('tbody tr').filter({ hasText: 'Kepolisian Negara' }).first().waitFor();
    await screenshot(phone, 'admin-agencies-phone');
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth),
      'the page scrolls sideways',
    ).toBeLessThanOrEqual(390);
    expect(await fitsWidth(phone)).toBe(true);
  });

  it('keeps an agency’s kind whole at 1,280 px ("Lembaga", not "Lembag" over "a")', async () => {
    await page.goto(`${pantau.url}/admin/agencies`);
    const polri = page.locator('tbody tr').filter({ hasText: 'Kepolisian Negara' }).first();
    await polri.waitFor();
    // The kind's cell: one line box for its one word (the body lets text break anywhere).
    const lines = await polri
      .locator('td')
      .nth(2)
      .evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
      });
    expect(lines).toBe(1);
  });

  it('reads the ladder’s steps and the contacts’ kinds by their names, in Indonesian alone', async () => {
    await page.goto(`${pantau.url}/admin/policies`);
    const standard = page.locator('details.action').filter({ hasText: 'Kebijakan standar' });
    await standard.getByText('Langkah 5 — Intervensi pusat').waitFor();
    expect(await standard.locator('fieldset.step > legend').allInnerTexts()).toEqual([
      'Langkah 1 — Peringatan dini',
      'Langkah 2 — Surat pengingat I',
      'Langkah 3 — Surat pengingat II',
      'Langkah 4 — Surat penegasan',
      'Langkah 5 — Intervensi pusat',
    ]);
    // The names the API keys the steps by are in no text and no field.
    const shown = [
      await page.locator('main').innerText(),
      ...(await page
        .locator('main input')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))),
    ];
    expect(
      shown.filter((s) => /\b(warning|reminder_\d|formal_warning|central_intervention)\b/.test(s)),
    ).toEqual([]);
    await plainText(page, 'admin policies');

    await page.goto(`${pantau.url}/admin/agencies`);
    const polri = page.locator('tbody tr').filter({ hasText: 'Kepolisian Negara' }).first();
    await polri.getByText(/^Ubah kontak/).click();
    const kind = polri.getByLabel(/^Jenis kontak/).first();
    expect(await kind.locator('option').allInnerTexts()).toEqual(['Penghubung', 'Pimpinan']);
    expect(await polri.locator('li').filter({ hasText: '@' }).first().innerText()).toMatch(
      / — (Penghubung|Pimpinan)$/,
    );
  });

  it('refuses agenda patterns whose numbers repeat each year or read as a date, at the field', async () => {
    const current = (await http.get('/v1/settings/documents', { token: admin })).body;
    const { updatedAt: _u, version: _v, ...settings } = current;
    for (const pattern of ['{seq}/{month}/{year}', '{seq}-{year}', '{seq}/DUMAS/{month-roman}']) {
      const res = await http.request(
        'PUT',
        '/v1/settings/documents',
        { ...settings, agendaNumberPattern: pattern },
        { token: admin },
      );
      expectInvalid(res, 'agendaNumberPattern');
    }
    // A pattern with a word or a Roman month, and the year, still goes.
    const ok = await http.request(
      'PUT',
      '/v1/settings/documents',
      { ...settings, agendaNumberPattern: '{seq}/{month-roman}/{year}' },
      { token: admin },
    );
    expect(ok.status, ok.text).toBe(200);

    await page.goto(`${pantau.url}/admin/documents`);
    const field = page.getByLabel(/^Pola nomor agenda/);
    await field.fill('{seq}/{month}/{year}');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const said = await page.locator('form').innerText();
    expect(said).toContain('Pola nomor agenda harus memuat penanda nomor urut dan tahun');
    await plainText(page, 'admin documents');
  });
});
