/**
 * A register as units keep it in Excel: a merged title row ("BUKU AGENDA SURAT MASUK …") above
 * the column titles. The import reads titles from the first row only, so the mapping is refused;
 * the refusal lists the file's titles for the admin to see what was read, each title once (a
 * merged cell repeats its text in every column it spans).
 */
import { DomainError, IMPORT_FILE_COLUMNS, Service } from '@pantau/core';
import { readSheet } from '@pantau/intake/sheet';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralAdmin, freshStore, manualClock } from '../support/dynamodb.ts';

let service: Service;
beforeAll(async () => {
  service = new Service({
    store: await freshStore(),
    clock: manualClock('2026-03-31T03:00:00.000Z').now,
  });
});

const TITLE = 'BUKU AGENDA SURAT MASUK MARET 2026';

async function registerWithTitleRow(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Maret');
  sheet.addRow([TITLE]);
  sheet.mergeCells('A1:E1');
  sheet.addRow(['No. Surat', 'Tgl Terima', 'Nama Pengirim', 'Perihal', 'Isi Ringkas']);
  sheet.addRow(['B-01/III/2026', '16/03/2026', 'Yohanes Wenda', 'Jalan rusak', 'Berlubang.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('a register with a merged title row above its column titles', () => {
  it('is refused listing what the first row holds, its title once', async () => {
    const content = await registerWithTitleRow();
    const refused = await service
      .importCases(
        centralAdmin,
        {
          mapping: {
            letterNumber: 'No. Surat',
            receivedAt: 'Tgl Terima',
            'complainant.name': 'Nama Pengirim',
            subject: 'Perihal',
            description: 'Isi Ringkas',
          },
          defaultChannel: 'letter',
          dryRun: true,
        },
        () => readSheet(content, 'xlsx'),
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    const listed = (refused as DomainError).errors?.find((e) => e.path === 'mapping');
    expect(listed?.message).toBe(`${IMPORT_FILE_COLUMNS}${JSON.stringify([TITLE])}`);
  });
});
