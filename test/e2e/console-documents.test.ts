/// <reference lib="dom" />
/**
 * Documents in the console (issue 15), in a real browser against the embedded runtime: a
 * central officer registers a complaint that came as a letter, gets its agenda number and the
 * walk-in receipt as a PDF, uploads a scanned letter (start, POST the form, complete), sees it
 * on the case page and downloads it back; the register shows the agenda number; an admin opens
 * the documents settings. Each screen passes axe (WCAG 2.1 A/AA). Screenshots:
 * test-results/screenshots.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfText } from '../../packages/documents/test/read-back.ts';
import {
  openBrowser,
  mainScreen,
  signInAs as signInAs_,
  type TestBrowser,
} from '../support/browser.ts';
import { SMALL_PDF } from '../support/documents.ts';
import { type RunningPantau, startPantau } from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;
let page: Page;
const SUBJECT = 'Bantuan sosial tidak tersalurkan';
const AGENDA = /^\d+\/DUMAS\/[IVX]+\/\d{4}$/;
let caseUrl = '';
let agendaNumber = '';

const signInAs = (name: RegExp) => signInAs_(page, pantau.url, name);

/** Clicks `button` and returns what the browser downloaded. */
async function downloaded(click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

beforeAll(async () => {
  pantau = await startPantau();
  browser = await openBrowser();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('documents in the console', () => {
  it('registers a complaint received by letter, with the letter’s number, date and sender', async () => {
    await signInAs(/^Petugas setneg/);
    await page.goto(`${pantau.url}/cases/new`);
    await page.getByLabel('Nomor surat').fill('045/RT-03/III/2026');
    await page.getByLabel('Tanggal surat').fill('2026-03-10');
    await page.getByLabel('Pengirim').fill('Ketua RT 03 Desa Sukamaju');
    await page.getByLabel(/^Nama/).fill('Siti Rahmawati');
    await page.getByLabel(/^Perihal/).fill(SUBJECT);
    await page.getByLabel(/^Uraian pengaduan/).fill('Bantuan sosial tahap dua belum diterima.');
    await mainScreen(page, 'documents-01-register-letter');
    await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
    await page.waitForURL((u) => /^\/cases\/[0-9A-Z]{26}$/.test(u.pathname));
    caseUrl = page.url().replace(/\?.*$/, '');

    // The registration names the agenda number, and the header keeps it.
    const notice = page.getByRole('status').filter({ hasText: 'nomor agenda' });
    agendaNumber = (await notice.innerText()).match(/(\d+\/DUMAS\/[IVX]+\/\d{4})/)![1]!;
    expect(agendaNumber).toMatch(AGENDA);
    await expect
      .poll(() => page.locator('p.meta').innerText())
      .toContain(`Nomor agenda: ${agendaNumber}`);
    await expect
      .poll(() => page.locator('#complaint').locator('..').innerText())
      .toContain('045/RT-03/III/2026');
    await mainScreen(page, 'documents-02-registered');
  });

  it('prints the walk-in receipt: a PDF with the agenda number and the tracking code', async () => {
    const receipt = await downloaded(() =>
      page.getByRole('button', { name: 'Cetak tanda terima (PDF)' }).click(),
    );
    expect(receipt.name).toMatch(/^tanda-terima-.+\.pdf$/);
    const text = await pdfText(receipt.bytes);
    expect(text).toContain(agendaNumber);
    expect(text).toContain(SUBJECT);
    expect(text).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}/);
  });

  it('uploads a scanned letter, shows it on the case page, and downloads the same bytes', async () => {
    const attachments = page.locator('section').filter({
      has: page.getByRole('heading', { name: 'Lampiran', exact: true }),
    });
    await attachments.getByLabel(/^Berkas/).setInputFiles({
      name: 'surat-pengaduan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(SMALL_PDF),
    });
    await attachments.getByRole('button', { name: 'Unggah', exact: true }).click();
    await attachments.getByText('Lampiran surat-pengaduan.pdf tersimpan.').waitFor();
    const item = attachments.locator('li').filter({ hasText: 'surat-pengaduan.pdf' });
    await expect.poll(() => item.innerText()).toContain('Tersedia');
    // What kind of file and who uploaded it, as people say it: "PDF", the unit's name.
    await expect.poll(() => item.innerText()).toContain('PDF · ');
    expect(await item.innerText()).not.toMatch(/application\/pdf|oleh setneg/);
    expect(await item.innerText()).toContain('Diunggah oleh Kementerian Sekretariat Negara');
    // Central sees who may read it, and may change it.
    expect(await item.getByLabel('Ubah visibilitas surat-pengaduan.pdf').inputValue()).toBe(
      'agencies',
    );
    await mainScreen(page, 'documents-03-attachment');

    const file = await downloaded(() =>
      item.getByRole('button', { name: 'Unduh surat-pengaduan.pdf' }).click(),
    );
    expect(file.name).toBe('surat-pengaduan.pdf');
    expect(file.bytes).toEqual(SMALL_PDF);

    // Central only: the choice is kept (the page reloads it from the API).
    await item.getByLabel('Ubah visibilitas surat-pengaduan.pdf').selectOption('central');
    await page.reload();
    await expect
      .poll(() =>
        page
          .locator('li')
          .filter({ hasText: 'surat-pengaduan.pdf' })
          .getByLabel('Ubah visibilitas surat-pengaduan.pdf')
          .inputValue(),
      )
      .toBe('central');
  });

  it('refuses a “.pdf” that is a program, and says why in a sentence, not in MIME types', async () => {
    await page.goto(caseUrl);
    const attachments = page.locator('section').filter({
      has: page.getByRole('heading', { name: 'Lampiran', exact: true }),
    });
    await attachments.getByLabel(/^Berkas/).setInputFiles({
      name: 'bukan-surat.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]), // a Windows program
    });
    await attachments.getByRole('button', { name: 'Unggah', exact: true }).click();
    const item = attachments.locator('li').filter({ hasText: 'bukan-surat.pdf' });
    await expect.poll(() => item.innerText()).toContain('Ditolak');
    expect(await item.innerText()).toContain('isinya bukan PDF, JPEG, PNG, atau Word (DOCX)');
    expect(await item.innerText()).not.toMatch(/application\/|x-msdownload|the content is/);
  });

  it('shows the agenda number in the register', async () => {
    await page.goto(`${pantau.url}/cases`);
    const row = page.locator('tr').filter({ hasText: SUBJECT });
    await expect.poll(() => row.innerText()).toContain(agendaNumber);
    await mainScreen(page, 'documents-04-register');
    expect(caseUrl).toContain('/cases/');
  });

  it('lets an admin set the agenda pattern, letterhead and signatory', async () => {
    await signInAs(/^Admin setneg/);
    await page.getByRole('link', { name: 'Dokumen' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/documents');
    const pattern = page.getByLabel(/^Pola nomor agenda/);
    expect(await pattern.inputValue()).toBe('{seq}/DUMAS/{month-roman}/{year}');
    await pattern.fill('{seq}/PENGADUAN/{year}');
    await page.getByLabel(/^NIP/).fill('1970 0101 1995 03 1 001');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    // A malformed NIP is named at its field, in Indonesian.
    await expect.poll(() => page.getByLabel(/^NIP/).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/^NIP/).fill('197001011995031001');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect.poll(() => page.getByLabel(/^NIP/).getAttribute('aria-invalid')).toBeNull();
    // Saved: a fresh page reads it back from the API.
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByLabel(/^Pola nomor agenda/).inputValue();
      })
      .toBe('{seq}/PENGADUAN/{year}');
    await mainScreen(page, 'documents-05-settings');
  });
});
