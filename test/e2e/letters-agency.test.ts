/// <reference lib="dom" />
/**
 * Letters as the agency that receives them reads them: a municipality in WIT (Pemerintah Kota
 * Jayapura) gets the forwarding letter of a case whose identity central hid, then, silent, the
 * ladder's reminder and formal warning (the manual clock). Each PDF's own text, and the
 * agency's Letters page in Chromium.
 */
import { formatLocal } from '@pantau/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../packages/documents/test/read-back.ts';
import {
  demoUser,
  LEAKED_TEXT,
  mainScreen,
  openBrowser,
  signInAs,
  type TestBrowser,
} from '../support/browser.ts';
import { FORWARDED_AT } from '../support/domain-example.ts';
import {
  type Api,
  api,
  complaint,
  type Json,
  type RunningPantau,
  startPantau,
  users,
} from '../support/runtime.ts';

let pantau: RunningPantau;
let http: Api;
let as: ReturnType<typeof users>;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  pantau = await startPantau({
    env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: FORWARDED_AT },
  });
  http = api(pantau.url);
  as = users(pantau.url);
  browser = await openBrowser();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jayapura',
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await pantau?.stop();
});

/** Who complained: never in a letter to the agency once central hid the identity. */
const IDENTITY = ['Yohanes', 'Wenda', 'Cempaka', '0812', '3456', '12/RW-07/III/2026'];
/** What an agency must never read in a letter: ids, codes, English words of the API. */
const NOT_FOR_READERS =
  /\b[0-9A-HJKMNP-TV-Z]{26}\b|pemkot-jayapura|acknowledge|followUp|resolution|reminder_|formal_warning|WIB|deadline|undefined/;
/** `due` as the agency's letters state it: "26 Maret 2026 pukul 23.59 WIT". */
const inWit = (iso: string) => formatLocal(iso, 'Asia/Jayapura');

describe('letters to a municipality in WIT', { timeout: 240_000 }, () => {
  let caseId = '';
  let agenda = '';
  let due: Record<'acknowledge' | 'followUp' | 'resolution', string>;
  let letters: Json[] = [];
  const pdfOf = async (letterId: string) => {
    const token = await as('pemkot-jayapura', 'agency_officer');
    const res = await fetch(`${pantau.url}/v1/cases/${caseId}/letters/${letterId}/pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return pdfText(new Uint8Array(await res.arrayBuffer()));
  };
  const letter = (step: string) => letters.find((n) => n.step === step)!;

  beforeAll(async () => {
    const central = await as('setneg', 'central_officer');
    const created = await http.post(
      '/v1/cases',
      complaint({
        complainant: {
          name: 'Yohanes Wenda',
          address: 'Jl. Cempaka Putih No. 5, RT 03/RW 07',
          phone: '0812 3456 7890',
        },
        subject: 'Jalan Abepura rusak berat',
        description: 'Jalan utama Abepura berlubang dan membahayakan pengendara.',
        location: { province: 'Papua', regency: 'Kota Jayapura' },
        letter: { number: '12/RW-07/III/2026', date: '2026-03-10', sender: 'Yohanes Wenda' },
      }),
      { token: central },
    );
    expect(created.status, created.text).toBe(201);
    caseId = created.body.id;
    agenda = created.body.agendaNumber;
    const verified = await http.post(
      `/v1/cases/${caseId}/verification`,
      { decision: 'accept', type: 'normative', identityHidden: true },
      { token: central },
    );
    expect(verified.status, verified.text).toBe(200);
    const sent = await http.post(
      `/v1/cases/${caseId}/assignments`,
      { assignments: [{ agencyId: 'pemkot-jayapura', instructions: 'Mohon ditindaklanjuti.' }] },
      { token: central },
    );
    expect(sent.status, sent.text).toBe(201);
    due = sent.body.items[0].due;
    // Silent for a month: reminders I and II, then the formal warning (11 April).
    expect((await http.post('/dev/clock', { advance: 'P30D' })).status).toBe(200);
    const agency = await as('pemkot-jayapura', 'agency_officer');
    const list = await http.get(`/v1/notifications?caseId=${caseId}&limit=100`, { token: agency });
    expect(list.status).toBe(200);
    letters = list.body.items;
    expect(letters.map((n) => n.step)).toEqual(
      expect.arrayContaining(['forwarding', 'reminder_1', 'formal_warning']),
    );
  });

  it('the forwarding letter: dated in Jakarta, to the municipality, the deadlines as the API’s due in WIT, nobody’s identity', async () => {
    const text = await pdfOf(letter('forwarding').id);
    expect(text).toContain('Jakarta, 16 Maret 2026');
    expect(text).toContain('Yth. Pimpinan Pemerintah Kota Jayapura');
    expect(text).toContain(`Nomor agenda : ${agenda}`);
    expect(text).toContain('Pokok pengaduan : Jalan Abepura rusak berat');
    expect(text).toContain('Identitas pengadu dirahasiakan');
    expect(text).toContain(`Konfirmasi penerimaan pengaduan: ${inWit(due.acknowledge)}`);
    expect(text).toContain(`Laporan tindak lanjut awal: ${inWit(due.followUp)}`);
    expect(text).toContain(`Laporan penyelesaian tindak lanjut: ${inWit(due.resolution)}`);
    expect(text).toContain('Tembusan:');
    for (const secret of IDENTITY) expect(text).not.toContain(secret);
    expect(text.match(NOT_FOR_READERS)?.[0]).toBeUndefined();
  });

  it('reminder I and the formal warning: dated the working day they go out in WIT, each late target with its due and working days late', async () => {
    const reminder = await pdfOf(letter('reminder_1').id);
    // Written at 00:00 WIT on 27 March (22:00 on the 26th in Jakarta): the agency's day.
    expect(reminder).toContain('Jakarta, 27 Maret 2026');
    expect(reminder).toContain('Surat Pengingat I atas Pengaduan Masyarakat');
    expect(reminder).toContain(
      'Yth. Pimpinan Pemerintah Kota Jayapura u.p. Bagian Organisasi Setda Kota Jayapura',
    );
    expect(reminder).toContain(
      `Konfirmasi penerimaan pengaduan: batas waktu ${inWit(due.acknowledge)}, terlambat 1 hari kerja`,
    );
    const warning = await pdfOf(letter('formal_warning').id);
    // Written at 00:00 WIT on Saturday 11 April, as Friday ended: dated Monday, when it goes.
    expect(warning).toContain('Jakarta, 13 April 2026');
    expect(warning).toContain('Surat Penegasan atas Pengaduan Masyarakat');
    // The head is copied: addressed to the Pimpinan without "u.p.".
    expect(letter('formal_warning').cc).toEqual(['sekda@jayapurakota.example.go.id']);
    expect(warning).toContain('Yth. Pimpinan Pemerintah Kota Jayapura di tempat');
    expect(warning).toContain(`Laporan tindak lanjut awal: batas waktu ${inWit(due.followUp)}`);
    for (const text of [reminder, warning]) {
      expect(text).toContain(`Nomor agenda : ${agenda}`);
      expect(text).toContain('Pokok pengaduan : Jalan Abepura rusak berat');
      expect(text).toContain('Diteruskan pada : 16 Maret 2026 pukul 12.00 WIT');
      expect(text).toContain('Tembusan:');
      for (const secret of IDENTITY) expect(text).not.toContain(secret);
      expect(text.match(NOT_FOR_READERS)?.[0]).toBeUndefined();
    }
  });

  it('the agency’s Letters page lists them in WIT, newest first, each with its number and PDF', async () => {
    await signInAs(page, pantau.url, demoUser('pemkot-jayapura', 'agency_officer'));
    await page.goto(`${pantau.url}/letters`);
    await page.locator('li.card').first().waitFor();
    await mainScreen(page, 'letters-agency-wit');
    const cards = await page.locator('li.card').allInnerTexts();
    // By the date each bears: the penegasan written at 00:00 on Saturday is dated Monday.
    expect(cards[0]).toMatch(/^Sen, 13 Apr 2026 · Surat penegasan · Pemerintah Kota Jayapura/);
    expect(cards.at(-1)).toMatch(/^16 Mar 2026, 12\.00 WIT · Surat penerusan/);
    for (const card of cards) {
      expect(card).toMatch(/B-\d+\/Kemensetneg\/D-4\/DM\.05\/\d{2}\/2026/);
      expect(card).toContain('Unduh PDF');
      expect(card).not.toMatch(LEAKED_TEXT);
    }
  });

  it('narrows the Letters page from a link: the formal warnings dated Monday 13 April', async () => {
    // Written at 00:00 WIT on Saturday 11 April, it went out, and is dated, on Monday: Monday's.
    await page.goto(`${pantau.url}/letters?step=formal_warning&from=2026-04-13&to=2026-04-13`);
    const count = page.locator('p.count');
    await expect
      .poll(() => count.innerText())
      .toBe('1 surat, tahap Surat penegasan, bertanggal Sen, 13 Apr 2026 s.d. Sen, 13 Apr 2026');
    const cards = await page.locator('li.card').allInnerTexts();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatch(/^Sen, 13 Apr 2026 · Surat penegasan · Pemerintah Kota Jayapura/);
    expect(await page.getByLabel('Tahap').inputValue()).toBe('formal_warning');
    // Saturday's own letters: none bears that day.
    await page.getByLabel('Dari tanggal').fill('2026-04-11');
    await page.getByLabel('Sampai tanggal').fill('2026-04-11');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect.poll(() => page.getByText('Tidak ada data.').count()).toBe(1);
    expect(new URL(page.url()).search).toBe('?step=formal_warning&from=2026-04-11&to=2026-04-11');
  });
});
