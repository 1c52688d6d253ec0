/// <reference lib="dom" />
/**
 * The public complaint form (`/adukan`) in Chromium on a 390 px phone, as a complainant uses
 * it: a file that is not PDF/JPEG/PNG is refused at once with a sentence tied to the field,
 * a PDF goes with the complaint (the ALTCHA widget solving the challenge in the page), and
 * central finds it on the case; a receipt lost on the way comes back when the complainant
 * sends again, without a second case; Back, Forward or a reload on the receipt keep it (the
 * tab's own history entries), a new complaint started from it forgets it. Screenshot: test-results/screenshots/complain-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  accessibilityViolations,
  openBrowser,
  screenshot,
  type TestBrowser,
} from '../support/browser.ts';
import { SMALL_PDF } from '../support/documents.ts';
import { api, type Json, type RunningPantau, startPantau, users } from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;
let tab: Page;

beforeAll(async () => {
  // Challenges live 5 s here (10 minutes by default): long enough to fill a form in a test,
  // short enough to see one expire while the complainant is still writing.
  pantau = await startPantau({
    env: { PANTAU_POW_MAX_COUNTER: '40', PANTAU_POW_TTL_SECONDS: '5' },
  });
  browser = await openBrowser();
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'id-ID',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  tab = await phone.newPage();
  tab.setDefaultTimeout(20_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('the complaint form’s attachments on a phone', () => {
  it('refuses a text file with a sentence on the field, sends a PDF with the complaint', async () => {
    await tab.goto(`${pantau.url}/adukan`);
    const files = tab.getByLabel('Lampiran (tidak wajib)');
    await files.setInputFiles({
      name: 'catatan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('bukan bukti'),
    });
    const rule =
      'Lampiran harus berupa paling banyak 3 berkas PDF, JPEG, atau PNG, seluruhnya tidak lebih dari 4 MB.';
    await expect.poll(() => tab.getByRole('alert').filter({ hasText: rule }).count()).toBe(1);
    expect(await files.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await files.getAttribute('aria-describedby'))!.split(' ');
    const error = tab.locator(`#${describedBy.at(-1)}`);
    expect(await error.textContent()).toBe(rule);
    // What will not be sent no longer shows as chosen.
    expect(await files.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);

    await files.setInputFiles({
      name: 'bukti-pembayaran.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(SMALL_PDF),
    });
    await expect.poll(() => tab.getByText(rule).count()).toBe(0);
    await tab.getByLabel(/^Nama/).fill('Komang Ariani');
    await tab.getByLabel(/^Telepon/).fill('0812-3900-4455');
    await tab.getByLabel(/^Perihal/).fill('Pungutan biaya akta kelahiran');
    await tab
      .getByLabel(/^Uraian/)
      .fill('Petugas meminta Rp300.000 untuk akta kelahiran yang seharusnya gratis.');
    // Fits the phone: the page is no wider than the screen, and no element sticks out of it.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const overflowing = await tab.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > 390)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`,
        )
        .slice(0, 10),
    );
    expect(overflowing).toEqual([]);
    expect(await accessibilityViolations(tab)).toEqual([]);
    await screenshot(tab, 'complain-phone');
    // The widget solves its challenge on load; until it has, sending asks to wait: try again.
    const received = tab.getByRole('heading', { name: 'Pengaduan diterima' });
    const send = tab.getByRole('button', { name: 'Kirim pengaduan' });
    for (let i = 0; i < 20 && !(await received.isVisible()); i++) {
      // Gone (busy, or the receipt came) between the check and the click: look again.
      await send.click({ timeout: 2_000 }).catch(() => undefined);
      await received.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    await received.waitFor();
    const code = (await tab.locator('.tracking-code code').textContent())!.trim();
    // Shown once: the complainant copies it before a reload or a closed tab loses it, and is
    // told to give it to no one (whoever holds it answers in their name).
    await tab.getByRole('button', { name: 'Salin kode' }).click();
    await tab.getByText('Kode tersalin.', { exact: false }).waitFor();
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(await tab.locator('.alert').first().innerText()).toMatch(/jangan berikan/);

    const http = api(pantau.url);
    const central = await users(pantau.url)('setneg', 'central_officer');
    const list = await http.get('/v1/cases?status=received&limit=100', { token: central });
    const mine = (list.body.items as Json[]).find((c) => c.trackingCode === code);
    expect(mine).toMatchObject({ channel: 'web', subject: 'Pungutan biaya akta kelahiran' });
    const attachments = await http.get(`/v1/cases/${mine.id}/attachments`, { token: central });
    expect(attachments.body.items.map((a: Json) => [a.name, a.contentType])).toEqual([
      ['bukti-pembayaran.pdf', 'application/pdf'],
    ]);
  });

  it('Back, Forward or a reload on the receipt keeps the tracking code; “Kirim pengaduan lain” forgets it', async () => {
    const page = await tab.context().newPage();
    // Into the form from another page of the site, as from its menu.
    await page.goto(`${pantau.url}/track`);
    await page.getByRole('link', { name: 'Sampaikan pengaduan' }).click();
    await page.getByLabel(/^Nama/).fill('Ketut Suarsana');
    await page.getByLabel(/^Perihal/).fill('Lampu jalan padam sebulan');
    await page
      .getByLabel(/^Uraian/)
      .fill('Lampu jalan di Jalan Gatot Subroto padam sejak bulan lalu.');
    const proof = page.locator('input[name="altcha"]');
    await expect.poll(() => proof.inputValue(), { timeout: 15_000 }).not.toBe('');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    const received = page.getByRole('heading', { name: 'Pengaduan diterima' });
    await received.waitFor();
    const code = (await page.locator('.tracking-code code').textContent())!.trim();
    const shownCode = async () => {
      await received.waitFor();
      return (await page.locator('.tracking-code code').textContent())!.trim();
    };
    // Back by reflex, then Forward: the receipt again, not an empty form.
    await page.goBack();
    await page.goForward();
    expect(await shownCode()).toBe(code);
    // A reload on the receipt too.
    await page.reload();
    expect(await shownCode()).toBe(code);
    // Back lands on the form, which says the complaint went and leads to its receipt rather
    // than offer to send it a second time.
    await page.goBack();
    await page.getByRole('heading', { name: 'Pengaduan Anda sudah terkirim' }).waitFor();
    // (The form's button, not "Kirim pengaduan lain", which this page now offers too.)
    expect(await page.getByRole('button', { name: 'Kirim pengaduan', exact: true }).count()).toBe(
      0,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'complain-sent-back');
    await page.getByRole('button', { name: 'Lihat tanda terima' }).click();
    expect(await shownCode()).toBe(code);
    // Never in a URL nor in the device's storage: only the tab's own history entries.
    expect(page.url()).not.toContain(code);
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
    );
    expect(stored).not.toContain(code);

    // A new complaint from the receipt: the form, empty, and the code gone from the tab's
    // history (the entry behind the receipt too, which a reload made another page load),
    // after a reload and a step back as well.
    await page.reload();
    expect(await shownCode()).toBe(code);
    // The entry's place in the tab's history (Chromium's Navigation API): Back to the form's.
    const entry = () =>
      page.evaluate(
        () =>
          (window as { navigation?: { currentEntry?: { index: number } } }).navigation!
            .currentEntry!.index,
      );
    const receiptEntry = await entry();
    await page.getByRole('button', { name: 'Kirim pengaduan lain' }).click();
    await expect.poll(entry).toBe(receiptEntry - 1);
    const name = page.getByLabel(/^Nama/);
    await name.waitFor();
    expect(await name.inputValue()).toBe('');
    const inHistory = () => page.evaluate(() => JSON.stringify(history.state ?? null));
    expect(await inHistory()).not.toContain(code);
    await page.goForward();
    await name.waitFor();
    expect(await inHistory()).not.toContain(code);
    await page.reload();
    await name.waitFor();
    await page.goBack();
    await name.waitFor();
    expect(await inHistory()).not.toContain(code);
    expect(await page.getByText(code).count()).toBe(0);
    await page.close();
  });

  it('the header’s “Sampaikan pengaduan” on the receipt, or on the page saying it went, starts an empty form and forgets the receipt', async () => {
    const page = await tab.context().newPage();
    await page.goto(`${pantau.url}/track`);
    await page.getByRole('link', { name: 'Sampaikan pengaduan' }).click();
    await page.getByLabel(/^Nama/).fill('Ni Luh Sukerti');
    await page.getByLabel(/^Perihal/).fill('Saluran air tersumbat');
    await page
      .getByLabel(/^Uraian/)
      .fill('Saluran di Jalan Teuku Umar tersumbat sejak hujan pertama.');
    const proof = page.locator('input[name="altcha"]');
    await expect.poll(() => proof.inputValue(), { timeout: 15_000 }).not.toBe('');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await page.getByRole('heading', { name: 'Pengaduan diterima' }).waitFor();
    const code = (await page.locator('.tracking-code code').textContent())!.trim();
    const inHistory = () => page.evaluate(() => JSON.stringify(history.state ?? null));
    const name = page.getByLabel(/^Nama/);
    /** An empty form, and neither Forward nor Back brings the receipt back. */
    const forgotten = async () => {
      await name.waitFor();
      expect(await name.inputValue()).toBe('');
      expect(await inHistory()).not.toContain(code);
      await page.goForward();
      await name.waitFor();
      expect(await inHistory()).not.toContain(code);
      await page.goBack();
      await name.waitFor();
      expect(await inHistory()).not.toContain(code);
      await page.goBack();
      await page.getByRole('heading', { name: 'Lacak pengaduan' }).waitFor();
      expect(await inHistory()).not.toContain(code);
      expect(await page.getByText(code).count()).toBe(0);
    };
    const menu = page.getByRole('navigation').getByRole('link', { name: 'Sampaikan pengaduan' });
    await menu.click();
    await forgotten();

    // Again, from the page Back shows after sending (“Pengaduan Anda sudah terkirim”).
    await page.goForward();
    await name.fill('Ni Luh Sukerti');
    await page.getByLabel(/^Perihal/).fill('Saluran air tersumbat lagi');
    await page.getByLabel(/^Uraian/).fill('Saluran di Jalan Teuku Umar tersumbat lagi.');
    await expect.poll(() => proof.inputValue(), { timeout: 15_000 }).not.toBe('');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await page.getByRole('heading', { name: 'Pengaduan diterima' }).waitFor();
    const second = (await page.locator('.tracking-code code').textContent())!.trim();
    await page.goBack();
    await page.getByRole('heading', { name: 'Pengaduan Anda sudah terkirim' }).waitFor();
    // It offers a new complaint as the receipt does; the header's link does the same.
    expect(await page.getByRole('button', { name: 'Kirim pengaduan lain' }).count()).toBe(1);
    await menu.click();
    await name.waitFor();
    expect(await name.inputValue()).toBe('');
    expect(await inHistory()).not.toContain(second);
    await page.goForward();
    await name.waitFor();
    expect(await page.getByText(second).count()).toBe(0);
    expect(await inHistory()).not.toContain(second);
    await page.close();
  });

  it('a complainant still writing when the anti-spam check expires sends without noticing', async () => {
    const page = await tab.context().newPage();
    await page.goto(`${pantau.url}/adukan`);
    const proof = page.locator('input[name="altcha"]');
    await expect.poll(() => proof.inputValue(), { timeout: 15_000 }).not.toBe('');
    const first = await proof.inputValue();
    // Writing takes longer than the challenge lives: it expires, and a new one is solved.
    await page.getByLabel(/^Nama/).fill('Made Wirawan');
    await page.getByLabel(/^Perihal/).fill('Pungutan biaya KTP elektronik');
    await page.getByLabel(/^Uraian/).fill('Petugas meminta Rp100.000 untuk KTP elektronik.');
    await expect
      .poll(() => proof.inputValue(), { timeout: 15_000, interval: 500 })
      .not.toMatch(new RegExp(`^(${first.replace(/[+/=]/g, '.')})?$`));
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await page.getByRole('heading', { name: 'Pengaduan diterima' }).waitFor();
    await page.close();
  });

  /**
   * A complaint filled in and sent whose answer never reaches the phone (the server registers
   * it); the page shows the network's sentence. What was registered, and the page's parts.
   */
  async function sentAndLost(name: string, subject: string, description: string) {
    const page = await tab.context().newPage();
    let delivered: Json | undefined;
    await page.route('**/v1/complaints', async (route) => {
      if (delivered || route.request().method() !== 'POST') return route.continue();
      delivered = await (await route.fetch()).json();
      await route.abort('connectionreset');
    });
    await page.goto(`${pantau.url}/adukan`);
    await page.getByLabel(/^Nama/).fill(name);
    await page.getByLabel(/^Perihal/).fill(subject);
    await page.getByLabel(/^Uraian/).fill(description);
    const proof = page.locator('input[name="altcha"]');
    await expect.poll(() => proof.inputValue(), { timeout: 15_000 }).not.toBe('');
    const send = page.getByRole('button', { name: 'Kirim pengaduan' });
    await send.click();
    await page.getByText(/Tidak dapat menghubungi server/).waitFor();
    expect(delivered?.trackingCode).toBeTruthy();
    return { page, proof, send, code: delivered!.trackingCode as string };
  }

  /** The receipt shows `code`, and central has one case with `subject`: the case itself. */
  async function oneCaseShown(page: Page, code: string, subject: string) {
    await page.getByRole('heading', { name: 'Pengaduan diterima' }).waitFor();
    expect((await page.locator('.tracking-code code').textContent())!.trim()).toBe(code);
    const http = api(pantau.url);
    const central = await users(pantau.url)('setneg', 'central_officer');
    const list = await http.get('/v1/cases?status=received&limit=100', { token: central });
    const mine = (list.body.items as Json[]).filter((c) => c.subject === subject);
    expect(mine).toHaveLength(1);
    return mine[0]!;
  }

  it('an answer lost on the way: sending again shows the receipt of the complaint that arrived, and no second case', async () => {
    const subject = 'Pungutan biaya surat pindah';
    const { page, proof, send, code } = await sentAndLost(
      'Nyoman Sukerta',
      subject,
      'Petugas kelurahan meminta Rp150.000 untuk surat pindah.',
    );
    await screenshot(page, 'complain-lost-answer');
    // The challenge (5 s here) expires while the complainant reads the message, and the
    // widget solves a new one: sending again is still the same complaint.
    const spent = await proof.inputValue();
    await expect
      .poll(() => proof.inputValue(), { timeout: 15_000, interval: 500 })
      .not.toMatch(new RegExp(`^(${spent.replace(/[+/=]/g, '.')})?$`));
    await send.click();
    await oneCaseShown(page, code, subject);
    await page.close();
  });

  it('a complaint edited after its answer was lost is still one case, and its code is shown', async () => {
    const subject = 'Jembatan desa putus sejak banjir';
    const first = 'Jembatan penghubung dua dusun putus sejak Januari.';
    const { page, send, code } = await sentAndLost('Komang Ayu', subject, first);
    // Thinking the complaint lost, the complainant adds a sentence and sends again.
    await page.getByLabel(/^Uraian/).fill(`${first} Anak sekolah menyeberang sungai.`);
    await send.click();
    const mine = await oneCaseShown(page, code, subject);
    // Said plainly: it went as first sent, the later sentence did not.
    await page.getByText(/perubahan yang Anda buat sesudahnya tidak ikut terkirim/).waitFor();
    expect(mine.description).not.toContain('Anak sekolah');
    await page.close();
  });
});
