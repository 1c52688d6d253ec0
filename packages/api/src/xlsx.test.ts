import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { base64Bytes, boundedXlsx, toXlsx } from './xlsx.ts';

const sheet = {
  name: 'Pengaduan',
  writtenAt: new Date('2026-03-10T03:00:00.000Z'),
  columns: ['Nomor agenda', 'Perihal'],
  rows: [['1/DUMAS/III/2026', 'Listrik padam']],
};

describe('a workbook in one response', () => {
  it('is measured as the base64 Lambda sends it in, a third more than its bytes', async () => {
    const file = await toXlsx(sheet);
    const sent = base64Bytes(file.byteLength);
    expect(sent).toBe(file.toString('base64').length);
    // Its bytes would fit; as base64 it does not: refused. (A file written again may differ by a
    // few bytes, its time stamps compressed: a margin of 100 either way.)
    const tooLarge = new Error('too large');
    await expect(boundedXlsx(sheet, () => tooLarge, file.byteLength + 100)).rejects.toBe(tooLarge);
    expect(sent - file.byteLength).toBeGreaterThan(200);
    expect((await boundedXlsx(sheet, () => tooLarge, sent + 100)).byteLength).toBeGreaterThan(0);
  });
});

describe('a workbook printed', () => {
  it('repeats the header row atop every page: page 2 of 400 rows names its columns', async () => {
    const long = {
      ...sheet,
      rows: Array.from({ length: 400 }, (_, i) => [`${i + 1}/DUMAS/III/2026`, 'Listrik padam']),
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(long)) as unknown as ArrayBuffer);
    // Excel's "Rows to repeat at top" (the defined name `_xlnm.Print_Titles`).
    expect(workbook.worksheets[0]!.pageSetup.printTitlesRow).toBe('1:1');
  });
});
