import { describe, expect, it } from 'vitest';
import { localDateTime } from './calendar.ts';
import { type CaseRecord, newCase } from './case.ts';
import {
  agencyStatsSheet,
  CASE_SHEET_COLUMNS,
  caseSheetRow,
  cellText,
  reportHeading,
  reportNotes,
  type SheetCell,
} from './report-sheets.ts';
import { agencyReport } from './stats.ts';

const names = new Map([
  ['polri', 'Kepolisian Negara Republik Indonesia'],
  ['pln', 'PT PLN (Persero)'],
  ['atr-bpn', 'Kementerian ATR/BPN'],
  ['dinas-baru', 'Dinas Kominfo Kabupaten Baru'],
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
      [
        counter('polri', 10, 9),
        counter('pln', 1, 0),
        counter('kanwil-lama', 2, 1),
        counter('dinas-baru', 0, 0),
        counter('atr-bpn', 8, 4),
      ],
      5,
    );
    const rows = agencyStatsSheet(report, names).rows;
    // Rates are numbers to two decimals, the CSV's text their figure.
    expect(rows[0]![9]).toEqual({ decimal: 90, places: 2 });
    expect(rows.at(-1)![10]).toEqual({ decimal: 66.67, places: 2 });
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
      ['Kementerian ATR/BPN', 8, 0, 0, 4, 2, 4, 4, 0, '50.00', '50.00', '25.00', 2, 'Tidak', 2],
      // Below the minimum sample, after the ranked, by name.
      ['kanwil-lama', 2, 0, 0, 1, 0, 1, 1, 0, '50.00', '50.00', '0.00', 2, 'Ya', ''],
      ['PT PLN (Persero)', 1, 0, 0, 0, 0, 0, 0, 0, '0.00', '0.00', '0.00', '', 'Ya', ''],
      // Nothing forwarded in the period: said so, not a "small sample" of none, and last.
      [
        'Dinas Kominfo Kabupaten Baru',
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        '',
        '',
        '',
        '',
        'Tidak ada pengaduan diteruskan',
        '',
      ],
      ['Semua instansi', 21, 0, 0, 14, 6, 14, 14, 0, '66.67', '66.67', '28.57', 2, 'Tidak', ''],
    ]);
  });

  it('leave the one agency at the minimum sample unranked, first of the unranked', () => {
    // PLN: 5 forwarded, none answered; alone at the minimum, so best of none.
    const report = agencyReport(
      [
        { ...counterOf('pln', 5, 0) },
        { ...counterOf('atr-bpn', 2, 2) },
        { ...counterOf('dinas-baru', 0, 0) },
      ],
      5,
    );
    const rows = agencyStatsSheet(report, names).rows.map((row) => [row[0], row[13], row[14]]);
    expect(rows).toEqual([
      ['PT PLN (Persero)', 'Tidak', ''],
      ['Kementerian ATR/BPN', 'Ya', ''],
      ['Dinas Kominfo Kabupaten Baru', 'Tidak ada pengaduan diteruskan', ''],
      ['Semua instansi', 'Tidak', ''],
    ]);
  });
});

const counterOf = (agencyId: string, assigned: number, responded: number) => ({
  agencyId,
  assigned,
  redirected: 0,
  withdrawn: 0,
  responded,
  respondedOnTime: responded,
  acknowledged: 0,
  acknowledgedOnTime: 0,
  completed: 0,
  histogram: new Map(responded > 0 ? [[2, responded]] : []),
});

describe('a printed report', () => {
  const at = new Date('2026-04-01T03:00:00.000Z');
  it('heads each page with the report and its period', () => {
    expect(
      reportHeading(
        reportNotes({
          title: 'Statistik kinerja instansi',
          from: '2026-03-01',
          to: '2026-03-31',
          at,
          minimumSample: 5,
        }),
      ),
    ).toEqual(['Statistik kinerja instansi', '1 Maret 2026 s.d. 31 Maret 2026']);
  });

  it('names the agency of a cases export made for one', () => {
    expect(
      reportHeading(
        reportNotes({
          title: 'Pengaduan yang diterima',
          from: '2026-01-01',
          to: '2026-03-10',
          at,
          agency: 'PT PLN (Persero)',
        }),
      ),
    ).toEqual(['Pengaduan yang diterima: PT PLN (Persero)', '1 Januari 2026 s.d. 10 Maret 2026']);
  });
});
