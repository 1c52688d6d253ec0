import { describe, expect, it } from 'vitest';
import { localDateTime } from './calendar.ts';
import { type CaseRecord, newCase } from './case.ts';
import {
  agencyStatsSheet,
  CASE_SHEET_COLUMNS,
  caseSheetRow,
  cellText,
  type SheetCell,
} from './report-sheets.ts';
import { agencyReport } from './stats.ts';

const names = new Map([
  ['polri', 'Kepolisian Negara Republik Indonesia'],
  ['pln', 'PT PLN (Persero)'],
]);

const registered = newCase({
  id: '01KM0000000000000000000000',
  trackingCode: 'AAAA-BBBB-CCCCC',
  body: {
    channel: 'email',
    complainant: null,
    subject: 'Listrik padam',
    description: 'Uraian',
    receivedAt: '2026-03-15T17:30:00.000Z', // Monday 16 March, 00:30 WIB
  },
  now: new Date('2026-03-16T03:00:00.000Z'),
  verificationDueAt: new Date('2026-03-20T16:59:59.999Z'),
  agendaNumber: '17/DUMAS/III/2026',
});

describe('the spreadsheets people read', () => {
  it('write times in WIB to the minute, on the local day', () => {
    const at = new Date('2026-03-15T17:30:00.000Z');
    expect(localDateTime(at, 'Asia/Jakarta')).toBe('2026-03-16 00:30');
    expect(localDateTime(new Date('2026-03-16T16:30:59.999Z'), 'Asia/Jakarta')).toBe(
      '2026-03-16 23:30',
    );
    expect(localDateTime(at, 'Asia/Jayapura')).toBe('2026-03-16 02:30');
  });

  it('show a case by its agenda number, in words, with its agencies by name', () => {
    const closed: CaseRecord = {
      ...registered,
      status: 'closed',
      classification: { type: 'examination', category: 'Pertanahan', note: 'catatan' },
      agencyIds: ['pln', 'kanwil-lama'],
      nextDueAt: null,
      closure: { outcome: 'unresolved', note: null, at: '2026-04-30T17:05:00.000Z' },
    };
    const row = caseSheetRow(closed, new Date('2026-05-04T03:00:00.000Z'), names);
    // Times are time cells (a workbook's date cells), written as the CSV writes them.
    expect(row[1]).toEqual({ localTime: '2026-03-16 00:30' });
    const text = Object.fromEntries(
      CASE_SHEET_COLUMNS.map((column, i) => [column, cellText(row[i]!)]),
    );
    expect(text).toEqual({
      'Nomor agenda': '17/DUMAS/III/2026',
      'Diterima (WIB)': '2026-03-16 00:30',
      Saluran: 'Surel',
      Perihal: 'Listrik padam',
      'Jenis pengaduan': 'Pemeriksaan',
      Kategori: 'Pertanahan',
      // An agency removed from the directory since goes by its id.
      'Instansi terkait': 'PT PLN (Persero); kanwil-lama',
      Status: 'Ditutup',
      'Lewat tenggat': 'Tidak',
      'Hasil penutupan': 'Tidak terselesaikan',
      'Ditutup (WIB)': '2026-05-01 00:05',
    });
    expect(row).toHaveLength(CASE_SHEET_COLUMNS.length);
    expect(row).not.toContain(closed.trackingCode);
    expect(row).not.toContain(closed.id);
  });

  it('show a case without an agenda number by its id, overdue as "Ya", unclassified as empty', () => {
    const old: CaseRecord = { ...registered, agendaNumber: null };
    const row = caseSheetRow(old, new Date('2026-03-23T03:00:00.000Z'), names);
    expect(row).toEqual([
      old.id,
      { localTime: '2026-03-16 00:30' },
      'Surel',
      'Listrik padam',
      '',
      '',
      '',
      'Diterima',
      'Ya',
      '',
      '',
    ]);
  });

  it('name the agencies in the statistics, and the totals "Semua instansi"', () => {
    const counter = (agencyId: string, assigned: number, responded: number) => ({
      agencyId,
      assigned,
      redirected: 0,
      withdrawn: 0,
      responded,
      respondedOnTime: responded,
      // Acknowledged whenever answered, half of them (rounded down) on time.
      acknowledged: responded,
      acknowledgedOnTime: Math.floor(responded / 2),
      completed: 0,
      histogram: new Map([[2, responded]]),
    });
    const report = agencyReport(
      [counter('polri', 10, 9), counter('pln', 1, 0), counter('kanwil-lama', 2, 1)],
      5,
    );
    const rows = agencyStatsSheet(report, names).rows;
    // Rates are numbers to two decimals, the CSV's text their figure.
    expect(rows[0]![9]).toEqual({ decimal: 90, places: 2 });
    expect(rows.at(-1)![10]).toEqual({ decimal: 76.92, places: 2 });
    expect(rows.map((row) => row.map((cell: SheetCell) => cellText(cell)))).toEqual([
      [
        'Kepolisian Negara Republik Indonesia',
        10,
        0,
        0,
        9,
        4,
        9,
        9,
        0,
        '90.00',
        '90.00',
        '40.00',
        2,
        'Tidak',
        1,
      ],
      // Below the minimum sample, after the ranked, by name.
      ['kanwil-lama', 2, 0, 0, 1, 0, 1, 1, 0, '50.00', '50.00', '0.00', 2, 'Ya', ''],
      ['PT PLN (Persero)', 1, 0, 0, 0, 0, 0, 0, 0, '0.00', '0.00', '0.00', '', 'Ya', ''],
      ['Semua instansi', 13, 0, 0, 10, 4, 10, 10, 0, '76.92', '76.92', '30.77', 2, 'Tidak', ''],
    ]);
  });
});
