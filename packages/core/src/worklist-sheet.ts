/**
 * What central's worklist says as a spreadsheet (`GET /v1/exports/assignments.csv`, `.xlsx`),
 * cell by cell: a list central sends on to agencies (forty of them chased at once, or one for a
 * phone call or a meeting), so each row says in words what the console's row says, agencies by
 * name, each row's times in its agency's own zone named beside them (a Makassar agency reads
 * its deadline in WITA in its letters and console: the file it is sent says the same). Never
 * the complainant's identity nor the tracking code (`report-sheets.ts` says why).
 */
import { localDate, localDateTime, type TimeZone, TIME_ZONE_LABELS } from './calendar.ts';
import {
  ASSIGNMENT_STATE_LABELS,
  COMPLAINT_TYPE_LABELS,
  levelLabel,
  PAUSED_LABEL,
  TARGET_LABELS,
} from './labels.ts';
import { formatLocal } from './date-words.ts';
import { capitalise } from './letters.ts';
import { TARGETS } from './policy.ts';
import {
  type AgencyNameMap,
  NOTE_LABELS,
  type SheetCell,
  type SheetNotes,
} from './report-sheets.ts';
import type { AssignmentView, WorklistExportFilter } from './schemas.ts';

/** The workbook's sheet name. */
export const WORKLIST_SHEET_NAME = 'Penugasan';

/**
 * The worklist file's columns. Its times name their zone in each cell, not in the header: the
 * rows are of agencies in WIB, WITA and WIT.
 */
export const WORKLIST_SHEET_COLUMNS: readonly string[] = [
  'Instansi',
  'Nomor agenda',
  'Perihal',
  'Diteruskan',
  'Status penugasan',
  'Tenggat berikutnya',
  'Tenggat untuk',
  'Terlambat (hari kerja)',
  'Langkah eskalasi terakhir',
];

/**
 * An assignment of the worklist as a row: its agency by name, its case by agenda number and
 * subject, forwarded when, its state (paused said too), the next deadline (the overdue one while
 * one is) and what it is for, as the letters name it, the working days it is late by (as the
 * letters count them; none while it runs), and the ladder's rung it reached while overdue. Its
 * times are in the assignment's own zone (`timeZone`, its agency's), named beside them: the
 * deadline a Jayapura agency is sent reads `2026-03-09 23:59 WIT`, as its letters say it.
 */
export function worklistSheetRow(a: AssignmentView, names: AgencyNameMap): SheetCell[] {
  const time = (instant: string) => ({
    localTime: localDateTime(new Date(instant), a.timeZone),
    zone: TIME_ZONE_LABELS[a.timeZone],
  });
  // The soonest open target's date (none while paused or once the assignment ended).
  const due = a.nextDueAt;
  const target =
    due === null ? undefined : TARGETS.find((t) => a.met[t] === null && a.due[t] === due);
  return [
    names.get(a.agencyId) ?? a.agencyId,
    a.agendaNumber ?? '',
    a.subject ?? '',
    time(a.forwardedAt),
    a.paused
      ? `${ASSIGNMENT_STATE_LABELS[a.state]} (${PAUSED_LABEL.toLowerCase()})`
      : ASSIGNMENT_STATE_LABELS[a.state],
    due === null ? '' : time(due),
    target ? capitalise(TARGET_LABELS[target]) : '',
    a.nextDueWorkingDaysLate ?? '',
    a.escalationLevel > 0 ? levelLabel(a.escalationLevel) : '',
  ];
}

/**
 * The list's one deadline filter, as its rows are filtered: filters that cannot hold together
 * were refused before (`worklistFilterConflicts`), so at most one of "overdue" (since when, on
 * which target) and "due within" is left. "Due within" is what is not overdue yet: `overdue=false`
 * beside it says nothing more.
 */
type DeadlineFilter =
  | { readonly kind: 'newlyOverdue' }
  | { readonly kind: 'overdueSince'; readonly since: string }
  | { readonly kind: 'overdue' }
  | { readonly kind: 'dueWithin'; readonly days: number }
  | { readonly kind: 'notOverdue' };

function deadlineFilterOf(filter: WorklistExportFilter): DeadlineFilter | undefined {
  if (filter.newlyOverdue) return { kind: 'newlyOverdue' };
  if (filter.newlyOverdueSince) return { kind: 'overdueSince', since: filter.newlyOverdueSince };
  if (filter.target || filter.overdue === true) return { kind: 'overdue' };
  if (filter.dueWithin !== undefined) return { kind: 'dueWithin', days: filter.dueWithin };
  if (filter.overdue === false) return { kind: 'notOverdue' };
  return undefined;
}

/** The list's deadline filter in words, its target named: "Lewat tenggat Tindak lanjut …". */
function deadlineWords(filter: WorklistExportFilter, zone: TimeZone): string | undefined {
  const overdue = `Lewat tenggat${filter.target ? ` ${TARGET_LABELS[filter.target]}` : ''}`;
  const deadline = deadlineFilterOf(filter);
  switch (deadline?.kind) {
    case 'newlyOverdue':
      return `${overdue} sejak hari kerja sebelumnya`;
    case 'overdueSince':
      return `${overdue} sejak ${formatLocal(deadline.since, zone)}`;
    case 'overdue':
      return overdue;
    case 'dueWithin':
      return `Tenggat dalam ${deadline.days} hari kerja, belum lewat`;
    case 'notOverdue':
      return 'Belum lewat tenggat';
    case undefined:
      return undefined;
  }
}

/**
 * What the list holds, in words: the filters as the console's worklist says them (the desk's
 * lists, state, overdue, on which target, complaint type, central's intervention); with none,
 * the open assignments. The agency is a note of its own.
 */
export function worklistListWords(filter: WorklistExportFilter, zone: TimeZone): string {
  const parts: string[] = [];
  if (filter.awaitingReforward) parts.push('Bukan kewenangan, menunggu penerusan ulang');
  else if (filter.state) parts.push(`Status ${ASSIGNMENT_STATE_LABELS[filter.state]}`);
  const deadline = deadlineWords(filter, zone);
  if (deadline) parts.push(deadline);
  if (filter.type) parts.push(`Pengaduan ${COMPLAINT_TYPE_LABELS[filter.type].toLowerCase()}`);
  if (filter.monitoring === true) parts.push('Dalam intervensi pusat');
  if (filter.monitoring === false) parts.push('Di luar intervensi pusat');
  return parts.length === 0 ? 'Semua penugasan yang masih berjalan' : parts.join('; ');
}

/** The list's deadline filter in a file name's short words: `lewat-tenggat-baru-tindak-lanjut`. */
function deadlineSlug(filter: WorklistExportFilter, zone: TimeZone): string | undefined {
  const target = filter.target ? `-${slug(TARGET_LABELS[filter.target])}` : '';
  const deadline = deadlineFilterOf(filter);
  switch (deadline?.kind) {
    case 'newlyOverdue':
      return `lewat-tenggat-baru${target}`;
    case 'overdueSince':
      return `lewat-tenggat${target}-sejak-${localDate(new Date(deadline.since), zone)}`;
    case 'overdue':
      return `lewat-tenggat${target}`;
    case 'dueWithin':
      return `tenggat-dalam-${deadline.days}-hari-kerja`;
    case 'notOverdue':
      return 'belum-lewat-tenggat';
    case undefined:
      return undefined;
  }
}

/** Words as a file name's: lower case, ASCII letters and digits, hyphens between. */
const slug = (words: string): string =>
  words
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The file's name without its extension: `penugasan`, its agency, its list in short words and
 * the day it was taken (the reader's), such as `penugasan-lewat-tenggat-baru-2026-12-04` or
 * `penugasan-polri-tenggat-dalam-2-hari-kerja-2026-12-04`, so two lists downloaded the same day
 * keep their own files; `penugasan-berjalan-…` with no filter. ASCII letters, digits and
 * hyphens only (a `Content-Disposition` name every browser and mail client keeps).
 */
export function worklistFileName(filter: WorklistExportFilter, at: Date, zone: TimeZone): string {
  const list = [
    filter.awaitingReforward
      ? 'menunggu-penerusan-ulang'
      : filter.state && slug(ASSIGNMENT_STATE_LABELS[filter.state]),
    deadlineSlug(filter, zone),
    filter.type && `pengaduan-${slug(COMPLAINT_TYPE_LABELS[filter.type])}`,
    filter.monitoring === undefined
      ? undefined
      : filter.monitoring
        ? 'dalam-intervensi-pusat'
        : 'di-luar-intervensi-pusat',
  ].filter((part) => part);
  return [
    'penugasan',
    ...(filter.agencyId ? [slug(filter.agencyId)] : []),
    ...(list.length > 0 ? list : ['berjalan']),
    localDate(at, zone),
  ].join('-');
}

/**
 * The workbook's notes: the report, what the list holds, its agency, as of when (a worklist
 * changes by the day: the printed page says which day's it is; in the reader's zone, named) and
 * that each row's times are in its agency's zone, named beside them.
 */
export function worklistNotes(list: {
  readonly filter: WorklistExportFilter;
  readonly agency: string | undefined;
  readonly at: Date;
  readonly zone: TimeZone;
}): SheetNotes {
  return [
    [NOTE_LABELS.report, 'Penugasan instansi'],
    [NOTE_LABELS.list, worklistListWords(list.filter, list.zone)],
    ...(list.agency === undefined ? [] : [[NOTE_LABELS.agency, list.agency] as const]),
    [NOTE_LABELS.asOf, formatLocal(list.at.toISOString(), list.zone)],
    [
      'Waktu',
      'Waktu setiap penugasan dalam zona waktu instansinya (WIB, WITA atau WIT), tertulis di sampingnya',
    ],
  ];
}
