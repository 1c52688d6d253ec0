/// <reference lib="dom" />
/**
 * A unit's register as Excel on an Indonesian Windows saves it (`;`, a BOM, CRLF, blank lines,
 * "Jl. Cempaka Putih No. 5, RT 03/RW 07", `02/12/2026` and `2 Desember 2026`, a duplicate row,
 * cells too long), through the console's import in Chromium: the dry run's report as the admin
 * reads it, the import, the same file again, the cases made; a 501-row file; a register with
 * two columns of one title.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoUser,
  mainScreen,
  openBrowser,
  signInAs,
  type TestBrowser,
} from '../support/browser.ts';
import { type Api, api, type RunningPantau, startPantau, users } from '../support/runtime.ts';

let pantau: RunningPantau;
let browser: TestBrowser;
let page: Page;
let http: Api;
let as: ReturnType<typeof users>;

/** Wednesday 2 December 2026, 12:00 WIB. */
const NOW = '2026-12-02T05:00:00.000Z';
beforeAll(async () => {
  pantau = await startPantau({ env: { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: NOW } });
  http = api(pantau.url);
  as = users(pantau.url);
  browser = await openBrowser();
  const context = await browser.newContext({
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

const HEADER = 'No. Surat;Tgl Terima;Nama Pengadu;Alamat;Perihal;Uraian;Saluran';
const ADDRESS = 'Jl. Cempaka Putih No. 5, RT 03/RW 07';
const excelCsv = (...lines: string[]) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([...lines, ''].join('\r\n'))]);
const REGISTER = excelCsv(
  HEADER,
  `B-01/RW07/XII/2026;02/12/2026;Yohanes Wenda;${ADDRESS};Jalan rusak;"Jalan rusak; berlubang.";Surat`,
  '',
  `-;2 Desember 2026;Maria Kogoya;${ADDRESS};Lampu jalan mati;Lampu jalan mati sebulan.;Datang langsung`,
  `B-01/RW07/XII/2026;02/12/2026;Yohanes Wenda;${ADDRESS};Jalan rusak;"Jalan rusak; berlubang.";Surat`,
  `B-03/2026;01/12/2026;${'a'.repeat(210)};${'b'.repeat(520)};${'c'.repeat(230)};Uraian.;Surat`,
  '-;kemarin;Budi;;Tanggal salah;Uraian.;Surat',
  ';;;;;;',
);

async function chooseFile(bytes: Buffer, name: string) {
  await page.goto(`${pantau.url}/admin/import`);
  await page
    .getByLabel('Berkas register')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  const mapping: Record<string, string> = {
    'Nomor surat': 'No. Surat',
    'Tanggal diterima': 'Tgl Terima',
    'Nama pengadu': 'Nama Pengadu',
    Alamat: 'Alamat',
    Saluran: 'Saluran',
    Surel: '',
    Telepon: '',
    Terlapor: '',
    Provinsi: '',
    'Kabupaten/kota': '',
  };
  for (const [label, column] of Object.entries(mapping))
    await page.getByLabel(label, { exact: true }).fill(column);
  await page.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).click();
}
const rowText = (row: number) =>
  page
    .locator('tbody tr')
    .filter({ has: page.locator(`td:first-child:text-is("${row}")`) })
    .innerText();

describe('a unit’s register through the console', { timeout: 240_000 }, () => {
  it('dry run: each row ok or what to correct, in Indonesian, naming the column', async () => {
    await signInAs(page, pantau.url, demoUser('setneg', 'central_admin'));
    await chooseFile(REGISTER, 'register.csv');
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toBe('2 siap, 0 diimpor, 0 sudah ada, 3 galat');
    await mainScreen(page, 'import-register-dry-run');
    expect(await rowText(2)).toContain('Siap diimpor');
    // The letter as the register wrote it, its day as people read it (not the key's ISO day).
    expect(await rowText(4)).toContain(
      'Surat tanpa nomor · Rab, 2 Des 2026 · Maria Kogoya · Lampu jalan mati',
    );
    expect(await rowText(5)).toContain(
      'Nomor surat/rujukan sama dengan baris 2; hapus salah satu.',
    );
    const long = await rowText(6);
    for (const sentence of [
      'Perihal paling banyak 200 karakter.',
      'Nama pengadu paling banyak 200 karakter.',
      'Alamat paling banyak 500 karakter.',
    ])
      expect(long).toContain(sentence);
    // A letter without a number needs none: its date is what to correct.
    const undated = await rowText(7);
    expect(undated).toContain('Tanggal diterima bukan tanggal');
    expect(undated).not.toContain('tidak punya nomor surat');
  });

  it('imports, and the same file again creates nothing; the cases are dated by the register, verified from the import', async () => {
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText())
      .toBe('0 siap, 2 diimpor, 0 sudah ada, 3 galat');
    const admin = await as('setneg', 'central_admin');
    const again = await http.post(
      '/v1/imports/cases',
      {
        format: 'csv',
        content: REGISTER.toString('base64'),
        dryRun: false,
        defaultChannel: 'letter',
        mapping: {
          letterNumber: 'No. Surat',
          receivedAt: 'Tgl Terima',
          'complainant.name': 'Nama Pengadu',
          'complainant.address': 'Alamat',
          subject: 'Perihal',
          description: 'Uraian',
          channel: 'Saluran',
        },
      },
      { token: admin },
    );
    expect(again.status, again.text).toBe(200);
    expect(again.body.counts).toEqual({ ok: 0, created: 0, exists: 2, error: 3, pending: 0 });
    const [letter, walkIn] = await Promise.all(
      again.body.rows
        .filter((r: { caseId: string | null }) => r.caseId)
        .map(
          async (r: { caseId: string }) =>
            (await http.get(`/v1/cases/${r.caseId}`, { token: admin })).body,
        ),
    );
    expect(letter).toMatchObject({
      channel: 'letter',
      receivedAt: '2026-12-01T17:00:00.000Z',
      description: 'Jalan rusak; berlubang.',
      complainant: { name: 'Yohanes Wenda', address: ADDRESS },
    });
    expect(walkIn).toMatchObject({ channel: 'walk_in', receivedAt: '2026-12-01T17:00:00.000Z' });
    for (const c of [letter, walkIn]) {
      expect(c.imported.at).toBe(NOW);
      expect(Date.parse(c.verificationDueAt)).toBeGreaterThan(Date.parse(NOW));
    }
  });

  it('a file of 501 rows is refused before any row is read, in a sentence', async () => {
    const big = excelCsv(
      HEADER,
      ...Array.from(
        { length: 501 },
        (_, i) => `B-${i}/BESAR;01/12/2026;Budi;;Baris ${i};Uraian.;Surat`,
      ),
    );
    await chooseFile(big, 'besar.csv');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('lebih dari 500 baris');
  });

  it('a title two columns have is refused, naming the field, in Indonesian', async () => {
    const twice = excelCsv(
      'No. Surat;Tgl Terima;Nama Pengadu;Tgl Terima;Alamat;Perihal;Uraian;Saluran',
      'B-31/2026;01/12/2026;Yohanes Wenda;20/11/2026;;Dua kolom;Uraian.;Surat',
    );
    await chooseFile(twice, 'dua-kolom.csv');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Tanggal diterima: berkas ini punya lebih dari satu kolom dengan judul itu.');
    expect(await page.locator('table').count()).toBe(0);
  });
});
