/**
 * What central's worklist says as a spreadsheet (`GET /v1/exports/assignments.csv`, `.xlsx`),
 * cell by cell: a list central sends on to agencies (forty of them chased at once, or one for a
 * phone call or a meeting), so each row says in words what the console's row says, agencies by
 * name, times in the reader's zone (WIB for central) named in the header. Never the
 * complainant's identity nor the tracking code (`report-sheets.ts` says why).
 */
import { localDateTime, type TimeZone, TIME_ZONE_LABELS } from './calendar.ts';
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

/** The worklist file's columns, its times in `zone` (the reader's), named in the header. */
export const worklistSheetColumns = (zone: TimeZone): readonly string[] => [
  'Instansi',
  'Nomor agenda',
  'Perihal',
  `Diteruskan (${TIME_ZONE_LABELS[zone]})`,
  'Status penugasan',
  `Tenggat berikutnya (${TIME_ZONE_LABELS[zone]})`,
  'Tenggat untuk',
  'Terlambat (hari kerja)',
  'Langkah eskalasi terakhir',
];

/**
 * An assignment of the worklist as a row: its agency by name, its case by agenda number and
 * subject, forwarded when, its state (paused said too), the next deadline (the overdue one while
 * one is) and what it is for, as the letters name it, the working days it is late by (as the
 * letters count them; none while it runs), and the ladder's rung it reached while overdue.
 */
export function worklistSheetRow(
  a: AssignmentView,
  names: AgencyNameMap,
  zone: TimeZone,
): SheetCell[] {
  const time = (instant: string) => ({ localTime: localDateTime(new Date(instant), zone) });
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
 * What the list holds, in words: the filters as the console's worklist says them (the desk's
 * lists, state, overdue, on which target, complaint type, central's intervention); with none,
 * the open assignments. The agency is a note of its own.
 */
export function worklistListWords(filter: WorklistExportFilter, zone: TimeZone): string {
  const parts: string[] = [];
  if (filter.awaitingReforward) parts.push('Bukan kewenangan, menunggu penerusan ulang');
  else if (filter.state) parts.push(`Status ${ASSIGNMENT_STATE_LABELS[filter.state]}`);
  if (filter.newlyOverdue) parts.push('Lewat tenggat sejak hari kerja sebelumnya');
  else if (filter.newlyOverdueSince)
    parts.push(`Lewat tenggat sejak ${formatLocal(filter.newlyOverdueSince, zone)}`);
  else if (filter.target) parts.push(`Lewat tenggat ${TARGET_LABELS[filter.target]}`);
  else if (filter.overdue === true) parts.push('Lewat tenggat');
  else if (filter.overdue === false) parts.push('Belum lewat tenggat');
  if (filter.dueWithin !== undefined)
    parts.push(`Tenggat dalam ${filter.dueWithin} hari kerja, belum lewat`);
  if (filter.type) parts.push(`Pengaduan ${COMPLAINT_TYPE_LABELS[filter.type].toLowerCase()}`);
  if (filter.monitoring === true) parts.push('Dalam intervensi pusat');
  if (filter.monitoring === false) parts.push('Di luar intervensi pusat');
  return parts.length === 0 ? 'Semua penugasan yang masih berjalan' : parts.join('; ');
}

/**
 * The workbook's notes: the report, what the list holds, its agency, as of when (a worklist
 * changes by the day: the printed page says which day's it is) and the zone of its times.
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
    ['Waktu', `Semua waktu dalam ${TIME_ZONE_LABELS[list.zone]}`],
  ];
}
