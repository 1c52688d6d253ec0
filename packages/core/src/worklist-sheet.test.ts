import { describe, expect, it } from 'vitest';
import { reportHeading } from './report-sheets.ts';
import type { AssignmentView } from './schemas.ts';
import {
  worklistListWords,
  worklistNotes,
  worklistSheetColumns,
  worklistSheetRow,
} from './worklist-sheet.ts';

const names = new Map([['pemkot-jayapura', 'Pemerintah Kota Jayapura']]);

/** An assignment as the worklist lists it: forwarded Monday 2 March 2026, 10:00 WIB. */
const listed = {
  caseId: 'c1',
  agencyId: 'pemkot-jayapura',
  subject: 'Air bersih tidak mengalir',
  agendaNumber: '12/DUMAS/III/2026',
  state: 'acknowledged',
  forwardedAt: '2026-03-02T03:00:00.000Z',
  timeZone: 'Asia/Jayapura',
  due: {
    acknowledge: '2026-03-05T14:59:59.999Z',
    followUp: '2026-03-09T14:59:59.999Z',
    resolution: '2026-03-20T14:59:59.999Z',
  },
  met: { acknowledge: '2026-03-03T03:00:00.000Z', followUp: null, resolution: null },
  nextDueAt: '2026-03-09T14:59:59.999Z',
  nextDueWorkingDaysLate: 1,
  escalationLevel: 3,
  paused: false,
} as unknown as AssignmentView;

describe('the worklist as a spreadsheet', () => {
  it('names its times’ zone, the reader’s, in the header', () => {
    expect(worklistSheetColumns('Asia/Makassar')).toContain('Diteruskan (WITA)');
    expect(worklistSheetColumns('Asia/Jakarta')).toContain('Tenggat berikutnya (WIB)');
  });

  it('writes a WIT agency’s deadline in the reader’s zone, its target and rung in words', () => {
    expect(worklistSheetRow(listed, names, 'Asia/Jakarta')).toEqual([
      'Pemerintah Kota Jayapura',
      '12/DUMAS/III/2026',
      'Air bersih tidak mengalir',
      { localTime: '2026-03-02 10:00' },
      'Diterima instansi',
      // 23:59 WIT is 21:59 WIB: the header says WIB.
      { localTime: '2026-03-09 21:59' },
      'Laporan tindak lanjut awal',
      1,
      'Surat penegasan',
    ]);
  });

  it('says a paused clock beside the state, and no deadline while it is paused', () => {
    const paused = { ...listed, paused: true, nextDueAt: null, nextDueWorkingDaysLate: null };
    const row = worklistSheetRow(paused as AssignmentView, names, 'Asia/Jakarta');
    expect(row.slice(4, 8)).toEqual(['Diterima instansi (dihentikan sementara)', '', '', '']);
  });

  it('says what the list holds in words, every filter of it', () => {
    expect(worklistListWords({}, 'Asia/Jakarta')).toBe('Semua penugasan yang masih berjalan');
    expect(worklistListWords({ newlyOverdue: true }, 'Asia/Jakarta')).toBe(
      'Lewat tenggat sejak hari kerja sebelumnya',
    );
    expect(worklistListWords({ state: 'pending', target: 'acknowledge' }, 'Asia/Jakarta')).toBe(
      'Status Menunggu; Lewat tenggat konfirmasi penerimaan pengaduan',
    );
    expect(worklistListWords({ dueWithin: 2, type: 'light' }, 'Asia/Jakarta')).toBe(
      'Tenggat dalam 2 hari kerja, belum lewat; Pengaduan ringan',
    );
    expect(worklistListWords({ awaitingReforward: true, monitoring: true }, 'Asia/Jakarta')).toBe(
      'Bukan kewenangan, menunggu penerusan ulang; Dalam intervensi pusat',
    );
  });

  it('heads each printed page with the list and as of when, having no period', () => {
    const notes = worklistNotes({
      filter: { overdue: true },
      agency: 'Pemerintah Kota Jayapura',
      at: new Date('2026-03-10T03:00:00.000Z'),
      zone: 'Asia/Jakarta',
    });
    expect(reportHeading(notes)).toEqual([
      'Penugasan instansi: Pemerintah Kota Jayapura',
      'Lewat tenggat — keadaan 10 Maret 2026 pukul 10.00 WIB',
    ]);
  });
});
