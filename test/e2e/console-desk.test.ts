/**
 * The desk, the queues and the admin pages as their users rely on them, in Chromium on the
 * manual clock, every screen checked with axe (WCAG 2.2 A/AA): a focal point's coordinator
 * delegates an assignment to a member unit and takes it back; the member unit opens the case
 * from a bare link; the queue keeps its filters in the URL and shows ended assignments on
 * request; the desk's first screen (1,366 × 768 and 390 px) says what needs attention, each
 * list a link away, the empty ones in one line; a reopened case and a pending extension request reach the desk, and leave it once
 * handled, as a redirect leaves it once re-forwarded; an admin edits an agency's contacts,
 * removes a holiday knowing what moves, and sees a year without holidays flagged; an agency
 * officer acknowledges the morning's arrivals from the queue at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  demoUser,
  accessibilityViolations,
  action,
  deskSettled,
  fitsWidth,
  openBrowser,
  mainScreen,
  openAction,
  screenshot,
  screenshotPath,
  signInAs as signInAs_,
  signOut as signOut_,
  type TestBrowser,
  wordsSplit,
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

const LAND = 'Sertifikat tanah ganda di Surabaya';
const REOPENED = 'Tagihan listrik melonjak tanpa pemakaian';
const EXTENSION = 'Laporan kehilangan tidak diproses';
const REDIRECTED = 'Izin reklame di jalan nasional';
const ids = { land: '', reopened: '', extension: '', redirected: '' };

const signInAs = (name: RegExp) => signInAs_(page, pantau.url, name);
const signOut = () => signOut_(page);
const desk = (name: RegExp) => page.getByRole('region', { name });
/** The desk's first screen: what needs attention, and the lists with nothing in them. */
const summary = () => page.getByRole('navigation', { name: 'Perlu perhatian hari ini' });
const nothingIn = () => summary().getByText(/^Tidak ada:/);
const assignmentOf = async (caseId: string, agencyId: string) =>
  (
    await http.get(`/v1/cases/${caseId}/assignments/${agencyId}`, {
      token: await as('setneg', 'central_officer'),
    })
  ).body;

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
  const central = await as('setneg', 'central_officer');
  const forward = async (subject: string, agencies: string[]) =>
    (await forwardedCase(http, central, agencies, { body: { subject } })) as {
      id: string;
      trackingCode: string;
    };
  ids.land = (await forward(LAND, ['atr-bpn'])).id;
  ids.extension = (await forward(EXTENSION, ['polri'])).id;
  ids.redirected = (await forward(REDIRECTED, ['pemprov-bali'])).id;
  // PLN answered; its complainant was not satisfied: the case is reopened to central.
  const reopened = await forward(REOPENED, ['pln']);
  ids.reopened = reopened.id;
  const answered = await http.post(
    `/v1/cases/${reopened.id}/assignments/pln/responses`,
    { kind: 'final', message: 'Meter telah diperiksa; tagihan sesuai pemakaian.' },
    { token: await as('pln', 'agency_officer') },
  );
  expect(answered.status, answered.text).toBe(200);
  const replied = await http.post('/v1/track/reply', {
    code: reopened.trackingCode,
    satisfied: false,
    rating: 1,
    message: 'Meter tidak pernah diperiksa petugas.',
  });
  expect(replied.status, replied.text).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

describe('console: focal points and their member units', () => {
  it('the ATR/BPN coordinator delegates an assignment to a member unit from the case page', async () => {
    await signInAs(demoUser('atr-bpn', 'agency_coordinator'));
    await page.goto(`${pantau.url}/cases/${ids.land}`);
    const delegate = action(page, 'Delegasikan ke unit anggota');
    await openAction(delegate);
    // Choosing nobody is named at the field; nothing is sent.
    await delegate.getByRole('button', { name: 'Delegasikan' }).click();
    await expect
      .poll(() => delegate.getByLabel('Unit anggota').getAttribute('aria-invalid'))
      .toBe('true');
    await delegate.getByLabel('Unit anggota').selectOption('kanwil-bpn-jatim');
    await delegate.getByLabel('Catatan').fill('Objek sengketa di Surabaya');
    await delegate.getByRole('button', { name: 'Delegasikan' }).click();
    // Who holds it, and since when (in the coordinator's zone).
    await page
      .getByText(
        'Didelegasikan ke Kantor Wilayah BPN Provinsi Jawa Timur sejak 16 Mar 2026, 10.00 WIB.',
        {
          exact: true,
        },
      )
      .waitFor();
    expect((await assignmentOf(ids.land, 'atr-bpn')).delegatedTo).toBe('kanwil-bpn-jatim');
    await page
      .getByRole('button', { name: 'Ambil kembali dari Kantor Wilayah BPN Provinsi Jawa Timur' })
      .waitFor();
    await mainScreen(page, '20-coordinator-delegated');

    // Its queue says which member unit holds the case, with the forwarding date.
    await page.getByRole('link', { name: /^Antrean/ }).click();
    const row = page.getByRole('row', { name: new RegExp(LAND) });
    await expect
      .poll(() => row.innerText())
      .toContain(
        'Dikerjakan oleh Kantor Wilayah BPN Provinsi Jawa Timur sejak 16 Mar 2026, 10.00 WIB',
      );
    expect(await page.getByRole('columnheader', { name: 'Diteruskan' }).count()).toBe(1);
    await mainScreen(page, '21-coordinator-queue-held-by');
    await signOut();
  });

  it('the member unit opens the case from a bare link (a bookmark, an e-mail) and can act on it', async () => {
    await signInAs(demoUser('kanwil-bpn-jatim', 'agency_officer')); // lands on its queue: a visit
    const queueLink = page.getByRole('link', { name: /^Antrean/ });
    // The visit is recorded by the API's clock (the manual one), not the browser's.
    await expect
      .poll(() =>
        page.evaluate(() =>
          localStorage.getItem('pantau.visited.queue.kanwil-bpn-jatim-agency_officer'),
        ),
      )
      .toBe(FORWARDED_AT);
    await expect.poll(() => queueLink.innerText()).toBe('Antrean');
    // An hour later central forwards it a case: the queue's badge counts it as new.
    await http.post('/dev/clock', { advance: 'PT1H' });
    await forwardedCase(http, await as('setneg', 'central_officer'), ['kanwil-bpn-jatim'], {
      body: { subject: 'Pengukuran ulang tanah warisan' },
    });
    await page.goto(`${pantau.url}/cases/${ids.land}`); // no ?agency=
    await expect.poll(() => queueLink.innerText()).toMatch(/^Antrean\s*1\s*baru$/);
    const card = page.getByRole('region', { name: /Penugasan: Kementerian Agraria/ });
    await card.waitFor();
    await card.getByRole('button', { name: 'Konfirmasi penerimaan' }).click();
    await expect.poll(() => card.getByRole('heading').first().innerText()).toContain('Diterima');
    expect((await assignmentOf(ids.land, 'atr-bpn')).state).toBe('acknowledged');
    await mainScreen(page, '22-member-unit-deep-link');
    // Once the queue was visited, nothing is new.
    await page.getByRole('link', { name: /^Antrean/ }).click();
    await page.getByRole('row', { name: new RegExp(LAND) }).waitFor();
    await expect.poll(() => queueLink.innerText()).toBe('Antrean');
    await signOut();
  });

  it('the coordinator takes the assignment back; the member unit no longer sees the case', async () => {
    await signInAs(demoUser('atr-bpn', 'agency_coordinator'));
    await page.goto(`${pantau.url}/cases/${ids.land}`);
    // The page settled first (its deadlines, letters and timeline load after the case and move
    // the button down): twice in a dozen runs the form never came after the click.
    await expect.poll(() => page.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
    await page
      .getByRole('button', { name: 'Ambil kembali dari Kantor Wilayah BPN Provinsi Jawa Timur' })
      .click();
    // Asked first: the unit loses the case at once.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, ambil kembali' }).click();
    await action(page, 'Delegasikan ke unit anggota')
      .waitFor()
      .catch(async (error: unknown) => {
        // What the coordinator saw instead, for the next time.
        await screenshot(page, 'failed-take-back');
        throw error;
      });
    expect((await assignmentOf(ids.land, 'atr-bpn')).delegatedTo).toBeNull();
    // Its queue on a phone fits the screen: the "Dipegang unit" choice names the member units
    // in full ("Kantor Wilayah BPN Provinsi Sulawesi Selatan") and pushed the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${pantau.url}/queue`);
      // On a phone the filters are folded under "Saring", above the rows.
      const fold = page.locator('summary', { hasText: /^Saring/ });
      await fold.click();
      const held = page.getByLabel('Dipegang unit');
      await held.selectOption('kanwil-bpn-sulsel');
      await page.getByText('0 penugasan').waitFor();
      // The fold says a filter is in force.
      expect(await fold.innerText()).toBe('Saring (1 aktif)');
      expect(await fitsWidth(page)).toBe(true);
      const box = (await held.boundingBox())!;
      expect(box.x + box.width, JSON.stringify(box)).toBeLessThanOrEqual(390);
      await mainScreen(page, '22b-coordinator-queue-390');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await signOut();
    const member = await http.get(`/v1/cases/${ids.land}`, {
      token: await as('kanwil-bpn-jatim', 'agency_officer'),
    });
    expect(member.status).toBe(404);
  });
});

describe('console: the queue', () => {
  it('keeps its filters in the URL; "All" shows completed assignments behind a toggle, saying the case reopened', async () => {
    await signInAs(demoUser('pln', 'agency_officer'));
    await page.getByRole('link', { name: /^Antrean/ }).click();
    await page.getByText('0 penugasan').waitFor();
    await page.getByLabel('Termasuk yang tuntas, dialihkan dan ditarik').check();
    const row = page.getByRole('row', { name: new RegExp(REOPENED) });
    await expect.poll(() => row.innerText()).toContain('Tuntas');
    // Answered, and not a silent "Tuntas": the complainant was not satisfied, the case reopened.
    expect(await row.innerText()).toMatch(/Dibuka kembali pada .+ WIB: pengadu belum puas/);
    expect(new URL(page.url()).searchParams.get('ended')).toBe('1');
    await page.reload();
    await row.waitFor();
    expect(await page.getByLabel('Termasuk yang tuntas, dialihkan dan ditarik').isChecked()).toBe(
      true,
    );
    await page.getByText('1 penugasan').waitFor();
    await mainScreen(page, '23-queue-with-ended');
    await signOut();
  });
});

describe('console: an agency’s queue, many at once', () => {
  it('acknowledges the chosen arrivals in one go; one withdrawn meanwhile is named with the reason', async () => {
    const central = await as('setneg', 'central_officer');
    const subjects = [
      'Air PDAM keruh sepekan',
      'Lampu jalan Abepura padam',
      'Pungutan izin usaha mikro',
    ];
    const cases: string[] = [];
    for (const subject of subjects)
      cases.push(
        (
          (await forwardedCase(http, central, ['pemkot-jayapura'], { body: { subject } })) as {
            id: string;
          }
        ).id,
      );
    await signInAs(demoUser('pemkot-jayapura', 'agency_officer'));
    await page.getByRole('link', { name: /^Antrean/ }).click();
    await page.getByText('3 penugasan').waitFor();
    const send = page.getByRole('button', { name: /^Konfirmasi penerimaan yang dipilih/ });
    expect(await send.isDisabled()).toBe(true);
    await page
      .getByLabel('Pilih semua yang ditampilkan dan menunggu konfirmasi penerimaan')
      .check();
    await expect.poll(() => send.innerText()).toBe('Konfirmasi penerimaan yang dipilih (3)');
    // Unchoosing one row leaves it out.
    await page.getByLabel(`Pilih: ${subjects[2]}`).uncheck();
    await expect.poll(() => send.innerText()).toBe('Konfirmasi penerimaan yang dipilih (2)');
    // While this officer is choosing, central withdraws the first case (the complainant
    // withdrew it); a colleague acknowledges the second, which is no failure.
    const closed = await http.post(
      `/v1/cases/${cases[0]}/close`,
      { outcome: 'withdrawn' },
      { token: central },
    );
    expect(closed.status, closed.text).toBe(200);
    const colleague = await http.post(
      `/v1/cases/${cases[1]}/assignments/pemkot-jayapura/acknowledge`,
      {},
      { token: await as('pemkot-jayapura', 'agency_coordinator') },
    );
    expect(colleague.status, colleague.text).toBe(200);
    await send.click();
    await page.getByText('1 penugasan dikonfirmasi diterima.').waitFor();
    const failed = page.getByRole('alert').filter({ hasText: '1 penugasan tidak dikonfirmasi' });
    // Named as the case is: its agenda number (under the subject in the queue) and subject.
    const { agendaNumber } = (await http.get(`/v1/cases/${cases[0]}`, { token: central })).body as {
      agendaNumber: string;
    };
    expect(await failed.innerText()).toContain(
      `Nomor agenda ${agendaNumber}, “${subjects[0]}”: tidak dapat dikonfirmasi lagi karena penugasan ini sudah ditarik atau dialihkan.`,
    );
    await screenshot(page, '29-queue-bulk-acknowledged');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The list is read again: the withdrawn one is gone, and the one left out is the only
    // choice left.
    await expect.poll(() => page.getByRole('checkbox', { name: /^Pilih: / }).count()).toBe(1);
    await page.getByLabel(`Pilih: ${subjects[2]}`).waitFor();
    const states = await Promise.all(
      cases.map(async (id) => (await assignmentOf(id, 'pemkot-jayapura')).state),
    );
    expect(states).toEqual(['withdrawn', 'acknowledged', 'pending']);
    // The last one too: nothing is left to choose, and what happened is still said.
    await page.getByLabel(`Pilih: ${subjects[2]}`).check();
    await send.click();
    await expect.poll(() => page.getByRole('checkbox', { name: /^Pilih/ }).count()).toBe(0);
    await page.getByText('1 penugasan dikonfirmasi diterima.').waitFor();
    expect((await assignmentOf(cases[2]!, 'pemkot-jayapura')).state).toBe('acknowledged');
    await signOut();
  });
});

describe('console: the central desk', () => {
  it('its first screen at 1366 × 768 says what needs attention, each list a jump away; empty lists take no card', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await signInAs(demoUser('setneg', 'central_officer'));
      const link = summary().getByRole('link', { name: '1 dibuka kembali oleh pengadu' });
      await link.waitFor();
      await expect.poll(() => nothingIn().innerText()).toMatch(/^Tidak ada: pengaduan baru, /);
      await expect.poll(() => page.locator('.loading').count()).toBe(0);
      // No card says it is empty: the summary names those lists in its one line.
      expect(await page.locator('main .grid').getByText('Tidak ada data.').count()).toBe(0);
      // The summary and the first list (the reopened case) are on the first screen.
      const top = await summary().boundingBox();
      expect(top!.y + top!.height).toBeLessThanOrEqual(768);
      const first = page.locator('main .grid > section.card').first();
      expect(await first.getByRole('heading').innerText()).toMatch(/^Dibuka kembali/);
      expect((await first.boundingBox())!.y).toBeLessThan(768);
      await page.screenshot({ path: screenshotPath('24a-desk-first-screen-1366') });
      await mainScreen(page, '24a-desk-1366');
      // Its half-width cards break lines between words: "Surat penegasan", never "penegasa"
      // over "n" (the body lets text break anywhere, which squeezed narrow columns).
      expect(await wordsSplit(page.locator('main .grid'))).toEqual([]);
      // By keyboard: the link moves the focus to its list's heading, not only the view.
      await link.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reopened');
      // A phone's width: the summary in one column, nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: screenshotPath('24b-desk-first-screen-390') });
      await mainScreen(page, '24b-desk-390');
      await signOut();
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('a reopened case is on the desk; central forwards it back to the agency that completed it', async () => {
    await signInAs(demoUser('setneg', 'central_officer'));
    const reopened = desk(/Dibuka kembali oleh pengadu/);
    await reopened.getByRole('link', { name: REOPENED }).waitFor();
    await expect.poll(() => reopened.getByRole('heading').innerText()).toMatch(/pengadu 1/);
    await mainScreen(page, '24-desk-reopened');
    await reopened.getByRole('link', { name: REOPENED }).click();
    // PLN completed its assignment, and is offered again in the picker.
    const reforward = action(page, 'Teruskan (ulang) ke instansi');
    await reforward.getByRole('combobox', { name: 'Cari dan tambah instansi' }).fill('PLN');
    await reforward.getByRole('option', { name: 'PT PLN (Persero)', exact: true }).click();
    await page.getByRole('button', { name: 'Teruskan' }).click();
    await expect.poll(async () => (await assignmentOf(ids.reopened, 'pln')).state).toBe('pending');
    await page.getByRole('link', { name: 'Meja kerja' }).click();
    // Nothing reopened: named in the summary's line, no card of its own.
    await expect.poll(() => nothingIn().innerText()).toContain('dibuka kembali');
    expect(await reopened.count()).toBe(0);
    await signOut();
  });

  it('a pending extension request has its card; it leaves once decided', async () => {
    const asked = await http.post(
      `/v1/cases/${ids.extension}/assignments/polri/extension-requests`,
      { workingDays: 5, reason: 'Menunggu hasil pemeriksaan Propam' },
      { token: await as('polri', 'agency_officer'), headers: { 'idempotency-key': 'ext-1' } },
    );
    expect(asked.status, asked.text).toBe(201);
    await signInAs(demoUser('setneg', 'central_officer'));
    const card = desk(/Permintaan perpanjangan menunggu keputusan/);
    await card.getByRole('link', { name: EXTENSION }).waitFor();
    expect(await card.innerText()).toContain(
      'Kepolisian Negara Republik Indonesia meminta 5 hari kerja',
    );
    // With the deadline it asks against, in Polri's zone, and whether it has passed.
    expect(await card.innerText()).toMatch(
      /Konfirmasi penerimaan: \d{1,2} \w{3} 2026, 23\.59 WIB (Berjalan|Segera|Lewat tenggat)/,
    );
    await mainScreen(page, '25-desk-extension-card');
    await card.getByRole('link', { name: EXTENSION }).click();
    const decide = action(page, /Permintaan perpanjangan 5 hari kerja/);
    await decide.getByLabel('Keputusan').selectOption('true');
    await decide.getByRole('button', { name: 'Putuskan' }).click();
    await page.getByText('Perpanjangan disetujui').waitFor();
    await page.getByRole('link', { name: 'Meja kerja' }).click();
    await expect.poll(() => nothingIn().innerText()).toContain('permintaan perpanjangan');
    expect(await card.count()).toBe(0);
    await signOut();
  });

  it('a case past its first 100 events still offers the decision on an extension requested last', async () => {
    const central = await as('setneg', 'central_officer');
    const subject = 'Sertifikat hak milik tertahan di Makassar';
    const { id } = (await forwardedCase(http, central, ['kanwil-bpn-sulsel'], {
      body: { subject },
    })) as { id: string };
    const officer = await as('kanwil-bpn-sulsel', 'agency_officer');
    const base = `/v1/cases/${id}/assignments/kanwil-bpn-sulsel`;
    // Fifty pauses and resumes (the most an assignment takes): with the registration,
    // verification and forwarding, past the first page of 100 events before the request.
    for (let i = 0; i < 50; i += 1) {
      const paused = await http.post(
        `${base}/pause`,
        { reason: `Menunggu berkas ${i}` },
        {
          token: officer,
        },
      );
      expect(paused.status, paused.text).toBe(200);
      expect((await http.post(`${base}/resume`, {}, { token: officer })).status).toBe(200);
    }
    const asked = await http.post(
      `${base}/extension-requests`,
      { workingDays: 7, reason: 'Menunggu pengukuran ulang' },
      { token: officer },
    );
    expect(asked.status, asked.text).toBe(201);
    await signInAs(demoUser('setneg', 'central_officer'));
    await page.goto(`${pantau.url}/cases/${id}`);
    const decide = action(page, /Permintaan perpanjangan 7 hari kerja/);
    await decide.getByLabel('Keputusan').selectOption('false');
    await decide.getByRole('button', { name: 'Putuskan' }).click();
    await page.getByText('Perpanjangan ditolak').waitFor();
    await signOut();
  });

  it('"not ours, awaiting re-forward" drops the assignment once the case is forwarded again', async () => {
    const redirected = await http.post(
      `/v1/cases/${ids.redirected}/assignments/pemprov-bali/redirect`,
      { reason: 'Jalan nasional: kewenangan Kementerian PU', suggestedAgencyId: 'pln' },
      { token: await as('pemprov-bali', 'agency_officer') },
    );
    expect(redirected.status, redirected.text).toBe(200);
    await signInAs(demoUser('setneg', 'central_officer'));
    const card = desk(/Bukan kewenangan: menunggu penerusan ulang/);
    await card.getByRole('link', { name: REDIRECTED }).waitFor();
    // At 1,280 px the half-width card holds all five columns: "Eskalasi" whole, not "Eskalas"
    // cut off at the card's edge (the state's badge, "Bukan kewenangan", is the widest).
    const table = card.locator('.table-scroll');
    expect(await table.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    await card.getByRole('link', { name: REDIRECTED }).click();
    // The agency Pemprov Bali suggested is listed first in the picker, marked as suggested.
    const reforward = action(page, 'Teruskan (ulang) ke instansi');
    await reforward.getByRole('combobox', { name: 'Cari dan tambah instansi' }).focus();
    const first = reforward.getByRole('option').first();
    await expect.poll(() => first.innerText()).toMatch(/^PT PLN \(Persero\)\s*disarankan$/);
    await first.click();
    await page.getByRole('button', { name: 'Teruskan' }).click();
    await expect
      .poll(async () => (await assignmentOf(ids.redirected, 'pln')).state)
      .toBe('pending');
    await page.getByRole('link', { name: 'Meja kerja' }).click();
    await expect.poll(() => nothingIn().innerText()).toContain('bukan kewenangan');
    expect(await card.count()).toBe(0);
    await signOut();
  });
});

describe('console: admin', () => {
  it('an admin edits Polri’s contacts: changes one, adds a head, removes one', async () => {
    await signInAs(demoUser('setneg', 'central_admin'));
    await page.getByRole('link', { name: 'Instansi' }).click();
    const row = page.getByRole('row', { name: /polri/ });
    const edit = row.locator('details.action').filter({ hasText: /^Ubah kontak/ });
    await openAction(edit);
    const first = edit.getByRole('group', { name: 'Kontak 1' });
    await first.getByLabel('Nama kontak').fill('Biro Pengawasan Penyidikan Polri');
    await first.getByLabel('Surel kontak').fill('wassidik@polri.example.go.id');
    await edit.getByRole('button', { name: 'Tambah kontak' }).click();
    const third = edit.getByRole('group', { name: 'Kontak 3' });
    await third.getByLabel('Nama kontak').fill('Irwasum Polri');
    await third.getByLabel('Surel kontak').fill('irwasum@polri.example.go.id');
    await third.getByLabel('Jenis kontak').selectOption('head');
    await edit.getByRole('button', { name: 'Hapus kontak 2' }).click();
    await mainScreen(page, '26-admin-contacts-editing');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => row.innerText()).toContain('irwasum@polri.example.go.id');
    const polri = await http.get('/v1/agencies/polri', {
      token: await as('setneg', 'central_admin'),
    });
    expect(polri.body.contacts).toEqual([
      expect.objectContaining({
        name: 'Biro Pengawasan Penyidikan Polri',
        email: 'wassidik@polri.example.go.id',
        kind: 'liaison',
      }),
      expect.objectContaining({
        name: 'Irwasum Polri',
        email: 'irwasum@polri.example.go.id',
        kind: 'head',
      }),
    ]);
    await signOut();
  });

  it('removing a holiday asks first and says how many deadlines move; a year without holidays is flagged', async () => {
    await signInAs(demoUser('setneg', 'central_admin'));
    await page.getByRole('link', { name: 'Kalender' }).click();
    await page.getByRole('spinbutton', { name: 'Tahun' }).fill('2026');
    // The first holiday in April: inside the open assignments' deadlines (forwarded in March).
    const first = page.locator('tbody tr').filter({ hasText: / Apr / }).first();
    await first.waitFor();
    const date = (await first.locator('td').first().innerText()).trim();
    const name = (await first.locator('td').nth(1).innerText()).trim();
    const day = page.locator('tbody tr').filter({ hasText: date });
    await day.getByRole('button', { name: `Hapus ${name}` }).click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.innerText()).toMatch(/tenggat pada \d+ penugasan/);
    const question = await confirm.innerText();
    const [, deadlines, assignments] = /(\d+) tenggat pada (\d+) penugasan/.exec(question)!;
    expect(Number(deadlines)).toBeGreaterThanOrEqual(Number(assignments));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'alertdialog',
    );
    await mainScreen(page, '27-admin-calendar-confirm-removal');
    await confirm.getByRole('button', { name: 'Batal' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await day.count()).toBe(1);

    await day.getByRole('button', { name: `Hapus ${name}` }).click();
    await confirm.getByRole('button', { name: 'Ya, hapus' }).click();
    // Saved at once; the re-arming job's progress follows until it ends, as many moved as said.
    await page.getByText(`${date} dihapus.`, { exact: false }).waitFor();
    const status = page.getByRole('status').filter({ hasText: /^Selesai:/ });
    await expect.poll(() => status.innerText()).toContain(`${assignments} bergeser tenggatnya`);
    await expect.poll(() => day.count()).toBe(0);

    await page.getByRole('spinbutton', { name: 'Tahun' }).fill('2027');
    await page.getByText('Tahun 2027 belum punya hari libur', { exact: false }).waitFor();
    await mainScreen(page, '28-admin-calendar-year-without-holidays');
    await signOut();
  });
});

describe('console: the desk once deadlines pass', () => {
  // Last in the file: the clock moves on past every acknowledgement deadline of March.
  it('at 1366 × 768 its half-width cards keep words whole: agency names and rungs, not "penginga" over "t I"', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      // Friday 27 March, 10:00 WIB: the acknowledgements due on the 26th are newly overdue (their
      // first reminder out), the follow-ups of those acknowledged due within two working days.
      const moved = await http.post('/dev/clock', { now: '2026-03-27T03:00:00.000Z' });
      expect(moved.status, moved.text).toBe(200);
      await signInAs(demoUser('setneg', 'central_officer'));
      await deskSettled(page);
      const newly = desk(/^Baru lewat tenggat/);
      await expect.poll(() => newly.getByText('Surat pengingat I').count()).toBeGreaterThan(0);
      await desk(/^Jatuh tempo dalam 2 hari kerja/)
        .locator('tbody tr')
        .first()
        .waitFor();
      await mainScreen(page, '24c-desk-overdue-1366');
      expect(await wordsSplit(page.locator('main .grid'))).toEqual([]);
      // Each card's table still fits its card: nothing to scroll sideways.
      for (const table of await page.locator('main .grid .table-scroll').all())
        expect(
          await table.evaluate((box) => box.scrollWidth - box.clientWidth),
        ).toBeLessThanOrEqual(0);
      // On a phone the rows are cards: their words whole too, the page no wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsWidth(page)).toBe(true);
      expect(await wordsSplit(page.locator('main .grid'))).toEqual([]);
      await mainScreen(page, '24d-desk-overdue-390');
      await signOut();
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
