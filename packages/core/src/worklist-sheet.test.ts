import { describe, expect, it } from 'vitest';
import { reportHeading } from './report-sheets.ts';
import type { AssignmentView } from './schemas.ts';
import { WorklistExportQuery, WorklistQuery } from './schemas.ts';
import {
  WORKLIST_SHEET_COLUMNS,
  worklistFileName,
  worklistListWords,
  worklistNotes,
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
  it('claims no one zone for all its times in the header', () => {
    expect(WORKLIST_SHEET_COLUMNS).toContain('Diteruskan');
    expect(WORKLIST_SHEET_COLUMNS).toContain('Tenggat berikutnya');
    expect(WORKLIST_SHEET_COLUMNS.join(' ')).not.toMatch(/WIB|WITA|WIT/);
  });

  it('writes a WIT agency’s times in WIT, named beside them, its target and rung in words', () => {
    expect(worklistSheetRow(listed, names)).toEqual([
      'Pemerintah Kota Jayapura',
      '12/DUMAS/III/2026',
      'Air bersih tidak mengalir',
      // 10:00 WIB is 12:00 WIT; the deadline ends the working day in Jayapura, as its letters say.
      { localTime: '2026-03-02 12:00', zone: 'WIT' },
      'Diterima instansi',
      { localTime: '2026-03-09 23:59', zone: 'WIT' },
      'Laporan tindak lanjut awal',
      1,
      'Surat penegasan',
    ]);
    const makassar = { ...listed, timeZone: 'Asia/Makassar' } as AssignmentView;
    expect(worklistSheetRow(makassar, names)[3]).toEqual({
      localTime: '2026-03-02 11:00',
      zone: 'WITA',
    });
  });

  it('says a paused clock beside the state, and no deadline while it is paused', () => {
    const paused = { ...listed, paused: true, nextDueAt: null, nextDueWorkingDaysLate: null };
    const row = worklistSheetRow(paused as AssignmentView, names);
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

  it('says both when newly overdue is asked on one target, as the rows are filtered', () => {
    expect(worklistListWords({ newlyOverdue: true, target: 'acknowledge' }, 'Asia/Jakarta')).toBe(
      'Lewat tenggat konfirmasi penerimaan pengaduan sejak hari kerja sebelumnya',
    );
    expect(
      worklistListWords(
        { newlyOverdueSince: '2026-03-09T00:00:00.000Z', target: 'followUp', overdue: true },
        'Asia/Jakarta',
      ),
    ).toBe('Lewat tenggat laporan tindak lanjut awal sejak 9 Maret 2026 pukul 07.00 WIB');
    expect(worklistListWords({ dueWithin: 2, overdue: false }, 'Asia/Jakarta')).toBe(
      'Tenggat dalam 2 hari kerja, belum lewat',
    );
  });

  it('says in its notes that each time is in its agency’s zone, not that all are WIB', () => {
    const notes = worklistNotes({
      filter: {},
      agency: undefined,
      at: new Date('2026-03-10T03:00:00.000Z'),
      zone: 'Asia/Jakarta',
    });
    expect(notes.at(-1)).toEqual([
      'Waktu',
      'Waktu setiap penugasan dalam zona waktu instansinya (WIB, WITA atau WIT), tertulis di sampingnya',
    ]);
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

describe('the worklist file’s name', () => {
  const on = new Date('2026-12-04T03:00:00.000Z');
  it('says the list and the day, so two lists downloaded the same day keep their own files', () => {
    expect(worklistFileName({ newlyOverdue: true }, on, 'Asia/Jakarta')).toBe(
      'penugasan-lewat-tenggat-baru-2026-12-04',
    );
    expect(worklistFileName({ dueWithin: 2 }, on, 'Asia/Jakarta')).toBe(
      'penugasan-tenggat-dalam-2-hari-kerja-2026-12-04',
    );
    expect(worklistFileName({}, on, 'Asia/Jakarta')).toBe('penugasan-berjalan-2026-12-04');
    expect(
      worklistFileName(
        { agencyId: 'pemkot-jayapura', state: 'acknowledged', target: 'followUp', type: 'light' },
        on,
        'Asia/Jakarta',
      ),
    ).toBe(
      'penugasan-pemkot-jayapura-diterima-instansi-lewat-tenggat-laporan-tindak-lanjut-awal-pengaduan-ringan-2026-12-04',
    );
    expect(
      worklistFileName({ awaitingReforward: true, monitoring: false }, on, 'Asia/Jakarta'),
    ).toBe('penugasan-menunggu-penerusan-ulang-di-luar-intervensi-pusat-2026-12-04');
    expect(worklistFileName({ overdue: false }, on, 'Asia/Jakarta')).toMatch(
      /^penugasan-belum-lewat-tenggat-2026-12-04$/,
    );
  });
  it('is ASCII letters, digits and hyphens only', () => {
    for (const filter of [
      { newlyOverdueSince: '2026-12-01T00:00:00.000Z' },
      { monitoring: true, overdue: true },
      { state: 'redirected' as const },
    ])
      expect(worklistFileName(filter, on, 'Asia/Jakarta')).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('filters that cannot hold together', () => {
  const refused = (query: object) =>
    [WorklistQuery, WorklistExportQuery].map((schema) => {
      const parsed = schema.safeParse(query);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    });
  it.each([
    [{ dueWithin: '2', overdue: 'true' }, 'dueWithin'],
    [{ dueWithin: '2', target: 'acknowledge' }, 'dueWithin'],
    [{ dueWithin: '2', newlyOverdue: 'true' }, 'dueWithin'],
    [{ dueWithin: '2', newlyOverdueSince: '2026-03-09T00:00:00.000Z' }, 'dueWithin'],
    [{ newlyOverdue: 'true', overdue: 'false' }, 'overdue'],
    [{ target: 'acknowledge', overdue: 'false' }, 'overdue'],
    [{ newlyOverdue: 'true', newlyOverdueSince: '2026-03-09T00:00:00.000Z' }, 'newlyOverdueSince'],
    [{ awaitingReforward: 'true', state: 'pending' }, 'state'],
    [{ awaitingReforward: 'true', overdue: 'true' }, 'overdue'],
    [{ awaitingReforward: 'true', dueWithin: '2' }, 'dueWithin'],
    [{ state: 'completed', newlyOverdue: 'true' }, 'newlyOverdue'],
    [{ state: 'withdrawn', dueWithin: '2' }, 'dueWithin'],
  ])('%o is refused, naming %s', (query, field) => {
    expect(refused(query)).toEqual([[field], [field]]);
  });
  it.each([
    { dueWithin: '2', overdue: 'false' },
    { dueWithin: '2', state: 'pending' },
    { newlyOverdue: 'true', target: 'acknowledge', overdue: 'true' },
    { awaitingReforward: 'true', state: 'redirected' },
    { state: 'completed', overdue: 'true' },
  ])('%o is taken', (query) => {
    expect(refused(query)).toEqual([[], []]);
  });
});
