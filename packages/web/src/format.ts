/**
 * Dates as officers read them: in their agency's time zone, with the zone named the Indonesian
 * way (WIB, WITA, WIT), because a deadline of "23.59" means nothing without it.
 */
import { TIME_ZONE_LABELS, UTC_OFFSET_HOURS } from '@pantau/core/schemas';

export type Lang = 'id' | 'en';
export type TimeZone = keyof typeof TIME_ZONE_LABELS;

/** The zone database's names a device in Indonesia may report, as the zone they keep. */
const INDONESIAN_ZONES: Readonly<Record<string, TimeZone>> = {
  'Asia/Jakarta': 'Asia/Jakarta',
  // West Kalimantan has its own name in the database; its clocks keep WIB.
  'Asia/Pontianak': 'Asia/Jakarta',
  'Asia/Makassar': 'Asia/Makassar',
  'Asia/Jayapura': 'Asia/Jayapura',
};

/**
 * The zone of the public pages (no sign-in, so no agency's zone): the device's own when it is
 * one of Indonesia's, so a complainant in Makassar reads WITA; WIB otherwise (a device abroad).
 */
export function publicZone(
  device: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone,
): TimeZone {
  return (device && INDONESIAN_ZONES[device]) || 'Asia/Jakarta';
}

const locale = (lang: Lang): string => (lang === 'id' ? 'id-ID' : 'en-GB');

/** `30 Mar 2026, 23.59 WIB` (id) / `30 Mar 2026, 23:59 WIB` (en). */
export function formatInstant(iso: string, zone: TimeZone, lang: Lang): string {
  const text = new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(iso));
  return `${text} ${TIME_ZONE_LABELS[zone]}`;
}

/** The day an instant falls on in a zone, without the time: `3 Mar 2026`. */
export function formatDay(iso: string, zone: TimeZone, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: zone,
  }).format(new Date(iso));
}

/** A calendar date (`YYYY-MM-DD`) with its weekday: `Sen, 30 Mar 2026`. */
export function formatDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** A calendar date in full, as a decree writes it: `Jumat, 1 Januari 2027`. */
export function formatDateLong(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * A `date` (`2026-04-03`) or `datetime-local` (`2026-04-03T10:00`) value's day and hour, when it
 * names a day that exists; null when empty, half typed (a browser gives year `0202` on the way
 * to `2026`) or not a day (`2026-02-30`).
 */
export function readLocalValue(value: string): { date: string; time?: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(value);
  if (!m || Number(m[1]) < 1000) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) return null;
  if (m[4] === undefined) return { date };
  if (Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  return { date, time: `${m[4]}:${m[5]}` };
}

/** An hour of the clock (`10:00`) as the language writes it: `10.00` (id), `10:00` (en). */
export function formatClock(time: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(`1970-01-01T${time}:00Z`));
}

/** A count as the reader's language writes it: a year's 12.345 complaints, not "12345". */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

export function formatPercent(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(
    rate,
  );
}

/** The calendar date of an instant in a zone (`YYYY-MM-DD`). */
export function dateIn(iso: string | Date, zone: TimeZone): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(iso));
}

/** An instant as a `datetime-local` value in a zone (`2026-03-30T09:00`): `toInstant` undone. */
export function toLocalInput(iso: string, zone: TimeZone): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + UTC_OFFSET_HOURS[zone] * 3_600_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value (`2026-03-30T09:00`) read in a zone, as an ISO instant. */
export function toInstant(local: string, zone: TimeZone): string {
  return `${local.length === 16 ? `${local}:00` : local}+0${UTC_OFFSET_HOURS[zone]}:00`;
}
