/**
 * A register as units keep it in Excel: a merged title row ("BUKU AGENDA SURAT MASUK …"), maybe
 * a "Bulan: Maret" line and a blank row above the column titles. The import finds the titles'
 * row (the first of the first 10 non-empty rows with 3 distinct texts), reads the rows below it
 * and numbers them as the sheet does; a file with no such row is read from its first row as
 * before, and the refusal lists the file's titles for the admin to see what was read, each
 * title once (a merged cell repeats its text in every column it spans).
 */
import { DomainError, IMPORT_FILE_COLUMNS, type ImportInput, Service } from '@pantau/core';
import { readSheet, type SheetFormat } from '@pantau/intake/sheet';
import type { DynamoStore } from '@pantau/store';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralAdmin, freshStore, manualClock } from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: manualClock('2026-03-31T03:00:00.000Z').now });
});

const TITLE = 'BUKU AGENDA SURAT MASUK MARET 2026';
const TITLES = ['No. Surat', 'Tgl Terima', 'Nama Pengirim', 'Perihal', 'Isi Ringkas'];
const MAPPING: ImportInput['mapping'] = {
  letterNumber: 'No. Surat',
  receivedAt: 'Tgl Terima',
  'complainant.name': 'Nama Pengirim',
  subject: 'Perihal',
  description: 'Isi Ringkas',
};
const dataRows = (prefix: string) => [
  [`${prefix}-01/III/2026`, '16/03/2026', 'Yohanes Wenda', 'Jalan rusak', 'Berlubang.'],
  [`${prefix}-02/III/2026`, '17/03/2026', 'Maria Kogoya', 'Lampu jalan mati', 'Sebulan mati.'],
  [`${prefix}-03/III/2026`, '18/03/2026', 'Budi Santoso', 'Air keruh', 'Air PDAM keruh.'],
];

const importFile = (content: Buffer, format: SheetFormat, dryRun = true) =>
  service.importCases(centralAdmin, { mapping: MAPPING, defaultChannel: 'letter', dryRun }, () =>
    readSheet(content, format),
  );

async function xlsx(lines: readonly (readonly string[])[], merge?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Maret');
  for (const line of lines) sheet.addRow([...line]);
  if (merge) sheet.mergeCells(merge);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV as Excel in Indonesian saves it: a BOM, `;`, CRLF. */
const excelCsv = (...lines: string[]) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([...lines, ''].join('\r\n'))]);

describe('a register with title rows above its column titles', () => {
  it('as XLSX: a merged title, a "Bulan" line and a blank row are not rows; the 3 rows below the titles import with the sheet’s row numbers', async () => {
    const content = await xlsx([[TITLE], ['Bulan: Maret'], [], TITLES, ...dataRows('B')], 'A1:E1');
    const dry = await importFile(content, 'xlsx');
    expect(dry.rows.map((r) => [r.row, r.outcome, r.errors])).toEqual([
      [5, 'ok', []],
      [6, 'ok', []],
      [7, 'ok', []],
    ]);
    const done = await importFile(content, 'xlsx', false);
    expect(done.rows.map((r) => [r.row, r.outcome])).toEqual([
      [5, 'created'],
      [6, 'created'],
      [7, 'created'],
    ]);
    expect((await store.getCase(done.rows[0]!.caseId!))?.case).toMatchObject({
      subject: 'Jalan rusak',
      complainant: { name: 'Yohanes Wenda' },
    });
  });

  it('as CSV saved by Excel (the title padded with separators, the blank row `;;;;`)', async () => {
    const content = excelCsv(
      `${TITLE};;;;`,
      'Unit: Asdep Pengaduan Masyarakat;;;;',
      ';;;;',
      TITLES.join(';'),
      ...dataRows('C').map((r) => r.join(';')),
    );
    const report = await importFile(content, 'csv');
    expect(report.rows.map((r) => [r.row, r.outcome, r.errors])).toEqual([
      [5, 'ok', []],
      [6, 'ok', []],
      [7, 'ok', []],
    ]);
  });

  it('as CSV written by hand: title lines without any separator do not decide it', async () => {
    const content = excelCsv(
      TITLE,
      'Bulan: Maret',
      '',
      TITLES.join(';'),
      ...dataRows('D').map((r) => r.join(';')),
    );
    const report = await importFile(content, 'csv');
    expect(report.rows.map((r) => [r.row, r.outcome, r.errors])).toEqual([
      [5, 'ok', []],
      [6, 'ok', []],
      [7, 'ok', []],
    ]);
  });

  it('with no row of 3 titles among its first 10 non-empty rows, is read from its first row and refused listing what it holds, its title once', async () => {
    // Ten lines of notes under the title: the column titles come too late to be looked for.
    const notes = Array.from({ length: 10 }, (_, i) => [`Catatan ${i + 1}`, 'lihat arsip']);
    const content = await xlsx([[TITLE], ...notes, TITLES, ...dataRows('E')], 'A1:E1');
    const refused = await importFile(content, 'xlsx').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    const listed = (refused as DomainError).errors?.find((e) => e.path === 'mapping');
    expect(listed?.message).toBe(`${IMPORT_FILE_COLUMNS}${JSON.stringify([TITLE])}`);
  });
});
