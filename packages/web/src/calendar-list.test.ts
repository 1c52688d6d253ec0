import { describe, expect, it } from 'vitest';
import { readDayList } from './calendar-list';

const days = (text: string) =>
  readDayList(text, 'national_holiday', []).map((l) =>
    l.status === 'new' ? [l.line, l.day.date, l.day.name, l.day.kind] : [l.line, l.status],
  );

describe('a pasted line', () => {
  it('reads the date as a decree or a spreadsheet writes it, and the name after it', () => {
    expect(
      days(
        [
          '2027-01-01 Tahun Baru 2027 Masehi',
          'Jumat, 5 Februari 2027: Cuti bersama Imlek',
          '1.\t6 Februari 2027\tSabtu\tTahun Baru Imlek', // No | Tanggal | Hari | Keterangan
          '2. 10/03/2027 - Idulfitri 1448 H',
          '17 Agt 2027 Hari Kemerdekaan',
        ].join('\r\n'),
      ),
    ).toEqual([
      [1, '2027-01-01', 'Tahun Baru 2027 Masehi', 'national_holiday'],
      [2, '2027-02-05', 'Cuti bersama Imlek', 'collective_leave'],
      [3, '2027-02-06', 'Tahun Baru Imlek', 'national_holiday'],
      [4, '2027-03-10', 'Idulfitri 1448 H', 'national_holiday'],
      [5, '2027-08-17', 'Hari Kemerdekaan', 'national_holiday'],
    ]);
  });

  it('does not take a time, a day the calendar lacks, or a name alone for a day', () => {
    expect(
      days('Tahun Baru\n2027-02-29 Bukan kabisat\n\n2027-01-01 10:00 Upacara\n2027-01-01'),
    ).toEqual([
      [1, 'noDate'],
      [2, 'noSuchDay'],
      [4, '2027-01-01', '10:00 Upacara', 'national_holiday'],
      [5, 'repeated'],
    ]);
  });
});
