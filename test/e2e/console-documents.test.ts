/// <reference lib="dom" />
/**
 * Documents in the console (issue 15), in a real browser against the embedded runtime: a
 * central officer registers a complaint that came as a letter, gets its agenda number and the
 * walk-in receipt as a PDF, uploads a scanned letter (start, POST the form, complete), sees it
 * on the case page and downloads it back; a case that came by e-mail with a follow-up lists
 * both `.eml` files by what they are, their buttons whole, and the follow-up's text on the
 * timeline keeps its lines, folded; the register shows the agenda number; an admin opens
 * the documents settings. Each screen passes axe (WCAG 2.1 A/AA). Screenshots:
 * test-results/screenshots.
 */
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { freePort } from '@pantau/local';
import { pdfText } from '../../packages/documents/test/read-back.ts';
import {
  demoUser,
  openBrowser,
  mainScreen,
  signInAs as signInAs_,
  type TestBrowser,
} from '../support/browser.ts';
import { SMALL_PDF } from '../support/documents.ts';
import { api, type Json, type RunningPantau, startPantau, users } from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;
let page: Page;
const SUBJECT = 'Bantuan sosial tidak tersalurkan';
const AGENDA = /^\d+\/DUMAS\/[IVX]+\/\d{4}$/;
let caseUrl = '';
let agendaNumber = '';
let smtpPort: number;

const signInAs = (name: RegExp) => signInAs_(page, pantau.url, name);

/** Clicks `button` and returns what the browser downloaded. */
async function downloaded(click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

beforeAll(async () => {
  // The SMTP listener too: a case that came by e-mail lists its .eml files.
  smtpPort = await freePort();
  pantau = await startPantau({ env: { PANTAU_SMTP_PORT: String(smtpPort) } });
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
    await signInAs(demoUser('setneg', 'central_officer'));
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

  it('lists a mail’s .eml files by name, their buttons whole, and a follow-up’s text as written', async () => {
    const send = (mail: {
      subject: string;
      messageId: string;
      inReplyTo?: string;
      text: string;
      attachments?: { filename: string; content: Buffer }[];
    }) =>
      nodemailer
        .createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true })
        .sendMail({
          from: 'Siti <siti.rahma@warga.example.id>',
          to: 'pengaduan@setneg.go.id',
          ...mail,
        });
    await send({
      subject: 'Jalan rusak di Desa Sukamaju',
      messageId: '<jalan-1@warga.example.id>',
      text: 'Jalan utama desa rusak berat sejak Januari.',
      attachments: [{ filename: 'kuitansi.pdf', content: Buffer.from(SMALL_PDF) }],
    });
    // The walk's reply: news, a signature, the receipt quoted below it; long enough to fold.
    const news = 'Kemarin ada pengendara motor yang jatuh di lubang depan sekolah. '.repeat(12);
    await send({
      subject: 'Re: Jalan rusak di Desa Sukamaju',
      messageId: '<jalan-2@warga.example.id>',
      inReplyTo: '<jalan-1@warga.example.id>',
      text: `Terima kasih.\n\n${news}\n\nSiti\n\n> Pengaduan Anda telah diterima`,
    });
    const central = await users(pantau.url)('setneg', 'central_officer');
    const listed = await api(pantau.url).get('/v1/cases?status=received&limit=100', {
      token: central,
    });
    const mailCase = (listed.body.items as Json[]).find(
      (c) => c.subject === 'Jalan rusak di Desa Sukamaju',
    );
    await page.goto(`${pantau.url}/cases/${mailCase!.id}`);
    const attachments = page.locator('section').filter({
      has: page.getByRole('heading', { name: 'Lampiran', exact: true }),
    });
    const row = (name: string) => attachments.locator('li').filter({ hasText: name });
    await expect.poll(() => row('surel-lanjutan.eml').count()).toBe(1);
    await mainScreen(page, 'documents-06-mail-files');
    // Each "Unduh" is one line of text, as the PDF's is (at 1280 px the long note beside an
    // .eml's squeezed it to "Und/uh": body's overflow-wrap: anywhere let it break anywhere).
    const lines = (button: Locator) =>
      button.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
      });
    const pdf = row('kuitansi.pdf').getByRole('button', { name: 'Unduh kuitansi.pdf' });
    for (const name of ['surel-asli.eml', 'surel-lanjutan.eml']) {
      const button = row(name).getByRole('button', { name: `Unduh ${name}` });
      expect(await lines(button), name).toBe(1);
      expect((await button.boundingBox())!.height, name).toBe((await pdf.boundingBox())!.height);
    }
    // The follow-up's own message is called one.
    expect(await row('surel-asli.eml').innerText()).toContain('Surel asli ·');
    expect(await row('surel-lanjutan.eml').innerText()).toContain('Surel lanjutan ·');

    // Its text on the timeline: lines kept, folded to its first part, the rest a click away.
    const timeline = page.locator('section').filter({
      has: page.getByRole('heading', { name: 'Riwayat', exact: true }),
    });
    const entry = timeline.locator('li').filter({ hasText: 'Surel lanjutan dari pengadu' });
    const text = entry.locator('.prose');
    await expect.poll(() => text.innerText()).toMatch(/^Terima kasih\.\n\nKemarin/);
    expect(await text.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    expect(await text.innerText()).not.toContain('Pengaduan Anda telah diterima');
    await entry.getByRole('button', { name: 'Tampilkan selengkapnya' }).click();
    expect(await text.innerText()).toContain('Siti\n\n> Pengaduan Anda telah diterima');
  });

  it('shows the agenda number in the register', async () => {
    await page.goto(`${pantau.url}/cases`);
    const row = page.locator('tr').filter({ hasText: SUBJECT });
    await expect.poll(() => row.innerText()).toContain(agendaNumber);
    await mainScreen(page, 'documents-04-register');
    expect(caseUrl).toContain('/cases/');
  });

  it('lets an admin set the agenda pattern, letterhead and signatory', async () => {
    await signInAs(demoUser('setneg', 'central_admin'));
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
