/// <reference lib="dom" />
/**
 * The web console in a real browser (Debian's Chromium) against the embedded runtime: a central
 * officer registers, verifies and forwards a complaint to two agencies; an agency officer finds
 * it in the queue, reads its deadlines and answers; the statistics page shows it; the
 * complainant tracks it and replies. Screenshots of each main screen: test-results/screenshots.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  demoUser,
  openBrowser,
  mainScreen,
  signInAs as signInAs_,
  signOut as signOut_,
  type TestBrowser,
} from '../support/browser.ts';
import { api, type RunningPantau, startPantau, users } from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;
let context: BrowserContext;
let page: Page;
const SUBJECT = 'Sertifikat tanah tidak kunjung terbit';
const COMPLAINANT = 'Siti Rahmawati';
const RESTATED =
  'Sertifikat tanah pemohon belum terbit sejak 2024; petugas loket diduga meminta biaya di luar tarif.';
let caseId = '';
let trackingCode = '';

const signInAs = (name: RegExp) => signInAs_(page, pantau.url, name);
const signOut = () => signOut_(page);

beforeAll(async () => {
  pantau = await startPantau();
  browser = await openBrowser();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('web console', () => {
  it('serves the console at / with the local sign-in, in Indonesian', async () => {
    await page.goto(`${pantau.url}/`);
    await page.waitForURL((u) => u.pathname === '/signin');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Masuk');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await mainScreen(page, '01-sign-in');
  });

  it('works from the keyboard: a skip link first, then sign-in with Tab and Enter', async () => {
    await page.goto(`${pantau.url}/signin`);
    await page.getByRole('button', { name: demoUser('setneg', 'central_officer') }).waitFor();
    // The page's heading takes focus (screen readers announce the page) ...
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // ... and the first thing in tab order is the skip link, shown when focused.
    const first = await page.evaluate(
      () =>
        document.querySelector<HTMLElement>('a[href], button, input, select, textarea')
          ?.textContent,
    );
    expect(first).toBe('Lewati ke konten');
    await page.getByRole('link', { name: 'Lewati ke konten' }).focus();
    expect(
      (await page.getByRole('link', { name: 'Lewati ke konten' }).boundingBox())!.x,
    ).toBeGreaterThanOrEqual(0);
    // From the heading, Tab reaches a demo user; Enter signs in.
    await page.getByRole('heading', { level: 1 }).focus();
    const admin = demoUser('setneg', 'central_admin');
    let focused = '';
    for (let i = 0; i < 12 && !admin.test(focused); i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toMatch(admin);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/desk');
    await signOut();
  });

  it('a central officer registers a complaint (validation first), verifies it and forwards it to two agencies', async () => {
    await signInAs(demoUser('setneg', 'central_officer'));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Meja kerja hari ini');
    await mainScreen(page, '02-central-desk');

    await page.getByRole('link', { name: 'Catat pengaduan baru' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Catat pengaduan');
    // Nothing filled: the API's own schema names the missing fields, nothing is sent.
    await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
    await expect.poll(() => page.getByLabel('Nama').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByLabel('Perihal').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toContain('/cases/new');

    await page.getByLabel('Saluran').selectOption('walk_in');
    await page.getByLabel('Nama').fill(COMPLAINANT);
    await page.getByLabel('NIK').fill('5171034407850002');
    await page.getByLabel('Surel').fill('siti.rahmawati@example.com');
    await page.getByLabel('Rahasiakan identitas dari instansi').check();
    await page.getByLabel('Perihal').fill(SUBJECT);
    await page
      .getByLabel('Uraian pengaduan')
      .fill('Permohonan sertifikat sejak 2024 belum terbit; loket meminta biaya tambahan.');
    await page.getByLabel('Provinsi').fill('Jawa Timur');
    await page.getByRole('button', { name: 'Simpan pengaduan' }).click();
    await page.waitForURL(/\/cases\/[0-9A-Z]{26}(\?registered=1)?$/); // the receipt is offered right after
    caseId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(SUBJECT);
    trackingCode = (await page.locator('p.meta code').textContent())!.trim();
    expect(trackingCode.length).toBeGreaterThan(8);

    await page.getByLabel('Keputusan verifikasi').selectOption('accept');
    await page.getByLabel('Jenis pengaduan').selectOption('normative');
    // The button says the decision (audit s23 #4).
    await page.getByRole('button', { name: 'Terima', exact: true }).click();
    await expect.poll(() => page.locator('p.meta').innerText()).toContain('Terverifikasi');
    await mainScreen(page, '03-case-verified');

    // Agencies are found by name with the picker (it has to work for 600 of them).
    const picker = page.getByRole('combobox', { name: 'Cari dan tambah instansi' });
    await picker.fill('kepolisian');
    await page.getByRole('option', { name: 'Kepolisian Negara Republik Indonesia' }).click();
    await page
      .getByLabel('Arahan untuk Kepolisian Negara Republik Indonesia')
      .fill('Mohon klarifikasi dugaan pungutan liar di loket.');
    // From the keyboard too: type, arrow down, Enter.
    await picker.fill('PLN');
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await page.getByRole('button', { name: 'Hapus PT PLN (Persero)' }).waitFor();
    await page.getByRole('button', { name: 'Teruskan' }).click();
    await page
      .getByRole('heading', { name: /Penugasan: Kepolisian Negara Republik Indonesia/ })
      .waitFor();
    await page.getByRole('heading', { name: /Penugasan: PT PLN/ }).waitFor();
    await expect.poll(() => page.locator('p.meta').innerText()).toContain('Diteruskan');
    // The ladder writes each forwarding letter moments after the forward answered: the case's
    // letters come to list both, without a reload of the page.
    const letters = page.locator('section[aria-labelledby="case-letters"] li');
    await expect.poll(() => letters.filter({ hasText: 'Surat penerusan' }).count()).toBe(2);
    await mainScreen(page, '04-case-forwarded');

    // Restated for the agencies after the forward (the fee is central's to put in words):
    // they read it from now on, and the timeline says so.
    await page.getByText('Rumuskan ulang untuk instansi', { exact: true }).click();
    await page.getByLabel('Uraian untuk instansi', { exact: true }).fill(RESTATED);
    await mainScreen(page, '04b-case-restating');
    await page.getByRole('button', { name: 'Simpan rumusan' }).click();
    await page.getByRole('heading', { name: 'Uraian untuk instansi (dirumuskan pusat)' }).waitFor();
    await page.getByText('Uraian untuk instansi diganti').first().waitFor();
    await signOut();
  });

  it('an agency officer finds it in the queue, reads the deadlines and answers', async () => {
    await signInAs(demoUser('polri', 'agency_officer'));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Antrean pengaduan');
    const row = page.getByRole('row', { name: new RegExp(SUBJECT) });
    await expect.poll(() => row.innerText()).toContain('Menunggu');
    await expect.poll(() => row.innerText()).toContain('WIB');
    await mainScreen(page, '05-agency-queue');

    // Filters: overdue on acknowledgement hides it (it is not overdue yet).
    await page.getByLabel('Lewat tenggat pada').selectOption('acknowledge');
    await page.getByText('Tidak ada data.').waitFor();
    await page.getByLabel('Lewat tenggat pada').selectOption('');
    await row.getByRole('link', { name: SUBJECT }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(SUBJECT);
    // Identity withheld from agencies: the name is nowhere on the page.
    await page.getByText('Identitas pengadu dirahasiakan').waitFor();
    expect(await page.content()).not.toContain(COMPLAINANT);
    await page.getByText('Mohon klarifikasi dugaan pungutan liar di loket.').waitFor();
    // The complaint as central restated it, not as it came.
    await page.getByText(RESTATED).waitFor();
    expect(await page.content()).not.toContain('loket meminta biaya tambahan');
    // The three deadlines, each explained.
    await page.getByText('Konfirmasi penerimaan:').waitFor();
    await page.getByText('Bagaimana dihitung').first().click();
    // The count's start is a calendar date, and the count starts the next working day.
    await page
      .getByText(
        /^Dihitung sejak \w{3}, \d{1,2} \w{3} \d{4}; hitungan dimulai pada hari kerja berikutnya\.$/,
      )
      .first()
      .waitFor();
    await page
      .getByText(/hari kerja \(kebijakan: \d+\)/)
      .first()
      .waitFor();
    await page.getByText('Tahapan eskalasi').waitFor();
    await mainScreen(page, '06-agency-case-deadlines');

    await page.getByRole('button', { name: 'Konfirmasi penerimaan' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Penugasan: Kepolisian/ }).innerText())
      .toContain('Diterima instansi');
    await page.getByText('Kirim tanggapan', { exact: true }).click();
    await page.getByLabel('Jenis tanggapan').selectOption('final');
    await page
      .getByLabel('Isi tanggapan')
      .fill('Petugas loket telah diperiksa Propam; biaya dikembalikan.');
    await page.getByRole('button', { name: 'Kirim' }).first().click();
    // The final one ends the assignment: sent on the confirmation's own button.
    await page.getByRole('button', { name: 'Ya, kirim tindak lanjut akhir' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Penugasan: Kepolisian/ }).innerText())
      .toContain('Tuntas');
    await page.getByRole('list').getByText('Tanggapan instansi').waitFor();
    await signOut();

    // PLN answers too (through the API: the screen is the same one).
    const as = users(pantau.url);
    const res = await api(pantau.url).post(
      `/v1/cases/${caseId}/assignments/pln/responses`,
      { kind: 'final', message: 'Sambungan listrik pemohon sudah dipasang.' },
      { token: await as('pln', 'agency_officer') },
    );
    expect(res.status).toBe(200);
  });

  it('the statistics page shows both agencies’ answers, sortable, in the table and the chart', async () => {
    await signInAs(demoUser('setneg', 'central_officer'));
    await page.getByRole('link', { name: 'Statistik' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Statistik kinerja instansi');
    const polri = page.getByRole('row', { name: /^Kepolisian Negara Republik Indonesia/ });
    // After the agency's name: forwarded, not ours, withdrawn in time, responded.
    await expect.poll(() => polri.getByRole('cell').nth(0).innerText()).toBe('1'); // forwarded
    await expect.poll(() => polri.getByRole('cell').nth(1).innerText()).toBe('0'); // not ours
    await expect.poll(() => polri.getByRole('cell').nth(2).innerText()).toBe('0'); // withdrawn
    await expect.poll(() => polri.getByRole('cell').nth(3).innerText()).toBe('1'); // responded
    await page.getByRole('img', { name: /Tingkat tanggapan/ }).waitFor();
    await page.getByRole('button', { name: 'Instansi' }).click();
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Instansi' }).getAttribute('aria-sort'))
      .toBe('descending');
    await mainScreen(page, '07-statistics');
    // Every column, the rank last, within the page at 1,280 px: no sideways scroll to read it.
    const overflow = await page
      .locator('table.stats')
      .evaluate((t) => t.scrollWidth - t.parentElement!.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Each column heading's words whole: one line box per word, never "Diteru" over "skan".
    for (const name of ['Diteruskan', 'Ditanggapi', 'Tuntas', 'Peringkat']) {
      const lines = await page.getByRole('columnheader', { name }).evaluate((th, word) => {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          if (!walker.currentNode.textContent?.includes(word)) continue;
          const range = document.createRange();
          range.selectNodeContents(walker.currentNode);
          return range.getClientRects().length;
        }
        return 0;
      }, name);
      expect(lines, name).toBe(1);
    }
    // The CSV downloads carry the token (a plain link could not) and hold the same figures.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV statistik' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^pantau-agencies-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync((await download.path())!, 'utf8');
    // Marked as UTF-8, or Excel reads the names' dashes and accents in a legacy code page.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // For people: the agency by its name, as on the page.
    const polriRow = csv.split('\n').find((line) => line.startsWith('Kepolisian Negara'));
    expect(polriRow).toMatch(/^Kepolisian Negara Republik Indonesia,1,/);
    await page.getByRole('link', { name: 'Pengaduan' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: new RegExp(SUBJECT) }).innerText())
      .toContain('Selesai');
    await signOut();
  });

  it('the complainant tracks the complaint without signing in and replies; nothing shows who they are', async () => {
    const visitor = await browser.newContext({ locale: 'id-ID' });
    const tab = await visitor.newPage();
    await tab.goto(`${pantau.url}/track`);
    await tab.getByLabel('Kode lacak').fill(trackingCode.toLowerCase());
    await tab.getByRole('button', { name: 'Lacak' }).click();
    await expect
      .poll(() => tab.getByRole('heading', { name: /Status/ }).innerText())
      .toContain('Selesai');
    expect(await tab.content()).not.toContain(COMPLAINANT);
    // Reply without choosing: the form says what is missing and sends nothing.
    await tab.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await tab.locator('#satisfied-error').waitFor();
    await tab.getByLabel('Ya, puas').check();
    await tab.getByLabel('5').check();
    await tab.getByLabel('Pesan (opsional)').fill('Terima kasih, masalah selesai.');
    await mainScreen(tab, '08-tracking-reply');
    await tab.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await tab.getByText('Terima kasih, tanggapan Anda sudah kami terima.').waitFor();
    // English on request.
    await tab.getByLabel('Bahasa').selectOption('en');
    await expect
      .poll(() => tab.getByRole('heading', { level: 1 }).innerText())
      .toBe('Track a complaint');
    await mainScreen(tab, '09-tracking-english');
    await visitor.close();

    const timeline = await api(pantau.url).get(`/v1/cases/${caseId}/timeline?limit=100`, {
      token: await users(pantau.url)('setneg', 'central_officer'),
    });
    const types = (timeline.body as { items: { type: string }[] }).items.map((e) => e.type);
    expect(types).toContain('complainant_replied');
  });
});
