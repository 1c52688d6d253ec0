/**
 * What central's two spreadsheets say, cell by cell (`GET /v1/stats/agencies.csv`,
 * `GET /v1/exports/cases.csv`, and the same as `.xlsx`, written from the same cells): they are
 * read by people in Excel or LibreOffice, so the
 * headers are Indonesian, agencies go by name, codes are the console's words, and times are
 * the unit's (WIB) to the minute. A case goes by its agenda number. Never the complainant's
 * identity, nor the tracking code: that is the complainant's credential (whoever holds it
 * replies and closes the case as them), and spreadsheets get forwarded.
 */
import { localDateTime, TIME_ZONE_LABELS } from './calendar.ts';
import { agendaOf, type CaseRecord, isCaseOverdue } from './case.ts';
import {
  CHANNEL_LABELS,
  COMPLAINT_TYPE_LABELS,
  OUTCOME_LABELS,
  STATUS_LABELS,
  yesNo,
} from './labels.ts';
import { indonesianDate } from './date-words.ts';
import { type AgencyStats, STATS_TIME_ZONE } from './stats.ts';

/**
 * A number written with a fixed count of decimals, as a rate in percent is (`66.67`): the CSV
 * writes it so, a workbook holds the number and shows that many decimals in the reader's locale.
 */
export interface SheetDecimal {
  readonly decimal: number;
  readonly places: number;
}
/**
 * A wall-clock time to the minute, as `YYYY-MM-DD HH:mm`: the CSV writes it so, a workbook holds
 * it as a date cell shown the same way. In the unit's zone (WIB, named in the column's header),
 * or in the zone `zone` names (`WITA`), written beside it: a list whose rows each keep their own
 * agency's zone (the worklist's).
 */
export interface SheetTime {
  readonly localTime: string;
  readonly zone?: string;
}
/** A cell: text, a count, a fixed-decimal number or a time; `''` is an empty cell. */
export type SheetCell = string | number | SheetDecimal | SheetTime;
export interface Sheet {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
}

/** A cell as the CSV writes it (and a workbook shows it): its text, or a number as it is. */
export const cellText = (cell: SheetCell): string | number =>
  typeof cell !== 'object'
    ? cell
    : 'decimal' in cell
      ? cell.decimal.toFixed(cell.places)
      : cell.zone
        ? `${cell.localTime} ${cell.zone}`
        : cell.localTime;

/** The workbooks' sheet names (a sheet's name takes at most 31 characters). */
export const AGENCY_STATS_SHEET_NAME = 'Statistik instansi';
export const CASE_SHEET_NAME = 'Pengaduan';

/**
 * Agency names by id. An agency missing from it (removed from the directory since) goes by
 * its id: a row must still say which agency it is.
 */
export type AgencyNameMap = ReadonlyMap<string, string>;
const nameOf = (names: AgencyNameMap, id: string) => names.get(id) ?? id;

const ZONE = TIME_ZONE_LABELS[STATS_TIME_ZONE];
const time = (instant: string): SheetTime => ({
  localTime: localDateTime(new Date(instant), STATS_TIME_ZONE),
});
/** A rate in percent to two decimals (the number the file holds is the one it shows). */
const percent = (rate: number | null): SheetCell =>
  rate === null ? '' : { decimal: Number((rate * 100).toFixed(2)), places: 2 };

/** The per-agency statistics' columns, in the console's words (its statistics table). */
export const AGENCY_STATS_COLUMNS = [
  'Instansi',
  'Diteruskan',
  'Bukan kewenangan',
  'Ditarik sebelum tenggat',
  'Dikonfirmasi',
  'Dikonfirmasi tepat waktu',
  'Ditanggapi',
  'Tepat waktu',
  'Tuntas',
  'Tingkat tanggapan (%)',
  'Tingkat tepat waktu (%)',
  'Tingkat konfirmasi tepat waktu (%)',
  'Median hari kerja ke tanggapan pertama',
  'Di bawah sampel minimum',
  'Peringkat',
] as const;

/** What an agency's "Di bawah sampel minimum" cell says when nothing was forwarded to it. */
export const NOTHING_FORWARDED = 'Tidak ada pengaduan diteruskan';

/**
 * Where an unranked agency's row stands: one at the minimum sample (left unranked only when no
 * other agency reaches it), then those below it, then those forwarded nothing in the period.
 */
const UNRANKED = Number.MAX_SAFE_INTEGER;
const unrankedTier = (s: AgencyStats) => (s.assigned === 0 ? 2 : s.belowMinimumSample ? 1 : 0);

/**
 * One row per agency by name, then the totals ("Semua instansi"); rates in percent. An agency
 * forwarded nothing in the period keeps its row (one per agency, as the API's items) but says so
 * where a small sample would be: with no case it has no sample to be small.
 */
export function agencyStatsSheet(
  report: { readonly items: readonly AgencyStats[]; readonly totals: AgencyStats },
  names: AgencyNameMap,
): Sheet {
  const row = (s: AgencyStats, agency: string): SheetCell[] => [
    agency,
    s.assigned,
    s.redirected,
    s.withdrawn,
    s.acknowledged,
    s.acknowledgedOnTime,
    s.responded,
    s.respondedOnTime,
    s.completed,
    percent(s.responseRate),
    percent(s.onTimeRate),
    percent(s.acknowledgeOnTimeRate),
    s.medianWorkingDaysToFirstResponse ?? '',
    s.assigned === 0 ? NOTHING_FORWARDED : yesNo(s.belowMinimumSample),
    s.rank ?? '',
  ];
  // As the console's table opens: by rank (a shared rank by name), then the unranked by
  // `unrankedTier`, each by name (the API's order is the agencies' ids, which no reader knows).
  const named = report.items.map((s) => ({ s, name: nameOf(names, s.agencyId) }));
  named.sort(
    (a, b) =>
      (a.s.rank ?? UNRANKED) - (b.s.rank ?? UNRANKED) ||
      unrankedTier(a.s) - unrankedTier(b.s) ||
      a.name.localeCompare(b.name, 'id'),
  );
  return {
    columns: AGENCY_STATS_COLUMNS,
    rows: [...named.map(({ s, name }) => row(s, name)), row(report.totals, 'Semua instansi')],
  };
}

/** The case export's columns: the agenda number first, times in WIB (named in the header). */
export const CASE_SHEET_COLUMNS = [
  'Nomor agenda',
  `Diterima (${ZONE})`,
  'Saluran',
  'Perihal',
  'Jenis pengaduan',
  'Kategori',
  'Instansi terkait',
  'Status',
  'Lewat tenggat',
  'Hasil penutupan',
  `Ditutup (${ZONE})`,
] as const;

/**
 * A case as a row of the export, at `now` (for "Lewat tenggat"). Its agencies by name, one
 * cell, separated by "; " (a name may hold spaces and commas).
 */
export function caseSheetRow(c: CaseRecord, now: Date, names: AgencyNameMap): SheetCell[] {
  return [
    agendaOf(c),
    time(c.receivedAt),
    CHANNEL_LABELS[c.channel],
    c.subject,
    c.classification ? COMPLAINT_TYPE_LABELS[c.classification.type] : '',
    c.classification?.category ?? '',
    c.agencyIds.map((id) => nameOf(names, id)).join('; '),
    STATUS_LABELS[c.status],
    yesNo(isCaseOverdue(c, now)),
    c.closure ? OUTCOME_LABELS[c.closure.outcome] : '',
    c.closure ? time(c.closure.at) : '',
  ];
}

/**
 * A workbook's notes, label and value, on a sheet after the table ("Keterangan"): what a reader
 * the file was forwarded to needs besides it, who sees neither the file's name (the period) nor
 * the console's line over the table (the minimum sample). The table's sheet stays as it was.
 */
export type SheetNotes = readonly (readonly [string, SheetCell])[];
export const NOTES_SHEET_NAME = 'Keterangan';

/** The notes' labels that `reportHeading` reads back. */
export const NOTE_LABELS = {
  report: 'Laporan',
  period: `Periode (tanggal ${ZONE})`,
  agency: 'Instansi',
  /** A list's (the worklist's), which has no period: what it holds, and as of when. */
  list: 'Daftar',
  asOf: 'Keadaan pada',
} as const;

/**
 * The notes of a report over `from`–`to` (WIB dates, inclusive), counted at `at`: the figures
 * of a period still move while late answers come in, so a report says when it was counted.
 */
export function reportNotes(report: {
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly at: Date;
  /** The statistics': the smallest sample ranked. */
  readonly minimumSample?: number;
  /** The cases export's, with `agencyId`: that agency's name. */
  readonly agency?: string;
}): SheetNotes {
  const notes: [string, SheetCell][] = [
    [NOTE_LABELS.report, report.title],
    [NOTE_LABELS.period, `${indonesianDate(report.from)} s.d. ${indonesianDate(report.to)}`],
    [`Dihitung pada (${ZONE})`, time(report.at.toISOString())],
  ];
  if (report.minimumSample !== undefined)
    notes.push(
      ['Sampel minimum untuk diperingkat', report.minimumSample],
      [
        'Sampel',
        'diteruskan − bukan kewenangan − ditarik sebelum tenggat; instansi dengan sampel di bawah minimum tidak diperingkat',
      ],
      [
        'Peringkat',
        'menurut tingkat tanggapan, lalu tingkat tepat waktu (sama keduanya, sama peringkatnya); hanya bila sedikitnya dua instansi mencapai sampel minimum',
      ],
    );
  if (report.agency !== undefined) notes.push([NOTE_LABELS.agency, report.agency]);
  return notes;
}

/**
 * What heads each printed page of a report's table (its sheet's print header): the report, with
 * its agency when it is one agency's, then the period, read from its notes (`reportNotes`); a
 * list with no period (the worklist), what it holds and as of when. A page on the Deputy's desk
 * has neither the file's name nor the Keterangan sheet beside it.
 */
export function reportHeading(notes: SheetNotes): [string, string] {
  const value = (label: string) => {
    const note = notes.find(([l]) => l === label);
    return note ? String(cellText(note[1])) : '';
  };
  const agency = value(NOTE_LABELS.agency);
  const title = value(NOTE_LABELS.report);
  const asOf = value(NOTE_LABELS.asOf);
  return [
    agency ? `${title}: ${agency}` : title,
    value(NOTE_LABELS.period) ||
      (asOf ? `${value(NOTE_LABELS.list)} — keadaan ${asOf}` : value(NOTE_LABELS.list)),
  ];
}
