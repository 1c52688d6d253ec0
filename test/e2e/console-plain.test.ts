/// <reference lib="dom" />
/**
 * The console as people read it and hold it (issue 14): names instead of codes, sentences
 * instead of zod's texts, dates in the agency's own zone, the error summary taking focus after a
 * failed submit (at the bottom of a long page too), actions not possible said and disabled, a
 * phone-sized screen without horizontal scrolling, a case opened in a new tab still signed in,
 * and every main screen checked in English as in Indonesian for leaked text (zod's words, a
 * regex, a raw id) and with axe (WCAG 2.2 AA). Screenshots: test-results/screenshots/2x-*.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  demoUser,
  action,
  fitsWidth,
  openBrowser,
  mainScreen,
  phoneContext,
  openAction,
  plainText,
  screenshot,
  signInAs,
  type TestBrowser,
} from '../support/browser.ts';
import { api, forwardedCase, type RunningPantau, startPantau, users } from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;
let wide: BrowserContext;
let page: Page;
/** A subject of 200 characters without a space: it must wrap, not widen the page. */
const LONG_WORD = `Pungutan${'x'.repeat(192)}`;
let caseId = '';
let longCaseId = '';

const heading = (p: Page) => p.getByRole('heading', { level: 1 }).innerText();

beforeAll(async () => {
  pantau = await startPantau();
  browser = await openBrowser();
  wide = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  page = await wide.newPage();
  page.setDefaultTimeout(15_000);
  const http = api(pantau.url);
  const central = await users(pantau.url)('setneg', 'central_officer');
  // Forwarded to Bali's provincial government, which works in WITA.
  caseId = (
    await forwardedCase(http, central, ['pemprov-bali'], {
      body: { subject: 'Izin usaha ditahan tanpa alasan' },
    })
  ).id;
  longCaseId = (await forwardedCase(http, central, ['polri'], { body: { subject: LONG_WORD } })).id;
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('the console in plain words', () => {
  it('a failed submit puts focus on the error summary, in sentences naming the fields, in both languages', async () => {
    await signInAs(page, pantau.url, demoUser('setneg', 'central_officer'));
    await page.goto(`${pantau.url}/cases/new`);
    await expect.poll(() => heading(page)).toBe('Catat pengaduan');
    await page.getByLabel('NIK').fill('5171');
    await page.getByLabel('Telepon').fill('12345');
    await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
    const summary = page.locator('.form-feedback');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('form-feedback');
    const text = await summary.innerText();
    expect(text).toContain('Nama wajib diisi.');
    expect(text).toContain('NIK terdiri dari 16 angka.');
    expect(text).toMatch(/Telepon bukan nomor telepon yang benar/);
    await plainText(page, '20-register-errors');
    await screenshot(page, '20-register-errors');
    // A link in the summary leads to its field.
    await summary.getByRole('link', { name: 'Nama wajib diisi.' }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
      'complainant.name',
    );
    // The same errors reworded when the language changes.
    await page.getByLabel('Bahasa').selectOption('en');
    await expect.poll(() => summary.innerText()).toContain('Name is required.');
    expect(await summary.innerText()).toContain('NIK (ID number) is 16 digits.');
    await plainText(page, '20-register-errors-en');
    await page.getByLabel('Language').selectOption('id');
  });

  it('on the long policy page the summary at the top takes focus when the button at the bottom fails', async () => {
    await signInAs(page, pantau.url, demoUser('setneg', 'central_admin'));
    await page.goto(`${pantau.url}/admin/policies`);
    await expect.poll(() => heading(page)).toBe('Kebijakan SLA dan tahapan eskalasi');
    // The ladder's steps are named in words, not by their codes.
    await page.getByText('Langkah 4 — Surat penegasan').waitFor();
    const offset = page.getByLabel(/^Selisih hari kerja/).nth(3);
    await offset.fill('');
    const save = page.getByRole('button', { name: 'Simpan' }).first();
    await save.scrollIntoViewIfNeeded();
    await save.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('form-feedback');
    // Scrolled to it: the summary is on screen, not below the fold.
    const box = (await page.locator('.form-feedback').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    expect(await page.locator('.form-feedback').innerText()).toContain(
      'Selisih hari kerja wajib diisi.',
    );
    await plainText(page, '21-policy-errors');
    await screenshot(page, '21-policy-errors');
  });

  it('an agency in WITA reads its deadlines in WITA; the count starts on the next working day; "not ours" picks the competent agency by name', async () => {
    await signInAs(page, pantau.url, demoUser('pemprov-bali', 'agency_officer'));
    await page.goto(`${pantau.url}/cases/${caseId}`);
    await expect.poll(() => heading(page)).toBe('Izin usaha ditahan tanpa alasan');
    const deadlines = page.locator('.deadlines');
    await expect
      .poll(() => deadlines.innerText())
      .toContain('Waktu WITA; dihitung dalam hari kerja.');
    expect(await deadlines.innerText()).not.toContain('Asia/'); // a zone by its name, not its id
    // The end of a working day in Bali, said in Bali's time.
    expect(await deadlines.locator('.targets').innerText()).toMatch(/23\.59 WITA/);
    expect(await deadlines.locator('.targets').innerText()).not.toContain('WIB');
    await page.getByText('Bagaimana dihitung').first().click();
    await page
      .getByText(/^Dihitung sejak .+; hitungan dimulai pada hari kerja berikutnya\.$/)
      .first()
      .waitFor();

    // The extension form: a request pending disables it, with the reason.
    const extension = action(page, 'Minta perpanjangan waktu');
    await openAction(extension);
    await extension.getByLabel('Tambahan hari kerja').fill('5');
    await extension.getByLabel('Alasan').fill('Menunggu hasil pemeriksaan inspektorat.');
    await extension.getByRole('button', { name: 'Kirim' }).click();
    // Focus goes to what happened, not to <body>.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Minta perpanjangan waktu: Tersimpan.');
    await openAction(extension);
    await expect
      .poll(() => extension.innerText())
      .toContain('Permintaan perpanjangan 5 hari kerja masih menunggu keputusan pusat.');
    expect(await extension.getByRole('button', { name: 'Kirim' }).isDisabled()).toBe(true);

    // "Not ours": the competent agency is found by name.
    const redirect = action(page, 'Bukan kewenangan kami');
    await openAction(redirect);
    await redirect
      .getByLabel('Alasan')
      .fill('Perizinan usaha adalah kewenangan kantor pertanahan.');
    await redirect.getByRole('combobox', { name: 'Instansi yang berwenang' }).fill('sulawesi');
    await page.getByRole('option', { name: /Sulawesi Selatan/ }).click();
    await expect
      .poll(() => redirect.locator('.chosen strong').innerText())
      .toBe('Kantor Wilayah BPN Provinsi Sulawesi Selatan');
    await mainScreen(page, '22-agency-wita-case');
    await redirect.getByRole('button', { name: 'Kirim' }).click();
    // It ends the assignment: asked first, in words, and sent on the confirmation's own button.
    const ask = redirect.getByRole('alertdialog');
    await expect
      .poll(() => ask.innerText())
      .toContain('dikembalikan ke Asdep Pengaduan Masyarakat');
    await mainScreen(page, '22-agency-redirect-confirm');
    await ask.getByRole('button', { name: 'Ya, kembalikan penugasan' }).click();
    await expect
      .poll(() => page.locator('.timeline').innerText())
      .toContain('Disarankan: Kantor Wilayah BPN Provinsi Sulawesi Selatan');
    await plainText(page, '22-agency-redirected');
  });

  it('central reads names, not codes, and the timeline says what changed; a new tab stays signed in', async () => {
    await signInAs(page, pantau.url, demoUser('setneg', 'central_officer'));
    await page.goto(`${pantau.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: /Penugasan: Pemerintah Provinsi Bali/ }).waitFor();
    const timeline = page.locator('.timeline');
    await expect.poll(() => timeline.innerText()).toContain('Status: Terverifikasi → Diteruskan');
    expect(await timeline.innerText()).toContain('5 hari kerja');
    // The redirect's suggestion comes first in the re-forward picker.
    const reforward = action(page, 'Teruskan (ulang) ke instansi');
    await openAction(reforward);
    await reforward.getByRole('combobox').focus();
    await expect
      .poll(() => reforward.getByRole('option').first().innerText())
      .toMatch(/Sulawesi Selatan.*disarankan/s);
    await mainScreen(page, '23-central-case-names');

    // Opened in a new tab (a middle click, a link in a letter): still signed in.
    const tab = await wide.newPage();
    await tab.goto(`${pantau.url}/cases/${caseId}`);
    await expect.poll(() => heading(tab)).toBe('Izin usaha ditahan tanpa alasan');
    expect(new URL(tab.url()).pathname).toBe(`/cases/${caseId}`);
    await tab.close();
  });

  it('on a 390 px screen the main pages fit without scrolling sideways, even with a 200-character word', async () => {
    const phone = await phoneContext(browser);
    const p = await phone.newPage();
    p.setDefaultTimeout(15_000);
    await signInAs(p, pantau.url, demoUser('setneg', 'central_officer'));
    const screens: [string, string, string][] = [
      ['/desk', 'Meja kerja hari ini', '24-phone-desk'],
      ['/cases', 'Daftar pengaduan', '24-phone-register'],
      ['/cases/new', 'Catat pengaduan', '24-phone-register-new'],
      [`/cases/${longCaseId}`, LONG_WORD, '24-phone-case'],
      ['/letters', 'Log surat dan notifikasi', '24-phone-letters'],
      ['/assignments', 'Penugasan instansi', '24-phone-worklist'],
      ['/stats', 'Statistik kinerja instansi', '24-phone-stats'],
    ];
    for (const [path, title, name] of screens) {
      await p.goto(`${pantau.url}${path}`);
      await expect.poll(() => heading(p)).toBe(title);
      await p
        .locator('main')
        .getByText('Memuat…')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => {});
      expect(await fitsWidth(p), name).toBe(true);
      await mainScreen(p, name);
    }
    // The chart keeps its names readable on a phone (it scrolls sideways, as the table does):
    // shrunk to the screen, they were 7 px high.
    const label = p.locator('svg .chart-label tspan').first();
    await label.waitFor();
    expect(await label.evaluate((t) => t.getBoundingClientRect().height)).toBeGreaterThanOrEqual(
      11,
    );
    await signInAs(p, pantau.url, demoUser('polri', 'agency_officer'));
    await expect.poll(() => heading(p)).toBe('Antrean pengaduan');
    await p.getByRole('link', { name: LONG_WORD }).waitFor();
    expect(await fitsWidth(p), 'queue').toBe(true);
    // The queue is a list of cards on a phone: the column names sit beside each value.
    await mainScreen(p, '24-phone-queue');
    await p.getByRole('link', { name: LONG_WORD }).click();
    await expect.poll(() => heading(p)).toBe(LONG_WORD);
    expect(await fitsWidth(p), 'agency case').toBe(true);
    await mainScreen(p, '24-phone-agency-case');
    await phone.close();
  });

  it('every main screen in English: no leaked text, no WCAG 2.2 AA violation', async () => {
    const english = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Asia/Jakarta',
    });
    const p = await english.newPage();
    p.setDefaultTimeout(15_000);
    await p.goto(`${pantau.url}/track`);
    await p.evaluate(() => localStorage.setItem('pantau.lang', 'en'));
    await signInAs(p, pantau.url, demoUser('setneg', 'central_officer'));
    for (const [path, title, name] of [
      ['/desk', 'Today’s desk', '25-en-desk'],
      ['/cases', 'Complaints', '25-en-register'],
      [`/cases/${caseId}`, 'Izin usaha ditahan tanpa alasan', '25-en-case'],
      ['/letters', 'Letters and notifications log', '25-en-letters'],
      ['/assignments', 'Agencies’ assignments', '25-en-worklist'],
      ['/stats', 'Agency performance', '25-en-stats'],
    ] as const) {
      await p.goto(`${pantau.url}${path}`);
      await expect.poll(() => heading(p)).toBe(title);
      await mainScreen(p, name);
    }
    await signInAs(p, pantau.url, demoUser('pemprov-bali', 'agency_officer'));
    await expect.poll(() => heading(p)).toBe('Complaint queue');
    await mainScreen(p, '25-en-queue');
    await p.goto(`${pantau.url}/cases/${caseId}`);
    await expect.poll(() => heading(p)).toBe('Izin usaha ditahan tanpa alasan');
    await p
      .getByText(/Counted from|How was this computed/)
      .first()
      .waitFor();
    await mainScreen(p, '25-en-agency-case');
    await english.close();
  });
});
