import { NUMBER_CELL, readRow, resolveMapping } from '@pantau/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet } from './sheet.ts';

const now = new Date('2026-03-16T03:00:00.000Z');
const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('the header row', () => {
  it('gives its titles as people read them: a line break typed with Alt+Enter, or spaces, as one space', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow([
      'Nomor Surat',
      'Tanggal Surat\nDiterima',
      '  Nama   Pengadu ',
      'Perihal',
      'Uraian',
    ]);
    sheet.addRow(['B-2/2026', '10/03/2026', 'Budi', 'Jalan', 'Rusak']);
    const read = await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(read.headers).toEqual([
      'Nomor Surat',
      'Tanggal Surat Diterima',
      'Nama Pengadu',
      'Perihal',
      'Uraian',
    ]);
    expect(read.rows[0]!.cells).toMatchObject({ 'Tanggal Surat Diterima': '10/03/2026' });
    expect(read.rowCount).toBe(1);
  });

  it('is matched by the mapping without regard to case, spacing or line breaks; a title it lacks is named', async () => {
    const read = await readSheet(
      csv(
        'Nomor Surat;Tanggal Surat Diterima;Nama pengadu;No. Telepon;Perihal;Uraian',
        'B-1/2026;10/03/2026;Made Wirawan;081234567890;Jalan rusak;Jalan desa rusak',
      ),
      'csv',
    );
    // The console's sample titles: "Nama Pengadu" and "Telepon" differ from the file's.
    const { mapping, missing } = resolveMapping(
      {
        letterNumber: 'nomor  surat',
        receivedAt: 'Tanggal Surat\nDiterima',
        'complainant.name': 'Nama Pengadu',
        'complainant.phone': 'Telepon',
        subject: 'PERIHAL',
        description: 'Uraian',
      },
      read.headers,
    );
    expect(missing).toEqual(['complainant.phone']);
    const row = readRow(read.rows[0]!, { mapping, defaultChannel: 'letter' }, now);
    expect(row.ok && row.registration.complainant).toEqual({ name: 'Made Wirawan' });
  });
});

describe('a NIK or phone Excel wrote in a CSV as a number', () => {
  it('in scientific notation (either decimal mark) is a number cell, asking for a text column', async () => {
    const read = await readSheet(
      csv(
        'Nomor Surat;Tanggal;Nama;NIK;Telepon;Perihal;Uraian',
        'B-1/2026;10/03/2026;José;3,20101E+15;081234567890;Jalan;Rusak',
        'B-2/2026;10/03/2026;Ani;3201012345678901;6,28123E+12;Air;Keruh',
        'B-3/2026;10/03/2026;Budi;3.20101E+15;081234567890;Listrik;Padam',
        'B-4/2026;10/03/2026;Rina;3201012345678901;081234567890;Sampah;Menumpuk',
      ),
      'csv',
    );
    const mapping = {
      letterNumber: 'Nomor Surat',
      receivedAt: 'Tanggal',
      'complainant.name': 'Nama',
      'complainant.idNumber': 'NIK',
      'complainant.phone': 'Telepon',
      subject: 'Perihal',
      description: 'Uraian',
    } as const;
    const rows = read.rows.map((r) => readRow(r, { mapping, defaultChannel: 'letter' }, now));
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors))).toEqual([
      [{ field: 'complainant.idNumber', message: NUMBER_CELL }],
      [{ field: 'complainant.phone', message: NUMBER_CELL }],
      [{ field: 'complainant.idNumber', message: NUMBER_CELL }],
      'ok',
    ]);
  });
});

describe('a sheet past the rows the reader keeps', () => {
  it('counts them all, so the limit names how many the file has', async () => {
    const lines = Array.from({ length: 10_050 }, (_, i) => `B-${i}/2026;10/03/2026;x;y`);
    const read = await readSheet(csv('Nomor Surat;Tanggal;Perihal;Uraian', ...lines), 'csv');
    expect(read.rows).toHaveLength(10_000);
    expect(read.rowCount).toBe(10_050);
  });
});
