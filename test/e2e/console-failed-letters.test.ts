/**
 * A letter that never reached its agency, as central lives it, in Chromium on the manual
 * clock: an agency's only liaison address is wrong (on `.invalid`, which the embedded mailer
 * refuses as a mail server refuses an unknown domain), so its forwarding letter is refused,
 * retried after each backoff and given up; central finds it on the desk with the address it
 * went to, an admin corrects the address, central sends it again, and the next sweep delivers
 * it there; another it marks handled, saying how, and that one is not sent. Screenshots: test-results/screenshots/failed-letter-*.png.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  mainScreen,
  openBrowser,
  signInAs as signInAs_,
  type TestBrowser,
} from '../support/browser.ts';
import { FORWARDED_AT } from '../support/domain-example.ts';
import {
  api,
  type Api,
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
let caseId = '';
let second = '';

const SUBJECT = 'Air PDAM keruh sejak sebulan';
const SECOND = 'Meteran air rusak tidak diganti';
const NOTE = 'Disampaikan langsung kepada Humas PDAM melalui telepon pada 17 Maret.';
const WRONG = 'humas@pdam-uji.invalid';
const RIGHT = 'humas@pdam-uji.example.go.id';

const letterOfCase = async (id = caseId) => {
  const letters = await http.get(`/v1/notifications?caseId=${id}`, {
    token: await as('setneg', 'central_officer'),
  });
  expect(letters.status, letters.text).toBe(200);
  return letters.body.items[0] as
    { id: string; status: string; attempts: number; recipients: string[] } | undefined;
};

beforeAll(async () => {
  pantau = await startPantau({
    env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: FORWARDED_AT },
  });
  browser = await openBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
  ).newPage();
  page.setDefaultTimeout(15_000);
  http = api(pantau.url);
  as = users(pantau.url);
  const admin = await as('setneg', 'central_admin');
  const created = await http.post(
    '/v1/agencies',
    {
      id: 'pdam-uji',
      name: 'PDAM Tirta Uji',
      kind: 'agency',
      contacts: [{ name: 'Humas', email: WRONG, kind: 'liaison' }],
    },
    { token: admin },
  );
  expect(created.status, created.text).toBe(201);
  const forward = async (subject: string) =>
    (
      await forwardedCase(http, await as('setneg', 'central_officer'), ['pdam-uji'], {
        body: { subject },
      })
    ).id as string;
  caseId = await forward(SUBJECT);
  second = await forward(SECOND);
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('a letter that never reached its agency', () => {
  it('is on central’s desk with where it went, and goes again to the corrected address', async () => {
    // The forwarding letter is written and refused at once; the sweep tries it again after
    // 15, 30, 60 and 120 minutes, each advance of the clock sweeping the outbox.
    await expect.poll(async () => (await letterOfCase())?.attempts).toBe(1);
    await expect.poll(async () => (await letterOfCase(second))?.attempts).toBe(1);
    for (let i = 0; i < 4; i += 1) {
      const moved = await http.post('/dev/clock', { advance: 'PT3H' });
      expect(moved.status, moved.text).toBe(200);
    }
    expect(await letterOfCase()).toMatchObject({ status: 'failed', attempts: 5 });
    expect(await letterOfCase(second)).toMatchObject({ status: 'failed', attempts: 5 });

    await signInAs_(page, pantau.url, /^Petugas setneg/);
    const card = page.getByRole('region', { name: /Surat gagal terkirim/ });
    await card.getByText(SUBJECT).waitFor();
    const item = await card.locator('li').filter({ hasText: SUBJECT }).innerText();
    expect(item).toContain('Surat penerusan');
    expect(item).toContain('PDAM Tirta Uji');
    expect(item).toContain('gagal setelah 5 kali percobaan');
    expect(item).toContain(`kepada ${WRONG}`);
    expect(item).toContain('perbaiki alamat surel PDAM Tirta Uji di halaman Instansi');
    await mainScreen(page, 'failed-letter-1-desk');
    // On a phone the same card: the address, the hint and both actions fit.
    await page.setViewportSize({ width: 390, height: 844 });
    await card.getByText(SUBJECT).scrollIntoViewIfNeeded();
    await mainScreen(page, 'failed-letter-1-desk-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // An admin corrects the address (the agencies page is tried in console-desk.test.ts).
    const fixed = await http.patch(
      '/v1/agencies/pdam-uji',
      { contacts: [{ name: 'Humas', email: RIGHT, kind: 'liaison' }] },
      { token: await as('setneg', 'central_admin') },
    );
    expect(fixed.status, fixed.text).toBe(200);

    const first = card.locator('li').filter({ hasText: SUBJECT });
    await first.getByRole('button', { name: 'Kirim ulang' }).click();
    await card
      .getByRole('status')
      .filter({ hasText: `Surat untuk PDAM Tirta Uji dikirim ulang kepada ${RIGHT}` })
      .waitFor();
    await expect.poll(() => card.getByText(SUBJECT).count()).toBe(0);
    await mainScreen(page, 'failed-letter-2-sent-again');

    // The other one central delivered by telephone: marked handled, with how, not sent again.
    const other = card.locator('li').filter({ hasText: SECOND });
    await other.getByText('Tandai sudah ditangani tanpa kirim ulang').click();
    await other.getByLabel('Bagaimana surat ini ditangani').fill(NOTE);
    await mainScreen(page, 'failed-letter-3-dismiss');
    await other.getByRole('button', { name: 'Tandai sudah ditangani' }).click();
    await card
      .getByRole('status')
      .filter({ hasText: 'Surat untuk PDAM Tirta Uji ditandai sudah ditangani' })
      .waitFor();
    await expect.poll(() => card.getByText(SECOND).count()).toBe(0);
    expect(await letterOfCase(second)).toMatchObject({
      status: 'failed',
      handled: { note: NOTE },
    });

    // The next sweep (a few minutes on) delivers it, to the corrected address only.
    expect(await letterOfCase()).toMatchObject({ status: 'pending', recipients: [RIGHT] });
    await http.post('/dev/clock', { advance: 'PT5M' });
    expect(await letterOfCase()).toMatchObject({ status: 'sent', recipients: [RIGHT] });
    const mail = join(pantau.dataDir, 'mail');
    const files = (
      await Promise.all(
        (await readdir(mail)).map(async (day) =>
          (await readdir(join(mail, day))).map((f) => join(mail, day, f)),
        ),
      )
    ).flat();
    const sent = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    const letter = sent.filter((eml) => eml.includes(`X-Pantau-Case: ${caseId}`));
    expect(letter).toHaveLength(1);
    expect(letter[0]).toContain(`To: ${RIGHT}`);
    expect(letter[0]).not.toContain(WRONG);

    // The case's history says who sent it again, and to whom.
    await page.goto(`${pantau.url}/cases/${caseId}`);
    const entry = page.locator('li').filter({ hasText: 'Surat dikirim ulang' });
    await entry.first().waitFor();
    expect(await entry.first().innerText()).toContain(`dikirim ulang kepada ${RIGHT}`);
    await mainScreen(page, 'failed-letter-4-timeline');
    await page.goto(`${pantau.url}/cases/${second}`);
    const handled = page.locator('li').filter({ hasText: 'Surat gagal ditandai sudah ditangani' });
    await handled.first().waitFor();
    expect(await handled.first().innerText()).toContain(NOTE);
    // Its letter says it was handled, beside its "Gagal", with central's note.
    const letters = page.locator('#case-letters').locator('..');
    await expect
      .poll(() => letters.innerText())
      .toContain(`ditangani tanpa kirim ulang: “${NOTE}”`);
    await mainScreen(page, 'failed-letter-5-handled');
  });
});

describe('a rung’s letter written at midnight', () => {
  it('waits in the outbox for working hours, and the case page says when it goes', async () => {
    // Wednesday 18 March 00:00 WIB: the acknowledgement warnings are due. That week is Nyepi,
    // Idul Fitri and their cuti bersama, so the letters wait for 08:00 on Wednesday the 25th.
    const moved = await http.post('/dev/clock', { now: '2026-03-17T17:00:00.000Z' });
    expect(moved.status, moved.text).toBe(200);
    const warning = async () =>
      (
        await http.get(`/v1/notifications?caseId=${caseId}`, {
          token: await as('setneg', 'central_officer'),
        })
      ).body.items.find((n: { step: string }) => n.step === 'warning') as
        { status: string; createdAt: string; sendsAt: string | null } | undefined;
    expect(await warning()).toMatchObject({
      status: 'pending',
      createdAt: '2026-03-17T17:00:00.000Z',
      sendsAt: '2026-03-25T01:00:00.000Z',
    });
    await page.goto(`${pantau.url}/cases/${caseId}`);
    const letters = page.locator('#case-letters').locator('..');
    await expect
      .poll(() => letters.innerText())
      .toContain('akan dikirim mulai 25 Mar 2026, 08.00 WIB');
    await mainScreen(page, 'failed-letter-6-held-for-working-hours');
    // Time passes: at 08:00 on the 25th (and the sweep's grace) it goes.
    await http.post('/dev/clock', { now: '2026-03-25T02:00:00.000Z' });
    expect(await warning()).toMatchObject({ status: 'sent', sendsAt: null });
  });
});
