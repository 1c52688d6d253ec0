/**
 * A letter that never reached its agency, as central lives it, in Chromium on the manual
 * clock: an agency's only liaison address is wrong (on `.invalid`, which the embedded mailer
 * refuses as a mail server refuses an unknown domain), so its forwarding letter is refused,
 * retried after each backoff and given up; central finds it on the desk, summed up by agency
 * with the address it went to, an admin corrects the address, central sends it again, and the
 * next sweep delivers it there; another it marks handled, saying how, and that one is not sent.
 * Then an agency no letter ever reached, five weeks on (the audit's BULOG): flagged on the
 * overdue-by-agency card and on each step of its case's ladder, and its letters worked through
 * at one press once its address is corrected. Screenshots:
 * test-results/screenshots/failed-letter-*.png.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  demoUser,
  accessibilityViolations,
  mainScreen,
  openBrowser,
  screenshotPath,
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
/** The agency whose liaison address never worked, and its case. */
const BULOG = 'Perum BULOG Uji';
const BULOG_WRONG = 'humas@bulog-uji.invalid';
const BULOG_SUBJECT = 'Beras bantuan pangan tidak sampai';
let bulogCase = '';

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
  for (const [id, name, email] of [
    ['pdam-uji', 'PDAM Tirta Uji', WRONG],
    ['bulog-uji', BULOG, BULOG_WRONG],
  ] as const) {
    const created = await http.post(
      '/v1/agencies',
      { id, name, kind: 'agency', contacts: [{ name: 'Humas', email, kind: 'liaison' }] },
      { token: admin },
    );
    expect(created.status, created.text).toBe(201);
  }
  const forward = async (subject: string, agencyId = 'pdam-uji') =>
    (
      await forwardedCase(http, await as('setneg', 'central_officer'), [agencyId], {
        body: { subject },
      })
    ).id as string;
  caseId = await forward(SUBJECT);
  second = await forward(SECOND);
  bulogCase = await forward(BULOG_SUBJECT, 'bulog-uji');
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

    await signInAs_(page, pantau.url, demoUser('setneg', 'central_officer'));
    const card = page.getByRole('region', { name: /Surat gagal terkirim/ });
    // Summed up by agency: how many, why in words, where they went, and whom to ask (an officer
    // cannot open the agencies page).
    const group = card.locator('ul.failed-groups > li').filter({ hasText: 'PDAM Tirta Uji' });
    await group.getByText('2 surat tidak terkirim').waitFor();
    const summed = await group.innerText();
    expect(summed).toContain(
      'Sebab: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada).',
    );
    expect(summed).toContain(`Dikirim ke ${WRONG}.`);
    expect(summed).toContain(
      `Minta admin pusat memperbaiki alamat surel PDAM Tirta Uji (${WRONG} ditolak)`,
    );
    expect(summed).not.toContain('halaman Instansi');
    await group.getByText('Lihat suratnya satu per satu').click();
    await group.getByText(SUBJECT).waitFor();
    const item = await group.locator('li').filter({ hasText: SUBJECT }).innerText();
    expect(item).toContain('Surat penerusan');
    expect(item).toContain('gagal setelah 5 kali percobaan');
    expect(item).toContain(`kepada ${WRONG}`);
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

    const first = group.locator('li').filter({ hasText: SUBJECT });
    await first.getByRole('button', { name: 'Kirim ulang' }).click();
    await card
      .getByRole('status')
      .filter({ hasText: `Surat untuk PDAM Tirta Uji dikirim ulang kepada ${RIGHT}` })
      .waitFor();
    await expect.poll(() => card.getByText(SUBJECT).count()).toBe(0);
    await mainScreen(page, 'failed-letter-2-sent-again');

    // The other one central delivered by telephone: marked handled, with how, not sent again.
    const other = group.locator('li').filter({ hasText: SECOND });
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

/** What the screen shows now, as it is (not the whole page): a 1366 × 768 laptop's view. */
const inView = (name: string) => page.screenshot({ path: screenshotPath(name) });

describe('an agency no letter ever reached (audit: 41 agencies, three bad addresses)', () => {
  it('is flagged on the desk and on each step of its case’s ladder, and its letters are worked through at one press', async () => {
    // Five weeks after the forwarding: BULOG's ladder wrote on, every letter refused.
    const moved = await http.post('/dev/clock', { now: '2026-04-20T03:00:00.000Z' });
    expect(moved.status, moved.text).toBe(200);
    const officer = await as('setneg', 'central_officer');
    const failedOf = async () => {
      const got = await http.get('/v1/notifications/failed?agencyId=bulog-uji&limit=100', {
        token: officer,
      });
      expect(got.status, got.text).toBe(200);
      return got.body.items as { id: string; caseId: string; step: string }[];
    };
    const failed = await failedOf();
    expect(failed.length).toBeGreaterThanOrEqual(3);

    await page.setViewportSize({ width: 1366, height: 768 });
    await signInAs_(page, pantau.url, demoUser('setneg', 'central_officer'));
    // Overdue by agency: BULOG has not ignored the letters, none reached it.
    const byAgency = page.getByRole('region', { name: /Lewat tenggat per instansi/ });
    const row = byAgency.getByRole('row').filter({ hasText: BULOG });
    await expect
      .poll(() => row.innerText())
      .toContain(
        'surat terakhir tidak terkirim: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada)',
      );
    // PDAM's address was corrected and its letters go since: not flagged, if overdue at all.
    for (const text of await byAgency.getByRole('row').filter({ hasText: 'PDAM' }).allInnerTexts())
      expect(text).not.toContain('tidak terkirim');
    await row.scrollIntoViewIfNeeded();
    await inView('failed-letter-7-by-agency');
    const card = page.getByRole('region', { name: /Surat gagal terkirim/ });
    const group = card.locator('ul.failed-groups > li').filter({ hasText: BULOG });
    await group.getByText(`${failed.length} surat tidak terkirim`).waitFor();
    await card.scrollIntoViewIfNeeded();
    await mainScreen(page, 'failed-letter-8-desk-by-agency');
    await card.scrollIntoViewIfNeeded();
    await inView('failed-letter-8-desk-by-agency-1366');

    // Its case's ladder: each step taken says its letter never reached BULOG, and why (central's
    // intervention went to central, its copy to BULOG refused: that address is named).
    await page.goto(`${pantau.url}/cases/${bulogCase}`);
    const taken = page
      .locator('.ladder > div')
      .filter({ has: page.getByRole('heading', { name: 'Sudah dilakukan' }) });
    await taken.locator('li').first().waitFor();
    // Today's central intervention is still being tried: refused, and said so with its retry,
    // not "queued" as a letter never tried.
    const all = await taken.locator('li').allInnerTexts();
    const retried = all.filter((s) => s.includes('Surat belum terkirim'));
    for (const step of retried)
      expect(step).toMatch(
        /Surat belum terkirim: alamat surel penerimanya ditolak \(alamat atau domainnya tidak ada\); dicoba lagi \d+ \w+ 2026, \d\d\.\d\d WIB/,
      );
    const steps = all.filter((s) => !retried.includes(s));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const step of steps)
      expect(step).toMatch(
        step.includes('Intervensi pusat')
          ? `Surat tidak sampai ke ${BULOG_WRONG}: alamat surelnya ditolak (alamat atau domainnya tidak ada)`
          : 'Surat tidak terkirim: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada)',
      );
    expect(all.some((s) => s.includes('antre'))).toBe(false);
    await page.getByRole('heading', { name: 'Tahapan eskalasi' }).scrollIntoViewIfNeeded();
    await inView('failed-letter-9-ladder-1366');
    expect(await accessibilityViolations(page)).toEqual([]);

    // An admin corrects the address; central works through BULOG's letters at one press.
    const fixed = await http.patch(
      '/v1/agencies/bulog-uji',
      { contacts: [{ name: 'Humas', email: 'humas@bulog-uji.example.co.id', kind: 'liaison' }] },
      { token: await as('setneg', 'central_admin') },
    );
    expect(fixed.status, fixed.text).toBe(200);
    await page.goto(`${pantau.url}/desk`);
    await group.getByRole('button', { name: `Kirim ulang semua (${failed.length})` }).click();
    await group.getByRole('button', { name: 'Ya, kirim ulang' }).click();
    const said = card.getByRole('status').filter({ hasText: `${BULOG}:` });
    await said.waitFor({ timeout: 30_000 });
    const sentence = await said.innerText();
    const [, resent, closed] =
      /^Perum BULOG Uji: (\d+) dikirim ulang, (\d+) ditutup karena sudah tidak berlaku\.$/.exec(
        sentence,
      ) ?? [];
    expect(Number(resent) + Number(closed), sentence).toBe(failed.length);
    expect(Number(closed)).toBeGreaterThanOrEqual(1);
    await expect.poll(() => group.count()).toBe(0);
    // Read again with the card: BULOG is no longer flagged as unreached (its letters are going).
    await expect.poll(() => row.innerText()).not.toContain('tidak terkirim');
    await card.scrollIntoViewIfNeeded();
    await inView('failed-letter-10-worked-through-1366');
    expect(await failedOf()).toEqual([]);

    // Those closed keep the note saying why; the others go at the next sweep.
    const letters = async () =>
      (await http.get(`/v1/notifications?caseId=${bulogCase}&limit=100`, { token: officer })).body
        .items as { id: string; status: string; handled: { note: string } | null }[];
    const ids = new Set(failed.map((n) => n.id));
    const after = (await letters()).filter((n) => ids.has(n.id));
    const handled = after.filter((n) => n.handled);
    expect(handled.length).toBe(Number(closed));
    for (const n of handled)
      expect(n.handled!.note).toMatch(
        /^Ditutup tanpa kirim ulang: isi surat ini sudah tidak berlaku/,
      );
    await http.post('/dev/clock', { advance: 'PT10M' });
    expect(
      (await letters()).filter((n) => ids.has(n.id) && !n.handled).map((n) => n.status),
    ).toEqual(Array.from({ length: Number(resent) }, () => 'sent'));
  });
});
