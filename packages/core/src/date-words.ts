/**
 * Dates and hours as letters, receipts and spreadsheets write them, in Indonesian: "16 Maret
 * 2026", "Kamis, 10 Desember 2026", "23.59 WIB", "30 Maret 2026 pukul 23.59 WIB", each in the
 * zone it is for (an agency's, a complainant's). Pure.
 */
import { localDate, TIME_ZONE_LABELS, type TimeZone, UTC_OFFSET_HOURS } from './calendar.ts';

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "16 Maret 2026" for a local calendar date (YYYY-MM-DD): a date as letters and reports write it. */
export function indonesianDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

const INDONESIAN_DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** "Kamis, 10 Desember 2026" of `instant` in `tz`. */
export function dayAndDate(instant: string, tz: TimeZone): string {
  const date = localDate(new Date(instant), tz);
  return `${INDONESIAN_DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}, ${indonesianDate(date)}`;
}

/** `instant` as the wall clock reads it in `tz` (its UTC fields are the local ones). */
const wallClock = (instant: string, tz: TimeZone): Date =>
  new Date(Date.parse(instant) + UTC_OFFSET_HOURS[tz] * 3_600_000);

/** "23.59 WIB": the hour of `instant` in a zone, named. */
export function hourIn(instant: string, tz: TimeZone): string {
  const d = wallClock(instant, tz);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${hh}.${mm} ${TIME_ZONE_LABELS[tz]}`;
}

/** "30 Maret 2026 pukul 23.59 WIB" in a zone (an agency's, a complainant's). */
export function formatLocal(instant: string, tz: TimeZone): string {
  const d = wallClock(instant, tz);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} pukul ${hourIn(instant, tz)}`;
}
