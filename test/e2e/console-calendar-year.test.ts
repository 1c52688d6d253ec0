/**
 * The year's end as central's admin lives it: on 1 December 2026, with an examination open for
 * an agency in WIB and one in WIT whose deadlines run into 2027 (counted on weekends only, and
 * flagged), the admin enters 2027's holidays and a cuti bersama on the calendar page, two in
 * quick succession, removes a day entered by mistake, and declares the year complete. Central
 * and the agency then read the deadlines moved, each in its agency's zone, nothing flagged any
 * more; the letters go once each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  demoUser,
  fitsWidth,
  mainScreen,
  openBrowser,
  phoneContext,
  signInAs as signInAs_,
  signOut as signOut_,
  type TestBrowser,
} from '../support/browser.ts';
import {
  api,
  type Api,
  forwardedCase,
  type Json,
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

const signInAs = (name: RegExp) => signInAs_(page, pantau.url, name);
const signOut = () => signOut_(page);
const assignment = async (agencyId: string): Promise<Json> =>
  (
    await http.get(`/v1/cases/${caseId}/assignments/${agencyId}`, {
      token: await as('setneg', 'central_officer'),
    })
  ).body;
const UNCOVERED = 'Kalender libur tahun 2027 belum diisi: tenggat bisa bergeser.';

beforeAll(async () => {
  // Tuesday 1 December 2026, 09:00 WIB.
  pantau = await startPantau({
    env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: '2026-12-01T02:00:00Z' },
  });
  browser = await openBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
  ).newPage();
  page.setDefaultTimeout(15_000);
  http = api(pantau.url);
  as = users(pantau.url);
  caseId = (
    await forwardedCase(
      http,
      await as('setneg', 'central_officer'),
      ['atr-bpn', 'pemkot-jayapura'],
      {
        type: 'examination',
        body: { subject: 'Sengketa batas tanah ulayat' },
      },
    )
  ).id;
  // Both agencies acknowledge and report progress at once: the ladder then waits for the
  // resolution alone, its early warning due the day the deadline ends.
  for (const agency of ['atr-bpn', 'pemkot-jayapura']) {
    const officer = await as(agency, 'agency_officer');
    const base = `/v1/cases/${caseId}/assignments/${agency}`;
    const acknowledged = await http.post(`${base}/acknowledge`, {}, { token: officer });
    expect(acknowledged.status, acknowledged.text).toBe(200);
    const progress = await http.post(
      `${base}/responses`,
      { kind: 'progress', message: 'Tim sedang meninjau batas di lapangan.' },
      { token: officer },
    );
    expect(progress.status, progress.text).toBe(200);
  }
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('console: 2027’s holidays entered and declared in December 2026', () => {
  it('moves the deadlines into 2027 in each zone, and nothing is flagged or written twice', async () => {
    // 60 working days from 1 December, weekends only in 2027: Thursday 25 February, flagged.
    expect((await assignment('atr-bpn')).due.resolution).toBe('2027-02-25T16:59:59.999Z');
    expect((await assignment('pemkot-jayapura')).calendarWarnings).toMatchObject([
      { year: 2027, target: 'resolution' },
    ]);
    await signInAs(demoUser('setneg', 'central_admin'));
    await page
      .getByText('Hari libur tahun 2027 belum dinyatakan lengkap', { exact: false })
      .waitFor();
    await page.goto(`${pantau.url}/cases/${caseId}`);
    await page.getByText(UNCOVERED).first().waitFor({ state: 'attached' });

    await page.getByRole('link', { name: 'Kalender', exact: true }).click();
    await page.getByText('Tahun 2027 belum punya hari libur', { exact: false }).waitFor();
    await page.locator('summary', { hasText: 'Tambah hari libur' }).click();
    // The one-day form's fields (the pasted list's section has a kind of its own).
    const form = page
      .locator('details')
      .filter({ has: page.locator('summary', { hasText: 'Tambah hari libur' }) });
    const date = form.getByLabel('Tanggal', { exact: true });
    const kind = form.getByLabel('Jenis');
    const name = form.getByLabel('Keterangan');
    // Typed, not picked: the field's order of day and month is the browser's, so the page
    // says the date it holds in words before it is saved.
    await date.click();
    await page.keyboard.type('01012027');
    await page.getByText('Jumat, 1 Januari 2027', { exact: true }).waitFor();
    await kind.selectOption('national_holiday');
    await name.fill('Tahun Baru 2027 Masehi');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Jum, 1 Jan 2027 disimpan.', { exact: false }).waitFor();
    // The page was on 2026: it shows the year of the day saved, and offers to declare it.
    await expect.poll(() => page.locator('caption').innerText()).toBe('Hari libur tahun 2027');
    await page.locator('tbody tr').filter({ hasText: 'Tahun Baru 2027 Masehi' }).waitFor();
    await page.getByRole('button', { name: 'Nyatakan hari libur 2027 lengkap' }).waitFor();

    const add = async (iso: string, k: string, n: string) => {
      await date.fill(iso);
      await kind.selectOption(k);
      await name.fill(n);
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.locator('tbody tr').filter({ hasText: n }).waitFor();
    };
    // Two in quick succession, the first job not finished: the second's supersedes it.
    await add('2027-01-06', 'national_holiday', 'Isra Mikraj Nabi Muhammad SAW');
    await add('2027-01-07', 'collective_leave', 'Cuti bersama Isra Mikraj');
    await add('2027-02-08', 'collective_leave', 'Cuti bersama Tahun Baru Imlek');
    // (Its `moved` counts its own writes: one an earlier job already brought onto the latest
    // calendar is not counted again.)
    const finished = page.getByRole('status').filter({ hasText: /^Selesai:/ });
    await expect.poll(() => finished.innerText()).toContain('0 gagal');
    // Kinds are told apart in the list.
    expect(
      await page
        .locator('tbody tr')
        .filter({ hasText: 'Cuti bersama Tahun Baru Imlek' })
        .innerText(),
    ).toContain('Cuti bersama');
    await mainScreen(page, 'calendar-2027-entered');

    // 7 January was a mistake: removing it says what moves back.
    await page.getByRole('button', { name: 'Hapus Cuti bersama Isra Mikraj' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect
      .poll(() => confirm.innerText())
      .toContain('2 tenggat pada 2 penugasan yang masih berjalan akan bergeser');
    await confirm.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByText('Kam, 7 Jan 2027 dihapus.', { exact: false }).waitFor();
    await expect.poll(() => finished.innerText()).toContain('2 bergeser tenggatnya');

    await page.getByRole('button', { name: 'Nyatakan hari libur 2027 lengkap' }).click();
    await page.getByText('Hari libur tahun 2027 sudah dinyatakan lengkap.').waitFor();
    await expect.poll(() => finished.innerText()).toContain('0 gagal');
    await mainScreen(page, 'calendar-2027-declared');
    expect(await fitsWidth(page)).toBe(true);

    // Three working days later (1 and 6 January, 8 February), in each agency's zone.
    const wib = await assignment('atr-bpn');
    const wit = await assignment('pemkot-jayapura');
    expect(wib.due.resolution).toBe('2027-03-02T16:59:59.999Z');
    expect(wit.due.resolution).toBe('2027-03-02T14:59:59.999Z');
    expect([wib.calendarWarnings, wit.calendarWarnings]).toEqual([[], []]);

    // The desk's flag is gone; the case page flags nothing and says where each deadline went.
    await page.getByRole('link', { name: 'Meja kerja' }).click();
    await page.getByRole('navigation', { name: 'Perlu perhatian hari ini' }).waitFor();
    expect(await page.getByText('belum dinyatakan lengkap', { exact: false }).count()).toBe(0);
    await page.goto(`${pantau.url}/cases/${caseId}`);
    await page.getByText('Penyelesaian: 2 Mar 2027, 23.59 WIB', { exact: false }).first().waitFor();
    await page.getByText('Penyelesaian: 2 Mar 2027, 23.59 WIT', { exact: false }).first().waitFor();
    expect(await page.getByText(UNCOVERED).count()).toBe(0);
    const recomputed = (
      await page
        .locator('.timeline li')
        .filter({ hasText: 'Tenggat dihitung ulang' })
        .allInnerTexts()
    ).map((l) => l.split('\n').slice(1, -1).join(' | '));
    // A line per agency for each edit that moved its deadline, saying where, in the agency's
    // zone as its deadlines above are (Jayapura's day ends at 23.59 WIT, not "21.59 WIB");
    // the declaration, which moved none, says so.
    const jayapura = recomputed.filter((l) => l.includes('Pemerintah Kota Jayapura'));
    expect(
      jayapura.filter((l) => l.includes('→') && !/23\.59 WIT → .*23\.59 WIT$/.test(l)),
    ).toEqual([]);
    expect(
      recomputed.filter((l) => !l.includes('→') && !l.includes('Tenggat tidak bergeser')),
    ).toEqual([]);
    await mainScreen(page, 'calendar-2027-case-central');
    await signOut();

    // The agency in WIT reads its own deadline in its zone, not flagged.
    await signInAs(demoUser('pemkot-jayapura', 'agency_officer'));
    await page.goto(`${pantau.url}/cases/${caseId}`);
    await page.getByText('Penyelesaian: 2 Mar 2027, 23.59 WIT', { exact: false }).first().waitFor();
    expect(await page.getByText(UNCOVERED).count()).toBe(0);
    await mainScreen(page, 'calendar-2027-case-agency');

    // The calendar page on a phone.
    const phone = await (await phoneContext(browser)).newPage();
    page = phone;
    await signInAs(demoUser('setneg', 'central_admin'));
    await page.getByRole('link', { name: 'Kalender', exact: true }).click();
    await page.getByRole('spinbutton', { name: 'Tahun' }).fill('2027');
    await page.locator('tbody tr').filter({ hasText: 'Tahun Baru 2027 Masehi' }).waitFor();
    await mainScreen(page, 'calendar-2027-phone');
    expect(await fitsWidth(page)).toBe(true);
    // Its words whole: "Hapus" on one line, not five letters stacked; "Libur nasional" not cut.
    const remove = page.getByRole('button', { name: 'Hapus Tahun Baru 2027 Masehi' });
    expect((await remove.boundingBox())!.height).toBeLessThan(48);
    // Each day a card: "Hapus" whole on the screen, not cut off at the right edge of a table
    // that scrolls sideways in its box.
    expect(
      await page
        .locator('.table-scroll')
        .filter({ has: remove })
        .evaluate((box) => box.scrollWidth <= box.clientWidth),
    ).toBe(true);
    // Its lines: whole words, "Libur" and "nasional", not "nasion" and "al".
    const kindLines = await page
      .locator('tbody tr')
      .first()
      .locator('td')
      .nth(2)
      .evaluate((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
      });
    expect(kindLines).toBeLessThanOrEqual(2);

    // 25 February, the early warning's day before the holidays were entered (the working day
    // before the deadline), passes with no letter; the warning goes once, on its new day.
    const central = await as('setneg', 'central_officer');
    const letters = async () =>
      (
        (await http.get(`/v1/notifications?caseId=${caseId}&limit=100`, { token: central })).body
          .items as { agencyId: string; step: string }[]
      )
        .filter((l) => l.step !== 'forwarding')
        .map((l) => `${l.agencyId} ${l.step}`);
    const toMarch = await http.post('/dev/clock', { now: '2027-02-26T03:00:00Z' });
    expect(toMarch.status, toMarch.text).toBe(200);
    expect(await letters()).toEqual([]);
    const toDeadline = await http.post('/dev/clock', { now: '2027-03-01T03:00:00Z' });
    expect(toDeadline.status, toDeadline.text).toBe(200);
    expect((await letters()).sort()).toEqual(['atr-bpn warning', 'pemkot-jayapura warning']);
  });
});
