/**
 * A unit's register as Excel on an Indonesian Windows saves it (`;`, a BOM, CRLF, blank lines,
 * `-` for a letter without a number), read by the API's own reader and imported: what the
 * admin reads for a row, and which cell each field is read from.
 */
import { DomainError, IMPORT_DUPLICATE_COLUMN, type ImportInput, Service } from '@pantau/core';
import { readSheet } from '@pantau/intake/sheet';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralAdmin, freshStore, manualClock } from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: manualClock('2026-12-02T05:00:00.000Z').now });
});

const excelCsv = (...lines: string[]) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([...lines, ''].join('\r\n'))]);
const importCsv = (content: Buffer, mapping: ImportInput['mapping'], dryRun = true) =>
  service.importCases(centralAdmin, { mapping, defaultChannel: 'letter', dryRun }, () =>
    readSheet(content, 'csv'),
  );

describe('a row the admin must correct', () => {
  const MAPPING = {
    letterNumber: 'No. Surat',
    receivedAt: 'Tgl Terima',
    'complainant.name': 'Nama Pengadu',
    subject: 'Perihal',
    description: 'Uraian',
  } as const;

  it('a letter without a number whose date cannot be read is told about its date, not asked for a number it need not have', async () => {
    const report = await importCsv(
      excelCsv(
        'No. Surat;Tgl Terima;Nama Pengadu;Perihal;Uraian',
        '-;2 Desember 2026;Maria Kogoya;Lampu jalan mati;Lampu jalan mati sebulan.',
        '',
        '-;kemarin;Yohanes Wenda;Jalan rusak;Jalan Abepura rusak berat.',
        'tanpa nomor;02/12/2026;Yohanes Wenda;;Perihal terlupa.',
      ),
      MAPPING,
    );
    expect(report.rows.map((r) => [r.row, r.outcome, r.errors])).toEqual([
      [2, 'ok', []],
      [
        4,
        'error',
        [
          {
            field: 'receivedAt',
            message: 'not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026 or a date cell)',
          },
        ],
      ],
      [5, 'error', [expect.objectContaining({ field: 'subject', code: 'invalid_type' })]],
    ]);
  });

  it('a row whose date received is left empty is asked for it, as an empty subject is', async () => {
    const report = await importCsv(
      excelCsv(
        'No. Surat;Tgl Terima;Nama Pengadu;Perihal;Uraian',
        'B-40/RW02/XII/2026; ;Maria Kogoya;Lampu jalan mati;Lampu jalan mati sebulan.',
        '-;;Yohanes Wenda;Jalan rusak;Jalan Abepura rusak berat.',
      ),
      MAPPING,
    );
    expect(report.rows.map((r) => [r.row, r.outcome, r.errors])).toEqual([
      [2, 'error', [{ field: 'receivedAt', message: 'required', code: 'invalid_type' }]],
      [3, 'error', [{ field: 'receivedAt', message: 'required', code: 'invalid_type' }]],
    ]);
  });
});

describe('a register with two columns of one title', () => {
  it('is refused naming the field mapped to that title: which of the two it means cannot be known', async () => {
    // The register's "Tanggal" under "Diterima" and again under "Surat" (a two-row heading
    // flattened): the date received is the first, the letter's own date the second.
    const file = excelCsv(
      'No. Surat;Tanggal;Nama Pengadu;Tanggal;Perihal;Uraian',
      'B-31/RW07/XI/2026;01/12/2026;Yohanes Wenda;20/11/2026;Jalan rusak;Jalan Abepura rusak berat.',
    );
    const mapping = {
      letterNumber: 'No. Surat',
      receivedAt: 'Tanggal',
      'complainant.name': 'Nama Pengadu',
      subject: 'Perihal',
      description: 'Uraian',
    } as const;
    const refused = await importCsv(file, mapping, false).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'mapping.receivedAt', message: IMPORT_DUPLICATE_COLUMN }],
    });
    const cases = await store.listCases({}, { limit: 50 });
    expect(cases.items.filter((c) => c.subject === 'Jalan rusak')).toEqual([]);

    // Titled apart, each column is read as mapped.
    const renamed = excelCsv(
      'No. Surat;Tanggal Terima;Nama Pengadu;Tanggal;Perihal;Uraian',
      'B-31/RW07/XI/2026;01/12/2026;Yohanes Wenda;20/11/2026;Jalan rusak;Jalan Abepura rusak berat.',
    );
    const report = await importCsv(
      renamed,
      { ...mapping, receivedAt: 'Tanggal Terima', letterDate: 'Tanggal' },
      false,
    );
    expect(report.rows.map((r) => r.outcome)).toEqual(['created']);
    expect((await store.getCase(report.rows[0]!.caseId!))?.case).toMatchObject({
      receivedAt: '2026-11-30T17:00:00.000Z',
      letter: { number: 'B-31/RW07/XI/2026', date: '2026-11-20', sender: 'Yohanes Wenda' },
    });
  });
});
